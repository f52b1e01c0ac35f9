"""Checking inputs without writing anything: every report named (in parallel), and the
archive around them (its catalog, the reports gone, the names accepted).

`check` finds what a build would refuse, report by report, so that "no problems
found" means the archive builds; `departures` lists the reports that left the
archive since its last build, for `diff`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..anchors import catalog
from ..editions.inputs import Acceptance, failing
from ..site import workers
from ..site.project import Project
from ..site.report import generate, load
from ..text.errors import InputError, Problem
from . import publish
from .discovery import discover, regions_of


@dataclass(frozen=True)
class Found:
    """What a check found: lines to show (warnings, notes) and the problems that fail it."""

    messages: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Job:
    root: Path
    folder: Path
    shared: Path
    accept: Acceptance
    strict: bool
    english: bool


def check(project: Project, folders: list[Path], accepts: list[Acceptance], strict: bool, english: bool) -> Found:
    """Check every report folder as a build would (reading, reconciling, rendering)."""
    jobs = [Job(project.root, folder, project.shared, accept, strict, english) for folder, accept in zip(folders, accepts)]
    results = workers.map_jobs(_check, jobs, None, lambda job: job.folder.name)
    return Found(tuple(m for found in results for m in found.messages), tuple(p for found in results for p in found.problems))


def _check(job: Job) -> Found:
    project = Project.at(job.root, job.folder, shared=job.shared)
    try:
        inputs = load(project, job.accept)
        generate(inputs, project.templates)
    except InputError as exc:
        return Found(problems=exc.problems)
    messages = [f"warning: {w}" for w in inputs.warnings] + [f"note: {n}" for n in inputs.notes + inputs.lagging]
    return Found(tuple(messages), tuple(failing(inputs, job.strict, job.english)))


def archive_problems(root: Path, consent) -> tuple[Problem, ...]:
    """Return what the archive around its reports would refuse: reports gone without
    acceptance, names accepted that are no report's, a root report that is not there."""
    where = publish.Archive(root, root / "docs", root / "site")
    try:
        publish.survey(where, discover(where.reports, regions_of(where.shared)), consent)
    except InputError as exc:
        return exc.problems
    return ()


def departures(root: Path) -> list[str]:
    """Return a line for every report that left the archive since its last build."""
    where = publish.Archive(root, root / "docs", root / "site")
    every = discover(where.reports, regions_of(where.shared))
    published = catalog.read(where.catalog, "content/" + catalog.FILE)
    gone, _ = catalog.departures(published, {e.slug: publish.lock_digest(e.folder) for e in every},
                                 frozenset(published.by_slug), "")
    return [f"  {'moved' if d.moved else 'removed':<8} report    {d.entry.slug:<14} /{d.entry.base}"
            + (f" -> {d.moved}" if d.moved else "") for d in gone]
