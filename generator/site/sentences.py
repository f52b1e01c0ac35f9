"""Sentences as the templates print them: the text with its glossary terms as links and its
tombstones beside it, the same in English with glossary markers as links and typographic
quotes, and the data of the definitions shown on the page.

Each function returns a function bound to a page, so that templates only call it.
"""

from __future__ import annotations

import json
import re
from typing import Callable

from markupsafe import Markup

from ..anchors.pages import Page, page_sentences, page_summaries
from ..editions.editions import CHINESE, Edition
from ..editions.summaries import CLOSING, REPORT, Summary, plain, segments
from ..text.model import Sentence
from .context import Site
from .escape import escape_text
from .links import relative_url


def inline(sentence: Sentence) -> Markup:
    """Return the sentence text as safe inline Markdown."""
    return Markup(escape_text(sentence.text))


def texter(site: Site, page: Page) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence as Markup, with its terms linked to the glossary."""
    return _linked(site, page, lambda term_id: "")


def glossed(site: Site, page: Page) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence in Chinese for the English edition of a report not
    translated: each glossary term linked, its English name after it."""

    def name(term_id: str) -> str:
        return f'<span class="term-en" lang="en">{escape_text(site.terms_by_id[term_id].en)}</span>'

    linked = _linked(site, page, name)

    def text(sentence: Sentence) -> Markup:
        if site.translation.state(sentence.id) == "reused":
            return linked(sentence) + Markup(_reused(site, sentence.id))
        return linked(sentence)

    return text


def _linked(site: Site, page: Page, after: Callable[[str], str]) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence as Markup, each glossary term linked and followed
    by `after` of its id (markup)."""
    glossary = relative_url(page.url, site.glossary_url)

    def text(sentence: Sentence) -> Markup:
        pieces, cursor = [], 0
        for mark in site.marks.get(sentence.id, ()):
            pieces.append(escape_text(sentence.text[cursor : mark.start]))
            term = escape_text(sentence.text[mark.start : mark.end])
            pieces.append(f'<a class="term" href="{glossary}#g-{mark.term}" data-term="{mark.term}">{term}</a>'
                          + after(mark.term))
            cursor = mark.end
        pieces.append(escape_text(sentence.text[cursor:]))
        return Markup("".join(pieces))

    return text


def _reused(site: Site, key: str) -> str:
    """Return the English the translation memory offers for a sentence, marked as reused."""
    note = escape_text(site.edition.t("translation_reused").format(origin=site.translation.origin(key)))
    english = escape_text(curly(plain(site.translation.english(key), site.term_name)))
    return f'<span class="reused-en" lang="en" title="{note}">{english}</span>'


def sentencer(site: Site, text: Callable[[Sentence], Markup]) -> Callable[..., Markup]:
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


def source_sentencer(text: Callable[[Sentence], Markup]) -> Callable[..., Markup]:
    """Return a function giving sentences as spans named by data-s (not id): the Chinese
    beside the English, whose ids the English spans carry."""

    def sentences(items: tuple[Sentence, ...]) -> Markup:
        return Markup("".join(f'<span class="s" data-s="{escape_text(s.id)}">{text(s)}</span>' for s in items))

    return sentences


def english_sentencer(site: Site, page: Page) -> Callable[[Sentence], Markup]:
    """Return a function giving a sentence's English, glossary terms linked; out of date or
    pending English says so."""
    english = _english_text(site, page)

    def sentence(s: Sentence) -> Markup:
        state = site.translation.state(s.id)
        if state == "pending":
            return Markup(f'<span class="pending">{escape_text(site.edition.t("translation_pending"))}</span> ')
        text = english(site.translation.english(s.id))
        if state == "reused":
            note = escape_text(site.edition.t("translation_reused").format(origin=site.translation.origin(s.id)))
            return Markup(f'{text}<span class="reused-mark" role="note" title="{note}" aria-label="{note}">↺</span> ')
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


def englisher(site: Site, page: Page) -> Callable[[Summary], Markup]:
    """Return a function giving a summary as Markup, its glossary markers linked."""
    english = _english_text(site, page)
    return lambda summary: english(summary.text)


def chinese_links(site: Site, page: Page, where: dict[str, Page]) -> Callable[[str], list[tuple[str, str, str]]]:
    """Return a function giving, for a clause id, its link in every Chinese edition: (the
    edition's name, the link, the name's language)."""
    here = site.root() + page.url

    def chinese(clause_id: str) -> list[tuple[str, str, str]]:
        target = where.get(clause_id) or page
        anchor = "" if clause_id in (REPORT, CLOSING) else "#" + clause_id
        return [
            (edition.name, relative_url(here, site.root(edition) + target.url) + anchor, edition.lang)
            for edition in CHINESE
        ]

    return chinese


def term_data(site: Site, page: Page) -> Callable[[], Markup]:
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
