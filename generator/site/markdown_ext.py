"""A Python-Markdown extension for the generated pages.

An item is a heading (its lead sentence, which the table of contents lists)
followed by its body paragraph, both shown on one line as in print. Python-
Markdown puts newlines between block elements, which a browser would show as
a space between the lead and the body, and which would be copied with the
text; this pass removes that whitespace inside items.

Most of a page is HTML the generator wrote whole, a paragraph, a summary box or a
division to a line, a table to a run of lines, its text already escaped. Each is put aside as
written (the HTML stash), before Python-Markdown's HTML block parser and inline
patterns would read it again only to write it back unchanged: the pages are the same,
made with a third less work (the flagship's pages of one edition: 57 ms instead of 80;
the figures pages of the archive: a tenth of the time they took as Markdown tables).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

ITEM_CLASS = "item"
# A line that is one paragraph or summary box, not marked to be read as Markdown.
WHOLE = re.compile(r"<(p|details)\b(?![^>]*\smarkdown\b)[^>]*>.*</\1>")
# A line that opens a division not marked to be read as Markdown, and any opening of one.
DIVISION = re.compile(r"<div\b(?![^>]*\smarkdown\b)[^>]*>")
DIVISION_OPEN = re.compile(r"<div[\s>]")
# The lines a table the generator wrote starts and ends with (the figures' tables).
TABLE_START, TABLE_END = "<table>", "</table>"


class WrittenHtmlPreprocessor(Preprocessor):
    """Put aside each line that is a whole paragraph, summary box or division, and each
    table from a line `<table>` to a line `</table>`, to be written as it is."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        table: list[str] | None = None
        for line in lines:
            if table is not None:
                table.append(line)
                if line == TABLE_END:
                    out.append(self.md.htmlStash.store("\n".join(table)))
                    table = None
            elif line == TABLE_START:
                table = [line]
            else:
                out.append(self.md.htmlStash.store(line) if _whole(line) else line)
        return out + (table or [])


def _whole(line: str) -> bool:
    """Tell whether a line is a whole paragraph, summary box or division (as many
    divisions closed as opened), not marked to be read as Markdown."""
    if WHOLE.fullmatch(line):
        return True
    return (DIVISION.match(line) is not None and line.endswith("</div>")
            and len(DIVISION_OPEN.findall(line)) == line.count("</div>"))


class RunInTreeprocessor(Treeprocessor):
    """Drop whitespace-only text between the children of run-in items."""

    def run(self, root: Element) -> None:
        for element in root.iter("div"):
            if ITEM_CLASS in element.get("class", "").split():
                _strip_whitespace(element)


def _strip_whitespace(element: Element) -> None:
    if element.text and not element.text.strip():
        element.text = None
    for child in element:
        if child.tail and not child.tail.strip():
            child.tail = None


class ReportExtension(Extension):
    """Register the passes of the report pages."""

    def extendMarkdown(self, md) -> None:
        # After MkDocs reads the ids of raw HTML (21), before 'html_block' (20).
        md.preprocessors.register(WrittenHtmlPreprocessor(md), "report_written_html", 20.5)
        # After 'prettify' (priority 10), which adds the newlines.
        md.treeprocessors.register(RunInTreeprocessor(md), "report_run_in", 5)


def makeExtension(**kwargs) -> ReportExtension:
    """Return the extension, as Python-Markdown expects of an extension module."""
    return ReportExtension(**kwargs)
