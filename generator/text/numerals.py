"""Chinese numerals as used to number parts, sections and items (一 to 九十九)."""

from __future__ import annotations

DIGITS = "一二三四五六七八九"
PATTERN = "[一二三四五六七八九十]{1,3}"


def to_int(numeral: str) -> int | None:
    """Return the value of 一…九十九, or None when it is not such a numeral."""
    if not numeral or any(ch not in DIGITS + "十" for ch in numeral):
        return None
    if "十" not in numeral:
        return _digit(numeral) if len(numeral) == 1 else None
    tens, _, units = numeral.partition("十")
    high = _digit(tens) if tens else 1
    low = _digit(units) if units else 0
    if high is None or low is None or "十" in units:
        return None
    return high * 10 + low


def from_int(value: int) -> str:
    """Return the numeral for 1…99."""
    if not 1 <= value <= 99:
        raise ValueError(f"no numeral for {value}")
    tens, units = divmod(value, 10)
    high = "" if tens <= 1 else DIGITS[tens - 1]
    ten = "十" if tens else ""
    low = DIGITS[units - 1] if units else ""
    return high + ten + low


def _digit(text: str) -> int | None:
    return DIGITS.index(text) + 1 if len(text) == 1 and text in DIGITS else None
