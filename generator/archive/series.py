"""A region's targets against its results, year by year: each year's target from that
year's report, its result from the next year's report (a second document of a year never
stands for it), as rows for the page, the chart and targets.csv; and the years the archive
holds no report of."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..data import indicators
from ..data.downloads import cell
from ..text.figures import english

QUALIFIERS_EN = {"左右": "about ", "以上": "at least ", "多": "more than ", "以内": "within ", "控制在": "within ",
                 "低于": "below ", "不超过": "at most ", "不低于": "at least ", "超过": "more than ", "以下": "below ",
                 "上下": "about ", "保持在": "", "稳定在": ""}


@dataclass(frozen=True)
class Point:
    """One year of an indicator: the target the year's report set, the result the next gave,
    and whether the archive holds the next year's report at all."""

    year: int
    target: list | None
    target_report: str
    result: list | None
    result_report: str
    next_held: bool = True


def region_series(records: list) -> dict[str, list[Point]]:
    """Return, per indicator, the years with a target (from the year's report) or a result
    (from the next year's report), in order."""
    by_year = {r.year: r for r in records if is_main(r)}
    series: dict[str, list[Point]] = {}
    for key in indicators.BY_KEY:
        years = sorted({row[2] for r in by_year.values() for row in r.indicators if row[0] == key})
        series[key] = [point for year in years if (point := _point(by_year, key, year)) is not None]
    return series


def _point(by_year: dict, key: str, year: int) -> Point | None:
    own, following = by_year.get(year), by_year.get(year + 1)
    target, result = _row(own, key, "target", year), _row(following, key, "result", year)
    if not (target or result):
        return None
    return Point(year, target, own.base if own else "", result, following.base if following else "", following is not None)


def is_main(record) -> bool:
    """Tell whether a report is its year's work report (jilin/2025/), not a second document
    of the year (jilin/2025-budget/), whose figures never stand for the year's."""
    return record.base.rstrip("/").rpartition("/")[2] == str(record.year)


def _row(record, key: str, kind: str, year: int) -> list | None:
    if record is None:
        return None
    return next((row for row in record.indicators if row[0] == key and row[1] == kind and row[2] == year), None)


def shown(points: list[Point]) -> bool:
    """Tell whether a series says enough to be shown (a target and a result, or two years)."""
    return any(p.target for p in points) and any(p.result for p in points) or len(points) >= 2


def value_text(row: list, edition) -> str:
    """Return a value as the edition writes it, with its qualifier (控制在4%, 5%左右, about 5%,
    12 million people)."""
    value, qualifier, unit = row[3], row[4], row[5]
    if edition.english:
        return f"{QUALIFIERS_EN.get(qualifier, '')}{_english(value, unit)}"
    before = qualifier if qualifier in indicators.BOUNDS else ""
    after = qualifier if qualifier in indicators.QUALIFIERS else ""
    return f"{before}{value}{unit}{after}"


def _english(value: str, unit: str) -> str:
    try:
        return english(value + unit)
    except AttributeError:  # a unit figures do not know: the number and the unit as written
        return f"{value} {unit}".strip()


def gaps(years: list[int]) -> list[tuple[int, int]]:
    """Return the spans of years between the first and the last that have no report:
    [1954, 1955, 1960, 1964] -> [(1956, 1959), (1961, 1963)]."""
    found = sorted(set(years))
    return [(a + 1, b - 1) for a, b in zip(found, found[1:]) if b - a > 1]


def gap_text(spans: list[tuple[int, int]], edition) -> str:
    """Return the years the archive lacks as the edition writes them (1961–1963年、1965年)."""
    if edition.english:
        return ", ".join(f"{a}–{b}" if a != b else str(a) for a, b in spans)
    return "、".join(f"{a}—{b}年" if a != b else f"{a}年" for a, b in spans)


def targets_csv(region, records: list) -> str:
    """Return a region's targets and results as CSV (a row per indicator and year), each
    value with its qualifier and unit, and the clause that states it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("region", "indicator", "year", "target", "target_qualifier", "target_unit", "target_clause",
                     "result", "result_qualifier", "result_unit", "result_clause", "next_report_held"))
    for key, points in region_series(records).items():
        for p in points:
            row = [region.key, key, p.year, *_cells(p.target, p.target_report), *_cells(p.result, p.result_report),
                   "yes" if p.next_held else "no"]
            writer.writerow([cell(v) for v in row])
    return out.getvalue()


def _cells(row: list | None, base: str) -> list:
    if row is None:
        return ["", "", "", ""]
    return [row[3], row[4], row[5], f"/{base}{row[8]}#{row[6]}"]
