"""Reader tools: key figures, the structure graphic, citations, downloads, share previews."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from generator.anchors import ids as anchors
from generator.editions.editions import EDITIONS
from generator.text.figures import english, extract, found_figures
from generator.text.parse import parse

from .conftest import FIXTURE
from .helpers import soup
from .test_site import edition_files


@pytest.fixture(scope="module")
def report():
    return anchors.assign(parse((FIXTURE / "report.txt").read_text(encoding="utf-8"), "report.txt"))


def values(report, prefix: str) -> list[str]:
    return [f.value for f in extract(report) if f.clause == prefix or f.clause.startswith(prefix + "-")]


# Counted by hand, reading each paragraph: every quantity with its unit, in order.
HAND_COUNTED = {
    "p3-4": ["200个", "50个", "8个", "40户", "3500户", "300家", "15家"],
    "p3-7": ["16条", "1.5万套"],
    "p1-12": ["29.7%", "33.89%", "112.7亿元", "602亿元", "36亿元", "2万套", "1万余栋", "281公里", "120万户",
              "42年", "99.03%", "97.2%", "10万元", "6165名"],
    "p3-0-1": ["6%", "800亿斤", "7%", "7%", "6%"],
}


@pytest.mark.parametrize("clause", HAND_COUNTED)
def test_no_figure_missed_and_none_invented_in_hand_counted_clauses(report, clause):
    assert values(report, clause) == HAND_COUNTED[clause]


def test_years_versions_names_and_dates_are_not_figures():
    text = "2023年是开局之年，落实人才政策3.0版，新建5G基站，PM2.5平均浓度，举办“1·8消费节”，叫响“22℃的夏天”，7、8、9、10月份。"
    assert found_figures(text) == []
    assert found_figures("连续42年无重大森林火灾，70多万农村贫困人口，新开工1－2个") == ["42年", "70多万", "1－2个"]


def test_a_figure_keeps_the_phrase_it_measures(report):
    figure = next(f for f in extract(report) if f.value == "5000个" and "基站" in f.context)
    assert (figure.phrase, figure.context, figure.kind) == ("新建5G基站", "新建5G基站5000个", "target")
    first = next(f for f in extract(report) if f.value == "63倍")
    assert (first.clause, first.kind) == ("p1-2", "result")


@pytest.mark.parametrize("value, words", [
    ("698亿元", "69.8 billion yuan"), ("816.16亿斤", "81.616 billion jin"), ("1.26万套", "12,600 units"),
    ("500万千瓦", "5 million kW"), ("6%", "6%"), ("第19位", "19th"), ("3252公里", "3,252 km"),
    ("70多万", "more than 700,000"), ("1－2个", "1–2"), ("5000个", "5,000"),
])
def test_figures_in_english(value, words):
    assert english(value) == words


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_the_figures_page_lists_every_figure_with_a_link(built_site, report, edition):
    page = soup(built_site / edition.prefix / "figures" / "index.html")
    rows = page.select("article table tbody tr")
    assert len(rows) == len(extract(report)) > 300
    for row in rows:
        assert row.select_one("td a")["href"].count("#") == 1
    if edition.english:
        assert any(row.select("td")[2].get_text() == "5,000" for row in rows)


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_home_shows_the_2023_targets_as_cards(built_site, edition):
    home = soup(built_site / edition.prefix / "index.html")
    cards = home.select("a.card")
    assert len(cards) == 5
    first = cards[0]
    assert first["href"].endswith("p3/#p3-0-1-s3")
    label = first.select_one(".card__label").get_text()
    assert label == {"en": "GDP growth of about 6%", "zh-Hans": "地区生产总值增长"}.get(edition.code, "地區生產總值增長")
    assert first.select_one(".card__figure").get_text() == ("about 6%" if edition.english else "6%左右")


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_the_structure_graphic_links_every_part_and_section(built_site, edition):
    svg = soup(built_site / edition.prefix / "index.html").select_one("svg.structure")
    assert svg["aria-labelledby"] == "structure-title structure-desc" and svg.select_one("title").get_text()
    links = svg.select("a")
    targets = {link["href"] for link in links}
    assert {"p1/", "p2/", "p3/", "closing/"} | {f"p3/{n}/" for n in range(1, 9)} <= targets
    for link in links:
        assert link["aria-label"] and link.select_one("title").get_text() == link["aria-label"]
    widths = {link["href"]: float(link.select_one("rect")["width"]) for link in svg.select("a.structure__part")}
    assert widths["p1/"] > widths["p2/"] > widths["closing/"]


@pytest.fixture(scope="module")
def report_json(built_site):
    return json.loads((built_site / "downloads" / "report.json").read_text(encoding="utf-8"))


def test_report_json_follows_its_schema(built_site, report_json):
    schema = json.loads((built_site / "downloads" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report_json, schema)
    assert len([c for c in report_json["clauses"] if c["kind"] == "paragraph"]) == 78


def test_report_json_matches_the_site(built_site, report_json):
    editions = {e["code"]: e["path"] for e in report_json["editions"]}
    checked = 0
    for clause in report_json["clauses"]:
        for code, path in editions.items():
            if code == "en":
                continue
            page = soup(built_site / path / clause["page"] / "index.html")
            for sentence in clause.get("sentences", []):
                assert page.select_one(f'[id="{sentence["id"]}"]').get_text() == sentence["text"][code]
                checked += 1
    assert checked == 3 * 658
    summaries = [c for c in report_json["clauses"] if c["summary"]]
    assert len(summaries) == 64 and not any(c["summary"]["stale"] for c in summaries)
    assert report_json["summary"]["title"] and report_json["closing_summary"]["title"]


def test_figures_and_glossary_csv_match_the_site(built_site, report):
    rows = list(csv.DictReader(io.StringIO((built_site / "downloads" / "figures.csv").read_text(encoding="utf-8"))))
    assert [r["value"] for r in rows] == [f.value for f in extract(report)]
    assert next(r for r in rows if r["value"] == "816.16亿斤")["en"] == "81.616 billion jin"
    terms = list(csv.DictReader(io.StringIO((built_site / "downloads" / "glossary.csv").read_text(encoding="utf-8"))))
    glossary = soup(built_site / "glossary" / "index.html")
    assert len(terms) == len(glossary.select("h3.term-entry"))
    for term in terms:
        places = glossary.select_one(f'h3[id="g-{term["id"]}"]').find_next("p", class_="term-places")
        assert len(places.select("a")) == len(term["clauses"].split())


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.code)
def test_every_page_has_share_previews(built_site, edition):
    others = {e.og_locale for e in EDITIONS} - {edition.og_locale}
    for path in edition_files(built_site, edition.prefix):
        if path.name == "404.html":
            continue
        page = soup(path)

        def meta(name):
            found = page.select_one(f'meta[property="{name}"], meta[name="{name}"]')
            return found["content"] if found else None

        assert meta("og:title") and meta("og:description") and meta("twitter:card") == "summary"
        assert meta("og:locale") == edition.og_locale
        assert {m["content"] for m in page.select('meta[property="og:locale:alternate"]')} == others
        assert meta("og:url") is None and page.select_one('link[rel="canonical"]') is None  # no public address
        assert meta("description") == meta("og:description")


def test_the_theme_s_configuration_carries_its_features_and_no_unused_strings(built_site):
    """Material's script reads its features from each page; the strings of its own search
    and copy buttons, which no page shows, are not repeated in every page."""
    for path in sorted(built_site.rglob("*.html")):
        config = soup(path).select_one("script#__config")
        if config is None:  # a redirect page
            continue
        data = json.loads(config.string)
        assert {"navigation.top", "toc.follow", "navigation.footer"} <= set(data["features"]), path
        assert data["translations"] == {} and "search" not in data, path
        assert not soup(path).select("[data-md-component=search], .md-clipboard, pre > code"), path


def test_downloads_are_linked_from_every_home_page(built_site):
    for edition in EDITIONS:
        links = [a["href"] for a in soup(built_site / edition.prefix / "index.html").select(".downloads a")]
        assert [link.rsplit("/", 1)[1] for link in links] == ["report.json", "figures.csv", "glossary.csv", "report.schema.json"]
