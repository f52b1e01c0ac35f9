"""Text with Markdown and HTML syntax shows literally."""

import markdown
import pytest

from generator.site.escape import escape, escape_text

TRICKY = [
    "*强调*",
    "_下划线_",
    "# 标题",
    "a | b",
    "<script>alert(1)</script>",
    "[链接](http://example.com)",
    "{#p1-1}",
    "{{ config }}",
    "{% if x %}",
    "`代码`",
    "&amp; 与 &",
    "**加粗**",
    "![图](x.png)",
    "\\*反斜杠",
]


def render(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])


@pytest.mark.parametrize("text", TRICKY)
def test_paragraph_text_is_literal(text):
    html = render(f"<div markdown>\n\n<p>{escape_text(text)}</p>\n\n</div>")
    assert _text_of(html) == text


@pytest.mark.parametrize("text", TRICKY)
def test_heading_text_is_literal(text):
    html = render(f"## {escape_text(text)} {{ #x }}")
    assert html.startswith('<h2 id="x">')
    assert _text_of(html) == text


def test_markup_is_kept():
    from markupsafe import Markup

    assert escape(Markup("<b>")) == "<b>"
    assert escape("<b>") == "&#60;b&#62;"


def _text_of(html: str) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text().strip()
