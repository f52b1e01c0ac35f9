"""Reconciling a parsed report with the anchor lock: which clause keeps which id.

Clauses are matched first (see `matching`: sentences in place, moved, moved
and edited; paragraphs, sections and parts by the majority of their
sentences). Whatever is left is new (a fresh id, never used before: the
structural id of its place if free, else the id of the clause before it with
a letter, as in legislation: `p1-2a`), or removed (its id stays in the lock as
removed, with the nearest surviving clause for its tombstone).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from string import ascii_lowercase
from typing import Iterator

from ..text.model import Report
from .clauses import APPENDIX, LINE, PAGE, PARAGRAPH, PART, SECTION, SENTENCE, Clause, flatten
from .fingerprint import fingerprint
from .lock import Entry, Lock, with_removal
from .matching import Ambiguity, State, match_by_children, match_lines, match_sentences


@dataclass(frozen=True)
class Change:
    """One difference between the lock and the text."""

    event: str
    id: str
    kind: str
    number: str
    old_text: str = ""
    new_text: str = ""
    successor: str = ""


@dataclass(frozen=True)
class Reconciliation:
    """The ids of the new tree, the new lock, and what changed."""

    ids: dict[str, str]
    lock: Lock
    changes: tuple[Change, ...]
    ambiguities: tuple[Ambiguity, ...]

    def count(self, event: str) -> int:
        return sum(1 for c in self.changes if c.event == event)


def reconcile(lock: Lock | None, report: Report, revision: str) -> Reconciliation:
    """Match the report (with positional ids) against the lock; return ids, new lock and changes."""
    clauses = flatten(report)
    old = lock or Lock()
    state = State()
    match_lines(old, clauses, state)
    match_sentences(old.live(SENTENCE), [c for c in clauses if c.kind == SENTENCE], state)
    for kind in (PARAGRAPH, SECTION, PART, APPENDIX):
        match_by_children(old, clauses, kind, state)
    ids = _assign_ids(clauses, state, old)
    entries, changes = _entries(old, clauses, ids, state, revision)
    removed, removals = _removals(old, state, revision)
    new_lock = Lock(tuple(_ordered(entries, removed)))
    return Reconciliation(ids, new_lock, tuple(changes + removals), tuple(state.ambiguities))


def _assign_ids(clauses: list[Clause], state: State, old: Lock) -> dict[str, str]:
    """Return final ids: the old id of a match, else a fresh one, parents first."""
    used = set(old.by_id)
    ids: dict[str, str] = {}
    previous: dict[tuple[str, str], str] = {}
    for c in clauses:
        match = state.matches.get(c.key)
        parent = ids.get(c.parent, c.parent)
        if match:
            ids[c.key] = match.old
        else:
            ids[c.key] = _fresh(c, parent, previous.get((c.parent, c.kind)), used)
        used.add(ids[c.key])
        previous[(c.parent, c.kind)] = ids[c.key]
    return ids


def _fresh(c: Clause, parent: str, before: str | None, used: set[str]) -> str:
    base = parent + c.suffix if c.kind in (SECTION, PARAGRAPH, SENTENCE) and parent not in ("opening", "closing") else c.key
    if base not in used:
        return base
    stem = before or _zeroth(base, c.position)
    return next(stem + letters for letters in _letters() if stem + letters not in used)


def _zeroth(base: str, position: int) -> str:
    """Return the id 'before the first' child: p1-0 for p1-3, p1-2-s0 for p1-2-s1."""
    head = base[: len(base) - len(str(position))]
    return head + "0"


def _letters() -> Iterator[str]:
    yield from ascii_lowercase
    for first in ascii_lowercase:
        for second in ascii_lowercase:
            yield first + second


def _entries(old: Lock, clauses: list[Clause], ids: dict[str, str], state: State, revision: str):
    """Return the lock entries of the new tree and the changes, in document order."""
    changed = {c.parent for c in clauses if c.kind == SENTENCE and _text_changed(old, c, state)}
    entries, changes = [], []
    for c in clauses:
        entry, change = _entry(old, c, ids, state, revision, c.key in changed)
        entries.append(entry)
        if change:
            changes.append(change)
    return entries, changes


def _text_changed(old: Lock, c: Clause, state: State) -> bool:
    match = state.matches.get(c.key)
    return match is None or old.by_id[match.old].text != c.text


def _entry(old: Lock, c: Clause, ids: dict[str, str], state: State, revision: str, child_changed: bool):
    """Return the lock entry of a new clause, and its change if it has one."""
    cid, parent = ids[c.key], ids.get(c.parent, c.parent)
    text = "" if c.kind == PARAGRAPH else c.text
    fresh = Entry(cid, c.kind, parent, c.position, c.number, fingerprint(c.text), text, added=revision)
    match = state.matches.get(c.key)
    if not match:
        return fresh, Change("added", cid, c.kind, c.number, new_text=c.text)
    before = old.by_id[match.old]
    old_text = _live_text(old, before)
    edited = before.text != text if c.kind != PARAGRAPH else (before.fingerprint != fresh.fingerprint or child_changed)
    moved = match.moved or before.parent != parent
    entry = replace(
        before,
        parent=parent,
        position=c.position,
        number=c.number,
        fingerprint=fresh.fingerprint,
        text=text,
        edited=before.edited + ((revision,) if edited and revision not in before.edited else ()),
        moved=before.moved + ((revision,) if moved and revision not in before.moved else ()),
        was=_was(before, revision, old_text, c.text) if edited else before.was,
    )
    if moved:
        return entry, Change("moved", cid, c.kind, c.number, old_text, c.text)
    if edited:
        return entry, Change("edited", cid, c.kind, c.number, old_text, c.text)
    return entry, None


def _live_text(old: Lock, entry: Entry) -> str:
    """Return a clause's text in the lock: a paragraph's is that of its live sentences."""
    if entry.kind != PARAGRAPH:
        return entry.text
    return "".join(e.text for e in old.children.get(entry.id, ()) if e.kind == SENTENCE and e.live)


def _was(before: Entry, revision: str, old_text: str, new_text: str) -> tuple[tuple[str, str], ...]:
    """Return the texts before each edit, with the text before this revision's edit
    (kept from the first build of the revision when it is built again)."""
    if any(key == revision for key, _ in before.was):
        return before.was
    return before.was + ((revision, old_text),) if old_text != new_text else before.was


def _removals(old: Lock, state: State, revision: str) -> tuple[list[Entry], list[Change]]:
    """Mark unmatched live clauses removed, each with its nearest surviving clause."""
    removed, changes = [e for e in old.entries if not e.live and e.kind != PAGE], []
    gone = [e for e in old.entries if e.live and e.kind != PAGE and e.id not in state.taken]
    for entry in gone:
        successor, side = _successor(old, entry, state.taken)
        removed.append(with_removal(entry, revision, successor, side))
        changes.append(Change("removed", entry.id, entry.kind, entry.number, entry.text or _paragraph_text(old, entry), successor=successor))
    return removed, changes


def _paragraph_text(old: Lock, entry: Entry) -> str:
    return "".join(e.text for e in old.children.get(entry.id, ()) if e.kind == SENTENCE)


def _successor(old: Lock, entry: Entry, survivors: set[str]) -> tuple[str, str]:
    siblings = [e for e in old.children.get(entry.parent, ()) if e.live and e.kind == entry.kind]
    found = _neighbour(siblings, siblings.index(entry), survivors)
    if found:
        return found
    parent = old.by_id.get(entry.parent)
    if parent is None:
        return _nearest(old, entry, survivors)
    if parent.id in survivors:
        return parent.id, "inside"
    return _successor(old, parent, survivors)


def _nearest(old: Lock, entry: Entry, survivors: set[str]) -> tuple[str, str]:
    """Return the next surviving clause in document order, else the previous one."""
    order = [e for e in old.entries if e.live and e.kind in (PART, APPENDIX, PARAGRAPH, LINE)]
    index = next((n for n, e in enumerate(order) if e.id == entry.id), 0)
    return _neighbour(order, index, survivors) or ("dateline", "after")


def _neighbour(order: list[Entry], index: int, survivors: set[str]) -> tuple[str, str] | None:
    """Return the first survivor after order[index] (standing before it), else the last one
    before it (standing after it), else None."""
    for e in order[index + 1 :]:
        if e.id in survivors:
            return e.id, "before"
    for e in reversed(order[:index]):
        if e.id in survivors:
            return e.id, "after"
    return None


def _ordered(entries: list[Entry], removed: list[Entry]) -> Iterator[Entry]:
    """Yield live entries in document order, each removed entry next to its successor."""
    lock = Lock(tuple(entries) + tuple(removed))
    attached = defaultdict(lambda: ([], []))
    for e in removed:
        anchor = lock.resolve(e.successor)
        attached[anchor][0 if e.side == "before" else 1].append(e)
    for e in entries:
        yield from attached[e.id][0]
        yield e
        yield from attached[e.id][1]


def record_origins(lock: Lock, old: Lock | None, pages_now: dict[str, str]) -> Lock:
    """Note, for every clause now on another page than before, the page it left.

    `pages_now` gives the page path of every live id. A clause that comes back
    to a page it once left loses that origin.
    """
    if old is None:
        return lock
    was = _old_pages(old)
    entries = []
    for e in lock.entries:
        now, before = pages_now.get(e.id), was.get(e.id)
        origins = tuple(o for o in e.origins if o != now)
        if e.live and before and now and before != now and before not in origins:
            origins += (before,)
        entries.append(replace(e, origins=origins) if origins != e.origins else e)
    return Lock(tuple(entries))


def _old_pages(old: Lock) -> dict[str, str]:
    """Return the page each live clause of an old lock was published on."""
    page_of_clause = {e.text: e.id for e in old.entries if e.kind == PAGE and e.live}
    page_of_clause.setdefault("opening", page_of_clause.get("report", ""))
    pages = {}
    for e in old.entries:
        if not e.live or e.kind == PAGE:
            continue
        if e.kind == LINE:
            pages[e.id] = page_of_clause.get("report", "")
        elif e.id in page_of_clause:
            pages[e.id] = page_of_clause[e.id]
        else:
            pages[e.id] = pages.get(e.parent) or page_of_clause.get(e.parent, "")
    return pages


def record_pages(lock: Lock, old: Lock | None, pages: dict[str, str], revision: str) -> tuple[Lock, list[Change]]:
    """Add the published pages (path -> id shown) to the lock; a page no longer
    produced stays as removed, so that its URL can redirect."""
    previous = old or Lock()
    entries, changes = [], []
    for position, (path, clause) in enumerate(pages.items(), start=1):
        before = previous.by_id.get(path)
        added = before.added if before else revision
        entries.append(Entry(path, PAGE, "", position, "", "-", clause, added=added))
    for e in previous.entries:
        if e.kind == PAGE and e.id not in pages:
            entries.append(replace(e, removed=e.removed or revision, successor=e.successor or e.text, side="inside"))
            if not e.removed:
                changes.append(Change("removed", e.id, PAGE, "", e.text, successor=e.text))
    return Lock(lock.entries + tuple(entries)), changes
