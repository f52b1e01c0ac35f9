"""Tombstones: what stands on the site where a removed clause used to be.

A removed clause keeps an element with its id, next to the nearest surviving
clause (its anchor), saying when it was removed and linking to the anchor.
The ids of removed clauses inside a removed clause (the sentences of a
removed paragraph, say) are empty anchors inside their ancestor's tombstone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from .clauses import PAGE, SENTENCE
from .lock import Lock


@dataclass(frozen=True)
class Tombstone:
    """The tombstone of one removed clause."""

    id: str
    kind: str
    number: str
    removed: str
    anchor: str
    side: str
    inline: bool
    nested: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Tombstones:
    """Tombstones by the live clause they stand next to."""

    by_anchor: dict[tuple[str, str], tuple[Tombstone, ...]]

    def at(self, anchor: str, side: str) -> tuple[Tombstone, ...]:
        """Return the tombstones that stand `side` (before, after, inside) the clause `anchor`."""
        return self.by_anchor.get((anchor, side), ())

    def __contains__(self, anchor: str) -> bool:
        """Tell whether any tombstone stands next to the clause `anchor`."""
        return anchor in self.anchors

    @cached_property
    def anchors(self) -> frozenset[str]:
        return frozenset(anchor for anchor, _ in self.by_anchor)

    def all(self) -> list[Tombstone]:
        return [t for group in self.by_anchor.values() for t in group]


def collect(lock: Lock, kinds: dict[str, str]) -> Tombstones:
    """Return the tombstones of a lock; `kinds` gives the kind of every live id."""
    removed = [e for e in lock.entries if not e.live and e.kind != PAGE]
    roots = [e for e in removed if not _inside_removed(lock, e)]
    nested = defaultdict(list)
    for e in removed:
        root = _root(lock, e.id)
        if root != e.id:
            nested[root].append(e.id)
    groups = defaultdict(list)
    for e in roots:
        anchor, side = _anchor(lock, e.id)
        inline = e.kind == SENTENCE and kinds.get(anchor) == SENTENCE
        text = e.text or "".join(x.text for x in lock.children.get(e.id, ()) if x.kind == SENTENCE)
        stone = Tombstone(e.id, e.kind, e.number, e.removed, anchor, side, inline, tuple(nested[e.id]), text)
        groups[(anchor, side)].append(stone)
    return Tombstones({key: tuple(value) for key, value in groups.items()})


def _inside_removed(lock: Lock, entry) -> bool:
    parent = lock.by_id.get(entry.parent)
    return parent is not None and not parent.live


def _root(lock: Lock, clause_id: str) -> str:
    entry = lock.by_id[clause_id]
    while _inside_removed(lock, entry):
        entry = lock.by_id[entry.parent]
    return entry.id


def _anchor(lock: Lock, clause_id: str) -> tuple[str, str]:
    """Follow successors to a live clause; the side is that of the last step."""
    entry, seen = lock.by_id[clause_id], set()
    side = entry.side
    while not entry.live and entry.successor in lock.by_id and entry.id not in seen:
        seen.add(entry.id)
        side, entry = entry.side, lock.by_id[entry.successor]
    return entry.id, side


@dataclass(frozen=True)
class Pointer:
    """What a page keeps for a clause that moved to another page."""

    id: str
    kind: str
    nested: tuple[str, ...]


def pointers(lock: Lock) -> dict[str, tuple[Pointer, ...]]:
    """Return, by page path, the clauses that moved away from that page."""
    found = defaultdict(list)
    nested = defaultdict(list)
    for e in lock.entries:
        for page in e.origins if e.live else ():
            parent = lock.by_id.get(e.parent)
            if parent is not None and page in parent.origins:
                nested[(page, _moved_root(lock, e.id, page))].append(e.id)
            else:
                found[page].append(e)
    return {
        page: tuple(Pointer(e.id, e.kind, tuple(nested[(page, e.id)])) for e in entries)
        for page, entries in found.items()
    }


def _moved_root(lock: Lock, clause_id: str, page: str) -> str:
    entry = lock.by_id[clause_id]
    while (parent := lock.by_id.get(entry.parent)) is not None and page in parent.origins:
        entry = parent
    return entry.id
