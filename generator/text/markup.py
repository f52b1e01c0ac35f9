"""Markup in a report's text: characters that Markdown or HTML would give a meaning are
published literally (a note points them out), and a text that holds HTML (a saved web
page) is not a report's text (a warning, an error under --strict)."""

from __future__ import annotations

import re

from .errors import Problem

MARKUP_RE = re.compile(r"<[A-Za-z/!]|\]\(|\{[#.%{]|\*\*|__|`")


# A whole HTML tag, comment, doctype or character reference: the text of a saved web page.
HTML_RE = re.compile(r"<(?:!doctype\b|!--|/?[a-z][a-z0-9]*(?:\s[^<>]*)?/?>)|&(?:[a-z]{2,8}|#\d{1,7}|#x[0-9a-f]{1,6});",
                     re.IGNORECASE)


def markup_notes(text: str, path: str) -> list[Problem]:
    """Point out lines with markup characters: they are published literally."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = MARKUP_RE.search(line)
        if match and not HTML_RE.search(line):
            found.append(Problem(path, number, f"markup-like text {match.group(0)!r} is shown literally"))
    return found


def html_warnings(text: str, path: str) -> list[Problem]:
    """Return a warning (an error under --strict) for every line that holds HTML: a saved
    web page is not the text of a report."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = HTML_RE.search(line)
        if match:
            found.append(Problem(path, number, f"the text holds HTML ({match.group(0)[:40]!r}): give the report's "
                                               "plain text, not a web page (it would be shown literally)"))
    return found
