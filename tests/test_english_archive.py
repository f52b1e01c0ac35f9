"""English across the archive: every report readable and navigable in English, whatever
its English holds (a whole translation, its headings only, or nothing yet).

Over content/ (properties, never counts): a report translated sentence by sentence, one
of the 1970s and a provincial one are built alone; no English page says "Summary pending"
or has a title that is only a number where the Chinese heading has words, and every piece
of Chinese on an English page is marked as Chinese. On the fixtures: the translation
memory offers reviewed English where the same Chinese stands without English, marks it as
reused, and never replaces a report's own English.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from generator import build as builder
from generator.editions import memory

from .conftest import ROOT, SHARED, project_for
from .helpers import report_index, soup

REPORTS = ROOT / "content" / "reports"
CHOSEN = ("national-2025", "national-1978", "zhejiang-2025")
BARE = re.compile(r"^(?:§\S+\s*)?(?:Part \d+|Section [\d.]+|Appendix \d+|\(\d+\)|Item §\S+)$")
HAN = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture(scope="module", params=CHOSEN)
def english_site(request, tmp_path_factory):
    base = tmp_path_factory.mktemp(request.param)
    project = builder.Project.at(ROOT, REPORTS / request.param, base / "docs", base / "site")
    builder.build(project, strict=True)
    return project.site / "en"


def unmarked_chinese(page) -> list[str]:
    """Return the text with Han characters on a page that no element marks as Chinese."""
    found = []
    for node in page.body.find_all(string=HAN):
        if node.parent.name in ("script", "style"):
            continue
        if not any(str(el.get("lang", "")).startswith("zh") for el in node.parents if hasattr(el, "get")):
            found.append(node.strip()[:40])
    return found


@pytest.mark.content
def test_no_english_page_is_hollow(english_site):
    for path in sorted(english_site.rglob("index.html")):
        page = soup(path)
        text = page.select_one("article").get_text(" ")
        assert "Summary pending" not in text, path
        title = page.select_one("article h1").get_text(" ", strip=True)
        heading = soup(english_site.parent / path.relative_to(english_site)).select_one("article h1").get_text()
        if BARE.match(title):
            assert not re.search(r"[\u4e00-\u9fff]{2}", re.sub(r"^[一二三四五六七八九十]+、|^[（(][^）)]+[）)]", "", heading)), \
                f"{path}: a bare numbered title where the Chinese is {heading!r}"


@pytest.mark.content
def test_every_piece_of_chinese_on_an_english_page_is_marked(english_site):
    for path in sorted(english_site.rglob("index.html")):
        assert unmarked_chinese(soup(path)) == [], path


@pytest.mark.content
def test_each_page_is_english_beside_chinese_or_chinese_with_the_english_of_its_terms(english_site):
    """A report translated sentence by sentence reads in two columns; one that is not gives
    its Chinese, marked as such, with the English name after each glossary term, and says so."""
    part = soup(english_site / "p1" / "index.html")
    if part.select("article .bi"):
        assert part.select_one("p.untranslated") is None
        assert all(p.select_one(".bi__en .s") for p in part.select("article .bi"))
        return
    assert part.select_one("p.untranslated") is not None
    clauses = part.select("article .zh-text")
    assert clauses and all(c.get("lang") == "zh-Hans" for c in clauses)
    for term in part.select("article .zh-text a.term"):
        assert "term-en" in term.find_next_sibling().get("class", [])


US_SPELLING = re.compile(r"\b[a-z]{3,}iz(?:e|es|ed|ing|ation|ations)\b")
DONE = "() => { const s = document.querySelector('.cs__status').textContent; return s && !/Loading/.test(s); }"


UNMARKED_IN_SEARCH = """() => {
  const walker = document.createTreeWalker(document.querySelector('.cs'), NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const marked = node.parentElement.closest('[lang]');
    if (/\\p{Script=Han}/u.test(node.data) && !(marked && marked.lang.startsWith('zh'))) found.push(node.data);
  }
  return found;
}"""


def search_here(page, query: str) -> tuple[str, list[tuple[str, str | None]]]:
    """Type a query in the search of the report; return the status and each result's link
    and the language its excerpt is marked in."""
    page.fill(".cs__input", query)
    page.wait_for_function(DONE, timeout=30000)
    links = page.query_selector_all(".cs__results .cs__link")
    return page.inner_text(".cs__status"), [
        (link.get_attribute("href"), link.query_selector(".cs__excerpt").get_attribute("lang")) for link in links]


@pytest.mark.content
@pytest.mark.parametrize("english_site", ["national-2025", "national-1978"], indirect=True)
def test_the_english_search_reads_the_english_and_the_chinese_of_the_terms_it_names(english_site):
    """A translated report is searched in its English, US and UK spellings alike; a term's
    English name also finds the clauses holding its Chinese, marked as matched through
    the Chinese, in a translated report and in one without English."""
    from generator.data.search import fold

    from .browser import Browser, serve

    index = json.loads((english_site / "search" / "clauses.json").read_text(encoding="utf-8"))
    source = report_index(english_site.parent)
    glossary = [row for row in index["clauses"] if index["pages"][row[0]][2] == "glossary"]
    english = " ".join(text.lower() for row in index["clauses"] for _, text in row[4] if row not in glossary)
    clauses = [row for row in source["clauses"] if source["pages"][row[0]][2] != "glossary"]  # the Chinese
    with serve(english_site.parent) as url, Browser() as chromium:
        page = chromium.page()
        page.goto(f"{url}/en/{english_site.relative_to(english_site.parent / 'en').as_posix()}/")
        page.click(".cs__input")
        american = US_SPELLING.search(english)
        if american:  # the report is translated: its English is searched, both spellings alike
            us = search_here(page, american.group(0))
            uk = search_here(page, american.group(0).replace("iz", "is"))
            assert us == uk and us[1] and all(lang is None for _, lang in us[1])

        def holds(clause, term):
            return fold(term, {}) in fold(clause[3] + "".join(s for _, s in clause[4]), {})

        named = next(row for row in glossary if any(holds(c, row[5]) for c in clauses))
        name = named[3].rsplit(" (", 1)[0]
        status, results = search_here(page, name.lower())
        holding = {c[1] for c in clauses if holds(c, named[5])}
        through = [(href, lang) for href, lang in results if lang == "zh-Hans"]
        assert all(href.split("#")[0].startswith(f"{url}/en/") for href, _ in results)
        if not american:
            assert "through the Chinese" in status and named[5] in status
            assert len(through) == len(holding)
        assert page.evaluate(UNMARKED_IN_SEARCH) == []  # every piece of Chinese in the panel marked as such
        status, results = search_here(page, "xylophone")
        assert results == [] and ("not translated" in status) == (not index["translated"])
        assert {href.split("#")[1] for href, _ in through} <= {s for c in clauses if c[1] in holding for s, _ in c[4]} | holding
        if american:  # a result lands on its sentence, the words marked whatever their spelling
            uk = american.group(0).replace("iz", "is")
            first = search_here(page, uk)[1][0][0]
            page.click(f".cs__link[href='{first}']")
            page.wait_for_selector("mark.cs-arrival")
            marked = page.locator(f"[id='{first.split('#')[1]}'] mark.cs-arrival").first.inner_text()
            assert marked.lower().startswith(american.group(0)[:-3])
        page.context.close()


def with_memory(content, shared, zh: str, en: str) -> None:
    """Give a copy of the shared folder a translation memory with one entry."""
    text = memory.format_memory([memory.Entry(zh, en, "national-2025/p9-9-s9")])
    (shared / memory.FILE).write_text(text, encoding="utf-8")


def test_the_memory_offers_reviewed_english_marked_as_reused(content_copy, tmp_path):
    shared = tmp_path / "shared"
    shutil.copytree(SHARED, shared)
    zh = "严肃财经纪律。"
    assert zh in (content_copy / "report.txt").read_text(encoding="utf-8")
    with_memory(content_copy, shared, zh, "We will enforce strict financial discipline.")
    project = project_for(content_copy, shared)
    summary = builder.build(project, strict=True)
    reused = [key for key in summary.inputs.translation.chinese if summary.inputs.translation.state(key) == "reused"]
    assert reused and all(summary.inputs.translation.chinese[key] == zh for key in reused)
    page = "".join(p.read_text(encoding="utf-8") for p in (project.site / "en").rglob("index.html"))
    assert "We will enforce strict financial discipline." in page and "reused from national-2025/p9-9-s9" in page


def test_reused_english_never_replaces_a_report_s_own(content_copy, tmp_path):
    shared = tmp_path / "shared"
    shutil.copytree(SHARED, shared)
    own = "Fellow Deputies,"
    folder = content_copy / "translation"
    folder.mkdir()
    (folder / "opening.yml").write_text(f'salutation:\n  en: "{own}"\n', encoding="utf-8")
    with_memory(content_copy, shared, "各位代表：", "Deputies:")
    inputs = builder.load(project_for(content_copy, shared))
    assert inputs.translation.english("salutation") == own and inputs.translation.state("salutation") != "reused"


@pytest.mark.content
def test_no_english_holds_an_escape_read_as_text():
    """A block scalar (en: >-) takes a backslash literally: \\"Gang of Four\\" would be
    published with its backslashes."""
    import yaml

    for path in sorted(REPORTS.glob("*/translation/*.yml")):
        for key, entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            assert "\\" not in (entry or {}).get("en", ""), f"{path}: {key}"
