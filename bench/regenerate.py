"""Time from a one-character edit of the text to regenerated Markdown.

Generates the Markdown once (as `python -m generator generate` or the live
preview does), changes one character of content/report.txt in a copy of the
content folder, and times the second generation: reading and reconciling the
inputs, rendering every edition, and writing the files that changed.

    python bench/regenerate.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGSHIP = ROOT / "content" / "reports" / "jilin-2023"
sys.path.insert(0, str(ROOT))

from generator import build as builder


def regenerate(project: builder.Project) -> tuple[float, int, int]:
    start = time.perf_counter()
    written = builder.write(builder.generate(builder.load(project), project.templates, project.cache), project.docs)
    total = sum(len(r.written) + len(r.unchanged) for r in written.values())
    return time.perf_counter() - start, sum(len(r.written) for r in written.values()), total


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    work = Path(tempfile.mkdtemp(prefix="regenerate-"))
    shutil.copytree(FLAGSHIP, work / "content")
    project = builder.Project.at(ROOT, content=work / "content", docs=work / "docs", site=work / "site")
    first, _, total = regenerate(project)
    report = work / "content" / "report.txt"
    original = report.read_text(encoding="utf-8")
    times, counts = [], []
    for run in range(runs):
        edited = original.replace("开展汽博会", "开展车博会" if run % 2 == 0 else "开展汽博会", 1)
        report.write_text(edited if run % 2 == 0 else original, encoding="utf-8")
        seconds, written, _ = regenerate(project)
        times.append(seconds)
        counts.append(written)
    shutil.rmtree(work)
    print(f"first generation (all files): {first:.2f} s")
    print(f"after a one-character edit: median {statistics.median(times):.2f} s over {runs} runs "
          f"(min {min(times):.2f}, max {max(times):.2f}); files rewritten: {counts[0]} of {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
