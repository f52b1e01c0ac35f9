"""The tree being built while the body is read: drafts of the opening, the parts and their
sections, the closing and the appendices, each filled paragraph by paragraph and frozen
into the model when the text ends."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import headings
from .lines import Block
from .model import Appendix, Paragraph, Part, Section, Sentence

GLOSSARY_WORDS = ("名词解释", "名词注释", "名詞解釋", "名詞註釋", "名词解析", "注释", "註釋")


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


def paragraph(block: Block, kind: str) -> Paragraph:
    return Paragraph(kind, sentences(block.text, block.line), block.line)


def sentences(text: str, line: int) -> tuple[Sentence, ...]:
    return tuple(Sentence(piece, line) for piece in split_sentences(text))


@dataclass
class Container:
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
class SectionDraft(Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0
    value: int = 0

    def freeze(self) -> Section:
        return Section(self.ordinal, self.heading, tuple(self.paragraphs), self.line)


@dataclass
class PartDraft(Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0
    value: int = 0
    sections: list[SectionDraft] = field(default_factory=list)

    def freeze(self) -> Part:
        sections = tuple(s.freeze() for s in self.sections)
        return Part(self.ordinal, self.heading, tuple(self.paragraphs), sections, self.line)


@dataclass
class AppendixDraft(Container):
    ordinal: int = 0
    heading: str = ""
    line: int = 0

    def freeze(self) -> Appendix:
        glossary = any(word in self.heading for word in GLOSSARY_WORDS)
        return Appendix(self.ordinal, self.heading, tuple(self.paragraphs), self.line, glossary=glossary)


@dataclass
class Draft:
    """The whole tree being filled: the opening, the parts, the closing (`tail`, once an
    address to the audience starts it) and the appendices."""

    opening: Container = field(default_factory=Container)
    parts: list[PartDraft] = field(default_factory=list)
    tail: Container | None = None
    appendices: list[AppendixDraft] = field(default_factory=list)

    def container(self, tail: bool = True) -> Container:
        """Return the container a paragraph goes into now (the closing, once started)."""
        if tail and self.tail is not None:
            return self.tail
        if not self.parts:
            return self.opening
        part = self.parts[-1]
        return part.sections[-1] if part.sections else part
