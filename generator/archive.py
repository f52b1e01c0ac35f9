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

import concurrent.futures
import dataclasses
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import build as builder
from . import outputs, regions
from .content import Acceptance
from .editions import EDITIONS
from .errors import InputError, Problem

SLUG_RE = re.compile(r"^([a-z][a-z0-9-]*?)-((?:1[89]|20)\d\d)(?:-([a-z0-9][a-z0-9-]*))?$")
RECORDS = ".archive"
FINGERPRINTED = ("generator", "templates", "mkdocs.yml", "requirements.txt")


@dataclass(frozen=True)
class Entry:
    """A report folder and where it is published."""

    slug: str
    folder: Path
    region: str
    year: int
    base: str


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
    search: list
    figures: list
    indicators: list
    terms: list
    home: list = dataclasses.field(default_factory=list)
    warnings: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)
    lock: str = ""


def discover(reports: Path, known: tuple[regions.Region, ...]) -> tuple[Entry, ...]:
    """Return the report folders, the State Council's first, then by region (as the table
    lists them) and year; a folder whose name does not read `<region>-<year>` is an error."""
    found, problems = [], []
    order = {region.key: index for index, region in enumerate(known)}
    for folder in sorted(p for p in reports.iterdir() if p.is_dir() and not p.name.startswith(".")):
        match = SLUG_RE.match(folder.name)
        if not (folder / "report.txt").is_file():
            problems.append(Problem(str(folder), 0, "a report folder needs a report.txt"))
        elif not match or match.group(1) not in order:
            problems.append(Problem(str(folder), 0, "a report folder is named <region>-<year>, the region a key of "
                                    "content/regions.yml (e.g. jilin-2023, national-2025)"))
        else:
            region, year, suffix = match.group(1), int(match.group(2)), match.group(3)
            base = f"{region}/{year}{'-' + suffix if suffix else ''}/"
            found.append(Entry(folder.name, folder, region, year, base))
    if problems:
        raise InputError(problems)
    return tuple(sorted(found, key=lambda e: (order[e.region], e.year, e.slug)))


def shard(entries: tuple[Entry, ...], spec: str) -> tuple[Entry, ...]:
    """Return the entries of shard K of N (`K/N`, K from 0): every N-th report."""
    match = re.fullmatch(r"(\d+)/(\d+)", spec or "0/1")
    if not match or not 0 <= int(match.group(1)) < int(match.group(2)):
        raise InputError.at("--shard", 0, f"a shard is K/N with 0 <= K < N (got {spec!r})")
    k, n = int(match.group(1)), int(match.group(2))
    return tuple(e for index, e in enumerate(entries) if index % n == k)


def fingerprint(paths: list[Path], extra: str = "") -> str:
    """Return a hash of the contents of files (folders: every file in them) and a string."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.as_posix().encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def common_key(root: Path, shared: Path, site_url: str) -> str:
    """Return the part of every report's key that the shared inputs and the generator give."""
    shared_files = [p for p in sorted(shared.glob("*.yml"))]
    return fingerprint([root / name for name in FINGERPRINTED] + shared_files, site_url)


def report_key(entry: Entry, common: str) -> str:
    return fingerprint([entry.folder], common + entry.base)


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
    from . import library

    project = builder.Project.at(job.root, job.entry.folder, job.docs, job.fresh, job.shared, job.site_url)
    inputs = builder.load(project, job.accept)
    failing = builder.failing(inputs, job.strict, job.english)
    if failing:
        raise InputError(failing)
    editions = builder.generate(inputs, project.templates, project.cache, job.entry.base)
    builder.write(editions, project.docs)
    builder.build_editions(project, editions, inputs, job.fresh, job.strict, builder.Timings(),
                           static_pages=False, base=job.entry.base)
    staged = builder.stage_lock(inputs) if job.record_lock else None
    record = library.record(job.entry, job.key, inputs)
    return dataclasses.replace(record, lock=str(staged) if staged else "")


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

    def project(self) -> builder.Project:
        """Return a project for the archive's own pages (the library)."""
        return builder.Project.at(self.root, self.reports, self.docs / "_library", self.site, self.shared, self.site_url)


@dataclass
class Outcome:
    """What an archive build did."""

    built: list[str] = dataclasses.field(default_factory=list)
    reused: list[str] = dataclasses.field(default_factory=list)
    records: list[Record] = dataclasses.field(default_factory=list)
    seconds: dict[str, float] = dataclasses.field(default_factory=dict)


def build(archive: Archive, strict: bool = False, accept: Acceptance = Acceptance(), english: bool = False,
          jobs: int | None = None, only: str = "0/1", record_locks: bool = True) -> Outcome:
    """Build the archive (or one shard of it) into `site/`; see the module docstring."""
    from . import library

    sources = (archive.shared, archive.root / "templates", Path(__file__).parent)
    outputs.guard(archive.site, "site", sources, archive.root)
    outputs.guard(archive.docs, "docs", sources, archive.root)
    known = _regions(archive)
    entries = shard(discover(archive.reports, known), only)
    outcome = Outcome()
    with outputs.turn(archive.site):
        outputs.mark(archive.docs)
        fresh = outputs.fresh_folder(archive.site)
        try:
            start = time.perf_counter()
            outcome.records = _reports(archive, entries, fresh, strict, accept, english, jobs, record_locks, outcome)
            outcome.seconds["reports"] = time.perf_counter() - start
            start = time.perf_counter()
            if only in ("", "0/1"):
                library.write(archive, outcome.records, known, fresh)
            outcome.seconds["library"] = time.perf_counter() - start
            outputs.swap_in(fresh, archive.site)
            _commit_locks(outcome.records)
            common = common_key(archive.root, archive.shared, archive.site_url)
            for entry, record in zip(entries, outcome.records):
                if record.slug in outcome.built:  # keyed by its folder as the build left it (with its new lock)
                    _save(archive, dataclasses.replace(record, key=report_key(entry, common)))
        finally:
            if fresh.exists():
                shutil.rmtree(fresh, ignore_errors=True)
            for record in outcome.records:
                if record.lock:
                    Path(record.lock).unlink(missing_ok=True)
    return outcome


def _regions(archive: Archive) -> tuple[regions.Region, ...]:
    path = archive.shared / "regions.yml"
    return regions.load(path, "content/regions.yml")


def _reports(archive: Archive, entries, fresh: Path, strict, accept, english, jobs, record_locks, outcome) -> list[Record]:
    """Build or reuse every report; raise every report's input problems together."""
    common = common_key(archive.root, archive.shared, archive.site_url)
    for entry in entries:
        for edition in EDITIONS:
            (fresh / edition.prefix / entry.base).parent.mkdir(parents=True, exist_ok=True)
    pending, records = [], {}
    for entry in entries:
        key = report_key(entry, common)
        reused = _reuse(archive, entry, key, fresh)
        if reused is not None:
            records[entry.slug] = reused
            outcome.reused.append(entry.slug)
        else:
            pending.append(Job(archive.root, entry, archive.docs / entry.slug, fresh, archive.shared, archive.site_url,
                               key, strict, accept, english, record_locks))
    problems: list[Problem] = []
    for job, result in zip(pending, _map(_run, pending, jobs)):
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


def _map(function, items: list, jobs: int | None):
    """Apply a function to items, in worker processes when there is more than one item."""
    workers = min(jobs or os.cpu_count() or 1, len(items))
    if workers <= 1:
        return [function(item) for item in items]
    with concurrent.futures.ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def _save(archive: Archive, record: Record) -> None:
    archive.records.mkdir(parents=True, exist_ok=True)
    data = dataclasses.asdict(record) | {"lock": ""}
    (archive.records / f"{record.slug}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _reuse(archive: Archive, entry: Entry, key: str, fresh: Path) -> Record | None:
    """Return a report's record after linking its pages from the previous site into the
    fresh one, when its inputs are unchanged since it was built; else None."""
    path = archive.records / f"{entry.slug}.json"
    if not path.is_file():
        return None
    try:
        record = Record(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None
    folders = [archive.site / edition.prefix / entry.base for edition in EDITIONS]
    if record.key != key or not all(folder.is_dir() for folder in folders):
        return None
    for edition, folder in zip(EDITIONS, folders):
        shutil.copytree(folder, fresh / edition.prefix / entry.base, copy_function=os.link)
    return record


def _commit_locks(records: list[Record]) -> None:
    for record in records:
        if record.lock:
            staged = Path(record.lock)
            outputs.commit(staged, staged.with_name(staged.name.removeprefix(".").removesuffix(".tmp")))
