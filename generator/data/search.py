"""The search index of an edition: every clause with its sentences, by page.

The site's search (templates/theme/assets/javascripts/search.js) finds the
clauses that contain every word of a query, folded alike (see `fold`), and opens
the sentence where the match is. Matching text as written needs no word
segmentation, so simplified and traditional editions search alike and a
slogan such as 陆上风光三峡 or a term such as 5G基站 is found whole. The
index is a compact JSON file the script fetches the first time a reader
searches.

Glossary entries are in the index too: the term is their heading, the
definition their text; they are listed after the clauses of the report.

Format: {"pages": [[url, title, kind], ...],
         "clauses": [[page, id, number, heading, [[sentence id, text], ...]], ...]}
where `heading` is a part or section heading, or an item's lead sentence. In the
archive, a Chinese edition's text is written once, in the chunk files the search
across reports reads (search/t<n>.json, see `chunks`): its index holds only the
glossary's entries and "chunks", the number of those files, and the search reads
them all, in order, for the report's clauses.

The English edition's index says whether the report's text is in English ("translated":
its own translation or summaries) and holds, for every clause, its English (the
translation's sentences and headings, else the English summary, else nothing); a
glossary entry's sixth element is its term. An English query is compared with the
English, words folded alike (search.js); a query naming a glossary term in English also
finds the clauses holding the term's Chinese, read then from the simplified edition's
index, and the search says that they were matched through the Chinese.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from typing import Callable, Iterable, Iterator, Mapping

from ..anchors.pages import CLOSING, FIGURES, GLOSSARY, HOME, REVISIONS, Page
from ..editions.summaries import REPORT, plain
from ..text.model import ITEM, Paragraph

INDEX = "search/clauses.json"
FOLD = "search/fold.json"
CHUNK = 8  # clauses to a file of the search across reports


def index(site, chunks: int = 0) -> str:
    """Return the search index of an edition (a site.context.Site) as JSON text.

    With `chunks`, the number of the edition's chunk files (see `chunks`), the text's
    clauses are not repeated in the index: it holds the glossary's entries and that
    number, and the search reads the clauses from the chunk files."""
    listed = [page for page in site.pages if page.kind not in (REVISIONS, FIGURES)]
    table = {"pages": [[page.url, site.label(page), page.kind] for page in listed], "clauses": []}
    if site.edition.english:  # whether the report's text is in English (its own translation or summaries)
        table["translated"] = bool(site.translation) or bool(site.summaries)
    if chunks:
        table["chunks"] = chunks
    for number, page in enumerate(listed):
        if page.kind == GLOSSARY:
            rows = _terms(site.terms, site.edition.definition, site.edition.english)
        elif chunks:
            continue
        elif site.edition.english:
            rows = _english(page, site)
        else:
            rows = _rows(page)
        table["clauses"] += [[number, *row] for row in rows]
    return _dump(table)


def _terms(terms, definition, english: bool) -> Iterator[list]:
    for term in terms:
        if english:
            yield [term.anchor, "", f"{term.en} ({term.term})", [[term.anchor, definition(term)]], term.term]
        else:
            yield [term.anchor, "", term.term, [[term.anchor, definition(term)]]]


def _english(page: Page, site) -> Iterator[list]:
    """Yield the English edition's rows of a page: each clause's English, if any."""
    if page.kind == HOME and REPORT in site.summaries:
        yield ["", "", site.summaries[REPORT].title, [["", plain(site.summaries[REPORT].text, site.term_name)]]]
    for clause_id, number, heading, sentences in _rows(page):
        english = [[key, text] for key, _ in sentences for text in (site.sentence_english(key),) if text]
        summary = site.summaries.get(clause_id)
        if not english and summary is not None and sentences:
            english = [[clause_id, plain(summary.text, site.term_name)]]
        if not sentences:
            heading_en = plain(site.english_name(clause_id), site.term_name)
        else:
            heading_en = english[0][1] if heading and english and english[0][0] == sentences[0][0] else ""
        yield [clause_id, number, heading_en, english]


def _rows(page: Page) -> Iterator[list]:
    subject = page.subject
    if page.kind == HOME:
        yield from ([line.id, "", "", [[line.id, line.text]]] for line in subject.front.lines)
        yield from map(_paragraph, subject.front.opening)
    elif page.kind == CLOSING:
        yield from map(_paragraph, subject)
    else:
        yield [subject.id, subject.number, subject.heading, []]
        yield from map(_paragraph, subject.paragraphs)


def _paragraph(paragraph: Paragraph) -> list:
    heading = paragraph.lead.text if paragraph.kind == ITEM else ""
    return [paragraph.id, paragraph.number, heading, [[s.id, s.text] for s in paragraph.sentences]]


KEPT = frozenset(".%‰")  # kept within figures: 6.5%, 3‰


def searchable(char: str) -> bool:
    """Tell whether a character counts in a search: letters, digits, Han and the marks of
    a figure (6.5%), not punctuation or space."""
    return char.isalnum() or char in KEPT


def units(pages: Iterable[Page]) -> Iterator[tuple[Page, list]]:
    """Yield the clauses the search across reports lists, with their pages: every heading,
    front line and paragraph (not the glossary, the figures or the revisions), as rows of
    the report's index ([id, number, heading, [[sentence id, text], ...]])."""
    for page in pages:
        if page.kind not in (REVISIONS, FIGURES, GLOSSARY):
            yield from ((page, row) for row in _rows(page))


def unit_text(row: list) -> str:
    """Return the text of a clause the search across reports reads: its sentences, or its heading."""
    return "".join(text for _, text in row[3]) if row[3] else row[2]


def chunks(site) -> dict[str, str]:
    """Return an edition's clauses for the search across reports, CHUNK to a file
    (search/t0.json, t1.json…), each as [page url, page title, id, number, heading,
    sentences]: what a result shows, read only for the clauses shown."""
    rows = [[page.url, site.label(page), *row] for page, row in units(site.pages)]
    return {f"search/t{n // CHUNK}.json": _dump(rows[n:n + CHUNK]) for n in range(0, len(rows), CHUNK)}


def fold(text: str, table: Mapping[str, str]) -> str:
    """Return a text as the search compares it (search.js folds a query alike): each
    character in NFKC and lower case, traditional characters to simplified ones by the
    table, punctuation and spaces left out (大众创业、万众创新 -> 大众创业万众创新)."""
    return folder(table)(text)


def folder(table: Mapping[str, str]) -> Callable[[str], str]:
    """Return `fold` by one table, each character's folding worked out once (for many texts)."""
    folding = _Folding(table)
    return lambda text: text.translate(folding)


class _Folding(dict):
    """A character's code point to its folding, found when first asked for (str.translate)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        super().__init__()
        self.table = table

    def __missing__(self, code: int) -> str:
        folded = "".join(c for c in (self.table.get(c, c) for c in unicodedata.normalize("NFKC", chr(code)).lower())
                         if searchable(c))
        self[code] = folded
        return folded


def folding(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Return the table that folds a converted edition's characters back to the source's:
    from (source, converted) texts of equal length, each converted character that differs
    maps to the source character it stands for most often."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for source, converted in pairs:
        if len(source) != len(converted):
            continue
        for a, b in zip(source, converted):
            if a != b:
                counts[b][a] += 1
    return {char: found.most_common(1)[0][0] for char, found in sorted(counts.items())}


def folding_json(pairs: Iterable[tuple[str, str]]) -> str:
    """Return the folding table of (source, converted) texts as JSON text."""
    return _dump(folding(pairs))


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
