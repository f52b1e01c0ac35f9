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


def test_the_archive_preview_rebuilds_only_the_report_edited(tmp_path):
    from generator import build as builder
    from generator import preview as previewing

    from .test_archive import make_archive

    where = make_archive(tmp_path / "archive")
    project = builder.Project.at(ROOT, None, tmp_path / "preview" / "docs", tmp_path / "preview" / "site", where.shared)
    live = previewing.Preview(project, archive=True, strict=True)
    live.rebuild()
    assert live.error == "" and sorted(live.rebuilt) == sorted(p.name for p in where.reports.iterdir())
    report = where.reports / "national-2022" / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("政府工作报告", "政府工作报吿", 1), encoding="utf-8")
    live.rebuild()
    assert live.error == "" and live.rebuilt == ("national-2022",)
    assert not (where.reports / "national-2022" / "anchors.lock").exists()  # the preview writes no lock
    assert "政府工作报吿" in (project.site / "national" / "2022" / "index.html").read_text(encoding="utf-8")


def test_malformed_requests_are_answered_400_or_404(tmp_path):
    import functools
    import http.server
    import threading
    import urllib.error

    from generator import build as builder
    from generator import preview as previewing

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><body>ok</body></html>", encoding="utf-8")
    live = previewing.Preview(builder.Project.at(ROOT, None, tmp_path / "docs", site), error="a problem")
    handler = type("H", (previewing.Handler,), {"preview": live})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert 'role="alert"' in fetch(base)
        for path, status in (("%00", 400), ("a%00b/index.html", 400), ("x" * 300 + "/", 404), ("y" * 5000, 404)):
            with pytest.raises(urllib.error.HTTPError) as answer:
                fetch(base + path)
            assert answer.value.code == status, path
        assert "ok" in fetch(base)  # still serving
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("address", ["nonsense", "127.0.0.1:99999", "127.0.0.1:-1", "256.1.1.1:8000"])
def test_a_bad_address_is_a_clear_error(address, content_copy):
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "--dev-addr", address, "--content",
                             str(content_copy)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "error: --dev-addr: " in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
