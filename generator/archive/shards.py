"""The search across reports: a positional index of pairs of characters in files of a
bounded size, whatever the size of the archive (see data.postings).

The reports are taken newest first and cut into ranges of `RANGE`. In each range every
pair of adjacent characters of every clause (folded: see data.search.fold) is listed
with the clause and its offset, and the pairs are spread by a hash over as many files
as keep each near `TARGET` bytes. A directory, spread alike, tells which ranges hold each run
of three characters (and of two, for words of two). A query reads the directory files
of its words' runs, then, in the ranges that hold them all, the files of its pairs,
range by range, the newest first, until a screen is full: every match it lists and
counts is exact before any text is read; only the clauses shown are read, from their
report's chunks (data.search.chunks).

Under /search/:
- `index.json`: {"range", "chunk", "ranges": [[newest year, oldest year, files], ...],
  "pairs": files of d2/, "triples": files of d3/};
- `fold.json`: traditional characters to simplified ones;
- `terms.json`: [[English name, term], ...] of every glossary term of the reports (shared
  or a report's own), one term to a name: on English pages a query naming a term in
  English is searched as the term's Chinese;
- `d3/<file>.json`, `d2/<file>.json`: {run of three (two) characters: the ranges holding it,
  a hexadecimal bit mask, range 0 the lowest bit};
- `r<range>/reports.json`: [[base, year, {edition: name}, clauses], ...];
- `r<range>/<file>.json`: {pair: its places in the range's clauses, in order (data.postings.encode)}.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..data import postings, search
from ..editions import conversion
from ..editions.editions import EDITIONS
from .pages import region_name, report_label

RANGE = 16  # reports to a range
TARGET = 16_000  # bytes to a file of the index, about


def labels(records: list, known, overrides) -> list[dict[str, str]]:
    """Return each report's name in every edition, for the search's results."""
    regions = {region.key: region for region in known}
    labels = [{} for _ in records]
    for edition in EDITIONS:
        convert = conversion.converter_for(edition, overrides)
        for label, r in zip(labels, records):
            label[edition.code] = report_label(r, edition, region_name(regions[r.region], edition, convert))
    return labels


def write_search(records: list, labels: list[dict[str, str]], table: dict[str, str], fresh: Path) -> None:
    """Write the index of the search across reports (see the module's docstring), of the
    clauses' text folded by the table as the browser folds a query."""
    folder = fresh / "search"
    order = sorted(range(len(records)), key=lambda n: (-records[n].year, n))
    fold = search.folder(table)
    pairs: dict[str, int] = defaultdict(int)
    threes: dict[str, int] = defaultdict(int)
    ranges = []
    for number, start in enumerate(range(0, len(order), RANGE)):
        members = order[start:start + RANGE]
        texts = [fold(text) for n in members for text in records[n].search]
        found = postings.encoded(texts)
        for pair in found:
            pairs[pair] |= 1 << number
        for run in postings.triples(texts):
            threes[run] |= 1 << number
        files = write_spread(found, folder / f"r{number}")
        rows = [[records[n].base, records[n].year, labels[n], len(records[n].search)] for n in members]
        (folder / f"r{number}" / "reports.json").write_text(dump(rows), encoding="utf-8")
        ranges.append([records[members[0]].year, records[members[-1]].year, files])
    manifest = {"range": RANGE, "chunk": search.CHUNK, "ranges": ranges,
                "pairs": write_spread({k: format(mask, "x") for k, mask in pairs.items()}, folder / "d2"),
                "triples": write_spread({k: format(mask, "x") for k, mask in threes.items()}, folder / "d3")}
    (folder / "index.json").write_text(dump(manifest), encoding="utf-8")


def write_spread(table: dict[str, str], folder: Path) -> int:
    """Write a table spread by the hash of its keys over as many files as keep each near
    TARGET bytes (a power of two); return how many."""
    size = len("".join(table).encode()) + sum(map(len, table.values())) + 6 * len(table)
    count = 1
    while size / count > TARGET:
        count *= 2
    files: list[dict[str, str]] = [{} for _ in range(count)]
    for key in sorted(table):
        files[postings.fnv(key) % count][key] = table[key]
    folder.mkdir(parents=True, exist_ok=True)
    for number, part in enumerate(files):
        (folder / f"{postings.bucket_name(number, count)}.json").write_text(dump(part), encoding="utf-8")
    return count


def write_folding(records: list, overrides, fresh: Path) -> dict[str, str]:
    """Write /search/fold.json: traditional characters to simplified ones, as the
    editions' conversion gives them, so that a query in either script finds both."""
    converters = [conversion.converter_for(e, overrides) for e in EDITIONS if e.opencc]
    texts = [text for r in records for text in r.search]
    pairs = [(text, convert(text)) for convert in converters for text in texts]
    table = search.folding(pairs)
    (fresh / "search").mkdir(parents=True, exist_ok=True)
    (fresh / "search" / "fold.json").write_text(dump(table), encoding="utf-8")
    return table


def write_terms(records: list, fresh: Path) -> None:
    """Write /search/terms.json: the English name and the Chinese of every glossary term of
    the reports, each name and each term once (the first in order of name, then term)."""
    names, terms, rows = set(), set(), []
    for en, term in sorted({(en, term) for r in records for en, term in r.names}):
        if en.casefold() not in names and term not in terms:
            names.add(en.casefold())
            terms.add(term)
            rows.append([en, term])
    (fresh / "search").mkdir(parents=True, exist_ok=True)
    (fresh / "search" / "terms.json").write_text(dump(rows), encoding="utf-8")


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
