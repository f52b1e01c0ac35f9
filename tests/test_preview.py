"""`python -m generator serve`: starts on a clean tree, serves every edition,
rebuilds after an edit, shows a bad edit's error while serving the last good
site, and recovers when the input is fixed."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def page_if(url: str, test):
    """Return the page at url when test(page) holds, else None."""
    page = fetch(url)
    return page if test(page) else None


def wait_for(condition, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError("the preview did not reach the expected state in time")


@pytest.fixture
def preview(content_copy, tmp_path):
    port = free_port()
    root = tmp_path / "project"
    root.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}", "--content", str(content_copy)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", content_copy
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_preview_serves_rebuilds_and_recovers(preview):
    base, content = preview
    home = wait_for(lambda: fetch(base))
    assert "各位代表" in home
    for edition in ("zh-tw/", "zh-hk/", "en/"):
        assert "<html" in fetch(base + edition + "p3/1/")

    report = content / "report.txt"
    good = report.read_text(encoding="utf-8")
    report.write_text(good.replace("开展汽博会", "开展车博会"), encoding="utf-8")
    wait_for(lambda: "开展车博会" in fetch(base + "p3/1/"))

    report.write_bytes(good.encode("gb18030"))
    shown = wait_for(lambda: page_if(base + "p3/1/", lambda page: 'role="alert"' in page))
    assert "is not valid UTF-8" in shown and "开展车博会" in shown  # the last good site, with the error on top

    report.write_text(good, encoding="utf-8")
    recovered = wait_for(lambda: page_if(base + "p3/1/", lambda page: 'role="alert"' not in page and "开展汽博会" in page))
    assert "开展车博会" not in recovered
