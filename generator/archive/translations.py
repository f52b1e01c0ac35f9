"""The archive's translation memory, made from every report's reviewed English: the entries
that another report, lacking English of its own for the same Chinese, can reuse (see
`editions.memory`). `python -m generator memory` writes it to content/memory.yml."""

from __future__ import annotations

from pathlib import Path

from ..editions import memory, translation
from ..editions.inputs import Acceptance
from ..site.project import Project
from ..site.report import load
from .discovery import discover, regions_of


def entries(root: Path, shared: Path) -> list[memory.Entry]:
    """Return the memory's entries: reviewed, current English of one report for Chinese that
    stands, without English, in another."""
    pool: dict[str, memory.Entry] = {}
    places = [(region.names(), region.short_en) for region in regions_of(shared)]
    wanted: dict[str, dict[str, str]] = {}
    for entry in discover(shared / "reports", regions_of(shared)):
        inputs = load(Project.at(root, entry.folder, shared=shared), Acceptance(removals=True, ambiguous=True, fresh=True))
        english = inputs.translation
        for key, line in english.lines.items():
            if english.state(key) == translation.CURRENT and key in english.chinese and \
                    not _names_a_place(english.chinese[key], line.en, places):
                pool.setdefault(english.chinese[key], memory.Entry(english.chinese[key], line.en, f"{entry.slug}/{key}"))
        wanted[entry.slug] = {key: zh for key, zh in english.chinese.items() if not english.lines.get(key)}
    offered = {zh: e for zh, e in pool.items()
               if any(zh in ids.values() for slug, ids in wanted.items() if not e.origin.startswith(slug + "/"))}
    return memory.offers(offered, wanted)


def _names_a_place(zh: str, en: str, places: list) -> bool:
    """Tell whether English names a region its Chinese does not (省政协委员 is "members of the
    Jilin Provincial Committee" only in Jilin): such English fits its own report alone."""
    return any(english in en and not any(name in zh for name in names) for names, english in places)
