"""Parse the plain text of a work report into a `Report` tree.

The text is read as lines (stripped, with the fragments of a broken paragraph
joined: see `lines`), then its heading block (title, dateline, speaker,
salutation: see `frontmatter`), then the body, block by block:

- Divisions (see `divisions`): parts and sections, in the one or two
  numbering styles the report uses, ranked by first use: 一、 parts with
  （一） sections in most reports, （一） parts with 一、 sections in some,
  unnumbered parts with numbered sections in others.
- Items: 一是…, 第一，…, —— lines, and, in a section, paragraphs that open
  with a short lead sentence (大力促进消费复苏。…).
- Closing (see `closing`): from the first paragraph that addresses the
  audience (各位代表！) after the last division heading, if that division
  keeps a paragraph.
- Appendices (see `appendices`): a line such as 附件1, 附件2 名词解释 or
  十件民生实事 after the body starts an appendix, numbered on its own; a 名词解释
  appendix is a glossary.

The tree is filled as a `drafts.Draft` and frozen into the model at the end.
"""

from __future__ import annotations

import re

from . import appendices, frontmatter, headings, lines, numerals
from .closing import may_close
from .divisions import Divisions
from .drafts import Container, Draft, SectionDraft, paragraph, split_sentences
from .errors import InputError, Problem, raise_if_any
from .lines import Block
from .model import INTERJECTION, ITEM, FrontMatter, Line, Report
from .model import PLAIN as PLAIN_KIND

__all__ = ["blocks", "parse", "read", "split_sentences"]

CLOSERS = headings.CLOSERS
LEAD_MAX = 25
INTERJECTION_RE = re.compile(r"^[^，。；！？：]{1,12}[！!]$")


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
    raise_if_any(builder.divisions.problems)
    return builder.report(_front_lines(front)), tuple(builder.divisions.notes)


def _front_lines(front: tuple[frontmatter.FrontLine, ...]) -> tuple[Line, ...]:
    return tuple(Line(line.kind, line.text, line.line) for line in front)


class _Builder:
    """Feeds blocks in order into the opening, parts, sections, closing and appendices:
    `divisions` decides the headings, `closing` where the closing starts, `appendices`
    what follows the body; the rest are paragraphs of the current container."""

    def __init__(self, path: str):
        self.draft = Draft()
        self.divisions = Divisions(path, self.draft)
        self._previous_open = False

    def add(self, block: Block, following: str) -> None:
        """Place one block in the tree being built."""
        if self.draft.appendices or appendices.starts(self.draft, block):
            appendices.add(self.draft, block, self._kind)
        elif not self.divisions.open(block, following, self._previous_open):
            self._add_paragraph(block)
        self._previous_open = not headings.terminated(block.text)

    def report(self, front: tuple[Line, ...]) -> Report:
        """Return the tree built, frozen."""
        draft = self.draft
        return Report(FrontMatter(front, tuple(draft.opening.paragraphs)), tuple(p.freeze() for p in draft.parts),
                      tuple(draft.tail.paragraphs) if draft.tail else (), tuple(a.freeze() for a in draft.appendices))

    def _add_paragraph(self, block: Block) -> None:
        container = self.draft.container()
        if self.draft.tail is None and headings.interjection(block.text) and may_close(self.draft, container):
            self.draft.tail = Container()
            container = self.draft.tail
        kind = self._kind(block, container)
        number = headings.numbered(block.text)
        if number is not None:
            head = None if block.joined else headings.heading(block.text)
            container.note_list_item(number.style, number.value, head is not None and head.standalone)
        container.paragraphs.append(paragraph(block, kind))

    @staticmethod
    def _kind(block: Block, container: Container) -> str:
        text = block.text
        match = headings.ITEM_RE.match(text)
        if match and numerals.to_int(match.group(1)) == container.items + 1:
            container.items += 1
            return ITEM
        if headings.ORDINAL_RE.match(text) and len(headings.first_sentence(text)) <= headings.HEADING_MAX:
            return ITEM
        if headings.DASH_RE.match(text) and _has_lead(text, headings.RUN_IN_MAX):
            return ITEM
        if isinstance(container, SectionDraft) and _has_lead(text):
            return ITEM
        return INTERJECTION if INTERJECTION_RE.match(text) else PLAIN_KIND


def _has_lead(text: str, limit: int = LEAD_MAX) -> bool:
    """Tell whether a paragraph opens with a short lead sentence (大力促进消费复苏。)."""
    pieces = split_sentences(text)
    first = pieces[0]
    return len(pieces) > 1 and first.rstrip(CLOSERS).endswith("。") and len(first) <= limit and (
        limit != LEAD_MAX or "，" not in first
    )
