"""Helpers for tests that read the built site."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from bs4 import BeautifulSoup

REPORT_TEXT = ".title, .source, .dateline, .speaker, .salutation, h1.part, h1.section, h1.appendix, .clause"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_file(site: Path, url_path: str) -> Path:
    """Return the file served for a site-relative URL path."""
    target = site / unquote(url_path).lstrip("/")
    return target / "index.html" if url_path.endswith("/") or target.is_dir() else target


def reading_order(site: Path) -> list[Path]:
    """Return the pages in the order a reader meets them, following the 'next' links."""
    order, current = [], site / "index.html"
    while current is not None:
        order.append(current)
        link = soup(current).select_one("a.md-footer__link--next")
        current = _resolve(site, current, link["href"]) if link else None
    return order


def _resolve(site: Path, page: Path, href: str) -> Path:
    url = "/" + page.relative_to(site).as_posix()
    return page_file(site, urlparse(urljoin(url, href)).path)


def report_text(page: Path) -> str:
    """Return the report's own words on a page, without interface text."""
    article = soup(page).select_one("article")
    return "".join(el.get_text() for el in article.select(REPORT_TEXT))


def broken_links(site: Path, files: list[Path] | None = None) -> tuple[list[str], int]:
    """Return the site's broken internal links and anchors (a link that climbs above the
    site's root is broken too: the site must work at any base path), and how many were checked."""
    files = files if files is not None else sorted(site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken, checked = [], 0
    for path in files:
        page = soup(path)
        where = path.relative_to(site).parent.parts
        for el in page.select("a[href], link[href], script[src], img[src]"):
            url = el.get("href") or el.get("src")
            parsed = urlparse(url)
            if parsed.scheme or parsed.netloc or url.startswith("#") and not parsed.path:
                target_file = path
            else:
                parts = list(where) if not parsed.path.startswith("/") else []
                above = False
                for part in parsed.path.split("/")[:-1] + [parsed.path.split("/")[-1]]:
                    if part == "..":
                        above = above or not parts
                        parts = parts[:-1]
                    elif part not in ("", "."):
                        parts.append(part)
                if parsed.scheme or parsed.netloc:
                    continue
                if above:
                    broken.append(f"{path.relative_to(site)}: {url} climbs above the site's root")
                    continue
                target_file = page_file(site, "/".join(parts) + ("/" if parsed.path.endswith("/") or not parsed.path else ""))
            if parsed.scheme or parsed.netloc:
                continue
            checked += 1
            if not target_file.exists():
                broken.append(f"{path.relative_to(site)}: broken link {url}")
            elif parsed.fragment and target_file.suffix == ".html":
                if target_file not in ids:
                    ids[target_file] = {el["id"] for el in soup(target_file).select("[id]")}
                if unquote(parsed.fragment) not in ids[target_file]:
                    broken.append(f"{path.relative_to(site)}: missing anchor {url}")
    return broken, checked


def ids_by_edition(site: Path) -> dict[str, Counter]:
    """Return, per edition folder ("" for simplified), how often each id stands on its pages
    (in the article); fail on a page that holds an id twice."""
    prefixes = ("", "zh-tw/", "zh-hk/", "en/")
    found = {}
    for prefix in prefixes:
        found[prefix] = Counter()
        for path in (site / prefix).rglob("index.html"):
            if prefix == "" and any(path.is_relative_to(site / p) for p in prefixes if p):
                continue
            ids = [el["id"] for el in soup(path).select("article [id]")]
            assert len(ids) == len(set(ids)), f"{path}: an id twice on one page"
            found[prefix].update(ids)
    return found


def report_index(edition_site: Path) -> dict:
    """Return a report edition's search index with every clause, as search.js reads it: in
    the archive a Chinese edition's clauses are in its chunk files (search/t<n>.json)."""
    folder = edition_site / "search"
    index = json.loads((folder / "clauses.json").read_text(encoding="utf-8"))
    place = {page[0]: number for number, page in enumerate(index["pages"])}
    rows = [[place[row[0]], *row[2:]] for n in range(index.get("chunks", 0))
            for row in json.loads((folder / f"t{n}.json").read_text(encoding="utf-8"))]
    return index | {"clauses": sorted(rows + index["clauses"], key=lambda row: row[0])}
