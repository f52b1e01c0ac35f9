"""Structural edits of the real report keep every sentence and every link: a part
that gains or loses sections, a section that moves to another part, a part
heading made longer, parts renumbered. After each, the text is all on the site
in order, every id ever published resolves once per edition, and no page
redirects to itself."""

from __future__ import annotations

from typing import Callable

import pytest

from generator import build as builder
from generator.anchors.lock import read_lock
from generator.editions.inputs import Acceptance
from generator.text import lines

from .conftest import FIXTURE, project_for
from .helpers import ids_by_edition, reading_order, report_text, soup

REVISION = "- date: 2023-03-01\n  note: 调整结构。\n  note_en: Structure changed.\n"


def sections_in_part_one(text: str) -> str:
    """Part 1 gains two sections, before its second and its eleventh paragraph."""
    for old, heading in (("　　五年来，我们全面实施", "（一）五年来的主要工作。"), ("　　刚刚过去的2022年", "（二）过去一年的工作。")):
        assert text.count(old) >= 1, old
        text = text.replace(old, f"　　{heading}\n\n{old}", 1)
    return text


def no_sections_in_part_three(text: str) -> str:
    """Part 3 loses its section numbering: each section heading becomes a plain lead."""
    kept = []
    for line in text.split("\n"):
        stripped = line.strip("\u3000")
        if stripped[:1] in "（(" and stripped[1:2] in "一二三四五六七八" and stripped[2:3] in "）)":
            line = "\u3000\u3000" + stripped[3:]
        kept.append(line)
    return "\n".join(kept)


def section_eight_to_part_two(text: str) -> str:
    """Section (八) of part 3 moves to the end of part 2, as its section (一)."""
    rows = text.split("\n")
    start = next(i for i, row in enumerate(rows) if "（八）着力保障和改善民生" in row)
    end = next(i for i, row in enumerate(rows) if i > start and row.strip("\u3000") == "各位代表！")
    block = rows[start:end]
    block[0] = block[0].replace("（八）", "（一）", 1)
    rest = rows[:start] + rows[end:]
    part_three = next(i for i, row in enumerate(rest) if row.strip("\u3000").startswith("三、"))
    return "\n".join(rest[:part_three] + block + rest[part_three:])


def longer_part_heading(text: str) -> str:
    return text.replace("一、过去五年和2022年工作回顾", "一、过去五年和2022年政府工作的回顾与总结", 1)


def parts_renumbered(text: str) -> str:
    """A new part 2 is inserted: the old parts 2 and 3 become 3 and 4."""
    text = text.replace("　　三、2023年工作安排", "　　四、2023年工作安排", 1)
    return text.replace("　　二、今后五年目标任务", "　　二、新增的部分\n\n　　这是新增的一段。\n\n　　三、今后五年目标任务", 1)


EDITS: dict[str, Callable[[str], str]] = {
    "a part gains sections": sections_in_part_one,
    "a part loses its sections": no_sections_in_part_three,
    "a section moves to another part": section_eight_to_part_two,
    "a part heading made longer": longer_part_heading,
    "parts renumbered": parts_renumbered,
}


def visible(text: str) -> str:
    return "".join(ch for ch in text if ch not in lines.INVISIBLE and not ch.isspace())


@pytest.mark.parametrize("name", EDITS)
def test_a_structural_edit_keeps_every_sentence_and_link(name, content_copy):
    old_lock = read_lock(FIXTURE / "anchors.lock", "anchors.lock")
    report = content_copy / "report.txt"
    edited = EDITS[name](report.read_text(encoding="utf-8"))
    assert edited != report.read_text(encoding="utf-8")
    report.write_text(edited, encoding="utf-8")
    with (content_copy / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    project = project_for(content_copy)
    builder.build(project, strict=True, accept=Acceptance(removals=True))
    site = project.site

    shown = "".join(report_text(page) for page in reading_order(site))
    assert visible(shown) == visible(edited)

    for prefix, found in ids_by_edition(site).items():
        missing = [e.id for e in old_lock.entries if e.kind != "page" and not found[e.id]]
        assert missing == [], f"{name}, {prefix or 'zh-Hans'}: {missing[:8]}"
        for page in old_lock.entries:
            if page.kind == "page":
                target = site / prefix / page.id.strip("/") / "index.html"
                assert target.is_file(), f"{name}: {prefix}{page.id} is gone"
                refresh = soup(target).select_one('meta[http-equiv="refresh"]')
                assert refresh is None or not refresh["content"].startswith("0; url=./"), f"{page.id} redirects to itself"
