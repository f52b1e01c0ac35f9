"""Structural ids and displayed clause numbers.

An id looks like the clause's number at first publication and never depends
on the text: part 3 is `p3`, its section （一） is `p3-1`, the second
paragraph of that section `p3-1-2`, and that paragraph's fourth sentence
`p3-1-2-s4`. Paragraphs directly in a part are `p1-2`, or `p3-0-2` when the
part also has sections; the opening paragraphs are `p0-1`…, the closing
paragraphs `c-1`…, appendix 2 is `a2` with paragraphs `a2-1`…, and the
front-matter lines are `title`, `source`, `dateline`, `speaker` and
`salutation` (`speaker-2` for a second line of a kind).

The clause number (§3.1.2) is the same address written for readers; it is
always positional, while the id is frozen once published (see `lock`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping

from ..text.model import (
    INTERJECTION,
    Appendix,
    FrontMatter,
    Line,
    Paragraph,
    Part,
    Report,
    Section,
    Sentence,
    nodes,
    transform,
)


def assign(report: Report) -> Report:
    """Return the report with positional ids and clause numbers on every node."""
    front = FrontMatter(_lines(report.front.lines), _opening(report.front.opening))
    parts = tuple(_part(part) for part in report.parts)
    appendices = tuple(_appendix(a) for a in report.appendices)
    return Report(front, parts, _paragraphs(report.closing, "c", "§C"), appendices)


def _lines(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    seen: dict[str, int] = {}
    named = []
    for line in lines:
        seen[line.kind] = seen.get(line.kind, 0) + 1
        suffix = f"-{seen[line.kind]}" if seen[line.kind] > 1 else ""
        named.append(replace(line, id=line.kind + suffix))
    return tuple(named)


def _appendix(appendix: Appendix) -> Appendix:
    aid, number = f"a{appendix.ordinal}", f"§A{appendix.ordinal}"
    return replace(appendix, id=aid, number=number, paragraphs=_paragraphs(appendix.paragraphs, aid, number))


def _part(part: Part) -> Part:
    base, shown = f"p{part.ordinal}", f"§{part.ordinal}"
    prefix, number = (f"{base}-0", f"{shown}.0") if part.sections else (base, shown)
    return replace(
        part,
        id=base,
        number=shown,
        paragraphs=_paragraphs(part.paragraphs, prefix, number),
        sections=tuple(_section(s, base, shown) for s in part.sections),
    )


def _section(section: Section, base: str, shown: str) -> Section:
    sid, number = f"{base}-{section.ordinal}", f"{shown}.{section.ordinal}"
    return replace(section, id=sid, number=number, paragraphs=_paragraphs(section.paragraphs, sid, number))


def _opening(items: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Return the opening's paragraphs with their ids; an address to the audience (各位代表！)
    keeps its id but is no clause of the opening: it has no number, and the numbers of
    the paragraphs after it do not count it."""
    numbered = 0
    found = []
    for i, p in enumerate(items, start=1):
        numbered += p.kind != INTERJECTION
        found.append(_paragraph(p, f"p0-{i}", "" if p.kind == INTERJECTION else f"§0.{numbered}"))
    return tuple(found)


def _paragraphs(items: tuple[Paragraph, ...], prefix: str, shown: str) -> tuple[Paragraph, ...]:
    return tuple(_paragraph(p, f"{prefix}-{i}", f"{shown}.{i}") for i, p in enumerate(items, start=1))


def _paragraph(paragraph: Paragraph, pid: str, number: str) -> Paragraph:
    sentences = tuple(_sentence(s, f"{pid}-s{j}") for j, s in enumerate(paragraph.sentences, start=1))
    return replace(paragraph, id=pid, number=number, sentences=sentences)


def _sentence(sentence: Sentence, sid: str) -> Sentence:
    return replace(sentence, id=sid)


def rename(report: Report, ids: Mapping[str, str]) -> Report:
    """Return the report with every positional id replaced by its final id."""
    return transform(report, lambda node: replace(node, id=ids.get(node.id, node.id)))


def check_unique(report: Report) -> list[str]:
    """Return the ids that occur more than once (empty when all are unique)."""
    seen: set[str] = set()
    repeated = []
    for node in nodes(report):
        if node.id in seen:
            repeated.append(node.id)
        seen.add(node.id)
    return repeated

