"""Rendering pages to Markdown with the Jinja2 templates in `templates/markdown`.

Every value printed by a template is escaped (see `escape`) unless it is
already Markup; templates only loop and branch.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .changelog import changelog
from .editions import Edition
from .escape import escape, escape_text
from .lock import Lock
from .metadata import Metadata
from .model import Report, Sentence, nodes
from .pages import Page, locate
from .reconcile import flatten
from .revisions import Revision
from .tombstones import Pointer, Tombstones, pointers

BLANK_LINES = re.compile(r"\n{3,}")
TEMPLATES = {
    "home": "home.md.j2",
    "part": "part.md.j2",
    "section": "section.md.j2",
    "closing": "closing.md.j2",
    "revisions": "revisions.md.j2",
}


@dataclass(frozen=True)
class Site:
    """Everything a page template may refer to."""

    report: Report
    meta: Metadata
    edition: Edition
    pages: tuple[Page, ...]
    lock: Lock
    stones: Tombstones
    revisions: tuple[Revision, ...]
    convert: Callable[[str], str] = str

    @cached_property
    def numbers(self) -> dict[str, str]:
        """Return the clause number of every id that has one."""
        return {node.id: node.number for node in nodes(self.report) if getattr(node, "number", "")}

    @cached_property
    def moved_away(self) -> dict[str, tuple[Pointer, ...]]:
        """Return, by page path, the clauses that moved to another page."""
        return pointers(self.lock)


def environment(directory: Path) -> Environment:
    """Return the Jinja2 environment for the Markdown templates."""
    env = Environment(
        loader=FileSystemLoader(str(directory)),
        undefined=StrictUndefined,
        autoescape=True,
        finalize=escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["inline"] = inline
    env.filters["label"] = label
    env.filters["excerpt"] = excerpt
    return env


def inline(sentence: Sentence) -> Markup:
    """Return the sentence text as safe inline Markdown."""
    return Markup(escape_text(sentence.text))


def excerpt(text: str, width: int = 40) -> str:
    """Return the start of a text, with an ellipsis when cut."""
    return text if len(text) <= width else text[:width] + "…"


def label(text: str) -> str:
    """Return a heading sentence as a short label: without its full stop."""
    return text.rstrip("。；")


def kinds(report: Report) -> dict[str, str]:
    """Return the kind (part, section, paragraph, sentence, line) of every id."""
    return {clause.key: clause.kind for clause in flatten(report)}


def render(env: Environment, site: Site) -> dict[str, str]:
    """Return the Markdown of every page of the site, by path."""
    where = locate(site.pages)
    for stone in site.stones.all():
        for clause in (stone.id, *stone.nested):
            where[clause] = where[stone.anchor]
    return {page.path: render_page(env, site, page, where) for page in site.pages}


def render_page(env: Environment, site: Site, page: Page, where: dict[str, Page]) -> str:
    """Return the Markdown of one page."""
    template = env.get_template(TEMPLATES[page.kind])
    markdown = template.render(
        site=site,
        report=site.report,
        meta=site.meta,
        edition=site.edition,
        page=page,
        subject=page.subject,
        t=site.edition.t,
        link=_linker(page, where),
        pages=site.pages,
        stones=site.stones,
        numbers=site.numbers,
        moved_away=site.moved_away.get(page.path, ()),
        cv=site.convert,
        log=changelog(site.lock, site.revisions) if page.kind == "revisions" else (),
    )
    return tidy(markdown)


def tidy(markdown: str) -> str:
    """Return Markdown with at most one blank line between blocks and one final newline."""
    return BLANK_LINES.sub("\n\n", markdown).strip("\n") + "\n"


def _linker(page: Page, where: dict[str, Page]) -> Callable[[str], str]:
    """Return a function giving the Markdown link from this page to a node id."""
    here = posixpath.dirname(page.path)

    def link(node_id: str, anchor: bool = True) -> Markup:
        target = where[node_id]
        path = posixpath.relpath(target.path, here or ".")
        return Markup(escape_text(f"{path}#{node_id}" if anchor else path).replace("&#35;", "#"))

    return link
