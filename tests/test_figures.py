"""Figures that stand on their own, measured on a hand-labelled sample.

tests/data/figures-sample.tsv: 70 figures of the flagship drawn at random,
each labelled by hand with what it is (a result, a target, or neither: a
specification such as 220千伏 lines or a class such as 5000万元及以上项目)
and the words that say what it measures (凯莱英产值 for 91.1亿元).
"""

from __future__ import annotations

import csv

import pytest

from generator import build as builder
from generator.editions.inputs import Acceptance
from generator.text import figures

from .conftest import ROOT

SAMPLE = ROOT / "tests" / "data" / "figures-sample.tsv"


@pytest.fixture(scope="module")
def found():
    inputs = builder.load(builder.Project.at(ROOT), Acceptance(removals=True, ambiguous=True))
    return {f.id: f for f in figures.extract(inputs.report)}


def sample() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@pytest.mark.content
def test_a_figure_is_a_result_or_a_target_by_its_own_sentence(found):
    rows = [r for r in sample() if r["figure_id"] in found]
    wrong = [(r["figure_id"], r["value"], r["kind"], found[r["figure_id"]].kind) for r in rows
             if found[r["figure_id"]].kind != r["kind"]]
    print(f"kind: {len(rows) - len(wrong)}/{len(rows)}", *wrong, sep="\n")
    assert len(rows) >= 60 and len(wrong) <= 0.1 * len(rows)


@pytest.mark.content
def test_a_figure_names_what_it_measures(found):
    rows = [r for r in sample() if r["figure_id"] in found]
    wrong = [(r["figure_id"], r["subject"], found[r["figure_id"]].phrase) for r in rows
             if r["subject"] not in found[r["figure_id"]].phrase + found[r["figure_id"]].context]
    print(f"subject: {len(rows) - len(wrong)}/{len(rows)}", *wrong, sep="\n")
    assert len(wrong) <= 0.1 * len(rows)


@pytest.mark.parametrize("text, value, kind", [
    ("建设500千伏输变电工程", "500千伏", figures.OTHER),
    ("提供24小时便民服务", "24小时", figures.OTHER),
    ("其中5000万元及以上项目投资增长19.1%", "5000万元", figures.OTHER),
    ("全省已建成5G基站3万个", "3万个", figures.RESULT),
    ("力争粮食产量达到820亿斤", "820亿斤", figures.TARGET),
    ("2022年粮食产量816亿斤", "816亿斤", figures.RESULT),
])
def test_the_words_of_the_sentence_decide_the_kind(text, value, kind):
    unit = next(u for u in sorted(figures.UNITS, key=len, reverse=True) if value.endswith(u))
    fallback = figures.TARGET if kind == figures.RESULT else figures.RESULT
    assert figures.kind_of(text, text.index(value), value, unit, fallback) == kind
