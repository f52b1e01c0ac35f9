"""The parsed report flattened into clauses: every line, part, section, paragraph and
sentence with its positional key, kind, parent, number and text, in document order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..text.model import Paragraph, Report

LINE, PART, SECTION, PARAGRAPH, SENTENCE, PAGE = "line", "part", "section", "paragraph", "sentence", "page"


APPENDIX = "appendix"


@dataclass(frozen=True)
class Clause:
    """A node of the new tree, flattened: keyed by its positional id."""

    key: str
    kind: str
    parent: str
    position: int
    number: str
    text: str
    line: int
    suffix: str


def flatten(report: Report) -> list[Clause]:
    """Return every node of a report with positional ids, parents before children."""
    out = [Clause(line.id, LINE, "", 0, "", line.text, line.line, line.id) for line in report.front.lines]
    out += _paragraph_clauses(report.front.opening, "opening", "")
    for part in report.parts:
        out.append(Clause(part.id, PART, "", part.ordinal, part.number, part.heading, part.line, part.id))
        out += _paragraph_clauses(part.paragraphs, part.id, part.id)
        for section in part.sections:
            suffix = section.id.removeprefix(part.id)
            out.append(Clause(section.id, SECTION, part.id, section.ordinal, section.number, section.heading, section.line, suffix))
            out += _paragraph_clauses(section.paragraphs, section.id, section.id)
    out += _paragraph_clauses(report.closing, "closing", "")
    for appendix in report.appendices:
        out.append(Clause(appendix.id, APPENDIX, "", appendix.ordinal, appendix.number, appendix.heading,
                          appendix.line, appendix.id))
        out += _paragraph_clauses(appendix.paragraphs, appendix.id, appendix.id)
    return out


def _paragraph_clauses(items: Iterable[Paragraph], parent: str, prefix: str) -> list[Clause]:
    out = []
    for position, p in enumerate(items, start=1):
        out.append(Clause(p.id, PARAGRAPH, parent, position, p.number, p.text, p.line, p.id.removeprefix(prefix)))
        for j, s in enumerate(p.sentences, start=1):
            out.append(Clause(s.id, SENTENCE, p.id, j, "", s.text, s.line, s.id.removeprefix(p.id)))
    return out
