"""The build, in order: load, validate, parse, assign anchors, render, write, publish.

`load` and `generate` gather everything in memory; nothing is written before
all inputs are known to be good. `build` then writes the Markdown and runs
MkDocs for every edition into a temporary folder that replaces `site/` only
when every edition has built.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import anchors, metadata, pages, render, website
from .editions import EDITIONS, Edition
from .errors import InputError, Problem
from .metadata import Metadata
from .model import Report, paragraphs, sentences
from .parse import parse
from .source import read_text
from .writer import WriteReport, swap_in, write_tree

MARKUP_RE = re.compile(r"<[A-Za-z/!]|\]\(|\{[#.%{]|\*\*|__|`")


@dataclass(frozen=True)
class Project:
    """Where the inputs are and where the outputs go."""

    root: Path
    content: Path
    docs: Path
    site: Path

    @classmethod
    def at(cls, root: Path, content: Path | None = None, docs: Path | None = None, site: Path | None = None):
        """Return the project rooted at `root`, with optional other folders."""
        return cls(root, content or root / "content", docs or root / "docs", site or root / "site")

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def templates(self) -> Path:
        return self.root / "templates" / "markdown"

    def display(self, path: Path) -> str:
        """Return a path as shown in messages: relative to the project when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


@dataclass(frozen=True)
class Inputs:
    """The validated inputs of a build."""

    report: Report
    meta: Metadata
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class EditionOutput:
    """The generated Markdown and nav of one edition."""

    edition: Edition
    files: dict[str, str]
    nav: list


@dataclass(frozen=True)
class Timings:
    """Seconds spent in each stage of a build."""

    stages: dict[str, float] = field(default_factory=dict)

    def measure(self, name: str, start: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + time.perf_counter() - start


def load(project: Project) -> Inputs:
    """Read, validate and parse the content folder; raise InputError on problems."""
    report_path = project.content / "report.txt"
    shown = project.display(report_path)
    problems: list[Problem] = []
    report = meta = None
    try:
        text = read_text(report_path, shown)
        report = anchors.assign(parse(text, shown))
    except InputError as exc:
        problems.extend(exc.problems)
        text = ""
    try:
        meta = metadata.load(project.content / "report.yml", project.display(project.content / "report.yml"))
    except InputError as exc:
        problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    return Inputs(report, meta, tuple(markup_warnings(text, shown)))


def markup_warnings(text: str, path: str) -> list[Problem]:
    """Point out lines with markup characters: they are published literally."""
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = MARKUP_RE.search(line)
        if match:
            found.append(Problem(path, number, f"markup-like text {match.group(0)!r} is shown literally"))
    return found


def generate(inputs: Inputs, templates: Path) -> tuple[EditionOutput, ...]:
    """Return the Markdown of every edition; pure apart from reading templates."""
    env = render.environment(templates)
    outputs = []
    for edition in EDITIONS:
        plan = pages.plan(inputs.report)
        files = render.render(env, render.Site(inputs.report, inputs.meta, edition, plan))
        outputs.append(EditionOutput(edition, files, pages.nav(plan, edition.t)))
    return tuple(outputs)


def write(outputs: tuple[EditionOutput, ...], docs: Path) -> dict[str, WriteReport]:
    """Write each edition's Markdown under docs/<code>/, touching only changes."""
    return {out.edition.code: write_tree(out.files, docs / out.edition.code) for out in outputs}


def publish(project: Project, outputs: tuple[EditionOutput, ...], meta: Metadata, strict: bool, timings: Timings):
    """Build every edition with MkDocs into a temporary folder, then swap it into place."""
    project.site.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{project.site.name}.", dir=project.site.parent))
    try:
        for out in outputs:
            start = time.perf_counter()
            website.build(project.config_file, _edition_config(project, out, meta, fresh), strict)
            timings.measure(f"mkdocs {out.edition.code}", start)
        swap_in(fresh, project.site)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def _edition_config(project: Project, out: EditionOutput, meta: Metadata, fresh: Path) -> website.EditionConfig:
    return website.EditionConfig(
        docs_dir=project.docs / out.edition.code,
        site_dir=fresh / out.edition.prefix if out.edition.prefix else fresh,
        nav=out.nav,
        site_name=meta.title,
    )


@dataclass(frozen=True)
class Summary:
    """Counts and timings of a build, for the build log."""

    pages: int
    paragraphs: int
    sentences: int
    timings: Timings
    search_bytes: int


def build(project: Project, strict: bool = False) -> Summary:
    """Run the whole build and return its summary."""
    timings = Timings()
    start = time.perf_counter()
    inputs = load(project)
    outputs = generate(inputs, project.templates)
    write(outputs, project.docs)
    timings.measure("generate", start)
    publish(project, outputs, inputs.meta, strict, timings)
    index = project.site / "search" / "search_index.json"
    return Summary(
        pages=sum(len(out.files) for out in outputs),
        paragraphs=sum(1 for _ in paragraphs(inputs.report)),
        sentences=sum(1 for _ in sentences(inputs.report)),
        timings=timings,
        search_bytes=index.stat().st_size if index.exists() else 0,
    )
