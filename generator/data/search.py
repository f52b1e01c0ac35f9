"""The search index of an edition: every clause with its sentences, by page.

The site's search (templates/theme/assets/javascripts/search.js) finds the
clauses that contain every word of a query, as written, and opens the
sentence where the match is. Matching text as written needs no word
segmentation, so simplified and traditional editions search alike and a
slogan such as 陆上风光三峡 or a term such as 5G基站 is found whole. The
index is a compact JSON file the script fetches the first time a reader
searches.

Glossary entries are in the index too: the term is their heading, the
definition their text; they are listed after the clauses of the report.

Format: {"pages": [[url, title, kind], ...],
         "clauses": [[page, id, number, heading, [[sentence id, text], ...]], ...]}
where `heading` is a part or section heading, or an item's lead sentence.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable, Iterator

from ..anchors.pages import CLOSING, FIGURES, GLOSSARY, HOME, REVISIONS, Page, page_summaries
from ..editions.summaries import segments
from ..text.model import ITEM, Paragraph

INDEX = "search/clauses.json"
FOLD = "search/fold.json"


def index(site) -> str:
    """Return the search index of an edition (a site.context.Site) as JSON text."""
    listed = [page for page in site.pages if page.kind not in (REVISIONS, FIGURES)]
    table = {"pages": [[page.url, site.label(page), page.kind] for page in listed], "clauses": []}
    for number, page in enumerate(listed):
        if page.kind == GLOSSARY:
            rows = _terms(site.terms, site.edition.definition, site.edition.english)
        elif site.edition.english:
            rows = _summaries(page, site.summaries, site.numbers)
        else:
            rows = _rows(page)
        table["clauses"] += [[number, *row] for row in rows]
    return json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n"


def _terms(terms, definition, english: bool) -> Iterator[list]:
    for term in terms:
        heading = f"{term.en} ({term.term})" if english else term.term
        yield [term.anchor, "", heading, [[term.anchor, definition(term)]]]


def _summaries(page: Page, summaries, numbers) -> Iterator[list]:
    for key in page_summaries(page):
        summary = summaries.get(key)
        if summary is not None:
            anchor = key if key not in ("report", "closing") else ""
            text = " ".join(piece or term for piece, term in segments(summary.text))
            yield [anchor, numbers.get(key, ""), summary.title, [[anchor, text]]]


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


def searchable(char: str) -> bool:
    """Tell whether a character counts in a search (letters, digits, Han), not punctuation or space."""
    return char.isalnum()


def grams(text: str) -> Iterator[str]:
    """Yield the pairs of adjacent searchable characters of a text (normalized: NFKC, lower case)."""
    folded = unicodedata.normalize("NFKC", text).lower()
    for left, right in zip(folded, folded[1:]):
        if searchable(left) and searchable(right):
            yield left + right


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


def fold(text: str, table: dict[str, str]) -> str:
    """Return a text with each character the table names replaced (traditional to simplified)."""
    return "".join(table.get(char, char) for char in text)


def folding_json(pairs: Iterable[tuple[str, str]]) -> str:
    """Return the folding table of (source, converted) texts as JSON text."""
    return json.dumps(folding(pairs), ensure_ascii=False, separators=(",", ":")) + "\n"
