"""Finding the archive's reports: every folder of content/reports named <region>-<year>
(a suffix may follow the year: jilin-2023-budget), in the order the library lists them,
and the share of them a shard builds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..text import regions, source
from ..text.errors import InputError, Problem


@dataclass(frozen=True)
class Entry:
    """A report folder and where it is published."""

    slug: str
    folder: Path
    region: str
    year: int
    base: str


def discover(reports: Path, known: tuple[regions.Region, ...]) -> tuple[Entry, ...]:
    """Return the report folders, the State Council's first, then by region (as the table
    lists them) and year; a folder whose name does not read `<region>-<year>` is an error."""
    found, problems = [], []
    order = {region.key: index for index, region in enumerate(known)}
    if reports.is_symlink():
        raise InputError([source.link_problem(reports, str)])
    for folder in sorted(p for p in reports.iterdir() if p.is_dir() and not p.name.startswith(".")):
        match = regions.FOLDER_RE.match(folder.name)
        if folder.is_symlink():
            problems.append(source.link_problem(folder, str))
        elif not (folder / "report.txt").is_file():
            problems.append(Problem(str(folder), 0, "a report folder needs a report.txt"))
        elif not match or match.group(1) not in order:
            problems.append(Problem(str(folder), 0, "a report folder is named <region>-<year>, the region a key of "
                                    "content/regions.yml (e.g. jilin-2023, national-2025)"))
        else:
            region, year, suffix = match.group(1), int(match.group(2)), match.group(3)
            base = f"{region}/{year}{'-' + suffix if suffix else ''}/"
            found.append(Entry(folder.name, folder, region, year, base))
    if problems:
        raise InputError(problems)
    return tuple(sorted(found, key=lambda e: (order[e.region], e.year, e.slug)))


def shard(entries: tuple[Entry, ...], spec: str) -> tuple[Entry, ...]:
    """Return the entries of shard K of N (`K/N`, K from 0): every N-th report."""
    match = re.fullmatch(r"(\d+)/(\d+)", spec or "0/1")
    if not match or not 0 <= int(match.group(1)) < int(match.group(2)):
        raise InputError.at("--shard", 0, f"a shard is K/N with 0 <= K < N (got {spec!r})")
    k, n = int(match.group(1)), int(match.group(2))
    return tuple(e for index, e in enumerate(entries) if index % n == k)


def regions_of(shared: Path) -> tuple[regions.Region, ...]:
    """Return the regions of the archive (content/regions.yml)."""
    return regions.load(shared / "regions.yml", "content/regions.yml")
