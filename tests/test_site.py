"""Tests that read the built site, as a reader's browser would get it."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator.anchors import ids as anchors
from generator.editions.editions import EDITIONS
from generator.text.model import nodes
from generator.text.parse import parse

from .conftest import FIXTURE
from .helpers import broken_links, reading_order, report_text, soup

SITE_PATH = "/jilin-report-2023"  # the path of site_url, used by the 404 page
SENTENCE = re.compile(r"[^。！？；]*[。！？；]+[”’」』）)》]*|[^。！？；]+$")


def source_sentences(root: Path) -> list[str]:
    """Split content/report.txt into sentences, independently of the generator."""
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8-sig")
    lines = [line.strip("\u3000 \r") for line in text.split("\n")]
    return [s for line in lines if line for s in SENTENCE.findall(line)]


@pytest.fixture(scope="module")
def pages(built_site):
    return reading_order(built_site)


@pytest.fixture(scope="module")
def html_files(built_site):
    return sorted(built_site.rglob("*.html"))


def edition_files(site: Path, prefix: str) -> list[Path]:
    """Return the HTML files of one edition (the source edition is at the root)."""
    others = [e.prefix for e in EDITIONS if e.prefix and e.prefix != prefix]
    root = site / prefix
    return sorted(p for p in root.rglob("*.html") if not any(p.is_relative_to(site / o) for o in others))


def test_reading_order_visits_every_report_page(pages, built_site):
    urls = ["/" + p.relative_to(built_site).as_posix() for p in pages]
    assert urls[:3] == ["/index.html", "/p1/index.html", "/p2/index.html"]
    assert urls[3:12] == ["/p3/index.html"] + [f"/p3/{n}/index.html" for n in range(1, 9)]
    assert urls[12:] == ["/closing/index.html", "/figures/index.html", "/glossary/index.html", "/revisions/index.html"]


def test_every_sentence_appears_in_order_once(root, pages):
    text = "".join(report_text(page) for page in pages)
    sentences = source_sentences(root)
    assert len(sentences) > 600
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence}"
        position = found + len(sentence)
    counts = Counter(sentences)
    for sentence, count in counts.items():
        assert text.count(sentence) >= count
    assert len(text) == sum(len(s) for s in sentences) + _joined_gaps(root)


def _joined_gaps(root: Path) -> int:
    """Characters of the source lines that are not inside a sentence (none expected)."""
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8-sig")
    lines = [line.strip("\u3000 \r") for line in text.split("\n") if line.strip("\u3000 \r")]
    return sum(len(line) for line in lines) - sum(len(s) for s in source_sentences(root))


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_every_node_has_an_element_with_its_id_once(root, built_site, edition):
    report = anchors.assign(parse((FIXTURE / "report.txt").read_text(encoding="utf-8"), "report.txt"))
    ids = Counter()
    for path in edition_files(built_site, edition.prefix):
        ids.update(el["id"] for el in soup(path).select("article [id]"))
    for node in nodes(report):
        assert ids[node.id] == 1, f"{edition.code}: id {node.id} appears {ids[node.id]} times"


def test_every_paragraph_sits_in_an_element_with_its_id(pages):
    for page in pages:
        for clause in soup(page).select("article .clause"):
            holder = clause if clause.has_attr("id") else clause.select_one(":scope > h2[id]")
            assert holder is not None, f"a paragraph on {page} has no id"
            number = clause.select_one("a.cn")
            assert number["href"] == "#" + holder["id"]
            assert number["data-n"].startswith("§")
            assert "§" not in clause.get_text(), "the clause number must not be part of the copied text"


def test_every_internal_link_and_anchor_resolves(html_files, built_site):
    broken, checked = broken_links(built_site, html_files)
    assert broken == []
    assert checked > 500


def test_no_third_party_requests(html_files, built_site, root):
    site_host = "example.org"
    for path in html_files:
        for el in soup(path).select("link[href], script[src], img[src], iframe[src], source[src]"):
            url = el.get("href") or el.get("src")
            host = urlparse(url).netloc
            assert host in ("", site_host), f"{path}: third-party request to {url}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "@import url(http" not in text


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_html_lang_names_the_script_and_region(built_site, edition):
    for path in edition_files(built_site, edition.prefix):
        assert soup(path).html["lang"] == edition.lang, path


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_search_index_holds_every_sentence_at_its_place(built_site, edition):
    site = built_site / edition.prefix
    index = json.loads((site / "search" / "clauses.json").read_text(encoding="utf-8"))
    located = 0
    for page_number, clause_id, number, heading, sentences, *term in index["clauses"]:
        url = index["pages"][page_number][0]
        page = soup(site / url / "index.html")
        assert not clause_id or page.select_one(f'article [id="{clause_id}"]') is not None, (url, clause_id)
        # the English edition's glossary entries name their term (the Chinese a query in English reaches)
        assert bool(term) == (edition.english and index["pages"][page_number][2] == "glossary")
        for sentence_id, text in sentences:
            if sentence_id.startswith("g-") or edition.english:
                continue
            assert page.select_one(f'article [id="{sentence_id}"]').get_text() == text
            located += 1
    assert located == (0 if edition.english else 658 + 3)


def test_items_are_in_the_page_table_of_contents(built_site):
    page = soup(built_site / "p3" / "1" / "index.html")
    toc = [a.get_text(strip=True) for a in page.select(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")]
    assert toc == ["大力促进消费复苏", "全力扩大有效投资"]
    assert page.select_one("h2#p3-1-2 strong, h2#p3-1-2").get_text() == "大力促进消费复苏。"
