"""A report's folder: reading every input, then reconciling the text with the lock.

A report folder needs only `report.txt`; everything else is optional:
report.yml (metadata that overrides what the text states), revisions.yml,
anchors.lock (written by the build), glossary.yml, summaries/,
highlights.yml and conversion.yml (corrections for this report only). The
shared folder (`content/`) holds what every report uses: conversion.yml
(reviewed OpenCC corrections) and regions.yml.

`read` is the only function here that touches the disk; `prepare` is pure.
All problems of all files are gathered before anything stops the build.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, TypeVar

from ..anchors import catalog, ids, pages, revisions
from ..anchors.clauses import PAGE
from ..anchors.lock import Lock, read_lock
from ..anchors.reconcile import Change, Reconciliation, reconcile, record_origins, record_pages
from ..anchors.revisions import Revision
from ..text import metadata, parse, regions
from ..text.errors import InputError, Problem, raise_if_any
from ..text.markup import html_warnings, markup_notes
from ..text.metadata import Metadata
from ..text.model import Report
from ..text.regions import Region
from ..text.source import REPORT_LIMIT, links, read_text
from . import glossary, highlights, memory, summaries, translation
from .conversion import Override, load_overrides, unused
from .editions import TRADITIONAL
from .glossary import Term
from .highlights import Highlight
from .summaries import Summary

T = TypeVar("T")


@dataclass(frozen=True)
class Paths:
    """The files of a report folder and of the shared folder, and how to name them in messages."""

    folder: Path
    display: Callable[[Path], str]
    shared: Path | None = None

    @property
    def report(self) -> Path:
        return self.folder / "report.txt"

    @property
    def metadata(self) -> Path:
        return self.folder / "report.yml"

    @property
    def revisions(self) -> Path:
        return self.folder / "revisions.yml"

    @property
    def lock(self) -> Path:
        return self.folder / "anchors.lock"

    @property
    def conversion(self) -> Path:
        return self.folder / "conversion.yml"

    @property
    def shared_conversion(self) -> Path | None:
        shared = self.shared / "conversion.yml" if self.shared else None
        return shared if shared is not None and shared != self.conversion else None

    @property
    def regions(self) -> Path | None:
        return self.shared / "regions.yml" if self.shared else None

    @property
    def glossary(self) -> Path:
        return self.folder / "glossary.yml"

    @property
    def shared_glossary(self) -> Path | None:
        """The terms shared by every report (content/glossary.yml), defined once."""
        shared = self.shared / "glossary.yml" if self.shared else None
        return shared if shared is not None and shared != self.glossary else None

    @property
    def summaries(self) -> Path:
        return self.folder / "summaries"

    @property
    def translation(self) -> Path:
        return self.folder / translation.FOLDER

    @property
    def highlights(self) -> Path:
        return self.folder / "highlights.yml"


@dataclass(frozen=True)
class Sources:
    """Everything read from the folders, validated, before reconciliation."""

    paths: Paths
    text: str
    report: Report
    meta: Metadata
    revisions: tuple[Revision, ...]
    lock: Lock | None
    overrides: tuple[Override, ...]
    terms: tuple[Term, ...]
    summaries: tuple[Summary, ...]
    implicit: bool = False
    notes: tuple[Problem, ...] = ()
    local_overrides: tuple[Override, ...] = ()
    english: tuple[translation.Line, ...] = ()
    published: str = ""  # the date the archive's catalog says the report was first published
    misfiled: tuple[Problem, ...] = ()  # the folder's name disagrees with the text's region or year
    memory: dict = field(default_factory=dict)  # the archive's translation memory, by Chinese


@dataclass(frozen=True)
class Acceptance:
    """What the editor explicitly allows a build to do."""

    removals: bool = False
    ambiguous: bool = False
    fresh: bool = False  # a fresh history for a published report whose anchors.lock is gone


@dataclass(frozen=True)
class Inputs:
    """The inputs of a build: the report with its final ids, and the new lock.

    `warnings` are problems of the input (they fail --strict); `notes` are
    notices that never do: English that lags behind the Chinese, glossary terms
    no longer in the text, markup-like text shown literally.
    """

    report: Report
    meta: Metadata
    revisions: tuple[Revision, ...]
    lock: Lock
    changes: tuple[Change, ...]
    warnings: tuple[Problem, ...]
    paths: Paths
    overrides: tuple[Override, ...] = ()
    notes: tuple[Problem, ...] = ()
    terms: tuple[Term, ...] = ()
    summaries: tuple[Summary, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    lagging: tuple[Problem, ...] = ()
    translation: translation.Translation = translation.Translation({}, {})

    def plan(self, report: Report | None = None) -> tuple[pages.Page, ...]:
        """Return the pages of the site for this report (or a converted copy of it)."""
        return pages.plan(report or self.report, glossary=bool(self.terms), figures=True)

    @property
    def revision(self) -> Revision:
        return self.revisions[-1]


def read(paths: Paths, today: datetime.date) -> Sources:
    """Read and validate every file; raise all problems at once. `today` dates an
    implicit revision (a report without revisions.yml whose text changed)."""
    shown = paths.display
    problems: list[Problem] = links(paths.folder, shown)
    if problems:
        raise InputError(problems)
    text = _attempt(problems, lambda: read_text(paths.report, shown(paths.report), REPORT_LIMIT), "")
    parsed = _attempt(problems, lambda: parse.read(text, shown(paths.report)), None) if text else None
    if parsed is None and text == "" and not problems:
        problems.append(Problem(shown(paths.report), 1, "the report is empty: it has no text"))
    report, notes = (ids.assign(parsed[0]), parsed[1]) if parsed else (None, ())
    table = _attempt(problems, lambda: _regions(paths), ())
    given = _attempt(problems, lambda: _given(paths), None)
    meta = _attempt(problems, lambda: _metadata(paths, report, table, given), None) if report and given else None
    revs = _attempt(problems, lambda: revisions.load(paths.revisions, shown(paths.revisions)), ())
    lock = _attempt(problems, lambda: read_lock(paths.lock, shown(paths.lock)), None)
    shared = _attempt(problems, lambda: _overrides(paths.shared_conversion, shown), ())
    local = _attempt(problems, lambda: _overrides(paths.conversion, shown), ())
    terms = _attempt(problems, lambda: glossary.load(paths.glossary, shown(paths.glossary)), ())
    common = _attempt(problems, lambda: glossary.load(paths.shared_glossary, shown(paths.shared_glossary))
                      if paths.shared_glossary else (), ())
    english = _attempt(problems, lambda: summaries.load(paths.summaries, shown), ())
    lines = _attempt(problems, lambda: translation.load(paths.translation, shown), ())
    offered = _attempt(problems, lambda: memory.load(paths.shared / memory.FILE, shown(paths.shared / memory.FILE))
                       if paths.shared else {}, {})
    if problems:
        raise InputError(problems)
    implicit = revs is None
    if implicit:
        revs = revisions.implicit(_lock_dates(lock), today)
    named = summaries.marked_terms([s.text for s in english] + [line.en for line in lines])
    terms = glossary.with_shared(terms, common, report, named)
    forms = {form for term in terms for form in term.forms}
    terms = terms + glossary.from_appendices(report, forms)
    return Sources(paths, text, report, meta, revs, lock, _merge(local, shared), terms, english, implicit, notes, local,
                   lines, _published(paths), tuple(metadata.folder_mismatches(report, table, paths.folder.name,
                                                                                shown(paths.report))), offered)


def _published(paths: Paths) -> str:
    """Return the date the archive first published this report ('' when its catalog does not
    list it, or the folder is not one of the archive's reports)."""
    if paths.shared is None or paths.folder.parent != paths.shared / "reports":
        return ""
    path = paths.shared / catalog.FILE
    entry = catalog.read(path, paths.display(path)).by_slug.get(paths.folder.name)
    return entry.first if entry is not None and entry.live else ""


def _attempt(problems: list[Problem], load: Callable[[], T], fallback: T) -> T:
    try:
        return load()
    except InputError as exc:
        problems.extend(exc.problems)
        return fallback


def _regions(paths: Paths) -> tuple[Region, ...]:
    if paths.regions is None or not paths.regions.exists():
        return ()
    return regions.load(paths.regions, paths.display(paths.regions))


def _given(paths: Paths) -> tuple[dict, dict[str, int]]:
    """Return the metadata given by hand: the shared table's facts for this report (content/
    metadata.yml), then its own report.yml over them; with the lines of report.yml."""
    table = paths.shared / metadata.TABLE if paths.shared else None
    facts = metadata.load_table(table, paths.display(table)).get(paths.folder.name, {}) if table else {}
    own, lines = metadata.load(paths.metadata, paths.display(paths.metadata))
    return facts | own, lines


def _metadata(paths: Paths, report: Report, table: tuple[Region, ...], given: tuple[dict, dict]) -> Metadata:
    inferred = metadata.infer(report, table, paths.folder.name)
    return metadata.resolve(inferred, given[0], table, paths.display(paths.metadata), given[1])


def _overrides(path: Path | None, shown: Callable[[Path], str]) -> tuple[Override, ...]:
    return load_overrides(path, shown(path), TRADITIONAL) if path is not None else ()


def _merge(local: tuple[Override, ...], shared: tuple[Override, ...]) -> tuple[Override, ...]:
    """Return the report's own corrections, then the shared ones it does not override."""
    mine = {o.phrase for o in local}
    return local + tuple(o for o in shared if o.phrase not in mine)


def _lock_dates(lock: Lock | None) -> list[str]:
    if lock is None:
        return []
    return [date for e in lock.entries for date in (e.added, *e.edited, *e.moved, e.removed) if date]


def prepare(sources: Sources, accept: Acceptance) -> Inputs:
    """Give the report its final ids from the lock; refuse unaccepted removals."""
    sources = _drop_idle_revision(sources)
    revision = sources.revisions[-1].key
    result = reconcile(sources.lock, sources.report, revision)
    _refuse(sources, result, accept)
    report = ids.rename(sources.report, result.ids)
    forms = {form for t in sources.terms for form in t.forms}
    known = {e.id for e in result.lock.entries}
    raise_if_any(summaries.validate(sources.summaries))
    own, chinese = {line.id: line for line in sources.english}, translation.chinese(report)
    english = translation.Translation(own, chinese, translation.reusable(sources.memory, chinese, own,
                                                                        sources.paths.folder.name))
    plan = pages.plan(report, glossary=bool(sources.terms), figures=True)
    cards = highlights.load(sources.paths.highlights, sources.paths.display(sources.paths.highlights), report)
    where = {clause: page.key for clause, page in pages.locate(plan).items()}
    lock = record_origins(result.lock, sources.lock, where)
    lock, page_changes = record_pages(lock, sources.lock, {p.key: p.clause for p in plan}, revision)
    changes = result.changes + tuple(page_changes)
    warnings = list(sources.misfiled) + _revision_warnings(sources, changes) + html_warnings(sources.text, sources.paths.display(sources.paths.report))
    notes = list(sources.notes) + markup_notes(sources.text, sources.paths.display(sources.paths.report))
    notes += unused(sources.local_overrides, sources.text, sources.paths.display(sources.paths.conversion))
    lagging = glossary.unused(sources.terms, report, sources.paths.display(sources.paths.glossary))
    lagging += _summary_notes(sources, report)
    lagging += summaries.lagging(sources.summaries, summaries.targets(report), forms, known)
    lagging += translation.references(sources.english, english.chinese, forms | {t.term for t in sources.terms}, known)
    retired = {e.id for e in lock.removed()}
    lagging += summaries.orphans(sources.summaries, retired)
    lagging += summaries.unplaced(sources.summaries, summaries.targets(report), retired)
    lagging += translation.lagging(english, sources.paths.display(sources.paths.translation))
    return Inputs(
        report, sources.meta, sources.revisions, lock, changes, tuple(warnings), sources.paths,
        sources.overrides, tuple(notes), sources.terms, sources.summaries, cards, tuple(lagging), english,
    )


def _drop_idle_revision(sources: Sources) -> Sources:
    """Without revisions.yml, keep the build's date as a revision only if the text changed."""
    if not sources.implicit or sources.lock is None or len(sources.revisions) < 2:
        return sources
    trial = reconcile(sources.lock, sources.report, sources.revisions[-1].key)
    if trial.changes:
        return sources
    return replace(sources, revisions=sources.revisions[:-1])


def _refuse(sources: Sources, result: Reconciliation, accept: Acceptance) -> None:
    problems = []
    shown = sources.paths.display(sources.paths.lock)
    if sources.lock is None and sources.published and not accept.fresh:
        name = sources.paths.folder.name
        raise InputError.at(shown, 0, f"the anchor lock is missing, but the report was published (first on "
                                      f"{sources.published}) and its links depend on it: restore it (git checkout "
                                      f"-- {shown}), or accept a fresh history that dates every clause today with "
                                      f"--accept-fresh-history {name}")
    if not accept.removals:
        for change in result.changes:
            if change.event == "removed" and change.kind != PAGE:
                line = sources.lock.by_id[change.id].line
                where = f" {change.number}" if change.number else ""
                problems.append(
                    Problem(shown, line, f"{change.kind}{where} {change.id} is no longer in the text: "
                            f"{_excerpt(change.old_text)}; if you removed it, rerun with --accept-removals to "
                            "retire its id (its links will show a tombstone)")
                )
    if not accept.ambiguous:
        report = sources.paths.display(sources.paths.report)
        for amb in result.ambiguities:
            problems.append(
                Problem(report, amb.line, f"{amb.kind} {_excerpt(amb.text)} matches {', '.join(amb.candidates)} "
                        "equally well; rerun with --accept-ambiguous to take the first")
            )
    if problems:
        raise InputError(problems)


def _excerpt(text: str, width: int = 24) -> str:
    return f"“{text[:width]}…”" if len(text) > width else f"“{text}”"


def _revision_warnings(sources: Sources, changes: tuple[Change, ...]) -> list[Problem]:
    """Warn when revisions.yml exists, the text changed, and no revision was added after
    the first publication: the changes would be dated as the first publication."""
    if sources.implicit or sources.lock is None or len(sources.revisions) > 1:
        return []
    if not any(c.kind != PAGE for c in changes):
        return []
    shown = sources.paths.display(sources.paths.revisions)
    return [Problem(shown, sources.revisions[-1].line, "the text changed since the first publication: "
                    "add a revision (date, note, note_en) for the changes")]


def _summary_notes(sources: Sources, report: Report) -> list[Problem]:
    """Report clauses without an English summary, and summaries of changed text."""
    if not sources.summaries:
        return []
    missing, stale = summaries.coverage(sources.summaries, summaries.targets(report))
    shown = sources.paths.display(sources.paths.summaries)
    found = [Problem(shown, 0, f"no English summary for {key}: the English edition shows a stub") for key in missing]
    found += [
        Problem(s.path, s.line, f"summary {s.id!r} may be stale: its Chinese text changed (review it, then "
                "python -m generator stamp)")
        for s in stale
    ]
    return found


def revision_date() -> datetime.date:
    """Return the date a change of the text is recorded under when no revisions.yml
    names it: SOURCE_DATE_EPOCH's day when set, else today (UTC)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp = max(0, int(given)) if given.lstrip("-").isdigit() else None
    now = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc) if stamp is not None else None
    return (now or datetime.datetime.now(datetime.timezone.utc)).date()


def failing(inputs: Inputs, strict: bool, english: bool = False) -> tuple:
    """Return the warnings that stop a build: problems of the input under --strict, and
    English that lags behind the Chinese too under --strict-english."""
    return (inputs.warnings if strict or english else ()) + (inputs.lagging if english else ())
