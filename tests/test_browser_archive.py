"""The archive in a real browser: the English library's tables read on a phone and on a
desktop (no word broken inside, no year on two lines), and the long pages (all figures,
the glossary) filter as a reader types."""

from __future__ import annotations

import pytest

from generator.archive import publish as archive

from .browser import Browser, serve
from .test_archive import make_archive

SPLIT_WORDS = """
() => {
  const broken = [];
  for (const link of document.querySelectorAll("table.library-table a")) {
    const text = link.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    let start = 0;
    for (const word of text.data.split(" ")) {
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + word.length);
      const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
      if (word && lines.size > 1) broken.push(word);
      start += word.length + 1;
    }
  }
  return broken;
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    where = make_archive(tmp_path_factory.mktemp("archive"))
    archive.build(where, strict=True, jobs=2)
    with serve(where.site) as url, Browser() as browser:
        yield url, browser


@pytest.mark.parametrize("width", [400, 1280])
def test_the_english_library_breaks_no_word_and_no_year(site, width):
    url, browser = site
    page = browser.page(width=width, height=900)
    page.goto(f"{url}/en/")
    page.wait_for_selector("table.library-table a")
    assert page.evaluate(SPLIT_WORDS) == []


@pytest.mark.parametrize("path, items", [("jilin/2023/figures/", "article tbody tr"),
                                         ("en/jilin/2023/glossary/", "article .term-entry")])
def test_a_long_page_filters_as_a_reader_types(site, path, items):
    url, browser = site
    page = browser.page()
    page.goto(f"{url}/{path}")
    total = page.locator(items).count()
    word = page.locator(items).nth(3).inner_text().split()[-1][:6]
    page.fill("input.page-filter", word)
    page.wait_for_function("n => document.querySelectorAll('" + items + ":not([hidden])').length < n", arg=total)
    shown = page.locator(f"{items}:not([hidden])")
    assert 0 < shown.count() < total
    assert all(word.lower() in shown.nth(i).inner_text().lower() or shown.nth(i).evaluate(
        "el => el.nextElementSibling && el.nextElementSibling.textContent").lower().count(word.lower())
               for i in range(shown.count()))
    page.fill("input.page-filter", "")
    page.wait_for_function("n => document.querySelectorAll('" + items + ":not([hidden])').length === n", arg=total)
