"""MkDocs hooks (listed in mkdocs.yml): every value the theme prints is escaped, and
every page is written compact.

MkDocs renders theme templates with autoescaping off, so a site name, a nav
label or a page description from any input would be written into the page
as markup. Here autoescaping is turned on for every theme template (pages,
404.html, sitemap.xml), and the two values that MkDocs documents as HTML
(the page's content and its table-of-contents titles, both made by
Python-Markdown from escaped text) are marked safe. Nothing else is: a value
that should be markup has to be built as such, never by accident.

Pages are written compact: each run of white space that holds a line break is one
line break (outside pre, code, textarea, script and style, where white space is
content), about an eighth less to store and to send. Nothing else changes: a
minifier such as minify-html also rewrites entities (a title's &lt; becomes <), and
the escaping above must reach the page exactly as written. JSON the theme prints
(tojson) keeps its Chinese as UTF-8, not as \\u escapes.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.structure.files import File

AS_WRITTEN = re.compile(r"(<(pre|code|textarea|script|style)\b.*?</\2>)|\s*\n\s*", re.S | re.I)
UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "sitemap.xml")
STRINGS = "assets/javascripts/strings.js"


def on_files(files, config):
    """Leave out the theme files no page loads (lunr, its workers, source maps), and all
    theme files in builds that do not write the site's one copy of them; the build that
    writes them writes the interface strings of every edition too (STRINGS)."""
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        from_theme = not Path(file.abs_src_path).resolve().is_relative_to(docs)
        unused = file.src_uri.startswith(UNUSED) or file.src_uri.endswith(".map")
        if from_theme and (unused or not config.extra.get("copy_assets", True)):
            files.remove(file)
    if config.extra.get("copy_assets", True) and config.extra.get("ui_editions"):
        files.append(File.generated(config, STRINGS, content=strings_script(config.extra["ui_editions"])))
    return files


def strings_script(by_edition: dict) -> str:
    """Return the script giving the theme's scripts their interface strings, once for the
    whole site: by edition code, which is the language of the edition's pages."""
    return "window.reportStrings = " + json.dumps(by_edition, ensure_ascii=False, sort_keys=True) + ";\n"


def on_env(env, config, files):
    """Escape every value printed by the theme templates; JSON in UTF-8."""
    env.autoescape = True
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env


def on_post_page(output, page, config):
    """Return the page with each run of white space holding a line break as one line break."""
    return compact(output)


def compact(html: str) -> str:
    """Return HTML with each run of white space holding a line break as one line break,
    except within the elements where white space is content."""
    return AS_WRITTEN.sub(lambda match: match.group(1) or "\n", html)


def on_page_content(html, page, config, files):
    """Mark the page's HTML and its table-of-contents titles (HTML, per MkDocs) as safe."""
    for link in _links(page.toc):
        link.title = Markup(link.title)
    return Markup(html)


def _links(items):
    for item in items:
        yield item
        yield from _links(item.children)
