"""Targets and results measured on an evaluation set held out from tuning.

tests/data/targets-eval.tsv: values read by hand from the texts (State Council reports of
the 1950s to 2025, and provincial reports of 2025), each with the words that state it:
an indicator's target for a year, or its result for a year. The extractor is measured per
indicator: precision (of the values it gives for these rows, how many are right) must be
1.0, as a wrong value is worse than a missing one; recall (how many rows it gives) is
printed, and must not fall below what it was when the set was made.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter

import pytest

from generator.data import indicators
from generator.text.parse import read

from .conftest import ROOT

SET = ROOT / "tests" / "data" / "targets-eval.tsv"
REPORTS = ROOT / "content" / "reports"
# The qualifiers the extractor keeps (a plan word such as 力争 is no qualifier of the value).
QUALIFIERS = set(indicators.QUALIFIERS) | set(indicators.BOUNDS)


def rows() -> list[dict[str, str]]:
    with SET.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def found(slug: str) -> dict[tuple[str, str, int], indicators.Finding]:
    path = REPORTS / slug / "report.txt"
    report, _ = read(path.read_text(encoding="utf-8"), str(path))
    return {(f.indicator, f.kind, f.year): f for f in indicators.extract(report, int(slug.split("-")[1]))}


def verdict(row: dict[str, str]) -> str:
    """Return 'right', 'wrong' or 'missing' for the extractor's value of a row."""
    finding = found(row["report"]).get((row["indicator"], row["kind"], int(row["year"])))
    if finding is None:
        return "missing"
    value = finding.value + (finding.unit if finding.unit not in ("%", "万人") else "")
    qualifier = row["qualifier"] if row["qualifier"] in QUALIFIERS else ""
    return "right" if (value, finding.qualifier) == (row["value"], qualifier) else "wrong"


def test_the_set_is_large_and_spread():
    data = rows()
    assert len(data) >= 60
    national = [r for r in data if r["report"].startswith("national-")]
    assert len({r["report"] for r in national if int(r["year"]) < 2000}) >= 8
    assert len({r["report"] for r in data if not r["report"].startswith("national-")}) >= 5
    for r in data:
        text = (REPORTS / r["report"] / "report.txt").read_text(encoding="utf-8")
        assert r["quote"] in text, r


@pytest.mark.content
def test_precision_is_total_and_recall_is_measured_per_indicator():
    counts: dict[str, Counter] = {}
    wrong = []
    for row in rows():
        outcome = verdict(row)
        counts.setdefault(row["indicator"], Counter())[outcome] += 1
        if outcome == "wrong":
            finding = found(row["report"])[(row["indicator"], row["kind"], int(row["year"]))]
            wrong.append(f"{row['report']} {row['indicator']} {row['kind']} {row['year']}: expected "
                         f"{row['value']}{row['qualifier']}, found {finding.value}{finding.qualifier} in {finding.text}")
    for key, c in sorted(counts.items()):
        given = c["right"] + c["wrong"]
        print(f"{key:<24} precision {c['right']}/{given}  recall {c['right']}/{sum(c.values())}")
    total = sum(counts.values(), Counter())
    print(f"{'all':<24} precision {total['right']}/{total['right'] + total['wrong']}  "
          f"recall {total['right']}/{sum(total.values())}")
    assert wrong == []
    assert total["right"] >= 0.6 * sum(total.values())
