"""The traditional editions in the built site: same pages and ids, converted text, lang, alternates."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from generator.editions.conversion import Converter, converter_for, load_overrides
from generator.editions.editions import EDITIONS, HONG_KONG, SOURCE, TAIWAN, TRADITIONAL

from .conftest import SHARED
from .helpers import page_file, reading_order, report_text, soup
from .test_site import SITE_PATH, edition_files, source_sentences

TRADITIONAL_EDITIONS = [e for e in EDITIONS if e.opencc]
# Characters that OpenCC would still change, in the only words where the
# reviewed text keeps them (see content/conversion.yml and its review).
KEPT = {"干": ("查干湖", "若干"), "征": ("征程",), "里": ("公里", "萬里"), "准": ("准入",), "游": ("上下游",)}


@pytest.fixture(scope="module")
def overrides():
    return load_overrides(SHARED / "conversion.yml", "content/conversion.yml", TRADITIONAL)


def relative_pages(site: Path, prefix: str) -> list[str]:
    return sorted(p.relative_to(site / prefix).as_posix() for p in edition_files(site, prefix))


def article_ids(path: Path) -> list[str]:
    return [el["id"] for el in soup(path).select("article [id]")]


@pytest.mark.parametrize("edition", TRADITIONAL_EDITIONS, ids=lambda e: e.code)
def test_same_pages_and_same_ids_as_the_source(built_site, edition):
    pages = relative_pages(built_site, edition.prefix)
    assert pages == [p for p in relative_pages(built_site, SOURCE.prefix) if p != "404.html"]  # one 404 page
    for page in pages:
        if page.endswith("index.html"):
            assert article_ids(built_site / edition.prefix / page) == article_ids(built_site / page), page


@pytest.mark.parametrize("edition", TRADITIONAL_EDITIONS, ids=lambda e: e.code)
def test_every_sentence_is_the_converted_source_sentence(root, built_site, edition, overrides):
    convert = converter_for(edition, overrides)
    text = "".join(report_text(page) for page in reading_order(built_site / edition.prefix.rstrip("/")))
    position = 0
    for sentence in source_sentences(root):
        expected = convert(sentence)
        found = text.find(expected, position)
        assert found == position, f"{edition.code}: expected {expected} at {position}"
        position = found + len(expected)
    assert position == len(text)


@pytest.mark.parametrize("edition", TRADITIONAL_EDITIONS, ids=lambda e: e.code)
def test_no_character_left_in_simplified_form(built_site, edition):
    opencc = Converter(edition.opencc)
    for path in edition_files(built_site, edition.prefix):
        article = soup(path).select_one("article")
        if article is None or article.select_one("#glossary"):
            continue
        text = "".join(el.get_text() for el in article.select(".clause, h1"))
        for match in re.finditer(r"[\u4e00-\u9fff]", text):
            char = match.group()
            if opencc(char) == char:
                continue
            context = text[max(0, match.start() - 3) : match.end() + 3]
            assert any(word in context for word in KEPT.get(char, ())), f"{path}: {char} in {context}"


def test_no_page_names_alternates_for_the_theme_to_fetch(built_site):
    # Material's script fetches a sitemap.xml beside every <link rel=alternate> it
    # finds; the editions are named in the sitemaps (with SITE_URL) and the switcher.
    for path in built_site.rglob("*.html"):
        assert not soup(path).select('link[rel="alternate"]'), path


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_switcher_opens_the_same_page_in_every_edition(built_site, edition):
    for path in edition_files(built_site, edition.prefix):
        if path.name == "404.html":
            continue
        base = "/" + path.relative_to(built_site).as_posix()
        switch = {a["data-edition"]: a["href"] for a in soup(path).select("a[data-edition]")}
        assert set(switch) == {e.code for e in EDITIONS}
        for code, href in switch.items():
            target = page_file(built_site, urlparse(urljoin(base, href)).path.removeprefix(SITE_PATH))
            other = next(e for e in EDITIONS if e.code == code)
            same = path.relative_to(built_site / edition.prefix)
            assert target == built_site / other.prefix / same, (path, href)


def test_without_a_public_address_no_address_is_written(built_site):
    assert not (built_site / "sitemap.xml").exists()
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "example.org" not in text and 'rel="canonical"' not in text, path


def test_with_a_public_address_the_sitemap_lists_every_page_and_its_alternates(content_copy):
    import xml.etree.ElementTree as ET

    from generator import build as builder

    from .conftest import project_for

    base = project_for(content_copy)
    project = builder.Project.at(base.root, base.content, base.docs, base.site, base.shared, "https://reports.example.net/site")
    builder.build(project)
    sitemap = (project.site / "sitemap.xml").read_text(encoding="utf-8")
    tree = ET.fromstring(sitemap)
    assert len(tree) == 16 * len(EDITIONS)
    for other in EDITIONS:
        assert f'hreflang="{other.lang}" href="https://reports.example.net/site/{other.prefix}p3/1/"' in sitemap
    page = soup(project.site / "zh-tw" / "p3" / "1" / "index.html")
    assert page.select_one('link[rel="canonical"]')["href"] == "https://reports.example.net/site/zh-tw/p3/1/"


def test_interface_strings_are_converted(built_site):
    tw = soup(built_site / "zh-tw" / "index.html")
    hk = soup(built_site / "zh-hk" / "index.html")
    assert tw.select_one("h2#contents").get_text() == "報告各部分"
    assert [a.get_text(strip=True) for a in tw.select(".md-sidebar--primary .md-nav__link")][-1] == "修訂記錄"
    assert hk.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == "2023年吉林省人民政府工作報告"
    assert "「三個五」" in (built_site / "zh-hk" / "p1" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("edition", [TAIWAN, HONG_KONG], ids=lambda e: e.code)
def test_traditional_interface_uses_the_region_s_words(edition):
    strings = edition.localized(converter_for(edition, ())).strings
    mainland = ("搜索", "鏈接", "信息") + (("數據",) if edition is TAIWAN else ())
    assert [(key, word) for key, text in strings.items() for word in mainland if word in text] == []
    assert strings["search"] == "搜尋" and strings["cite_link"] == "複製連結"
