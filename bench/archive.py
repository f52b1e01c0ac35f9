"""The archive at scale: prints the full build's time, CPU and peak memory, the cost per
report, a rebuild after one edit, the site's size and file count, what a reader
downloads for a search across reports (bench/search_cost.py, with its accuracy), and
the same for a simulated archive of about 1,000 reports (the corpus repeated) to show
how the cost grows. `--quick` leaves out the simulated archive.

Every build runs in a fresh process, as `make site` does, into folders of its own
under a temporary directory: the project's site/ and content/ are not touched.
Figures go to bench/archive.json.
"""

from __future__ import annotations

import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SIMULATED = 1000
sys.path[:0] = [str(ROOT / "bench")]

import search_cost  # noqa: E402


def build(content: Path, work: Path, *flags: str) -> tuple[float, float, float, str]:
    """Build an archive in a fresh process; return (seconds, CPU seconds and peak MiB of
    the build's processes, its output)."""
    script = ("import sys; from pathlib import Path; from generator.archive import publish as archive; "
              "a = archive.Archive(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), '', Path(sys.argv[4])); "
              "o = archive.build(a); print(len(o.built), len(o.reused))")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, str(ROOT), str(work / "docs"), str(work / "site"), str(content)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    peak = max(before.ru_maxrss, after.ru_maxrss) / 1024
    return seconds, cpu, peak, out.stdout.strip()


def copy_content(target: Path, repeat: int = 1) -> Path:
    """Copy content/ (its reports repeated, as jilin-2023-copy1…, when repeat > 1)."""
    shutil.copytree(CONTENT, target)
    reports = target / "reports"
    originals = sorted(p for p in reports.iterdir() if p.is_dir())
    for copy in range(1, repeat):
        for folder in originals:
            shutil.copytree(folder, reports / f"{folder.name}-copy{copy}")
    return target


def size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def measure(content: Path, work: Path) -> dict:
    """Build an archive; return its figures, printed as they come."""
    count = len([p for p in (content / "reports").iterdir() if p.is_dir()])
    seconds, cpu, peak, _ = build(content, work)
    files, total = size(work / "site")
    print(f"archive of {count} reports: full build {seconds:.1f} s, CPU {cpu:.0f} s ({cpu / count:.2f} s per report, "
          f"{os.cpu_count()} cores), peak memory {peak:.0f} MiB")
    print(f"site: {files} files, {total / 1e6:.0f} MB ({total / count / 1e6:.2f} MB and {files / count:.0f} files per report)")
    search = search_cost.run(work / "site")
    return {"reports": count, "full_s": round(seconds, 1), "cpu_s": round(cpu), "cpu_per_report_s": round(cpu / count, 2),
            "peak_mib": round(peak), "files": files, "bytes": total, "bytes_per_report": round(total / count),
            "search": search}


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        content = copy_content(scratch / "content")
        work = scratch / "one"
        results["archive"] = measure(content, work)
        again, _, _, _ = build(content, work)
        report = content / "reports" / "jilin-2023" / "report.txt"
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace("各位代表！", "各位代表！\n\n这是一句新增的话。", 1), encoding="utf-8")
        edited, _, _, _ = build(content, work)
        results["archive"] |= {"unchanged_rebuild_s": round(again, 1), "one_edit_rebuild_s": round(edited, 1)}
        print(f"rebuild with nothing changed: {again:.1f} s; after editing one report's text: {edited:.1f} s "
              f"({edited / results['archive']['full_s']:.0%} of a full build)")
        shutil.rmtree(work)
        if "--quick" not in sys.argv:
            repeat = math.ceil(SIMULATED / results["archive"]["reports"])
            big = copy_content(scratch / "content-simulated", repeat=repeat)
            results["simulated"] = measure(big, scratch / "simulated")
    (ROOT / "bench" / "archive.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
