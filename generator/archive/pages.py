"""The Markdown of the library's pages: the home page (every report by region and year)
and a page per region (its reports, and its targets set against its results)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..data import indicators
from ..data.downloads import cell
from ..site.escape import escape_text as escape
from ..site.render import tidy


@dataclass(frozen=True)
class Point:
    """One year of an indicator: the target the year's report set, the result the next gave."""

    year: int
    target: list | None
    target_report: str
    result: list | None
    result_report: str


def home(env, edition, records: list, known, convert: Callable[[str], str], root=None, removed=()) -> str:
    """Return the Markdown of an edition's home page; `root` is the report first published at
    the site's root, whose clause links (/#p0-1) the page sends on; `removed` the reports
    removed from the archive (listed with their tombstones)."""
    groups = [(region, [r for r in records if r.region == region.key]) for region in known]
    template = env.get_template("library/home.md.j2")
    return tidy(template.render(
        edition=edition, t=edition.t, groups=[(r, rs) for r, rs in groups if rs], records=records,
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
    series = {key: points for key, points in region_series(records).items() if _shown(points)}
    return tidy(template.render(
        edition=edition, t=edition.t, region=region, records=sorted(records, key=lambda r: -r.year),
        name=region_name(region, edition, convert), title=lambda r: report_title(r, edition),
        date=lambda r: edition.format_date_iso(r.date) if r.date else str(r.year),
        speaker=lambda r: r.speaker_en if edition.english else r.speakers.get(edition.code, ""),
        series=series, indicators=indicators.BY_KEY, chart=lambda key, points: chart(key, points, edition),
        link=lambda base, row: f"{base.removeprefix(region.key + '/')}{row[8]}#{row[6]}",
        value=lambda row: _value(row, edition),
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


def region_series(records: list) -> dict[str, list[Point]]:
    """Return, per indicator, the years with a target (from the year's report) or a result
    (from the next year's report), in order."""
    by_year = {r.year: r for r in records if is_main(r)}
    series: dict[str, list[Point]] = {}
    for key in indicators.BY_KEY:
        years = sorted({row[2] for r in by_year.values() for row in r.indicators if row[0] == key})
        points = []
        for year in years:
            own, next_report = by_year.get(year), by_year.get(year + 1)
            target = _row(own, key, "target", year)
            result = _row(next_report, key, "result", year)
            if target or result:
                points.append(Point(year, target, own.base if own else "", result, next_report.base if next_report else ""))
        series[key] = points
    return series


def is_main(record) -> bool:
    """Tell whether a report is its year's work report (jilin/2025/), not a second document
    of the year (jilin/2025-budget/), whose figures never stand for the year's."""
    return record.base.rstrip("/").rpartition("/")[2] == str(record.year)


def _row(record, key: str, kind: str, year: int) -> list | None:
    if record is None:
        return None
    return next((row for row in record.indicators if row[0] == key and row[1] == kind and row[2] == year), None)


def _shown(points: list[Point]) -> bool:
    return any(p.target for p in points) and any(p.result for p in points) or len(points) >= 2


def _value(row: list, edition) -> str:
    value, qualifier, unit = row[3], row[4], row[5]
    if edition.english:
        words = {"左右": "about ", "以上": "at least ", "以内": "within ", "控制在": "within ", "低于": "below ",
                 "不超过": "at most ", "不低于": "at least "}
        return f"{words.get(qualifier, '')}{value}{'%' if unit == '%' else ' ' + _unit_en(unit)}".strip()
    before = qualifier if qualifier in indicators.BOUNDS else ""
    after = qualifier if qualifier in indicators.QUALIFIERS else ""
    return f"{before}{value}{unit}{after}"


def _unit_en(unit: str) -> str:
    return {"万人": "×10,000 people", "亿斤": "×100 million jin", "万亿斤": "trillion jin", "万吨": "×10,000 tonnes",
            "亿吨": "×100 million tonnes"}.get(unit, unit)


def targets_csv(region, records: list) -> str:
    """Return a region's targets and results as CSV (a row per indicator and year)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("region", "indicator", "year", "target", "target_qualifier", "target_clause", "result",
                     "result_clause", "unit"))
    for key, points in region_series(records).items():
        for p in points:
            t, r = p.target, p.result
            writer.writerow([cell(v) for v in (
                region.key, key, p.year, t[3] if t else "", t[4] if t else "",
                f"/{p.target_report}{t[8]}#{t[6]}" if t else "", r[3] if r else "",
                f"/{p.result_report}{r[8]}#{r[6]}" if r else "", (t or r)[5])])
    return out.getvalue()


WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 200, 44, 28, 12


def chart(key: str, points: list[Point], edition) -> Markup:
    """Return an SVG of an indicator over the years: target bars, result dots."""
    values = [_numbers(p.target[3]) for p in points if p.target] + [_numbers(p.result[3]) for p in points if p.result]
    flat = [v for pair in values for v in pair]
    if not flat:
        return Markup("")
    low, high = min(0.0, min(flat)), max(flat) * 1.15 or 1.0
    years = [p.year for p in points]
    step = (WIDTH - LEFT - 10) / max(1, len(years))

    def y(v: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (v - low) / (high - low))

    label = escape(indicators.BY_KEY[key].name_en if edition.english else indicators.BY_KEY[key].name)
    parts = [f'<svg class="series" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{label}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>',
             f'<line x1="{LEFT}" y1="{y(low):.1f}" x2="{WIDTH}" y2="{y(low):.1f}" class="series__axis"/>',
             f'<text x="{LEFT - 4}" y="{y(high / 1.15):.1f}" text-anchor="end" class="series__tick">{_fmt(high / 1.15)}</text>',
             f'<text x="{LEFT - 4}" y="{y(low):.1f}" text-anchor="end" class="series__tick">{_fmt(low)}</text>']
    for index, point in enumerate(points):
        x = LEFT + step * index + step / 2
        if point.target:
            a, b = _numbers(point.target[3])
            top, bottom = y(max(a, b)), y(min(a, b))
            parts.append(f'<rect x="{x - step * 0.3:.1f}" y="{top - 2:.1f}" width="{step * 0.6:.1f}" '
                         f'height="{max(4.0, bottom - top + 4):.1f}" class="series__target"><title>{escape(_value(point.target, edition))}</title></rect>')
        if point.result:
            v = _numbers(point.result[3])[0]
            parts.append(f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="4.5" class="series__result"><title>{escape(_value(point.result, edition))}</title></circle>')
        if len(points) <= 12 or index % max(1, len(points) // 12) == 0:
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="middle" class="series__year">{point.year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _numbers(value: str) -> tuple[float, float]:
    low, _, high = value.partition("-")
    return float(low), float(high or low)


def _fmt(v: float) -> str:
    return f"{v:.0f}" if abs(v) >= 10 else f"{v:.1f}"
