"""Appendices: a line such as 附件1, 附件2 名词解释 or 十件民生实事 after the body starts an
appendix, numbered on its own; a heading line right after one that has no paragraph yet
(附件1 / 名词解释) completes its heading."""

from __future__ import annotations

from typing import Callable

from . import headings
from .drafts import AppendixDraft, Container, Draft, paragraph
from .lines import Block

APPENDIX_RE = headings.APPENDIX_RE


def starts(draft: Draft, block: Block) -> bool:
    """Tell whether a line starts an appendix (附件1, 名词解释, 十件民生实事) after the body."""
    return bool(draft.parts or draft.opening.paragraphs) and headings.appendix(block.text)


def add(draft: Draft, block: Block, kind: Callable[[Block, Container], str]) -> None:
    """Place a line of the appendices: a new appendix, more of its heading, or a paragraph."""
    current = draft.appendices[-1] if draft.appendices else None
    if starts(draft, block):
        if current is not None and not current.paragraphs and not APPENDIX_RE.match(block.text):
            current.heading = f"{current.heading} {block.text}"
            return
        if current is None or current.paragraphs:
            ordinal = len(draft.appendices) + 1
            draft.appendices.append(AppendixDraft(ordinal=ordinal, heading=block.text, line=block.line))
            return
    container = draft.appendices[-1]
    container.paragraphs.append(paragraph(block, kind(block, container)))
