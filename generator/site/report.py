"""A report's editions as Markdown: its inputs loaded, each edition's tree and strings, every
page rendered, the search index and the downloads; written to docs/ only when all is known.

`load` and `generate` gather everything in memory; nothing is written before all
inputs are known to be good.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..anchors import pages, tombstones
from ..data import downloads, search
from ..editions import conversion, glossary, highlights, summaries
from ..editions.editions import EDITIONS, Edition
from ..editions.inputs import Acceptance, Inputs, Paths, prepare, read, revision_date
from ..text import figures
from ..text.model import sentences
from . import render
from .context import Site
from .outputs import mark as outputs_mark
from .project import Project
from .theme import report_theme, strings_by_edition
from .writer import WriteReport, write_tree


@dataclass(frozen=True)
class EditionOutput:
    """The generated Markdown and nav of one edition; `mount` is the folder of the site
    its pages stand in (zh-tw/jilin/2023/), which every file path and nav entry starts with."""

    edition: Edition
    files: dict[str, str]
    nav: list
    site_name: str
    theme: dict
    mount: str = ""


def load(project: Project, accept: Acceptance = Acceptance()) -> Inputs:
    """Read and validate the content folder and reconcile it with the lock."""
    paths = Paths(project.content, project.display, project.shared)
    return prepare(read(paths, revision_date()), accept)


def generate(inputs: Inputs, templates: Path, cache: Path | None = None, base: str = "") -> tuple[EditionOutput, ...]:
    """Return the Markdown of every edition; pure apart from reading templates.

    `cache` is a folder for compiled templates, reused while they are unchanged;
    `base` is where the report stands in the site ("" at the root, jilin/2023/ in the archive).
    """
    env = render.environment(templates, cache)
    stones = tombstones.collect(inputs.lock, render.kinds(inputs.report))
    numbers = figures.extract(inputs.report)
    sites = [edition_site(inputs, edition, stones, numbers, base) for edition in EDITIONS]
    # A report alone folds the search's scripts with its own table (the archive writes one for all).
    fold = {} if base else {search.FOLD: search.folding_json(
        (a.text, b.text) for site in sites if site.edition.opencc
        for a, b in zip(sentences(inputs.report), sentences(site.report)))}
    strings = strings_by_edition(site.edition for site in sites)
    outputs = []
    for site in sites:
        mount = site.root()
        nav = _mounted(pages.nav(site.pages, site.label), mount)
        # In the archive, a Chinese edition's text for the search is written once, in the
        # chunk files the search across reports shows; the report's index counts them.
        texts = search.chunks(site) if base and not site.edition.english else {}
        files = render.render(env, site) | {search.INDEX: search.index(site, len(texts))} | texts | fold
        if not site.edition.prefix:
            files |= downloads.files(sites)
        name = site.meta.title_en if site.edition.english else site.meta.title
        mounted = {mount + path: text for path, text in files.items()}
        outputs.append(EditionOutput(site.edition, mounted, nav, name, report_theme(site, strings), mount))
    return tuple(outputs)


def _mounted(nav: list, mount: str) -> list:
    """Return a MkDocs nav with every page path under `mount`."""
    if not mount:
        return nav
    return [{label: _mounted(value, mount) if isinstance(value, list) else mount + value for label, value in entry.items()}
            if isinstance(entry, dict) else mount + entry for entry in nav]


def edition_site(inputs: Inputs, edition: Edition, stones: tombstones.Tombstones, numbers=(), base: str = "") -> Site:
    """Return what the templates need for one edition: its text, strings and pages."""
    convert = conversion.converter_for(edition, inputs.overrides)
    report = conversion.convert_report(inputs.report, convert)
    local = edition.localized(convert) if edition.opencc else edition
    meta = conversion.convert_meta(inputs.meta, convert)
    terms = glossary.convert_terms(inputs.terms, convert)
    return Site(
        report, meta, local, inputs.plan(report), inputs.lock, stones, inputs.revisions, convert,
        terms, glossary.occurrences(terms, report), {s.id: s for s in inputs.summaries},
        summaries.targets(inputs.report), {t.term: t.id for t in inputs.terms},
        highlights.convert(inputs.highlights, convert), numbers, base, inputs.translation,
    )


def write(outputs: tuple[EditionOutput, ...], docs: Path) -> dict[str, WriteReport]:
    """Write each edition's Markdown under docs/<code>/, touching only changes."""
    outputs_mark(docs)
    return {out.edition.code: write_tree(out.files, docs / out.edition.code) for out in outputs}
