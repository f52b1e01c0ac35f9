"""Search quality per edition and engine, measured in a real browser.

For every query of tests/data/search-queries.tsv, converted to each edition,
the query is typed into the search box as a reader would, and the first three
clause-level results are checked for the clause text the query should find.
Three engines are compared on the same generated pages:

- clause:   the site's own search (templates/theme/assets/javascripts/search.js);
- material: Material's search plugin (lunr, jieba at build time), given one
            search section per clause and a jieba dictionary with traditional
            words (bench/material_variant.py);
- pagefind: Pagefind (pagefind[extended], one index per <html lang>), each
            result page's word locations mapped to the clause they fall in.

    python bench/search_quality.py        (after make site)

Prints a table and writes bench/search-quality.json. Needs Chromium at
/usr/bin/chromium and the packages in bench/requirements.txt.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import material_variant  # noqa: E402
from bs4 import BeautifulSoup  # noqa: E402

from generator import build as builder
from generator.editions.conversion import converter_for
from generator.editions.editions import EDITIONS
from tests.browser import Browser, serve  # noqa: E402

QUERIES = ROOT / "tests" / "data" / "search-queries.tsv"
ENGINES = ("clause", "material", "pagefind")
PAGEFIND_CLAUSES = """async ([module, query]) => {
  const pagefind = await import(module);
  const search = await pagefind.search(query);
  const found = [];
  for (const result of search.results.slice(0, 5)) {
    const data = await result.data();
    const anchors = data.anchors.filter(a => a.element !== "h1" && !/-s\\d+[a-z]*$/.test(a.id))
                                .sort((a, b) => a.location - b.location);
    for (const at of data.locations) {
      let current = null;
      for (const a of anchors) { if (a.location <= at) current = a; else break; }
      const url = data.url + (current ? "#" + current.id : "");
      if (!found.includes(url)) found.push(url);
    }
  }
  return found;
}"""


def queries() -> list[tuple[str, str]]:
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


def clean(text: str) -> str:
    return "".join(text.replace("\u200b", "").split())


class Pages:
    """The built pages of one site, to find the clause a result points at."""

    def __init__(self, site: Path):
        self.site = site
        self._soups: dict[Path, BeautifulSoup] = {}

    def clause_text(self, url: str) -> str:
        """Return the text of the clause an URL points at ('' for a page without #id)."""
        parsed = urlparse(url)
        if not parsed.fragment:
            return ""
        path = self.site / parsed.path.lstrip("/") / "index.html"
        if path not in self._soups:
            self._soups[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        element = self._soups[path].find(id=parsed.fragment)
        if element is None:
            return ""
        clause = element if "clause" in (element.get("class") or []) else element.find_parent(class_="clause")
        return clean((clause or element).get_text())


def clause_top(page, query: str) -> list[str]:
    page.fill("#cs-input", "")
    page.focus("#cs-input")
    page.keyboard.insert_text(query)
    page.wait_for_function("document.querySelector('.cs__status').textContent.length > 0")
    page.wait_for_timeout(50)
    return page.eval_on_selector_all(".cs__link", "els => els.slice(0, 3).map(e => e.href)")


def material_top(page, query: str) -> list[str]:
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    page.fill("input.md-search__input", "")
    # Chinese arrives from an input method as committed text, then a key up.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_timeout(500)
    links = page.eval_on_selector_all("a.md-search-result__link", "els => els.map(e => e.href)")
    return [link for link in links if "#" in link][:3]


def pagefind_top(page, query: str, module: str) -> list[str]:
    return [url for url in page.evaluate(PAGEFIND_CLAUSES, [module, query]) if "#" in url][:3]


def measure(project: builder.Project) -> dict:
    inputs = builder.load(project)
    outputs = builder.generate(inputs, project.templates)
    work = Path(tempfile.mkdtemp(prefix="search-quality-"))
    sites = {
        "clause": project.site,
        "material": material_variant.build(project, outputs, work / "material"),
        "pagefind": _pagefind_copy(project.site, work / "pagefind"),
    }
    results = {}
    with Browser() as browser:
        for engine, site in sites.items():
            with serve(site) as url:
                pages = Pages(site)
                for edition in EDITIONS:
                    convert = converter_for(edition, inputs.overrides)
                    page = browser.page()
                    page.goto(f"{url}/{edition.prefix}")
                    page.wait_for_timeout(1000)
                    row = results.setdefault(edition.code, {"queries": []})
                    row["queries"] = [convert(q) for q, _ in queries()]
                    row[engine] = [
                        _hit(_top(engine, page, convert(q), url), clean(convert(expected)), pages)
                        for q, expected in queries()
                    ]
                    page.context.close()
    shutil.rmtree(work)
    return results


def _top(engine: str, page, query: str, url: str) -> list[str]:
    if engine == "clause":
        return clause_top(page, query)
    if engine == "material":
        return material_top(page, query)
    return pagefind_top(page, query, f"{url}/pagefind/pagefind.js")


def _hit(urls: list[str], expected: str, pages: Pages) -> bool:
    return any(expected in pages.clause_text(url) for url in urls)


def _pagefind_copy(site: Path, target: Path) -> Path:
    """Return a copy of the site with a Pagefind index (one per <html lang>)."""
    shutil.copytree(site, target)
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(target), "--root-selector", "article", "--quiet"],
        check=True,
        capture_output=True,
    )
    return target


def main() -> int:
    results = measure(builder.Project.at(ROOT))
    print(f"{'edition':<12} {'engine':<9} hits (first three results)")
    for code, row in results.items():
        for engine in ENGINES:
            hits = row[engine]
            print(f"{code:<12} {engine:<9} {sum(hits)}/{len(hits)}  " + " ".join("✓" if h else "✗" for h in hits))
    path = ROOT / "bench" / "search-quality.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
