"""What every page costs a reader, in Chromium: no failed request and no console error
on any page of any edition, and a budget for what blocks the first paint and for
everything a page downloads (the figures Lighthouse scores; bench/lighthouse.py
runs Lighthouse itself)."""

from __future__ import annotations

import pytest

from .browser import Browser, serve

# Bytes as stored (GitHub Pages sends them gzip-compressed, about a sixth of this).
RENDER_BLOCKING_BUDGET = 200 * 1024
PAGE_BUDGET = 700 * 1024
PAGE_TYPES = {"home": "", "part": "p1/", "section": "p3/2/", "glossary": "glossary/", "figures": "figures/",
              "revisions": "revisions/", "english": "en/p3/2/"}


@pytest.fixture(scope="module")
def served(built_site):
    with serve(built_site) as url, Browser() as chromium:
        yield url, chromium


def visit(chromium, url: str) -> dict:
    """Load a page; return its failed requests, console errors and bytes by kind."""
    page = chromium.page()
    failed, errors, sizes = [], [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    def measure(response):
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")
            return
        try:
            sizes.append((response.request.resource_type, len(response.body())))
        except Exception:  # a redirect has no body
            pass

    page.on("response", measure)
    page.goto(url, wait_until="networkidle")
    blocking = page.evaluate("""() => Array.from(document.head.querySelectorAll(
        'link[rel=stylesheet], script[src]:not([defer]):not([async]):not([type=module])'))
        .map(el => el.href || el.src)""")
    page.context.close()
    return {"failed": failed, "errors": errors, "total": sum(size for _, size in sizes),
            "blocking": blocking, "sizes": sizes}


def test_no_page_of_any_edition_fails_a_request_or_logs_an_error(served, built_site):
    url, chromium = served
    pages = sorted(p.relative_to(built_site).as_posix().removesuffix("index.html")
                   for p in built_site.rglob("index.html"))
    problems = {}
    for path in pages:
        found = visit(chromium, f"{url}/{path}")
        if found["failed"] or found["errors"]:
            problems[path] = found["failed"] + found["errors"]
    assert len(pages) > 40 and problems == {}


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_a_page_stays_within_its_budget(served, built_site, kind):
    url, chromium = served
    found = visit(chromium, f"{url}/{PAGE_TYPES[kind]}")
    blocking = sum((built_site / href.split(url + "/", 1)[1].split("?")[0]).stat().st_size for href in found["blocking"])
    print(f"{kind}: render-blocking {blocking / 1024:.0f} KiB, total {found['total'] / 1024:.0f} KiB")
    assert blocking <= RENDER_BLOCKING_BUDGET
    assert found["total"] <= PAGE_BUDGET
    assert not any(href.endswith(".js") for href in found["blocking"])  # no script blocks the first paint
