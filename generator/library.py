"""The library over the archive's reports: what each report contributes, and the pages,
search data, downloads and redirects written over them all.

Per edition:
- the home page (`/`, `/zh-tw/`, `/en/`…): every report by region and year, the
  State Council first, with a filter;
- a page per region (`/jilin/`): its reports, and its targets set against the
  results the next year's report gives (see `indicators`).
For the whole site:
- `/search/reports.json` (the reports) and `/search/grams/*.json` (where each
  pair of characters occurs, by report and sentence), for the search across
  reports; `/search/fold.json` (traditional to simplified characters);
- `/downloads/reports.json` (every report's metadata) and
  `/downloads/all-figures.csv` (every figure, with a report column);
- redirects from the addresses the root report was first published at
  (`/p3/1/`, `/zh-tw/glossary/`…) to where it stands now (`/jilin/2023/…`).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from . import build as builder
from . import catalog, conversion, figures, regions, glossary, indicators, pages, render, search, sitemap, website, yamlfile
from . import outputs
from . import redirects as redirect_pages
from .downloads import cell
from .editions import EDITIONS, TRADITIONAL
from .lock import format_lock, read_lock
from .model import sentences
from .errors import raise_if_any
from .writer import write_tree

SHARDS = 64
SETTINGS = "library.yml"
SETTINGS_FIELDS = (yamlfile.Field("root_report", required=False),)


def record(entry, key: str, inputs) -> "archive.Record":
    """Return what the library needs of a report, from its inputs."""
    from .archive import Record

    meta = inputs.meta
    converters = {e.code: conversion.converter_for(e, inputs.overrides) for e in EDITIONS if not e.english}
    titles = {code: convert(meta.title) for code, convert in converters.items()}
    speakers = {code: convert(f"{meta.speaker_title}　{meta.speaker}".strip("　")) for code, convert in converters.items()}
    plan = inputs.plan()
    where = pages.locate(plan)
    text = [s for s in sentences(inputs.report)]
    return Record(
        slug=entry.slug, base=entry.base, region=entry.region, year=entry.year, key=key,
        date=meta.date.isoformat() if meta.date else "", titles=titles, title_en=meta.title_en,
        speakers=speakers, speaker_en=meta.speaker_en, occasion=meta.occasion,
        characters=sum(len(s.text) for s in text), sentences=len(text),
        pages=[[page.url, page.kind, page.clause] for page in plan],
        search=[[where[s.id].url, s.id, s.text] for s in text],
        figures=[[f.id, f.clause, f.sentence, f.value, f.phrase, f.context, f.kind, where[f.sentence].url]
                 for f in figures.extract(inputs.report)],
        indicators=[i.row() + [where[i.sentence].url] for i in indicators.extract(inputs.report, meta.year)],
        terms=_uses(inputs, where),
        home=[node.id for node in pages.page_nodes(plan[0])],
        warnings=[str(p) for p in inputs.warnings], notes=[str(p) for p in inputs.notes + inputs.lagging],
        digest=catalog.lock_digest(format_lock(inputs.lock).encode("utf-8")), source=meta.source_url or meta.source,
        addresses=[e.id for e in inputs.lock.entries if e.kind == "page"],
        first=min((e.added for e in inputs.lock.entries), default=inputs.revisions[0].key),
    )


def _uses(inputs, where) -> list:
    """Return where the report uses each shared term: [id, [[number, sentence, page url, count]...]]."""
    shared = tuple(t for t in inputs.terms if t.shared)
    ids = {t.id for t in shared}
    marks = {sid: tuple(m for m in found if m.term in ids)
             for sid, found in glossary.occurrences(inputs.terms, inputs.report).items()}
    found = glossary.places(shared, inputs.report, marks)
    return [[t.id, [[p.number, p.sentence, where[p.sentence].url, p.count] for p in found[t.id]]]
            for t in shared if found[t.id]]


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
    for index, edition in enumerate(EDITIONS):
        convert = conversion.converter_for(edition, overrides)
        edition = edition.localized(convert) if edition.opencc else edition
        removed = tuple(e for e in departed if not e.moved)
        files = pages_of(env, edition, records, known, convert, root, glossary.convert_terms(shared, convert), removed)
        files |= tombstone_pages(env, edition, removed, convert)
        docs = project.docs / edition.code
        write_tree(files, docs)
        nav = _nav(edition, records, known, convert) + (
            [{edition.t("terms_title"): edition.prefix + "terms/index.md"}] if edition.prefix + "terms/index.md" in files else [])
        hidden = tuple(f"{edition.prefix}{e.base}index.md" for e in removed)
        _build(project, edition, docs, files, nav, fresh, static_pages=index == 0, hidden=hidden)
    table = write_folding(records, overrides, fresh)
    _search(records, _labels(records, known, overrides), table, fresh)
    _downloads(records, known, fresh)
    _first_addresses(archive, options.get("root_report", ""), records, fresh)
    _departed_addresses(departed, fresh)
    if project.site_url:
        index = sitemap.index(project.site_url, [r.base + "sitemap.xml" for r in records])
        (fresh / "sitemap.xml").write_text(index, encoding="utf-8")


def pages_of(env, edition, records: list, known, convert, root=None, terms=(), removed=()) -> dict[str, str]:
    """Return the Markdown (and data) of an edition's library pages (home, regions, shared
    terms), mounted."""
    from .library_pages import home, region_page, targets_csv, terms_page

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
           hidden: tuple[str, ...] = ()) -> None:
    stage = fresh / f".stage-library-{edition.code}"
    config = website.EditionConfig(
        docs_dir=docs, site_dir=stage, nav=nav, site_name=edition.t("library_title"),
        theme_language=edition.theme_language, prefix=edition.prefix,
        extra=_theme(edition), static_pages=static_pages, site_url=project.site_url or None, not_in_nav=hidden,
    )
    website.build(project.config_file, config, strict=True)
    outputs.merge(stage, fresh)


def _nav(edition, records: list, known, convert) -> list[dict[str, str]]:
    """Return the nav of the library: the home page, then each region's page by its name."""
    from .library_pages import region_name

    shown = [region for region in known if any(r.region == region.key for r in records)]
    return [{edition.t("library_home"): edition.prefix + "index.md"}] + [
        {region_name(region, edition, convert): f"{edition.prefix}{region.key}/index.md"} for region in shown]


def _theme(edition) -> dict:
    return {
        "alternate": [builder.switcher_entry(e) for e in EDITIONS],
        "edition": edition.code,
        "report_path": "",
        "archive": True,
        "og_locale": edition.og_locale,
        "ui": builder.interface_strings(edition),
        "cite": {},
        "library": True,
    }


# Search across reports ---------------------------------------------------------------------------


def _labels(records: list, known, overrides) -> list[dict[str, str]]:
    """Return each report's name in every edition, for the search's results."""
    from .library_pages import region_name, report_label

    regions = {region.key: region for region in known}
    labels = [{} for _ in records]
    for edition in EDITIONS:
        convert = conversion.converter_for(edition, overrides)
        for label, r in zip(labels, records):
            label[edition.code] = report_label(r, edition, region_name(regions[r.region], edition, convert))
    return labels


def _search(records: list, labels: list[dict[str, str]], table: dict[str, str], fresh: Path) -> None:
    """Write the reports' manifest, the character-pair shards (of the text folded by the
    table, as the browser folds the query) and each report's sentence list."""
    folder = fresh / "search"
    (folder / "grams").mkdir(parents=True, exist_ok=True)
    manifest = {
        "shards": SHARDS,
        "reports": [[r.base, r.year, label] for r, label in zip(records, labels)],
    }
    (folder / "reports.json").write_text(_json(manifest), encoding="utf-8")
    shards: list[dict[str, list]] = [{} for _ in range(SHARDS)]
    for number, r in enumerate(records):
        for position, (_, _, text) in enumerate(r.search):
            for gram in sorted(set(search.grams(search.fold(text, table)))):
                shards[gram_shard(gram)].setdefault(gram, []).append(number * 100000 + position)
    for index, table in enumerate(shards):
        (folder / "grams" / f"{index:02x}.json").write_text(_json({g: table[g] for g in sorted(table)}), encoding="utf-8")
    for r in records:
        (fresh / r.base / "search" / "sentences.json").write_text(
            _json([[url, sid] for url, sid, _ in r.search]), encoding="utf-8")


def write_folding(records: list, overrides, fresh: Path) -> dict[str, str]:
    """Write /search/fold.json: traditional characters to simplified ones, as the
    editions' conversion gives them, so that a query in either script finds both."""
    converters = [conversion.converter_for(e, overrides) for e in EDITIONS if e.opencc]
    texts = [text for r in records for _, _, text in r.search]
    pairs = [(text, convert(text)) for convert in converters for text in texts]
    table = search.folding(pairs)
    (fresh / "search").mkdir(parents=True, exist_ok=True)
    (fresh / "search" / "fold.json").write_text(_json(table), encoding="utf-8")
    return table


def gram_shard(gram: str) -> int:
    """Return the shard of a pair of characters (the same function as the browser's)."""
    return sum(ord(ch) * (31 ** index) for index, ch in enumerate(gram)) % SHARDS


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# Downloads ----------------------------------------------------------------------------------------

FIGURE_COLUMNS = ("report", "region", "year", "id", "clause", "sentence", "value", "phrase", "context", "kind", "url")


def _downloads(records: list, known, fresh: Path) -> None:
    folder = fresh / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    names = {r.key: r for r in known}
    index = [{"slug": r.slug, "path": r.base, "region": r.region, "region_name": names[r.region].name,
              "region_en": names[r.region].en, "year": r.year, "date": r.date or None, "title": r.titles.get("zh-Hans"),
              "title_en": r.title_en, "speaker": r.speakers.get("zh-Hans"), "speaker_en": r.speaker_en,
              "occasion": r.occasion, "characters": r.characters, "sentences": r.sentences,
              "downloads": {name: r.base + "downloads/" + name for name in ("report.json", "figures.csv", "glossary.csv")}}
             for r in records]
    (folder / "reports.json").write_text(_json(index), encoding="utf-8")
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIGURE_COLUMNS)
    for r in records:
        for fid, clause, sentence, value, phrase, context, kind, url in r.figures:
            row = [r.slug, r.region, r.year, fid, clause, sentence, value, phrase, context, kind, r.base + url + "#" + sentence]
            writer.writerow([cell(v) for v in row])
    (folder / "all-figures.csv").write_text(out.getvalue(), encoding="utf-8")


# Reports that left the archive ------------------------------------------------------------------


def tombstone_pages(env, edition, removed: tuple, convert) -> dict[str, str]:
    """Return the Markdown of the page that stands at the home address of every report
    removed from the archive: what it was, when it left, where its text can be found."""
    from .library_pages import tombstone

    return {f"{edition.prefix}{e.base}index.md": tombstone(env, edition, e, convert) for e in removed}


def _departed_addresses(departed: tuple, fresh: Path) -> None:
    """Send every other address of a removed report to its tombstone, and every address of a
    moved report to the same page where the report stands now."""
    where = {e.slug: e for e in departed}
    for entry in departed:
        target = _destination(entry, where)
        keys = [key for key in entry.pages if key != "/" or entry.moved]
        moved = tuple(redirect_pages.Redirect("/" + entry.base.rstrip("/") + key,
                                              "/" + target.rstrip("/") + (key if entry.moved else "/")) for key in keys)
        for edition in EDITIONS:
            redirect_pages.write(fresh / edition.prefix, moved, edition.lang, entry.title_en if edition.english else entry.title)


def _destination(entry, departed: dict) -> str:
    """Return where a departed report's addresses lead: its own base when removed, else the
    base of the report it moved to (following later moves)."""
    seen = set()
    while entry.moved and entry.moved in departed and entry.moved not in seen:
        seen.add(entry.moved)
        entry = departed[entry.moved]
    return entry.base if not entry.moved else _base_of(entry.moved)


def _base_of(slug: str) -> str:
    match = regions.FOLDER_RE.match(slug)
    return f"{match.group(1)}/{match.group(2)}{'-' + match.group(3) if match.group(3) else ''}/" if match else slug + "/"


# The root report's first addresses --------------------------------------------------------------


def _first_addresses(archive, slug: str, records: list, fresh: Path) -> None:
    """Keep every address the root report was first published at: a redirect page to where
    the page stands now (the #anchor of the link kept), and its downloads at /downloads/."""
    record = next((r for r in records if r.slug == slug), None)
    if record is None:
        return
    lock = read_lock(archive.reports / slug / "anchors.lock", f"content/reports/{slug}/anchors.lock")
    keys = [e.id for e in lock.entries if e.kind == "page" and e.id != "/"] if lock else []
    for edition in EDITIONS:
        moved = tuple(redirect_pages.Redirect(key, "/" + record.base.rstrip("/") + key) for key in keys)
        redirect_pages.write(fresh / edition.prefix, moved, edition.lang, record.titles.get("zh-Hans", ""))
    for name in ("report.json", "figures.csv", "glossary.csv", "report.schema.json"):
        source = fresh / record.base / "downloads" / name
        if source.is_file():
            shutil.copyfile(source, fresh / "downloads" / name)
