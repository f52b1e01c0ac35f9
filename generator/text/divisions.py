"""Divisions: whether a heading line opens a part or a section.

A report numbers its divisions in one or two styles (一、, （一）, or unnumbered
heading lines such as 2024年工作回顾; see `headings`). As reStructuredText ranks
its title adornments, the first style that opens a division gives the parts and
the next one the sections inside a part. A division opens only in sequence
(二、 after 一、); a numbered line that starts again at 一 or goes on with a
list inside a part is a paragraph of it. A standalone heading that skips a
number opens its division with a note; one that goes back is an error naming
its line, reported once per level.
"""

from __future__ import annotations

from . import headings, numerals
from .closing import CLOSING_HEADINGS, close_tail, start_closing
from .drafts import Container, Draft, PartDraft, SectionDraft, sentences
from .errors import Problem
from .headings import PLAIN, Heading
from .lines import Block
from .model import INTRO, Paragraph


class Divisions:
    """Decides, block by block, which heading lines open parts and sections of a draft."""

    def __init__(self, path: str, draft: Draft):
        self.path = path
        self.draft = draft
        self.problems: list[Problem] = []
        self.notes: list[Problem] = []
        self._styles: list[str] = []
        self._broken: set[int] = set()

    def open(self, block: Block, following: str, previous_open: bool) -> bool:
        """Open the part or section a heading line starts; return whether it did.
        `previous_open` tells whether the block before ended without a full stop."""
        head = None if block.joined else headings.heading(block.text)
        if head is None or (head.style == PLAIN and not self._plain_heading(following, previous_open)):
            return False
        if head.style == PLAIN and head.heading in CLOSING_HEADINGS and self.draft.parts:
            start_closing(self.draft)
            return False
        if head.standalone and head.style != PLAIN and _same_style_next(head, following):
            return False
        level = self._level(head)
        expected = self._expected(level)
        if expected is None:
            return False
        if self._opens(head, expected, self.draft.container()):
            self._open(level, block, head)
            return True
        return self._out_of_sequence(block, head, level, expected)

    def _expected(self, level: int | None) -> int | None:
        """Return the number the next division of a level should bear (None: no such level)."""
        parts = self.draft.parts
        if level == 0:
            return (parts[-1].value if parts else 0) + 1
        if level == 1 and parts:
            sections = parts[-1].sections
            return (sections[-1].value if sections else 0) + 1
        return None

    @staticmethod
    def _plain_heading(following: str, previous_open: bool) -> bool:
        """Tell whether an unnumbered heading-like line stands between paragraphs."""
        return not previous_open and headings.substantial(following)

    def _level(self, head: Heading) -> int | None:
        """Return 0 (part) or 1 (section) for the style of a heading; rank a new style."""
        if head.style in self._styles:
            return self._styles.index(head.style)
        if len(self._styles) < 2 and head.value in (0, 1) and (self.draft.parts or not self._styles):
            self._styles.append(head.style)
            return len(self._styles) - 1
        return None

    @staticmethod
    def _opens(head: Heading, expected: int, container: Container) -> bool:
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
        listed = self.draft.container().listed(head.style, head.value)
        if head.value == 1 or listed is not None or not head.standalone:
            return False
        what = ("part", "section")[level]
        mark = "、" if head.style == headings.DUN else "）"
        wanted = f"{numerals.from_int(expected)}{mark}"
        if head.value > expected:
            self.notes.append(Problem(self.path, block.line, f"{what} {_numeral(head.value)}{mark} follows "
                                      f"{_numeral(expected - 1)}{mark}: the text has no {wanted}"))
            self._open(level, block, head)
            return True
        if level not in self._broken:
            self._broken.add(level)
            self.problems.append(Problem(self.path, block.line, f"{what} {_numeral(head.value)}{mark} is out of "
                                         f"sequence: expected {wanted}"))
        return False

    def _open(self, level: int, block: Block, head: Heading) -> None:
        """Open a part (level 0) or a section of the last part (level 1)."""
        close_tail(self.draft)
        if level == 0:
            ordinal = len(self.draft.parts) + 1
            division = PartDraft(ordinal=ordinal, heading=head.heading, line=block.line, value=head.value or ordinal)
            self.draft.parts.append(division)
        else:
            ordinal = len(self.draft.parts[-1].sections) + 1
            division = SectionDraft(ordinal=ordinal, heading=head.heading, line=block.line, value=head.value or ordinal)
            self.draft.parts[-1].sections.append(division)
        if head.rest:
            division.paragraphs.append(Paragraph(INTRO, sentences(head.rest, block.line), block.line))


def _same_style_next(head: Heading, following: str) -> bool:
    """Tell whether a heading line is followed at once by the next number of its style:
    then both are items of a list ((一)要使…。 / (二)在…), not divisions with content."""
    number = headings.numbered(following)
    return number is not None and number.style == head.style and number.value == head.value + 1


def _numeral(value: int) -> str:
    return numerals.from_int(value) if 1 <= value <= 99 else str(value)
