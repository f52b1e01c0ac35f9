"""Search across reports: the reports' manifest, the character-pair shards (where each pair
of characters occurs, by report and sentence) and each report's sentence list, of the text
folded from traditional to simplified characters as the browser folds a query.

- `/search/reports.json`: the reports, with their names in every edition;
- `/search/grams/*.json`: the pairs of characters, sharded by a hash the browser shares;
- `/search/fold.json`: traditional characters to simplified ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..data import search
from ..editions import conversion
from ..editions.editions import EDITIONS
from .pages import region_name, report_label

SHARDS = 64


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
    """Write the reports' manifest, the character-pair shards (of the text folded by the
    table, as the browser folds the query) and each report's sentence list."""
    folder = fresh / "search"
    (folder / "grams").mkdir(parents=True, exist_ok=True)
    manifest = {
        "shards": SHARDS,
        "reports": [[r.base, r.year, label] for r, label in zip(records, labels)],
    }
    (folder / "reports.json").write_text(dump(manifest), encoding="utf-8")
    shards: list[dict[str, list]] = [{} for _ in range(SHARDS)]
    for number, r in enumerate(records):
        for position, (_, _, text) in enumerate(r.search):
            for gram in sorted(set(search.grams(search.fold(text, table)))):
                shards[gram_shard(gram)].setdefault(gram, []).append(number * 100000 + position)
    for index, table in enumerate(shards):
        (folder / "grams" / f"{index:02x}.json").write_text(dump({g: table[g] for g in sorted(table)}), encoding="utf-8")
    for r in records:
        (fresh / r.base / "search" / "sentences.json").write_text(
            dump([[url, sid] for url, sid, _ in r.search]), encoding="utf-8")


def write_folding(records: list, overrides, fresh: Path) -> dict[str, str]:
    """Write /search/fold.json: traditional characters to simplified ones, as the
    editions' conversion gives them, so that a query in either script finds both."""
    converters = [conversion.converter_for(e, overrides) for e in EDITIONS if e.opencc]
    texts = [text for r in records for _, _, text in r.search]
    pairs = [(text, convert(text)) for convert in converters for text in texts]
    table = search.folding(pairs)
    (fresh / "search").mkdir(parents=True, exist_ok=True)
    (fresh / "search" / "fold.json").write_text(dump(table), encoding="utf-8")
    return table


def gram_shard(gram: str) -> int:
    """Return the shard of a pair of characters (the same function as the browser's)."""
    return sum(ord(ch) * (31 ** index) for index, ch in enumerate(gram)) % SHARDS


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
