"""Checking inputs without writing anything: every report named (in parallel), and the
archive around them (its catalog, the reports gone, the names accepted).

`check` finds what a build would refuse, report by report, so that "no problems
found" means the archive builds; `departures` lists the reports that left the
archive since its last build, for `diff`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import build as builder
from . import workers
from .content import Acceptance
from .errors import InputError, Problem


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


def check(project: builder.Project, folders: list[Path], accepts: list[Acceptance], strict: bool, english: bool) -> Found:
    """Check every report folder as a build would (reading, reconciling, rendering)."""
    jobs = [Job(project.root, folder, project.shared, accept, strict, english) for folder, accept in zip(folders, accepts)]
    results = workers.map_jobs(_check, jobs, None, lambda job: job.folder.name)
    return Found(tuple(m for found in results for m in found.messages), tuple(p for found in results for p in found.problems))


def _check(job: Job) -> Found:
    project = builder.Project.at(job.root, job.folder, shared=job.shared)
    try:
        inputs = builder.load(project, job.accept)
        builder.generate(inputs, project.templates)
    except InputError as exc:
        return Found(problems=exc.problems)
    messages = [f"warning: {w}" for w in inputs.warnings] + [f"note: {n}" for n in inputs.notes + inputs.lagging]
    return Found(tuple(messages), tuple(builder.failing(inputs, job.strict, job.english)))


def archive_problems(root: Path, consent) -> tuple[Problem, ...]:
    """Return what the archive around its reports would refuse: reports gone without
    acceptance, names accepted that are no report's, a root report that is not there."""
    from . import archive

    where = archive.Archive(root, root / "docs", root / "site")
    try:
        archive.survey(where, archive.discover(where.reports, archive.known_regions(where)), consent)
    except InputError as exc:
        return exc.problems
    return ()


def departures(root: Path) -> list[str]:
    """Return a line for every report that left the archive since its last build."""
    from . import archive, catalog

    where = archive.Archive(root, root / "docs", root / "site")
    every = archive.discover(where.reports, archive.known_regions(where))
    published = catalog.read(where.catalog, "content/" + catalog.FILE)
    gone, _ = catalog.departures(published, {e.slug: archive.lock_digest(e.folder) for e in every},
                                 frozenset(published.by_slug), "")
    return [f"  {'moved' if d.moved else 'removed':<8} report    {d.entry.slug:<14} /{d.entry.base}"
            + (f" -> {d.moved}" if d.moved else "") for d in gone]
