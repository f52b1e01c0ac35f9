"""Lighthouse (mobile) on every page type of the built site, served as GitHub Pages
serves it (gzip). Prints the four scores and FCP, LCP, TBT and transfer size.

Needs Node and `npm install` in bench/ (bench/package.json pins Lighthouse) and
Debian's Chromium; `make bench` runs it when both are there.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PAGES = {
    "library home": "",
    "report home": "jilin/2023/",
    "part": "jilin/2023/p1/",
    "section": "jilin/2023/p3/2/",
    "glossary": "jilin/2023/glossary/",
    "key figures": "jilin/2023/figures/",
    "revisions": "jilin/2023/revisions/",
    "English section": "en/jilin/2023/p3/2/",
    "traditional section": "zh-tw/jilin/2023/p3/2/",
    "region": "national/",
    "shared terms": "terms/",
    "English library home": "en/",
    "English translated part": "en/national/2025/p1/",
    "English untranslated part": "en/national/1978/p1/",
}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv")


class Gzipped(http.server.SimpleHTTPRequestHandler):
    """Serve files gzip-compressed when the browser accepts it, as Pages does."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes())
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)
        return super().send_head()


class _Body:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main(site: Path) -> int:
    if not LIGHTHOUSE.exists():
        print("lighthouse: not installed (cd bench && npm install); skipped")
        return 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"{'page':<22}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'FCP s':>8}{'LCP s':>8}{'TBT ms':>8}{'KiB':>8}")
    results = {}
    for name, path in PAGES.items():
        out = subprocess.run(
            [str(LIGHTHOUSE), base + path, "--output=json", "--quiet", "--form-factor=mobile",
             f"--chrome-path={CHROMIUM}", "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
             "--only-categories=performance,accessibility,best-practices,seo"],
            capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            print(f"{name:<22} failed: {out.stderr.strip()[-200:]}")
            continue
        report = json.loads(out.stdout)
        score = {key: report["categories"][key]["score"] for key in ("performance", "accessibility", "best-practices", "seo")}
        audits = report["audits"]
        row = dict(score, fcp=audits["first-contentful-paint"]["numericValue"] / 1000,
                   lcp=audits["largest-contentful-paint"]["numericValue"] / 1000,
                   tbt=audits["total-blocking-time"]["numericValue"],
                   kib=audits["total-byte-weight"]["numericValue"] / 1024)
        results[name] = row
        print(f"{name:<22}{row['performance']:>6.2f}{row['accessibility']:>6.2f}{row['best-practices']:>6.2f}"
              f"{row['seo']:>6.2f}{row['fcp']:>8.2f}{row['lcp']:>8.2f}{row['tbt']:>8.0f}{row['kib']:>8.0f}")
    server.shutdown()
    (ROOT / "bench" / "lighthouse.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
