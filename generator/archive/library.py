"""The library over the archive's reports: the pages, search data, downloads and redirects
written over them all, from their records.

Per edition:
- the home page (`/`, `/zh-tw/`, `/en/`…): every report by region and year, the
  State Council first, with a filter, and the reports removed;
- a page per region (`/jilin/`): its reports, and its targets set against the
  results the next year's report gives (see `data.indicators`);
- the terms shared by every report (`/terms/`);
- the page left at a removed report's address (see `anchors.catalog`).
For the whole site: the search across reports (`shards`), the downloads
(`downloads`), and the addresses reports no longer stand at (`addresses`).
`content/library.yml` holds the archive's own settings (the root report).
"""

from __future__ import annotations

from pathlib import Path

from ..editions import conversion, glossary
from ..editions.editions import EDITIONS, TRADITIONAL
from ..site import outputs, render, sitemap, website
from ..site.theme import strings_by_edition, switcher_entry
from ..site.writer import write_tree
from ..text import yamlfile
from ..text.errors import raise_if_any
from . import addresses, shards
from .downloads import write_downloads
from .pages import home, region_name, region_page, terms_page, tombstone
from .series import targets_csv

SETTINGS = "library.yml"
SETTINGS_FIELDS = (yamlfile.Field("root_report", required=False),)


def settings(shared: Path) -> dict:
    """Read content/library.yml: the archive's own settings (an unknown key is an error)."""
    path = shared / SETTINGS
    if not path.exists():
        return {}
    shown = f"content/{SETTINGS}"
    data = yamlfile.load(path, shown)
    raise_if_any(yamlfile.check_mapping(data, SETTINGS_FIELDS, shown, "library settings", 1))
    return data


def write(archive, records: list, known, fresh: Path, departed: tuple = ()) -> None:
    """Write the library's pages, data, downloads and redirects into the fresh site;
    `departed` are the catalog's reports removed or moved (see `catalog`)."""
    project = archive.project()
    options = settings(archive.shared)
    overrides = conversion.load_overrides(archive.shared / "conversion.yml", "content/conversion.yml", TRADITIONAL)
    env = render.environment(project.root / "templates" / "markdown", project.docs / ".cache" / "templates")
    root = next((r for r in records if r.slug == options.get("root_report")), None)
    path = archive.shared / "glossary.yml"
    shared = glossary.load(path, "content/glossary.yml") if path.exists() else ()
    converters = [conversion.converter_for(edition, overrides) for edition in EDITIONS]
    editions = [edition.localized(convert) if edition.opencc else edition for edition, convert in zip(EDITIONS, converters)]
    every = strings_by_edition(editions)
    for index, (edition, convert) in enumerate(zip(editions, converters)):
        removed = tuple(e for e in departed if not e.moved)
        files = pages_of(env, edition, records, known, convert, root, glossary.convert_terms(shared, convert), removed)
        files |= tombstone_pages(env, edition, removed, convert)
        docs = project.docs / edition.code
        write_tree(files, docs)
        nav = _nav(edition, records, known, convert) + (
            [{edition.t("terms_title"): edition.prefix + "terms/index.md"}] if edition.prefix + "terms/index.md" in files else [])
        hidden = tuple(f"{edition.prefix}{e.base}index.md" for e in removed)
        _build(project, edition, docs, files, nav, fresh, static_pages=index == 0, strings=every, hidden=hidden)
    table = shards.write_folding(records, overrides, fresh)
    shards.write_search(records, shards.labels(records, known, overrides), table, fresh)
    shards.write_terms(records, fresh)
    write_downloads(records, known, fresh)
    addresses.first_addresses(archive, options.get("root_report", ""), records, fresh)
    addresses.departed(departed, fresh)
    if project.site_url:
        index = sitemap.index(project.site_url, [r.base + "sitemap.xml" for r in records])
        (fresh / "sitemap.xml").write_text(index, encoding="utf-8")


def pages_of(env, edition, records: list, known, convert, root=None, terms=(), removed=()) -> dict[str, str]:
    """Return the Markdown (and data) of an edition's library pages (home, regions, shared
    terms), mounted."""
    files = {edition.prefix + "index.md": home(env, edition, records, known, convert, root, removed)}
    if terms and any(r.terms for r in records):
        files[edition.prefix + "terms/index.md"] = terms_page(env, edition, terms, records, known, convert)
    for region in known:
        mine = [r for r in records if r.region == region.key]
        if mine:
            files[f"{edition.prefix}{region.key}/index.md"] = region_page(env, edition, region, mine, convert)
            files[f"{edition.prefix}{region.key}/targets.csv"] = targets_csv(region, mine)
    return files


def _build(project, edition, docs: Path, files: dict[str, str], nav: list, fresh: Path, static_pages: bool,
           strings: dict, hidden: tuple[str, ...] = ()) -> None:
    stage = fresh / f".stage-library-{edition.code}"
    config = website.EditionConfig(
        docs_dir=docs, site_dir=stage, nav=nav, site_name=edition.t("library_title"),
        theme_language=edition.theme_language, prefix=edition.prefix,
        extra=_theme(edition, strings), static_pages=static_pages, site_url=project.site_url or None, not_in_nav=hidden,
        template_cache=project.theme_cache,
    )
    website.build(project.config_file, config, strict=True)
    outputs.merge(stage, fresh)


def _nav(edition, records: list, known, convert) -> list[dict[str, str]]:
    """Return the nav of the library: the home page, then each region's page by its name."""
    shown = [region for region in known if any(r.region == region.key for r in records)]
    return [{edition.t("library_home"): edition.prefix + "index.md"}] + [
        {region_name(region, edition, convert): f"{edition.prefix}{region.key}/index.md"} for region in shown]


def _theme(edition, strings: dict) -> dict:
    return {
        "alternate": [switcher_entry(e) for e in EDITIONS],
        "edition": edition.code,
        "report_path": "",
        "archive": True,
        "og_locale": edition.og_locale,
        "ui": strings[edition.code],
        "ui_editions": strings,
        "cite": {},
        "library": True,
    }


# Search across reports ---------------------------------------------------------------------------


# Downloads ----------------------------------------------------------------------------------------


# Reports that left the archive ------------------------------------------------------------------


def tombstone_pages(env, edition, removed: tuple, convert) -> dict[str, str]:
    """Return the Markdown of the page that stands at the home address of every report
    removed from the archive: what it was, when it left, where its text can be found."""
    return {f"{edition.prefix}{e.base}index.md": tombstone(env, edition, e, convert) for e in removed}


# The root report's first addresses --------------------------------------------------------------


