"""Sitemaps: every page of every edition, with its alternates, at absolute addresses.

Written only when the site's public address is known (SITE_URL): search engines
reject relative addresses, and a placeholder address would be wrong. A report
has its own sitemap; the archive lists them in a sitemap index.
"""

from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

NAMESPACES = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'


def urlset(site_url: str, base: str, urls: Iterable[str], editions) -> str:
    """Return the sitemap of a report: each page in each edition, with every edition as an alternate."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {NAMESPACES}>"]
    for url in urls:
        alternates = [(e.lang, site_url + e.prefix + base + url) for e in editions]
        alternates.append(("x-default", site_url + base + url))
        for edition in editions:
            lines.append(f"  <url><loc>{escape(site_url + edition.prefix + base + url)}</loc>")
            lines += [f"    <xhtml:link rel=\"alternate\" hreflang={quoteattr(lang)} href={quoteattr(href)}/>"
                      for lang, href in alternates]
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def index(site_url: str, sitemaps: Iterable[str]) -> str:
    """Return a sitemap index listing sitemaps (paths from the site root)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <sitemap><loc>{escape(site_url + path)}</loc></sitemap>" for path in sitemaps]
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"
