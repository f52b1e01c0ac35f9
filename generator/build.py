"""The build, in order: load, validate, parse, assign anchors, render, write, publish.

`load` and `generate` gather everything in memory; nothing is written before
all inputs are known to be good. `build` then writes the Markdown and runs
MkDocs for every edition into a temporary folder that replaces `site/` only
when every edition has built.
"""

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

from . import content, conversion, downloads, sitemap, figures, glossary, highlights, pages, render, search, summaries, tombstones, website
from .content import Acceptance, Inputs
from .editions import EDITIONS, ENGLISH, Edition
from .lock import format_lock
from .model import paragraphs, sentences
from .reconcile import PAGE
from . import outputs
from . import redirects as redirect_pages
from .outputs import mark as outputs_mark
from .redirects import Redirect
from .writer import WriteReport, write_tree


FLAGSHIP = Path("content") / "reports" / "jilin-2023"


@dataclass(frozen=True)
class Project:
    """Where the inputs are and where the outputs go: `content` is a report's
    folder, `shared` the folder of material every report uses."""

    root: Path
    content: Path
    docs: Path
    site: Path
    shared: Path
    site_url: str = ""

    @classmethod
    def at(cls, root: Path, content: Path | None = None, docs: Path | None = None, site: Path | None = None,
           shared: Path | None = None, site_url: str | None = None):
        """Return the project rooted at `root`, with optional other folders; the public
        address is SITE_URL unless given."""
        url = os.environ.get("SITE_URL", "") if site_url is None else site_url
        return cls(root, content or root / FLAGSHIP, docs or root / "docs", site or root / "site",
                   shared or root / "content", public_address(url))

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def templates(self) -> Path:
        return self.root / "templates" / "markdown"

    @property
    def cache(self) -> Path:
        """Where compiled templates are kept between builds (inside the generated docs)."""
        return self.docs / ".cache" / "templates"

    def display(self, path: Path) -> str:
        """Return a path as shown in messages: relative to the project when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


@dataclass(frozen=True)
class EditionOutput:
    """The generated Markdown and nav of one edition; `mount` is the folder of the site
    its pages stand in (zh-tw/jilin/2023/), which every file path and nav entry starts with."""

    edition: Edition
    files: dict[str, str]
    nav: list
    site_name: str
    theme: dict
    mount: str = ""


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def measure(self, name: str, start: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


def public_address(url: str) -> str:
    """Return the site's public address as a folder URL (ending in /), or '' when unknown."""
    url = url.strip()
    if not url:
        return ""
    if not url.startswith(("https://", "http://")):
        raise content.InputError.at("SITE_URL", 0, f"the site's address must start with https:// (got {url!r})")
    return url if url.endswith("/") else url + "/"


def load(project: Project, accept: Acceptance = Acceptance()) -> Inputs:
    """Read and validate the content folder and reconcile it with the lock."""
    paths = content.Paths(project.content, project.display, project.shared)
    return content.prepare(content.read(paths, revision_date()), accept)


def revision_date() -> datetime.date:
    """Return the date a change of the text is recorded under when no revisions.yml
    names it: SOURCE_DATE_EPOCH's day when set, else today (UTC)."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    stamp = max(0, int(given)) if given.lstrip("-").isdigit() else None
    now = datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc) if stamp is not None else None
    return (now or datetime.datetime.now(datetime.timezone.utc)).date()


def generate(inputs: Inputs, templates: Path, cache: Path | None = None, base: str = "") -> tuple[EditionOutput, ...]:
    """Return the Markdown of every edition; pure apart from reading templates.

    `cache` is a folder for compiled templates, reused while they are unchanged;
    `base` is where the report stands in the site ("" at the root, jilin/2023/ in the archive).
    """
    env = render.environment(templates, cache)
    stones = tombstones.collect(inputs.lock, render.kinds(inputs.report))
    numbers = figures.extract(inputs.report)
    sites = [edition_site(inputs, edition, stones, numbers, base) for edition in EDITIONS]
    # A report alone folds the search's scripts with its own table (the archive writes one for all).
    fold = {} if base else {search.FOLD: search.folding_json(
        (a.text, b.text) for site in sites if site.edition.opencc
        for a, b in zip(sentences(inputs.report), sentences(site.report)))}
    outputs = []
    for site in sites:
        mount = site.root()
        nav = _mounted(pages.nav(site.pages, site.label), mount)
        files = render.render(env, site) | {search.INDEX: search.index(site)} | fold
        if not site.edition.prefix:
            files |= downloads.files(sites)
        name = site.meta.title_en if site.edition.english else site.meta.title
        mounted = {mount + path: text for path, text in files.items()}
        outputs.append(EditionOutput(site.edition, mounted, nav, name, _theme(site), mount))
    return tuple(outputs)


def _mounted(nav: list, mount: str) -> list:
    """Return a MkDocs nav with every page path under `mount`."""
    if not mount:
        return nav
    return [{label: _mounted(value, mount) if isinstance(value, list) else mount + value for label, value in entry.items()}
            if isinstance(entry, dict) else mount + entry for entry in nav]


def _theme(site: render.Site) -> dict:
    """Return what the theme templates need of an edition (config.extra)."""
    meta, edition = site.meta, site.edition
    return {
        "alternate": [switcher_entry(e) for e in EDITIONS],
        "edition": edition.code,
        "report_path": site.base,
        "archive": bool(site.base),
        "og_locale": edition.og_locale,
        "ui": interface_strings(edition),
        "cite": {
            "author": meta.speaker, "title": meta.title, "publisher": meta.publisher, "place": meta.place,
            "author_en": meta.speaker_en.split(",")[0], "title_en": meta.title_en,
            "publisher_en": meta.publisher_en, "place_en": meta.place_en,
            "date": meta.date.isoformat() if meta.date else str(meta.year or ""),
            "date_en": ENGLISH.format_date(meta.date) or str(meta.year or ""),
            "revised": site.revisions[-1].key, "edition": edition.citation_name,
            "edition_en": edition.citation_name_en,
            # The English of a clause, shown in place in the Chinese editions (cite.js).
            "english": f"{site.base}downloads/translation.json" if site.translation and not edition.english else "",
        },
    }


def edition_site(inputs: Inputs, edition: Edition, stones: tombstones.Tombstones, numbers=(), base: str = "") -> render.Site:
    """Return what the templates need for one edition: its text, strings and pages."""
    convert = conversion.converter_for(edition, inputs.overrides)
    report = conversion.convert_report(inputs.report, convert)
    local = edition.localized(convert) if edition.opencc else edition
    meta = conversion.convert_meta(inputs.meta, convert)
    terms = glossary.convert_terms(inputs.terms, convert)
    return render.Site(
        report, meta, local, inputs.plan(report), inputs.lock, stones, inputs.revisions, convert,
        terms, glossary.occurrences(terms, report), {s.id: s for s in inputs.summaries},
        summaries.targets(inputs.report), {t.term: t.id for t in inputs.terms},
        highlights.convert(inputs.highlights, convert), numbers, base, inputs.translation,
    )


def write(outputs: tuple[EditionOutput, ...], docs: Path) -> dict[str, WriteReport]:
    """Write each edition's Markdown under docs/<code>/, touching only changes."""
    outputs_mark(docs)
    return {out.edition.code: write_tree(out.files, docs / out.edition.code) for out in outputs}


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


def guard(project: Project) -> None:
    """Refuse output folders the generator did not make (see `outputs`)."""
    sources = (project.content, project.shared, project.root / "templates", Path(__file__).parent)
    outputs.guard(project.site, "site", sources, project.root)
    outputs.guard(project.docs, "docs", sources, project.root)


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
            record: bool = True):
    """Build every edition with MkDocs into a temporary folder, then swap it into place,
    with the new anchor lock staged before and moved into place after."""
    fresh = outputs.fresh_folder(project.site)
    staged = None
    try:
        build_editions(project, editions, inputs, fresh, strict, timings)
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
                   timings: Timings, static_pages: bool = True, base: str = "") -> None:
    """Build every edition of one report into the folder `fresh` (a site root), with its
    redirect pages and its sitemap; `static_pages` writes the theme's assets and 404 page too."""
    with _environment(SOURCE_DATE_EPOCH=source_date(project)):
        _build_editions(project, editions, fresh, redirects(inputs), strict, timings, static_pages)
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


def _build_editions(project, editions, fresh: Path, moved: tuple[Redirect, ...], strict: bool, timings: Timings,
                    static_pages: bool = True) -> None:
    """Build each edition into a stage folder of its own, then merge it into the site."""
    for index, out in enumerate(editions):
        start = time.perf_counter()
        stage = fresh / f".stage-{out.mount.replace('/', '-')}{out.edition.code}"
        config = _edition_config(project, out, stage, static_pages and index == 0)
        website.build(project.config_file, config, strict)
        redirect_pages.write(stage / out.mount, moved, out.edition.lang, out.site_name)
        outputs.merge(stage, fresh)
        timings.measure(f"mkdocs {out.edition.code}", start)


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
    )


def interface_strings(edition: Edition) -> dict[str, str]:
    """Return the interface strings the theme's scripts use (search, cite, English in place)."""
    return {key: value for prefix in ("search", "cite", "library_home", "translation", "show_", "hide_")
            for key, value in edition.ui(prefix).items()}


SHORT_NAMES = {"zh-Hans": "简", "zh-Hant-TW": "臺", "zh-Hant-HK": "港", "en": "EN"}


def switcher_entry(edition: Edition) -> dict[str, str]:
    return {"code": edition.code, "name": edition.name, "lang": edition.lang, "prefix": edition.prefix,
            "og_locale": edition.og_locale, "short": SHORT_NAMES.get(edition.code, edition.code)}


@dataclass(frozen=True)
class Summary:
    """Counts and timings of a build, for the build log."""

    editions: int
    pages: int
    paragraphs: int
    sentences: int
    timings: Timings
    search_bytes: dict[str, int]
    inputs: Inputs


def failing(inputs: Inputs, strict: bool, english: bool = False) -> tuple:
    """Return the warnings that stop a build: problems of the input under --strict, and
    English that lags behind the Chinese too under --strict-english."""
    return (inputs.warnings if strict or english else ()) + (inputs.lagging if english else ())


def build(project: Project, strict: bool = False, accept: Acceptance = Acceptance(), english: bool = False,
          record: bool = True) -> Summary:
    """Run the whole build and return its summary; the lock is written last (unless not
    `record`ing, as the preview does)."""
    guard(project)
    with outputs.turn(project.site):
        timings = Timings()
        start = time.perf_counter()
        inputs = load(project, accept)
        if failing(inputs, strict, english):
            raise content.InputError(failing(inputs, strict, english))
        editions = generate(inputs, project.templates, project.cache)
        write(editions, project.docs)
        timings.measure("generate", start)
        publish(project, editions, inputs, strict, timings, record)
    return Summary(
        editions=len(editions),
        pages=sum(1 for path in editions[0].files if path.endswith(".md")),
        paragraphs=sum(1 for _ in paragraphs(inputs.report)),
        sentences=sum(1 for _ in sentences(inputs.report)),
        timings=timings,
        search_bytes={out.edition.code: _size(project.site / out.mount / search.INDEX) for out in editions},
        inputs=inputs,
    )


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
