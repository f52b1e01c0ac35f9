"""Revisions of the real report: clause links survive, removed clauses leave tombstones.

Each fixture edits a copy of content/report.txt as an editor would, adds a
revision, and builds against the committed anchor lock. The old site is the
one built from the committed content (the `built_site` fixture).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from generator import build as builder
from generator.anchors.lock import read_lock
from generator.editions.inputs import Acceptance
from generator.text.errors import InputError

from .conftest import FIXTURE, project_for
from .helpers import soup

REVISION = "- date: 2023-03-01\n  note: 更正。\n  note_en: Corrections.\n"


def replace_once(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert text.count(old) == 1, old
        return text.replace(old, new)

    return edit


def move_paragraph(start: str, before: str) -> Callable[[str], str]:
    """Move the paragraph (line) starting with `start` to just before the line starting with `before`."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        index = next(i for i, line in enumerate(lines) if line.strip("\u3000").startswith(start))
        moved = lines.pop(index)
        target = next(i for i, line in enumerate(lines) if line.strip("\u3000").startswith(before))
        lines[target:target] = [moved, ""]
        return "\n".join(lines)

    return edit


def drop_section_eight(text: str) -> str:
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if "（八）着力保障和改善民生" in line)
    end = next(i for i, line in enumerate(lines) if i > start and line.strip("\u3000") == "各位代表！")
    return "\n".join(lines[:start] + lines[end:])


@dataclass(frozen=True)
class Fixture:
    edit: Callable[[str], str]
    expected: set[tuple[str, str, str]]  # (event, kind, id) for parts, sections, paragraphs, sentences
    added: int = 0  # clauses with fresh ids (their ids are checked to be new)


FIXTURES = {
    "paragraph inserted in part 1": Fixture(
        replace_once("　　五年来，我们全面实施", "　　五年间，全省上下团结奋斗。\n\n　　五年来，我们全面实施"),
        {("added", "paragraph", "p1-1a"), ("added", "sentence", "p1-1a-s1")},
        added=2,
    ),
    "sentence deleted in section 3（一）": Fixture(
        replace_once("提振大宗消费。", ""),
        {("removed", "sentence", "p3-1-2-s3"), ("edited", "paragraph", "p3-1-2")},
    ),
    "figure changed": Fixture(
        replace_once("新建5G基站5000个", "新建5G基站6000个"),
        {("edited", "sentence", "p3-1-3-s4"), ("edited", "paragraph", "p3-1-3")},
    ),
    "bracket corrected": Fixture(
        replace_once("(二)着力构建现代化产业体系", "（二）着力构建现代化产业体系"),
        {("edited", "section", "p3-2")},
    ),
    "paragraph moved": Fixture(
        move_paragraph("严肃财经纪律。", "（七）着力防范化解重大经济金融风险"),
        {("moved", "paragraph", "p3-7-5")} | {("moved", "sentence", f"p3-7-5-s{n}") for n in range(1, 6)},
    ),
    "two sentences merged": Fixture(
        replace_once("消费旺，则经济活；投资强，则后劲足。", "消费旺，则经济活，投资强，则后劲足。"),
        {("edited", "sentence", "p3-1-1-s2"), ("removed", "sentence", "p3-1-1-s1"), ("edited", "paragraph", "p3-1-1")},
    ),
}


@pytest.fixture(scope="module")
def old_lock():
    return read_lock(FIXTURE / "anchors.lock", "anchors.lock")


@pytest.fixture(scope="module")
def old_ids(built_site) -> dict[str, set[str]]:
    """Return the ids on each page of the site built from the committed content."""
    return {
        path.relative_to(built_site).as_posix(): {el["id"] for el in soup(path).select("article [id]")}
        for path in built_site.rglob("index.html")
    }


def revise(content: Path, edit: Callable[[str], str], accept: Acceptance = Acceptance(removals=True)):
    report = content / "report.txt"
    report.write_text(edit(report.read_text(encoding="utf-8")), encoding="utf-8")
    with (content / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write(REVISION)
    # Not strict: the English summaries of changed clauses are stale, as they should be.
    return builder.build(project_for(content), accept=accept)


@pytest.mark.parametrize("name", FIXTURES)
def test_revision_keeps_every_shared_link(name, content_copy, old_lock, old_ids, capsys):
    fixture = FIXTURES[name]
    summary = revise(content_copy, fixture.edit)
    changes = [c for c in summary.inputs.changes if c.kind != "page"]
    assert {(c.event, c.kind, c.id) for c in changes} == fixture.expected

    new_lock = summary.inputs.lock
    changed = {c.id for c in changes}
    kept = [e for e in old_lock.entries if e.live and e.kind != "page" and e.id not in changed]
    for old in kept:
        new = new_lock.by_id[old.id]
        assert new.live and (new.text, new.parent) == (old.text, old.parent), old.id

    added = [c.id for c in changes if c.event == "added"]
    assert len(added) == fixture.added
    assert not set(added) & set(old_lock.by_id), "a new clause reused an id"

    site = project_for(content_copy).site
    for page, ids in old_ids.items():
        new_ids = {el["id"] for el in soup(site / page).select("article [id]")}
        assert ids <= new_ids, f"{page}: ids of the old build no longer resolve: {sorted(ids - new_ids)}"

    for change in changes:
        if change.event == "removed":
            stone = _element(site, change.id)
            assert stone is not None and "tombstone" in (stone.get("class") or []), change.id
            assert stone["href"] == "#" + change.successor or stone.select_one(f'a[href="#{change.successor}"]')

    counts = defaultdict(int)
    for c in changes:
        counts[c.event] += 1
    with capsys.disabled():
        print(
            f"\n{name}: {len(kept)} kept, {counts['edited'] + counts['moved']} re-matched "
            f"({counts['edited']} edited, {counts['moved']} moved), {counts['added']} added, "
            f"{counts['removed']} tombstoned"
        )


def _element(site: Path, clause_id: str):
    for path in site.rglob("index.html"):
        found = soup(path).select_one(f'article [id="{clause_id}"]')
        if found is not None:
            return found
    return None


def test_moved_paragraph_leaves_a_pointer_on_its_old_page(content_copy):
    revise(content_copy, FIXTURES["paragraph moved"].edit)
    site = project_for(content_copy).site
    pointer = soup(site / "p3" / "7" / "index.html").select_one("#p3-7-5")
    assert "pointer" in pointer["class"]
    assert pointer.select_one("a")["href"] == "../6/#p3-7-5"
    assert pointer.select_one("#p3-7-5-s3") is not None
    assert soup(site / "p3" / "6" / "index.html").select_one("h2#p3-7-5").get_text() == "严肃财经纪律。"
    lock = (content_copy / "anchors.lock").read_text(encoding="utf-8")
    assert re.search(r"^p3-7-5\tparagraph\tp3-6\t.*moved=2023-03-01 from=/p3/7/\t", lock, re.M)


def test_removed_section_redirects_its_page_and_keeps_its_ids(content_copy, old_ids):
    summary = revise(content_copy, drop_section_eight)
    removed = {c.id for c in summary.inputs.changes if c.event == "removed"}
    assert {"p3-8", "p3-8-1", "p3-8-5-s1", "/p3/8/"} <= removed
    site = project_for(content_copy).site
    redirect = soup(site / "p3" / "8" / "index.html")
    assert redirect.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../7/#p3-8"
    assert 'location.replace("../7/" + (location.hash || "#p3-8"))' in redirect.select_one("script").get_text()
    page = soup(site / "p3" / "7" / "index.html")
    stone = page.select_one("div.tombstone#p3-8")
    assert stone is not None and "此节已在2023年3月1日的修订中删除。" in stone.get_text()
    assert old_ids["p3/8/index.html"] <= {el["id"] for el in page.select("article [id]")}


def test_removal_needs_an_explicit_flag(content_copy):
    with pytest.raises(InputError) as caught:
        revise(content_copy, FIXTURES["sentence deleted in section 3（一）"].edit, accept=Acceptance())
    message = str(caught.value)
    assert re.search(r"anchors\.lock:\d+: sentence p3-1-2-s3 is no longer in the text: “提振大宗消费。”", message)
    assert "--accept-removals" in message
    assert not (content_copy.parent / "site").exists()


def test_removed_ids_are_never_given_out_again(content_copy):
    revise(content_copy, FIXTURES["sentence deleted in section 3（一）"].edit)
    report = content_copy / "report.txt"
    report.write_text(
        report.read_text(encoding="utf-8").replace("把恢复和扩大消费摆在优先位置，采取更有针对性的举措，增强消费能力，改善消费条件，创新消费场景，加快释放消费潜力。",
                                                   "把恢复和扩大消费摆在优先位置，采取更有针对性的举措，增强消费能力，改善消费条件，创新消费场景，加快释放消费潜力。稳住大宗消费。"),
        encoding="utf-8",
    )
    with (content_copy / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write("- date: 2023-04-01\n  note: 增补。\n  note_en: Addition.\n")
    summary = builder.build(project_for(content_copy))
    added = [c.id for c in summary.inputs.changes if c.event == "added"]
    assert added == ["p3-1-2-s2a"]
    assert summary.inputs.lock.by_id["p3-1-2-s3"].removed == "2023-03-01"


def test_unchanged_text_changes_nothing(content_copy):
    before = (content_copy / "anchors.lock").read_text(encoding="utf-8")
    summary = builder.build(project_for(content_copy), strict=True)
    assert summary.inputs.changes == ()
    assert (content_copy / "anchors.lock").read_text(encoding="utf-8") == before


def test_changes_without_a_new_revision_fail_under_strict(content_copy):
    report = content_copy / "report.txt"
    report.write_text(FIXTURES["figure changed"].edit(report.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError, match=r"revisions\.yml:\d+: the text changed since the first publication"):
        builder.build(project_for(content_copy), strict=True)


def test_the_revisions_page_marks_an_edit_and_lists_a_removed_paragraph_once(content_copy):
    edit = replace_once("新建5G基站5000个", "新建5G基站6000个")
    revise(content_copy, lambda text: drop_section_eight(edit(text)))
    page = soup(project_for(content_copy).site / "revisions" / "index.html")
    revision = page.select_one("#rev-2023-03-01").find_next("ul")
    edited = [li for li in revision.select("li") if li.select_one(".diff")]
    assert [li.select_one("del").get_text() + ">" + li.select_one("ins").get_text() for li in edited] == ["5>6"]
    assert "新建5G基站" in edited[0].get_text() and "…" in edited[0].get_text()
    links = [a["href"] for a in revision.select("li > a")]
    assert len(links) == len(set(links)), "a clause is listed twice"
    assert not any("-s" in href.split("#")[-1] for href in links), "a removed paragraph's sentences are listed"
    hk = soup(project_for(content_copy).site / "zh-hk" / "revisions" / "index.html")
    assert "新建5G基站" in hk.select_one(".diff").get_text()


def test_an_edit_keeps_the_text_before_it_in_the_lock(content_copy):
    summary = revise(content_copy, replace_once("新建5G基站5000个", "新建5G基站6000个"))
    entry = summary.inputs.lock.by_id["p3-1-3-s4"]
    assert entry.was == (("2023-03-01", entry.text.replace("6000个", "5000个")),)
    paragraph = summary.inputs.lock.by_id["p3-1-3"]
    assert paragraph.was[0][0] == "2023-03-01" and "5000个" in paragraph.was[0][1]
