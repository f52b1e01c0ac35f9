"""The command line: clear errors with file:line, and never a half-written site."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from generator import cli
from generator.site import outputs

from .conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def folders(content):
    base = content.parent
    return ["--content", str(content), "--docs", str(base / "docs"), "--site", str(base / "site")]


def test_check_accepts_the_shipped_archive():
    result = run("check", "--strict")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d+ reports: no problems found\n", result.stdout)
    one = run("check", "--strict", "--report", "jilin-2023")
    assert one.returncode == 0 and one.stdout == "content/reports/jilin-2023: no problems found\n", one.stderr


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


def test_a_report_built_alone_goes_into_a_folder_of_its_own(content_copy):
    args = cli._parser().parse_args(["build", "--content", str(content_copy)])
    project = cli._project(args)
    assert project.site == ROOT / ".reports" / content_copy.name / "site"
    assert project.docs == ROOT / ".reports" / content_copy.name / "docs"
    assert cli._project(cli._parser().parse_args(["build"])).site == ROOT / "site"


def test_a_report_is_never_built_into_the_archives_site(content_copy, tmp_path):
    site = tmp_path / "archive-site"
    outputs.mark(site)
    (site / "search").mkdir()
    (site / "search" / "reports.json").write_text("{}", encoding="utf-8")
    result = run("build", "--content", str(content_copy), "--site", str(site), "--docs", str(tmp_path / "docs"))
    assert result.returncode == 1 and "this folder holds the archive" in result.stderr, result.stderr
    assert (site / "search" / "reports.json").read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize("args, message", [
    (("build", "--accept-removals"), "the archive never accepts them all at once"),
    (("build", "--report", "jilin-2023"), "build takes the whole archive"),
    (("stamp",), "name the report whose English you reviewed"),
    (("generate",), "name one report"),
    (("check", "--report", "../content"), "no report is named '../content'"),
])
def test_archive_commands_want_report_names(args, message):
    result = run(*args)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_check_covers_every_report_of_the_archive(tmp_path):
    from generator import build as builder
    from generator.archive import checks
    from generator.editions.inputs import Acceptance

    from .test_archive import make_archive

    where = make_archive(tmp_path)
    broken = where.reports / "national-2022" / "report.txt"
    broken.write_text(broken.read_text(encoding="utf-8") + "<p>网页</p>\n", encoding="utf-8")
    folders = sorted(where.reports.iterdir())
    project = builder.Project.at(ROOT, None, tmp_path / "docs", tmp_path / "site", where.shared)
    found = checks.check(project, folders, [Acceptance()] * len(folders), strict=True, english=False)
    assert [p.path for p in found.problems] == [str(broken)]
    assert "the text holds HTML" in found.problems[0].message
