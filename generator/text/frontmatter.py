"""The heading block of a report: title, source, dateline, speaker, salutation.

Copies of a report open with some of these lines, in varying order, before
the salutation (各位代表：):

    2025年吉林省政府工作报告                      title (sometimes split: 政府工作报 / 告)
    来源：吉林省政府网                            source
    ——2025年1月14日在吉林省第十四届人民代表大会…上   dateline (or 2025年1月14日在…上省长…作政府工作报告)
    省长　胡玉亭                                  speaker (sometimes split: 国务院总理 / 李克强)
    各位代表：                                    salutation (sometimes with text after it)

`split` reads them off the first lines and returns where the body starts.
Lines are kept as they are; a split title or speaker is joined with the
whitespace the copy lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lines import Block

TITLE, SOURCE, DATELINE, SPEAKER, SALUTATION = "title", "source", "dateline", "speaker", "salutation"
KINDS = (TITLE, SOURCE, DATELINE, SPEAKER, SALUTATION)
OFFICES = ("国务院总理", "总理", "省长", "市长", "主席", "代理主席", "代省长", "代市长", "州长", "区长", "县长",
           "國務院總理", "總理", "書記", "书记")
SALUTATION_RE = re.compile(r"^(?:各位代表|同志们|同志們|各位委员|代表们)\s*[：:，,]")
SOURCE_RE = re.compile(r"^(?:来源|來源|稿源|出处|出處)\s*[：:]")
DATE_RE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日")
MEETING_RE = re.compile(r"(?:会议|會議|大会|大會)")
TITLE_RE = re.compile(r"(?:报告|報告|纲要|綱要|讲话|講話|说明|說明)$")
NAME_RE = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
PUNCTUATION = set("，。；！？、,;!?")
TITLE_MAX = 40
SPEAKER_MAX = 30


@dataclass(frozen=True)
class FrontLine:
    """One line of the heading block: its kind, text and source line."""

    kind: str
    text: str
    line: int


def split(lines: list[Block]) -> tuple[tuple[FrontLine, ...], list[Block]]:
    """Return the heading block read off the first lines, and the lines after it.

    A salutation that shares its line with text (各位代表，现在，我代表…) is
    split off; the text stays as the first line of the body.
    """
    found: list[FrontLine] = []
    index = 0
    while index < len(lines):
        kind = classify(lines[index].text, found)
        if kind is None:
            break
        taken, index = _take(lines, index, kind)
        if kind == SALUTATION:
            head, rest = _salutation(taken)
            found.append(head)
            return tuple(found), ([rest] if rest else []) + lines[index:]
        found.append(taken)
    if not any(line.kind == SALUTATION for line in found) and not _credible(found):
        return (), lines
    return tuple(found), lines[index:]


def classify(text: str, before: list[FrontLine]) -> str | None:
    """Return the kind of a heading-block line, or None when the line is not one."""
    kinds = {line.kind for line in before}
    if SALUTATION_RE.match(text):
        return SALUTATION
    if SOURCE_RE.match(text):
        return SOURCE
    if text.startswith("—") or (DATE_RE.search(text) and MEETING_RE.search(text) and len(text) <= 150):
        return DATELINE
    if _speaker(text, kinds):
        return SPEAKER
    if not before and _title(text):
        return TITLE
    return None


def _title(text: str) -> bool:
    return len(text) <= TITLE_MAX and not PUNCTUATION & set(text) and bool(TITLE_RE.search(text) or len(text) <= 8)


def _speaker(text: str, kinds: set[str]) -> bool:
    if len(text) > SPEAKER_MAX or PUNCTUATION & set(text) or "：" in text or SPEAKER in kinds:
        return False
    bare = re.sub(r"\s+", "", text)
    if any(office in bare for office in OFFICES):
        return True
    return bool(kinds & {TITLE, DATELINE}) and bool(NAME_RE.match(bare))


def _take(lines: list[Block], index: int, kind: str) -> tuple[FrontLine, int]:
    """Return one heading-block line, joined with its continuation line if it was split."""
    block = lines[index]
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if kind == TITLE and 0 < len(following) <= 2 and not PUNCTUATION & set(following):
        return FrontLine(kind, block.text + following, block.line), index + 2
    if kind == SPEAKER and block.text.endswith(OFFICES) and NAME_RE.match(re.sub(r"\s+", "", following)):
        return FrontLine(kind, f"{block.text}\u3000{following}", block.line), index + 2
    return FrontLine(kind, block.text, block.line), index + 1


def _salutation(line: FrontLine) -> tuple[FrontLine, Block | None]:
    match = SALUTATION_RE.match(line.text)
    head, rest = line.text[: match.end()], line.text[match.end() :].strip()
    return FrontLine(SALUTATION, head, line.line), (Block(line.line, rest) if rest else None)


def _credible(found: list[FrontLine]) -> bool:
    """Tell whether lines read off a text without a salutation are a heading block after all."""
    return any(line.kind in (DATELINE, SOURCE) or (line.kind == TITLE and TITLE_RE.search(line.text)) for line in found)
