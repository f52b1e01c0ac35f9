"""The matching rule on small texts."""

from __future__ import annotations

from generator.anchors import ids as anchors
from generator.anchors.lock import Lock, format_lock, parse_lock
from generator.anchors.reconcile import reconcile
from generator.text.parse import parse


def tree(text: str):
    return anchors.assign(parse(text, "report.txt"))


def first(text: str) -> Lock:
    return reconcile(None, tree(text), "2023-01-15").lock


OLD = "一、回顾\n重要的一句。其他内容甲。\n二、安排\n重要的一句。其他内容乙。\n三、结语\n最后一段。\n"


def test_first_publication_uses_positional_ids():
    lock = first(OLD)
    assert [e.id for e in lock.entries][:4] == ["p1", "p1-1", "p1-1-s1", "p1-1-s2"]
    assert all(e.added == "2023-01-15" for e in lock.entries)


def test_lock_text_round_trips():
    lock = first(OLD)
    assert parse_lock(format_lock(lock), "anchors.lock") == lock


def test_equal_candidates_are_reported_not_guessed():
    new = "一、回顾\n其他内容甲。\n二、安排\n其他内容乙。\n三、结语\n最后一段。重要的一句。\n"
    result = reconcile(first(OLD), tree(new), "2023-03-01")
    assert len(result.ambiguities) == 1
    ambiguity = result.ambiguities[0]
    assert (ambiguity.text, ambiguity.line, ambiguity.candidates) == ("重要的一句。", 6, ("p1-1-s1", "p2-1-s1"))
    assert result.ids["p3-1-s2"] == "p1-1-s1"


def test_a_clause_inserted_first_gets_a_letter_id():
    new = "一、回顾\n新的第一段。\n重要的一句。其他内容甲。\n二、安排\n重要的一句。其他内容乙。\n三、结语\n最后一段。\n"
    result = reconcile(first(OLD), tree(new), "2023-03-01")
    assert result.ids["p1-1"] == "p1-0a"
    assert result.ids["p1-2"] == "p1-1"
    assert result.ids["p1-1-s1"] == "p1-0a-s1"


def test_edited_sentence_keeps_its_id_and_history():
    new = OLD.replace("其他内容乙。", "其他内容丙。")
    result = reconcile(first(OLD), tree(new), "2023-03-01")
    entry = result.lock.by_id["p2-1-s2"]
    assert (entry.text, entry.edited, entry.added) == ("其他内容丙。", ("2023-03-01",), "2023-01-15")
    assert [(c.event, c.id) for c in result.changes] == [("edited", "p2-1"), ("edited", "p2-1-s2")]


def test_punctuation_normalized_edit_is_still_an_edit():
    new = OLD.replace("其他内容乙。", "其他内容乙.")
    result = reconcile(first(OLD), tree(new), "2023-03-01")
    assert ("edited", "p2-1-s2") in [(c.event, c.id) for c in result.changes]
