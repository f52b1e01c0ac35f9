"""Attack payloads in every input file, published literally: no script runs, no page
navigates, no request leaves the site, and no download turns into a formula.

The hostile build puts payloads into the report's text (a part heading, a
section heading, an item's lead, a sentence made of quotes and equals signs),
every field of report.yml, a glossary term and its definitions, a summary's
title and text, the conversion corrections and the highlights. Every page of
every edition is then loaded in Chromium.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from generator import build as builder
from generator.data import downloads
from generator.editions.inputs import Acceptance
from generator.text.errors import InputError

from .browser import Browser, serve
from .conftest import project_for
from .helpers import soup

PAYLOADS = [
    "<script>alert('t1')</script>",
    "\"><img src=x onerror=alert('t2')>",
    "' onmouseover='alert(\"t3\")' x='",
    "</script><script>alert('t4')</script>",
    "\" http-equiv=\"refresh\" content=\"0;url=https://evil.example/t5",
    "javascript:alert('t6')",
    "{{ 7*7 }}{% raw %}t7",
    "]]></loc></url><url><loc>https://evil.example/t8</loc>",
    "\u2028\u2029<!--t9",
]
ATTACK = "".join(PAYLOADS)
SHORT = "<b>t10</b>\"='"  # for headings, which must stay short to read as headings


def hostile(content: Path) -> None:
    """Put the payloads into every input of a copy of the flagship's folder."""
    report = content / "report.txt"
    text = report.read_text(encoding="utf-8")
    for old, new in (
        ("一、过去五年和2022年工作回顾", "一、过去五年和2022年工作回顾" + SHORT),
        ("（一）着力促消费扩投资。", "（一）着力促消费扩投资" + SHORT + "。"),
        ("一是经济稳定恢复增长。", "一是经济稳定恢复增长" + ATTACK + "。"),
        ("现在，我代表省政府，", "\"=\"=\" = \"\"==\"\"现在，我代表省政府，"),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    meta = content / "report.yml"
    lines = []
    for line in meta.read_text(encoding="utf-8").split("\n"):
        key, sep, value = line.partition(":")
        if sep and not line.startswith((" ", "#")) and key not in ("date",) and value.strip() and value.strip() != ">-":
            line = f"{key}: {json.dumps(value.strip() + ATTACK[:400], ensure_ascii=False)}"
        lines.append(line)
    meta.write_text("\n".join(lines), encoding="utf-8")
    glossary = content / "glossary.yml"
    g = glossary.read_text(encoding="utf-8")
    g = g.replace('en: "One Core, Six Pairs"', f"en: {json.dumps('One Core, Six Pairs' + ATTACK[:300])}", 1)
    glossary.write_text(g, encoding="utf-8")
    summaries = content / "summaries" / "part-3-sections-1-4.yml"
    s = summaries.read_text(encoding="utf-8")
    s = s.replace("title: Boosting consumption and expanding investment",
                  f"title: {json.dumps('Boosting consumption' + ATTACK[:300])}", 1)
    summaries.write_text(s, encoding="utf-8")
    (content / "conversion.yml").write_text(
        "overrides:\n  - zh-Hans: 国家制造业\n    zh-Hant-TW: " + json.dumps("國家製造業" + SHORT, ensure_ascii=False)
        + "\n    zh-Hant-HK: " + json.dumps("國家製造業" + SHORT, ensure_ascii=False) + "\n    reason: test\n",
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import shutil

    from .conftest import FIXTURE

    content = tmp_path_factory.mktemp("hostile") / "content"
    shutil.copytree(FIXTURE, content)
    hostile(content)
    project = project_for(content)
    builder.build(project, strict=False, accept=Acceptance(removals=True, ambiguous=True))
    return project.site


def test_payloads_are_published_literally(hostile_site):
    home = soup(hostile_site / "index.html")
    assert ATTACK[:400] in home.select_one("title").get_text()
    assert "\"=\"=\" = \"\"==\"\"现在" in home.select_one("#p0-1").get_text()
    part = soup(hostile_site / "p1" / "index.html")
    assert ATTACK in part.select_one("#p1-5").get_text() + part.select_one("#p1-5").find_next("p").get_text()
    nav = [a.get_text(" ", strip=True) for a in part.select("nav.md-nav--primary a")]
    assert any(SHORT in label for label in nav)
    english = soup(hostile_site / "en" / "p3" / "1" / "index.html")
    assert "Boosting consumption" + ATTACK[:300] in english.select_one("title").get_text()


def test_no_meta_refresh_or_foreign_element_in_any_page(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = soup(path)
        assert not page.select('meta[http-equiv="refresh" i]'), path
        assert not page.select("img[onerror], [onmouseover]"), path
        for script in page.select("script:not([src])"):
            assert "alert(" not in script.get_text() or script.get("type") == "application/json", path


def test_sitemaps_are_wellformed_with_no_foreign_address(hostile_site):
    import xml.etree.ElementTree as ET

    for sitemap in hostile_site.rglob("sitemap.xml"):
        tree = ET.parse(sitemap)
        for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            assert "evil.example" not in loc.text


def test_no_script_runs_and_no_page_navigates_in_chromium(hostile_site):
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("index.html"))
    dialogs = []
    with serve(hostile_site) as base, Browser() as browser:
        page = browser.page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            url = f"{base}/{path.removesuffix('index.html')}"
            page.goto(url)
            page.wait_for_timeout(150)
            for term in page.query_selector_all("article a.term")[:3]:
                if term.is_visible():
                    # The last definition stays open while the pointer rests on it (it may be
                    # read and its link followed): move away and wait until it has closed.
                    page.mouse.move(0, 0)
                    page.wait_for_selector("#term-tip", state="hidden")
                    term.hover()
            page.mouse.move(10, 10)
            page.wait_for_timeout(50)
            assert page.url == url, f"{path} navigated to {page.url}"
        outside = [u for u in browser.requests if urlparse(u).hostname not in ("127.0.0.1", None)]
    assert dialogs == [] and outside == []


def test_search_and_popups_show_payloads_as_text(hostile_site):
    with serve(hostile_site) as base, Browser() as browser:
        page = browser.page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{base}/p1/")
        page.fill("#cs-input", "经济稳定恢复增长")
        page.wait_for_selector(".cs__results li")
        page.wait_for_timeout(200)
        assert dialogs == []
        assert "<script>" in page.inner_text(".cs__results")


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "＝1", "normal", "一是"])
def test_csv_cells_are_never_formulas(value):
    text = downloads._csv(("a",), [[value]])
    cell = list(csv.reader(io.StringIO(text, newline="")))[1][0]
    assert cell == (value if value in ("normal", "一是") else "'" + value)


def test_downloads_of_the_hostile_site_hold_no_formula(hostile_site):
    for name in ("figures.csv", "glossary.csv"):
        data = (hostile_site / "downloads" / name).read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(data, newline="")))
        for row in rows:
            for cell in row:
                assert not re.match(r"^[=+\-@\t\r＝＋－＠]", cell), (name, cell)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x",
                                 "https://ok.example/\"onmouseover=alert(1)"])
def test_a_source_address_that_is_not_http_is_refused(content_copy, url):

    with (content_copy / "report.yml").open("a", encoding="utf-8") as f:
        f.write(f"source_url: '{url}'\n")
    with pytest.raises(InputError) as caught:
        builder.load(project_for(content_copy))
    assert "source_url" in str(caught.value.problems[0])


def test_compacting_a_page_changes_white_space_only_and_keeps_what_escaping_wrote():
    from generator.site.mkdocs_hooks import compact

    page = ('<title>A &lt;script&gt; &amp;lt;</title>\n    <p title="&quot;&gt;">x &lt;b&gt;</p>\n\n  <p>y</p>'
            '<pre>a\n    b</pre><script>var a = 1;\n    var b = 2;</script>')
    assert compact(page) == ('<title>A &lt;script&gt; &amp;lt;</title>\n<p title="&quot;&gt;">x &lt;b&gt;</p>\n<p>y</p>'
                             '<pre>a\n    b</pre><script>var a = 1;\n    var b = 2;</script>')
