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
import hashlib
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from . import build as builder
from . import catalog, outputs, regions, source, website, workers
from .content import Acceptance
from .editions import EDITIONS
from .errors import InputError, Problem

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
    digest: str = ""
    source: str = ""
    addresses: list = dataclasses.field(default_factory=list)  # every page address it ever published (/p3/1/)
    first: str = ""  # the date of its first publication (its first revision)


def discover(reports: Path, known: tuple[regions.Region, ...]) -> tuple[Entry, ...]:
    """Return the report folders, the State Council's first, then by region (as the table
    lists them) and year; a folder whose name does not read `<region>-<year>` is an error."""
    found, problems = [], []
    order = {region.key: index for index, region in enumerate(known)}
    if reports.is_symlink():
        raise InputError([source.link_problem(reports, str)])
    for folder in sorted(p for p in reports.iterdir() if p.is_dir() and not p.name.startswith(".")):
        match = regions.FOLDER_RE.match(folder.name)
        if folder.is_symlink():
            problems.append(source.link_problem(folder, str))
        elif not (folder / "report.txt").is_file():
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


def fingerprint(paths: list[tuple[Path, Path]], extra: str = "") -> str:
    """Return a hash of the contents of files (folders: every file in them), each named by its
    path relative to the folder given with it (never where the checkout lies), and a string."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path, base in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.relative_to(base).as_posix().encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def common_key(root: Path, shared: Path, site_url: str, settings: str = "") -> str:
    """Return the part of every report's key that the generator, the shared inputs, the site's
    address and the build's settings (flags, engine, date) give."""
    shared_files = [(p, shared) for p in sorted(shared.glob("*.yml"))]
    return fingerprint([(root / name, root) for name in FINGERPRINTED] + shared_files, f"{site_url}\0{settings}")


def report_key(entry: Entry, common: str) -> str:
    """Return the key of a report's output: its folder (its anchor lock too, which records
    every removal accepted) and where it stands."""
    return fingerprint([(entry.folder, entry.folder)], f"{common}\0{entry.base}")


def settings(strict: bool, english: bool) -> str:
    """Return what of a build's settings shapes its output or its verdict."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return f"strict={strict} english={english} engine={website.engine()} epoch={epoch}"


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

    @property
    def catalog(self) -> Path:
        return self.shared / catalog.FILE

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
    sources = (archive.shared, archive.root / "templates", Path(__file__).parent)
    outputs.guard(archive.site, "site", sources, archive.root)
    outputs.guard(archive.docs, "docs", sources, archive.root)
    known = known_regions(archive)
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
    from . import library

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
    from . import library

    root = library.settings(archive.shared).get("root_report", "")
    if root and root not in present:
        return [Problem(f"content/{library.SETTINGS}", 0, f"root_report {root!r} is no report of content/reports: "
                                                         "its first addresses would answer 404")]
    return []


def lock_digest(folder: Path) -> str:
    path = folder / "anchors.lock"
    return catalog.lock_digest(source.read_bytes(path)) if path.is_file() and not path.is_symlink() else ""


def _today() -> str:
    return builder.revision_date().isoformat()


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
            _save(archive, dataclasses.replace(record, key=report_key(entry, common)))


def known_regions(archive: Archive) -> tuple[regions.Region, ...]:
    path = archive.shared / "regions.yml"
    return regions.load(path, "content/regions.yml")


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
        reused = _reuse(archive, entry, key, fresh)
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
