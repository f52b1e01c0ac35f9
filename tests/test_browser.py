"""The site in a real browser: Debian's Chromium driven by Playwright.

What readers do: open a shared clause link, hover or tab to a term, tap it
on a phone, switch edition, search, use a screen reader (axe-core), read on
a narrow screen, print. No request may leave localhost. Screenshots of every
page type go to tests/screenshots/ (git-ignored), to be looked at.
"""

from __future__ import annotations

import io
import itertools
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator import build as builder
from generator.editions.conversion import converter_for
from generator.editions.editions import EDITIONS, ENGLISH

from .browser import Browser, serve
from .conftest import FIXTURE, ROOT, SHARED, project_for

SCREENSHOTS = ROOT / "tests" / "screenshots"
CHINESE = [e for e in EDITIONS if not e.english]
PAGE_TYPES = {"home": "", "part": "p1/", "section": "p3/2/", "closing": "closing/", "glossary": "glossary/",
              "revisions": "revisions/"}


@pytest.fixture(scope="module")
def browser():
    with Browser() as chromium:
        yield chromium


@pytest.fixture(scope="module")
def site(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture
def open_page(browser, site):
    """Open a page of the site; after the test, fail on any request that left localhost."""
    opened = []
    start = len(browser.requests)

    def open_(path: str, **options):
        page = browser.page(**options)
        opened.append(page)
        page.goto(f"{site}/{path}")
        return page

    yield open_
    for page in opened:
        page.context.close()
    foreign = [r for r in browser.requests[start:] if urlparse(r).hostname not in ("127.0.0.1", "localhost")]
    assert foreign == [], f"requests left localhost: {foreign}"


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  return r.top >= 0 && r.top < window.innerHeight && r.height > 0; }""",
        selector,
    )


def background(page, selector: str) -> str:
    return page.evaluate("s => getComputedStyle(document.querySelector(s)).backgroundColor", selector)


def test_a_clause_link_scrolls_to_the_clause_and_highlights_it(open_page, site):
    page = open_page("p3/1/#p3-1-3")
    assert in_view(page, "#p3-1-3")
    assert background(page, ".item:has(> #p3-1-3)") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert background(page, ".item:has(> #p3-1-2)") == "rgba(0, 0, 0, 0)"
    permalink = page.eval_on_selector("#p3-1-3 a.cn", "a => a.href")
    assert permalink == f"{site}/p3/1/#p3-1-3"
    page = open_page("p1/#p1-2-s3")
    assert in_view(page, '[id="p1-2-s3"]')
    assert background(page, '[id="p1-2-s3"]') not in ("rgba(0, 0, 0, 0)", "transparent")


def test_a_removed_sentence_lands_on_its_tombstone(browser, tmp_path_factory):
    import shutil

    from .test_revisions import FIXTURES, revise

    content = tmp_path_factory.mktemp("tombstone") / "content"
    shutil.copytree(FIXTURE, content)
    revise(content, FIXTURES["sentence deleted in section 3（一）"].edit)
    with serve(project_for(content).site) as url:
        page = browser.page()
        page.goto(f"{url}/p3/1/#p3-1-2-s3")
        assert in_view(page, '[id="p3-1-2-s3"]')
        note = page.evaluate("""() => getComputedStyle(document.getElementById('p3-1-2-s3'), '::after').content""")
        assert "此句已在2023年3月1日的修订中删除" in note
        page.context.close()


def test_hover_and_focus_show_the_definition_and_escape_closes_it(open_page):
    page = open_page("p1/")
    term = "span.s a.term[data-term='one-core-six-pairs'] >> nth=0"
    page.hover(term)
    tip = page.locator("#term-tip")
    tip.wait_for(state="visible")
    assert "吉林省的区域协调和高质量发展总体战略" in tip.inner_text()
    assert page.locator(term).get_attribute("aria-describedby") == "term-tip"
    page.screenshot(path=str(_shot("tooltip-hover")))
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.mouse.move(0, 0)
    page.focus("span.s a.term[data-term='black-soil-granary'] >> nth=0")
    tip.wait_for(state="visible")
    assert "黑土粮仓" in tip.inner_text()
    page.screenshot(path=str(_shot("tooltip-focus")))
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_the_tooltip_link_reaches_the_glossary_entry(open_page, site):
    page = open_page("p3/2/")
    page.hover("span.s a.term[data-term='onshore-wind-solar-three-gorges'] >> nth=0")
    page.locator("#term-tip").wait_for(state="visible")
    page.hover("#term-tip")
    page.click("#term-tip .term-tip__more")
    page.wait_for_url(f"{site}/glossary/#g-onshore-wind-solar-three-gorges")
    assert in_view(page, "#g-onshore-wind-solar-three-gorges")


def test_a_tap_shows_the_definition_and_a_second_tap_follows_the_link(open_page, site):
    page = open_page("p3/1/", width=375, height=740, has_touch=True, is_mobile=True)
    term = "span.s a.term[data-term='hongqi-e-spring-city'] >> nth=0"
    page.tap(term)
    page.locator("#term-tip").wait_for(state="visible")
    assert page.url == f"{site}/p3/1/"
    page.screenshot(path=str(_shot("tooltip-tap-mobile")))
    page.tap(term)
    page.wait_for_url(f"{site}/glossary/#g-hongqi-e-spring-city")


@pytest.mark.parametrize("source, target", list(itertools.permutations(EDITIONS, 2)),
                         ids=lambda e: e.code)
def test_the_switcher_keeps_page_and_anchor(open_page, site, source, target):
    page = open_page(f"{source.prefix}p3/1/#p3-1-3-s4")
    switcher = page.locator(f".editions a[data-edition='{target.code}']")
    assert switcher.is_visible() and target.name in switcher.get_attribute("aria-label")
    switcher.click()
    page.wait_for_url(f"{site}/{target.prefix}p3/1/#p3-1-3-s4")
    assert page.locator('[id="p3-1-3-s4"]').count() == 1


def _queries():
    path = ROOT / "tests" / "data" / "search-queries.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return [(query, expected) for query, expected in rows]


@pytest.fixture(scope="module")
def overrides():
    return builder.load(builder.Project.at(ROOT, FIXTURE, shared=SHARED)).overrides


@pytest.mark.parametrize("edition", CHINESE, ids=lambda e: e.code)
def test_search_finds_every_query_among_the_first_three_and_lands_on_it(open_page, edition, overrides, built_site):
    convert = converter_for(edition, overrides)
    for query, expected in _queries():
        page = open_page(edition.prefix)
        page.focus("#cs-input")
        page.keyboard.insert_text(convert(query))
        page.locator(".cs__link").first.wait_for()
        links = page.eval_on_selector_all(".cs__link", "els => els.slice(0, 3).map(e => e.href)")
        wanted = _squeeze(convert(expected))
        texts = [_clause_text(built_site, link) for link in links]
        rank = next((n for n, text in enumerate(texts) if wanted in text), None)
        assert rank is not None, f"{edition.code}: {query} not among {links}"
        page.locator(".cs__link").nth(rank).click()
        page.wait_for_url(links[rank])
        fragment = urlparse(links[rank]).fragment
        assert in_view(page, f'[id="{fragment}"]'), links[rank]
        assert page.locator(f'[id="{fragment}"] mark.cs-arrival').count() >= 1


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _clause_text(built_site: Path, link: str) -> str:
    """Return the text of the clause a result link points at, read from the built page."""
    from .helpers import soup

    url = urlparse(link)
    element = soup(built_site / url.path.lstrip("/") / "index.html").find(id=url.fragment)
    clause = element.find_parent(class_="clause") or element
    return _squeeze(clause.get_text())


AXE_PAGES = {"home": "", "long section": "p3/2/", "glossary": "glossary/"}


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_no_serious_accessibility_violations(open_page, edition, kind):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(edition.prefix + AXE_PAGES[kind])
    results = Axe().run(page)
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


@pytest.mark.parametrize("edition", [EDITIONS[0], ENGLISH], ids=lambda e: e.code)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_page_scrolls_sideways_on_a_phone(open_page, edition, kind):
    path = edition.prefix + PAGE_TYPES[kind]
    page = open_page(path, width=375, height=740, has_touch=True, is_mobile=True)
    wide = page.evaluate("document.scrollingElement.scrollWidth")
    assert wide <= 375, f"{path} is {wide}px wide at 375px"
    page.screenshot(path=str(_shot(f"mobile-{edition.code}-{kind}")))
    desktop = open_page(path)
    desktop.screenshot(path=str(_shot(f"desktop-{edition.code}-{kind}")))


def test_a_section_prints_with_clause_numbers_and_without_navigation(open_page):
    from pypdf import PdfReader

    page = open_page("p3/1/")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in pdf.pages))
    for number in ("§3.1", "§3.1.1", "§3.1.2", "§3.1.3"):
        assert number in text
    assert "大力促进消费复苏" in text and "新建5G基站5000个" in text
    for chrome in ("首页", "搜索", "目录", "英文摘要", "简体中文"):
        assert chrome not in text, chrome
    (SCREENSHOTS / "print-p3-1.pdf").write_bytes(page.pdf(format="A4"))


def _shot(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_the_clause_number_offers_a_citation(open_page, site, edition):
    page = open_page(f"{edition.prefix}p3/1/")
    page.click("#p3-1-3 a.cn")
    page.locator(".cite").wait_for(state="visible")
    assert page.url == f"{site}/{edition.prefix}p3/1/#p3-1-3"
    link, chinese, english = page.locator(".cite__text").all_inner_texts()
    assert link == f"{site}/{edition.prefix}p3/1/#p3-1-3"  # no public address: the address it was read at
    assert "§3.1.3" in chinese and edition.citation_name in chinese and "[EB/OL]" in chinese and link in chinese
    assert "§3.1.3" in english and edition.citation_name_en in english and link in english
    page.keyboard.press("Escape")
    page.locator(".cite").wait_for(state="hidden")


@pytest.mark.parametrize("path", ["p3/3/#p3-3-3", "p1/#p1-8", "zh-tw/p3/2/#p3-2-4"])
def test_arriving_at_a_clause_marks_it_in_the_table_of_contents(open_page, path):
    page = open_page(path)
    page.wait_for_timeout(600)
    anchor = "#" + path.split("#")[1]
    active = page.eval_on_selector_all(".md-nav--secondary .md-nav__link--active", "els => els.map(a => a.getAttribute('href'))")
    assert active and set(active) == {anchor}, active


def test_slash_focuses_the_search(open_page):
    page = open_page("p1/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "cs-input"


@pytest.mark.parametrize("path, query", [("zh-tw/", "冰雪经济"), ("", "冰雪經濟"), ("zh-hk/p3/1/", "扩大内需")],
                         ids=["simplified-on-taiwan", "traditional-on-simplified", "simplified-on-hong-kong"])
def test_search_finds_a_query_in_the_other_script(open_page, path, query):
    page = open_page(path)
    page.fill(".cs__input", query)
    page.wait_for_selector(".cs__link", timeout=10000)
    marks = page.eval_on_selector_all(".cs__excerpt mark", "els => els.map(e => e.textContent)")
    assert marks, "no result"
    # The result shows the edition's own text, the query's words marked in its script.
    assert all(len(m) == len(query) and m != query for m in marks), marks


def test_a_glossary_hit_names_its_term_and_opens_its_entry(open_page, site):
    page = open_page("")
    page.fill(".cs__input", "一主六双")
    page.wait_for_selector(".cs__link", timeout=10000)
    hit = next(link for link in page.query_selector_all(".cs__link") if "glossary/" in link.get_attribute("href"))
    assert "一主六双" in hit.query_selector(".cs__where").inner_text()
    assert hit.query_selector(".cs__excerpt mark") is not None
    # The term is in no sentence of its definition: the excerpt shows the definition's start.
    assert hit.query_selector(".cs__excerpt").inner_text().startswith("一主六双：吉林省的区域协调")
    hit.click()
    page.wait_for_url(f"{site}/glossary/#g-one-core-six-pairs")
