"""The anchor lock: every id ever published, with the fingerprint of its clause.

`anchors.lock` is a tab-separated text file, one clause per line, in
document order, so that a pull request shows a changed clause as a changed
line. Removed clauses stay in the file with their removal date and the
nearest surviving clause; their ids are never given out again. Published
page URLs are recorded too (kind `page`), so that a page that moves leaves a
redirect behind. An edited clause keeps its text before each edit.

The last line is a checksum of all the others. The build trusts the lock only
when it is intact: a hand edit (two ids swapped, a line emptied, a clause
marked removed, a truncated file) would move or drop published anchors, so
it is refused with an error that says how to restore the file.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..text.errors import InputError, Problem
from ..text.source import read_text

HEADER = """\
# Anchor lock: every clause id ever published on the site, one per line.
# Written by `python -m generator build`; review it and commit it with the text.
# Columns (tab-separated): id, kind, parent, position, number, fingerprint,
#   history, text. `fingerprint` is a hash of the normalized text; `history`
#   lists the revisions (added, edited, moved, removed) and, for a removed
#   clause, the nearest surviving clause (successor) and where its tombstone
#   stands (before, after or inside it); `from` names a page the clause moved
#   away from, which keeps a pointer to its new place. `was` lists, as JSON,
#   [revision, text before it] for each edit. Ids are never reused.
# Do not edit by hand: the last line is a checksum of the others, and a lock
# that does not match it is refused.
"""
COLUMNS = ("id", "kind", "parent", "position", "number", "fingerprint", "history", "text", "was")
CHECKSUM = "# checksum "
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
EVENTS = ("added", "edited", "moved", "removed")
KINDS = ("line", "part", "section", "appendix", "paragraph", "sentence", "page")
ID_RE = re.compile(r"[a-z][a-z0-9-]*")
PSEUDO_OR_ID_RE = ID_RE
PAGE_RE = re.compile(r"/(?:[a-z0-9][a-z0-9-]*/)*")
SIDES = ("before", "after", "inside")


@dataclass(frozen=True)
class Entry:
    """One published id and what is known of its clause."""

    id: str
    kind: str
    parent: str
    position: int
    number: str
    fingerprint: str
    text: str
    added: str
    edited: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    removed: str = ""
    successor: str = ""
    side: str = ""
    origins: tuple[str, ...] = ()
    was: tuple[tuple[str, str], ...] = ()
    line: int = field(default=0, compare=False)

    @property
    def live(self) -> bool:
        return not self.removed

    def history(self) -> str:
        """Return the history column."""
        parts = [f"added={self.added}"]
        parts += [f"edited={d}" for d in self.edited] + [f"moved={d}" for d in self.moved]
        parts += [f"from={page}" for page in self.origins]
        if self.removed:
            parts += [f"removed={self.removed}", f"successor={self.successor}", f"side={self.side}"]
        return " ".join(parts)


@dataclass(frozen=True)
class Lock:
    """All entries, in document order."""

    entries: tuple[Entry, ...] = ()

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}

    @cached_property
    def children(self) -> dict[str, tuple[Entry, ...]]:
        """Return the entries under each parent id, in document order."""
        found: dict[str, list[Entry]] = {}
        for e in self.entries:
            found.setdefault(e.parent, []).append(e)
        return {parent: tuple(items) for parent, items in found.items()}

    def live(self, kind: str) -> list[Entry]:
        """Return the live entries of one kind, in document order."""
        return [e for e in self.entries if e.kind == kind and e.live]

    def removed(self) -> list[Entry]:
        return [e for e in self.entries if not e.live]

    def resolve(self, clause_id: str) -> str:
        """Return the live id that stands for `clause_id` (following successors)."""
        seen = set()
        while clause_id in self.by_id and not self.by_id[clause_id].live and clause_id not in seen:
            seen.add(clause_id)
            clause_id = self.by_id[clause_id].successor
        return clause_id


def format_lock(lock: Lock) -> str:
    """Return the text of the lock file, ending with its checksum line."""
    lines = [HEADER.rstrip("\n")]
    for e in lock.entries:
        was = json.dumps([list(pair) for pair in e.was], ensure_ascii=False) if e.was else "-"
        fields = (e.id, e.kind, e.parent or "-", str(e.position), e.number or "-", e.fingerprint, e.history(), e.text, was)
        lines.append("\t".join(escape_field(f) for f in fields))
    body = "\n".join(lines) + "\n"
    return body + CHECKSUM + checksum(body) + "\n"


def checksum(body: str) -> str:
    """Return the checksum of the lock's lines (everything before the checksum line)."""
    return "sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest()


def verify(text: str, path: str, what: str = "anchor lock") -> None:
    """Refuse a lock whose checksum line is missing or does not match its other lines."""
    body, _, last = text.rstrip("\n").rpartition("\n")
    body += "\n"
    if last.startswith(CHECKSUM) and last[len(CHECKSUM) :].strip() == checksum(body):
        return
    line = text.count("\n") + (not text.endswith("\n"))
    raise InputError.at(
        path, line,
        f"the {what} was changed by hand (its checksum does not match), so it cannot be trusted: "
        f"restore it from version control (git checkout -- {path}) and run the build again; the build "
        "records every change in it by itself",
    )


def parse_lock(text: str, path: str) -> Lock:
    """Return the lock read from its text; malformed lines are errors with their line."""
    verify(text, path)
    entries, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            entries.append(replace(_entry(line), line=number))
        except ValueError as exc:
            problems.append(Problem(path, number, f"malformed lock line: {exc}"))
    seen: set[str] = set()
    for e in entries:
        if e.id in seen:
            problems.append(Problem(path, 0, f"id {e.id!r} appears twice in the lock"))
        seen.add(e.id)
    if problems:
        raise InputError(problems)
    return Lock(tuple(entries))


def read_lock(path: Path, display: str) -> Lock | None:
    """Return the lock at path, or None when there is none yet (first publication)."""
    if not path.exists():
        return None
    return parse_lock(read_text(path, display), display)


def _entry(line: str) -> Entry:
    fields = [unescape_field(f) for f in line.split("\t")]
    if len(fields) != len(COLUMNS):
        raise ValueError(f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}")
    cid, kind, parent, position, number, fingerprint, history, text, was = fields
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not (PAGE_RE if kind == "page" else ID_RE).fullmatch(cid):
        raise ValueError(f"malformed id {cid!r}")
    if kind == "page" and not PSEUDO_OR_ID_RE.fullmatch(text):
        raise ValueError(f"malformed clause {text!r} of page {cid}")
    events = _history(history)
    for key in ("successor",):
        if any(not ID_RE.fullmatch(value) for value in events.get(key, [])):
            raise ValueError(f"malformed {key} in {history!r}")
    if any(not PAGE_RE.fullmatch(value) for value in events.get("from", [])):
        raise ValueError(f"malformed page in {history!r}")
    return Entry(
        id=cid,
        kind=kind,
        parent="" if parent == "-" else parent,
        position=int(position),
        number="" if number == "-" else number,
        fingerprint=fingerprint,
        text=text,
        added=events.get("added", [""])[0],
        edited=tuple(events.get("edited", [])),
        moved=tuple(events.get("moved", [])),
        removed=events.get("removed", [""])[0],
        successor=events.get("successor", [""])[0],
        side=events.get("side", [""])[0],
        origins=tuple(events.get("from", [])),
        was=_was(was),
    )


def _was(column: str) -> tuple[tuple[str, str], ...]:
    if column == "-":
        return ()
    try:
        pairs = json.loads(column)
    except ValueError:
        raise ValueError("the 'was' column is not JSON") from None
    if not isinstance(pairs, list) or not all(_pair(p) for p in pairs):
        raise ValueError("the 'was' column must list [revision, text] pairs")
    return tuple((p[0], p[1]) for p in pairs)


def _pair(item) -> bool:
    return (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)
            and DATE_RE.fullmatch(item[0]) is not None)


def _history(column: str) -> dict[str, list[str]]:
    events: dict[str, list[str]] = {}
    for token in column.split():
        key, sep, value = token.partition("=")
        if not sep or key not in EVENTS + ("successor", "side", "from"):
            raise ValueError(f"unknown history entry {token!r}")
        if key in EVENTS and not DATE_RE.fullmatch(value):
            raise ValueError(f"history entry {token!r} is not a date (YYYY-MM-DD)")
        events.setdefault(key, []).append(value)
    if "added" not in events:
        raise ValueError("history lacks 'added='")
    return events


def escape_field(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def unescape_field(text: str) -> str:
    if "\\" not in text:
        return text
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append({"t": "\t", "n": "\n", "\\": "\\"}.get(text[i + 1], text[i + 1]))
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def with_removal(entry: Entry, date: str, successor: str, side: str) -> Entry:
    """Return the entry marked as removed in the revision of `date`."""
    return replace(entry, removed=date, successor=successor, side=side)
