"""Build time, page weight and search cost, against a one-page baseline.

Prints a table and writes bench/results.json:

- the time of each stage of a full build of every edition (median of the
  runs), the peak memory, and the share of the generator's own stages;
- the bytes of each page type (HTML raw and gzip), the CSS and JS a page
  loads, the search data a reader downloads per edition, the site's size;
- the same figures, in the same run, for the baseline: the report pasted
  verbatim as one Markdown page into a plain Material site with its default
  search (what a user would make without us);
- growth: the pipeline on a synthetic report made of the real one repeated
  1x, 4x and 16x (parts renumbered, so every id stays unique);
- the budgets, each marked held or missed.

Every build runs in a fresh Python process, as `make site` does. Sizes are in
kB (1000 bytes); gzip is at level 6, the usual setting of web servers.

    python bench/run.py [--runs N] [--sizes 1,4,16] [--profile]

`--profile` prints a pyinstrument profile of the generator's stages instead.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "content" / "reports" / "jilin-2023"
RESULTS = ROOT / "bench" / "results.json"
GZIP_LEVEL = 6
KB = 1000

BUDGETS = {
    "generator_share": 0.10,
    "build_ratio": 3.0,
    "page_gzip_kb": 60,
    "search_gzip_kb": 80,
    "growth_16x": 16.0,
}

BASELINE_CONFIG = """\
site_name: 2023年吉林省人民政府工作报告
theme:
  name: material
  language: zh
plugins:
  - search
"""


# -- Measuring one build, in a child process ---------------------------------


MKDOCS = "mkdocs, every edition (wall)"


class Clock:
    """Seconds per stage; a stage's time excludes the stages it calls."""

    def __init__(self) -> None:
        self.stages: dict[str, float] = {}
        self._stack: list[list[float]] = []

    def wrap(self, owner, name: str, label) -> None:
        """Replace owner.name by a timed version; `label` names the stage (or computes it from the arguments)."""
        original = getattr(owner, name)

        def timed(*args, **kwargs):
            key = label(*args, **kwargs) if callable(label) else label
            start = time.perf_counter()
            self._stack.append([0.0])
            try:
                return original(*args, **kwargs)
            finally:
                inner = self._stack.pop()[0]
                elapsed = time.perf_counter() - start
                self.stages[key] = self.stages.get(key, 0.0) + elapsed - inner
                if self._stack:
                    self._stack[-1][0] += elapsed

        setattr(owner, name, timed)


def _cpu_seconds() -> float:
    """Return the CPU time (user and system) of this process and the workers it waited for."""
    import resource

    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + workers.ru_utime + workers.ru_stime


def _max_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_ours(root: Path, content: Path, work: Path, jobs: int | None = None) -> dict:
    """Build every edition of the project (in `jobs` processes: None, one a core); return
    stage times, CPU time and memory."""
    started = time.perf_counter()
    sys.path.insert(0, str(root))
    from generator import build as builder
    from generator.anchors import ids as anchors
    from generator.data import downloads, search
    from generator.editions import inputs
    from generator.site import outputs, publication, render, report

    imported = time.perf_counter()
    clock, rss = Clock(), {}
    clock.wrap(report, "read", "load: read and check files")
    clock.wrap(inputs.parse, "read", "parse")
    clock.wrap(anchors, "assign", "anchors")
    clock.wrap(anchors, "rename", "anchors")
    clock.wrap(inputs, "reconcile", "reconcile with the lock")
    clock.wrap(report, "prepare", "check summaries, terms, pages")
    clock.wrap(builder, "generate", "generate: set-up, figures, tombstones")
    clock.wrap(report, "edition_site", lambda inputs, edition, *a, **k: f"convert, mark terms {edition.code}")
    clock.wrap(render, "render", lambda env, site: f"render {site.edition.code}")
    clock.wrap(search, "index", lambda site, *a: f"search index {site.edition.code}")
    clock.wrap(downloads, "files", "downloads (JSON, CSV)")
    clock.wrap(report, "write_tree", "write Markdown")
    clock.wrap(publication, "stage_lock", "write lock")
    clock.wrap(outputs, "swap_in", "swap site into place")
    clock.wrap(publication, "_build_editions", MKDOCS)
    publish = builder.publish

    def publish_after_generation(*args, **kwargs):
        rss["generator_mb"] = _max_rss_mb()
        return publish(*args, **kwargs)

    builder.publish = publish_after_generation
    clock.wrap(builder, "publish", "publish: redirects, build date")
    project = builder.Project.at(root, content=content, docs=work / "docs", site=work / "site")
    start = time.perf_counter()
    summary = builder.build(project, jobs=jobs)
    total = time.perf_counter() - start
    return {
        "jobs": jobs,
        "imports": imported - started,
        "total": total,
        "cpu": _cpu_seconds(),
        "stages": clock.stages,
        "editions": {k: v for k, v in summary.timings.stages.items() if k.startswith("mkdocs ")},
        "generator": total - clock.stages.get(MKDOCS, 0.0),
        "mkdocs": clock.stages.get(MKDOCS, 0.0),
        "peak_rss_mb": _max_rss_mb(),
        "generator_rss_mb": rss.get("generator_mb", 0.0),
        "pages": summary.pages,
        "sentences": summary.sentences,
        "paragraphs": summary.paragraphs,
        "characters": len((content / "report.txt").read_text(encoding="utf-8")),
    }


def child_baseline(folder: Path) -> dict:
    """Build the one-page Material site as `mkdocs build` does; return its time and memory."""
    started = time.perf_counter()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    imported = time.perf_counter()
    config = load_config(str(folder / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return {"imports": imported - started, "total": time.perf_counter() - imported, "cpu": _cpu_seconds(),
            "peak_rss_mb": _max_rss_mb()}


def run_child(kind: str, *args: Path) -> dict:
    """Run one measured build in a fresh interpreter; add its wall time."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", kind, *map(str, args)]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{kind} build failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


# -- The projects measured ----------------------------------------------------


def baseline_project(folder: Path) -> Path:
    """Write the baseline: the report verbatim as docs/index.md of a plain Material site."""
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(BASELINE_CONFIG, encoding="utf-8")
    shutil.copyfile(FLAGSHIP / "report.txt", folder / "docs" / "index.md")
    return folder


def synthetic_content(folder: Path, copies: int) -> Path:
    """Copy the content folder with the report's parts repeated `copies` times.

    The front matter and the closing appear once; the parts of copy k are
    renumbered after those of copy k-1. There is no anchor lock: the
    synthetic report is a first publication.
    """
    sys.path.insert(0, str(ROOT))
    from generator.text.numerals import from_int
    from generator.text.parse import parse

    text = (FLAGSHIP / "report.txt").read_text(encoding="utf-8")
    report = parse(text, "content/report.txt")
    lines = text.split("\n")
    headings = [part.heading for part in report.parts]
    first = next(i for i, line in enumerate(lines) if line.strip() == headings[0])
    filled = [i for i, line in enumerate(lines) if line.strip()]
    last = filled[-len(report.closing)]
    numerals = [heading.split("、", 1)[0] for heading in headings]
    pattern = re.compile(r"^(\s*)(" + "|".join(numerals) + r")、(?=" + "|".join(re.escape(h.split("、", 1)[1]) for h in headings) + ")")
    copied = []
    for copy in range(copies):
        renumber = lambda m: m[1] + from_int(copy * len(headings) + numerals.index(m[2]) + 1) + "、"  # noqa: E731
        copied += [pattern.sub(renumber, line) for line in lines[first:last]]
    shutil.copytree(FLAGSHIP, folder)
    (folder / "anchors.lock").unlink()
    (folder / "report.txt").write_text("\n".join(lines[:first] + copied + lines[last:]), encoding="utf-8")
    return folder


# -- Sizes ---------------------------------------------------------------------


@dataclass(frozen=True)
class Size:
    raw: int
    gzip: int

    @classmethod
    def of(cls, path: Path) -> "Size":
        data = path.read_bytes()
        return cls(len(data), len(gzip.compress(data, GZIP_LEVEL, mtime=0)))

    def __add__(self, other: "Size") -> "Size":
        return Size(self.raw + other.raw, self.gzip + other.gzip)

    def kb(self) -> dict[str, float]:
        return {"raw_kb": round(self.raw / KB, 1), "gzip_kb": round(self.gzip / KB, 1)}


PAGE_TYPES = {
    "home": "index.html",
    "part without sections (p1)": "p1/index.html",
    "part with sections (p3)": "p3/index.html",
    "section (largest)": "p3/*/index.html",
    "closing": "closing/index.html",
    "key figures": "figures/index.html",
    "glossary": "glossary/index.html",
    "revisions": "revisions/index.html",
}


def largest(site: Path, pattern: str) -> Path:
    return max(site.glob(pattern), key=lambda p: Size.of(p).gzip)


def page_weights(site: Path, prefixes: dict[str, str]) -> dict[str, dict[str, dict]]:
    """Return, per page type and edition, the HTML size of the page."""
    return {
        kind: {code: Size.of(largest(site / prefix, pattern)).kb() for code, prefix in prefixes.items()}
        for kind, pattern in PAGE_TYPES.items()
    }


def all_pages(site: Path) -> list[tuple[str, Size]]:
    return [(p.relative_to(site).as_posix(), Size.of(p)) for p in sorted(site.rglob("*.html"))]


def assets(page: Path) -> dict:
    """Return the local CSS and JS a page loads, and its requests to other hosts."""
    html = page.read_text(encoding="utf-8")
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    js = re.findall(r'<script src="([^"]+)"', html)
    external = sorted({m for m in re.findall(r'(?:href|src)="(https?://[^"/]+)', html)
                       if "fonts" in m or m.endswith((".js", ".css"))}
                      | {m for m in re.findall(r'(https?://fonts\.[a-z.]+)', html)})

    def total(urls: list[str]) -> Size:
        local = [page.parent / u for u in urls if not u.startswith(("http:", "https:", "//"))]
        return sum((Size.of(p) for p in local), Size(0, 0))

    return {"css": total(css).kb(), "js": total(js).kb(), "css_files": len(css), "js_files": len(js),
            "third_party_hosts": external}


def site_total(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    return {"files": len(files), "raw_kb": round(sum(p.stat().st_size for p in files) / KB, 1)}


# -- The run -------------------------------------------------------------------


def median_run(runs: list[dict]) -> dict:
    """Return the run with the median total time (its stages add up)."""
    return sorted(runs, key=lambda r: r["total"])[len(runs) // 2]


def measure(runs: int, sizes: list[int]) -> dict:
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        return _measure(work, runs, sizes)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _measure(work: Path, runs: int, sizes: list[int]) -> dict:
    sys.path.insert(0, str(ROOT))
    from generator.data.search import INDEX
    from generator.editions.editions import EDITIONS

    content = work / "content"
    shutil.copytree(FLAGSHIP, content)
    base = baseline_project(work / "baseline")
    print("building: ours cold (no caches), then ours and the baseline alternately", file=sys.stderr)
    cold = run_child("ours", ROOT, content, work / "ours")
    ours, one, baseline = [], [], []
    for _ in range(runs):
        ours.append(run_child("ours", ROOT, content, work / "ours"))
        one.append(run_child("ours-one", ROOT, content, work / "ours"))
        baseline.append(run_child("baseline", base))
    site, base_site = work / "ours" / "site", base / "site"
    prefixes = {e.code: e.prefix for e in EDITIONS}
    search = {e.code: Size.of(site / e.prefix / INDEX).kb() for e in EDITIONS}
    pages = all_pages(site)
    heaviest = max(pages, key=lambda p: p[1].gzip)
    growth = []
    for copies in sizes:
        print(f"building: synthetic report x{copies}", file=sys.stderr)
        folder = synthetic_content(work / f"x{copies}" / "content", copies)
        growth.append({"copies": copies, **run_child("ours", ROOT, folder, work / f"x{copies}")})
        shutil.rmtree(work / f"x{copies}")
    return {
        "date": datetime.date.today().isoformat(),
        "machine": machine(),
        "runs": runs,
        "ours": {
            "cold": cold,
            "median": median_run(ours),
            "totals": [r["total"] for r in ours],
            "walls": [r["wall"] for r in ours],
            "cpus": [r["cpu"] for r in ours],
            "one_process": {"median": median_run(one), "walls": [r["wall"] for r in one],
                            "cpus": [r["cpu"] for r in one]},
            "pages": page_weights(site, prefixes),
            "heaviest_page": {"path": heaviest[0], **heaviest[1].kb()},
            "html_pages": len(pages),
            "assets_per_page": assets(site / "p3" / "1" / "index.html"),
            "search": search,
            "site": site_total(site),
        },
        "baseline": {
            "median": median_run(baseline),
            "totals": [r["total"] for r in baseline],
            "walls": [r["wall"] for r in baseline],
            "cpus": [r["cpu"] for r in baseline],
            "page": Size.of(base_site / "index.html").kb(),
            "assets_per_page": assets(base_site / "index.html"),
            "search": Size.of(base_site / "search" / "search_index.json").kb(),
            "site": site_total(base_site),
        },
        "growth": growth,
    }


def machine() -> dict:
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), "0") if Path("/proc/meminfo").exists() else "0"
    packages = ("mkdocs", "mkdocs-material", "jinja2", "markdown", "opencc", "jieba", "pyyaml")
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "processor": _processor(),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "packages": {name: _version(name) for name in packages},
    }


def _processor() -> str:
    info = Path("/proc/cpuinfo")
    if info.exists():
        for line in info.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def ratios(results: dict) -> dict:
    ours, base = results["ours"], results["baseline"]
    biggest = max(v["gzip_kb"] for kind in ours["pages"].values() for v in kind.values())
    search = max(v["gzip_kb"] for v in ours["search"].values())
    return {
        "build_wall": ours["median"]["wall"] / base["median"]["wall"],
        "build_in_process": ours["median"]["total"] / base["median"]["total"],
        "build_cpu": statistics.median(ours["cpus"]) / statistics.median(base["cpus"]),
        "build_wall_one_process": ours["one_process"]["median"]["wall"] / base["median"]["wall"],
        "largest_page_gzip": biggest / base["page"]["gzip_kb"],
        "search_gzip_per_edition": search / base["search"]["gzip_kb"],
    }


def budgets(results: dict) -> list[tuple[str, str, bool]]:
    """Return each budget: its name, the measured figure, and whether it holds."""
    ours, growth = results["ours"], {g["copies"]: g for g in results["growth"]}
    warm, cold = ours["median"], ours["cold"]
    share = warm["generator"] / warm["total"]
    cold_share = cold["generator"] / cold["total"]
    ratio = results["ratios"]["build_wall"]
    page = ours["heaviest_page"]
    search = max(v["gzip_kb"] for v in ours["search"].values())
    found = [
        ("generator stages <= 10% of the full build",
         f"{share:.0%} (first build, no caches: {cold_share:.0%})", share <= BUDGETS["generator_share"]),
        ("full build of all editions <= 3x the baseline", f"{ratio:.2f}x", ratio <= BUDGETS["build_ratio"]),
        ("no page over 60 kB of gzip HTML", f"largest {page['gzip_kb']} kB ({page['path']})",
         page["gzip_kb"] <= BUDGETS["page_gzip_kb"]),
        ("search data per edition <= 80 kB gzip", f"largest {search} kB", search <= BUDGETS["search_gzip_kb"]),
    ]
    if 1 in growth and 16 in growth:
        factor = growth[16]["total"] / growth[1]["total"]
        found.append(("16x text in <= 16x time", f"{factor:.1f}x", factor <= BUDGETS["growth_16x"]))
    return found


# -- Printing ------------------------------------------------------------------


def table(rows: list[tuple], header: tuple) -> str:
    cells = [tuple(str(c) for c in header)] + [tuple(str(c) for c in row) for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
             for row in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def report(results: dict) -> str:
    ours, base, r = results["ours"], results["baseline"], results["ratios"]
    warm, cold = ours["median"], ours["cold"]
    m = results["machine"]
    out = [f"Benchmarks, {results['date']}: {m['cpus']} cores ({m['processor']}), {m['memory_gib']} GiB, "
           f"Python {m['python']}, MkDocs {m['packages']['mkdocs']}, Material {m['packages']['mkdocs-material']}",
           "", f"Stages of a full build of every edition (median of {results['runs']} runs; first build without caches)"]
    rows = [(name, f"{warm['stages'].get(name, 0):.3f}", f"{cold['stages'].get(name, 0):.3f}")
            for name in sorted(set(warm["stages"]) | set(cold["stages"]), key=lambda n: _order(n, warm["stages"]))]
    rows += [(f"  {name} (in its process)", f"{warm['editions'].get(name, 0):.3f}", f"{cold['editions'].get(name, 0):.3f}")
             for name in warm["editions"]]
    rows += [("generator stages together", f"{warm['generator']:.3f}", f"{cold['generator']:.3f}"),
             ("mkdocs, every edition (wall)", f"{warm['mkdocs']:.3f}", f"{cold['mkdocs']:.3f}"),
             ("full build (in process)", f"{warm['total']:.3f}", f"{cold['total']:.3f}"),
             ("full build (process wall time)", f"{warm['wall']:.3f}", f"{cold['wall']:.3f}"),
             ("peak memory after generation, MB", f"{warm['generator_rss_mb']:.0f}", f"{cold['generator_rss_mb']:.0f}"),
             ("peak memory, MB", f"{warm['peak_rss_mb']:.0f}", f"{cold['peak_rss_mb']:.0f}")]
    out.append(table(rows, ("stage", "seconds", "first build")))
    editions = list(ours["search"])
    out += ["", "HTML per page type: gzip kB (raw kB)"]
    rows = [(kind, *(f"{v[e]['gzip_kb']} ({v[e]['raw_kb']})" for e in editions)) for kind, v in ours["pages"].items()]
    rows.append(("baseline: the one page", f"{base['page']['gzip_kb']} ({base['page']['raw_kb']})", "", "", ""))
    out.append(table(rows, ("page", *editions)))
    a, b = ours["assets_per_page"], base["assets_per_page"]
    out += ["", "What a page loads, and the site"]
    rows = [
        ("CSS per page, gzip kB (raw)", f"{a['css']['gzip_kb']} ({a['css']['raw_kb']})", f"{b['css']['gzip_kb']} ({b['css']['raw_kb']})"),
        ("JS per page, gzip kB (raw)", f"{a['js']['gzip_kb']} ({a['js']['raw_kb']})", f"{b['js']['gzip_kb']} ({b['js']['raw_kb']})"),
        ("requests to other hosts", ", ".join(a["third_party_hosts"]) or "none", ", ".join(b["third_party_hosts"]) or "none"),
        *((f"search data {e}, gzip kB (raw)", f"{v['gzip_kb']} ({v['raw_kb']})",
           f"{base['search']['gzip_kb']} ({base['search']['raw_kb']})" if e == editions[0] else "")
          for e, v in ours["search"].items()),
        ("site: files, raw kB", f"{ours['site']['files']}, {ours['site']['raw_kb']}", f"{base['site']['files']}, {base['site']['raw_kb']}"),
        ("full build, process wall time s", f"{warm['wall']:.2f}", f"{base['median']['wall']:.2f}"),
        ("full build, in process s", f"{warm['total']:.2f}", f"{base['median']['total']:.2f}"),
        ("full build, CPU s (median)", f"{statistics.median(ours['cpus']):.2f}", f"{statistics.median(base['cpus']):.2f}"),
        ("full build in one process, wall s", f"{ours['one_process']['median']['wall']:.2f}", ""),
    ]
    out.append(table(rows, ("", "ours", "baseline")))
    out += ["", "Ratios to the baseline",
            f"  full build {r['build_wall']:.2f}x (wall time, editions built in parallel; in one process "
            f"{r['build_wall_one_process']:.2f}x; in process {r['build_in_process']:.2f}x; CPU {r['build_cpu']:.2f}x), "
            f"largest page {r['largest_page_gzip']:.2f}x, search data per edition {r['search_gzip_per_edition']:.2f}x (gzip)"]
    if results["growth"]:
        first = results["growth"][0]
        rows = [(f"x{g['copies']}", g["characters"], g["pages"], g["sentences"], f"{g['generator']:.2f}",
                 f"{g['mkdocs']:.2f}", f"{g['total']:.2f}", f"{g['total'] / first['total']:.1f}",
                 f"{g['peak_rss_mb']:.0f}") for g in results["growth"]]
        out += ["", "Growth: the report repeated (no lock: first publication)",
                table(rows, ("size", "characters", "pages", "sentences", "generator s", "mkdocs s", "total s",
                             "time ratio", "peak MB"))]
    out += ["", "Budgets"]
    out += [f"  {'held  ' if held else 'MISSED'}  {name}: {figure}" for name, figure, held in results["budgets"]]
    return "\n".join(out)


def _order(name: str, stages: dict) -> tuple:
    order = ("load", "parse", "anchors", "reconcile", "check", "generate", "convert", "render", "search",
             "downloads", "write Markdown", "publish", "mkdocs", "swap", "write lock")
    return (next((i for i, prefix in enumerate(order) if name.startswith(prefix)), len(order)), name)


def profile() -> None:
    """Print a pyinstrument profile of reading, checking and generating every edition."""
    from pyinstrument import Profiler

    sys.path.insert(0, str(ROOT))
    from generator import build as builder

    with tempfile.TemporaryDirectory() as work:
        project = builder.Project.at(ROOT, docs=Path(work) / "docs", site=Path(work) / "site")
        builder.generate(builder.load(project), project.templates, project.cache)
        profiler = Profiler()
        with profiler:
            builder.write(builder.generate(builder.load(project), project.templates, project.cache), project.docs)
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        kind, *paths = argv[1:]
        if kind == "baseline":
            result = child_baseline(Path(paths[0]))
        else:  # ours, or ours in one process
            result = child_ours(*map(Path, paths), jobs=1 if kind == "ours-one" else None)
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="measured builds of each site (default 3)")
    parser.add_argument("--sizes", default="1,4,16", help="growth: copies of the report (default 1,4,16)")
    parser.add_argument("--profile", action="store_true", help="profile the generator's stages and stop")
    args = parser.parse_args(argv)
    if args.profile:
        profile()
        return 0
    results = measure(args.runs, [int(s) for s in args.sizes.split(",") if s])
    results["ratios"] = ratios(results)
    results["budgets"] = budgets(results)
    print(report(results))
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten: {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
