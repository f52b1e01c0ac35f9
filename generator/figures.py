"""Quantities in the text: a number with its unit, as the report writes it.

A figure is digits (a decimal, a range 1－2) with what qualifies them (多,
余, 万, 亿) and a unit (元, 亿斤, 万千瓦, %, 个百分点, 个, 户 …), or a rank
(第19位). Years (2023年), months, versions (3.0版) and names (5G, PM2.5,
P3, 1·8消费节, 22℃的夏天) carry no unit here and are not figures. Each
figure keeps the phrase it measures: the words before it back to the last
comma, colon or quotation mark (新建5G基站 for 5000个), and the whole
stretch of text around it between such marks (its context).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from typing import Iterator

from .model import Report

UNITS = {
    "微克每立方米": "µg/m³", "千瓦时": "kWh", "千瓦": "kW", "千伏": "kV", "平方米": "square metres",
    "立方米": "cubic metres", "公里": "km", "小时": "hours", "个百分点": "percentage points", "人次": "visits",
    "元": "yuan", "斤": "jin", "吨": "tonnes", "亩": "mu", "套": "units", "户": "", "人": "people",
    "名": "people", "个": "", "家": "", "项": "", "座": "", "辆": "vehicles", "所": "", "颗": "", "头": "head",
    "只": "", "条": "", "处": "sites", "台": "sets", "栋": "buildings", "倍": "times", "次": "times", "张": "",
    "间": "", "米": "metres", "部": "", "件": "", "年": "years", "%": "%", "％": "%", "‰": "‰",
}
NUMBER = r"\d+(?:[.．]\d+)?(?:[－-]\d+(?:[.．]\d+)?)?"
UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
FIGURE = re.compile(rf"第{NUMBER}位|(?<![\d.．·])(?P<n>{NUMBER})(?P<q>[多余]?(?:万亿|万|亿)?[多余]?)(?P<u>{UNIT})?")
YEAR = re.compile(r"(?:19|20)\d\d")
DELIMITERS = "，。；：、（）"
# Words a phrase may open with when its subject stands earlier in the sentence
# (保护性耕作面积达到3000万亩、五年增长5倍): the subject is then taken over.
SUBJECTLESS = re.compile(r"^(?:其中|分别|均|年均|同比|比上年|较上年|比去年|[一二三四五六七八九十两]年|累计|新增|增长|增加|"
                         r"提高|下降|降低|减少|达到|突破|超过|实现|完成|占|居|连续|首次)")
VERB = re.compile(r"达到|增长|增加|提高|下降|降低|减少|突破|超过|实现|完成|保持|稳定在|控制在|占|居|为|是")
RESULT, TARGET = "result", "target"


@dataclass(frozen=True)
class Figure:
    """One quantity of the report, where it stands and what it measures."""

    id: str
    clause: str
    sentence: str
    value: str
    phrase: str
    context: str
    kind: str


def found_figures(text: str) -> list[str]:
    """Return the figures of a text as written, in order, without repeats."""
    return list(dict.fromkeys(value for _, value, _ in _matches(text)))


def _matches(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield (position, figure as written, unit) for every quantity in the text."""
    for match in FIGURE.finditer(text):
        value = match.group()
        if value.startswith("第"):
            yield match.start(), value, "rank"
            continue
        unit, qualifier = match.group("u") or "", match.group("q")
        if not unit and not qualifier.strip("多余"):
            continue
        if unit == "年" and YEAR.fullmatch(match.group("n")):
            continue
        yield match.start(), value, unit


def extract(report: Report) -> tuple[Figure, ...]:
    """Return every figure of the report in document order."""
    found = []
    for part_number, paragraph, sentence in _sentences(report):
        kind = RESULT if part_number <= 1 else TARGET
        for index, (start, value, _) in enumerate(_matches(sentence.text), start=1):
            phrase, context = _around(sentence.text, start, len(value))
            found.append(Figure(f"{sentence.id}-f{index}", paragraph.id, sentence.id, value, phrase, context, kind))
    return tuple(found)


def _sentences(report: Report):
    for p in report.front.opening:
        for s in p.sentences:
            yield 0, p, s
    for part in report.parts:
        for p in part.paragraphs + tuple(q for section in part.sections for q in section.paragraphs):
            for s in p.sentences:
                yield part.ordinal, p, s
    for p in report.closing + tuple(q for a in report.appendices for q in a.paragraphs):
        for s in p.sentences:
            yield len(report.parts) + 1, p, s


def _around(text: str, start: int, length: int) -> tuple[str, str]:
    """Return the words before a figure (back to a delimiter, with the subject taken
    over from the clause before when they lack one) and the stretch around it.
    Delimiters inside quotation marks (“阀、管、灶”) do not cut."""
    before = text[:start]
    cut = _last_delimiter(before) + 1
    after = text[start + length :]
    end = next((i for i, ch in enumerate(after) if ch in DELIMITERS and not _quoted(text, start + length + i)), len(after))
    phrase = before[cut:].strip()
    return _subject(before, cut) + phrase, text[cut : start + length + end].strip()


def _last_delimiter(text: str, end: int | None = None) -> int:
    """Return the position of the last delimiter outside quotation marks before `end` (-1 for none)."""
    stop = len(text) if end is None else end
    return next((i for i in range(stop - 1, -1, -1) if text[i] in DELIMITERS and not _quoted(text, i)), -1)


def _quoted(text: str, index: int) -> bool:
    """Tell whether a position lies inside “…” or 「…」."""
    depth = 0
    for ch in text[:index]:
        depth += ch in "“「"
        depth -= ch in "”」" and depth > 0
    return depth > 0


def _subject(before: str, cut: int) -> str:
    """Return the subject of the clause before `cut` when the phrase at `cut` lacks one."""
    if cut == 0 or before[cut - 1] not in "，、；" or not SUBJECTLESS.match(before[cut:]):
        return ""
    start = _last_delimiter(before, cut - 1) + 1
    verb = VERB.search(before, start, cut - 1)
    subject = before[start : verb.start()] if verb else ""
    return subject if 2 <= len(subject) <= 24 else ""


MULTIPLIERS = {"万亿": Decimal(10) ** 12, "亿": Decimal(10) ** 8, "万": Decimal(10) ** 4}


def english(value: str) -> str:
    """Return a figure in English: 698亿元 -> 69.8 billion yuan, 1.26万套 -> 12,600 homes."""
    value = unicodedata.normalize("NFKC", value).replace("。", ".")
    if value.startswith("第"):
        return _ordinal(int(re.search(r"\d+", value).group()))
    match = FIGURE.fullmatch(value)
    number, qualifier, unit = match.group("n"), match.group("q"), match.group("u") or ""
    about = "more than " if ("多" in qualifier or "余" in qualifier) else ""
    multiplier = next((m for key, m in MULTIPLIERS.items() if key in qualifier), Decimal(1))
    amounts = [_amount(Decimal(n) * multiplier) for n in re.split("[－-]", number)]
    name = UNITS.get(unit, "")
    if unit in ("%", "％", "‰"):
        return f"{about}{'–'.join(amounts)}{name}"
    return f"{about}{'–'.join(amounts)}{' ' + name if name else ''}"


def _amount(number: Decimal) -> str:
    for size, word in ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")):
        if number >= size:
            return f"{_plain(number / size)} {word}"
    return f"{number:,.{max(0, -number.normalize().as_tuple().exponent)}f}" if number % 1 else f"{int(number):,}"


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
