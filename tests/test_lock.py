"""The anchor lock is trusted only when it is intact: any hand edit is refused
with an error that names the lock and says how to restore it."""

from __future__ import annotations

import re

import pytest

from generator import build as builder
from generator.anchors.lock import format_lock, parse_lock
from generator.editions.inputs import Acceptance
from generator.text.errors import InputError

from .conftest import FIXTURE, project_for


def swap_two_ids(text: str) -> str:
    return text.replace("\np1-1-s1\t", "\nTMP\t").replace("\np1-1-s2\t", "\np1-1-s1\t").replace("\nTMP\t", "\np1-1-s2\t")


def empty_a_line(text: str) -> str:
    lines = text.split("\n")
    lines[20] = ""
    return "\n".join(lines)


def mark_a_live_clause_removed(text: str) -> str:
    return re.sub(r"^(p1-2-s1\t.*?added=2023-01-15)", r"\1 removed=2023-01-15 successor=p1-2-s2 side=before", text,
                  count=1, flags=re.M)


def truncate(text: str) -> str:
    return text[: len(text) // 2]


def change_a_text(text: str) -> str:
    return text.replace("提振大宗消费。", "提振大宗消费！", 1)


HAND_EDITS = {
    "two ids swapped": swap_two_ids,
    "a line emptied": empty_a_line,
    "a live clause marked removed": mark_a_live_clause_removed,
    "the file truncated": truncate,
    "a text changed": change_a_text,
    "the checksum line dropped": lambda text: text.rsplit("# checksum", 1)[0],
}


@pytest.mark.parametrize("name", HAND_EDITS)
def test_a_hand_edited_lock_is_refused(name, content_copy):
    lock = content_copy / "anchors.lock"
    text = lock.read_text(encoding="utf-8")
    edited = HAND_EDITS[name](text)
    assert edited != text
    lock.write_text(edited, encoding="utf-8")
    for accept in (Acceptance(), Acceptance(removals=True, ambiguous=True)):
        with pytest.raises(InputError) as caught:
            builder.build(project_for(content_copy), accept=accept)
        message = str(caught.value)
        assert f"{lock}:" in message and "changed by hand" in message
        assert f"git checkout -- {lock}" in message
        assert "--accept-removals" not in message
    assert lock.read_text(encoding="utf-8") == edited, "the build rewrote a lock it refused"
    assert not (content_copy.parent / "site").exists()


def test_the_shipped_lock_round_trips():
    text = (FIXTURE / "anchors.lock").read_text(encoding="utf-8")
    assert format_lock(parse_lock(text, "anchors.lock")) == text


def test_removal_advice_names_only_clauses_gone_from_the_text(content_copy):
    report = content_copy / "report.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("提振大宗消费。", ""), encoding="utf-8")
    with (content_copy / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write("- date: 2023-03-01\n  note: 更正。\n  note_en: Corrections.\n")
    with pytest.raises(InputError) as caught:
        builder.build(project_for(content_copy))
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == 1 and "p3-1-2-s3 is no longer in the text: “提振大宗消费。”" in problems[0]
    assert "--accept-removals" in problems[0]
    text = report.read_text(encoding="utf-8")
    assert "提振大宗消费。" not in text
