"""What makes an edition's build cheaper changes nothing it writes: the theme's files
listed without dot folders, compiled templates kept while their source is unchanged,
and HTML the generator wrote whole kept as written. (The site built with them is
compared byte for byte with tests/golden/archive-site.sha256 in test_golden.py.)"""

from __future__ import annotations

import fnmatch
from pathlib import Path

import jinja2
import markdown
import material

from generator.site import themeenv

ENGINE_SKIPS = (".*", "*/.*")  # the engine's patterns for hidden files (mkdocs/structure/files.py)
EXTENSIONS = ["attr_list", "md_in_html", "generator.site.markdown_ext", "toc"]


def _copied(name: str) -> bool:
    return not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in ENGINE_SKIPS)


def _listings(folder: Path) -> tuple[list[str], list[str]]:
    engine = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)))
    ours = jinja2.Environment(loader=themeenv.UndottedLoader(str(folder)))
    return engine.list_templates(filter_func=_copied), ours.list_templates()


def test_the_theme_listing_holds_every_file_the_engine_copies():
    engine, ours = _listings(Path(material.__file__).parent / "templates")
    assert len(engine) > 100
    assert ours == engine


def test_files_in_dot_folders_are_not_listed_but_still_found(tmp_path):
    (tmp_path / ".icons" / "set").mkdir(parents=True)
    (tmp_path / ".icons" / "set" / "a.svg").write_text("<svg/>")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("js")
    (tmp_path / "assets" / ".hidden").write_text("x")
    (tmp_path / "main.html").write_text("html")
    engine, ours = _listings(tmp_path)
    assert ours == engine == ["assets/app.js", "main.html"]
    env = jinja2.Environment(loader=themeenv.UndottedLoader(str(tmp_path)))
    assert env.get_template(".icons/set/a.svg").render() == "<svg/>"


def test_a_template_edited_between_builds_is_compiled_again(tmp_path):
    cache = themeenv.MemoryBytecodeCache()
    template = tmp_path / "page.html"

    def build() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=cache)
        return env.get_template("page.html").render(title="T")

    template.write_text("<h1>{{ title }}</h1>")
    assert build() == "<h1>T</h1>"
    assert build() == "<h1>T</h1>"
    template.write_text("<h2>{{ title }}</h2>")
    assert build() == "<h2>T</h2>"


def test_an_edition_build_uses_the_cache_and_the_listing():
    class Theme:
        def get_env(self):
            return jinja2.Environment(loader=jinja2.FileSystemLoader(["a", "b"], encoding="utf-8", followlinks=True))

    theme = Theme()
    themeenv.install(theme)
    env = theme.get_env()
    assert isinstance(env.loader, themeenv.UndottedLoader)
    assert (env.loader.searchpath, env.loader.followlinks) == (["a", "b"], True)
    assert env.bytecode_cache is themeenv.CACHE


def test_html_written_whole_is_kept_as_written():
    text = (
        '<div class="clause item" markdown>\n\n'
        "## Lead { #p1-1 .lead }\n\n"
        '<p class="body">a_b_ *c* [d](e.md) &#42;</p>\n'
        "</div>\n\n"
        '<details class="en-box"><summary>S</summary><div lang="en"><p>*x*</p></div></details>\n\n'
        '<p class="term-places" markdown>[§1](p1.md#p1-1)</p>\n'
    )
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    # The item's lead and body on one line; the body as written.
    assert '<h2 class="lead" id="p1-1">Lead</h2><p class="body">a_b_ *c* [d](e.md) &#42;</p>' in html
    assert '<details class="en-box"><summary>S</summary><div lang="en"><p>*x*</p></div></details>' in html
    # A line marked to be read as Markdown still is.
    assert '<p class="term-places"><a href="p1.md#p1-1">§1</a></p>' in html
