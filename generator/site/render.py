"""Rendering pages to Markdown with the Jinja2 templates in `templates/markdown`.

Every value printed by a template is escaped (see `escape`) unless it is
already Markup; templates only loop and branch.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path
from typing import Callable

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..anchors.changelog import changelog
from ..anchors.changelog import diff as changelog_diff
from ..anchors.clauses import flatten
from ..anchors.pages import PSEUDO_IDS, Page, locate, page_sentences
from ..editions.editions import EDITIONS
from ..editions.glossary import CATEGORIES
from ..editions.summaries import plain
from ..text.figures import found_figures
from ..text.model import Report
from . import structure
from .context import Site
from .escape import escape, escape_text, with_chinese_marked
from .links import relative_url, relpath
from .sentences import (
    chinese_links,
    english_sentencer,
    englisher,
    glossed,
    inline,
    removal_note,
    sentencer,
    source_sentencer,
    term_data,
    texter,
)

BLANK_LINES = re.compile(r"\n{3,}")
TEMPLATES = {
    "home": "home.md.j2",
    "part": "part.md.j2",
    "section": "section.md.j2",
    "closing": "closing.md.j2",
    "appendix": "appendix.md.j2",
    "revisions": "revisions.md.j2",
    "glossary": "glossary.md.j2",
    "figures": "figures.md.j2",
}


def environment(directory: Path, cache: Path | None = None) -> Environment:
    """Return the Jinja2 environment for the Markdown templates.

    With `cache`, compiled templates are kept in that folder and reused until
    their source changes (Jinja checks the source's checksum).
    """
    env = Environment(
        loader=FileSystemLoader(str(directory)),
        bytecode_cache=FileSystemBytecodeCache(str(_folder(cache))) if cache else None,
        undefined=StrictUndefined,
        autoescape=True,
        finalize=escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml"] = yaml_string
    env.filters["chinese_marked"] = with_chinese_marked
    env.filters["inline"] = inline
    env.filters["label"] = label
    env.filters["excerpt"] = excerpt
    env.globals["marked_diff"] = marked_diff
    return env


def yaml_string(value: object) -> Markup:
    """Return a text as a quoted YAML (JSON) string, for a page's front matter: a colon in it
    (Government work reports: State Council) can then not end the value."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def marked_diff(old: str, new: str, context: int = 16) -> Markup:
    """Return an edit as inline HTML: removed text in <del>, added text in <ins>, and
    only `context` characters of unchanged text around each change."""
    pieces = changelog_diff(old, new)
    html = []
    for index, (op, text) in enumerate(pieces):
        if op:
            html.append(f"<{op}>{escape_text(text)}</{op}>")
            continue
        first, last = index == 0, index == len(pieces) - 1
        if len(text) > 2 * context or (first or last) and len(text) > context:
            head = "" if first else text[:context]
            tail = "" if last else text[-context:]
            text = f"{head}…{tail}"
        html.append(escape_text(text))
    return Markup("".join(html))


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
    family = "en/" if site.edition.english else ""
    template = env.get_template(family + TEMPLATES[page.kind])
    return tidy(template.render(**_page_context(site, page, where), **_text_context(site, page),
                                **_reference_context(site, page, where)))


def _page_context(site: Site, page: Page, where: dict[str, Page]) -> dict:
    """Return what a template knows of the page, its report and its edition."""
    return dict(
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
        moved_away=site.moved_away.get(page.key, ()),
        cv=site.convert,
        label=site.label,
        chinese_heading=site.chinese_heading,
        page_of=lambda node: next(p for p in site.pages if p.subject is node),
        title_line=lambda: _title_line(site),
        structure=lambda: _structure(site, page, where),
        description=lambda: Markup(json.dumps(describe(site, page), ensure_ascii=False)),
        note=lambda stone: removal_note(site.edition, stone),
        log=changelog(site.lock, site.revisions) if page.kind == "revisions" else (),
    )


def _text_context(site: Site, page: Page) -> dict:
    """Return how a template prints the text: its sentences, their English, the summaries."""
    text = texter(site, page)
    return dict(
        text=text,
        sentences=sentencer(site, text),
        zh_sentences=sentencer(site, glossed(site, page)) if site.edition.english else None,
        source_sentences=source_sentencer(text),
        english_sentence=english_sentencer(site, page),
        translated=lambda key: site.translation.english(key),
        translation_state=site.translation.state,
        has_translation=bool(site.translation),
        summary=site.summaries.get,
        stale=site.stale,
        english=englisher(site, page),
        found_figures=found_figures,
        target_text=lambda clause_id: site.targets[clause_id].text,
        target_kind=lambda clause_id: site.targets[clause_id].kind,
    )


def _reference_context(site: Site, page: Page, where: dict[str, Page]) -> dict:
    """Return what a template links to: clauses, downloads, other editions, terms."""
    here = site.root() + page.url
    return dict(
        chinese=chinese_links(site, page, where),
        url=_url(site, page, where),
        download=lambda name: relative_url(here, site.base + "downloads/") + name,
        other_editions=lambda: [(e.name, relative_url(here, site.root(e) + page.url), e.code == site.edition.code, e.lang)
                                for e in EDITIONS],
        everywhere=lambda term: (relative_url(here, site.edition.prefix + "terms/") + "#" + term.anchor
                                 if term.shared and site.base else ""),
        term_data=term_data(site, page),
        terms=site.terms,
        places=site.places,
        categories=CATEGORIES,
    )


def _title_line(site: Site):
    """Return the report's title line when the page title is that line (none otherwise)."""
    line = next((line for line in site.report.front.lines if line.kind == "title"), None)
    return line if line is not None and line.text == site.meta.title else None


def tidy(markdown: str) -> str:
    """Return Markdown with at most one blank line between blocks and one final newline."""
    return BLANK_LINES.sub("\n\n", markdown).strip("\n") + "\n"


def describe(site: Site, page: Page, width: int = 150) -> str:
    """Return a page's description for search engines and share previews."""
    key = PSEUDO_IDS.get(page.kind) or page.subject.id
    summary = site.summaries.get(key)
    if site.edition.english and summary:
        text = plain(summary.text, site.term_name)
    elif page.kind in ("glossary", "figures"):
        text = site.edition.t(page.kind + "_intro").format(n=len(site.terms) if page.kind == "glossary" else len(site.figures))
    elif page.kind == "revisions":
        text = site.edition.t("revisions") + " · " + site.meta.title
    elif page.kind == "home":
        text = " ".join(line.text for line in site.report.front.lines[:2])
    else:
        sentences = [s.text for s in page_sentences(page) if len(s.text) > 8]
        text = "".join(sentences[:2])
    return text if len(text) <= width else text[: width - 1] + "…"


def _url(site: Site, page: Page, where: dict[str, Page]) -> Callable[[str], str]:
    """Return a function giving the URL of a clause from this page (for raw HTML)."""

    def url(clause_id: str) -> Markup:
        return Markup(escape_text(relative_url(page.url, where[clause_id].url) + "#" + clause_id).replace("&#35;", "#"))

    return url


def _structure(site: Site, page: Page, where: dict[str, Page]) -> Markup:
    """Return the SVG of the report's structure for the home page."""
    by_clause = {p.clause: p for p in site.pages}

    def href(key: str) -> str:
        return relative_url(page.url, by_clause[key].url)

    def label(key: str) -> str:
        return site.label(by_clause[key])

    rows = structure.blocks(site.report, href, label)
    return structure.svg(rows, site.edition.t("structure"), site.edition.t("structure_note"))


def _linker(page: Page, where: dict[str, Page]) -> Callable[[str], str]:
    """Return a function giving the Markdown link from this page to a node id."""
    here = posixpath.dirname(page.path) or "."

    def link(node_id: str, anchor: bool = True) -> Markup:
        path = relpath(where[node_id].path, here)
        return Markup(escape_text(f"{path}#{node_id}" if anchor else path).replace("&#35;", "#"))

    return link
