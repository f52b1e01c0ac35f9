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

from . import subjects
from .model import Report

UNITS = {
    "微克每立方米": "µg/m³", "千瓦时": "kWh", "千瓦": "kW", "千伏": "kV", "平方米": "square metres",
    "立方米": "cubic metres", "公里": "km", "小时": "hours", "个百分点": "percentage points", "人次": "visits",
    "元": "yuan", "公斤": "kg", "斤": "jin", "吨": "tonnes", "亩": "mu", "套": "units", "户": "", "人": "people",
    "名": "people", "个": "", "家": "", "项": "", "座": "", "辆": "vehicles", "所": "", "颗": "", "头": "head",
    "只": "", "条": "", "处": "sites", "台": "sets", "栋": "buildings", "倍": "times", "次": "times", "张": "",
    "间": "", "米": "metres", "部": "", "件": "", "年": "years", "%": "%", "％": "%", "‰": "‰",
}
NUMBER = r"\d+(?:[.．]\d+)?(?:[－-]\d+(?:[.．]\d+)?)?"
UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
FIGURE = re.compile(rf"第{NUMBER}位|(?<![\d.．·])(?P<n>{NUMBER})(?P<q>[多余]?(?:万亿|万|亿)?[多余]?)(?P<u>{UNIT})?")
YEAR = re.compile(r"(?:19|20)\d\d")
DELIMITERS = "，。；：、（）"
CLAUSE_ENDS = "，。；：、"
# Words a phrase may open with when its subject stands earlier in the sentence
# (保护性耕作面积达到3000万亩、五年增长5倍): the subject is then taken over.
SUBJECTLESS = re.compile(r"^(?:其中|分别|均|年均|同比|比上年|较上年|比去年|[一二三四五六七八九十两]年|累计|新增|增长|增加|"
                         r"提高|下降|降低|减少|达到|突破|超过|实现|完成|占|居(?=第|全国|前|首|世界|全省)|连续|首次|由|从)")
VERB = re.compile(r"达到|增长|增加|提高|下降|降低|减少|突破|超过|实现|完成|保持|稳定在|控制在|占|居|为|是")
RESULT, TARGET, OTHER, BASELINE = "result", "target", "other", "baseline"
# A figure a change starts from: 从/由 before it, 提高到/增加至 after it.
CHANGE_FROM = re.compile(r"[从由](?!.*[，。；])")
CHANGE_TO = re.compile(r"^[^，。；\d]{0,3}?(?:提高|增加|上升|下降|降低|减少|扩大|缩小|增长|回落|跃升|提升|降|升)?(?:到|至)")
AFTER_QUALIFIERS = ("左右", "以上", "以内", "以下", "上下")
BEFORE_QUALIFIERS = ("不超过", "不低于", "控制在", "保持在", "稳定在", "超过", "低于", "约", "近")
# What a sentence says of its figures: a plan (力争, 要, 将, 预期, 目标…) or a fact (已, 达到,
# 完成, 比上年…); the part a sentence stands in decides only when its words do not.
PLAN_WORDS = re.compile(r"力争|预期(?!寿命)|目标(?!责任)|确保|计划|力求|(?<![模比])拟|今后五年|到20\d\d年|(?<![主重需必紧只])要(?![素点求])|"
                        r"(?<![即])将(?![近军士来])|今年")
# In the review, only words that cannot name a fact (计划 names a programme there: 启动…计划).
REVIEW_PLAN_WORDS = re.compile(r"力争|今后五年|到20\d\d年|今年(?!以来)")
# Words that date a figure in the past (they stand over a plan word before them: 要巩固已建成的…)
# and words that only state it (达到, 完成: a plan may use them too).
PAST_WORDS = re.compile(r"已|累计|比上年|较上年|同比|去年|过去五年|五年来|20[01]\d年|202[0-2]年|增长了|提高了|下降了")
SECURED = re.compile(r"争取")  # a plan in a plan part; won in the review (争取并发行…66亿元)
# Units that name a specification, not an amount (500千伏 lines), and a figure followed by a
# noun that it only describes (24小时便民服务).
SPECIFICATION_UNITS = ("千伏",)
ATTRIBUTE = re.compile(r"^(?:小时|分钟)[\u4e00-\u9fff](?<![内以左之])")
THRESHOLD = re.compile(r"^(?:及以上|以上的|及以下|以下的)")  # 5000万元及以上项目: a class, not an amount


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
    subject: str = ""  # the noun phrase it measures (see `subjects`)
    qualifier: str = ""  # the word that qualifies it: 左右, 以上, 超过, 控制在…


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
        fallback = RESULT if part_number <= 1 else TARGET
        for index, (start, value, unit) in enumerate(_matches(sentence.text), start=1):
            phrase, context = _around(sentence.text, start, len(value))
            kind = kind_of(sentence.text, start, value, unit, fallback)
            after = sentence.text[start + len(value) :]
            found.append(Figure(f"{sentence.id}-f{index}", paragraph.id, sentence.id, value, phrase, context, kind,
                                subjects.subject(phrase, after, FIGURE), qualifier_of(sentence.text, start, value)))
    return tuple(found)


def qualifier_of(text: str, start: int, value: str) -> str:
    """Return the word that qualifies a figure: after it (5%左右, 1000万人以上) or just before
    it (超过220亿斤, 控制在3%); 多 and 余 inside it (2800多亿元) count too."""
    after = text[start + len(value) : start + len(value) + 2]
    before = text[max(0, start - 3) : start]
    inside = "多" if re.search(r"\d[多余]", value) else ""
    return next((q for q in AFTER_QUALIFIERS if after.startswith(q)), "") or next(
        (b for b in BEFORE_QUALIFIERS if before.endswith(b)), "") or inside


def kind_of(text: str, start: int, value: str, unit: str, fallback: str) -> str:
    """Return whether a figure states a result, a target, the start of a change (从X提高到Y:
    X, a baseline) or neither (a specification, a period, a rate of a rule), from the words
    of its sentence around it; `fallback` (from the part) when they say nothing."""
    after = text[start + len(value) - len(unit) :] if unit else ""
    if unit in SPECIFICATION_UNITS or (unit and ATTRIBUTE.match(after[: len(unit) + 1])):
        return OTHER
    if THRESHOLD.match(text[start + len(value) :]) or _neither(text, start, value, unit):
        return OTHER
    before = text[:start]
    if CHANGE_TO.match(text[start + len(value) :]) and CHANGE_FROM.search(before[-24:]):
        return BASELINE
    words = PLAN_WORDS if fallback == TARGET else REVIEW_PLAN_WORDS
    plans = [m.start() for m in words.finditer(before)]
    plans += [m.start() for m in SECURED.finditer(before)] if fallback == TARGET else []
    past = [m.start() for m in PAST_WORDS.finditer(before)]
    if plans and not (past and past[-1] > max(plans)):
        return TARGET
    if past:
        return RESULT
    return fallback


def _neither(text: str, start: int, value: str, unit: str) -> bool:
    """Tell whether a figure is no quantity of the report: a span of years (2006－2020年), a
    rate in a rule (每增长1个百分点), a period (近5年, 30多年), a plant's capacity (年产120万吨)."""
    before = text[max(0, start - 2) : start]
    if unit == "年" and (re.fullmatch(r"(?:19|20)\d\d[－-](?:19|20)\d\d年", value) or before.endswith("近")
                        or "多" in value):
        return True
    return before.endswith(("每", "年产"))


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
    over from the clause before when they lack one, or from a list before 分别) and the
    stretch around it. Delimiters inside quotation marks (“阀、管、灶”) do not cut, nor do
    brackets (项目投资（不含房地产）增长16.4%, 100个乡镇（街道）社工站)."""
    before = text[:start]
    cut = _last_delimiter(before) + 1
    while cut > 0 and before[cut - 1] == "）" and "（" in before[: cut - 1]:
        cut = _last_delimiter(before, before.rindex("（", 0, cut - 1)) + 1
    after = text[start + length :]
    end = next((i for i, ch in enumerate(after) if ch in CLAUSE_ENDS and not _quoted(text, start + length + i)), len(after))
    listed = _listed(before, cut)
    phrase = listed or _subject(before, cut) + before[cut:].strip()
    return phrase, text[cut : start + length + end].strip()


def _listed(before: str, cut: int) -> str:
    """Return the item a figure stands for when a list names what 分别 pairs with the figures,
    with the verb after 分别 (金赛、凯莱英产值分别达到103.2亿元、91.1亿元: 凯莱英产值达到 for the second)."""
    at = before.rfind("分别")
    if at == -1 or any(ch in "，。；：" for ch in before[at:]):
        return ""
    items = before[_clause_start(before, at) : at].split("、")
    position = sum(1 for _ in FIGURE.finditer(before[at:]))
    verb = re.match(r"分别(?:为|是|达到|达|增长|下降|提高|减少|增加)?", before[at:]).group()[2:]
    return items[position] + verb if len(items) > 1 and position < len(items) else ""


def _clause_start(text: str, end: int) -> int:
    """Return where the clause holding `end` begins (after a comma, semicolon or colon)."""
    return next((i + 1 for i in range(end - 1, -1, -1) if text[i] in "，。；：" and not _quoted(text, i)), 0)


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
    figure = FIGURE.search(before, start, cut - 1)
    if verb and verb.start() == start and figure:  # 实现国有资本收益64.6亿元，增长358%
        start = verb.end()
        verb = None
    end = verb.start() if verb else figure.start() if figure else cut - 1
    subject = re.sub(r"^(?:其中|同时|并)", "", before[start:end])
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
