"""The report as a tree of frozen dataclasses.

A report has front matter, parts, optional sections inside a part,
paragraphs and sentences, a closing, and appendices (附件, 名词解释) after it.
Every node keeps the line of the source text it came from. Ids (stable
anchors) and clause numbers (displayed, positional) are empty after parsing
and filled in by `anchors.assign`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable, Iterator, Union

PLAIN = "plain"
ITEM = "item"
INTRO = "intro"
INTERJECTION = "interjection"


@dataclass(frozen=True)
class Sentence:
    """A run of text ending after 。！？； and any closing quotes."""

    text: str
    line: int
    id: str = ""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the report.

    `kind` is PLAIN, ITEM (its first sentence is a lead such as 一是…。 or a
    short bold sentence), INTRO (the text after a section heading) or
    INTERJECTION (各位代表！).
    """

    kind: str
    sentences: tuple[Sentence, ...]
    line: int
    id: str = ""
    number: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)

    @property
    def lead(self) -> Sentence | None:
        return self.sentences[0] if self.kind == ITEM else None

    @property
    def body(self) -> tuple[Sentence, ...]:
        return self.sentences[1:] if self.kind == ITEM else self.sentences


@dataclass(frozen=True)
class Line:
    """A single line of front matter: dateline, speaker or salutation."""

    kind: str
    text: str
    line: int
    id: str = ""


@dataclass(frozen=True)
class Section:
    """A numbered section such as （一）着力促消费扩投资。 with its paragraphs."""

    ordinal: int
    heading: str
    paragraphs: tuple[Paragraph, ...]
    line: int
    id: str = ""
    number: str = ""

    @property
    def label(self) -> str:
        """Return the heading without its full stop, with full-width brackets."""
        return normalize_brackets(self.heading).rstrip("。")


@dataclass(frozen=True)
class Part:
    """A numbered part such as 一、过去五年和2022年工作回顾."""

    ordinal: int
    heading: str
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    line: int
    id: str = ""
    number: str = ""


@dataclass(frozen=True)
class Appendix:
    """An appendix after the report (附件1 名词解释), numbered on its own."""

    ordinal: int
    heading: str
    paragraphs: tuple[Paragraph, ...]
    line: int
    id: str = ""
    number: str = ""
    glossary: bool = False


@dataclass(frozen=True)
class FrontMatter:
    """What precedes part one: title, source, dateline, speaker, salutation, opening."""

    lines: tuple[Line, ...]
    opening: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Report:
    """The whole report."""

    front: FrontMatter
    parts: tuple[Part, ...]
    closing: tuple[Paragraph, ...]
    appendices: tuple[Appendix, ...] = ()


Node = Union[Part, Section, Appendix, Paragraph, Sentence, Line]


def transform(report: Report, change: Callable[[Node], Node]) -> Report:
    """Return a new report with `change` applied to every node, children first."""

    def paragraph(p: Paragraph) -> Paragraph:
        return change(replace(p, sentences=tuple(change(s) for s in p.sentences)))

    def section(s: Section) -> Section:
        return change(replace(s, paragraphs=tuple(paragraph(p) for p in s.paragraphs)))

    def part(p: Part) -> Part:
        inner = replace(p, paragraphs=tuple(paragraph(x) for x in p.paragraphs), sections=tuple(section(s) for s in p.sections))
        return change(inner)

    def appendix(a: Appendix) -> Appendix:
        return change(replace(a, paragraphs=tuple(paragraph(p) for p in a.paragraphs)))

    front = FrontMatter(tuple(change(line) for line in report.front.lines), tuple(paragraph(p) for p in report.front.opening))
    parts = tuple(part(p) for p in report.parts)
    closing = tuple(paragraph(p) for p in report.closing)
    return Report(front, parts, closing, tuple(appendix(a) for a in report.appendices))


def normalize_brackets(text: str) -> str:
    """Return text with half-width parentheses made full-width."""
    return text.replace("(", "（").replace(")", "）")


def paragraphs(report: Report) -> Iterator[Paragraph]:
    """Yield every paragraph in document order."""
    yield from report.front.opening
    for part in report.parts:
        yield from part.paragraphs
        for section in part.sections:
            yield from section.paragraphs
    yield from report.closing
    for appendix in report.appendices:
        yield from appendix.paragraphs


def sentences(report: Report) -> Iterator[Sentence]:
    """Yield every sentence in document order."""
    for paragraph in paragraphs(report):
        yield from paragraph.sentences


def nodes(report: Report) -> Iterator[Node]:
    """Yield every node that carries an id, in document order."""
    yield from report.front.lines
    yield from _paragraph_nodes(report.front.opening)
    for part in report.parts:
        yield part
        yield from _paragraph_nodes(part.paragraphs)
        for section in part.sections:
            yield section
            yield from _paragraph_nodes(section.paragraphs)
    yield from _paragraph_nodes(report.closing)
    for appendix in report.appendices:
        yield appendix
        yield from _paragraph_nodes(appendix.paragraphs)


def _paragraph_nodes(items: tuple[Paragraph, ...]) -> Iterator[Node]:
    for paragraph in items:
        yield paragraph
        yield from paragraph.sentences
