"""What a search across reports costs a reader, and whether it finds the right clause.

For every query of bench/archive-queries.txt, a fresh Chromium (cold cache) opens the
library's home page of a built site, served gzip-compressed as GitHub Pages serves it,
types the query and waits for the first screen of results. Prints, per query, the
bytes of every search file the page fetched (gzip: the folding table, the index's
manifest, directory and range files, and the text of the clauses shown), how many
files, and whether a right clause is among the first three results: the first clause,
in document order, of the newest report whose clause holds every word (found here by
reading every report's text, independently of the index). Every result shown is also
checked to hold every word (precision).

    python bench/search_cost.py [site]        (after make site)

Writes bench/search-cost.json.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from lighthouse import Gzipped  # noqa: E402

from generator.data import search  # noqa: E402
from tests.browser import Browser  # noqa: E402

QUERIES = ROOT / "bench" / "archive-queries.txt"
DONE = "() => { const s = document.querySelector('.cs__status').textContent; return s && !/载入/.test(s); }"


class Recording(Gzipped):
    """Gzipped, recording the path of every request."""

    requested: list[str] = []

    def send_head(self):
        Recording.requested.append(unquote(urlparse(self.path).path))
        return super().send_head()


def clause_rows(site: Path, base: str) -> list[list]:
    rows, n = [], 0
    while (site / base / "search" / f"t{n}.json").is_file():
        rows += json.loads((site / base / "search" / f"t{n}.json").read_text(encoding="utf-8"))
        n += 1
    return rows


def text_of(row: list) -> str:
    return "".join(t for _, t in row[5]) or row[4]


def reports(site: Path) -> list[list]:
    manifest = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    return [row for n in range(len(manifest["ranges"]))
            for row in json.loads((site / "search" / f"r{n}" / "reports.json").read_text(encoding="utf-8"))]


def expected(site: Path, listed: list[list], words: list[str], table: dict, texts: dict) -> tuple[str, str] | None:
    """Return (page address, clause id) of the first clause of the newest report holding every word."""
    for base, *_ in listed:
        for row in texts.setdefault(base, clause_rows(site, base)):
            folded = search.fold(text_of(row), table)
            if all(w in folded for w in words):
                return "/" + base + row[0], row[2]
    return None


def gzip_size(site: Path, path: str) -> int:
    file = site / path.lstrip("/")
    return len(gzip.compress(file.read_bytes())) if file.is_file() else 0


def measure(site: Path, chromium, url: str, query: str) -> dict:
    Recording.requested = []
    page = chromium.page()
    page.goto(url + "/")
    Recording.requested = []
    page.fill(".cs__input", query)
    page.wait_for_function(DONE, timeout=60000)
    links = [a.get_attribute("href") for a in page.query_selector_all(".cs__results .cs__link")]
    status = page.inner_text(".cs__status")
    page.context.close()
    fetched = sorted({p for p in Recording.requested if "/search/" in p})
    return {"query": query, "status": status, "links": links, "files": len(fetched),
            "bytes": sum(gzip_size(site, p) for p in fetched), "ranges": len({p.split("/")[2] for p in fetched if "/r" in p})}


def run(site: Path) -> dict:
    """Measure every query on a built site; print and return the summary."""
    table = json.loads((site / "search" / "fold.json").read_text(encoding="utf-8"))
    listed = reports(site)
    texts: dict[str, list] = {}
    rows = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Recording, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    results = []
    queries = [q for q in QUERIES.read_text(encoding="utf-8").split("\n") if q and not q.startswith("#")]
    with Browser() as chromium:
        for query in queries:
            words = [search.fold(w, table) for w in query.split()]
            result = measure(site, chromium, url, query)
            want = expected(site, listed, words, table, texts)
            found = [(urlparse(link).path, urlparse(link).fragment) for link in result["links"]]
            result["top3"] = want is not None and any(
                path == want[0] and (anchor == want[1] or anchor.startswith(want[1] + "-s")) for path, anchor in found[:3])
            shown = []
            for path, anchor in found:
                base = "/".join(path.strip("/").split("/")[:2]) + "/"
                rows.setdefault(base, {r[2]: r for r in texts.setdefault(base, clause_rows(site, base))})
                row = rows[base].get(anchor) or next(r for r in rows[base].values() if any(s[0] == anchor for s in r[5]))
                shown.append(all(w in search.fold(text_of(row), table) for w in words))
            result["precision"] = sum(shown) / len(shown) if shown else 1.0
            results.append(result)
            print(f"{query:<12} {result['bytes'] / 1024:6.0f} KiB {result['files']:3} files {result['ranges']} ranges "
                  f"top-3 {'yes' if result['top3'] else 'NO '} precision {result['precision']:.2f}  {result['status']}")
    server.shutdown()
    sizes = [r["bytes"] for r in results]
    summary = {"reports": len(listed), "queries": len(results), "mean_kib": round(statistics.mean(sizes) / 1024),
               "worst_kib": round(max(sizes) / 1024), "top3": sum(r["top3"] for r in results),
               "precision": min(r["precision"] for r in results)}
    print(f"{summary['reports']} reports: mean {summary['mean_kib']} KiB, worst {summary['worst_kib']} KiB gzip per query; "
          f"top-3 {summary['top3']}/{summary['queries']}; precision {summary['precision']:.2f}")
    out = ROOT / "bench" / "search-cost.json"
    previous = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    previous[str(len(listed))] = {"summary": summary, "queries": results}
    out.write_text(json.dumps(previous, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def main(site: Path) -> int:
    run(site)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
