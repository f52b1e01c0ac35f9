"""Where the closing starts: at the first paragraph that addresses the audience (各位代表！,
同志们！) after a division heading, if the division keeps a paragraph, or at a 结束语
heading; a division heading that follows gives the paragraphs taken back to it."""

from __future__ import annotations

from .drafts import Container, Draft

CLOSING_HEADINGS = ("结束语", "结语", "結束語", "結語")


def may_close(draft: Draft, container: Container) -> bool:
    """Tell whether an address to the audience here may start the closing."""
    return bool(draft.parts) and bool(container.paragraphs)


def start_closing(draft: Draft) -> None:
    """Start the closing at a 结束语 heading (its first paragraph); what an earlier
    address to the audience had taken goes back to its division."""
    close_tail(draft)
    draft.tail = Container()


def close_tail(draft: Draft) -> None:
    """Give paragraphs after an interjection back to the division they stand in."""
    if draft.tail is not None:
        draft.container(tail=False).paragraphs.extend(draft.tail.paragraphs)
        draft.tail = None
