"""The site as Material's own search would serve it, for comparison.

Builds the generated Markdown of every edition once more, with Material's
search plugin enabled and given its best chance: every clause is a search
section of its own (not only headings), and jieba segments with its
dictionary extended by the traditional forms of its words (jieba's own list
is simplified only). Used by bench/search_quality.py; not part of the site.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path

from generator.site.writer import write_file

SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：“”‘’「」『』（）《》]+"
HOOK = Path(__file__).resolve()


def build(project, outputs, target: Path) -> Path:
    """Build every edition with Material's search into target; return it."""
    import logging

    import jieba
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from generator.site.publication import _edition_config
    from generator.site.website import _apply_edition

    jieba.setLogLevel(logging.WARNING)
    configs = tuple(out.edition.opencc for out in outputs if out.edition.opencc)
    jieba.set_dictionary(str(dictionary(project.docs / ".cache", configs)))
    for out in outputs:
        edition = _edition_config(project, out, target, {})
        config = load_config(
            str(project.config_file),
            docs_dir=str(edition.docs_dir),
            site_dir=str(edition.site_dir),
            nav=edition.nav,
            site_name=edition.site_name,
            plugins=[{"search": {"separator": SEPARATOR}}, "redirects"],
            hooks=[str(HOOK)],
        )
        _apply_edition(config, edition)
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    return target


def on_page_context(context, page, config, nav):
    """MkDocs hook: index the page's clauses one by one instead of by heading."""
    plugin = config.plugins.get("material/search")
    sections = entries(page.content, page.url, page.title)
    if plugin is None or not sections:
        return context
    index = plugin.search_index
    index.entries = [e for e in index.entries if e["location"].split("#")[0] != page.url]
    for section in sections:
        section["title"] = index._segment_chinese(section["title"])
        section["text"] = index._segment_chinese(section["text"])
        index.entries.append(section)
    return context


@dataclass
class Clause:
    """The searchable text of one clause."""

    id: str = ""
    number: str = ""
    lead: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _ClauseParser(HTMLParser):
    """Collects the clauses of a rendered page, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.clauses: list[Clause] = []
        self._depth = 0
        self._clause_depth = 0
        self._lead_depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        self._depth += 1
        if "clause" in classes and not self._clause_depth:
            self.clauses.append(Clause(id=attrs.get("id", "")))
            self._clause_depth = self._depth
        elif self._clause_depth and tag == "h2" and "lead" in classes:
            self.clauses[-1].id = attrs.get("id", self.clauses[-1].id)
            self._lead_depth = self._depth
        if self._clause_depth and "cn" in classes:
            self.clauses[-1].number = attrs.get("data-n", "")

    def handle_endtag(self, tag: str) -> None:
        if self._depth == self._lead_depth:
            self._lead_depth = 0
        if self._depth == self._clause_depth:
            self._clause_depth = 0
        self._depth -= 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._clause_depth:
            (self.clauses[-1].lead if self._lead_depth else self.clauses[-1].text).append(data)


def clauses(html: str) -> list[Clause]:
    """Return the clauses of a rendered page."""
    parser = _ClauseParser()
    parser.feed(html)
    parser.close()
    return parser.clauses


def entries(html: str, url: str, title: str) -> list[dict[str, str]]:
    """Return the search sections of a page: one for the page, one per clause."""
    found = clauses(html)
    if not found:
        return []
    sections = [{"location": url, "title": title, "text": ""}]
    for clause in found:
        heading = " ".join(part for part in (clause.number, "".join(clause.lead).strip()) if part)
        sections.append({"location": f"{url}#{clause.id}", "title": heading, "text": "".join(clause.text).strip()})
    return sections


def dictionary(cache: Path, configs: tuple[str, ...]) -> Path:
    """Return jieba's dictionary with the traditional forms of its words added (cached)."""
    source = _jieba_dictionary()
    key = hashlib.sha1(repr((metadata.version("jieba"), metadata.version("opencc"), configs)).encode()).hexdigest()[:12]
    target = cache / f"jieba-{key}.txt"
    if not target.exists():
        write_file(target, merged(source.read_text(encoding="utf-8"), configs))
    return target


def merged(text: str, configs: tuple[str, ...]) -> str:
    """Return the dictionary text with the converted forms of its words added."""
    import opencc

    entries: dict[str, tuple[int, str]] = {}
    for variant in (text, *(opencc.OpenCC(c).convert(text) for c in configs)):
        for line in variant.splitlines():
            word, freq, *tag = line.split(" ")
            if int(freq) > entries.get(word, (0, ""))[0]:
                entries[word] = (int(freq), tag[0] if tag else "")
    return "".join(f"{word} {freq} {tag}".rstrip() + "\n" for word, (freq, tag) in sorted(entries.items()))


def _jieba_dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).with_name("dict.txt")
