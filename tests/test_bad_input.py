"""Bad input and hostile conditions: a clear error naming the file (and the line),
never a traceback, never a half-written site, and no command that destroys what
it did not make."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import build as builder
from generator import cli
from generator.archive import publish as archive
from generator.site import outputs
from generator.text.errors import InputError

from .conftest import ROOT, project_for


def run(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def folders(content: Path) -> list[str]:
    return ["--content", str(content), "--docs", str(content.parent / "docs"), "--site", str(content.parent / "site")]


def previous_site(content: Path) -> Path:
    site = content.parent / "site"
    outputs.mark(site)
    (site / "index.html").write_text("previous site", encoding="utf-8")
    return site


def refused(content: Path, needle: str) -> str:
    """Run a strict build; assert it stops with an error containing `needle` and leaves the site."""
    site = previous_site(content)
    result = run("build", "--strict", *folders(content))
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert needle in result.stderr, result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    return result.stderr


REPORT_INPUTS = {
    "an empty text": (b"", "report.txt:1: the report is empty"),
    "a text of blanks and invisible marks": ("\n\u3000\u3000\n\u200b\n  \n".encode(), "report.txt:1: the report is empty"),
    "a text of 5 MB": (("一、回顾\n" + "正文。" * 600_000).encode(), "report.txt: the file is 5,400,013 bytes, more than the limit"),
    "a GBK text": ("一、回顾\n正文。\n".encode("gb18030"), "report.txt:1: the file is not valid UTF-8"),
}


@pytest.mark.parametrize("name", REPORT_INPUTS)
def test_a_bad_report_text_is_a_clear_error(name, content_copy):
    data, needle = REPORT_INPUTS[name]
    (content_copy / "report.txt").write_bytes(data)
    refused(content_copy, needle)


def test_a_fifo_is_refused_without_hanging(content_copy):
    report = content_copy / "report.txt"
    report.unlink()
    os.mkfifo(report)
    stderr = refused(content_copy, "report.txt: not a regular file")
    assert "cannot read" not in stderr


def test_a_link_to_a_device_is_refused(content_copy):
    report = content_copy / "report.txt"
    report.unlink()
    report.symlink_to("/dev/zero")
    refused(content_copy, "report.txt: a symbolic link (to /dev/zero)")


YAML_TRAPS = {
    "a key that is a list": ("? [title, date]\n: x\n", "report.yml:1: invalid YAML: a key must be text"),
    "a key that is a mapping": ("? {a: 1}\n: x\n", "report.yml:1: invalid YAML: a key must be text"),
    "an impossible date": ("date: 2023-02-30\n", "report.yml:1: invalid YAML: '2023-02-30' is not a valid date"),
    "a date with a time": ("date: 2023-01-15 10:00:00\n", "report.yml:1: report metadata: key 'date' must be a date"),
    "5,000 nested brackets": ("title: " + "[" * 5000 + "]" * 5000 + "\n", "report.yml:1: invalid YAML: nested more than 20"),
    "aliases": ("title: &a x\nspeaker: *a\n", "invalid YAML: aliases (*name) are not allowed"),
    "a billion laughs": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", "aliases (*name) are not allowed"),
    "a title that is a list": ("title: [甲, 乙]\n", "report.yml:1: report metadata: key 'title' must be text"),
    "a 10 MB value": ("title: " + "长" * 3_500_000 + "\n", "report.yml: the file is 10,500,008 bytes, more than the limit"),
    "an unknown key": ("titel: 标题\n", "report.yml:1: report metadata: unknown key 'titel'"),
    "a key that is a number": ("2023: 标题\n", "report.yml:1: invalid YAML: a key must be text, not 2023"),
}


@pytest.mark.parametrize("name", YAML_TRAPS)
def test_a_yaml_trap_is_an_error_with_file_and_line(name, content_copy):
    text, needle = YAML_TRAPS[name]
    (content_copy / "report.yml").write_text(text, encoding="utf-8")
    refused(content_copy, needle)


def test_glossary_aliases_that_are_not_texts(content_copy):
    glossary = content_copy / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("aliases: []", "aliases: [1, {a: b}]", 1),
                        encoding="utf-8")
    refused(content_copy, "glossary.yml:")


def test_a_report_dated_before_1970_builds(content_copy):
    (content_copy / "report.yml").write_text("title: 政府工作报告\ndate: 1954-09-23\n", encoding="utf-8")
    (content_copy / "revisions.yml").write_text(
        "- date: 1954-09-23\n  note: 首次发布。\n  note_en: First publication.\n", encoding="utf-8")
    (content_copy / "anchors.lock").unlink()
    for name in ("summaries", "highlights.yml"):
        path = content_copy / name
        if path.is_dir():
            import shutil

            shutil.rmtree(path)
        else:
            path.unlink()
    env = dict(os.environ, SOURCE_DATE_EPOCH="-478224000")
    result = subprocess.run([sys.executable, "-m", "generator", "build", *folders(content_copy)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr


def test_a_hundredth_part_and_deep_brackets_build(content_copy):
    from generator.text import numerals

    parts = "".join(f"{numerals.from_int(n)}、第{n}部分\n正文{'（' * 50}{n}{'）' * 50}。\n" for n in range(1, 100))
    (content_copy / "report.txt").write_text(parts + "一百、第100部分\n正文。\n", encoding="utf-8")
    for name in ("report.yml", "highlights.yml", "glossary.yml", "anchors.lock"):
        (content_copy / name).unlink()
    import shutil

    shutil.rmtree(content_copy / "summaries")
    (content_copy / "revisions.yml").unlink()
    result = run("build", "--strict", *folders(content_copy))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("where", ["content", "project", "a stranger's folder", "a file", "filesystem root"])
def test_an_output_folder_the_generator_did_not_make_is_refused(where, content_copy, tmp_path):
    stranger = tmp_path / "photos"
    stranger.mkdir()
    (stranger / "holiday.jpg").write_bytes(b"\xff\xd8")
    target = {"content": content_copy, "project": ROOT, "a stranger's folder": stranger,
              "a file": stranger / "holiday.jpg", "filesystem root": Path("/")}[where]
    before = sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) if target.is_dir() and where != "filesystem root" else []
    for option in ("--site", "--docs"):
        args = ["--content", str(content_copy), "--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site")]
        args[args.index(option) + 1] = str(target)
        result = run("build", *args)
        assert result.returncode == 1, result.stderr
        assert "refusing" in result.stderr or "is a file" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    if before:
        assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == before


def test_a_full_disk_while_staging_the_lock_leaves_everything_as_it_was(content_copy, monkeypatch):
    project = project_for(content_copy)
    builder.build(project)
    report = content_copy / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("开展汽博会", "开展车博会"), encoding="utf-8")
    site_before = (project.site / "p3" / "1" / "index.html").read_bytes()
    lock_before = (content_copy / "anchors.lock").read_bytes()

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(outputs, "staged", full)
    assert cli.main(["build", *folders(content_copy)]) == 1
    assert (project.site / "p3" / "1" / "index.html").read_bytes() == site_before
    assert (content_copy / "anchors.lock").read_bytes() == lock_before
    assert not list(content_copy.glob(".*.tmp"))
    assert [p.name for p in content_copy.parent.iterdir() if p.name.startswith(".site.")] == []


def test_two_builds_at_once_both_succeed(content_copy):
    args = [sys.executable, "-m", "generator", "build", "--strict", *folders(content_copy)]
    first = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for process in (first, second):
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    site = content_copy.parent / "site"
    assert (site / "p3" / "1" / "index.html").is_file()
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site.")] == []


def test_a_build_killed_at_random_moments_leaves_one_site_and_no_leftovers(content_copy):
    args = [sys.executable, "-m", "generator", "build", *folders(content_copy)]
    rng = random.Random(7)
    for _ in range(4):
        process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        process.send_signal(signal.SIGKILL)
        process.wait()
    result = run("build", "--strict", *folders(content_copy))
    assert result.returncode == 0, result.stderr
    parent = content_copy.parent
    assert [p.name for p in parent.iterdir() if p.name.startswith(".site.")] == []
    assert (parent / "site" / "index.html").is_file()
    assert not list(content_copy.glob(".*.tmp"))


def test_a_build_waiting_for_another_says_so_and_for_whom(content_copy):
    site = content_copy.parent / "site"
    args = [sys.executable, "-m", "generator", "build", *folders(content_copy)]
    with outputs.turn(site):
        waiting = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = waiting.stderr.readline()  # the first thing the waiting build says
        assert f"waiting for the build of process {os.getpid()}" in line and str(site) in line
    _, rest = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, rest


LINKED = {
    "report.txt": ("report.txt", "/proc/self/environ"),
    "a summaries folder": ("summaries", "{outside}"),
    "a glossary": ("glossary.yml", "{outside}/glossary.yml"),
}


@pytest.mark.parametrize("name", LINKED)
def test_an_input_that_is_a_symbolic_link_is_refused(name, content_copy, tmp_path):
    path, target = LINKED[name]
    outside = tmp_path / "outside"
    shutil.copytree(content_copy, outside)
    link = content_copy / path
    shutil.rmtree(link) if link.is_dir() else link.unlink()
    link.symlink_to(target.format(outside=outside))
    stderr = refused(content_copy, f"{link}: a symbolic link (to ")
    assert "PATH=" not in stderr


def test_a_report_folder_that_is_a_symbolic_link_is_refused(tmp_path):
    from .test_archive import make_archive

    where = make_archive(tmp_path / "archive")
    shutil.move(where.reports / "national-2022", tmp_path / "elsewhere")
    (where.reports / "national-2022").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="national-2022: a symbolic link"):
        archive.build(where, strict=True)
    assert not (tmp_path / "elsewhere" / "anchors.lock").exists()


@pytest.mark.parametrize("file, character", [("report.txt", "\x00"), ("report.txt", "\x1b"), ("glossary.yml", "\x00"),
                                             ("report.yml", "\x85")])
def test_a_control_character_is_refused_with_its_line(file, character, content_copy):
    path = content_copy / file
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[4] += character
    path.write_text("\n".join(lines), encoding="utf-8")
    refused(content_copy, f"{path}:5: control character U+{ord(character):04X} at column {len(lines[4])}")
