"""What a line of a report looks like: numbered, a heading, terminated or open.

Pure functions on one stripped line of text. Reports number their divisions
in a few styles, each of which may be a part or a section depending on the
report (see `parse`):

- DUN:    一、过去一年工作回顾   (and a numeral alone on its line: 一)
- PAREN:  （一）着力促消费扩投资。… or (一)…
- PLAIN:  2024年工作回顾       (a short line without punctuation, between paragraphs)

Items inside a part or section are numbered 一是…, 第一，…, or marked —— .
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import numerals

DUN, PAREN, PLAIN = "dun", "paren", "plain"
NUMERAL = numerals.PATTERN
TERMINATORS = "。！？；"
ASCII_TERMINATORS = "!?;"
STOPS = TERMINATORS + ASCII_TERMINATORS + "：:…"
CLOSERS = "”’」』）)》】"
# Punctuation that cannot start a paragraph: a line that starts with it continues the one before.
CONTINUING = "，。、；：？！,;:?!）)》」』”’】…%％"
# Marks after which the text must go on.
OPENERS = ("《", "“", "「", "『", "（", "(", "【", "——", "，", "、")
DUN_RE = re.compile(rf"^({NUMERAL})\s*、\s*")
BARE_RE = re.compile(rf"^({NUMERAL})$")
PAREN_RE = re.compile(rf"^[（(]\s*({NUMERAL})\s*[）)]\s*")
ORDINAL_RE = re.compile(rf"^(?:第({NUMERAL})[，、,]|首先，)")
ITEM_RE = re.compile(rf"^({NUMERAL})(?:是|要|方面|来)")
DASH_RE = re.compile(r"^[—－-]{2,}")
ARABIC_RE = re.compile(r"^[0-9０-９]{1,3}[.．、](?![0-9０-９])")
APPENDIX_RE = re.compile(r"^(?:附件|附表|附录|附錄)\s*(?:[0-9０-９]+|[一二三四五六七八九十]+)?(?:[\s：:、.．《“]|$)")
APPENDIX_WORDS = ("名词解释", "名词注释", "名詞解釋", "名詞註釋", "名词解析", "民生实事", "民生實事")
APPENDIX_MAX = 40
INTERJECTION_RE = re.compile(r"^(?:各位代表|同志们|代表们|各位委员)[！!]")
PLAIN_MAX = 30
HEADING_MAX = 60
RUN_IN_MAX = 40
PLAIN_FORBIDDEN = set("，。！？；：,;:!?（(")


@dataclass(frozen=True)
class Numbered:
    """A line that starts with a division number: its style, value and the text after it."""

    style: str
    value: int
    rest: str


@dataclass(frozen=True)
class Heading:
    """A line that reads as a heading: its style, number (0 when unnumbered),
    the heading itself and any text that runs on after it on the same line."""

    style: str
    value: int
    heading: str
    rest: str

    @property
    def standalone(self) -> bool:
        return not self.rest


def terminated(text: str) -> bool:
    """Tell whether a line ends a sentence or a clause (。！？；：, before closing quotes)."""
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and stripped[-1] in STOPS


def opens(text: str) -> bool:
    """Tell whether a line ends with a mark after which the text must go on (《, “, ——, ，)."""
    return text.endswith(OPENERS)


def continues(text: str) -> bool:
    """Tell whether a line starts with punctuation that cannot start a paragraph."""
    return bool(text) and text[0] in CONTINUING


def numbered(text: str) -> Numbered | None:
    """Return the division number a line starts with (一、 or （一） or a bare 一), if any."""
    for style, pattern in ((DUN, DUN_RE), (PAREN, PAREN_RE), (DUN, BARE_RE)):
        match = pattern.match(text)
        if match:
            value = numerals.to_int(match.group(1))
            if value is not None:
                return Numbered(style, value, text[match.end() :])
    return None


def heading(text: str) -> Heading | None:
    """Return the line as a heading when it reads as one (numbered or plain), else None.

    A numbered line is a heading when the text after its number is a short
    unterminated title (一、2024年工作回顾), a single short sentence
    (（一）着力推动自贸港建设进入新阶段。), or a short first sentence with more text
    running on after it ((一)着力促消费扩投资。扩大内需是…). A bare numeral is a heading too.
    """
    number = numbered(text)
    if number is None:
        return Heading(PLAIN, 0, text, "") if plain_candidate(text) else None
    if BARE_RE.match(text):
        return Heading(number.style, number.value, text, "")
    return _numbered_heading(text, number)


def _numbered_heading(text: str, number: Numbered) -> Heading | None:
    rest = number.rest
    if len(rest) < 2:
        return None
    first = first_sentence(rest)
    head = text[: len(text) - len(rest) + len(first)]
    if first == rest:
        if len(rest) <= HEADING_MAX and (not terminated(rest) or rest.rstrip(CLOSERS)[-1] in "。！!"):
            return Heading(number.style, number.value, text, "")
        return None
    ends = first.rstrip(CLOSERS)[-1]
    if ends in "。！!" and len(first) <= RUN_IN_MAX:
        return Heading(number.style, number.value, head, text[len(head) :])
    return None


def plain_candidate(text: str) -> bool:
    """Tell whether a line could be an unnumbered heading (2024年工作回顾): short, no punctuation."""
    if not 2 <= len(text) <= PLAIN_MAX or PLAIN_FORBIDDEN & set(text):
        return False
    if continues(text) or DASH_RE.match(text) or ITEM_RE.match(text) or ORDINAL_RE.match(text):
        return False
    return not text.rstrip(CLOSERS + "》").endswith(("的", "和", "了", "在", "与", "及", "对", "把", "将"))


def substantial(text: str) -> bool:
    """Tell whether a line reads as a paragraph (long or terminated), as what follows a heading."""
    return not continues(text) and (terminated(text) or len(text) > PLAIN_MAX)


def ends_sentence(text: str, index: int) -> bool:
    """Tell whether the character at `index` ends a sentence: 。！？；, or ! ? ; typed
    after a Chinese character (各位代表!), never inside Latin text (Yahoo!, ![x])."""
    char = text[index]
    if char in TERMINATORS:
        return True
    return char in ASCII_TERMINATORS and index > 0 and "\u3400" <= text[index - 1] <= "\u9fff"


def sentence_end(text: str, index: int) -> int:
    """Return where a sentence ending at `index` ends: after further terminators and closing quotes."""
    end = index + 1
    while end < len(text) and (text[end] in TERMINATORS or text[end] in ASCII_TERMINATORS or text[end] in CLOSERS):
        end += 1
    return end


def first_sentence(text: str) -> str:
    """Return the text up to and including the first 。！？； and the closing quotes after it."""
    for index in range(len(text)):
        if ends_sentence(text, index):
            return text[: sentence_end(text, index)]
    return text


def interjection(text: str) -> bool:
    """Tell whether a paragraph opens by addressing the audience (各位代表！…)."""
    return bool(INTERJECTION_RE.match(text))


def starts_paragraph(text: str) -> bool:
    """Tell whether a line starts a new block whatever precedes it: a numbered
    heading, an item (一是, 第一，, ——) or an address to the audience."""
    head = heading(text)
    if head is not None and head.style != PLAIN:
        return True
    if ITEM_RE.match(text) or ORDINAL_RE.match(text) or DASH_RE.match(text) or ARABIC_RE.match(text):
        return True
    return interjection(text) or appendix(text)


def appendix(text: str) -> bool:
    """Tell whether a line is the heading of an appendix (附件1, 名词解释, 十件民生实事)."""
    if len(text) > APPENDIX_MAX:
        return False
    if APPENDIX_RE.match(text):
        return True
    if numbered(text) is not None or terminated(text) or "，" in text:
        return False
    return any(word in text for word in APPENDIX_WORDS)
