"""Helpers for tests that read the built site."""

from __future__ import annotations

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
