"""Addresses the archive once published that its reports no longer stand at: the root
report's first addresses (/p3/1/ -> /jilin/2023/p3/1/) and its downloads, and every
address of a report removed (its tombstone) or moved (the same page where it stands now)."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..anchors import redirects as redirect_pages
from ..anchors.lock import read_lock
from ..editions.editions import EDITIONS
from ..text import regions


def departed(departed: tuple, fresh: Path) -> None:
    """Send every other address of a removed report to its tombstone, and every address of a
    moved report to the same page where the report stands now."""
    where = {e.slug: e for e in departed}
    for entry in departed:
        target = _destination(entry, where)
        keys = [key for key in entry.pages if key != "/" or entry.moved]
        moved = tuple(redirect_pages.Redirect("/" + entry.base.rstrip("/") + key,
                                              "/" + target.rstrip("/") + (key if entry.moved else "/")) for key in keys)
        for edition in EDITIONS:
            redirect_pages.write(fresh / edition.prefix, moved, edition.lang, entry.title_en if edition.english else entry.title)


def _destination(entry, departed: dict) -> str:
    """Return where a departed report's addresses lead: its own base when removed, else the
    base of the report it moved to (following later moves)."""
    seen = set()
    while entry.moved and entry.moved in departed and entry.moved not in seen:
        seen.add(entry.moved)
        entry = departed[entry.moved]
    return entry.base if not entry.moved else _base_of(entry.moved)


def _base_of(slug: str) -> str:
    match = regions.FOLDER_RE.match(slug)
    return f"{match.group(1)}/{match.group(2)}{'-' + match.group(3) if match.group(3) else ''}/" if match else slug + "/"


def first_addresses(archive, slug: str, records: list, fresh: Path) -> None:
    """Keep every address the root report was first published at: a redirect page to where
    the page stands now (the #anchor of the link kept), and its downloads at /downloads/."""
    record = next((r for r in records if r.slug == slug), None)
    if record is None:
        return
    lock = read_lock(archive.reports / slug / "anchors.lock", f"content/reports/{slug}/anchors.lock")
    keys = [e.id for e in lock.entries if e.kind == "page" and e.id != "/"] if lock else []
    for edition in EDITIONS:
        moved = tuple(redirect_pages.Redirect(key, "/" + record.base.rstrip("/") + key) for key in keys)
        redirect_pages.write(fresh / edition.prefix, moved, edition.lang, record.titles.get("zh-Hans", ""))
    for name in ("report.json", "figures.csv", "glossary.csv", "report.schema.json"):
        source = fresh / record.base / "downloads" / name
        if source.is_file():
            shutil.copyfile(source, fresh / "downloads" / name)
