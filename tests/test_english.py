"""The English edition: full coverage, figures checked against the Chinese, staleness, stubs, links."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest

from generator import build as builder
from generator.editions.summaries import coverage, targets
from generator.text.errors import InputError

from .conftest import FIXTURE, ROOT, SHARED, project_for
from .helpers import page_file, soup
from .test_site import SITE_PATH, edition_files

REVISION = "- date: 2023-03-01\n  note: 更正。\n  note_en: Corrections.\n"


@pytest.fixture(scope="module")
def shipped():
    inputs = builder.load(builder.Project.at(ROOT, FIXTURE, shared=SHARED))
    return inputs, targets(inputs.report)


def test_every_part_section_item_and_the_closing_has_a_current_summary(shipped):
    inputs, wanted = shipped
    assert len(wanted) == 1 + 3 + 8 + 53 + 1
    missing, stale = coverage(inputs.summaries, wanted)
    assert missing == [] and stale == []


def test_every_cited_figure_occurs_in_its_clause(shipped):
    inputs, wanted = shipped
    cited = 0
    for summary in inputs.summaries:
        for figure in summary.figures:
            assert figure in wanted[summary.id].text, (summary.id, figure)
            cited += 1
    assert cited > 200


def test_the_english_pages_have_no_stub(built_site):
    for path in edition_files(built_site, "en/"):
        assert not soup(path).select(".en-summary .pending"), path


def test_every_link_to_the_chinese_text_resolves(built_site):
    checked = 0
    for path in edition_files(built_site, "en/"):
        base = "/" + path.relative_to(built_site).as_posix()
        for link in soup(path).select("article .zh-links a"):
            url = urlparse(urljoin(base, link["href"]))
            target = page_file(built_site, url.path.removeprefix(SITE_PATH))
            assert target.exists() and not target.is_relative_to(built_site / "en"), link["href"]
            if url.fragment:
                assert soup(target).select_one(f'article [id="{url.fragment}"]') is not None, link["href"]
            checked += 1
    assert checked >= 3 * 66


def test_english_pages_are_in_english(built_site):
    page = soup(built_site / "en" / "p3" / "1" / "index.html")
    assert page.html["lang"] == "en"
    assert page.select_one("h1#p3-1").get_text(strip=True).endswith("Boosting consumption and expanding investment")
    assert page.select_one("h2#p3-1-3") is not None
    assert page.select_one('span[id="p3-1-3-s4"]') is not None, "sentence ids are kept for links from other editions"


def test_chinese_pages_offer_the_english_summary(built_site):
    page = soup(built_site / "zh-tw" / "p3" / "1" / "index.html")
    boxes = page.select("details.en-box")
    assert len(boxes) == 3
    assert boxes[0].select_one("[lang=en]") is not None


def test_a_changed_clause_makes_its_summaries_stale(content_copy):
    report = content_copy / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("新建5G基站5000个", "新建5G基站6000个"), encoding="utf-8")
    with (content_copy / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    project = project_for(content_copy)
    with pytest.raises(InputError) as caught:
        builder.build(project, strict=True, english=True)
    stale = sorted(re.findall(r"summary '([^']+)' may be stale", str(caught.value)))
    assert stale == ["p3", "p3-1", "p3-1-3", "report"]
    assert re.search(r"part-3-sections-1-4\.yml:\d+: summary 'p3-1-3' may be stale", str(caught.value))
    summary = builder.build(project, strict=True)
    assert "may be stale" in " ".join(str(w) for w in summary.inputs.lagging)
    english = soup(project.site / "en" / "p3" / "1" / "index.html")
    item = english.select_one("h2#p3-1-3").find_next("div", class_="en-summary")
    assert "may be out of date" in item.select_one(".stale").get_text()
    chinese = soup(project.site / "p3" / "1" / "index.html")
    assert chinese.select_one("details.en-box .stale") is not None


def test_a_missing_summary_shows_the_chinese_text_not_a_stub(content_copy):
    """No hollow page: a clause without English shows its Chinese text, marked as Chinese,
    with the English name after each glossary term, and no "Summary pending"."""
    path = content_copy / "summaries" / "part-3-sections-1-4.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\np3-1-3:\n")
    end = text.index("\np3-2:\n")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    project = project_for(content_copy)
    summary = builder.build(project, strict=True)
    assert "no English summary for p3-1-3" in " ".join(str(w) for w in summary.inputs.lagging)
    page = soup(project.site / "en" / "p3" / "1" / "index.html")
    clause = page.select_one("#p3-1-3")
    assert clause["lang"] == "zh-Hans" and "新建5G基站5000个" in clause.get_text()
    assert "Summary pending" not in page.get_text()
    assert all(term.find_next_sibling("span", class_="term-en") for term in clause.select("a.term"))


def test_what_summaries_name_that_the_chinese_lacks_is_a_note_with_file_and_line(content_copy):
    """An unknown term or a figure the clause does not hold never stops the Chinese: each is
    a note naming file and line, an error under --strict-english alone."""
    path = content_copy / "summaries" / "part-3-sections-1-4.yml"
    text = path.read_text(encoding="utf-8").replace("[[冰雪丝路]]", "[[冰雪丝绸之路]]", 1)
    text = text.replace('"5000个"', '"5001个"', 1)
    path.write_text(text, encoding="utf-8")
    inputs = builder.load(project_for(content_copy))
    assert not builder.failing(inputs, strict=True)
    message = "\n".join(str(p) for p in builder.failing(inputs, strict=True, english=True))
    assert re.search(r"part-3-sections-1-4\.yml:\d+: summary '[^']+': unknown glossary term \[\[冰雪丝绸之路\]\]", message)
    assert re.search(r"part-3-sections-1-4\.yml:\d+: summary 'p3-1': figure '5001个' does not occur in the clause", message)


def test_a_summary_given_twice_is_an_error(content_copy):
    path = content_copy / "summaries" / "part-3-sections-1-4.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\np3-1-3:\n")
    end = text.index("\np3-2:\n")
    (content_copy / "summaries" / "zz-again.yml").write_text(text[start + 1:end] + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        builder.load(project_for(content_copy))
    assert "summary 'p3-1-3': already given at" in str(caught.value)
