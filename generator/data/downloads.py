"""The data downloads: the whole report as JSON, its figures and its glossary as CSV.

Written once, to /downloads/ at the root of the site, for every edition:

- report.json: metadata, editions, every clause (id, kind, number, parent,
  page, heading or sentences in every Chinese edition, English summary, glossary
  terms), the glossary and the removed clauses; described by
  report.schema.json;
- figures.csv: one row per figure (see `figures`);
- glossary.csv: one row per term, with the clauses where it occurs.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..anchors.pages import page_nodes
from ..editions.summaries import plain
from ..text.model import Report

FOLDER = "downloads"
SCHEMA = Path(__file__).with_name("report.schema.json")


def files(sites) -> dict[str, str]:
    """Return the download files (path -> text) from the Site (site.context) of every edition."""
    source = sites[0]
    found = {
        f"{FOLDER}/report.json": _json(report_json(sites)),
        f"{FOLDER}/report.schema.json": SCHEMA.read_text(encoding="utf-8"),
        f"{FOLDER}/figures.csv": figures_csv(source),
        f"{FOLDER}/glossary.csv": glossary_csv(source),
    }
    if source.translation:
        found[f"{FOLDER}/{TRANSLATION}"] = _json(translation_json(source))
    return found


TRANSLATION = "translation.json"


def translation_json(site) -> dict:
    """Return the report sentence by sentence in Chinese and English, with the state of each
    English (current, stale: its Chinese changed since it was checked, pending: none yet)."""
    english = site.translation

    return {
        "revision": site.revisions[-1].key,
        "sentences": {key: {"zh": zh, "en": plain(english.english(key), site.term_name), "state": english.state(key)}
                      for key, zh in english.chinese.items()},
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def report_json(sites) -> dict:
    """Return the whole report as data, with the text of every Chinese edition."""
    source = sites[0]
    chinese = [s for s in sites if not s.edition.english]
    meta = source.meta
    return {
        "title": meta.title,
        "title_en": meta.title_en,
        "date": meta.date.isoformat() if meta.date else None,
        "year": meta.year,
        "region": meta.region or None,
        "speaker": meta.speaker,
        "speaker_title": meta.speaker_title,
        "occasion": meta.occasion,
        "revision": source.revisions[-1].key,
        "summary": _summary(source.summaries["report"], source) if "report" in source.summaries else None,
        "closing_summary": _summary(source.summaries["closing"], source) if "closing" in source.summaries else None,
        "editions": [{"code": s.edition.code, "name": s.edition.name, "lang": s.edition.lang,
                      "path": s.edition.prefix} for s in sites],
        "clauses": _clauses(chinese, source),
        "glossary": [_term(term, source) for term in source.terms],
        "removed": [{"id": e.id, "kind": e.kind, "removed": e.removed, "successor": source.lock.resolve(e.id)}
                    for e in source.lock.removed() if e.kind != "page"],
    }


def _clauses(chinese, source) -> list[dict]:
    by_edition = [_flat(site.report) for site in chinese]
    where = {node_id: page.url for page in source.pages for node_id in _page_ids(page)}
    found = []
    for index, (kind, node, parent) in enumerate(by_edition[0]):
        # A paragraph's text is its sentences, in order (not written twice).
        text = None if kind == "paragraph" else {
            site.edition.code: _text(rows[index][1]) for site, rows in zip(chinese, by_edition)}
        entry = {"id": node.id, "kind": kind, "number": getattr(node, "number", ""), "parent": parent,
                 "page": where.get(node.id, ""), "text": text}
        if kind == "paragraph":
            entry["sentences"] = [
                {"id": s.id, "text": {site.edition.code: rows[index][1].sentences[n].text
                                      for site, rows in zip(chinese, by_edition)}}
                for n, s in enumerate(node.sentences)
            ]
            entry["terms"] = sorted({m.term for s in node.sentences for m in source.marks.get(s.id, ())})
        summary = source.summaries.get(node.id)
        entry["summary"] = _summary(summary, source) if summary else None
        found.append(entry)
    return found


def _flat(report: Report) -> list[tuple[str, object, str]]:
    rows = [("line", line, "") for line in report.front.lines]
    rows += [("paragraph", p, "opening") for p in report.front.opening]
    for part in report.parts:
        rows.append(("part", part, ""))
        rows += [("paragraph", p, part.id) for p in part.paragraphs]
        for section in part.sections:
            rows.append(("section", section, part.id))
            rows += [("paragraph", p, section.id) for p in section.paragraphs]
    rows += [("paragraph", p, "closing") for p in report.closing]
    for appendix in report.appendices:
        rows.append(("appendix", appendix, ""))
        rows += [("paragraph", p, appendix.id) for p in appendix.paragraphs]
    return rows


def _text(node) -> str:
    return getattr(node, "heading", None) or getattr(node, "text", "")


def _page_ids(page) -> list[str]:
    return [node.id for node in page_nodes(page)]


def _summary(summary, source) -> dict:
    return {"title": summary.title, "text": summary.text, "figures": list(summary.figures),
            "stale": source.stale(summary.id)}


def _term(term, source) -> dict:
    return {"id": term.id, "term": term.term, "aliases": list(term.aliases), "category": term.category,
            "zh": term.zh, "en": term.en, "en_definition": term.en_definition, "source": term.source,
            "clauses": [place.clause for place in source.places[term.id]],
            "occurrences": sum(place.count for place in source.places[term.id])}


FIGURE_COLUMNS = ("id", "clause", "number", "sentence", "value", "qualifier", "subject", "phrase", "context", "kind", "en")


def figures_csv(source) -> str:
    """Return every figure as CSV (UTF-8, with a header row)."""
    numbers = source.numbers
    rows = [
        [f.id, f.clause, numbers.get(f.clause, ""), f.sentence, f.value, f.qualifier, f.subject, f.phrase, f.context,
         f.kind, source.figure_english(f)]
        for f in source.figures
    ]
    return _csv(FIGURE_COLUMNS, rows)


GLOSSARY_COLUMNS = ("id", "term", "aliases", "category", "zh", "en", "en_definition", "source", "occurrences", "clauses")


def glossary_csv(source) -> str:
    """Return the glossary as CSV, with where each term occurs."""
    rows = []
    for term in source.terms:
        places = source.places[term.id]
        rows.append([term.id, term.term, "|".join(term.aliases), term.category, term.zh, term.en,
                     term.en_definition, term.source, sum(p.count for p in places),
                     " ".join(p.clause for p in places)])
    return _csv(GLOSSARY_COLUMNS, rows)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def _csv(header, rows) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a cell with a line break is quoted
    writer.writerow(header)
    writer.writerows([[cell(value) for value in row] for row in rows])
    return out.getvalue()


def cell(value):
    """Return a CSV cell a spreadsheet will not evaluate: text that starts like a formula
    (= + - @, a tab or carriage return, or their full-width forms) gets a leading
    apostrophe, as OWASP recommends against CSV injection."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value

