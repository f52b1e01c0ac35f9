"""Glossary: loading, matching inside unbroken Chinese text, tooltips and the glossary page."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from generator import build as builder
from generator.editions.conversion import converter_for, load_overrides
from generator.editions.editions import EDITIONS, TRADITIONAL
from generator.editions.glossary import Finder, Term, convert_terms, load, occurrences
from generator.text.errors import InputError
from generator.text.model import Sentence

from .conftest import FIXTURE, ROOT, SHARED, project_for
from .helpers import soup
from .test_site import edition_files


def term(id: str, text: str, *aliases: str) -> Term:
    return Term(id, text, aliases, "strategy", "定义。", text, "definition", "", 0)


TERMS = (
    term("one-core", "一主六双"),
    term("three-basics", "三保"),
    term("three-guarantees", "三保障"),
    term("six-new", "六新产业", "六新"),
    term("hongqi", "旗E春城、旗动吉林"),
    term("baiqianwan", "百千万"),
    term("shibaiqianwan", "十百千万"),
)


def marked(text: str, terms=TERMS) -> list[tuple[str, str]]:
    sentence = Sentence(text, 1, "s")
    return [(text[m.start : m.end], m.term) for m in Finder(terms).marks(sentence)]


def test_terms_are_found_inside_unbroken_text():
    assert marked("推进一主六双建设") == [("一主六双", "one-core")]


def test_longest_form_wins_and_matches_never_overlap():
    assert marked("统筹做好三保障和三保工作") == [("三保障", "three-guarantees"), ("三保", "three-basics")]
    assert marked("发展六新产业，发展“六新”产业") == [("六新产业", "six-new"), ("六新", "six-new")]
    assert marked("实施“百千万”产业培育工程和“十百千万”企业培育工程") == [
        ("百千万", "baiqianwan"),
        ("十百千万", "shibaiqianwan"),
    ]


def test_a_term_with_punctuation_is_one_term():
    assert marked("大力推进“旗E春城、旗动吉林”工程") == [("旗E春城、旗动吉林", "hongqi")]
    assert marked("旗E春城是") == []


@pytest.mark.parametrize("edition", [e for e in EDITIONS if e.opencc], ids=lambda e: e.code)
def test_terms_are_converted_and_found_in_each_edition(edition):
    overrides = load_overrides(SHARED / "conversion.yml", "conversion.yml", TRADITIONAL)
    convert = converter_for(edition, overrides)
    terms = convert_terms(TERMS, convert)
    text = convert("把“一主六双”高质量发展战略引向深入，统筹做好三保障")
    assert [t for t, _ in marked(text, terms)] == [convert("一主六双"), convert("三保障")]
    assert convert("一主六双") == "一主六雙"


def write(tmp_path, text: str):
    path = tmp_path / "glossary.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


ENTRY = """\
  - id: one-core
    term: 一主六双
    aliases: []
    category: strategy
    zh: 定义。
    en: One Core, Six Pairs
    en_definition: A strategy.
"""


def test_schema_errors_name_the_line_and_the_key(tmp_path):
    misspelt = ENTRY.replace("    zh: 定义。\n", "    zh: 定义。\n    defintion: x\n").replace("一主六双", "三个五")
    second = ENTRY.replace("strategy", "slogan")
    third = ENTRY.replace("one-core", "Bad Id")
    path = write(tmp_path, "terms:\n" + misspelt + second + third)
    with pytest.raises(InputError) as caught:
        load(path, "content/glossary.yml")
    messages = [str(p) for p in caught.value.problems]
    assert "content/glossary.yml:7: term '三个五': unknown key 'defintion'" in messages
    assert "content/glossary.yml:10: term '一主六双': unknown category 'slogan' (one of strategy, project, campaign, formula, instrument, place)" in messages
    assert any(m.startswith("content/glossary.yml:17: term '一主六双': id 'Bad Id' must be") for m in messages)
    assert "content/glossary.yml:17: term '一主六双': '一主六双' is already a form of the term at line 10" in messages


def test_missing_key_and_broken_yaml(tmp_path):
    path = write(tmp_path, "terms:\n" + ENTRY.replace("    en: One Core, Six Pairs\n", ""))
    with pytest.raises(InputError, match=r"^content/glossary.yml:2: term '一主六双': missing key 'en'$"):
        load(path, "content/glossary.yml")
    path = write(tmp_path, "terms:\n  - id: x\n    term: [一主\n")
    with pytest.raises(InputError, match=r"^content/glossary.yml:4: invalid YAML"):
        load(path, "content/glossary.yml")


def test_a_term_no_longer_in_the_text_is_a_notice_that_never_stops_publishing(content_copy):
    path = content_copy / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ENTRY.replace("one-core", "never").replace("一主六双", "从未出现的口号"), encoding="utf-8")
    inputs = builder.load(project_for(content_copy))
    notice = "term '从未出现的口号': '从未出现的口号' does not occur in the report"
    assert any(notice in str(p) for p in inputs.lagging) and not inputs.warnings
    assert builder.failing(inputs, strict=True) == ()
    with pytest.raises(InputError, match=notice):
        builder.build(project_for(content_copy), strict=True, english=True)


HOSTILE = '<script>alert("x")</script> **粗** [链接](http://evil.example) & {{ x }}'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A build whose glossary definitions and names carry markup."""
    import shutil

    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(\n    zh: >-\n      )", r"\1" + HOSTILE.replace("\\", "\\\\") + " ", text, count=1)
    text = re.sub(r"(\n    en: )(.*)", lambda m: m.group(1) + '"<b>' + m.group(2).strip('"') + '</b>"', text, count=1)
    path.write_text(text, encoding="utf-8")
    builder.build(project_for(content))
    return project_for(content).site


def test_definitions_with_markup_are_escaped(hostile_site):
    page = soup(hostile_site / "glossary" / "index.html")
    article = page.select_one("article")
    assert HOSTILE in article.get_text()
    assert not article.select("script, b, strong") and not article.select('a[href^="http"]')
    for path in hostile_site.rglob("index.html"):
        data = soup(path).select_one("script#term-data")
        if data is not None:
            assert "<script" not in data.string and "</" not in data.string
            json.loads(data.string)


def test_every_occurrence_in_the_report_pages_is_a_tooltip_link(built_site):
    terms = load(FIXTURE / "glossary.yml", "glossary.yml")
    forms = sorted((f for t in terms for f in t.forms), key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, forms)))
    marked = 0
    for path in edition_files(built_site, ""):
        page = soup(path)
        data = page.select_one("script#term-data")
        definitions = json.loads(data.string) if data else {}
        for sentence in page.select("article span.s"):
            expected = pattern.findall(sentence.get_text())
            assert [a.get_text() for a in sentence.select("a.term")] == expected, sentence.get("id")
            for link in sentence.select("a.term"):
                assert link["data-term"] in definitions
                assert link["href"].endswith("glossary/#g-" + link["data-term"])
                marked += 1
    assert marked > 150


def test_glossary_page_lists_every_term_with_its_places(built_site, root):
    terms = load(FIXTURE / "glossary.yml", "glossary.yml")
    page = soup(built_site / "glossary" / "index.html")
    entries = page.select("h3.term-entry")
    assert len(entries) == len(terms) >= 60
    for t in terms:
        entry = page.select_one(f"h3#{t.anchor}")
        assert entry is not None and entry.get_text(strip=True) == t.term
        places = entry.find_next("p", class_="term-places")
        assert len(places.select("a")) >= 1, t.term


def test_glossary_entries_are_in_the_search_index(built_site, root):
    terms = load(FIXTURE / "glossary.yml", "glossary.yml")
    index = json.loads((built_site / "search" / "clauses.json").read_text(encoding="utf-8"))
    headings = {row[3] for row in index["clauses"] if row[1].startswith("g-")}
    assert headings == {t.term for t in terms}


def test_occurrences_of_the_real_report(root):
    from generator.anchors import ids as anchors
    from generator.text.parse import parse

    report = anchors.assign(parse((FIXTURE / "report.txt").read_text(encoding="utf-8"), "report.txt"))
    marks = occurrences(load(FIXTURE / "glossary.yml", "glossary.yml"), report)
    found = [m.term for ms in marks.values() for m in ms]
    assert found.count("three-basics") == 1 and found.count("three-guarantees") == 1


@pytest.mark.content
def test_a_quoted_slogan_that_names_something_else_is_not_the_term():
    """党政军警民“五位一体” (border defence by five forces together) is not the five-sphere
    integrated plan, which the term names elsewhere (统筹推进“五位一体”总体布局)."""
    shared = load(ROOT / "content" / "glossary.yml", "content/glossary.yml")
    finder = Finder(tuple(t for t in shared if t.term == "五位一体"))
    border = Sentence("巩固党政军警民“五位一体”合力强边固防机制。", 1, "s1")
    plan = Sentence("统筹推进“五位一体”总体布局。", 1, "s2")
    assert finder.marks(border) == [] and len(finder.marks(plan)) == 1


@pytest.mark.content
def test_a_shared_definition_does_not_date_a_phrase_after_a_report_that_uses_it():
    """稳中求进 stands in the 1997 report: its definition may not date it from 2011."""
    term = next(t for t in load(ROOT / "content" / "glossary.yml", "content/glossary.yml") if t.term == "稳中求进")
    assert "稳中求进" in (ROOT / "content" / "reports" / "national-1997" / "report.txt").read_text(encoding="utf-8")
    assert "1997" in term.zh and "1997" in term.en_definition
