"""Every report in content/reports (and the test corpus, where present) reads
into a tree that keeps every character, with unique ids and the part headings
that a plain reading of the numbering finds; three reports of different shapes
build into a site that shows all their text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.anchors import ids as anchors
from generator.text import lines, numerals
from generator.text.parse import read

from .conftest import ROOT
from .helpers import reading_order, report_text

pytestmark = pytest.mark.content

CORPUS = ROOT.parent / "shared" / "corpus"
REPORTS = sorted((ROOT / "content" / "reports").glob("*/report.txt"))
EXTRA = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
DUN = re.compile(r"^([一二三四五六七八九十]{1,3})(?:、(.*))?$")
# Reports whose own numbering defeats the plain reading below: it uses 一、 for
# its parts and for lists of headings inside them, so a plain reading takes the
# third item of a list (三、坚持把科技进步…) for the third part.
PLAIN_READING_FAILS = {"national-1986"}


def visible(text: str) -> str:
    """Return the characters that count: all but whitespace and invisible marks."""
    return "".join(ch for ch in text if ch not in lines.INVISIBLE and not ch.isspace())


def tree_text(report) -> str:
    """Return every text of the tree in document order."""
    pieces = [line.text for line in report.front.lines]
    pieces += [p.text for p in report.front.opening]
    for part in report.parts:
        pieces += [part.heading] + [p.text for p in part.paragraphs]
        for section in part.sections:
            pieces += [section.heading] + [p.text for p in section.paragraphs]
    pieces += [p.text for p in report.closing]
    for appendix in report.appendices:
        pieces += [appendix.heading] + [p.text for p in appendix.paragraphs]
    return "".join(pieces)


def plain_part_lines(text: str) -> list[int]:
    """Return the lines a plain reading takes for parts: 一、 (or a bare 一) and a short
    title without sentence punctuation, numbered on from 一."""
    found, expected = [], 1
    for number, raw in enumerate(text.split("\n"), start=1):
        match = DUN.match(raw.strip(lines.INVISIBLE))
        title = match.group(2) if match else None
        if match and numerals.to_int(match.group(1)) == expected and (
            title is None or (2 <= len(title) <= 40 and not re.search("[。；！？]", title))
        ):
            found.append(number)
            expected += 1
    return found


def name(path: Path) -> str:
    return path.parent.name if path.name == "report.txt" else f"{path.parent.name}-{path.stem}"


@pytest.mark.parametrize("path", REPORTS + EXTRA, ids=name)
def test_a_report_reads_without_losing_a_character(path):
    text = path.read_text(encoding="utf-8")
    report, _ = read(text, str(path))
    assert visible(tree_text(report)) == visible(text)
    assert anchors.check_unique(anchors.assign(report)) == []


def numbered_parts(path: Path) -> bool:
    """Tell whether the reader takes a report's parts from 一、 numbering (or bare 一)."""
    report, _ = read(path.read_text(encoding="utf-8"), str(path))
    return bool(report.parts) and bool(DUN.match(report.parts[0].heading.split("、")[0]))


NUMBERED = [path for path in REPORTS if numbered_parts(path) and name(path) not in PLAIN_READING_FAILS]


@pytest.mark.parametrize("path", NUMBERED, ids=name)
def test_numbered_parts_are_the_ones_a_plain_reading_finds(path):
    text = path.read_text(encoding="utf-8")
    report, _ = read(text, str(path))
    assert [part.line for part in report.parts] == plain_part_lines(text)


def test_the_plain_reading_covers_most_reports():
    assert len(NUMBERED) >= len(REPORTS) * 0.8


SHAPES = ["national-2017", "jiangxi-2025", "xizang-2025"]


@pytest.mark.parametrize("slug", SHAPES)
def test_a_report_folder_with_only_its_text_builds(tmp_path, slug):
    """A Wikisource national report (split title, speaker over two lines), a newspaper
    provincial report with a 名词注释 appendix, and one whose parts are unnumbered."""
    source = ROOT / "content" / "reports" / slug / "report.txt"
    folder = tmp_path / slug
    folder.mkdir()
    (folder / "report.txt").write_bytes(source.read_bytes())
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--strict", "--content", str(folder),
         "--docs", str(tmp_path / "docs"), "--site", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    shown = "".join(report_text(page) for page in reading_order(site))
    assert visible(shown) == visible(source.read_text(encoding="utf-8"))
