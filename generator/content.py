"""The content folder: reading every input, then reconciling the text with the lock.

`read` is the only function here that touches the disk; `prepare` is pure.
All problems of all files are gathered before anything stops the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from . import anchors, glossary, highlights, metadata, pages, revisions, summaries
from .conversion import Override, load_overrides, unused
from .editions import TRADITIONAL
from .errors import InputError, Problem, raise_if_any
from .glossary import Term
from .highlights import Highlight
from .summaries import Summary
from .lock import Lock, read_lock
from .metadata import Metadata
from .model import Report
from .parse import parse
from .reconcile import PAGE, Change, Reconciliation, reconcile, record_origins, record_pages
from .revisions import Revision
from .source import read_text

MARKUP_RE = re.compile(r"<[A-Za-z/!]|\]\(|\{[#.%{]|\*\*|__|`")
T = TypeVar("T")


@dataclass(frozen=True)
class Paths:
    """The files of a content folder, and how to name them in messages."""

    folder: Path
    display: Callable[[Path], str]

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
    def glossary(self) -> Path:
        return self.folder / "glossary.yml"

    @property
    def summaries(self) -> Path:
        return self.folder / "summaries"

    @property
    def highlights(self) -> Path:
        return self.folder / "highlights.yml"


@dataclass(frozen=True)
class Sources:
    """Everything read from the content folder, validated, before reconciliation."""

    paths: Paths
    text: str
    report: Report
    meta: Metadata
    revisions: tuple[Revision, ...]
    lock: Lock | None
    overrides: tuple[Override, ...]
    terms: tuple[Term, ...]
    summaries: tuple[Summary, ...]


@dataclass(frozen=True)
class Acceptance:
    """What the editor explicitly allows a build to do."""

    removals: bool = False
    ambiguous: bool = False


@dataclass(frozen=True)
class Inputs:
    """The inputs of a build: the report with its final ids, and the new lock."""

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

    def plan(self, report: Report | None = None) -> tuple[pages.Page, ...]:
        """Return the pages of the site for this report (or a converted copy of it)."""
        return pages.plan(report or self.report, glossary=bool(self.terms), figures=True)

    @property
    def revision(self) -> Revision:
        return self.revisions[-1]


def read(paths: Paths) -> Sources:
    """Read and validate every file of the content folder; raise all problems at once."""
    problems: list[Problem] = []
    text = _attempt(problems, lambda: read_text(paths.report, paths.display(paths.report)), "")
    report = _attempt(problems, lambda: anchors.assign(parse(text, paths.display(paths.report))), None) if text else None
    meta = _attempt(problems, lambda: metadata.load(paths.metadata, paths.display(paths.metadata)), None)
    revs = _attempt(problems, lambda: revisions.load(paths.revisions, paths.display(paths.revisions)), ())
    lock = _attempt(problems, lambda: read_lock(paths.lock, paths.display(paths.lock)), None)
    overrides = _attempt(problems, lambda: load_overrides(paths.conversion, paths.display(paths.conversion), TRADITIONAL), ())
    terms = _attempt(problems, lambda: glossary.load(paths.glossary, paths.display(paths.glossary)), ())
    english = _attempt(problems, lambda: summaries.load(paths.summaries, paths.display), ())
    if problems:
        raise InputError(problems)
    return Sources(paths, text, report, meta, revs, lock, overrides, terms, english)


def _attempt(problems: list[Problem], load: Callable[[], T], fallback: T) -> T:
    try:
        return load()
    except InputError as exc:
        problems.extend(exc.problems)
        return fallback


def prepare(sources: Sources, accept: Acceptance) -> Inputs:
    """Give the report its final ids from the lock; refuse unaccepted removals."""
    revision = sources.revisions[-1].key
    result = reconcile(sources.lock, sources.report, revision)
    _refuse(sources, result, accept)
    report = anchors.rename(sources.report, result.ids)
    forms = {form for t in sources.terms for form in t.forms}
    retired = {e.id for e in result.lock.removed()}
    raise_if_any(summaries.validate(sources.summaries, summaries.targets(report), forms, retired))
    plan = pages.plan(report, glossary=bool(sources.terms), figures=True)
    cards = highlights.load(sources.paths.highlights, sources.paths.display(sources.paths.highlights), report)
    where = {clause: page.path for clause, page in pages.locate(plan).items()}
    lock = record_origins(result.lock, sources.lock, where)
    lock, page_changes = record_pages(lock, sources.lock, {p.path: p.clause for p in plan}, revision)
    changes = result.changes + tuple(page_changes)
    warnings = markup_warnings(sources.text, sources.paths.display(sources.paths.report))
    warnings += _revision_warnings(sources, changes)
    warnings += glossary.unused(sources.terms, report, sources.paths.display(sources.paths.glossary))
    warnings += _summary_warnings(sources, report)
    warnings += summaries.orphans(sources.summaries, {e.id for e in lock.removed()})
    notes = unused(sources.overrides, sources.text, sources.paths.display(sources.paths.conversion))
    return Inputs(
        report, sources.meta, sources.revisions, lock, changes, tuple(warnings), sources.paths,
        sources.overrides, tuple(notes), sources.terms, sources.summaries, cards,
    )


def _refuse(sources: Sources, result: Reconciliation, accept: Acceptance) -> None:
    problems = []
    shown = sources.paths.display(sources.paths.lock)
    if not accept.removals:
        for change in result.changes:
            if change.event == "removed" and change.kind != PAGE:
                line = sources.lock.by_id[change.id].line
                where = f" {change.number}" if change.number else ""
                problems.append(
                    Problem(shown, line, f"{change.kind}{where} {change.id} is no longer in the text: "
                            f"{_excerpt(change.old_text)}; rerun with --accept-removals to retire its id")
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


def markup_warnings(text: str, path: str) -> list[Problem]:
    """Point out lines with markup characters: they are published literally."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = MARKUP_RE.search(line)
        if match:
            found.append(Problem(path, number, f"markup-like text {match.group(0)!r} is shown literally"))
    return found


def _revision_warnings(sources: Sources, changes: tuple[Change, ...]) -> list[Problem]:
    """Warn when the text changed but no revision was added after the first publication."""
    if sources.lock is None or len(sources.revisions) > 1:
        return []
    if not any(c.kind != PAGE for c in changes):
        return []
    shown = sources.paths.display(sources.paths.revisions)
    return [Problem(shown, sources.revisions[-1].line, "the text changed since the first publication: "
                    "add a revision (date, note, note_en) for the changes")]


def _summary_warnings(sources: Sources, report: Report) -> list[Problem]:
    """Report clauses without an English summary, and summaries of changed text."""
    missing, stale = summaries.coverage(sources.summaries, summaries.targets(report))
    shown = sources.paths.display(sources.paths.summaries)
    found = [Problem(shown, 0, f"no English summary for {key}: the English edition shows a stub") for key in missing]
    found += [
        Problem(s.path, s.line, f"summary {s.id!r} may be stale: its Chinese text changed (review it, then "
                "python -m generator stamp)")
        for s in stale
    ]
    return found
