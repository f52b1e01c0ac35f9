"""Rendering pages to Markdown with the Jinja2 templates in `templates/markdown`.

Every value printed by a template is escaped (see `escape`) unless it is
already Markup; templates only loop and branch.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Mapping

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..anchors.changelog import changelog
from ..anchors.changelog import diff as changelog_diff
from ..anchors.lock import Lock
from ..anchors.pages import APPENDIX, PART, PSEUDO_IDS, SECTION, Page, locate, page_sentences, page_summaries, title
from ..anchors.reconcile import flatten
from ..anchors.revisions import Revision
from ..anchors.tombstones import Pointer, Tombstones, pointers
from ..editions.conversion import Converter
from ..editions.editions import CHINESE, EDITIONS, Edition
from ..editions.glossary import CATEGORIES, Mark, Place, Term, places
from ..editions.highlights import Highlight
from ..editions.summaries import CLOSING, MARKER, REPORT, Summary, Target, plain, segments
from ..editions.translation import Translation
from ..text.figures import Figure, found_figures
from ..text.figures import english as english_figure
from ..text.metadata import Metadata
from ..text.model import Report, Sentence, nodes
from . import structure
from .escape import escape, escape_text

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
    convert: Converter = Converter()
    terms: tuple[Term, ...] = ()
    marks: Mapping[str, tuple[Mark, ...]] = field(default_factory=dict)
    summaries: Mapping[str, Summary] = field(default_factory=dict)
    targets: Mapping[str, Target] = field(default_factory=dict)
    term_ids: Mapping[str, str] = field(default_factory=dict)
    highlights: tuple[Highlight, ...] = ()
    source_figures: tuple[Figure, ...] = ()
    base: str = ""  # where the report stands in the site: "jilin/2023/" in the archive, "" alone
    translation: Translation = Translation({}, {})

    def root(self, edition: Edition | None = None) -> str:
        """Return the URL folder of the report in an edition (this one by default): zh-tw/jilin/2023/."""
        return (edition or self.edition).prefix + self.base

    @functools.cached_property
    def figures(self) -> tuple[Figure, ...]:
        """Return every figure, found in the source text, written in this edition's script."""
        texts = (text for f in self.source_figures for text in (f.value, f.phrase, f.context))
        table = self.convert.many(texts)
        return tuple(replace(f, value=table[f.value], phrase=table[f.phrase], context=table[f.context])
                     for f in self.source_figures)

    @functools.cached_property
    def figure_groups(self) -> list[tuple[str, str, list[Figure]]]:
        """Return the figures by part and section: (heading, anchor, figures)."""
        owner = {}
        english = self.edition.english and self.translation

        def named(node, chinese: str) -> str:
            return MARKER.sub(lambda m: m.group(2) or m.group(1), self.translation.english(node.id)) if english and \
                self.translation.english(node.id) else chinese

        for part in self.report.parts:
            for p in part.paragraphs:
                owner[p.id] = (named(part, part.heading), "figures-" + part.id)
            for section in part.sections:
                for p in section.paragraphs:
                    owner[p.id] = (named(section, section.label), "figures-" + section.id)
        for p in self.report.front.opening:
            owner[p.id] = (self.edition.t("home"), "figures-opening")
        for p in self.report.closing:
            owner[p.id] = (self.edition.t("closing"), "figures-closing")
        for appendix in self.report.appendices:
            for p in appendix.paragraphs:
                owner[p.id] = (appendix.heading, "figures-" + appendix.id)
        groups: dict[str, tuple[str, str, list[Figure]]] = {}
        for figure in self.figures:
            heading, anchor = owner[figure.clause]
            groups.setdefault(anchor, (heading, anchor, []))[2].append(figure)
        return list(groups.values())

    @functools.cached_property
    def cited(self) -> dict[str, set[str]]:
        """Return, for each paragraph id, the figures its English summaries cite."""
        found: dict[str, set[str]] = {}
        for part in self.report.parts:
            sections = {p.id: s.id for s in part.sections for p in s.paragraphs}
            for p in part.paragraphs + tuple(q for s in part.sections for q in s.paragraphs):
                covering = (p.id, sections.get(p.id, ""), part.id, REPORT)
                found[p.id] = {f for key in covering if key in self.summaries for f in self.summaries[key].figures}
        for p in self.report.closing:
            found[p.id] = set(self.summaries[CLOSING].figures) if CLOSING in self.summaries else set()
        for appendix in self.report.appendices:
            for p in appendix.paragraphs:
                covering = (p.id, appendix.id)
                found[p.id] = {f for key in covering if key in self.summaries for f in self.summaries[key].figures}
        return found

    def figure_english(self, figure: Figure) -> str:
        """Return a figure in English when the report is translated or an English summary
        cites it, else ''."""
        source = self._source_values[figure.id]
        cited = self.translation.state(figure.sentence) == "current" or source in self.cited.get(figure.clause, set())
        return english_figure(source) if cited else ""

    def sentence_english(self, sentence_id: str) -> str:
        """Return a sentence's English as plain text ('' when there is none yet)."""
        text = self.translation.english(sentence_id)
        return plain(text, self.term_name)

    @functools.cached_property
    def _source_values(self) -> dict[str, str]:
        return {f.id: f.value for f in self.source_figures}

    @functools.cached_property
    def terms_by_id(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    def term_name(self, key: str) -> str:
        """Return the English name of the term a [[key]] marker names ('' for no term)."""
        term = self.terms_by_id.get(self.term_ids.get(key, ""))
        return term.en if term is not None else ""

    def stale(self, clause_id: str) -> bool:
        """Tell whether the Chinese text of a clause changed since its summary was written."""
        summary, target = self.summaries.get(clause_id), self.targets.get(clause_id)
        return bool(summary and target and summary.fingerprint != target.fingerprint)

    def label(self, page: Page) -> str:
        """Return the nav title of a page in this edition."""
        if not self.edition.english or page.kind not in (PART, SECTION, APPENDIX):
            return title(page, self.edition.t)
        summary = self.summaries.get(page.subject.id)
        name = self.translation.english(page.subject.id) or (summary.title if summary else "")
        if not name:
            if page.kind == SECTION:
                return self.edition.t("section").format(number=page.subject.number.removeprefix("§"))
            return self.edition.t(page.kind).format(n=page.subject.ordinal)
        name = MARKER.sub(lambda m: m.group(2) or m.group(1), name) if "[[" in name else name
        if page.kind in (PART, APPENDIX):
            return f"{self.edition.t(page.kind).format(n=page.subject.ordinal)}. {name}"
        return f"({page.subject.ordinal}) {name}"

    @functools.cached_property
    def places(self) -> dict[str, tuple[Place, ...]]:
        """Return the clauses where each term occurs."""
        return places(self.terms, self.report, self.marks)

    @functools.cached_property
    def glossary_url(self) -> str:
        return next((p.url for p in self.pages if p.kind == "glossary"), "")

    @functools.cached_property
    def numbers(self) -> dict[str, str]:
        """Return the clause number of every id that has one."""
        return {node.id: node.number for node in nodes(self.report) if getattr(node, "number", "")}

    @functools.cached_property
    def moved_away(self) -> dict[str, tuple[Pointer, ...]]:
        """Return, by page path, the clauses that moved to another page."""
        return pointers(self.lock)


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
    env.filters["inline"] = inline
    env.filters["label"] = label
    env.filters["excerpt"] = excerpt
    env.globals["marked_diff"] = marked_diff
    return env


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def inline(sentence: Sentence) -> Markup:
    """Return the sentence text as safe inline Markdown."""
    return Markup(escape_text(sentence.text))


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
        moved_away=site.moved_away.get(page.key, ()),
        cv=site.convert,
        summary=site.summaries.get,
        stale=site.stale,
        english=_englisher(site, page),
        chinese=_chinese_links(site, page, where),
        label=site.label,
        found_figures=found_figures,
        target_text=lambda clause_id: site.targets[clause_id].text,
        target_kind=lambda clause_id: site.targets[clause_id].kind,
        page_of=lambda node: next(p for p in site.pages if p.subject is node),
        title_line=lambda: _title_line(site),
        url=_url(site, page, where),
        download=lambda name: relative_url(site.root() + page.url, site.base + "downloads/") + name,
        other_editions=lambda: [(e.name, relative_url(site.root() + page.url, site.root(e) + page.url), e.code == site.edition.code)
                                for e in EDITIONS],
        everywhere=lambda term: (relative_url(site.root() + page.url, site.edition.prefix + "terms/") + "#" + term.anchor
                                 if term.shared and site.base else ""),
        structure=lambda: _structure(site, page, where),
        description=lambda: Markup(json.dumps(describe(site, page), ensure_ascii=False)),
        text=(text := _texter(site, page)),
        sentences=_sentencer(site, text),
        source_sentences=_source_sentencer(text),
        english_sentence=_english_sentencer(site, page),
        translated=lambda key: site.translation.english(key),
        translation_state=site.translation.state,
        has_translation=bool(site.translation),
        note=lambda stone: removal_note(site.edition, stone),
        term_data=_term_data(site, page),
        terms=site.terms,
        places=site.places,
        categories=CATEGORIES,
        log=changelog(site.lock, site.revisions) if page.kind == "revisions" else (),
    )
    return tidy(markdown)


def _title_line(site: Site):
    """Return the report's title line when the page title is that line (none otherwise)."""
    line = next((line for line in site.report.front.lines if line.kind == "title"), None)
    return line if line is not None and line.text == site.meta.title else None


def tidy(markdown: str) -> str:
    """Return Markdown with at most one blank line between blocks and one final newline."""
    return BLANK_LINES.sub("\n\n", markdown).strip("\n") + "\n"


def relative_url(source: str, target: str) -> str:
    """Return the link from one directory URL of the site to another."""
    path = _relpath(target or ".", source or ".")
    return "./" if path == "." else path + "/"


@functools.lru_cache(maxsize=4096)
def _relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)


def _texter(site: Site, page: Page) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence as Markup, with its terms linked to the glossary."""
    glossary = relative_url(page.url, site.glossary_url)

    def text(sentence: Sentence) -> Markup:
        pieces, cursor = [], 0
        for mark in site.marks.get(sentence.id, ()):
            pieces.append(escape_text(sentence.text[cursor : mark.start]))
            term = escape_text(sentence.text[mark.start : mark.end])
            pieces.append(f'<a class="term" href="{glossary}#g-{mark.term}" data-term="{mark.term}">{term}</a>')
            cursor = mark.end
        pieces.append(escape_text(sentence.text[cursor:]))
        return Markup("".join(pieces))

    return text


def _sentencer(site: Site, text: Callable[[Sentence], Markup]) -> Callable[..., Markup]:
    """Return a function giving sentences as spans with their ids, and the tombstones of
    removed sentences between them; `text` gives a sentence's text (None: the span is empty)."""

    def sentences(items: tuple[Sentence, ...], text=text) -> Markup:
        pieces = []
        for s in items:
            marked, key = s.id in site.stones, escape_text(s.id)
            if marked:
                pieces.append(_inline_stones(site, s.id, "before"))
            if text is None:
                pieces.append(f'<span id="{key}"></span>')
            else:
                pieces.append(f'<span class="s" id="{key}">{text(s)}</span>')
            if marked:
                pieces.append(_inline_stones(site, s.id, "after"))
        return Markup("".join(pieces))

    return sentences


def _source_sentencer(text: Callable[[Sentence], Markup]) -> Callable[..., Markup]:
    """Return a function giving sentences as spans named by data-s (not id): the Chinese
    beside the English, whose ids the English spans carry."""

    def sentences(items: tuple[Sentence, ...]) -> Markup:
        return Markup("".join(f'<span class="s" data-s="{escape_text(s.id)}">{text(s)}</span>' for s in items))

    return sentences


def _english_sentencer(site: Site, page: Page) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence's English, glossary terms linked; out of date or
    pending English says so."""
    english = _english_text(site, page)

    def sentence(s: Sentence) -> Markup:
        state = site.translation.state(s.id)
        if state == "pending":
            return Markup(f'<span class="pending">{escape_text(site.edition.t("translation_pending"))}</span> ')
        text = english(site.translation.english(s.id))
        if state == "stale":
            note = escape_text(site.edition.t("translation_stale"))
            return Markup(f'{text}<span class="stale-mark" role="note" title="{note}" aria-label="{note}">*</span> ')
        return text + Markup(" ")

    return sentence


QUOTE_OPENS = re.compile(r'(^|[\s(\[{|\u2014\u2013/])"')
APOSTROPHE = re.compile(r"(?<=\w)'|'(?=\w)")


def curly(text: str) -> str:
    """Return English with typewriter quotes as typographic ones: "a" -> \u201ca\u201d, it's -> it\u2019s."""
    text = QUOTE_OPENS.sub(lambda m: m.group(1) + "\u201c", text).replace('"', "\u201d")
    return APOSTROPHE.sub("\u2019", text)


def _english_text(site: Site, page: Page) -> Callable[[str], Markup]:
    """Return a function giving English with [[term]] markers as glossary links, its quotes curly."""
    glossary = relative_url(page.url, site.glossary_url)

    def english(text: str) -> Markup:
        pieces = []
        for piece, key in segments(curly(text)):
            term = site.terms_by_id.get(site.term_ids.get(key, ""))
            if term is None:
                pieces.append(escape_text(piece or key))
                continue
            shown = escape_text(piece or term.en)
            pieces.append(f'<a class="term" href="{glossary}#{term.anchor}" data-term="{term.id}">{shown}</a>')
        return Markup("".join(pieces))

    return english


def _inline_stones(site: Site, anchor: str, side: str) -> str:
    """Return the tombstones of removed sentences that stand beside a sentence."""
    return "".join(
        f'<a class="tombstone" id="{escape_text(stone.id)}" href="#{escape_text(stone.anchor)}" data-note="{note}" '
        f'aria-label="{note}" title="{note}"></a>'
        for stone in site.stones.at(anchor, side) if stone.inline
        for note in (escape_text(removal_note(site.edition, stone)),)
    )


def removal_note(edition: Edition, stone) -> str:
    """Return the note shown for a removed clause: what it was and when it was removed."""
    return edition.t("removed_" + stone.kind).format(date=edition.format_date_iso(stone.removed))


def _englisher(site: Site, page: Page) -> Callable[[Summary], Markup]:
    """Return a function giving a summary as Markup, its glossary markers linked."""
    english = _english_text(site, page)
    return lambda summary: english(summary.text)


def _chinese_links(site: Site, page: Page, where: dict[str, Page]) -> Callable[[str], list[tuple[str, str]]]:
    """Return a function giving, for a clause id, its link in every Chinese edition."""
    here = site.root() + page.url

    def chinese(clause_id: str) -> list[tuple[str, str]]:
        target = where.get(clause_id) or page
        anchor = "" if clause_id in (REPORT, CLOSING) else "#" + clause_id
        return [
            (edition.name, relative_url(here, site.root(edition) + target.url) + anchor)
            for edition in CHINESE
        ]

    return chinese


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


def _term_data(site: Site, page: Page) -> Callable[[], Markup]:
    """Return a function giving the definitions of the terms on a page, as script data."""

    def data() -> Markup:
        used = {m.term for s in page_sentences(page) for m in site.marks.get(s.id, ())}
        shown = [site.summaries[key] for key in page_summaries(page) if key in site.summaries]
        used |= {site.term_ids.get(key) for summary in shown for _, key in segments(summary.text) if key}
        table = {
            t.id: {"term": t.term, "category": site.edition.t("category_" + t.category),
                   "definition": site.edition.definition(t), "name": t.en}
            for t in site.terms if t.id in used
        }
        if not table:
            return Markup("")
        text = json.dumps(table, ensure_ascii=False, sort_keys=True)
        safe = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        more = escape_text(site.edition.t("term_more"))
        return Markup(f'<script type="application/json" id="term-data" data-more="{more}">{safe}</script>')

    return data


def _linker(page: Page, where: dict[str, Page]) -> Callable[[str], str]:
    """Return a function giving the Markdown link from this page to a node id."""
    here = posixpath.dirname(page.path) or "."

    def link(node_id: str, anchor: bool = True) -> Markup:
        path = _relpath(where[node_id].path, here)
        return Markup(escape_text(f"{path}#{node_id}" if anchor else path).replace("&#35;", "#"))

    return link
