"""What each revision changed, read back from the anchor lock's history.

An edited clause shows its text before and after the revision, with the
change marked (`diff`); a removed paragraph is listed once, with its
sentences, never sentence by sentence as well.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from .clauses import PAGE, SENTENCE
from .lock import Lock
from .revisions import Revision

EVENTS = ("added", "edited", "moved", "removed")


@dataclass(frozen=True)
class Row:
    """One changed clause in a revision."""

    event: str
    id: str
    kind: str
    number: str
    text: str
    live: bool
    old: str = ""

    def diff(self) -> list[tuple[str, str]]:
        """Return the edit as (op, text) pieces: op is '' (kept), 'del' or 'ins'."""
        return diff(self.old, self.text)


def diff(old: str, new: str) -> list[tuple[str, str]]:
    """Return the changes from old to new text as (op, text) pieces, character by character."""
    pieces: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pieces.append(("", old[i1:i2]))
            continue
        if i2 > i1:
            pieces.append(("del", old[i1:i2]))
        if j2 > j1:
            pieces.append(("ins", new[j1:j2]))
    return pieces


@dataclass(frozen=True)
class RevisionLog:
    """A revision with its changes in document order: parts, sections and
    paragraphs, and removed sentences (other sentence changes show in their paragraph)."""

    revision: Revision
    first: bool
    rows: tuple[Row, ...]
    sentences: dict[str, int]

    def count(self, event: str) -> int:
        """Return how many parts, sections and paragraphs had this event."""
        return sum(1 for row in self.rows if row.event == event and row.kind != "line")


def changelog(lock: Lock, revisions: tuple[Revision, ...]) -> tuple[RevisionLog, ...]:
    """Return the log of every revision, newest first."""
    logs = [_log(lock, revision, index == 0) for index, revision in enumerate(revisions)]
    return tuple(reversed(logs))


def _log(lock: Lock, revision: Revision, first: bool) -> RevisionLog:
    rows, sentences = [], dict.fromkeys(EVENTS, 0)
    for entry in lock.entries:
        if entry.kind == PAGE:
            continue
        for event in _events(entry, revision.key):
            if entry.kind == SENTENCE:
                sentences[event] += 1
            if entry.kind != SENTENCE or (event == "removed" and not _removed_with_parent(lock, entry)):
                rows.append(_row(lock, entry, event, revision.key))
    return RevisionLog(revision, first, tuple(rows), sentences)


def _row(lock: Lock, entry, event: str, key: str) -> Row:
    number = entry.number or _parent_number(lock, entry)
    if event != "edited":
        return Row(event, entry.id, entry.kind, number, _text(lock, entry), entry.live)
    return Row(event, entry.id, entry.kind, number, _text_after(lock, entry, key), entry.live, _text_before(entry, key))


def _removed_with_parent(lock: Lock, entry) -> bool:
    parent = lock.by_id.get(entry.parent)
    return parent is not None and parent.removed == entry.removed


def _text_before(entry, key: str) -> str:
    return next((text for revision, text in entry.was if revision == key), "")


def _text_after(lock: Lock, entry, key: str) -> str:
    """Return a clause's text as a revision left it: the text before the next edit, else today's."""
    later = [text for revision, text in entry.was if revision > key]
    return later[0] if later else _text(lock, entry)


def _events(entry, key: str) -> list[str]:
    found = ["added"] if entry.added == key else []
    found += ["edited"] if key in entry.edited else []
    found += ["moved"] if key in entry.moved else []
    found += ["removed"] if entry.removed == key else []
    return found


def _parent_number(lock: Lock, entry) -> str:
    parent = lock.by_id.get(entry.parent)
    return parent.number if parent else ""


def _text(lock: Lock, entry) -> str:
    """Return a clause's text; a live paragraph's is that of its live sentences."""
    children = [e for e in lock.children.get(entry.id, ()) if e.kind == SENTENCE]
    return entry.text or "".join(e.text for e in children if e.live or not entry.live)
