"""The Markdown of the library's pages: the home page (every report by region and year)
and a page per region (its reports, and its targets set against its results)."""

from __future__ import annotations

import json
from typing import Callable

from markupsafe import Markup

from ..data import indicators
from ..site.render import tidy
from .charts import chart
from .series import gap_text, gaps, region_series, shown, value_text


def home(env, edition, records: list, known, convert: Callable[[str], str], root=None, removed=()) -> str:
    """Return the Markdown of an edition's home page; `root` is the report first published at
    the site's root, whose clause links (/#p0-1) the page sends on; `removed` the reports
    removed from the archive (listed with their tombstones)."""
    groups = [(region, [r for r in records if r.region == region.key]) for region in known]
    template = env.get_template("library/home.md.j2")
    return tidy(template.render(
        edition=edition, t=edition.t, groups=[(r, rs) for r, rs in groups if rs], records=records,
        gaps=lambda reports: gap_text(gaps([r.year for r in reports]), edition),
        name=lambda region: region_name(region, edition, convert), title=lambda r: report_title(r, edition),
        speaker=lambda r: r.speaker_en if edition.english else r.speakers.get(edition.code, ""),
        date=lambda r: edition.format_date_iso(r.date) if r.date else str(r.year),
        link=lambda r: r.base, size=lambda r: f"{r.characters:,}",
        count=len(records), regions=len([1 for _, rs in groups if rs]),
        root_report=lambda: _root_script(root), removed=removed,
        removed_title=lambda e: e.title_en if edition.english else convert(e.title),
    ))


def _root_script(root) -> Markup:
    """Return script data naming the root report's home-page ids and where it stands now."""
    if root is None:
        return Markup("")
    data = json.dumps({"base": root.base, "ids": root.home}, ensure_ascii=False)
    safe = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/json" id="root-report">{safe}</script>')


def region_page(env, edition, region, records: list, convert: Callable[[str], str]) -> str:
    """Return the Markdown of a region's page, with its series of targets and results."""
    template = env.get_template("library/region.md.j2")
    series = {key: points for key, points in region_series(records).items() if shown(points)}
    return tidy(template.render(
        edition=edition, t=edition.t, region=region, records=sorted(records, key=lambda r: -r.year),
        name=region_name(region, edition, convert), title=lambda r: report_title(r, edition),
        date=lambda r: edition.format_date_iso(r.date) if r.date else str(r.year),
        speaker=lambda r: r.speaker_en if edition.english else r.speakers.get(edition.code, ""),
        series=series, chart=lambda key, points: chart(key, points, edition, region.national),
        heading=lambda key: indicators.BY_KEY[key].name_en if edition.english else
        indicators.BY_KEY[key].title(region.national),
        link=lambda base, row: f"{base.removeprefix(region.key + '/')}{row[8]}#{row[6]}",
        value=lambda row: value_text(row, edition), gaps=gap_text(gaps([r.year for r in records]), edition),
    ))


def terms_page(env, edition, terms, records: list, known, convert: Callable[[str], str]) -> str:
    """Return the Markdown of the shared terms page: each term used by a report, defined once,
    with every report and clause that uses it, the newest year first."""
    from ..editions.glossary import CATEGORIES

    regions = {region.key: region for region in known}
    uses: dict[str, list] = {}
    for r in sorted(records, key=lambda r: (-r.year, r.slug)):
        for term_id, places in r.terms:
            uses.setdefault(term_id, []).append((r, places))
    used = [t for t in terms if t.id in uses]
    depth = "../" * (edition.prefix.count("/") + 1)
    template = env.get_template("library/terms.md.j2")
    return tidy(template.render(
        edition=edition, t=edition.t, terms=used, uses=uses,
        categories=[c for c in CATEGORIES if any(t.category == c for t in used)],
        name=lambda r: region_name(regions[r.region], edition, convert),
        link=lambda r, place: f"{depth}{'' if edition.english else edition.prefix}{r.base}{place[2]}#{place[1]}",
    ))


def tombstone(env, edition, entry, convert: Callable[[str], str]) -> str:
    """Return the Markdown of the page left at a removed report's address."""
    source = entry.source if entry.source.startswith(("https://", "http://")) else ""
    depth = "../" * entry.base.count("/")
    year = entry.base.split("/")[1][:4]
    title = entry.title if year in entry.title else f"{year}年{entry.title}"
    return tidy(env.get_template("library/removed.md.j2").render(
        edition=edition, t=edition.t, entry=entry, title=entry.title_en if edition.english else convert(title),
        date=edition.format_date_iso(entry.removed), first=edition.format_date_iso(entry.first),
        source_link=source, home=depth or "./",
    ))


def region_name(region, edition, convert) -> str:
    return region.en if edition.english else convert(region.name)


def report_title(record, edition) -> str:
    return record.title_en if edition.english else record.titles.get(edition.code) or record.titles.get("zh-Hans", "")


def report_label(record, edition, region: str) -> str:
    """Return a report's name where nothing around it says its region or year (search
    results): its title, with the year and the region when the title lacks them."""
    title = report_title(record, edition)
    if edition.english:
        named = title if str(record.year) in title else f"{title} {record.year}"
        return named if region in named else f"{region}: {named}"
    named = title if str(record.year) in title else f"{record.year}年{title}"
    return named if region in named else f"{region}：{named}"


