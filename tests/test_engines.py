"""The site engine is replaceable: MkDocs (the default) and ProperDocs (its maintained
fork, ENGINE=properdocs) build the same site, byte for byte, and every link of each
resolves inside the site."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import FIXTURE, ROOT
from .helpers import broken_links

ENGINES = ("mkdocs", "properdocs")


def build_with(engine: str, where):
    env = dict(os.environ, ENGINE=engine)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--content", str(FIXTURE), "--docs", str(where / "docs"),
         "--site", str(where / "site"), "--strict"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return where / "site"


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    return {engine: build_with(engine, tmp_path_factory.mktemp(engine)) for engine in ENGINES}


def files(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_both_engines_build_the_same_site(sites):
    mkdocs, properdocs = (files(sites[engine]) for engine in ENGINES)
    assert sorted(mkdocs) == sorted(properdocs)
    assert [name for name in mkdocs if mkdocs[name] != properdocs[name]] == []


@pytest.mark.parametrize("engine", ENGINES)
def test_every_link_resolves_inside_the_site(sites, engine):
    broken, checked = broken_links(sites[engine])
    assert broken == [] and checked > 500


def test_the_chosen_engine_is_the_one_imported():
    code = "from generator.site import website; website._select(); import mkdocs; print(mkdocs.__file__)"
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ, ENGINE="properdocs"),
                           capture_output=True, text=True, check=True).stdout
    assert "/properdocs/" in found


def test_an_unknown_engine_is_refused_with_a_clear_error(tmp_path):
    env = dict(os.environ, ENGINE="jekyll")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(FIXTURE),
                             "--docs", str(tmp_path / "docs"), "--site", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and "ENGINE='jekyll'" in result.stderr and "Traceback" not in result.stderr
