"""Shared fixtures: the project, a site built once per test session, helpers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import build as builder

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the generator")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """Build the real content with --strict into a temporary folder; return site/."""
    base = tmp_path_factory.mktemp("build")
    project = builder.Project.at(ROOT, docs=base / "docs", site=base / "site")
    builder.build(project, strict=True)
    return project.site


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """Return a copy of the content folder that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


@pytest.fixture
def fresh_content(content_copy) -> Path:
    """Return a copy of the content folder as before its first publication (no lock)."""
    (content_copy / "anchors.lock").unlink()
    return content_copy


def project_for(content: Path) -> builder.Project:
    """Return a project that reads `content` and writes next to it."""
    return builder.Project.at(ROOT, content=content, docs=content.parent / "docs", site=content.parent / "site")
