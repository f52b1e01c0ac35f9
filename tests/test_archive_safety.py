"""The archive as safe to run as one report: reports leave as clauses do (refused until
accepted by name, then a tombstone or a redirect at every address), names are checked
against the text, reuse is keyed on everything that shapes the output, and a killed
build takes its workers with it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urljoin

import pytest

from generator.anchors import catalog
from generator.archive import publish as archive
from generator.build import Project
from generator.build import build as build_one
from generator.editions.editions import EDITIONS
from generator.text import regions
from generator.text.errors import InputError

from .conftest import ROOT
from .helpers import broken_links, soup
from .test_archive import make_archive

GONE = "national-2022"


def accept(**names: str) -> archive.Consent:
    return archive.Consent(**{key: frozenset({value}) for key, value in names.items()})


def redirect_target(site: Path, address: str) -> str:
    """Return the site address a redirect page at `address` sends the reader to."""
    page = soup(site / address.strip("/") / "index.html")
    link = page.select_one('link[rel="canonical"]')["href"]
    return urljoin(address, link)


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path) -> archive.Archive:
    where = make_archive(tmp_path)
    archive.build(where, strict=True, jobs=2)
    return where


def test_the_catalog_records_every_report_published(built):
    published = catalog.read(built.catalog, "catalog.lock")
    assert sorted(published.by_slug) == sorted(p.name for p in built.reports.iterdir())
    entry = published.by_slug["jilin-2023"]
    assert entry.base == "jilin/2023/" and entry.live and entry.first == "2023-01-15"
    assert {"/", "/p3/1/", "/glossary/"} <= set(entry.pages)
    text = built.catalog.read_text(encoding="utf-8")
    built.catalog.write_text(text.replace("jilin/2023/", "jilin/2024/", 1), encoding="utf-8")
    with pytest.raises(InputError, match="catalog was changed by hand"):
        archive.build(built, strict=True)


def test_a_removed_report_is_refused_then_leaves_a_tombstone_at_every_address(built):
    pages = catalog.read(built.catalog, "catalog.lock").by_slug[GONE].pages
    before = tree(built.site)
    shutil.rmtree(built.reports / GONE)
    with pytest.raises(InputError) as caught:
        archive.build(built, strict=True)
    assert f"--accept-removals {GONE}" in str(caught.value) and "/national/2022/" in str(caught.value)
    assert tree(built.site) == before  # nothing was written

    archive.build(built, strict=True, accept=accept(removals=GONE))
    for edition in EDITIONS:
        home = f"/{edition.prefix}national/2022/"
        stone = soup(built.site / home.strip("/") / "index.html")
        assert stone.select_one("p.removed-report") is not None, edition.code
        assert f"content/reports/{GONE}/report.txt" in stone.select_one("p.removed-history").get_text()
        for key in pages[1:]:
            assert redirect_target(built.site, f"/{edition.prefix}national/2022{key}") == home
    listed = soup(built.site / "index.html").select_one("table.library-table--removed")
    assert listed.select_one('a[href="national/2022/"]') is not None
    assert catalog.read(built.catalog, "catalog.lock").by_slug[GONE].removed
    assert broken_links(built.site)[0] == []

    archive.build(built, strict=True)  # a later build keeps the tombstone without asking again
    assert (built.site / "en" / "national" / "2022" / "index.html").is_file()


def test_a_renamed_report_sends_every_address_to_the_same_page(built):
    pages = catalog.read(built.catalog, "catalog.lock").by_slug["national-2023"].pages
    (built.reports / "national-2023").rename(built.reports / "national-2023-revised")
    archive.build(built, strict=True, jobs=2)
    for edition in EDITIONS:
        for key in pages:
            target = redirect_target(built.site, f"/{edition.prefix}national/2023{key}")
            assert target == f"/{edition.prefix}national/2023-revised{key}"
            assert (built.site / target.strip("/") / "index.html").is_file()
    entry = catalog.read(built.catalog, "catalog.lock").by_slug["national-2023"]
    assert entry.moved == "national-2023-revised" and entry.removed


def test_a_deleted_anchor_lock_is_refused_until_restored_or_a_fresh_history_is_accepted(built):
    lock = built.reports / GONE / "anchors.lock"
    kept = lock.read_bytes()
    lock.unlink()
    with pytest.raises(InputError) as caught:
        archive.build(built, strict=True)
    assert f"--accept-fresh-history {GONE}" in str(caught.value) and "git checkout" in str(caught.value)
    alone = Project.at(ROOT, built.reports / GONE, built.site.parent / "x-docs", built.site.parent / "alone", built.shared)
    with pytest.raises(InputError, match="anchor lock is missing"):
        build_one(alone, strict=True)
    lock.write_bytes(kept)
    archive.build(built, strict=True)
    lock.unlink()
    archive.build(built, strict=True, accept=accept(fresh=GONE))
    assert lock.is_file()


def test_names_accepted_must_be_reports(built):
    with pytest.raises(InputError, match="no report is named 'national-2099'"):
        archive.build(built, accept=accept(removals="national-2099"))


@pytest.mark.parametrize("text, message", [
    ("root_reprot: jilin-2023\n", "content/library.yml:1: library settings: unknown key 'root_reprot'"),
    ("root_report: jilin-2031\n", "root_report 'jilin-2031' is no report of content/reports"),
])
def test_the_library_settings_are_checked(built, text, message):
    (built.shared / "library.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        archive.build(built, strict=True)
    assert message in str(caught.value)


@pytest.mark.parametrize("key", ["terms", "zh-tw", "search", "downloads", "p3", "en", "Jilin", "jilin_2"])
def test_a_region_key_that_cannot_be_an_address_of_its_own_is_refused(tmp_path, key):
    path = tmp_path / "regions.yml"
    source = (ROOT / "content" / "regions.yml").read_text(encoding="utf-8")
    path.write_text(source.replace("{key: beijing,", "{key: " + key + ",", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        regions.load(path, "content/regions.yml")
    problem = caught.value.problems[0]
    assert problem.line > 1 and f"region key {key!r}" in problem.message


def test_a_folder_that_disagrees_with_its_text_fails_a_strict_build(tmp_path):
    where = make_archive(tmp_path)
    shutil.copytree(where.reports / "national-2023", where.reports / "jilin-2024")
    (where.reports / "jilin-2024" / "anchors.lock").unlink(missing_ok=True)
    with pytest.raises(InputError) as caught:
        archive.build(where, strict=True, jobs=2)
    message = str(caught.value)
    assert "the text is a report of 国务院 (national), but its folder jilin-2024 files it under jilin" in message
    assert "the text is dated 2023, but its folder jilin-2024 files it under 2024" in message
    outcome = archive.build(where, jobs=2)  # without --strict: a warning
    assert any("files it under jilin" in w for r in outcome.records for w in r.warnings)


def test_a_second_document_of_a_year_never_replaces_the_reports_targets(tmp_path):
    where = make_archive(tmp_path)
    second = where.reports / "national-2023-budget"
    second.mkdir()
    text = (where.reports / "national-2023" / "report.txt").read_text(encoding="utf-8")
    assert text.count("国内生产总值增长5%左右") == 1
    (second / "report.txt").write_text(text.replace("国内生产总值增长5%左右", "国内生产总值增长9%左右"), encoding="utf-8")
    archive.build(where, strict=True, jobs=2)
    table = soup(where.site / "national" / "index.html").select_one("#gdp-growth ~ table.targets-table")
    row = next(tr for tr in table.select("tbody tr") if tr.td.get_text() == "2023")
    target = row.select("td")[1]
    assert target.get_text() == "5%左右" and target.a["href"].startswith("2023/")
    report_links = [a["href"] for a in soup(where.site / "national" / "index.html").select("table.library-table a")]
    assert "2023-budget/" in report_links and "2023/" in report_links


# Reuse keyed on everything that shapes the output ---------------------------------------------


def outcome_of(where: archive.Archive, **options):
    """Return the site a build gives (or the problems that stop it) and what it reused."""
    try:
        done = archive.build(where, jobs=2, **options)
    except InputError as exc:
        return sorted(str(p) for p in exc.problems), []
    return tree(where.site), done.reused


@pytest.mark.parametrize("options, engine", [
    (dict(strict=True), "mkdocs"),
    (dict(strict=True, english=True), "mkdocs"),
    (dict(strict=True), "properdocs"),
])
def test_an_incremental_build_gives_what_a_clean_build_gives(tmp_path, monkeypatch, options, engine):
    incremental = make_archive(tmp_path / "incremental")
    archive.build(incremental, jobs=2)
    monkeypatch.setenv("ENGINE", engine)
    again, reused = outcome_of(incremental, **options)
    clean, _ = outcome_of(make_archive(tmp_path / "clean"), **options)
    assert again == clean
    assert reused == []  # the flags or the engine changed: nothing built under others is reused


def test_a_copied_checkout_reuses_every_report(tmp_path):
    first = make_archive(tmp_path / "one")
    archive.build(first, strict=True, jobs=2)
    shutil.copytree(tmp_path / "one", tmp_path / "two", symlinks=True)
    second = archive.Archive(ROOT, tmp_path / "two" / "docs", tmp_path / "two" / "site", "", tmp_path / "two" / "content")
    done = archive.build(second, strict=True, jobs=2)
    assert done.built == [] and sorted(done.reused) == sorted(p.name for p in second.reports.iterdir())
    assert tree(second.site) == tree(first.site)


# Builds that cannot hang ----------------------------------------------------------------------

SCRIPT = """
import sys
from pathlib import Path
from generator.archive import publish as archive
from generator.site import workers
where = archive.Archive(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), "", Path(sys.argv[4]))
try:
    archive.build(where, strict=True, jobs=2)
except workers.WorkerLost as exc:
    print(f"error: {exc}", file=sys.stderr)
    sys.exit(1)
"""


def start(where: archive.Archive, token: str) -> subprocess.Popen:
    args = [sys.executable, "-c", SCRIPT, str(ROOT), str(where.docs), str(where.site), str(where.shared)]
    env = dict(os.environ, ARCHIVE_TEST_TOKEN=token)
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def processes_with(token: str) -> list[int]:
    """Return the ids of live processes whose environment holds the token."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and f"ARCHIVE_TEST_TOKEN={token}".encode() in (entry / "environ").read_bytes():
                if (entry / "stat").read_text().split(") ")[-1][0] != "Z":
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def is_python(pid: int) -> bool:
    """Tell whether a process runs this Python (a build's worker, not a git it started)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().startswith(sys.executable.encode())
    except OSError:
        return False


def wait_until(condition, timeout: float = 120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("the condition did not hold in time")


def test_a_killed_build_takes_its_workers_with_it_and_the_next_build_finishes(tmp_path):
    where = make_archive(tmp_path)
    rng = random.Random(25)
    for _ in range(3):
        token = uuid.uuid4().hex
        process = start(where, token)
        wait_until(lambda: len(processes_with(token)) >= 2)  # the workers have started
        time.sleep(rng.uniform(0.0, 2.0))
        process.kill()
        process.communicate()
        wait_until(lambda: processes_with(token) == [], timeout=60)
    token = uuid.uuid4().hex
    finished = start(where, token)
    _, stderr = finished.communicate(timeout=600)
    assert finished.returncode == 0, stderr
    assert (where.site / "national" / "2023" / "index.html").is_file()
    assert [p.name for p in where.site.parent.iterdir() if p.name.startswith(".site.")] == []


def test_a_lost_worker_is_one_clear_error(tmp_path):
    where = make_archive(tmp_path)
    token = uuid.uuid4().hex
    process = start(where, token)
    workers = wait_until(lambda: [pid for pid in processes_with(token) if pid != process.pid and is_python(pid)])
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 1
    assert "error: the worker process building" in stderr and "stopped before it finished" in stderr
    assert "Traceback" not in stderr
    assert not where.site.exists()
