"""Publishing: the CI workflow, reproducible builds, atomic output, incremental generation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator import build as builder
from generator.site import website, workers
from generator.text.errors import InputError

from .conftest import FIXTURE, ROOT, SHARED, project_for

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_workflow_is_valid_against_the_github_schema():
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_in_shards_merges_and_deploys():
    flow = yaml.load(WORKFLOW.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    triggers = flow["on"]
    assert triggers["push"]["paths-ignore"] == ["README.md"] == triggers["pull_request"]["paths-ignore"]
    jobs = flow["jobs"]
    test = jobs["test"]["steps"]
    python = next(step for step in test if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"
    assert "make test" in [step.get("run", "") for step in test]
    engines = next(step for step in test if "ENGINE=properdocs" in step.get("run", ""))
    assert "diff -r" in engines["run"]
    report = next(step for step in test if step.get("name") == "Revision report")
    assert report["if"] == "github.event_name == 'pull_request'" and "GITHUB_STEP_SUMMARY" in report["run"]
    # The shards: GitHub's matrix, every shard after the tests, one build each.
    shard = jobs["shard"]
    assert shard["needs"] == "test" and shard["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    shards = shard["strategy"]["matrix"]["shard"]
    assert shards == [str(k) for k in range(int(flow["env"]["SHARDS"]))]
    build = next(step for step in shard["steps"] if "make site" in step.get("run", ""))
    assert "--shard ${{ matrix.shard }}/${{ env.SHARDS }}" in build["run"] and "SITE_URL" in build["env"]
    assert any(step.get("uses", "").startswith("actions/upload-artifact") for step in shard["steps"])
    # The merge builds the library over every shard's reports, then Pages deploys it.
    merge = jobs["merge"]
    assert merge["needs"] == "shard"
    runs = [step.get("run", "") for step in merge["steps"]]
    assert any("cp -a" in run for run in runs) and "make site" in runs
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact") for step in merge["steps"])
    deploy = jobs["deploy"]
    assert deploy["needs"] == "merge" and deploy["steps"][0]["uses"].startswith("actions/deploy-pages")


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path):
    first = builder.Project.at(ROOT, FIXTURE, tmp_path / "docs1", tmp_path / "site1", SHARED)
    second = builder.Project.at(ROOT, FIXTURE, tmp_path / "docs2", tmp_path / "site2", SHARED)
    builder.build(first)
    builder.build(second)
    one, two = files(first.site), files(second.site)
    assert len(one) > 60 and one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_bad_input_leaves_the_previous_site_untouched(content_copy):
    project = project_for(content_copy)
    builder.build(project)
    before = files(project.site)
    glossary = content_copy / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("    zh: >-", "    zh: [", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r"glossary.yml:\d+: invalid YAML"):
        builder.build(project)
    assert files(project.site) == before


def test_a_failing_edition_leaves_the_previous_site_untouched(content_copy, monkeypatch):
    project = project_for(content_copy)
    builder.build(project)
    before = files(project.site)
    real = website.build

    def fail_on_hong_kong(config_file, edition, strict):
        if edition.extra["edition"] == "zh-Hant-HK":
            raise website.BuildFailed("Aborted with 1 warning in strict mode")
        real(config_file, edition, strict)

    monkeypatch.setattr(website, "build", fail_on_hong_kong)
    with pytest.raises(website.BuildFailed):
        builder.build(project)
    assert files(project.site) == before
    assert [p.name for p in project.site.parent.iterdir() if p.name.startswith(".site")] == [".site-build.lock"]


def test_editions_built_in_worker_processes_make_the_same_site(content_copy, tmp_path):
    """The four editions are independent: built two at a time or one after another, every
    file of the site is the same."""
    sites = {}
    for jobs in (1, 2):
        project = builder.Project.at(ROOT, content_copy, tmp_path / f"docs{jobs}", tmp_path / f"site{jobs}", SHARED)
        builder.build(project, strict=True, jobs=jobs)
        sites[jobs] = files(project.site)
    assert len(sites[1]) > 50 and sites[1] == sites[2]


def test_an_edition_s_worker_that_dies_stops_the_build_naming_it(content_copy, monkeypatch):
    project = project_for(content_copy)
    builder.build(project)
    before = files(project.site)
    real, parent = website.build, os.getpid()

    def die_on_hong_kong(config_file, edition, strict):
        if edition.extra["edition"] == "zh-Hant-HK" and os.getpid() != parent:
            os._exit(1)  # as if killed, or out of memory
        real(config_file, edition, strict)

    monkeypatch.setattr(website, "build", die_on_hong_kong)
    with pytest.raises(workers.WorkerLost, match="zh-Hant-HK edition"):
        builder.build(project, jobs=2)
    assert files(project.site) == before
    assert [p.name for p in project.site.parent.iterdir() if p.name.startswith(".site")] == [".site-build.lock"]


def test_generate_rewrites_only_what_a_one_character_edit_changes(content_copy):
    project = project_for(content_copy)
    builder.write(builder.generate(builder.load(project), project.templates), project.docs)
    stamps = {p: p.stat().st_mtime_ns for p in project.docs.rglob("*.md")}
    report = content_copy / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("开展汽博会", "开展车博会"), encoding="utf-8")
    written = builder.write(builder.generate(builder.load(project), project.templates), project.docs)
    changed = {p.relative_to(project.docs).as_posix() for p, t in stamps.items() if p.stat().st_mtime_ns != t}
    assert "zh-Hans/p3/1.md" in changed and "zh-Hant-TW/zh-tw/p3/1.md" in changed
    for untouched in ("p1.md", "p2.md", "p3/2.md", "p3/8.md", "closing.md", "glossary.md"):
        for code in ("zh-Hans", "zh-Hant-TW", "zh-Hant-HK", "en"):
            assert f"{code}/{untouched}" not in changed
    assert changed == {f"{code}/{path}" for code, report_ in written.items() for path in report_.written if path.endswith(".md")}
