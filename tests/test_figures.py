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
from generator.text import figures, subjects

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


SAMPLE_2 = ROOT / "tests" / "data" / "figures-sample-2.tsv"


def subject_right(found: str, labelled: str) -> bool:
    """A subject is right when it holds the labelled noun phrase and not much more (a whole
    clause around it is not a subject)."""
    return labelled in found and len(found) <= 2 * len(labelled) + 6


@pytest.mark.content
def test_figures_by_grammar_on_a_sample_of_five_reports():
    """tests/data/figures-sample-2.tsv: 100 figures of five reports (neither the flagship nor
    the State Council's of 2023), labelled by hand with their kind (result, target, baseline
    of a change, other) and the noun phrase they measure, as it stands in the sentence."""
    with SAMPLE_2.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    found = {}
    for slug in sorted({r["report"] for r in rows}):
        inputs = builder.load(builder.Project.at(ROOT, ROOT / "content" / "reports" / slug),
                              Acceptance(removals=True, ambiguous=True))
        found |= {(slug, f.id): f for f in figures.extract(inputs.report)}
    pairs = [(r, found[(r["report"], r["figure_id"])]) for r in rows if (r["report"], r["figure_id"]) in found]
    kinds = [(r["figure_id"], r["kind"], f.kind) for r, f in pairs if f.kind != r["kind"]]
    subjects = [(r["figure_id"], r["subject"], f.subject) for r, f in pairs if not subject_right(f.subject, r["subject"])]
    print(f"kind {len(pairs) - len(kinds)}/{len(pairs)}, subject {len(pairs) - len(subjects)}/{len(pairs)}",
          *kinds, *subjects, sep="\n")
    assert len(rows) >= 100 and len(pairs) >= 95
    assert len(kinds) <= 0.05 * len(pairs) and len(subjects) <= 0.10 * len(pairs)


@pytest.mark.parametrize("text, value, kind, subject, qualifier", [
    ("全社会研发经费投入强度从2.1%提高到2.5%以上", "2.1%", figures.BASELINE, "全社会研发经费投入强度", ""),
    ("全社会研发经费投入强度从2.1%提高到2.5%以上", "2.5%", figures.RESULT, "全社会研发经费投入强度", "以上"),
    ("已设21个自由贸易试验区", "21个", figures.RESULT, "自由贸易试验区", ""),
    ("新签和升级6个自贸协定", "6个", figures.RESULT, "自贸协定", ""),
    ("今年拟安排地方政府专项债券4.4万亿元", "4.4万亿元", figures.TARGET, "地方政府专项债券", ""),
    ("城镇新增就业1200万人左右", "1200万人", figures.TARGET, "城镇新增就业", "左右"),
    ("粮食产量超过1.4万亿斤", "1.4万亿斤", figures.RESULT, "粮食产量", "超过"),
])
def test_a_figure_s_kind_subject_and_qualifier_follow_its_grammar(text, value, kind, subject, qualifier):
    fallback = figures.TARGET if "今年" in text or "左右" in text else figures.RESULT
    start = text.index(value)
    phrase, _ = figures._around(text, start, len(value))
    assert figures.kind_of(text, start, value, figures._matches(value).__next__()[2], fallback) == kind
    assert subjects.subject(phrase, text[start + len(value):], figures.FIGURE) == subject
    assert figures.qualifier_of(text, start, value) == qualifier
