"""The archive at scale: prints the full build's time and peak memory, the cost per
report, a rebuild after one edit, the site's size and file count, what a reader
downloads for a first search across reports, and a simulated archive of about 300
reports (the corpus repeated under other years) to show how the cost grows.

Every build runs in a fresh process, as `make site` does, into folders of its own
under a temporary directory: the project's site/ and content/ are not touched.
Figures go to bench/archive.json.
"""

from __future__ import annotations

import gzip
import json
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
QUERY = "黑土地"


def build(content: Path, work: Path, *flags: str) -> tuple[float, float, str]:
    """Build an archive in a fresh process; return (seconds, peak MiB of the build's
    processes, its output)."""
    script = ("import sys; from pathlib import Path; from generator.archive import publish as archive; "
              "a = archive.Archive(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), '', Path(sys.argv[4])); "
              "o = archive.build(a); print(len(o.built), len(o.reused))")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, str(ROOT), str(work / "docs"), str(work / "site"), str(content)],
                         cwd=ROOT, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return seconds, peak, out.stdout.strip()


def copy_content(target: Path, repeat: int = 1) -> Path:
    """Copy content/ (its reports repeated, as jilin-2023-copy1…, when repeat > 1)."""
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("anchors.lock"))
    reports = target / "reports"
    originals = sorted(p for p in reports.iterdir() if p.is_dir())
    for copy in range(1, repeat):
        for folder in originals:
            shutil.copytree(folder, reports / f"{folder.name}-copy{copy}", ignore=shutil.ignore_patterns("anchors.lock"))
    return target


def size(site: Path) -> tuple[int, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def search_payload(site: Path) -> dict[str, int]:
    """Return the gzip bytes a reader fetches for a first search across reports: the
    manifest, the folding table, the shards of the query's pairs, and the sentence
    lists and clause indexes of the first batch of reports shown."""
    sys.path.insert(0, str(ROOT))
    from generator.archive.shards import gram_shard
    from generator.data import search

    def gz(path: Path) -> int:
        return len(gzip.compress(path.read_bytes(), 6))

    folder = site / "search"
    manifest = json.loads((folder / "reports.json").read_text(encoding="utf-8"))
    grams = sorted(set(search.grams(QUERY)))
    shards = {gram_shard(g) for g in grams}
    found = set.intersection(*[set(json.loads((folder / "grams" / f"{s:02x}.json").read_text())[g])
                               for g, s in ((g, gram_shard(g)) for g in grams)])
    reports = sorted({p // 100000 for p in found}, key=lambda n: -manifest["reports"][n][1])[:8]
    files = [folder / "reports.json", folder / "fold.json"] + [folder / "grams" / f"{s:02x}.json" for s in shards]
    files += [site / manifest["reports"][n][0] / "search" / name for n in reports for name in ("sentences.json", "clauses.json")]
    return {"files": len(files), "gzip_bytes": sum(gz(f) for f in files), "shard_bytes": sum(gz(f) for f in files[2:2 + len(shards)]),
            "reports_with_hits": len({p // 100000 for p in found}), "sentences": len(found)}


def main() -> int:
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        content = copy_content(scratch / "content")
        count = len([p for p in (content / "reports").iterdir() if p.is_dir()])
        work = scratch / "one"
        full, peak, _ = build(content, work)
        files, total = size(work / "site")
        again, _, _ = build(content, work)
        report = next(p for p in (content / "reports").iterdir() if p.name == "jilin-2023") / "report.txt"
        text = report.read_text(encoding="utf-8")
        report.write_text(text.replace("各位代表！", "各位代表！\n\n这是一句新增的话。", 1), encoding="utf-8")
        edited, _, out = build(content, work, )
        payload = search_payload(work / "site")
        results["archive"] = {"reports": count, "full_s": round(full, 1), "peak_mib": round(peak), "per_report_s": round(full / count, 2),
                              "unchanged_rebuild_s": round(again, 1), "one_edit_rebuild_s": round(edited, 1),
                              "files": files, "bytes": total, "first_search": payload}
        print(f"archive of {count} reports: full build {full:.1f} s ({full / count:.2f} s per report on "
              f"{os.cpu_count()} cores), peak memory {peak:.0f} MiB")
        print(f"rebuild with nothing changed: {again:.1f} s; after editing one report's text: {edited:.1f} s "
              f"({edited / full:.0%} of a full build)")
        print(f"site: {files} files, {total / 1e6:.0f} MB")
        print(f"first search across reports ({QUERY}): {payload['files']} files, {payload['gzip_bytes'] / 1024:.0f} KiB gzip "
              f"(shards {payload['shard_bytes'] / 1024:.0f} KiB); {payload['sentences']} sentences in "
              f"{payload['reports_with_hits']} reports")
        if "--quick" not in sys.argv:
            big = copy_content(scratch / "content-4x", repeat=4)
            count4 = len([p for p in (big / "reports").iterdir() if p.is_dir()])
            seconds, peak4, _ = build(big, scratch / "four")
            files4, total4 = size(scratch / "four" / "site")
            results["simulated"] = {"reports": count4, "full_s": round(seconds, 1), "peak_mib": round(peak4),
                                    "per_report_s": round(seconds / count4, 2), "files": files4, "bytes": total4}
            print(f"simulated archive of {count4} reports: {seconds:.1f} s ({seconds / count4:.2f} s per report, "
                  f"{seconds / full:.1f}x the real one), peak memory {peak4:.0f} MiB, {files4} files, {total4 / 1e6:.0f} MB")
    (ROOT / "bench" / "archive.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
