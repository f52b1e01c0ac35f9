"""What makes a build cheaper changes nothing it writes: the theme's files listed
without dot folders, compiled templates kept while their source is unchanged, HTML the
generator wrote whole kept as written, and the search index written at once. (The site built with them is
compared byte for byte with tests/golden/archive-site.sha256 in test_golden.py.)"""

from __future__ import annotations

import fnmatch
import unicodedata
from pathlib import Path

import jinja2
import markdown
import material

from generator.data import postings, search
from generator.site import markdown_ext, themeenv

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


class _CountingEnvironment(jinja2.Environment):
    compiled = 0

    def compile(self, *args, **kwargs):
        type(self).compiled += 1
        return super().compile(*args, **kwargs)


def test_templates_compiled_in_one_build_are_read_back_by_the_next_until_edited(tmp_path):
    """With a folder, a later process (a new cache) reads what an earlier one compiled."""
    (tmp_path / "theme").mkdir()
    template = tmp_path / "theme" / "page.html"
    template.write_text("<h1>{{ title }}</h1>")

    def build(cache) -> str:
        env = _CountingEnvironment(loader=jinja2.FileSystemLoader(str(tmp_path / "theme")), bytecode_cache=cache)
        return env.get_template("page.html").render(title="T")

    first, second, third = themeenv.MemoryBytecodeCache(), themeenv.MemoryBytecodeCache(), themeenv.MemoryBytecodeCache()
    first.keep_in(tmp_path / "cache")
    assert build(first) == "<h1>T</h1>" and _CountingEnvironment.compiled == 1
    assert any((tmp_path / "cache").iterdir())
    second.keep_in(tmp_path / "cache")
    assert build(second) == "<h1>T</h1>" and _CountingEnvironment.compiled == 1
    template.write_text("<h2>{{ title }}</h2>")
    third.keep_in(tmp_path / "cache")
    assert build(third) == "<h2>T</h2>" and _CountingEnvironment.compiled == 2
    third.keep_in(None)
    assert build(themeenv.MemoryBytecodeCache()) == "<h2>T</h2>" and _CountingEnvironment.compiled == 3


def test_tables_and_divisions_written_whole_are_kept_as_written():
    table = "\n".join(["<table>", "<thead>", "<tr>", "<th>A</th>", "</tr>", "</thead>", "<tbody>", "<tr>",
                       '<td><a href="../p1/#p1-1">§1</a></td>', "<td>a_b_ *c* [d](e.md) &#42;</td>", "</tr>",
                       "</tbody>", "</table>"])
    division = '<div class="structure-box"><div class="x">*y*</div><svg><path d="M0 0"/></svg></div>'
    html = markdown.Markdown(extensions=EXTENSIONS).convert(f"## H\n\n{table}\n\n{division}\n")
    assert table in html and division in html
    # Each is put aside whole, before Markdown's own HTML parser reads it.
    md = markdown.Markdown(extensions=EXTENSIONS)
    lines = markdown_ext.WrittenHtmlPreprocessor(md).run(["## H", "", *table.split("\n"), "", division])
    assert lines == ["## H", "", md.htmlStash.get_placeholder(0), "", md.htmlStash.get_placeholder(1)]
    assert md.htmlStash.rawHtmlBlocks == [table, division]
    # What is not a whole table or division is left to Markdown, as if we were not there.
    plain = [name for name in EXTENSIONS if name != "generator.site.markdown_ext"]
    for text in [
        "<table>\n<tr><td>*x*</td></tr>\n",  # not closed
        '<div class="a"><div class="b">*x*</div>\n\n*y*\n\n</div>\n',  # closed on a later line
        '<div class="c" markdown>*z*</div>\n',  # marked as Markdown
    ]:
        converted = markdown.Markdown(extensions=EXTENSIONS).convert(text)
        assert converted == markdown.Markdown(extensions=plain).convert(text), text
    assert "<em>z</em>" in converted


def test_the_index_written_at_once_is_the_index_of_every_pair_s_places():
    texts = ["大众创业万众创新大众创业", "", "一", "万众创新，大众创业", "增长6.5%左右" * 40, "左右"] * 30
    expected = {pair: postings.encode(places) for pair, places in postings.positions(texts).items()}
    assert postings.encoded(texts) == expected
    assert postings.decode(postings.encoded(texts)["大众"])[:3] == [(0, 0), (0, 8), (3, 5)]


def test_a_text_folded_at_once_is_folded_character_by_character():
    table = {"國": "国", "學": "学"}
    text = "中國學生ＡＢＣ，“大众创业、万众创新”①6.5%左右 \nﬁİ"

    def by_character(char: str) -> str:
        kept = (table.get(c, c) for c in unicodedata.normalize("NFKC", char).lower())
        return "".join(c for c in kept if search.searchable(c))

    assert search.fold(text, table) == "".join(map(by_character, text))
    assert search.fold(text, table).startswith("中国学生abc大众创业万众创新16.5%左右")
