"""What a page template may refer to: an edition's report, metadata and strings, its pages,
lock and tombstones, its terms and their places, its English, its figures.

One `Site` per edition; its derived tables (figures in the edition's script, terms by id,
the places of every term) are computed once, on first use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from typing import Mapping

from ..anchors.lock import Lock
from ..anchors.pages import APPENDIX, PART, SECTION, Page, title
from ..anchors.revisions import Revision
from ..anchors.tombstones import Pointer, Tombstones, pointers
from ..editions.conversion import Converter
from ..editions.editions import Edition
from ..editions.glossary import Mark, Place, Term, places
from ..editions.highlights import Highlight
from ..editions.summaries import CLOSING, MARKER, REPORT, Summary, Target, plain
from ..editions.translation import Translation
from ..text.figures import Figure
from ..text.figures import english as english_figure
from ..text.headings import numbered
from ..text.metadata import Metadata
from ..text.model import Report, nodes


@dataclass(frozen=True)
class Site:
    """Everything a page template may refer to."""

    report: Report
    meta: Metadata
    edition: Edition
    pages: tuple[Page, ...]
    lock: Lock
    stones: Tombstones
    revisions: tuple[Revision, ...]
    convert: Converter = Converter()
    terms: tuple[Term, ...] = ()
    marks: Mapping[str, tuple[Mark, ...]] = field(default_factory=dict)
    summaries: Mapping[str, Summary] = field(default_factory=dict)
    targets: Mapping[str, Target] = field(default_factory=dict)
    term_ids: Mapping[str, str] = field(default_factory=dict)
    highlights: tuple[Highlight, ...] = ()
    source_figures: tuple[Figure, ...] = ()
    base: str = ""  # where the report stands in the site: "jilin/2023/" in the archive, "" alone
    translation: Translation = Translation({}, {})

    def root(self, edition: Edition | None = None) -> str:
        """Return the URL folder of the report in an edition (this one by default): zh-tw/jilin/2023/."""
        return (edition or self.edition).prefix + self.base

    @functools.cached_property
    def figures(self) -> tuple[Figure, ...]:
        """Return every figure, found in the source text, written in this edition's script."""
        texts = (text for f in self.source_figures for text in (f.value, f.phrase, f.context, f.subject, f.qualifier))
        table = self.convert.many(texts)
        return tuple(replace(f, value=table[f.value], phrase=table[f.phrase], context=table[f.context],
                             subject=table[f.subject], qualifier=table[f.qualifier]) for f in self.source_figures)

    @functools.cached_property
    def figure_groups(self) -> list[tuple[str, str, list[Figure]]]:
        """Return the figures by part and section: (heading, anchor, figures)."""
        owner = {}
        by_subject = {id(page.subject): page for page in self.pages}

        def named(node, chinese: str) -> str:
            """Return a division's name in this edition: in English, as the nav names its page."""
            return self.label(by_subject[id(node)]) if self.edition.english and id(node) in by_subject else chinese

        for part in self.report.parts:
            for p in part.paragraphs:
                owner[p.id] = (named(part, part.heading), "figures-" + part.id)
            for section in part.sections:
                for p in section.paragraphs:
                    owner[p.id] = (named(section, section.label), "figures-" + section.id)
        for p in self.report.front.opening:
            owner[p.id] = (self.edition.t("home"), "figures-opening")
        for p in self.report.closing:
            owner[p.id] = (self.edition.t("closing"), "figures-closing")
        for appendix in self.report.appendices:
            for p in appendix.paragraphs:
                owner[p.id] = (named(appendix, appendix.heading), "figures-" + appendix.id)
        groups: dict[str, tuple[str, str, list[Figure]]] = {}
        for figure in self.figures:
            heading, anchor = owner[figure.clause]
            groups.setdefault(anchor, (heading, anchor, []))[2].append(figure)
        return list(groups.values())

    @functools.cached_property
    def cited(self) -> dict[str, set[str]]:
        """Return, for each paragraph id, the figures its English summaries cite."""
        found: dict[str, set[str]] = {}
        for part in self.report.parts:
            sections = {p.id: s.id for s in part.sections for p in s.paragraphs}
            for p in part.paragraphs + tuple(q for s in part.sections for q in s.paragraphs):
                covering = (p.id, sections.get(p.id, ""), part.id, REPORT)
                found[p.id] = {f for key in covering if key in self.summaries for f in self.summaries[key].figures}
        for p in self.report.closing:
            found[p.id] = set(self.summaries[CLOSING].figures) if CLOSING in self.summaries else set()
        for appendix in self.report.appendices:
            for p in appendix.paragraphs:
                covering = (p.id, appendix.id)
                found[p.id] = {f for key in covering if key in self.summaries for f in self.summaries[key].figures}
        return found

    def figure_english(self, figure: Figure) -> str:
        """Return a figure in English when the report is translated or an English summary
        cites it, else ''."""
        source = self._source_values[figure.id]
        cited = self.translation.state(figure.sentence) == "current" or source in self.cited.get(figure.clause, set())
        return english_figure(source) if cited else ""

    def sentence_english(self, sentence_id: str) -> str:
        """Return a sentence's English as plain text ('' when there is none yet)."""
        text = self.translation.english(sentence_id)
        return plain(text, self.term_name)

    @functools.cached_property
    def _source_values(self) -> dict[str, str]:
        return {f.id: f.value for f in self.source_figures}

    @functools.cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def term_name(self, key: str) -> str:
        """Return the English name of the term a [[key]] marker names ('' for no term)."""
        term = self.terms_by_id.get(self.term_ids.get(key, ""))
        return term.en if term is not None else ""

    def stale(self, clause_id: str) -> bool:
        """Tell whether the Chinese text of a clause changed since its summary was written."""
        summary, target = self.summaries.get(clause_id), self.targets.get(clause_id)
        return bool(summary and target and summary.fingerprint != target.fingerprint)

    def label(self, page: Page) -> str:
        """Return the nav title of a page in this edition."""
        if not self.edition.english or page.kind not in (PART, SECTION, APPENDIX):
            return title(page, self.edition.t)
        name = self.english_name(page.subject.id)
        if not name:
            if page.kind == SECTION:
                return self.edition.t("section").format(number=page.subject.number.removeprefix("§"))
            return self.edition.t(page.kind).format(n=page.subject.ordinal)
        name = MARKER.sub(lambda m: m.group(2) or m.group(1), name) if "[[" in name else name
        if page.kind in (PART, APPENDIX):
            return f"{self.edition.t(page.kind).format(n=page.subject.ordinal)}. {name}"
        return f"({page.subject.ordinal}) {name}"

    def english_name(self, key: str) -> str:
        """Return the English name of a division (its translated heading, else its summary's
        title), '' when it has none."""
        summary = self.summaries.get(key)
        return self.translation.english(key) or (summary.title if summary else "")

    def chinese_heading(self, page: Page) -> str:
        """Return the Chinese name of a division whose heading has no English yet, without
        its number ('' when it has English, or on a Chinese page)."""
        if not self.edition.english or page.kind not in (PART, SECTION, APPENDIX):
            return ""
        if self.english_name(page.subject.id):
            return ""
        text = title(page, self.edition.t)
        number = numbered(text)
        return (number.rest if number else text).rstrip("。")

    @functools.cached_property
    def places(self) -> dict[str, tuple[Place, ...]]:
        """Return the clauses where each term occurs."""
        return places(self.terms, self.report, self.marks)

    @functools.cached_property
    def glossary_url(self) -> str:
        return next((p.url for p in self.pages if p.kind == "glossary"), "")

    @functools.cached_property
    def numbers(self) -> dict[str, str]:
        """Return the clause number of every id that has one."""
        return {node.id: node.number for node in nodes(self.report) if getattr(node, "number", "")}

    @functools.cached_property
    def moved_away(self) -> dict[str, tuple[Pointer, ...]]:
        """Return, by page path, the clauses that moved to another page."""
        return pointers(self.lock)
