"""The archive's downloads: every report's metadata (`/downloads/reports.json`) and every
figure of every report (`/downloads/all-figures.csv`, with a report column)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..data.downloads import cell
from .shards import dump

FIGURE_COLUMNS = ("report", "region", "year", "id", "clause", "sentence", "value", "qualifier", "subject", "phrase",
                  "context", "kind", "url")


def write_downloads(records: list, known, fresh: Path) -> None:
    folder = fresh / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    names = {r.key: r for r in known}
    index = [{"slug": r.slug, "path": r.base, "region": r.region, "region_name": names[r.region].name,
              "region_en": names[r.region].en, "year": r.year, "date": r.date or None, "title": r.titles.get("zh-Hans"),
              "title_en": r.title_en, "speaker": r.speakers.get("zh-Hans"), "speaker_en": r.speaker_en,
              "occasion": r.occasion, "characters": r.characters, "sentences": r.sentences,
              "downloads": {name: r.base + "downloads/" + name for name in ("report.json", "figures.csv", "glossary.csv")}}
             for r in records]
    (folder / "reports.json").write_text(dump(index), encoding="utf-8")
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIGURE_COLUMNS)
    for r in records:
        for fid, clause, sentence, value, qualifier, subject, phrase, context, kind, url in r.figures:
            row = [r.slug, r.region, r.year, fid, clause, sentence, value, qualifier, subject, phrase, context, kind,
                   r.base + url + "#" + sentence]
            writer.writerow([cell(v) for v in row])
    (folder / "all-figures.csv").write_text(out.getvalue(), encoding="utf-8")
