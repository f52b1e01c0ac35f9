"""Properties of the shipped content, whatever its text says today: every
sentence published in reading order, every id ever published still resolving,
unique ids, links that resolve. No counts: an editor's update keeps these green.
"""

from __future__ import annotations

import pytest

from generator import build as builder
from generator.anchors.lock import read_lock
from generator.text import lines

from .conftest import ROOT
from .helpers import broken_links, ids_by_edition, reading_order, report_text

pytestmark = pytest.mark.content
FLAGSHIP = ROOT / "content" / "reports" / "jilin-2023"


def visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in lines.INVISIBLE and not ch.isspace())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("content")
    project = builder.Project.at(ROOT, FLAGSHIP, base / "docs", base / "site")
    builder.build(project, strict=True)
    return project.site


def test_every_character_of_the_text_is_published_in_reading_order(site):
    shown = "".join(report_text(page) for page in reading_order(site))
    assert visible(shown) == visible((FLAGSHIP / "report.txt").read_text(encoding="utf-8"))


def test_every_id_ever_published_resolves_in_every_edition(site):
    """Every id of the lock stands on the site (a clause, its tombstone, or the pointer a
    moved clause leaves on its old page); no page holds an id twice."""
    lock = read_lock(FLAGSHIP / "anchors.lock", "anchors.lock")
    for prefix, found in ids_by_edition(site).items():
        missing = [e.id for e in lock.entries if e.kind != "page" and not found[e.id]]
        assert missing == [], f"{prefix or 'zh-Hans'}: ids missing: {missing[:10]}"


def test_every_internal_link_resolves(site):
    broken, checked = broken_links(site)
    assert broken == [] and checked > 0
