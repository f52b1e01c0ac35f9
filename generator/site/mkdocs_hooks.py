"""MkDocs hooks (listed in mkdocs.yml): every value the theme prints is escaped.

MkDocs renders theme templates with autoescaping off, so a site name, a nav
label or a page description from any input would be written into the page
as markup. Here autoescaping is turned on for every theme template (pages,
404.html, sitemap.xml), and the two values that MkDocs documents as HTML
(the page's content and its table-of-contents titles, both made by
Python-Markdown from escaped text) are marked safe. Nothing else is: a value
that should be markup has to be built as such, never by accident.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

UNUSED = ("assets/javascripts/lunr/", "assets/javascripts/workers/", "sitemap.xml")


def on_files(files, config):
    """Leave out the theme files no page loads (lunr, its workers, source maps), and all
    theme files in builds that do not write the site's one copy of them."""
    docs = Path(config.docs_dir).resolve()
    for file in list(files):
        from_theme = not Path(file.abs_src_path).resolve().is_relative_to(docs)
        unused = file.src_uri.startswith(UNUSED) or file.src_uri.endswith(".map")
        if from_theme and (unused or not config.extra.get("copy_assets", True)):
            files.remove(file)
    return files


def on_env(env, config, files):
    """Escape every value printed by the theme templates."""
    env.autoescape = True
    return env


def on_page_content(html, page, config, files):
    """Mark the page's HTML and its table-of-contents titles (HTML, per MkDocs) as safe."""
    for link in _links(page.toc):
        link.title = Markup(link.title)
    return Markup(html)


def _links(items):
    for item in items:
        yield item
        yield from _links(item.children)
