"""The chart of an indicator over the years: a bar for each year's target (its range, when
the report gives one), a dot for the result the next report gives, an axis with its unit.

Quantities of one indicator written in different units over the years (亿斤, 万吨, 亿公斤)
are drawn in one (万吨, or 亿吨 when large). A value far above the others (a fivefold
year) would flatten the chart: the scale is set by the rest, and that value is drawn as an
arrow at the top, its value in its title."""

from __future__ import annotations

import math
from statistics import median

from markupsafe import Markup

from ..data import indicators
from ..site.escape import escape_text as escape
from .series import Point, value_text

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 640, 200, 52, 28, 18
OUTLIER = 3.0  # times the median: drawn above the scale
YEAR_WIDTH = 40  # room for one year's label
# Units of weight in 万吨 (1 jin = 0.5 kg).
TONNES = {"万吨": 1.0, "亿吨": 10000.0, "亿斤": 5.0, "万亿斤": 50000.0, "亿公斤": 10.0}
UNIT_NAMES = {"%": ("%", "%"), "万人": ("万人", "10,000 people"), "万吨": ("万吨", "10,000 tonnes"),
              "亿吨": ("亿吨", "100 million tonnes")}


def chart(key: str, points: list[Point], edition, national: bool = False) -> Markup:
    """Return an SVG of an indicator over the years: target bars, result dots."""
    unit, scale = _unit(points)
    values = [v for p in points for row in (p.target, p.result) if row for v in _numbers(row, scale)]
    if not values:
        return Markup("")
    high = _top(values) * 1.15 or 1.0
    low = min(0.0, min(values))
    step = (WIDTH - LEFT - 10) / max(1, len(points))
    every = max(1, math.ceil(YEAR_WIDTH / step))  # a year's label every so many points, never two touching

    def y(v: float) -> float:
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - (min(v, high) - low) / (high - low))

    name = indicators.BY_KEY[key]
    label = escape(name.name_en if edition.english else name.title(national))
    parts = [f'<svg class="series" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" aria-label="{label}" '
             f'xmlns="http://www.w3.org/2000/svg"><title>{label}</title>', *_axis(y, low, high, unit, edition)]
    for index, point in enumerate(points):
        x = LEFT + step * index + step / 2
        parts += _marks(point, x, step, y, high, scale, edition)
        if index % every == 0:
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 8}" text-anchor="middle" class="series__year">{point.year}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _axis(y, low: float, high: float, unit: str, edition) -> list[str]:
    """Return the axis: its baseline, the top and bottom values, and the unit above them."""
    top = high / 1.15
    shown = UNIT_NAMES.get(unit, (unit, unit))[1 if edition.english else 0]
    return [f'<line x1="{LEFT}" y1="{y(low):.1f}" x2="{WIDTH}" y2="{y(low):.1f}" class="series__axis"/>',
            f'<text x="{LEFT - 4}" y="{y(top):.1f}" text-anchor="end" class="series__tick">{_fmt(top)}</text>',
            f'<text x="{LEFT - 4}" y="{y(low):.1f}" text-anchor="end" class="series__tick">{_fmt(low)}</text>',
            f'<text x="{LEFT - 4}" y="{TOP - 6}" text-anchor="end" class="series__unit">{escape(shown)}</text>']


def _marks(point: Point, x: float, step: float, y, high: float, scale: dict, edition) -> list[str]:
    """Return the target's bar and the result's dot of one year (an arrow when off the scale)."""
    marks = []
    if point.target:
        a, b = _numbers(point.target, scale)
        top, bottom = y(max(a, b)), y(min(a, b))
        marks.append(f'<rect x="{x - step * 0.3:.1f}" y="{top - 2:.1f}" width="{step * 0.6:.1f}" '
                     f'height="{max(4.0, bottom - top + 4):.1f}" class="series__target">'
                     f'<title>{escape(value_text(point.target, edition))}</title></rect>')
    if point.result:
        v = _numbers(point.result, scale)[0]
        title = f"<title>{escape(value_text(point.result, edition))}</title>"
        if v > high:
            marks.append(f'<path d="M{x:.1f} {TOP - 2:.1f} l-5 8 h10 z" class="series__result series__off">{title}</path>')
        else:
            marks.append(f'<circle cx="{x:.1f}" cy="{y(v):.1f}" r="4.5" class="series__result">{title}</circle>')
    return marks


def _unit(points: list[Point]) -> tuple[str, dict]:
    """Return the unit the chart is drawn in and the factor of each unit of the values."""
    units = {row[5] for p in points for row in (p.target, p.result) if row}
    if not units <= set(TONNES):
        return next(iter(units), ""), {}
    largest = max(float(v) * TONNES[row[5]] for p in points for row in (p.target, p.result) if row
                  for v in row[3].split("-"))
    return ("亿吨", {u: f / 10000 for u, f in TONNES.items()}) if largest >= 10000 else ("万吨", TONNES)


def _numbers(row: list, scale: dict) -> tuple[float, float]:
    low, _, high = row[3].partition("-")
    factor = scale.get(row[5], 1.0)
    return float(low) * factor, float(high or low) * factor


def _top(values: list[float]) -> float:
    """Return the largest value that is not far above the others (the scale's top)."""
    middle = median(abs(v) for v in values)
    kept = [v for v in values if len(values) < 4 or not middle or v <= OUTLIER * middle]
    return max(kept or values)


def _fmt(v: float) -> str:
    return f"{v:.0f}" if abs(v) >= 10 else f"{v:.1f}"
