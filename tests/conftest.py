"""Shared fixtures: the project, a site built once per test session, helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build as builder

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "jilin-2023"
SHARED = ROOT / "tests" / "fixtures" / "shared"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the generator")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the frozen copy of the flagship report with --strict; return site/."""
    base = tmp_path_factory.mktemp("build")
    project = builder.Project.at(ROOT, FIXTURE, base / "docs", base / "site", SHARED)
    builder.build(project, strict=True)
    return project.site


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """Return a copy of the frozen flagship report folder that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def fresh_content(content_copy) -> Path:
    """Return a copy of the content folder as before its first publication (no lock)."""
    (content_copy / "anchors.lock").unlink()
    return content_copy


def project_for(content: Path, shared: Path = SHARED) -> builder.Project:
    """Return a project that reads `content` (with the frozen shared material) and writes next to it."""
    return builder.Project.at(ROOT, content, content.parent / "docs", content.parent / "site", shared)
