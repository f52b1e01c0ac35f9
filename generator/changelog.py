"""What each revision changed, read back from the anchor lock's history."""

from __future__ import annotations

from dataclasses import dataclass

from .lock import Lock
from .reconcile import PAGE, SENTENCE
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
            if entry.kind != SENTENCE or event == "removed":
                number = entry.number or _parent_number(lock, entry)
                rows.append(Row(event, entry.id, entry.kind, number, _text(lock, entry), entry.live))
    return RevisionLog(revision, first, tuple(rows), sentences)


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
