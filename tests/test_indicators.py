"""Targets against results: the extraction measured on a hand-checked table.

tests/data/targets-results.tsv holds pairs read by hand from the State
Council's reports (2003 on): the target a year's report set for an indicator,
and the result the next year's report gives, each with the words that state
it. The extractor must find the same value, qualifier and sentence.
tests/data/targets-results-older.tsv holds the pairs of the 1990s reports
(planned growth, retail prices), read after the extractor was written; the
extractor must get most of them.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata

import pytest

from generator.data import indicators
from generator.text.parse import read

from .conftest import ROOT

TABLE = ROOT / "tests" / "data" / "targets-results.tsv"
OLDER = ROOT / "tests" / "data" / "targets-results-older.tsv"
REPORTS = ROOT / "content" / "reports"


def table(path=TABLE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@functools.cache
def found(year: int) -> dict[tuple[str, str, int], indicators.Finding]:
    path = REPORTS / f"national-{year}" / "report.txt"
    report, _ = read(path.read_text(encoding="utf-8"), str(path))
    return {(f.indicator, f.kind, f.year): f for f in indicators.extract(report, year)}


def same_words(quote: str, sentence: str) -> bool:
    """Tell whether the extracted sentence is where the quote stands (a quote may run on
    past the sentence's closing semicolon, or begin in the sentence before)."""
    quote, sentence = unicodedata.normalize("NFKC", quote), unicodedata.normalize("NFKC", sentence)
    pieces = [piece for piece in re.split(r"[；;。]", quote) if len(piece) >= 4]
    return any(piece in sentence for piece in pieces) or sentence.rstrip("；;。") in quote


def misses(path=TABLE) -> list[str]:
    wrong = []
    for row in table(path):
        year, key = int(row["year"]), row["indicator"]
        target = found(year).get((key, "target", year))
        result = found(year + 1).get((key, "result", year))
        if target is None or (target.value, target.qualifier) != (row["target_value"], row["target_qualifier"]) \
                or not same_words(row["target_quote"], target.text):
            wrong.append(f"{year} {key} target: expected {row['target_value']}{row['target_qualifier']} "
                         f"({row['target_quote']}), found {target and (target.value, target.qualifier, target.text)}")
        if result is None or result.value != row["result_value"] or not same_words(row["result_quote"], result.text):
            wrong.append(f"{year} {key} result: expected {row['result_value']} ({row['result_quote']}), "
                         f"found {result and (result.value, result.text)}")
    return wrong


def test_the_tables_are_large_enough_and_well_formed():
    assert len(table()) >= 40
    for path in (TABLE, OLDER):
        rows = table(path)
        assert len({(r["year"], r["indicator"]) for r in rows}) == len(rows)
        assert {r["indicator"] for r in rows} <= set(indicators.BY_KEY)


@pytest.mark.content
def test_every_hand_checked_target_and_result_is_extracted():
    wrong = misses()
    total = 2 * len(table())
    print(f"extraction accuracy: {total - len(wrong)}/{total} values")
    assert wrong == []


@pytest.mark.content
def test_most_targets_and_results_of_the_older_reports_are_extracted():
    wrong = misses(OLDER)
    total = 2 * len(table(OLDER))
    print(f"extraction accuracy, 1990s reports: {total - len(wrong)}/{total} values", *wrong, sep="\n")
    assert total - len(wrong) >= 0.75 * total


def test_a_multi_year_average_is_not_a_result():
    report, _ = read("政府工作报告\n\n一、工作回顾\n\n过去五年，国内生产总值年均增长6.6%。\n\n"
                     "过去一年，国内生产总值增长5.2%。\n\n"
                     "二、今年工作\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n", "inline")
    rows = {(f.indicator, f.kind): f for f in indicators.extract(report, 2024)}
    assert rows[("gdp_growth", "result")].value == "5.2"
    assert (rows[("gdp_growth", "target")].value, rows[("gdp_growth", "target")].qualifier) == ("5", "左右")
