"""Structural ids and clause numbers."""

import re

from generator.anchors import ids as anchors
from generator.text.model import nodes
from generator.text.parse import parse

from .conftest import FIXTURE


def real_report(root):
    return anchors.assign(parse((FIXTURE / "report.txt").read_text(encoding="utf-8"), "report.txt"))


def test_ids_follow_the_structure(root):
    report = real_report(root)
    part1, part2, part3 = report.parts
    assert [line.id for line in report.front.lines] == ["dateline", "speaker", "salutation"]
    assert report.front.opening[0].id == "p0-1"
    assert (part1.id, part1.paragraphs[4].id, part1.paragraphs[4].number) == ("p1", "p1-5", "§1.5")
    assert part1.paragraphs[4].sentences[0].text == "一是经济稳定恢复增长。"
    assert (part3.paragraphs[0].id, part3.paragraphs[0].number) == ("p3-0-1", "§3.0.1")
    section = part3.sections[0]
    assert (section.id, section.number) == ("p3-1", "§3.1")
    assert (section.paragraphs[1].id, section.paragraphs[1].number) == ("p3-1-2", "§3.1.2")
    assert section.paragraphs[1].sentences[3].id == "p3-1-2-s4"
    assert [(p.id, p.number) for p in report.closing[:2]] == [("c-1", "§C.1"), ("c-2", "§C.2")]


def test_ids_are_unique_and_short(root):
    report = real_report(root)
    ids = [node.id for node in nodes(report)]
    assert anchors.check_unique(report) == []
    assert len(ids) == len(set(ids)) == 3 + 3 + 8 + 78 + 658
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", i) and len(i) <= 12 for i in ids)


def test_ids_never_contain_text(root):
    report = real_report(root)
    assert not any(re.search(r"[^\x00-\x7f]", node.id) for node in nodes(report))
