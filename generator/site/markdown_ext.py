"""A Python-Markdown extension for the generated pages.

An item is a heading (its lead sentence, which the table of contents lists)
followed by its body paragraph, both shown on one line as in print. Python-
Markdown puts newlines between block elements, which a browser would show as
a space between the lead and the body, and which would be copied with the
text; this pass removes that whitespace inside items.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

ITEM_CLASS = "item"


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
        # After 'prettify' (priority 10), which adds the newlines.
        md.treeprocessors.register(RunInTreeprocessor(md), "report_run_in", 5)


def makeExtension(**kwargs) -> ReportExtension:
    """Return the extension, as Python-Markdown expects of an extension module."""
    return ReportExtension(**kwargs)
