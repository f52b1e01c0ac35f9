"""Main indicators: the targets a report sets for its year, and the results it gives for
the year before.

A report of year Y sets targets for Y in its plan, usually in one paragraph
(今年发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上…),
and reviews Y-1 before it (国内生产总值比上年增长5.2%). For a fixed set of
indicators, `extract` finds the first target in the paragraph that announces
the targets (or, failing one, in a sentence that plans this year with a
target's wording: 今年…预期, 左右, 以上, 以内, 控制在, 力争), and the first result
in the text before it. A value counts for an indicator only when:

- its own clause names the indicator (国内生产总值, 国民生产总值, 地区生产总值,
  经济增长 for GDP; never 工农业总产值 or a component such as 农业生产总值);
- it is of one year, the row's: no span (1949年到1956年, 同1978年相比, 年均,
  累计, 五年), no other year named before it, no 今年 in a result or 去年 in a
  target, no plan (要, 努力, 力争, 计划, 预期) in a result;
- ranges stay ranges (百分之八至九 -> 8-9) and qualifiers stay with the value
  (左右, 以上, 以内, 超过, 控制在, 不低于…), for results as for targets.

Each value keeps its sentence, so that a table can link every number to its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text.model import Report, paragraphs
from ..text.numerals import to_int

NUMBER = r"(\d+(?:\.\d+)?)"
RANGE = rf"{NUMBER}%?(?:\s*[－\-—~～至到]\s*{NUMBER})?\s*%"
QUALIFIERS = ("左右", "以上", "以内", "以下", "上下", "多")
BOUNDS = ("控制在", "不超过", "不低于", "低于", "保持在", "稳定在", "超过")
# The paragraph that announces the targets: 主要预期目标是：… (not 超过预期目标, a result).
TARGET_PARAGRAPH = re.compile(r"预期目标(?:是|为|：|:)|主要目标(?:是|为|：|:)")
TARGET_WORDS = re.compile(r"左右|以上|以内|控制在|力争|预期|目标|今年计划|计划增长")
# A sentence outside the targets' paragraph plans this year only with these words, and
# never with words of the year gone by (虽然略低于8%的预定目标 reviews it).
THIS_YEAR = re.compile(r"今年|本年度|本年|全年")
LAST_YEAR = re.compile(r"去年|上年(?!增长)|过去|已经|预定|虽然|超过.{0,6}目标|低于.{0,6}目标|实现了|完成了")
AVERAGE = re.compile(r"年均|平均每年|平均增长|五年|十年|三年来|以来|累计|翻一番|翻番|这两年|[两二三四五六七八九十]年(?:中|来|间|里)")
# A plan in a sentence before its value: not a result.
PLANNED = re.compile(r"(?<![主重需只])要(?![求素点])|努力|力争|计划|预期(?!目标)|争取|确保|(?<![即])将(?![近])|今年|明年")
SPAN = re.compile(r"(\d{4})年?\s*(?:到|至|—|－|-|~|～)\s*(\d{4})年|(?:比|同|与|较|由)(\d{4})年")
YEAR_NAMED = re.compile(r"(\d{4})年(?!代)")
REVIEW_OPENINGS = re.compile(r"^(?:五年来|过去五年|这五年|十年来|“十[一二三四五]五”时期)")
WINDOW = 40  # characters after an indicator's name within which its value stands
# A clause after a comma goes on with the name before it only when it opens like this.
GOES_ON = re.compile(r"，(?!比上年|较上年|同比|增长|实际增长|上涨|分别|达到|增速|为|定为|按可比价格计算|扣除价格因素)")
# Words between a name and a figure that make the figure another quantity (a share, a rank).
DETOUR = re.compile(r"比重|占|份额|贡献率|位居|排名|总量|规模")
# Words before an amount that make it a change of the quantity, not its level (增加109亿公斤).
CHANGE = re.compile(r"(?:增加|增产|减产|减少|多产|少产)[^，；。\d]{0,2}$")


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
    national_name: str = ""  # the name in the State Council's reports, where it differs

    def title(self, national: bool) -> str:
        """Return the Chinese name for a region's table (国内生产总值 for the State Council)."""
        return self.national_name if national and self.national_name else self.name


GROWTH = re.compile(rf"(?:^|(?:增长|增速|为|达到|在|到)[^，；。\d]{{0,8}}?){RANGE}")
# After a value, the words of a change from it to another (回落到, 提高到, 增加至).
BASELINE = re.compile(r"[^，；。\d]{0,4}?(?:到|至)\s*\d")
RISE = re.compile(rf"(?:涨幅|上涨|上升|上涨幅度|控制在|回落到|为|在)[^，；。\d]{{0,8}}?{RANGE}")
RATE = re.compile(rf"^[^，；。\d]{{0,12}}?{RANGE}")
JOBS = re.compile(rf"^[^，；。\d]{{0,6}}?{NUMBER}(多)?\s*万人")
TONNAGE = re.compile(rf"^[^，；。\d]{{0,14}}?{NUMBER}(多)?\s*(万亿斤|亿斤|亿公斤|万吨|亿吨)")

INDICATORS = (
    Indicator("gdp_growth", "地区生产总值增长", "GDP growth",
              re.compile(r"国内生产总值|国民生产总值|地区生产总值|(?<![农业值])生产总值|经济增长(?:的)?(?:预期)?(?:目标)?|经济增速"),
              GROWTH, "%", "国内生产总值增长"),
    Indicator("cpi", "居民消费价格涨幅", "Consumer prices (CPI)",
              re.compile(r"居民消费价格(?:总水平)?|物价总水平|零售物价|商品零售价格"), RISE, "%"),
    Indicator("unemployment_surveyed", "城镇调查失业率", "Surveyed urban unemployment",
              re.compile(r"城镇调查失业率"), RATE, "%"),
    Indicator("unemployment_registered", "城镇登记失业率", "Registered urban unemployment",
              re.compile(r"城镇登记失业率"), RATE, "%"),
    Indicator("urban_jobs", "城镇新增就业", "New urban jobs",
              re.compile(r"城镇新增就业(?:人口|人数)?|新增城镇就业|城镇就业新增"), JOBS, "万人"),
    Indicator("grain_output", "粮食产量", "Grain output",
              re.compile(r"粮食[^。；，、\d]{0,10}?(?:总产量|产量|总产)|粮食[^。；]{0,24}?总产量?"), TONNAGE, ""),
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
    """Return text with full-width digits and signs half-width, thousands separators and a
    middle dot for a decimal point read (３，６８０ -> 3680, 14·1 -> 14.1), 百分之七点九 written
    7.9%, 百分之八至九 written 8-9%, years in Chinese numerals (一九八五年) and amounts before a
    unit of weight (三亿零四百七十五万吨, 三千七百亿斤) in digits."""
    text = re.sub(r"(?<=\d)[，,](?=\d{3}(?!\d))", "", text.translate(HALF_WIDTH)).replace("·", ".")
    text = re.sub(r"([〇○零一二三四五六七八九]{4})年", lambda m: "".join(str(DIGITS.index(c) % 10) for c in m.group(1)) + "年",
                  text)
    text = AMOUNT.sub(_amount, text)
    return PERCENT.sub(_percent, text)


# A quantity in Chinese numerals before a unit of weight, in units of that unit's prefix.
AMOUNT = re.compile(r"([零一二三四五六七八九十百千万亿两]+)(多)?(万亿斤|亿斤|亿公斤|万吨|亿吨)")
PLACES = {"十": 10, "百": 100, "千": 1000}


def _amount(match: re.Match) -> str:
    numeral, more, unit = match.groups()
    high, _, low = numeral.partition("亿") if unit.startswith("万") else ("", "", numeral)
    value = (_whole(high) or 0) * 10000 + (_whole(low) or 0) if high else _whole(low)
    return f"{value}{more or ''}{unit}" if value else match.group(0)


def _whole(numeral: str) -> int | None:
    """Return the value of a Chinese whole number below 10^8 (一万零五百, 三千九百二十)."""
    total, section, digit = 0, 0, 0
    for ch in numeral:
        if ch in "零一二三四五六七八九两":
            digit = "零一二三四五六七八九".find(ch) if ch != "两" else 2
        elif ch in PLACES:
            section += (digit or 1) * PLACES[ch]
            digit = 0
        elif ch == "万":
            total, section, digit = (section + digit) * 10000, 0, 0
        else:
            return None
    return total + section + digit or None


DIGITS = "零一二三四五六七八九〇○"
# Full-width digits and signs of numbers as half-width ones; punctuation (，；：) stays as it is.
HALF_WIDTH = {ord(wide): narrow for wide, narrow in zip("０１２３４５６７８９．％－～＋", "0123456789.%-~+")}
NUMERAL = r"[零一二三四五六七八九十]+(?:点[零一二三四五六七八九]+)?"
PERCENT = re.compile(rf"百分之({NUMERAL})(?:\s*(?:至|到|－|-|—)\s*(?:百分之)?({NUMERAL}))?")


def _percent(match: re.Match) -> str:
    low, high = _number(match.group(1)), _number(match.group(2)) if match.group(2) else None
    if low is None or (match.group(2) and high is None):
        return match.group(0)
    return f"{low}-{high}%" if high else f"{low}%"


def _number(text: str) -> str | None:
    whole, _, decimals = text.partition("点")
    value = to_int(whole) if whole != "十" else 10
    if value is None:
        return None
    return f"{value}.{''.join(str(DIGITS.index(ch)) for ch in decimals)}" if decimals else str(value)


def extract(report: Report, year: int | None) -> tuple[Finding, ...]:
    """Return the targets of a report for its year and its results for the year before."""
    if not year:
        return ()
    items = list(paragraphs(report))
    start = _announcing(items, year)
    found = []
    for indicator in INDICATORS:
        target = _target(indicator, items, start, year)
        result = _result(indicator, items[:start] if start is not None else items, year - 1)
        found += [f for f in (target, result) if f is not None]
    return tuple(found)


def _announcing(items, year: int) -> int | None:
    """Return the index of the paragraph that announces this year's targets, if any."""
    announcing = [i for i, p in enumerate(items) if TARGET_PARAGRAPH.search(p.text)]
    this_year = [i for i in announcing if re.search(rf"今年|本年|{year}年", items[i].text) and not AVERAGE.search(
        next(s.text for s in items[i].sentences if TARGET_PARAGRAPH.search(s.text)))]
    return (this_year or announcing or [None])[0]


def _target(indicator: Indicator, items, start: int | None, year: int) -> Finding | None:
    """Return the first target of the indicator: in the announcing paragraph (and the one it
    opens with a colon), else in a sentence that plans this year."""
    if start is not None:
        following = items[start + 1].sentences if items[start].text.endswith(("：", ":")) and start + 1 < len(items) else ()
        for sentence in (*_sentences_from(items[start]), *following):
            finding = _find(indicator, sentence, "target", year)
            if finding is not None:
                return finding
    for paragraph in items[start if start is not None else 0 :]:
        for sentence in paragraph.sentences:
            if _plans_this_year(normalize(sentence.text), in_plan=start is not None):
                finding = _find(indicator, sentence, "target", year)
                if finding is not None:
                    return finding
    return None


def _plans_this_year(text: str, in_plan: bool) -> bool:
    """Tell whether a sentence plans this year: in the plan (after the targets' paragraph)
    any sentence that speaks of no year gone by; elsewhere only one that says so."""
    if LAST_YEAR.search(text) or AVERAGE.search(text):
        return False
    return in_plan or bool(TARGET_WORDS.search(text) and THIS_YEAR.search(text))


def _sentences_from(paragraph):
    """Yield a target paragraph's sentences from the one that announces the targets."""
    started = False
    for sentence in paragraph.sentences:
        started = started or bool(TARGET_PARAGRAPH.search(sentence.text))
        if started:
            yield sentence


def _result(indicator: Indicator, items, year: int) -> Finding | None:
    """Return the first result of the indicator in the review; a paragraph that sets a span
    of other years (１９８６年同１９７８年相比；…) gives none from there on."""
    for paragraph in items:
        if REVIEW_OPENINGS.match(paragraph.text):
            continue
        for sentence in paragraph.sentences:
            if any(_other_span(m, year) for m in SPAN.finditer(normalize(sentence.text))):
                break
            finding = _find(indicator, sentence, "result", year)
            if finding is not None:
                return finding
    return None


def _find(indicator: Indicator, sentence, kind: str, year: int) -> Finding | None:
    """Return the first value of the indicator in a sentence: after one of its names, within
    a few words, with no other indicator's name or a share or rank in between, of one year,
    the row's (see the module docstring)."""
    text = normalize(sentence.text)
    for name in indicator.subject.finditer(text):
        window = GOES_ON.split(re.split(r"[；。]", text[name.end() : name.end() + WINDOW])[0])[0]
        for match in indicator.value.finditer(window):
            gap = window[: match.start()]
            if OTHER_NAMES.search(gap) or DETOUR.search(gap) or _baseline(window, match) or \
                    CHANGE.search(window[: match.start(1)]):
                continue
            clause = text[max(text.rfind(mark, 0, name.start()) for mark in "，；,;：:") + 1 : name.end() + match.end()]
            if not _of_the_year(text[: name.end() + match.end()], clause, kind, year):
                break
            return _finding(indicator, sentence, kind, year, window, match)
    return None


def _baseline(window: str, match: re.Match) -> bool:
    """Tell whether a value is where a change starts (由上年的58.6%回落到27.8%)."""
    return bool(BASELINE.match(window[match.end() :]))


def _of_the_year(before: str, clause: str, kind: str, year: int) -> bool:
    """Tell whether the words up to a value speak of the row's year alone: in its sentence no
    span, no average or total, no other year named; in its own clause no plan before a
    result, no 去年 in a target."""
    if AVERAGE.search(before) or any(_other_span(m, year) for m in SPAN.finditer(before)):
        return False
    if any(int(y) != year for y in YEAR_NAMED.findall(SPAN.sub("", before))):
        return False
    if kind == "result":
        return not PLANNED.search(clause)
    return not re.search(r"去年|上年的|明年", clause)


def _other_span(match: re.Match, year: int) -> bool:
    """Tell whether a span or a comparison names years other than the year and the one before."""
    if match.group(3):
        return int(match.group(3)) != year - 1
    return True


def _finding(indicator: Indicator, sentence, kind: str, year: int, window: str, match: re.Match) -> Finding:
    low = match.group(1)
    high = match.group(2) if match.lastindex and match.lastindex >= 2 else None
    value = f"{low}-{high}" if high and _numeric(high) else low
    unit = indicator.unit or (match.group(match.lastindex) if match.lastindex else "")
    qualifier = "多" if high == "多" else _qualifier(window, match)
    return Finding(indicator.key, kind, year, value, qualifier, unit, sentence.id, sentence.text)


def _numeric(text: str) -> bool:
    return bool(re.fullmatch(r"\d+(?:\.\d+)?", text or ""))


def _qualifier(window: str, match: re.Match) -> str:
    """Return the word that qualifies a value: after it (左右, 以上), or just before it, in
    its own clause and after any other number (控制在; 超过30万亿元，比上年增长9% has none)."""
    after = window[match.end() : match.end() + 3]
    before = re.split(r"[，,、；\d]", window[: match.start(1)])[-1]
    return next((q for q in QUALIFIERS if after.startswith(q)), "") or next((b for b in BOUNDS if b in before), "")
