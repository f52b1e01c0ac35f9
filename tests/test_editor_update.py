"""An editor's text update, end to end, on a copy of the repository: figures
changed, a paragraph inserted, another deleted, a revision entry added as the
README says, then `make site FLAGS=--accept-removals`, `make site`, and the
tests that read content/. Nothing else is edited by hand, and CI stays green.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

REPORT = Path("content") / "reports" / "jilin-2023"
REVISION = "- date: 2023-06-30\n  note: 更正数字，增删段落。\n  note_en: Figures corrected; a paragraph added and one removed.\n"


def copy_repository(target: Path) -> None:
    """Copy the files git knows (tracked, and new ones not ignored) as a clone would have them."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def edit_text(text: str) -> str:
    """Change two figures, insert a paragraph in part 1, delete the paragraph on financial discipline."""
    for old, new in (("新建5G基站5000个", "新建5G基站6000个"), ("城镇新增就业23万人", "城镇新增就业25万人")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    anchor = "　　五年来，我们全面实施"
    text = text.replace(anchor, "　　五年间，全省上下团结一心、奋力拼搏。\n\n" + anchor, 1)
    lines = text.split("\n")
    gone = next(i for i, line in enumerate(lines) if line.strip("\u3000").startswith("严肃财经纪律。"))
    return "\n".join(lines[:gone] + lines[gone + 1 :])


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=1200, env=env)


def test_an_editors_update_keeps_ci_green(tmp_path):
    repo = tmp_path / "repo"
    copy_repository(repo)
    report = repo / REPORT / "report.txt"
    report.write_text(edit_text(report.read_text(encoding="utf-8")), encoding="utf-8")
    with (repo / REPORT / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    before = {p: p.read_bytes() for p in (repo / "content").rglob("*") if p.is_file()}

    refused = run([sys.executable, "-m", "generator", "build", "--strict"], repo)
    assert refused.returncode == 1 and "--accept-removals" in refused.stderr, refused.stderr
    accepted = run([sys.executable, "-m", "generator", "build", "--strict", "--accept-removals"], repo)
    assert accepted.returncode == 0, accepted.stderr
    assert "may be stale" in accepted.stderr  # English lags behind, and says so, without stopping anything
    again = run([sys.executable, "-m", "generator", "build", "--strict"], repo)
    assert again.returncode == 0, again.stderr

    changed = {p.relative_to(repo).as_posix() for p in (repo / "content").rglob("*") if p.is_file()
               if before.get(p) != p.read_bytes()}
    assert changed == {f"{REPORT.as_posix()}/anchors.lock"}

    tests = run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "content"], repo)
    assert tests.returncode == 0, tests.stdout[-3000:]
    assert " passed" in tests.stdout and " failed" not in tests.stdout
