"""The glossaries of policy slogans and where their terms occur: a report's own
(`content/reports/<report>/glossary.yml`), the terms shared by every report
(`content/glossary.yml`, defined once; a report gets those its text uses, and its
own entry for a term stands over the shared one), and the terms a 名词解释
appendix of the report explains.

Terms are found inside unbroken Chinese text, where there are no word
boundaries (推进一主六双建设): every term and alias is tried at every position,
longest first, and matches never overlap, so 三保障 is never read as 三保
and 旗E春城、旗动吉林 is one term. Matching runs on each edition's own text,
with the terms converted like the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from ..text import yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.model import Report, Sentence, paragraphs, sentences
from ..text.yamlfile import Field

FILE_CATEGORIES = ("strategy", "project", "campaign", "formula", "instrument", "place")
REPORT_CATEGORY = "report"  # terms a 名词解释 appendix of the report explains
CATEGORIES = FILE_CATEGORIES + (REPORT_CATEGORY,)
ENTRY_RE = re.compile(r"^(?:[0-9０-９]{1,3}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)?\s*"
                      r"(?P<term>[^：:。；！？]{1,40}?)\s*[：:]\s*(?P<definition>.+)$")
QUOTED_RE = re.compile(r"[“「\"]([^”」\"]{2,24})[”」\"]")
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FIELDS = (
    Field("id"),
    Field("term"),
    Field("aliases", list),
    Field("category"),
    Field("zh"),
    Field("en"),
    Field("en_definition"),
    Field("source", required=False),
    Field("not", list, required=False),
)


@dataclass(frozen=True)
class Term:
    """A glossary entry: the term, its forms in the text, and its definitions."""

    id: str
    term: str
    aliases: tuple[str, ...]
    category: str
    zh: str
    en: str
    en_definition: str
    source: str
    line: int
    shared: bool = False
    # Longer words that hold a form of the term but are something else (两山七河五湖 is
    # not 两山): never marked as the term.
    not_in: tuple[str, ...] = ()  # defined in content/glossary.yml, for every report

    @property
    def anchor(self) -> str:
        """Return the id of the term's entry on the glossary page."""
        return f"g-{self.id}"

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


@dataclass(frozen=True)
class Mark:
    """One occurrence of a term in a sentence: [start, end) of its text."""

    sentence: str
    start: int
    end: int
    term: str


def load(path: Path, display: str) -> tuple[Term, ...]:
    """Read and validate the glossary; no file means no glossary."""
    if not path.exists():
        return ()
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, (Field("terms", list),), display, "glossary", 1))
    items = data["terms"]
    problems, terms = [], []
    for index, item in enumerate(items):
        found = yamlfile.check_mapping(item, FIELDS, display, _what(item, index), items.lines[index])
        if not found and any(not isinstance(a, str) or not a.strip() for a in item["aliases"]):
            found = [Problem(display, item.line_of("aliases"), f"{_what(item, index)}: aliases must be a list of texts")]
        problems += found
        if not found:
            terms.append(_term(item))
    raise_if_any(problems + _consistency(tuple(terms), display))
    return tuple(terms)


def mark_shared(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """Return the terms of the shared glossary, marked as shared."""
    return tuple(replace(t, shared=True) for t in terms)


def with_shared(own: tuple[Term, ...], shared: tuple[Term, ...], report: Report | None,
                named: frozenset[str] = frozenset()) -> tuple[Term, ...]:
    """Return a report's own terms, then the shared terms its text uses or its English still
    names (`named`: the keys of [[term]] markers). An own entry with a shared term's id is
    that term, defined for the report: it counts as shared."""
    ids = {t.id for t in shared}
    found = used(mark_shared(shared), own, report)
    have = {t.id for t in found} | {t.id for t in own} | {form for t in own for form in t.forms}
    kept = tuple(t for t in mark_shared(shared) if t.id not in have and t.term in named
                 and not have.intersection(t.forms))
    return tuple(replace(t, shared=True) if t.id in ids else t for t in own) + found + kept


def used(shared: tuple[Term, ...], own: tuple[Term, ...], report: Report | None) -> tuple[Term, ...]:
    """Return the shared terms that occur in the report, leaving out those whose id or a
    form of which the report's own glossary already has (its own entry stands)."""
    if report is None:
        return ()
    ids, forms = {t.id for t in own}, {form for t in own for form in t.forms}
    candidates = tuple(t for t in shared if t.id not in ids and not forms.intersection(t.forms))
    finder = Finder(candidates + own)
    found = {m.term for s in sentences(report) for m in finder.marks(s)}
    return tuple(t for t in candidates if t.id in found)


def from_appendices(report: Report, taken: set[str] = frozenset()) -> tuple[Term, ...]:
    """Return the terms a 名词解释 appendix of the report explains, one per entry
    (1.“两重”、“两新”：国家重大战略实施…), as the report gives them.

    The forms found in the text are the quoted names (两重, 两新), else the whole
    name; forms another glossary already has (`taken`) are left to it.
    """
    found = []
    for appendix in report.appendices:
        if not appendix.glossary:
            continue
        for paragraph in appendix.paragraphs:
            match = ENTRY_RE.match(paragraph.text)
            if match:
                found.append(_entry_term(paragraph.id, match, appendix.heading, taken))
    return tuple(found)


def _entry_term(clause: str, match: re.Match, heading: str, taken: set[str]) -> Term:
    name = match.group("term").strip()
    forms = [form for form in (QUOTED_RE.findall(name) or [name]) if form not in taken]
    return Term(
        id=clause,
        term=name,
        aliases=tuple(form for form in forms if form != name),
        category=REPORT_CATEGORY,
        zh=match.group("definition").strip(),
        en="",
        en_definition="",
        source=heading,
        line=0,
    )


def _what(item, index: int) -> str:
    name = item.get("term") if isinstance(item, dict) else None
    return f"term {name!r}" if isinstance(name, str) else f"term {index + 1}"


def _term(item: yamlfile.Mapping) -> Term:
    return Term(
        id=item["id"],
        term=item["term"].strip(),
        aliases=tuple(a.strip() for a in item["aliases"]),
        category=item["category"],
        zh=item["zh"].strip(),
        en=item["en"].strip(),
        en_definition=item["en_definition"].strip(),
        source=(item.get("source") or "").strip(),
        line=item.line,
        not_in=tuple(str(word).strip() for word in item.get("not") or ()),
    )


def _consistency(terms: tuple[Term, ...], display: str) -> list[Problem]:
    problems, ids, forms = [], {}, {}
    for t in terms:
        what = f"term {t.term!r}"
        if not ID_RE.fullmatch(t.id):
            problems.append(Problem(display, t.line, f"{what}: id {t.id!r} must be lowercase letters, digits and hyphens"))
        if t.category not in FILE_CATEGORIES:
            problems.append(Problem(display, t.line, f"{what}: unknown category {t.category!r} (one of {', '.join(FILE_CATEGORIES)})"))
        if any(not isinstance(a, str) or not a for a in t.aliases):
            problems.append(Problem(display, t.line, f"{what}: aliases must be a list of texts"))
        if t.id in ids:
            problems.append(Problem(display, t.line, f"{what}: id {t.id!r} is already used at line {ids[t.id]}"))
        ids.setdefault(t.id, t.line)
        for form in t.forms:
            if form in forms:
                problems.append(Problem(display, t.line, f"{what}: {form!r} is already a form of the term at line {forms[form]}"))
            forms.setdefault(form, t.line)
    return problems


def unused(terms: tuple[Term, ...], report: Report, display: str) -> list[Problem]:
    """Return a notice for every term or alias of the glossary file that never occurs in the report."""
    finder = Finder(terms)
    seen = {(m.term, s.text[m.start : m.end]) for s in sentences(report) for m in finder.marks(s)}
    return [
        Problem(display, t.line, f"term {t.term!r}: {form!r} does not occur in the report")
        for t in terms
        if t.category != REPORT_CATEGORY and not t.shared
        for form in t.forms
        if (t.id, form) not in seen
    ]


def convert_terms(terms: tuple[Term, ...], convert: Callable[[str], str]) -> tuple[Term, ...]:
    """Return the terms with their Chinese text converted for an edition."""
    return tuple(
        replace(t, term=convert(t.term), aliases=tuple(map(convert, t.aliases)), zh=convert(t.zh), source=convert(t.source),
                not_in=tuple(map(convert, t.not_in)))
        for t in terms
    )


class Finder:
    """Finds every term of a glossary in text: longest first, no overlaps."""

    def __init__(self, terms: tuple[Term, ...]):
        self._owner: dict[str, str | None] = {word: None for t in terms for word in t.not_in}
        self._owner |= {form: t.id for t in terms for form in t.forms}
        forms = sorted(self._owner, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, forms))) if forms else None

    def marks(self, sentence: Sentence) -> list[Mark]:
        """Return the occurrences of terms in a sentence, in order."""
        if self._pattern is None:
            return []
        return [
            Mark(sentence.id, m.start(), m.end(), self._owner[m.group()])
            for m in self._pattern.finditer(sentence.text)
            if self._owner[m.group()] is not None
        ]


def occurrences(terms: tuple[Term, ...], report: Report) -> dict[str, tuple[Mark, ...]]:
    """Return the marks of every sentence of the report that holds a term, by sentence id."""
    finder = Finder(terms)
    found = {}
    for sentence in sentences(report):
        marks = finder.marks(sentence)
        if marks:
            found[sentence.id] = tuple(marks)
    return found


@dataclass(frozen=True)
class Place:
    """A clause where a term occurs: the clause, its number, the first sentence, how often."""

    clause: str
    number: str
    sentence: str
    count: int


def places(terms: tuple[Term, ...], report: Report, marks: dict[str, tuple[Mark, ...]]) -> dict[str, tuple[Place, ...]]:
    """Return, for every term, the clauses where it occurs, in document order."""
    found: dict[str, list[Place]] = {t.id: [] for t in terms}
    for paragraph in paragraphs(report):
        for term_id in dict.fromkeys(m.term for s in paragraph.sentences for m in marks.get(s.id, ())):
            hits = [(s.id, m) for s in paragraph.sentences for m in marks.get(s.id, ()) if m.term == term_id]
            found[term_id].append(Place(paragraph.id, paragraph.number, hits[0][0], len(hits)))
    return {key: tuple(value) for key, value in found.items()}
