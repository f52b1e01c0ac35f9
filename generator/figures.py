"""Quantities in the text: a number with its unit, as the report writes it."""

from __future__ import annotations

import re

UNITS = (
    "万亿元|亿元|万元|元|亿斤|万斤|斤|万吨|吨|万亩|亩|万千瓦时|亿千瓦时|千瓦时|万千瓦|千瓦|公里|万平方米|平方米|"
    "立方米|万套|套|万户|户|万人次|人次|万人|人|万个|个|家|项|座|辆|所|颗|万头|头|只|条|处|台|倍|次|张|间|米|"
    "万|亿|%|‰"
)
FIGURE = re.compile(rf"(?:第)?\d+(?:\.\d+)?(?:{UNITS})|第\d+位")


def found_figures(text: str) -> list[str]:
    """Return the figures of a text, in order, without repeats."""
    return list(dict.fromkeys(match.group() for match in FIGURE.finditer(text)))
