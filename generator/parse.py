"""Parse the plain text of a work report into a `Report` tree.

The text is read line by line: every non-empty line is one block (a heading or
a paragraph), so blank lines, single newlines and indentation with ideographic
spaces all parse the same. Structure is recognised from the numbering the
report itself uses:

- parts:     一、过去五年和2022年工作回顾   (a line of its own, numbered in sequence)
- sections:  （一）着力促消费扩投资。…     (full- or half-width brackets; the first
             sentence is the heading, the rest of the line is the intro)
- items:     一是…。                       (numbered in sequence), and inside a
             section any paragraph that opens with a short lead sentence
- closing:   what follows the first interjection (各位代表！) after the last
             section of the report
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import numerals
from .errors import InputError, Problem, raise_if_any
from .model import (
    INTERJECTION,
    INTRO,
    ITEM,
    PLAIN,
    FrontMatter,
    Line,
    Paragraph,
    Part,
    Report,
    Section,
    Sentence,
)

TERMINATORS = "。！？；"
CLOSERS = "”’」』）)》"
INDENT = " \t\u3000\u00a0\ufeff"
LEAD_MAX = 25

PART_RE = re.compile(rf"^({numerals.PATTERN})、(.+)$")
SECTION_RE = re.compile(rf"^[（(]({numerals.PATTERN})[）)]")
ITEM_RE = re.compile(rf"^({numerals.PATTERN})是")
INTERJECTION_RE = re.compile(r"^[^，。；！？：]{1,12}！$")
SALUTATION_RE = re.compile(r"^[^，。；！？：]{1,12}：$")
SPEAKER_RE = re.compile(r"^[^，。；！？：、]{1,20}$")


@dataclass(frozen=True)
class Block:
    """A non-empty line of the source with its line number."""

    line: int
    text: str


def split_sentences(text: str) -> tuple[str, ...]:
    """Split after 。！？； and the closing quotes that follow; lose nothing."""
    pieces: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        if text[i] in TERMINATORS:
            i += 1
            while i < len(text) and (text[i] in TERMINATORS or text[i] in CLOSERS):
                i += 1
            pieces.append(text[start:i])
            start = i
        else:
            i += 1
    if start < len(text):
        pieces.append(text[start:])
    return tuple(pieces)


def blocks(text: str) -> list[Block]:
    """Return the non-empty lines of the text, stripped of indentation."""
    found = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip(INDENT)
        if stripped:
            found.append(Block(number, stripped))
    return found


def parse(text: str, path: str) -> Report:
    """Return the report tree for the text of `path`, or raise InputError."""
    items = blocks(text)
    if not items:
        raise InputError.at(path, 1, "the report is empty")
    first_part = _first_part_index(items)
    if first_part is None:
        raise InputError.at(path, items[0].line, "no part heading found (a line such as 一、…)")
    builder = _Builder(path)
    for block in items[first_part:]:
        builder.add(block)
    raise_if_any(builder.problems)
    return Report(_front_matter(items[:first_part]), builder.parts(), builder.closing())


def _first_part_index(items: list[Block]) -> int | None:
    for index, block in enumerate(items):
        match = PART_RE.match(block.text)
        if match and _is_heading_text(match.group(2)) and numerals.to_int(match.group(1)) == 1:
            return index
    return None


def _is_heading_text(text: str) -> bool:
    return len(text) <= 40 and not any(ch in TERMINATORS + "，" for ch in text)


def _front_matter(items: list[Block]) -> FrontMatter:
    lines: list[Line] = []
    rest = list(items)
    if rest and rest[0].text.startswith("—"):
        lines.append(Line("dateline", rest.pop(0).text, items[0].line))
        if rest and SPEAKER_RE.match(rest[0].text):
            block = rest.pop(0)
            lines.append(Line("speaker", block.text, block.line))
    if rest and SALUTATION_RE.match(rest[0].text):
        block = rest.pop(0)
        lines.append(Line("salutation", block.text, block.line))
    return FrontMatter(tuple(lines), tuple(_paragraph(b, _plain_kind(b)) for b in rest))


def _plain_kind(block: Block) -> str:
    return INTERJECTION if INTERJECTION_RE.match(block.text) else PLAIN


def _paragraph(block: Block, kind: str) -> Paragraph:
    return Paragraph(kind, _sentences(block.text, block.line), block.line)


def _sentences(text: str, line: int) -> tuple[Sentence, ...]:
    return tuple(Sentence(piece, line) for piece in split_sentences(text))


@dataclass
class _Container:
    """A part or section being filled, with its item counter."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    items: int = 0


@dataclass
class _SectionDraft(_Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0

    def freeze(self) -> Section:
        return Section(self.ordinal, self.heading, tuple(self.paragraphs), self.line)


@dataclass
class _PartDraft(_Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0
    sections: list[_SectionDraft] = field(default_factory=list)

    def freeze(self) -> Part:
        sections = tuple(s.freeze() for s in self.sections)
        return Part(self.ordinal, self.heading, tuple(self.paragraphs), sections, self.line)


class _Builder:
    """Feeds blocks in order into parts, sections and the closing."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self._parts: list[_PartDraft] = []
        self._tail: _Container | None = None

    def add(self, block: Block) -> None:
        """Place one block in the tree being built."""
        if self._add_part(block) or self._add_section(block):
            return
        container = self._container()
        kind = self._kind(block, container)
        if kind == INTERJECTION and self._tail is None and self._in_section():
            self._tail = _Container()
            container = self._tail
        container.paragraphs.append(_paragraph(block, kind))

    def parts(self) -> tuple[Part, ...]:
        return tuple(p.freeze() for p in self._parts)

    def closing(self) -> tuple[Paragraph, ...]:
        return tuple(self._tail.paragraphs) if self._tail else ()

    def _add_part(self, block: Block) -> bool:
        match = PART_RE.match(block.text)
        if not match or not _is_heading_text(match.group(2)):
            return False
        expected = len(self._parts) + 1
        if not self._in_sequence(block, match.group(1), expected, "part", "、"):
            return False
        self._close_tail()
        self._parts.append(_PartDraft(ordinal=expected, heading=block.text, line=block.line))
        return True

    def _add_section(self, block: Block) -> bool:
        match = SECTION_RE.match(block.text)
        if not match:
            return False
        part = self._parts[-1]
        expected = len(part.sections) + 1
        if not self._in_sequence(block, match.group(1), expected, "section", "）"):
            return False
        self._close_tail()
        heading, *rest = split_sentences(block.text)
        section = _SectionDraft(ordinal=expected, heading=heading, line=block.line)
        if rest:
            section.paragraphs.append(Paragraph(INTRO, _sentences("".join(rest), block.line), block.line))
        part.sections.append(section)
        return True

    def _in_sequence(self, block: Block, numeral: str, expected: int, what: str, mark: str) -> bool:
        value = numerals.to_int(numeral)
        if value == expected:
            return True
        wanted = numerals.from_int(expected)
        self.problems.append(
            Problem(self.path, block.line, f"{what} {numeral}{mark} is out of sequence: expected {wanted}{mark}")
        )
        return False

    def _close_tail(self) -> None:
        """Give paragraphs after an interjection back to the last section."""
        if self._tail is not None:
            self._parts[-1].sections[-1].paragraphs.extend(self._tail.paragraphs)
            self._tail = None

    def _in_section(self) -> bool:
        return bool(self._parts[-1].sections)

    def _container(self) -> _Container:
        if self._tail is not None:
            return self._tail
        part = self._parts[-1]
        return part.sections[-1] if part.sections else part

    def _kind(self, block: Block, container: _Container) -> str:
        match = ITEM_RE.match(block.text)
        if match and numerals.to_int(match.group(1)) == container.items + 1:
            container.items += 1
            return ITEM
        if isinstance(container, _SectionDraft) and _has_lead(block.text):
            return ITEM
        return _plain_kind(block)


def _has_lead(text: str) -> bool:
    """Tell whether a paragraph opens with a short lead sentence (大力促进消费复苏。)."""
    pieces = split_sentences(text)
    first = pieces[0]
    return len(pieces) > 1 and first.endswith("。") and len(first) <= LEAD_MAX and "，" not in first
