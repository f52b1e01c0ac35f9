"""An editor's text update, end to end, on a copy of the repository, as the README
says: in the flagship, a State Council report of the 1970s and a provincial report,
figures edited, a paragraph inserted, a paragraph that holds a glossary term deleted
and a section added; then `build --strict` is refused until the removals are
accepted by name, publishes with the English lagging behind (never waiting for
it), and the tests that read content/ stay green. Nothing else is edited by hand.

The edits are chosen from each text as it stands (the first figure, a paragraph
that holds a term, the last part), so that the test holds whatever the text says
after an editor's own update.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from generator import build as builder
from generator.editions import glossary
from generator.text.model import ITEM, paragraphs

from .conftest import ROOT

REPORTS = ("jilin-2023", "national-1978", "zhejiang-2025")
REVISION = "- date: 2023-06-30\n  note: 更正数字，增删段落，新增一节。\n  note_en: Figures corrected; paragraphs added and removed; a section added.\n"
UNIT = r"(?:万|亿|个|%|％|公里|千米|家|项|人|元|吨|斤|所|座)"
FIGURE_RE = re.compile(r"(?<![\d.])([1-9]\d{0,3})(?=\s*" + UNIT + ")")
# Older reports write figures in Chinese numerals (二千八百万吨): the digit before a unit.
NUMERAL_RE = re.compile(r"([一二三四五六七八])(?=[十百千]?[万亿]?" + UNIT + ")")
NEXT = dict(zip("一二三四五六七八", "二三四五六七八九"))


def edit_figure(line: str) -> str:
    """Return the line with its first figure one more (6000个 -> 6001个, 二千八百万吨 -> 三千八百万吨)."""
    if FIGURE_RE.search(line):
        return FIGURE_RE.sub(lambda m: str(int(m.group(1)) + 1), line, count=1)
    return NUMERAL_RE.sub(lambda m: NEXT[m.group(1)], line, count=1)


def copy_repository(target: Path) -> None:
    """Copy the files git knows (tracked, and new ones not ignored) as a clone would have them."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def revise(repo: Path, name: str) -> str:
    """Edit one report's text as an editor would; return the text of the paragraph deleted."""
    folder = repo / "content" / "reports" / name
    inputs = builder.load(builder.Project.at(repo, folder, shared=repo / "content"))
    report = inputs.report
    lines = (folder / "report.txt").read_text(encoding="utf-8").split("\n")
    gone = _paragraph_with_a_term(inputs, lines)
    deleted = lines[gone.line - 1]
    last = report.parts[-1]
    end = max([last.line] + [p.line for p in last.paragraphs] + [p.line for s in last.sections for p in s.paragraphs])
    lines[end - 1] += "\n" + _new_section(last) + "\n　　新增一节的内容：推进新的工作。"
    first = report.parts[0].paragraphs[0] if report.parts[0].paragraphs else report.parts[0].sections[0].paragraphs[0]
    lines[first.line - 1] += "\n　　新插入的一段，说明新的情况。"
    figure = next(i for i, line in enumerate(lines) if edit_figure(line) != line and i + 1 != gone.line)
    lines[figure] = edit_figure(lines[figure])
    lines[gone.line - 1] = lines[gone.line - 1].removeprefix(deleted).removeprefix("\n")  # what was added stays
    (folder / "report.txt").write_text("\n".join(lines), encoding="utf-8")
    return deleted


def _paragraph_with_a_term(inputs, lines: list[str]):
    """Return a one-line paragraph (not a section's first) that holds a glossary term, the
    English naming it when the report has English; else any such paragraph."""
    marks = glossary.occurrences(inputs.terms, inputs.report)
    named = {key for s in inputs.summaries for key in re.findall(r"\[\[([^\]|]+)", s.text)}
    named |= {key for line in inputs.translation.lines.values() for key in re.findall(r"\[\[([^\]|]+)", line.en)}
    terms = {t.id: t.term for t in inputs.terms}
    candidates = [p for p in paragraphs(inputs.report) if p.kind != ITEM and len(p.sentences) > 1
                  and _one_line(p, lines) and p.id.count("-") >= 1 and not p.id.endswith("-1")]
    with_terms = [p for p in candidates if any(s.id in marks for s in p.sentences)]
    english = [p for p in with_terms if any(terms[m.term] in named for s in p.sentences for m in marks.get(s.id, ()))]
    return (english or with_terms or candidates)[0]


def _one_line(paragraph, lines: list[str]) -> bool:
    text = "".join(s.text for s in paragraph.sentences)
    return re.sub(r"\s", "", lines[paragraph.line - 1]) == re.sub(r"\s", "", text)


def _new_section(part) -> str:
    from generator.text.numerals import from_int

    return f"（{from_int(len(part.sections) + 1)}）新增一节。"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=1200, env=env)


def test_an_editors_update_publishes_with_the_english_lagging_and_keeps_ci_green(tmp_path):
    repo = tmp_path / "repo"
    copy_repository(repo)
    deleted = {name: revise(repo, name) for name in REPORTS}
    with (repo / "content" / "reports" / "jilin-2023" / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    before = {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()}

    # `make check` finds what the build would refuse, in every report, without building.
    check = [sys.executable, "-m", "generator", "check", "--strict"]
    refused = run(check, repo)
    assert refused.returncode == 1
    for name in REPORTS:
        assert f"error: content/reports/{name}/anchors.lock" in refused.stderr and "--accept-removals" in refused.stderr
    one = run(check + ["--accept-removals", "jilin-2023"], repo)
    assert one.returncode == 1 and "error: content/reports/jilin-2023/" not in one.stderr  # the others still wait
    assert "error: content/reports/national-1978/" in one.stderr
    accept = ["--accept-removals", ",".join(REPORTS)]
    assert run(check + accept + ["--strict-english"], repo).returncode == 1  # teams that gate on English still can

    build = [sys.executable, "-m", "generator", "build", "--strict"]
    accepted = run(build + accept, repo)
    assert accepted.returncode == 0, accepted.stderr
    assert "may be stale" in accepted.stderr  # the English lags behind, and says so, without stopping anything
    again = run(build, repo)
    assert again.returncode == 0, again.stderr
    assert re.search(r"built 0 reports, reused (\d+) unchanged, of \1", again.stdout), again.stdout

    site = repo / "site"
    for name in REPORTS:
        base = name.replace("-", "/", 1)
        published = "".join(p.read_text(encoding="utf-8") for p in (site / base).rglob("index.html"))
        assert "新插入的一段" in published and "新增一节的内容" in published
        assert re.sub(r"\s", "", deleted[name])[:20] in published  # the deleted paragraph's tombstone
    changed = {p.relative_to(repo).as_posix() for p in (repo / "content").rglob("*") if p.is_file()
               if before.get(p) != p.read_bytes()}
    assert changed == {f"content/reports/{name}/anchors.lock" for name in REPORTS} | {"content/catalog.lock"}

    tests = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "content"], repo)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout
