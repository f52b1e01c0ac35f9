"""Redirect pages: an address the site once published lands where its content is now.

A page that is no longer produced (its part lost its sections, a section was
removed) leaves a small HTML page at its old address that sends the reader
on, keeping the #anchor of the link they followed (or going to the clause
that stands for the page). The pages are written by the generator, not by a
site-engine plugin: the target is escaped for each place it is written into
(HTML attribute, script JSON), links are relative (the site works at any
base path), and a redirect never replaces a page that exists.
"""

from __future__ import annotations

import html
import json
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..text.errors import InputError

PAGE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
<script>location.replace({script_href} + (location.hash || {script_anchor}));</script>
</head>
<body>
<p><a href="{href}">{title}</a></p>
</body>
</html>
"""


@dataclass(frozen=True)
class Redirect:
    """An old page address, the page that now holds its content, and the clause to land on."""

    source: str
    target: str
    anchor: str = ""

    def href(self) -> str:
        """Return the link from the old address to the new one, relative, with the anchor."""
        link = posixpath.relpath(self.target or "/", self.source or "/")
        link = "./" if link == "." else link + "/"
        return link + (f"#{self.anchor}" if self.anchor else "")


def page(redirect: Redirect, lang: str, title: str) -> str:
    """Return the HTML of a redirect page, every value escaped for where it stands."""
    href = redirect.href()
    target, _, anchor = href.partition("#")
    return PAGE.format(
        lang=html.escape(lang, quote=True),
        title=html.escape(title, quote=True),
        href=html.escape(href, quote=True),
        script_href=_script_json(target),
        script_anchor=_script_json(f"#{anchor}" if anchor else ""),
    )


def _script_json(value: str) -> str:
    """Return a string as a JSON literal that cannot end the script element it stands in."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write(site: Path, redirects: tuple[Redirect, ...], lang: str, title: str) -> list[Path]:
    """Write the redirect pages into a built edition; refuse to replace any page."""
    written = []
    for redirect in redirects:
        target = site / redirect.source.strip("/") / "index.html"
        if target.exists():
            raise InputError.at(str(target), 0, f"a redirect from {redirect.source} would replace a page of the site")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(redirect, lang, title), encoding="utf-8")
        written.append(target)
    return written
