"""What a figure measures: the noun phrase, not the verb around it.

From the words before a figure (its phrase, back to the last delimiter; see `figures`):
1. a change's start goes with all after it (支出从20.5亿元增加到, 年限从: 支出, 年限);
2. what stands before the last other figure goes (社会消费品零售总额2.76万亿元居民人均可支配
   收入增长: 居民人均可支配收入增长); the second figure of a range (6.5%－7%) measures what the
   first does;
3. words of a change or a comparison at the end go (增长, 达到, 增加到, 比上年, 分别, 的);
4. a verb that counts what follows it (推进5万个行政村, 改造和新建1.88万所乡镇卫生院) leaves the
   noun after the figure as its subject, up to the next verb or delimiter; a verb before
   the noun (有序推进新增博士学位授权点, 实现利润) goes with what precedes it.
"""

from __future__ import annotations

import re

CHANGE_START = re.compile(r"[从由](?=.*\d|$)")
RANGE_SECOND = re.compile(r"^[－\-—~～至到、和]$")
TRAILING = re.compile(r"(?:比上年|较上年|比去年|同比|分别|累计|总计|合计|实际|年均|平均|连年|连续|持续|共|约|近|超|了|的|"
                      r"到|至|达|为|是|均|净增|净|上涨|压缩|缩短|压减|保持在|维持在|和|与|及|高出全国|低于全国|"
                      r"增长|增加|提高|下降|降低|减少|达到|突破|超过|实现|完成|保持|稳定在|控制在|跃升|升至|降至|"
                      r"增加到|提高到|下降到|降低到|减少到|扩大到|缩小到)+$")
COUNTING = re.compile(r"(?:推进|新增|新建|建成|改造和新建|改造|培育|争创|打造|实施|开展|安排|拟安排|发放|引进|"
                      r"淘汰|带动|吸引|创建|认定|设立|组建|开工|竣工|入选|首批|已设|新签|签署|升级|建立|惠及|减轻|节约|降低|推广|发行|争取|推动)")
AFTER = re.compile(r"^的?([\u4e00-\u9fffA-Za-z]+?)(?=[，。；：、（）“「]|通|实现|达到|增长|覆盖|开工|建成|退出|上线|投产|"
                   r"完工|纳入|获得|参与|受益|落地|运行|开通|就|$)")
LEADING = re.compile(r"^(?:同时|并且|并|而)|^.*其中")
# A duration before a figure is no figure the subject stands before (连续4年净增170万亩).
DURATION = ("连续", "近", "已连续")


def subject(phrase: str, after: str, figure: re.Pattern) -> str:
    """Return the noun phrase a figure measures, from the words before it (`phrase`) and,
    when those hold none, from the words after it (`after`)."""
    start = CHANGE_START.search(phrase)
    words = phrase[: start.start()] if start and start.start() >= 2 else _after_last_figure(phrase, figure)
    words = TRAILING.sub("", words)
    counted = _counted(words)
    if counted is None or len(counted) < 2:
        return _noun_after(after) or _noun(words)
    return _noun(LEADING.sub("", counted) if len(LEADING.sub("", counted)) >= 2 else counted)


def _noun(words: str) -> str:
    """Return the words, or '' when they are only a verb or digits (no subject is better
    than a wrong one)."""
    return "" if COUNTING.fullmatch(words) or TRAILING.fullmatch(words) or re.fullmatch(r"[\d.]*", words) else words


def _after_last_figure(phrase: str, figure: re.Pattern) -> str:
    """Return the words after the last other figure of the phrase (before it, for the second
    figure of a range)."""
    matches = [m for m in figure.finditer(phrase) if m.group("u") and not phrase[: m.start()].endswith(DURATION)]
    if not matches:
        return phrase
    rest = phrase[matches[-1].end() :]
    if RANGE_SECOND.match(rest):
        return _after_last_figure(phrase[: matches[-1].start()], figure)
    return rest


def _counted(words: str) -> str | None:
    """Return the noun the words name, or None when they end in a verb that counts what
    follows the figure."""
    last = None
    for last in COUNTING.finditer(words):
        pass
    if last is None or words.endswith("新增就业"):  # 城镇新增就业 names the indicator
        return words
    if len(words) - last.end() < 2:
        return None
    return words[last.end() :]


def _noun_after(after: str) -> str:
    match = AFTER.match(after)
    return match.group(1) if match and len(match.group(1)) >= 2 else ""
