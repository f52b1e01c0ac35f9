"""Markup characters inside the report text are published literally."""

from __future__ import annotations

from generator import build as builder

from .conftest import project_for
from .helpers import soup

MARKUP = "*强调*_下划_#井号|竖线<b>粗</b><script>alert(1)</script>[链接](http://evil.example)![图](x.png){#p1-1}{{ config }}{% if x %}`代码`&amp;"
SHORT = "<b>粗</b>{#a}`码`"  # a run-in heading stays short to read as one


def test_markup_in_every_context_shows_literally(fresh_content):
    content_copy = fresh_content
    report = content_copy / "report.txt"
    text = report.read_text(encoding="utf-8")
    replacements = {
        "一、过去五年和2022年工作回顾": "一、过去五年和2022年工作回顾" + MARKUP.split("。")[0][:20],
        "一是经济稳定恢复增长。": "一是经济稳定恢复增长" + MARKUP + "。",
        "（一）着力促消费扩投资。": "（一）着力促消费扩投资" + SHORT + "。",
        "现在，我代表省政府，": "现在，我代表省政府" + MARKUP + "，",
        "各位代表：": "各位代表" + MARKUP + "：",
    }
    for old, new in replacements.items():
        assert text.count(old) == 1
        text = text.replace(old, new)
    report.write_text(text, encoding="utf-8")
    project = project_for(content_copy)
    summary = builder.build(project)
    assert (summary.editions, summary.pages) == (4, 16)

    home = soup(project.site / "index.html").select_one("article")
    part1 = soup(project.site / "p1" / "index.html").select_one("article")
    section1 = soup(project.site / "p3" / "1" / "index.html").select_one("article")
    assert MARKUP in home.select_one("#p0-1").get_text()
    assert MARKUP in part1.select_one("#p1-5").get_text()
    assert replacements["一、过去五年和2022年工作回顾"] in part1.select_one("h1#p1").get_text()
    assert SHORT in section1.select_one("h1#p3-1").get_text()
    for article in (home, part1, section1):
        assert not article.select("b, script:not([type='application/json']), img, em, strong, code")
        assert not article.select('a[href^="http"]')


def test_markup_is_reported_with_its_line(fresh_content):
    content_copy = fresh_content
    report = content_copy / "report.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9].replace("五年", "**五年**", 1)
    report.write_text("\n".join(lines), encoding="utf-8")
    inputs = builder.load(project_for(content_copy))
    assert not inputs.warnings
    markup = [str(w) for w in inputs.notes if "markup-like text" in str(w)]
    assert markup == [f"{report}:10: markup-like text '**' is shown literally"]


def test_html_in_the_text_fails_a_strict_build_with_its_line(fresh_content):
    """A saved web page is not a report's text: HTML is a warning (an error under --strict)."""
    report = fresh_content / "report.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[9] = lines[9].replace("五年", "<b>五年</b>", 1)
    lines[11] = lines[11] + "&nbsp;"
    report.write_text("\n".join(lines), encoding="utf-8")
    inputs = builder.load(project_for(fresh_content))
    found = [str(w) for w in inputs.warnings]
    assert found[0].startswith(f"{report}:10: the text holds HTML ('<b>')")
    assert found[1].startswith(f"{report}:12: the text holds HTML ('&nbsp;')")
    assert len(found) == 2 and not [n for n in inputs.notes if "markup-like" in str(n)]
