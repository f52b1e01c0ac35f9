"""What the library needs of a built report (kept as JSON between builds): its titles,
speakers and dates, pages, sentences for search, figures, indicators, shared terms, and
what the catalog records of it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..anchors import catalog, pages
from ..anchors.lock import format_lock
from ..data import indicators, search
from ..editions import conversion, glossary
from ..editions.editions import EDITIONS
from ..text import figures
from ..text.model import sentences


@dataclass(frozen=True)
class Record:
    """What the library needs of a built report (kept as JSON between builds)."""

    slug: str
    base: str
    region: str
    year: int
    key: str
    date: str
    titles: dict
    title_en: str
    speakers: dict
    speaker_en: str
    occasion: str
    characters: int
    sentences: int
    pages: list
    search: list  # the text of each clause the search across reports lists (data.search.units)
    figures: list
    indicators: list
    terms: list
    home: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)
    lock: str = ""
    digest: str = ""
    source: str = ""
    addresses: list = dataclasses.field(default_factory=list)  # every page address it ever published (/p3/1/)
    first: str = ""  # the date of its first publication (its first revision)
    english: str = ""  # how far it is in English: translated, summarised, headings, or ""
    names: list = dataclasses.field(default_factory=list)  # [English name, term] of each glossary term it has


def describe(entry, key: str, inputs) -> Record:
    """Return what the library needs of a report, from its inputs."""
    meta = inputs.meta
    converters = {e.code: conversion.converter_for(e, inputs.overrides) for e in EDITIONS if not e.english}
    titles = {code: convert(meta.title) for code, convert in converters.items()}
    speakers = {code: convert(f"{meta.speaker_title}　{meta.speaker}".strip("　")) for code, convert in converters.items()}
    plan = inputs.plan()
    where = pages.locate(plan)
    text = [s for s in sentences(inputs.report)]
    return Record(
        slug=entry.slug, base=entry.base, region=entry.region, year=entry.year, key=key,
        date=meta.date.isoformat() if meta.date else "", titles=titles, title_en=meta.title_en,
        speakers=speakers, speaker_en=meta.speaker_en, occasion=meta.occasion,
        characters=sum(len(s.text) for s in text), sentences=len(text),
        pages=[[page.url, page.kind, page.clause] for page in plan],
        search=[search.unit_text(row) for _, row in search.units(plan)],
        figures=[[f.id, f.clause, f.sentence, f.value, f.qualifier, f.subject, f.phrase, f.context, f.kind,
                  where[f.sentence].url]
                 for f in figures.extract(inputs.report)],
        indicators=[i.row() + [where[i.sentence].url] for i in indicators.extract(inputs.report, meta.year)],
        terms=_uses(inputs, where),
        home=[node.id for node in pages.page_nodes(plan[0])],
        warnings=[str(p) for p in inputs.warnings], notes=[str(p) for p in inputs.notes + inputs.lagging],
        digest=catalog.lock_digest(format_lock(inputs.lock).encode("utf-8")), source=meta.source_url or meta.source,
        addresses=[e.id for e in inputs.lock.entries if e.kind == "page"],
        first=min((e.added for e in inputs.lock.entries), default=inputs.revisions[0].key),
        english=english_state(inputs),
        names=[[term.en, term.term] for term in inputs.terms if term.en],
    )


def english_state(inputs) -> str:
    """Return how far a report is in English: its text translated, summarised, only its
    headings, or nothing ("")."""
    if inputs.translation:
        return "translated"
    if inputs.summaries:
        return "summarised"
    return "headings" if inputs.translation.headings_only() else ""


def _uses(inputs, where) -> list:
    """Return where the report uses each shared term: [id, [[number, sentence, page url, count]...]]."""
    shared = tuple(t for t in inputs.terms if t.shared)
    ids = {t.id for t in shared}
    marks = {sid: tuple(m for m in found if m.term in ids)
             for sid, found in glossary.occurrences(inputs.terms, inputs.report).items()}
    found = glossary.places(shared, inputs.report, marks)
    return [[t.id, [[p.number, p.sentence, where[p.sentence].url, p.count] for p in found[t.id]]]
            for t in shared if found[t.id]]
