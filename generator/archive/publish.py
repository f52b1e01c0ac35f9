"""The archive: every report under content/reports in one site, with the library over them.

A report is a folder `content/reports/<region>-<year>/` (a suffix may follow
the year: `jilin-2023-budget`) holding its `report.txt` and, optionally, what
the flagship report has. It is published at `/<region>/<year>/` in the
simplified edition and under the edition's folder in the others
(`/zh-tw/jilin/2023/`, `/en/jilin/2023/`).

The build, in order:
1. find the reports; choose this shard's share (`--shard K/N`);
2. build each report (in parallel, one process per core) into a fresh site
   folder, or reuse its pages from the previous site when none of its inputs
   changed (`Record.key`);
3. write the library over them (see `library`): home pages, region pages,
   search, downloads, redirects of the flagship's first addresses;
4. swap the fresh site into place, then move each report's new anchor lock
   into place.
Every report's record (what the library needs of it) is kept in
`docs/.archive/` with the key of its inputs.
"""

from __future__ import annotations

import dataclasses
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..anchors import catalog
from ..editions.editions import EDITIONS
from ..editions.inputs import Acceptance, failing, revision_date
from ..site import outputs, workers
from ..site.project import Project
from ..site.publication import Timings, build_editions, stage_lock
from ..site.report import generate, load, write
from ..text import source
from ..text.errors import InputError, Problem
from . import library
from .discovery import Entry, discover, regions_of, shard
from .records import Record, describe
from .reuse import RECORDS, common_key, report_key, reuse, save, settings


@dataclass(frozen=True)
class Consent:
    """What the editor accepts for an archive build, report by report (by folder name)."""

    removals: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    fresh: frozenset[str] = frozenset()

    def of(self, slug: str) -> Acceptance:
        return Acceptance(removals=slug in self.removals, ambiguous=slug in self.ambiguous, fresh=slug in self.fresh)

    def unknown(self, names: set[str]) -> list[Problem]:
        """Return a problem for every name accepted that is no report's."""
        given = {"--accept-removals": self.removals, "--accept-ambiguous": self.ambiguous,
                 "--accept-fresh-history": self.fresh}
        return [Problem(flag, 0, f"no report is named {name!r} (a folder of content/reports, or a report the archive "
                                 "published)") for flag, chosen in given.items() for name in sorted(chosen - names)]


# Building one report (in a worker process) ---------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What a worker needs to build one report into the fresh site."""

    root: Path
    entry: Entry
    docs: Path
    fresh: Path
    shared: Path
    site_url: str
    key: str
    strict: bool
    accept: Acceptance
    english: bool
    record_lock: bool


def build_report(job: Job) -> Record:
    """Build one report's editions into the fresh site; return its record (pure data)."""
    project = Project.at(job.root, job.entry.folder, job.docs, job.fresh, job.shared, job.site_url)
    inputs = load(project, job.accept)
    stopping = failing(inputs, job.strict, job.english)
    if stopping:
        raise InputError(stopping)
    editions = generate(inputs, project.templates, project.cache, job.entry.base)
    write(editions, project.docs)
    build_editions(project, editions, inputs, job.fresh, job.strict, Timings(),
                           static_pages=False, base=job.entry.base)
    staged = stage_lock(inputs) if job.record_lock else None
    built = describe(job.entry, job.key, inputs)
    return dataclasses.replace(built, lock=str(staged) if staged else "")


def _run(job: Job) -> Record | InputError:
    """Build a report in a worker; input problems come back as a value, not an exception."""
    try:
        return build_report(job)
    except InputError as exc:
        return exc


# The archive build (main process) ------------------------------------------------------------


@dataclass(frozen=True)
class Archive:
    """Where the archive's inputs are and where its outputs go."""

    root: Path
    docs: Path
    site: Path
    site_url: str = ""
    content: Path | None = None

    @property
    def shared(self) -> Path:
        """The content folder: the shared material, and the reports under reports/."""
        return self.content or self.root / "content"

    @property
    def reports(self) -> Path:
        return self.shared / "reports"

    @property
    def records(self) -> Path:
        return self.docs / RECORDS

    @property
    def catalog(self) -> Path:
        return self.shared / catalog.FILE

    def project(self) -> Project:
        """Return a project for the archive's own pages (the library)."""
        return Project.at(self.root, self.reports, self.docs / "_library", self.site, self.shared, self.site_url)


@dataclass
class Outcome:
    """What an archive build did."""

    built: list[str] = dataclasses.field(default_factory=list)
    reused: list[str] = dataclasses.field(default_factory=list)
    records: list[Record] = dataclasses.field(default_factory=list)
    seconds: dict[str, float] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Run:
    """The settings of one archive build."""

    strict: bool = False
    english: bool = False
    consent: Consent = Consent()
    jobs: int | None = None
    only: str = "0/1"
    record_locks: bool = True

    @property
    def whole(self) -> bool:
        """Whether this build covers the whole archive (not one shard of it)."""
        return self.only in ("", "0/1")


def build(archive: Archive, strict: bool = False, accept: Consent = Consent(), english: bool = False,
          jobs: int | None = None, only: str = "0/1", record_locks: bool = True) -> Outcome:
    """Build the archive (or one shard of it) into `site/`; see the module docstring."""
    run = Run(strict, english, accept, jobs, only, record_locks)
    sources = (archive.shared, archive.root / "templates", Path(__file__).parent.parent)
    outputs.guard(archive.site, "site", sources, archive.root)
    outputs.guard(archive.docs, "docs", sources, archive.root)
    outputs.mark(archive.docs)  # ours before anything is written in it: a build killed then leaves it ours
    known = regions_of(archive.shared)
    every = discover(archive.reports, known)
    settled, gone = survey(archive, every, run.consent)
    entries = shard(every, only)
    outcome = Outcome()
    with outputs.turn(archive.site):
        outputs.mark(archive.docs)
        fresh = outputs.fresh_folder(archive.site)
        staged = None
        try:
            _assemble(archive, run, entries, known, settled, fresh, outcome)
            updated = catalog.updated(settled, [published(r) for r in outcome.records], gone, _today())
            staged = _stage_catalog(archive, updated) if run.whole and record_locks else None
            outputs.swap_in(fresh, archive.site)
            _commit_locks(outcome.records)
            if staged is not None:
                outputs.commit(staged, archive.catalog)
            _save_records(archive, run, entries, outcome)
        finally:
            if fresh.exists():
                shutil.rmtree(fresh, ignore_errors=True)
            for path in [Path(r.lock) for r in outcome.records if r.lock] + ([staged] if staged else []):
                path.unlink(missing_ok=True)
    return outcome


def _assemble(archive: Archive, run: Run, entries, known, settled: catalog.Catalog, fresh: Path, outcome: Outcome) -> None:
    """Build or reuse every report into the fresh site, then the library over them."""
    start = time.perf_counter()
    outcome.records = _reports(archive, entries, fresh, run, outcome)
    outcome.seconds["reports"] = time.perf_counter() - start
    start = time.perf_counter()
    if run.whole:
        live = {r.slug for r in outcome.records}
        departed = tuple(e for e in settled.departed() if e.slug not in live)
        library.write(archive, outcome.records, known, fresh, departed)
    outcome.seconds["library"] = time.perf_counter() - start


def survey(archive: Archive, every: tuple[Entry, ...], consent: Consent) -> tuple[catalog.Catalog, tuple[catalog.Departure, ...]]:
    """Return the catalog as it will stand (with the reports gone since the last build
    marked) and the departures; raise when a report left without acceptance, or a name
    accepted is no report's."""
    shown = "content/" + catalog.FILE
    known = catalog.read(archive.catalog, shown)
    present = {e.slug: lock_digest(e.folder) for e in every}
    gone, problems = catalog.departures(known, present, consent.removals, shown)
    problems += consent.unknown(set(present) | set(known.by_slug))
    problems += _root_problems(archive, present)
    if problems:
        raise InputError(problems)
    return catalog.updated(known, [], gone, _today()) if gone else known, gone


def _root_problems(archive: Archive, present: dict[str, str]) -> list[Problem]:
    """Return a problem when library.yml names as the root report no report of the archive."""
    root = library.settings(archive.shared).get("root_report", "")
    if root and root not in present:
        return [Problem(f"content/{library.SETTINGS}", 0, f"root_report {root!r} is no report of content/reports: "
                                                         "its first addresses would answer 404")]
    return []


def lock_digest(folder: Path) -> str:
    path = folder / "anchors.lock"
    return catalog.lock_digest(source.read_bytes(path)) if path.is_file() and not path.is_symlink() else ""


def _today() -> str:
    return revision_date().isoformat()


def published(record: Record) -> catalog.Published:
    """Return the catalog's line for a report built."""
    return catalog.Published(record.slug, record.base, record.titles.get("zh-Hans", ""), record.title_en, record.source,
                             record.first, record.digest, tuple(record.addresses))


def _stage_catalog(archive: Archive, updated: catalog.Catalog) -> Path | None:
    data = catalog.format_catalog(updated).encode("utf-8")
    if archive.catalog.is_file() and archive.catalog.read_bytes() == data:
        return None
    return outputs.staged(archive.catalog, data)


def _save_records(archive: Archive, run: Run, entries, outcome: Outcome) -> None:
    """Keep the record of every report built, keyed by its folder as the build left it (with
    its new lock)."""
    common = common_key(archive.root, archive.shared, archive.site_url, settings(run.strict, run.english))
    for entry, record in zip(entries, outcome.records):
        if record.slug in outcome.built:
            save(archive.records, dataclasses.replace(record, key=report_key(entry, common)))



def _reports(archive: Archive, entries, fresh: Path, run: Run, outcome: Outcome) -> list[Record]:
    """Build or reuse every report; raise every report's input problems together."""
    common = common_key(archive.root, archive.shared, archive.site_url, settings(run.strict, run.english))
    for entry in entries:
        for edition in EDITIONS:
            (fresh / edition.prefix / entry.base).parent.mkdir(parents=True, exist_ok=True)
    pending, records = [], {}
    for entry in entries:
        accept = run.consent.of(entry.slug)
        key = report_key(entry, common)
        reused = reuse(archive.records, archive.site, entry, key, fresh)
        if reused is not None:
            records[entry.slug] = reused
            outcome.reused.append(entry.slug)
        else:
            pending.append(Job(archive.root, entry, archive.docs / entry.slug, fresh, archive.shared, archive.site_url,
                               key, run.strict, accept, run.english, run.record_locks))
    problems: list[Problem] = []
    for job, result in zip(pending, workers.map_jobs(_run, pending, run.jobs, lambda job: job.entry.slug)):
        if isinstance(result, InputError):
            problems += result.problems
        else:
            records[job.entry.slug] = result
            outcome.built.append(job.entry.slug)
    if problems:
        for record in records.values():
            if record.lock:
                Path(record.lock).unlink(missing_ok=True)
        raise InputError(problems)
    return [records[e.slug] for e in entries]


def _commit_locks(records: list[Record]) -> None:
    for record in records:
        if record.lock:
            staged = Path(record.lock)
            outputs.commit(staged, staged.with_name(staged.name.removeprefix(".").removesuffix(".tmp")))
