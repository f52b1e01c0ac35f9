"""The catalog: every report the archive ever published (`content/catalog.lock`).

A report leaves the archive as a clause leaves a report: never silently.
The catalog keeps, for every report folder the archive published, its
address, its titles, where its text came from, the date of its first
publication, the page addresses it had and a digest of its anchor lock. A
build then knows when a folder is gone:

- a folder renamed (its anchor lock moved with it: a new folder holds a lock
  with the digest of the one gone) is a move: every address of the old
  report redirects to the same page of the new one;
- a folder deleted is refused until the editor accepts it by name
  (`--accept-removals national-1978`); then its addresses answer with a
  tombstone that says what it was, when it was removed and where its text
  can be found;
- a published report whose `anchors.lock` is gone is refused until the lock
  is restored or a fresh history is accepted by name
  (`--accept-fresh-history jilin-2023`; see `content.prepare`).

The file is tab-separated, one report a line, and ends with a checksum line
like the anchor lock: a hand edit is refused.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

from ..text.errors import InputError, Problem
from ..text.source import read_text
from .lock import CHECKSUM, DATE_RE, PAGE_RE, checksum, escape_field, unescape_field, verify

FILE = "catalog.lock"
HEADER = """\
# Catalog: every report the archive has published, one per line.
# Written by `python -m generator build`; review it and commit it with the reports.
# Columns (tab-separated): folder, address, title, English title, source of the
#   text, first published, removed (date or -), moved to (folder or -), digest
#   of the report's anchors.lock as last built, its page addresses.
# A report removed or renamed keeps its line: its addresses never answer 404.
# Do not edit by hand: the last line is a checksum of the others, and a file
# that does not match it is refused.
"""
COLUMNS = ("slug", "base", "title", "title_en", "source", "first", "removed", "moved", "lock", "pages")


@dataclass(frozen=True)
class Published:
    """A report the archive published: where, what, and whether it is still there."""

    slug: str
    base: str
    title: str
    title_en: str
    source: str
    first: str
    lock: str
    pages: tuple[str, ...]
    removed: str = ""
    moved: str = ""
    line: int = 0

    @property
    def live(self) -> bool:
        return not self.removed


@dataclass(frozen=True)
class Catalog:
    """Every report published, in the order of the archive."""

    entries: tuple[Published, ...] = ()

    @cached_property
    def by_slug(self) -> dict[str, Published]:
        return {e.slug: e for e in self.entries}

    def departed(self) -> tuple[Published, ...]:
        """Return the reports removed or moved, whose addresses need a tombstone or a redirect."""
        return tuple(e for e in self.entries if not e.live)


@dataclass(frozen=True)
class Departure:
    """A report folder gone since the last build: removed, or moved to another folder."""

    entry: Published
    moved: str = ""


def lock_digest(data: bytes) -> str:
    """Return the digest that identifies a report's anchor lock (it moves with its folder)."""
    return hashlib.sha256(data).hexdigest()[:16]


def read(path: Path, display: str) -> Catalog:
    """Return the catalog at `path` (empty before the archive's first build)."""
    if not path.exists():
        return Catalog()
    text = read_text(path, display)
    verify(text, display, "catalog")
    entries, problems = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip() and not line.startswith("#"):
            try:
                entries.append(_entry(line, number))
            except ValueError as exc:
                problems.append(Problem(display, number, f"malformed catalog line: {exc}"))
    if problems:
        raise InputError(problems)
    return Catalog(tuple(entries))


def _entry(line: str, number: int) -> Published:
    fields = [unescape_field(f) for f in line.split("\t")]
    if len(fields) != len(COLUMNS):
        raise ValueError(f"expected {len(COLUMNS)} tab-separated columns, found {len(fields)}")
    slug, base, title, title_en, source, first, removed, moved, lock, pages = fields
    dates = [first] + ([removed] if removed != "-" else [])
    if not all(DATE_RE.fullmatch(d) for d in dates):
        raise ValueError("dates are YYYY-MM-DD")
    keys = tuple(pages.split())
    if not all(PAGE_RE.fullmatch(k) for k in keys) or not PAGE_RE.fullmatch("/" + base):
        raise ValueError("malformed address")
    return Published(slug, base, title, title_en, source, first, lock, keys, "" if removed == "-" else removed,
                     "" if moved == "-" else moved, number)


def format_catalog(catalog: Catalog) -> str:
    """Return the text of the catalog file, ending with its checksum line."""
    lines = [HEADER.rstrip("\n")]
    for e in catalog.entries:
        fields = (e.slug, e.base, e.title, e.title_en, e.source, e.first, e.removed or "-", e.moved or "-", e.lock,
                  " ".join(e.pages))
        lines.append("\t".join(escape_field(f) for f in fields))
    body = "\n".join(lines) + "\n"
    return body + CHECKSUM + checksum(body) + "\n"


def departures(catalog: Catalog, present: dict[str, str], accepted: frozenset[str], display: str
               ) -> tuple[tuple[Departure, ...], list[Problem]]:
    """Return the reports gone since the last build, and a problem for each gone without
    acceptance. `present` maps every report folder to the digest of its anchor lock as it
    lies on disk ('' when it has none): a new folder holding a gone report's lock is that
    report, moved."""
    found, problems = [], []
    new = {digest: slug for slug, digest in present.items() if digest and slug not in catalog.by_slug}
    for entry in catalog.entries:
        if not entry.live or entry.slug in present:
            continue
        if entry.lock in new:
            found.append(Departure(entry, new[entry.lock]))
        elif entry.slug in accepted:
            found.append(Departure(entry))
        else:
            problems.append(Problem(display, entry.line, (
                f"the report {entry.slug} (published at /{entry.base} since {entry.first}) is no longer in "
                f"content/reports: restore its folder, or accept its removal with --accept-removals {entry.slug} "
                "(its pages will say that it was removed and where its text can be found)")))
    return tuple(found), problems


def updated(catalog: Catalog, live: list[Published], gone: tuple[Departure, ...], today: str) -> Catalog:
    """Return the catalog after a build: the reports built (their first date kept), the
    departed ones marked removed or moved today, the earlier departed ones unchanged."""
    now = {e.slug: e for e in live}
    leaving = {d.entry.slug: d for d in gone}
    entries = []
    for old in catalog.entries:
        if old.slug in now:
            built = now.pop(old.slug)
            entries.append(replace(built, first=min(old.first, built.first or old.first)))
        elif old.slug in leaving:
            entries.append(replace(old, removed=today, moved=leaving[old.slug].moved))
        else:
            entries.append(old)
    entries += [replace(e, first=e.first or today) for e in now.values()]
    return Catalog(tuple(sorted((replace(e, line=0) for e in entries), key=lambda e: e.slug)))
