"""Properties of the shipped content, whatever its text says today: every
sentence published in reading order, every id ever published still resolving,
unique ids, links that resolve. No counts: an editor's update keeps these green.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urljoin, urlparse

import pytest

from generator import build as builder
from generator import lines
from generator.lock import read_lock

from .conftest import ROOT
from .helpers import page_file, reading_order, report_text, soup

pytestmark = pytest.mark.content
FLAGSHIP = ROOT / "content" / "reports" / "jilin-2023"
SITE_PATH = "/jilin-report-2023"  # the path of mkdocs.yml's site_url


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
    for prefix in ("", "zh-tw/", "zh-hk/", "en/"):
        found = Counter()
        for path in (site / prefix).rglob("index.html"):
            if prefix == "" and any(path.is_relative_to(site / p) for p in ("zh-tw", "zh-hk", "en")):
                continue
            ids = [el["id"] for el in soup(path).select("article [id]")]
            assert len(ids) == len(set(ids)), f"{path}: an id twice on one page"
            found.update(ids)
        missing = [e.id for e in lock.entries if e.kind != "page" and not found[e.id]]
        assert missing == [], f"{prefix or 'zh-Hans'}: ids missing: {missing[:10]}"


def test_every_internal_link_resolves(site):
    pages = sorted(site.rglob("*.html"))
    ids = {path: {el["id"] for el in soup(path).select("[id]")} for path in pages}
    for path in pages:
        base = "/" + path.relative_to(site).as_posix()
        for el in soup(path).select("a[href], link[href], script[src], img[src]"):
            url = urlparse(urljoin(base, el.get("href") or el.get("src")))
            if url.scheme or url.netloc:
                continue
            # The 404 page links from the site's public path (it is served at any depth).
            target = page_file(site, url.path.removeprefix(SITE_PATH) if path.name == "404.html" else url.path)
            assert target.exists(), f"{base}: broken link {el}"
            if url.fragment and target.suffix == ".html":
                assert url.fragment in ids[target], f"{base}: missing anchor {url.fragment}"
