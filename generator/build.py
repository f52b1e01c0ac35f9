"""One report's build, in order: load, validate, parse, assign anchors, render, write, publish.

Everything is gathered in memory first (`site.report.load` and `generate`);
nothing is written before all inputs are known to be good. `build` then writes
the Markdown and runs the site engine for every edition into a temporary folder
that replaces the output folder only when every edition has built. The
archive's build (`archive.publish`) runs the same stages for every report.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from .data import search
from .editions.inputs import Acceptance, Inputs, failing, revision_date
from .site import outputs
from .site.project import Project, guard
from .site.publication import Timings, build_editions, publish, stage_lock, write_lock
from .site.report import generate, load, write
from .text.errors import InputError
from .text.model import paragraphs, sentences

__all__ = ["Project", "Summary", "build", "build_editions", "failing", "generate", "load", "publish",
           "revision_date", "stage_lock", "write", "write_lock"]


@dataclass(frozen=True)
class Summary:
    """Counts and timings of a build, for the build log."""

    editions: int
    pages: int
    paragraphs: int
    sentences: int
    timings: Timings
    search_bytes: dict[str, int]
    inputs: Inputs


def build(project: Project, strict: bool = False, accept: Acceptance = Acceptance(), english: bool = False,
          record: bool = True, jobs: int | None = None) -> Summary:
    """Run the whole build and return its summary; the lock is written last (unless not
    `record`ing, as the preview does). The editions are built in `jobs` processes (None:
    one a core)."""
    guard(project)
    with outputs.turn(project.site):
        timings = Timings()
        start = time.perf_counter()
        inputs = load(project, accept)
        if failing(inputs, strict, english):
            raise InputError(failing(inputs, strict, english))
        outputs.mark(project.docs)  # ours before anything is written in it: a build killed then leaves it ours
        editions = generate(inputs, project.templates, project.cache)
        write(editions, project.docs)
        timings.measure("generate", start)
        publish(project, editions, inputs, strict, timings, record, jobs)
    return Summary(
        editions=len(editions),
        pages=sum(1 for path in editions[0].files if path.endswith(".md")),
        paragraphs=sum(1 for _ in paragraphs(inputs.report)),
        sentences=sum(1 for _ in sentences(inputs.report)),
        timings=timings,
        search_bytes={out.edition.code: _size(project.site / out.mount / search.INDEX) for out in editions},
        inputs=inputs,
    )


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0
