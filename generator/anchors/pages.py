"""The pages of an edition: which part of the report goes where, in nav order.

One page per part; a part with sections gets an index page and one page per
section; the front matter and opening go on the home page, the closing and
each appendix on a page of their own. Page paths come from structure, never from text, so that
URLs stay stable: `p1.md` is /p1/, section （一） of part 3 is /p3/1/,
appendix 1 is /a1/.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Union

from ..text.errors import InputError
from ..text.model import Appendix, Paragraph, Part, Report, Section, Sentence

HOME = "home"
PART = "part"
SECTION = "section"
CLOSING = "closing"
APPENDIX = "appendix"
REVISIONS = "revisions"
GLOSSARY = "glossary"
FIGURES = "figures"

Subject = Union[Report, Part, Section, Appendix, tuple[Paragraph, ...]]
PSEUDO_IDS = {HOME: "report", CLOSING: "closing", REVISIONS: "revisions", GLOSSARY: "glossary", FIGURES: "figures"}
REFERENCE = (REVISIONS, GLOSSARY, FIGURES)


@dataclass(frozen=True)
class Page:
    """A generated Markdown page: its path, nav title, kind and subject."""

    path: str
    kind: str
    subject: Subject
    parent: str = ""

    @property
    def url(self) -> str:
        """Return the page URL relative to the edition root (directory URLs)."""
        stem = self.path.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"

    @property
    def key(self) -> str:
        """Return the page's address as the anchor lock records it: /p3/1/, / for the home page."""
        return "/" + self.url

    @property
    def clause(self) -> str:
        """Return the id of what the page shows (a part or section id, or a page name)."""
        return PSEUDO_IDS.get(self.kind) or self.subject.id


def plan(report: Report, glossary: bool = False, figures: bool = False) -> tuple[Page, ...]:
    """Return the pages of the report in document order, then the reference pages."""
    pages = [Page("index.md", HOME, report)]
    for part in report.parts:
        pages.extend(_part_pages(part))
    if report.closing:
        pages.append(Page("closing.md", CLOSING, report.closing))
    pages.extend(Page(f"{a.id}.md", APPENDIX, a) for a in report.appendices)
    if figures:
        pages.append(Page("figures.md", FIGURES, report))
    if glossary:
        pages.append(Page("glossary.md", GLOSSARY, report))
    pages.append(Page("revisions.md", REVISIONS, report))
    _refuse_duplicates(pages)
    return tuple(pages)


def _part_pages(part: Part) -> Iterator[Page]:
    if not part.sections:
        yield Page(f"{part.id}.md", PART, part)
        return
    index = f"{part.id}/index.md"
    yield Page(index, PART, part)
    for section in part.sections:
        name = section.id.removeprefix(part.id + "-") if section.id.startswith(part.id + "-") else section.id
        yield Page(f"{part.id}/{name}.md", SECTION, section, parent=index)


def _refuse_duplicates(pages: list[Page]) -> None:
    seen: set[str] = set()
    for page in pages:
        if page.key in seen:
            raise InputError.at("", 0, f"two pages would be published at {page.key}")
        seen.add(page.key)


def locate(pages: tuple[Page, ...]) -> dict[str, Page]:
    """Return the page on which each id of the report appears."""
    where: dict[str, Page] = {}
    for page in pages:
        for node in page_nodes(page):
            where[node.id] = page
    return where


def page_sentences(page: Page) -> Iterator:
    """Yield the sentences shown on a page."""
    for node in page_nodes(page):
        if isinstance(node, Sentence):
            yield node


def page_summaries(page: Page) -> list[str]:
    """Return the ids of the summaries a page shows (report and closing included)."""
    pseudo = {HOME: ["report"], CLOSING: ["closing"]}.get(page.kind, [])
    return pseudo + [node.id for node in page_nodes(page) if not isinstance(node, Sentence)]


def page_nodes(page: Page) -> Iterator:
    subject = page.subject
    if page.kind in REFERENCE:
        return
    if page.kind == HOME:
        heads, paragraphs = subject.front.lines, subject.front.opening
    elif page.kind == CLOSING:
        heads, paragraphs = (), subject
    else:
        heads, paragraphs = (subject,), subject.paragraphs
    yield from heads
    for paragraph in paragraphs:
        yield paragraph
        yield from paragraph.sentences


def title(page: Page, t) -> str:
    """Return the nav title of a page in an edition (`t` gives interface strings)."""
    if page.kind == HOME:
        return t("home")
    if page.kind in (CLOSING, *REFERENCE):
        return t(page.kind)
    if page.kind in (PART, APPENDIX):
        return page.subject.heading
    return page.subject.label


def nav(pages: tuple[Page, ...], label) -> list:
    """Return the MkDocs nav: parts with sections become nested sections; `label` titles a page."""
    entries: list = []
    children: dict[str, list] = {}
    for page in pages:
        if page.parent:
            children[page.parent].append({label(page): page.path})
        elif page.kind == PART and page.subject.sections:
            children[page.path] = [page.path]
            entries.append({label(page): children[page.path]})
        else:
            entries.append({label(page): page.path})
    return entries
