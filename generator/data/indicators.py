"""Main indicators: the targets a report sets for its year, and the results it gives for
the year before.

A report of year Y sets targets for Y in its plan, usually in one paragraph
(今年发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上…),
and reviews Y-1 before it (国内生产总值比上年增长5.2%). For a fixed set of
indicators, `extract` finds the first target in the paragraph that announces
the targets (or, failing one, in a sentence of the plan with a target's
wording: 左右, 以上, 以内, 控制在, 力争), and the first result in the text
before it (never a multi-year average: 年均, 平均每年, 五年). Each value keeps
its sentence, so that a table can link every number to its clause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..text.model import Report, paragraphs
from ..text.numerals import to_int

NUMBER = r"(\d+(?:\.\d+)?)"
RANGE = rf"{NUMBER}%?(?:\s*[－\-—~～至到]\s*{NUMBER})?\s*%"
QUALIFIERS = ("左右", "以上", "以内", "以下", "上下")
BOUNDS = ("控制在", "低于", "不超过", "不低于", "保持在", "稳定在")
# The paragraph that announces the targets: 主要预期目标是：… (not 超过预期目标, a result).
TARGET_PARAGRAPH = re.compile(r"预期目标(?:是|为|：|:)|主要目标(?:是|为|：|:)")
TARGET_WORDS = re.compile(r"左右|以上|以内|控制在|力争|预期|目标|今年计划|计划增长")
AVERAGE = re.compile(r"年均|平均每年|五年|十年|三年来|累计")
REVIEW_OPENINGS = re.compile(r"^(?:五年来|过去五年|这五年|十年来|“十[一二三四五]五”时期)")
WINDOW = 40  # characters after an indicator's name within which its value stands
# A clause after a comma goes on with the name before it only when it opens like this.
GOES_ON = re.compile(r"，(?!比上年|较上年|同比|增长|实际增长|上涨|分别|达到|增速|为)")
# Words between a name and a figure that make the figure another quantity (a share, a rank).
DETOUR = re.compile(r"比重|占|份额|贡献率|位居|排名|总量|规模")


@dataclass(frozen=True)
class Indicator:
    """An indicator: its key, Chinese and English names, the words that name it in a
    report, the pattern of its value after them, its unit."""

    key: str
    name: str
    name_en: str
    subject: re.Pattern
    value: re.Pattern
    unit: str


GROWTH = re.compile(rf"(?:^|(?:增长|增速|为|达到|在)[^，；。\d]{{0,8}}?){RANGE}")
RISE = re.compile(rf"(?:涨幅|上涨|上涨幅度|控制在|回落到|为|在)[^，；。\d]{{0,8}}?{RANGE}")
RATE = re.compile(rf"^[^，；。\d]{{0,12}}?{RANGE}")
JOBS = re.compile(rf"^[^，；。\d]{{0,6}}?{NUMBER}\s*万人")
TONNAGE = re.compile(rf"^[^，；。\d]{{0,14}}?{NUMBER}\s*(万亿斤|亿斤|万吨|亿吨)")

INDICATORS = (
    Indicator("gdp_growth", "地区生产总值增长", "GDP growth",
              re.compile(r"国内生产总值|地区生产总值|生产总值|经济增长(?:的)?(?:预期)?(?:目标)?|经济增速"), GROWTH, "%"),
    Indicator("cpi", "居民消费价格涨幅", "Consumer prices (CPI)",
              re.compile(r"居民消费价格(?:总水平)?|物价总水平|零售物价|商品零售价格"), RISE, "%"),
    Indicator("unemployment_surveyed", "城镇调查失业率", "Surveyed urban unemployment",
              re.compile(r"城镇调查失业率"), RATE, "%"),
    Indicator("unemployment_registered", "城镇登记失业率", "Registered urban unemployment",
              re.compile(r"城镇登记失业率"), RATE, "%"),
    Indicator("urban_jobs", "城镇新增就业", "New urban jobs",
              re.compile(r"城镇新增就业(?:人口|人数)?|新增城镇就业|城镇就业新增"), JOBS, "万人"),
    Indicator("grain_output", "粮食产量", "Grain output", re.compile(r"粮食(?:总)?产量"), TONNAGE, ""),
    Indicator("fiscal_revenue", "一般公共预算收入增长", "Fiscal revenue growth",
              re.compile(r"一般公共预算收入|地方级一般公共预算收入|地方财政收入|财政收入"), GROWTH, "%"),
    Indicator("fixed_asset_investment", "固定资产投资增长", "Fixed-asset investment growth",
              re.compile(r"全社会固定资产投资|固定资产投资"), GROWTH, "%"),
    Indicator("retail_sales", "社会消费品零售总额增长", "Retail sales growth",
              re.compile(r"社会消费品零售总额"), GROWTH, "%"),
)
BY_KEY = {i.key: i for i in INDICATORS}
OTHER_NAMES = re.compile("|".join(i.subject.pattern for i in INDICATORS))


@dataclass(frozen=True)
class Finding:
    """A value of an indicator in a report: a target for `year`, or a result for it."""

    indicator: str
    kind: str
    year: int
    value: str
    qualifier: str
    unit: str
    sentence: str
    text: str

    def row(self) -> list:
        return [self.indicator, self.kind, self.year, self.value, self.qualifier, self.unit, self.sentence, self.text]


def normalize(text: str) -> str:
    """Return text with full-width digits and signs half-width, and 百分之七点九 written 7.9%."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"百分之([零一二三四五六七八九十]+)(?:点([零一二三四五六七八九]+))?", _percent, text)


def _percent(match: re.Match) -> str:
    whole = to_int(match.group(1)) if match.group(1) != "十" else 10
    if whole is None:
        return match.group(0)
    digits = "".join(str("零一二三四五六七八九".index(ch)) for ch in (match.group(2) or ""))
    return f"{whole}{'.' + digits if digits else ''}%"


def extract(report: Report, year: int | None) -> tuple[Finding, ...]:
    """Return the targets of a report for its year and its results for the year before."""
    if not year:
        return ()
    items = list(paragraphs(report))
    announcing = [i for i, p in enumerate(items) if TARGET_PARAGRAPH.search(p.text)]
    this_year = [i for i in announcing if re.search(rf"今年|本年|{year}年", items[i].text) and not AVERAGE.search(
        next(s.text for s in items[i].sentences if TARGET_PARAGRAPH.search(s.text)))]
    start = (this_year or announcing or [None])[0]
    found = []
    for indicator in INDICATORS:
        target = _target(indicator, items, start, year)
        result = _result(indicator, items[:start] if start is not None else items, year - 1)
        found += [f for f in (target, result) if f is not None]
    return tuple(found)


def _target(indicator: Indicator, items, start: int | None, year: int) -> Finding | None:
    if start is not None:
        following = items[start + 1].sentences if items[start].text.endswith(("：", ":")) and start + 1 < len(items) else ()
        for sentence in (*_sentences_from(items[start]), *following):
            finding = _find(indicator, sentence, "target", year)
            if finding is not None:
                return finding
    for paragraph in items[start if start is not None else 0 :]:
        for sentence in paragraph.sentences:
            if TARGET_WORDS.search(sentence.text) and not AVERAGE.search(sentence.text):
                finding = _find(indicator, sentence, "target", year)
                if finding is not None:
                    return finding
    return None


def _sentences_from(paragraph):
    """Yield a target paragraph's sentences from the one that announces the targets."""
    started = False
    for sentence in paragraph.sentences:
        started = started or bool(TARGET_PARAGRAPH.search(sentence.text))
        if started:
            yield sentence


def _result(indicator: Indicator, items, year: int) -> Finding | None:
    for paragraph in items:
        if REVIEW_OPENINGS.match(paragraph.text):
            continue
        for sentence in paragraph.sentences:
            if AVERAGE.search(sentence.text):
                continue
            finding = _find(indicator, sentence, "result", year)
            if finding is not None:
                return finding
    return None


def _find(indicator: Indicator, sentence, kind: str, year: int) -> Finding | None:
    """Return the first value of the indicator in a sentence: after one of its names, within
    a few words, with no other indicator's name or a share or rank in between."""
    text = normalize(sentence.text)
    for name in indicator.subject.finditer(text):
        window = GOES_ON.split(re.split(r"[；。]", text[name.end() : name.end() + WINDOW])[0])[0]
        match = indicator.value.search(window)
        if match is None:
            continue
        gap = window[: match.start()]
        if OTHER_NAMES.search(gap) or DETOUR.search(gap) or (kind == "result" and AVERAGE.search(gap)):
            continue
        low = match.group(1)
        high = match.group(2) if match.lastindex and match.lastindex >= 2 else None
        value = f"{low}-{high}" if high and _numeric(high) else low
        unit = indicator.unit or (match.group(match.lastindex) if match.lastindex else "")
        return Finding(indicator.key, kind, year, value, _qualifier(window, match), unit, sentence.id, sentence.text)
    return None


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", text or ""))


def _qualifier(window: str, match: re.Match) -> str:
    after = window[match.end() : match.end() + 3]
    before = window[: match.end()]
    return next((q for q in QUALIFIERS if after.startswith(q)), "") or next((b for b in BOUNDS if b in before), "")
