"""Chinese numerals for numbering parts, sections and items."""

import pytest

from generator.text import numerals


@pytest.mark.parametrize(
    "text, value",
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十九", 19), ("二十", 20), ("二十三", 23), ("九十九", 99)],
)
def test_round_trip(text, value):
    assert numerals.to_int(text) == value
    assert numerals.from_int(value) == text


@pytest.mark.parametrize("text", ["", "零", "十十", "一一", "十二十", "a", "百"])
def test_not_numerals(text):
    assert numerals.to_int(text) is None
