"""The benchmark's inputs and sums (its timings are read by people, never tested)."""

from __future__ import annotations

import gzip
import importlib.util
import sys

from generator.anchors.ids import assign
from generator.text.model import nodes, sentences
from generator.text.parse import parse

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
bench = sys.modules.setdefault("bench_run", importlib.util.module_from_spec(spec))
spec.loader.exec_module(bench)


def test_synthetic_report_repeats_the_parts_with_unique_ids(tmp_path):
    source = parse((bench.FLAGSHIP / "report.txt").read_text(encoding="utf-8"), "report.txt")
    folder = bench.synthetic_content(tmp_path / "content", 3)
    text = (folder / "report.txt").read_text(encoding="utf-8")
    report = assign(parse(text, "report.txt"))
    assert [p.heading.split("、")[0] for p in report.parts] == list("一二三四五六七八九")
    assert [p.heading.split("、")[1] for p in report.parts] == [p.heading.split("、")[1] for p in source.parts] * 3
    assert len(report.closing) == len(source.closing)
    once = sum(len(p.sentences) for p in source.front.opening + source.closing)
    assert len(list(sentences(report))) == once + 3 * (len(list(sentences(source))) - once)
    ids = [node.id for node in nodes(report)]
    assert len(ids) == len(set(ids))
    assert not (folder / "anchors.lock").exists()


def test_sizes_are_raw_and_gzip_bytes(tmp_path):
    page = tmp_path / "index.html"
    page.write_bytes(b"<p>" + "一主六双".encode() * 500 + b"</p>")
    size = bench.Size.of(page)
    assert size.raw == 7 + 12 * 500
    assert size.gzip == len(gzip.compress(page.read_bytes(), 6, mtime=0)) < size.raw / 10


def test_a_page_s_assets_and_third_party_hosts(tmp_path):
    (tmp_path / "a.css").write_text("p{}" * 400)
    (tmp_path / "b.js").write_text("x()" * 700)
    page = tmp_path / "index.html"
    page.write_text('<link rel="stylesheet" href="a.css"><script src="b.js"></script>'
                    '<link href="https://fonts.gstatic.com" rel="preconnect">')
    found = bench.assets(page)
    assert found["css"]["raw_kb"] == 1.2 and found["js"]["raw_kb"] == 2.1
    assert found["third_party_hosts"] == ["https://fonts.gstatic.com"]


def test_budgets_are_judged_on_the_figures():
    results = {
        "ours": {"median": {"generator": 0.3, "total": 3.0}, "cold": {"generator": 0.5, "total": 3.5},
                 "heaviest_page": {"path": "p1/index.html", "gzip_kb": 61.0},
                 "search": {"zh-Hans": {"gzip_kb": 40.0}}},
        "ratios": {"build_wall": 2.0},
        "growth": [{"copies": 1, "total": 3.0}, {"copies": 16, "total": 50.0}],
    }
    held = {name: ok for name, _, ok in bench.budgets(results)}
    assert list(held.values()) == [True, True, False, True, False]
