"""Parse the plain text of a work report into a `Report` tree.

The text is read as lines (stripped, with the fragments of a broken paragraph
joined: see `lines`), then its heading block (title, dateline, speaker,
salutation: see `frontmatter`), then the body, block by block:

- Divisions. A report numbers its divisions in one or two styles (一、,
  （一）, or unnumbered heading lines such as 2024年工作回顾; see `headings`).
  As reStructuredText ranks its title adornments, the first style that opens
  a division gives the parts and the next one the sections inside a part:
  一、 parts with （一） sections in most reports, （一） parts with 一、
  sections in some, unnumbered parts with numbered sections in others. A
  division opens only in sequence (二、 after 一、); a numbered line that
  starts again at 一 or goes on with a list inside a part is a paragraph of
  it. A standalone heading that is out of sequence otherwise is an error
  naming its line, reported once.
- Items: 一是…, 第一，…, —— lines, and, in a section, paragraphs that open
  with a short lead sentence (大力促进消费复苏。…).
- Closing: from the first paragraph that addresses the audience (各位代表！)
  after the last division heading, if that division keeps a paragraph.
- Appendices: a line such as 附件1, 附件2 名词解释 or 十件民生实事 after the
  body starts an appendix, numbered on its own; a 名词解释 appendix is a
  glossary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import frontmatter, headings, lines, numerals
from .errors import InputError, Problem, raise_if_any
from .headings import PLAIN, Heading
from .lines import Block
from .model import INTERJECTION, INTRO, ITEM, Appendix, FrontMatter, Line, Paragraph, Part, Report, Section, Sentence
from .model import PLAIN as PLAIN_KIND

TERMINATORS = headings.TERMINATORS
CLOSERS = headings.CLOSERS
LEAD_MAX = 25
APPENDIX_RE = headings.APPENDIX_RE
CLOSING_HEADINGS = ("结束语", "结语", "結束語", "結語")
GLOSSARY_WORDS = ("名词解释", "名词注释", "名詞解釋", "名詞註釋", "名词解析", "注释", "註釋")
INTERJECTION_RE = re.compile(r"^[^，。；！？：]{1,12}[！!]$")


def split_sentences(text: str) -> tuple[str, ...]:
    """Split after 。！？； and the closing quotes that follow; lose nothing."""
    pieces: list[str] = []
    start = 0
    i = 0
    while i < len(text):
        if headings.ends_sentence(text, i):
            i = headings.sentence_end(text, i)
            pieces.append(text[start:i])
            start = i
        else:
            i += 1
    if start < len(text):
        pieces.append(text[start:])
    return tuple(pieces)


def blocks(text: str) -> list[Block]:
    """Return the non-empty lines of the text, stripped of indentation."""
    return lines.source_lines(text)


def parse(text: str, path: str) -> Report:
    """Return the report tree for the text of `path`, or raise InputError."""
    return read(text, path)[0]


def read(text: str, path: str) -> tuple[Report, tuple[Problem, ...]]:
    """Return the report tree and notes on its numbering, or raise InputError."""
    source = lines.source_lines(text)
    if not source:
        raise InputError.at(path, 1, "the report is empty: it has no text")
    front, body = frontmatter.split(source)
    builder = _Builder(path)
    joined = lines.join(body)
    for index, block in enumerate(joined):
        following = joined[index + 1].text if index + 1 < len(joined) else ""
        builder.add(block, following)
    raise_if_any(builder.problems)
    front_matter = FrontMatter(_front_lines(front), builder.opening())
    report = Report(front_matter, builder.parts(), builder.closing(), builder.appendices())
    return report, tuple(builder.notes)


def _front_lines(front: tuple[frontmatter.FrontLine, ...]) -> tuple[Line, ...]:
    return tuple(Line(line.kind, line.text, line.line) for line in front)


def _paragraph(block: Block, kind: str) -> Paragraph:
    return Paragraph(kind, _sentences(block.text, block.line), block.line)


def _sentences(text: str, line: int) -> tuple[Sentence, ...]:
    return tuple(Sentence(piece, line) for piece in split_sentences(text))


@dataclass
class _Container:
    """A part, section or appendix being filled, with its item counter and the
    numbered lists open in it: per style, a stack of (last number, whether that
    item was a heading line), innermost last."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    items: int = 0
    lists: dict[str, list[tuple[int, bool]]] = field(default_factory=dict)

    def listed(self, style: str, value: int) -> tuple[int, bool] | None:
        """Return the open list that `value` goes on with (its last item), if any."""
        return next((entry for entry in reversed(self.lists.get(style, [])) if entry[0] + 1 == value), None)

    def note_list_item(self, style: str, value: int, heading: bool) -> None:
        """Record a numbered paragraph: it starts a list (一), or goes on with one."""
        stack = self.lists.setdefault(style, [])
        for index in range(len(stack) - 1, -1, -1):
            if value != 1 and stack[index][0] + 1 == value:
                del stack[index:]
                break
        stack.append((value, heading))


@dataclass
class _SectionDraft(_Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0
    value: int = 0

    def freeze(self) -> Section:
        return Section(self.ordinal, self.heading, tuple(self.paragraphs), self.line)


@dataclass
class _PartDraft(_Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0
    value: int = 0
    sections: list[_SectionDraft] = field(default_factory=list)

    def freeze(self) -> Part:
        sections = tuple(s.freeze() for s in self.sections)
        return Part(self.ordinal, self.heading, tuple(self.paragraphs), sections, self.line)


@dataclass
class _AppendixDraft(_Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0

    def freeze(self) -> Appendix:
        glossary = any(word in self.heading for word in GLOSSARY_WORDS)
        return Appendix(self.ordinal, self.heading, tuple(self.paragraphs), self.line, glossary=glossary)


class _Builder:
    """Feeds blocks in order into the opening, parts, sections, closing and appendices."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self._styles: list[str] = []
        self._opening = _Container()
        self._parts: list[_PartDraft] = []
        self._tail: _Container | None = None
        self._appendices: list[_AppendixDraft] = []
        self._broken: set[int] = set()
        self._previous_open = False

    def add(self, block: Block, following: str) -> None:
        """Place one block in the tree being built."""
        if self._appendices or self._appendix_start(block):
            self._add_appendix(block)
        elif not self._add_division(block, following):
            self._add_paragraph(block)
        self._previous_open = not headings.terminated(block.text)

    def opening(self) -> tuple[Paragraph, ...]:
        return tuple(self._opening.paragraphs)

    def parts(self) -> tuple[Part, ...]:
        return tuple(p.freeze() for p in self._parts)

    def closing(self) -> tuple[Paragraph, ...]:
        return tuple(self._tail.paragraphs) if self._tail else ()

    def appendices(self) -> tuple[Appendix, ...]:
        return tuple(a.freeze() for a in self._appendices)

    # Divisions -----------------------------------------------------------

    def _add_division(self, block: Block, following: str) -> bool:
        head = None if block.joined else headings.heading(block.text)
        if head is None or (head.style == PLAIN and not self._plain_heading(following)):
            return False
        if head.style == PLAIN and head.heading in CLOSING_HEADINGS and self._parts:
            self._start_closing()
            return False
        if head.standalone and head.style != PLAIN and _same_style_next(head, following):
            return False
        level = self._level(head)
        if level == 0:
            expected = (self._parts[-1].value if self._parts else 0) + 1
        elif level == 1 and self._parts:
            sections = self._parts[-1].sections
            expected = (sections[-1].value if sections else 0) + 1
        else:
            return False
        if self._opens(head, expected, self._container()):
            (self._open_part if level == 0 else self._open_section)(block, head)
            return True
        return self._out_of_sequence(block, head, level, expected)

    def _plain_heading(self, following: str) -> bool:
        """Tell whether an unnumbered heading-like line stands between paragraphs."""
        return not self._previous_open and headings.substantial(following)

    def _level(self, head: Heading) -> int | None:
        """Return 0 (part) or 1 (section) for the style of a heading; rank a new style."""
        if head.style in self._styles:
            return self._styles.index(head.style)
        if len(self._styles) < 2 and head.value in (0, 1) and (self._parts or not self._styles):
            self._styles.append(head.style)
            return len(self._styles) - 1
        return None

    @staticmethod
    def _opens(head: Heading, expected: int, container: _Container) -> bool:
        """Tell whether a heading opens the next division rather than going on with a
        list: a list of heading lines goes on with a heading line, a list of paragraphs
        with a numbered paragraph."""
        if head.style == PLAIN:
            return True
        if head.value != expected:
            return False
        listed = container.listed(head.style, head.value)
        return listed is None or (head.standalone and not listed[1])

    def _out_of_sequence(self, block: Block, head: Heading, level: int, expected: int) -> bool:
        """Take a standalone heading that skips a number (with a note); report one that
        goes back (an error, once per level). Other numbered lines stay paragraphs."""
        listed = self._container().listed(head.style, head.value)
        if head.value == 1 or listed is not None or not head.standalone:
            return False
        what = ("part", "section")[level]
        mark = "、" if head.style == headings.DUN else "）"
        wanted = f"{numerals.from_int(expected)}{mark}"
        if head.value > expected:
            self.notes.append(Problem(self.path, block.line, f"{what} {_numeral(head.value)}{mark} follows "
                                      f"{_numeral(expected - 1)}{mark}: the text has no {wanted}"))
            (self._open_part if level == 0 else self._open_section)(block, head)
            return True
        if level not in self._broken:
            self._broken.add(level)
            self.problems.append(Problem(self.path, block.line, f"{what} {_numeral(head.value)}{mark} is out of "
                                         f"sequence: expected {wanted}"))
        return False

    def _open_part(self, block: Block, head: Heading) -> None:
        self._close_tail()
        ordinal = len(self._parts) + 1
        part = _PartDraft(ordinal=ordinal, heading=head.heading, line=block.line, value=head.value or ordinal)
        self._add_intro(part, head, block.line)
        self._parts.append(part)

    def _open_section(self, block: Block, head: Heading) -> None:
        self._close_tail()
        ordinal = len(self._parts[-1].sections) + 1
        section = _SectionDraft(ordinal=ordinal, heading=head.heading, line=block.line, value=head.value or ordinal)
        self._add_intro(section, head, block.line)
        self._parts[-1].sections.append(section)

    @staticmethod
    def _add_intro(container: _Container, head: Heading, line: int) -> None:
        if head.rest:
            container.paragraphs.append(Paragraph(INTRO, _sentences(head.rest, line), line))

    # Paragraphs ----------------------------------------------------------

    def _add_paragraph(self, block: Block) -> None:
        container = self._container()
        if self._tail is None and headings.interjection(block.text) and self._may_close(container):
            self._tail = _Container()
            container = self._tail
        kind = self._kind(block, container)
        number = headings.numbered(block.text)
        if number is not None:
            head = None if block.joined else headings.heading(block.text)
            container.note_list_item(number.style, number.value, head is not None and head.standalone)
        container.paragraphs.append(_paragraph(block, kind))

    def _start_closing(self) -> None:
        """Start the closing at a 结束语 heading (its first paragraph); what an earlier
        address to the audience had taken goes back to its division."""
        self._close_tail()
        self._tail = _Container()

    def _may_close(self, container: _Container) -> bool:
        """Tell whether an address to the audience here may start the closing."""
        return bool(self._parts) and bool(container.paragraphs)

    def _close_tail(self) -> None:
        """Give paragraphs after an interjection back to the division they stand in."""
        if self._tail is not None:
            self._container(tail=False).paragraphs.extend(self._tail.paragraphs)
            self._tail = None

    def _container(self, tail: bool = True) -> _Container:
        if tail and self._tail is not None:
            return self._tail
        if not self._parts:
            return self._opening
        part = self._parts[-1]
        return part.sections[-1] if part.sections else part

    def _kind(self, block: Block, container: _Container) -> str:
        text = block.text
        match = headings.ITEM_RE.match(text)
        if match and numerals.to_int(match.group(1)) == container.items + 1:
            container.items += 1
            return ITEM
        if headings.ORDINAL_RE.match(text) and len(headings.first_sentence(text)) <= headings.HEADING_MAX:
            return ITEM
        if headings.DASH_RE.match(text) and _has_lead(text, headings.RUN_IN_MAX):
            return ITEM
        if isinstance(container, _SectionDraft) and _has_lead(text):
            return ITEM
        return INTERJECTION if INTERJECTION_RE.match(text) else PLAIN_KIND

    # Appendices ----------------------------------------------------------

    def _appendix_start(self, block: Block) -> bool:
        """Tell whether a line starts an appendix (附件1, 名词解释, 十件民生实事) after the body."""
        return bool(self._parts or self._opening.paragraphs) and headings.appendix(block.text)

    def _add_appendix(self, block: Block) -> None:
        current = self._appendices[-1] if self._appendices else None
        if self._appendix_start(block):
            if current is not None and not current.paragraphs and not APPENDIX_RE.match(block.text):
                current.heading = f"{current.heading} {block.text}"
                return
            if current is None or current.paragraphs:
                ordinal = len(self._appendices) + 1
                self._appendices.append(_AppendixDraft(ordinal=ordinal, heading=block.text, line=block.line))
                return
        container = self._appendices[-1]
        container.paragraphs.append(_paragraph(block, self._kind(block, container)))


def _same_style_next(head: Heading, following: str) -> bool:
    """Tell whether a heading line is followed at once by the next number of its style:
    then both are items of a list ((一)要使…。 / (二)在…), not divisions with content."""
    number = headings.numbered(following)
    return number is not None and number.style == head.style and number.value == head.value + 1


def _numeral(value: int) -> str:
    return numerals.from_int(value) if 1 <= value <= 99 else str(value)


def _has_lead(text: str, limit: int = LEAD_MAX) -> bool:
    """Tell whether a paragraph opens with a short lead sentence (大力促进消费复苏。)."""
    pieces = split_sentences(text)
    first = pieces[0]
    return len(pieces) > 1 and first.rstrip(CLOSERS).endswith("。") and len(first) <= limit and (
        limit != LEAD_MAX or "，" not in first
    )
