"""The command line: clear errors with file:line, and never a half-written site."""

from __future__ import annotations

import re
import subprocess
import sys
from generator import outputs

from .conftest import ROOT



def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def folders(content):
    base = content.parent
    return ["--content", str(content), "--docs", str(base / "docs"), "--site", str(base / "site")]


def test_check_accepts_the_shipped_content():
    result = run("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert "content/reports/jilin-2023: no problems found" in result.stdout


def test_gbk_report_is_refused_and_site_left_alone(content_copy):
    report = content_copy / "report.txt"
    report.write_bytes(report.read_text(encoding="utf-8").encode("gb18030"))
    site = content_copy.parent / "site"
    outputs.mark(site)  # a site an earlier build made
    (site / "index.html").write_text("previous site", encoding="utf-8")
    result = run("build", *folders(content_copy))
    assert result.returncode == 1
    assert f"error: {report}:1: the file is not valid UTF-8" in result.stderr
    assert "GB18030" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (content_copy.parent / "docs").exists()


def test_all_input_problems_are_reported_together(content_copy):
    text = "一、回顾\n正文。\n二、安排\n正文。\n三、措施\n正文。\n二、重复\n正文。\n"
    (content_copy / "report.txt").write_text(text, encoding="utf-8")
    meta = content_copy / "report.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("\ntitle:", "\ntitel:"), encoding="utf-8")
    (content_copy / "revisions.yml").write_text("- date: 2023-01-15\n  note: 首次\n", encoding="utf-8")
    result = run("check", *folders(content_copy))
    assert result.returncode == 1
    assert f"{content_copy}/report.txt:7: part 二、 is out of sequence: expected 四、" in result.stderr
    assert "report metadata: unknown key 'titel'" in result.stderr
    assert "revision 1: missing key 'note_en'" in result.stderr
    assert "3 problems in the input; nothing was written" in result.stderr
    assert "Traceback" not in result.stderr


def test_generate_writes_only_changed_files(content_copy):
    first = run("generate", *folders(content_copy))
    assert first.returncode == 0, first.stderr
    second = run("generate", *folders(content_copy))
    for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "en"):
        count = re.search(rf"^{code}: (\d+) written, 0 unchanged, 0 removed$", first.stdout, re.M).group(1)
        assert int(count) >= 17
        assert f"{code}: 0 written, {count} unchanged, 0 removed" in second.stdout


def test_build_replaces_the_site_and_prints_figures(content_copy):
    site = content_copy.parent / "site"
    outputs.mark(site)  # a site an earlier build made
    (site / "stale.html").write_text("old", encoding="utf-8")
    result = run("build", "--strict", *folders(content_copy))
    assert result.returncode == 0, result.stderr
    assert "built 4 editions of 16 pages, 78 paragraphs, 658 sentences" in result.stdout
    assert not (site / "stale.html").exists()
    assert (site / "p3" / "1" / "index.html").exists()
    assert not list(site.parent.glob(".site.*"))
