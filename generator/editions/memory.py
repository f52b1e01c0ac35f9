"""The translation memory: English already reviewed in one report, offered where the same
Chinese stands in another report that has no English of its own for it.

`content/memory.yml` is data, written by `python -m generator memory` and reviewed like any
English: each entry is a sentence or a heading, its English, and the report and id it was
reviewed in. A report takes an entry for an id whose Chinese is the entry's, exactly, and
which its own translation leaves without English; the page marks that English as reused,
and `translation.json` gives its state as "reused". A report's own English, current or
stale, always stands: reused English never replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..text import yamlfile
from ..text.errors import raise_if_any
from ..text.yamlfile import Field

FILE = "memory.yml"
FIELDS = (Field("zh"), Field("en"), Field("from"))
HEADER = """\
# Translation memory: English reviewed in one report, offered where the same Chinese
# stands in another report that has no English of its own for it (marked "reused" on
# its pages; a report's own English always stands). Written by
# `python -m generator memory`; review it like any English, and commit it.
"""


@dataclass(frozen=True)
class Entry:
    """A sentence or heading in Chinese, its reviewed English, and where it was reviewed."""

    zh: str
    en: str
    origin: str  # report/id


def load(path: Path, display: str) -> dict[str, Entry]:
    """Return the memory by Chinese text (empty without the file)."""
    if not path.exists():
        return {}
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, (Field("entries", list),), display, "translation memory", 1))
    items = data["entries"]
    problems = []
    for index, item in enumerate(items):
        problems += yamlfile.check_mapping(item, FIELDS, display, f"entry {index + 1}", items.lines[index])
    raise_if_any(problems)
    return {item["zh"]: Entry(item["zh"], " ".join(item["en"].split()), item["from"]) for item in items}


def offers(pool: dict[str, Entry], wanted: dict[str, dict[str, str]]) -> list[Entry]:
    """Return the entries of the pool (reviewed English, by Chinese) that some report wants:
    `wanted` maps each report to its ids without English and their Chinese."""
    needed = {zh for ids in wanted.values() for zh in ids.values()}
    return sorted((entry for zh, entry in pool.items() if zh in needed), key=lambda e: (e.origin, e.zh))


def format_memory(entries: list[Entry]) -> str:
    """Return the text of memory.yml."""
    lines = [HEADER.rstrip("\n"), "entries:"]
    for entry in entries:
        lines += [f"  - zh: {_quoted(entry.zh)}", f"    en: {_quoted(entry.en)}", f"    from: {entry.origin}"]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
