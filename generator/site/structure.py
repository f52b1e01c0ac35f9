"""The report at a glance: an SVG of its parts and sections, sized by length.

One row per part (and one for the closing), each as long as its share of
the text; a part with sections is split into one block per section (and
one for the paragraphs before them). Every block links to its page and is
labelled in text, so that screen readers read the structure as a list of
links.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from ..text.model import Part, Report
from .escape import escape_text as escape

WIDTH, ROW, GAP, LABEL = 640, 30, 28, 16


@dataclass(frozen=True)
class Block:
    """A part, a section or the closing: its label, its length in characters, its link."""

    label: str
    short: str
    length: int
    href: str


def blocks(report: Report, href: Callable[[str], str], label: Callable[[str], str]) -> list[tuple[Block, list[Block]]]:
    """Return one row per part (and the closing): the part and its section blocks.

    `href` gives the link and `label` the name of a part or section id (and of
    'closing').
    """
    rows = []
    for part in report.parts:
        name = label(part.id)
        rows.append((Block(name, name, _length(part), href(part.id)), _sections(part, href, label)))
    if report.closing:
        length = sum(len(p.text) for p in report.closing)
        rows.append((Block(label("closing"), label("closing"), length, href("closing")), []))
    for appendix in report.appendices:
        length = len(appendix.heading) + sum(len(p.text) for p in appendix.paragraphs)
        name = label(appendix.id)
        rows.append((Block(name, name, length, href(appendix.id)), []))
    return rows


def _length(part: Part) -> int:
    text = sum(len(p.text) for p in part.paragraphs)
    return text + sum(len(s.heading) + sum(len(p.text) for p in s.paragraphs) for s in part.sections)


def _sections(part: Part, href: Callable[[str], str], label: Callable[[str], str]) -> list[Block]:
    if not part.sections:
        return []
    found = []
    if part.paragraphs:
        found.append(Block(label(part.id), "", sum(len(p.text) for p in part.paragraphs), href(part.id)))
    for s in part.sections:
        name = label(s.id)
        short = name[: name.find("）") + 1] if "）" in name else name[: name.find(")") + 1]
        found.append(Block(name, short, len(s.heading) + sum(len(p.text) for p in s.paragraphs), href(s.id)))
    return found


def svg(rows: list[tuple[Block, list[Block]]], title: str, note: str) -> Markup:
    """Return the SVG (with its title and description) as safe markup; nothing for no rows."""
    if not rows:
        return Markup("")
    longest = max(1, max(block.length for block, _ in rows))
    height = len(rows) * (ROW + GAP + LABEL)
    parts = [
        '<div class="structure-box">',
        f'<svg class="structure" role="group" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="structure-title structure-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="structure-title">{escape(title)}</title><desc id="structure-desc">{escape(note)}</desc>',
    ]
    for index, (block, sections) in enumerate(rows):
        top = index * (ROW + GAP + LABEL)
        width = WIDTH * block.length / longest
        parts.append(_link(block, 0, top + LABEL, width, "structure__part", block.label, top + LABEL - 5))
        x = 0.0
        for section in sections:
            share = width * section.length / max(1, block.length)
            if section.short:
                parts.append(_link(section, x, top + LABEL, share, "structure__section", section.short, None))
            x += share
    parts.append("</svg></div>")
    return Markup("".join(parts))  # a block of raw HTML: Markdown leaves it alone


def _link(block: Block, x: float, y: float, width: float, cls: str, text: str, label_y: float | None) -> str:
    name = escape(block.label)
    label = escape(text)
    caption = (
        f'<text x="{x + 2:.1f}" y="{label_y:.1f}" class="structure__label">{label}</text>'
        if label_y is not None
        else f'<text x="{x + width / 2:.1f}" y="{y + ROW / 2 + 5:.1f}" text-anchor="middle" class="structure__short">{label}</text>'
    )
    return (
        f'<a href="{escape(block.href)}" class="{cls}" aria-label="{name}"><title>{name}</title>'
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(width - 2, 1):.1f}" height="{ROW}" rx="2"/>{caption}</a>'
    )
