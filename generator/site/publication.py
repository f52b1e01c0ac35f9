"""Publishing a report's editions: each built by the site engine into a fresh folder with
its redirect pages and sitemap, swapped into place when complete, the anchor lock staged
before and moved into place after."""

from __future__ import annotations

import contextlib
import datetime
import functools
import os
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..anchors import pages
from ..anchors import redirects as redirect_pages
from ..anchors.clauses import PAGE
from ..anchors.lock import format_lock
from ..anchors.redirects import Redirect
from ..editions.editions import EDITIONS
from ..editions.inputs import Inputs
from . import outputs, sitemap, website, workers
from .project import Project
from .report import EditionOutput


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def measure(self, name: str, start: float) -> None:
        self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds


def write_lock(inputs: Inputs) -> bool:
    """Write the anchor lock when it changed (atomically); return whether it did."""
    staged = stage_lock(inputs)
    if staged is not None:
        outputs.commit(staged, inputs.paths.lock)
    return staged is not None


def stage_lock(inputs: Inputs) -> Path | None:
    """Write the new anchor lock beside the old one, if it changed; return the staged file."""
    data = format_lock(inputs.lock).encode("utf-8")
    lock = inputs.paths.lock
    if lock.is_file() and lock.read_bytes() == data:
        return None
    return outputs.staged(lock, data)


def redirects(inputs: Inputs) -> tuple[Redirect, ...]:
    """Return a redirect for every page address published once and no longer produced: to
    the page where the clause it showed stands now (its tombstone, if it was removed)."""
    plan = inputs.plan()
    by_clause = {page.clause: page.key for page in plan}
    where = pages.locate(plan)
    live = {page.key for page in plan}
    found = []
    for entry in inputs.lock.entries:
        if entry.kind != PAGE or entry.live or entry.id in live:
            continue
        clause, target = entry.text, inputs.lock.resolve(entry.text)
        page = by_clause.get(target) or (where[target].key if target in where else "/")
        anchor = clause if clause != target else ("" if target in by_clause or target not in where else target)
        found.append(Redirect(entry.id, page, anchor))
    return tuple(found)


def source_date(project: Project) -> str:
    """Return the build's date (seconds since the epoch, never before 1970) for
    reproducible output: SOURCE_DATE_EPOCH when set; else the time of the last
    commit that touched the content folder; else midnight (UTC) today."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if given.lstrip("-").isdigit():
        return str(max(0, int(given)))
    found = _last_commit(project.content)
    if found:
        return found
    today = datetime.datetime.now(datetime.timezone.utc).date()
    return str(int(datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc).timestamp()))


@functools.lru_cache(maxsize=64)
def _last_commit(folder: Path) -> str:
    try:
        found = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", str(folder)],
            cwd=folder, capture_output=True, text=True, check=True, timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
        return ""
    return found if found.isdigit() else ""


def publish(project: Project, editions: tuple[EditionOutput, ...], inputs: Inputs, strict: bool, timings: Timings,
            record: bool = True, jobs: int | None = None):
    """Build every edition with MkDocs into a temporary folder (in `jobs` processes, by
    default one a core), then swap it into place, with the new anchor lock staged before
    and moved into place after."""
    fresh = outputs.fresh_folder(project.site)
    staged = None
    try:
        build_editions(project, editions, inputs, fresh, strict, timings, jobs=jobs)
        staged = stage_lock(inputs) if record else None
        outputs.swap_in(fresh, project.site)
        if staged is not None:
            outputs.commit(staged, inputs.paths.lock)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh, ignore_errors=True)
        if staged is not None:
            staged.unlink(missing_ok=True)


def build_editions(project: Project, editions: tuple[EditionOutput, ...], inputs: Inputs, fresh: Path, strict: bool,
                   timings: Timings, static_pages: bool = True, base: str = "", jobs: int | None = 1) -> None:
    """Build every edition of one report into the folder `fresh` (a site root), with its
    redirect pages and its sitemap; `static_pages` writes the theme's assets and 404 page too.
    The editions are built in `jobs` worker processes (None: one a core; 1: in this one)."""
    with _environment(SOURCE_DATE_EPOCH=source_date(project)):
        _build_editions(project, editions, fresh, redirects(inputs), strict, timings, static_pages, jobs)
    write_sitemap(project, inputs, fresh, base)


def write_sitemap(project: Project, inputs: Inputs, site: Path, base: str = "") -> Path | None:
    """Write the report's sitemap when the public address is known."""
    if not project.site_url:
        return None
    path = site / base / "sitemap.xml"
    path.write_text(sitemap.urlset(project.site_url, base, [p.url for p in inputs.plan()], EDITIONS), encoding="utf-8")
    return path


@contextlib.contextmanager
def _environment(**values: str):
    """Set environment variables for the duration of a block."""
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@dataclass(frozen=True)
class EditionBuild:
    """One edition's build by the engine: what a worker process is given."""

    config_file: Path
    edition: website.EditionConfig
    strict: bool


def build_edition(job: EditionBuild) -> float:
    """Build one edition into its stage folder; return the seconds it took."""
    start = time.perf_counter()
    website.build(job.config_file, job.edition, job.strict)
    return time.perf_counter() - start


def _build_editions(project, editions, fresh: Path, moved: tuple[Redirect, ...], strict: bool, timings: Timings,
                    static_pages: bool = True, jobs: int | None = 1) -> None:
    """Build each edition into a stage folder of its own (in worker processes, the editions
    being independent), then merge each into the site, in order."""
    builds = [EditionBuild(project.config_file, _edition_config(project, out, _stage(fresh, out), static_pages and n == 0),
                           strict) for n, out in enumerate(editions)]
    took = workers.map_jobs(build_edition, builds, jobs, lambda job: f"the {job.edition.extra['edition']} edition")
    for out, job, seconds in zip(editions, builds, took):
        start = time.perf_counter()
        redirect_pages.write(job.edition.site_dir / out.mount, moved, out.edition.lang, out.site_name)
        outputs.merge(job.edition.site_dir, fresh)
        timings.add(f"mkdocs {out.edition.code}", seconds + time.perf_counter() - start)


def _stage(fresh: Path, out: EditionOutput) -> Path:
    return fresh / f".stage-{out.mount.replace('/', '-')}{out.edition.code}"


def _edition_config(project, out: EditionOutput, stage: Path, static_pages: bool) -> website.EditionConfig:
    return website.EditionConfig(
        docs_dir=project.docs / out.edition.code,
        site_dir=stage,
        nav=out.nav,
        site_name=out.site_name,
        theme_language=out.edition.theme_language,
        prefix=out.edition.prefix,
        extra=out.theme,
        static_pages=static_pages,
        site_url=project.site_url or None,
        template_cache=project.theme_cache,
    )
