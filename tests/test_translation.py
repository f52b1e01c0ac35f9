"""The English translation, sentence by sentence.

Over content/ (the flagship's translation as published): what a machine can
check of every current English sentence: its figures, no Chinese left in the
running English, every glossary term of the Chinese named. Over a copy of the
frozen fixture: English that lags behind the Chinese is marked, never blocks
the Chinese, and bad translation files are errors naming file and line.
"""

from __future__ import annotations

import json

import pytest

from generator import build as builder
from generator.anchors.fingerprint import fingerprint
from generator.editions import glossary, translation
from generator.editions.inputs import Acceptance
from generator.text.errors import InputError

from .conftest import ROOT, project_for
from .helpers import soup

FLAGSHIP = ROOT / "content" / "reports" / "jilin-2023"


TRANSLATED = sorted(folder for folder in (ROOT / "content" / "reports").iterdir()
                    if any("-s" in line for path in folder.glob("translation/*.yml")
                           for line in path.read_text(encoding="utf-8").splitlines() if line.endswith(":")))


@pytest.fixture(scope="module", params=TRANSLATED, ids=lambda folder: folder.name)
def flagship(request):
    """Each report translated sentence by sentence (the flagship among them)."""
    project = builder.Project.at(ROOT, request.param)
    return builder.load(project, Acceptance(removals=True, ambiguous=True))



def current(inputs) -> list[tuple[str, str, str]]:
    """Return (id, Chinese, English) of every sentence whose English is current."""
    english = inputs.translation
    return [(key, zh, english.english(key)) for key, zh in english.chinese.items()
            if english.state(key) == translation.CURRENT]


@pytest.mark.content
def test_the_flagship_is_translated(flagship):
    counts = flagship.translation.counts()
    print(f"translation: {counts}")
    assert counts[translation.CURRENT] > 0


@pytest.mark.content
def test_every_figure_of_a_sentence_is_in_its_english(flagship):
    rows = current(flagship)
    missing = {key: translation.missing_figures(zh, en) for key, zh, en in rows}
    missing = {key: found for key, found in missing.items() if found}
    checked = sum(len(translation.figures.found_figures(zh)) for _, zh, _ in rows)
    print(f"figures checked: {checked}, missing: {sum(map(len, missing.values()))}")
    assert missing == {}


@pytest.mark.content
def test_no_chinese_in_running_english(flagship):
    found = {key: translation.han_outside_markers(en) for key, _, en in current(flagship)}
    assert {key: chars for key, chars in found.items() if chars} == {}


@pytest.mark.content
def test_every_glossary_term_of_a_sentence_is_named_in_its_english(flagship):
    marks = glossary.occurrences(flagship.terms, flagship.report)
    by_term = {t.id: t for t in flagship.terms}
    unnamed = {}
    for key, _, en in current(flagship):
        wanted = {by_term[m.term].term for m in marks.get(key, ())}
        missing = translation.unnamed_terms(wanted, en)
        if missing:
            unnamed[key] = missing
    named = sum(len({m.term for m in found}) for found in marks.values())
    print(f"glossary terms in translated sentences: {named}, unnamed: {sum(map(len, unnamed.values()))}")
    assert unnamed == {}


@pytest.mark.content
def test_the_english_edition_shows_every_sentence_beside_its_chinese(tmp_path):
    project = builder.Project.at(ROOT, FLAGSHIP, tmp_path / "docs", tmp_path / "site")
    builder.build(project, accept=Acceptance(removals=True, ambiguous=True))
    inputs = builder.load(project, Acceptance(removals=True, ambiguous=True))
    english, chinese = {}, {}
    for page in (project.site / "en").rglob("index.html"):
        for block in soup(page).select(".bi"):
            english.update((s["id"], s) for s in block.select(".bi__en .s[id]"))
            chinese.update((s["data-s"], s.get_text()) for s in block.select(".bi__zh .s[data-s]"))
    sentences = [key for key in inputs.translation.chinese if key.startswith(("p", "c-", "a"))
                 and "-s" in key]
    assert set(sentences) <= set(english) and set(sentences) <= set(chinese)
    for key in sentences:
        assert chinese[key] == inputs.translation.chinese[key]
        state = inputs.translation.state(key)
        assert (english[key].select_one(".pending") is not None) == (state == translation.PENDING), key
    data = json.loads((project.site / "downloads" / "translation.json").read_text(encoding="utf-8"))
    assert set(data["sentences"]) == set(inputs.translation.chinese)


# Over a copy of the frozen fixture ---------------------------------------------------------------


def with_translation(content, lines: dict[str, str], stamp: bool = True) -> None:
    """Write a translation file of the given sentences into a content folder."""
    inputs = builder.load(project_for(content))
    folder = content / "translation"
    folder.mkdir(exist_ok=True)
    text = "".join(
        f"{key}:\n  en: >-\n    {en}\n" + (f'  fingerprint: "{fingerprint(inputs.translation.chinese[key])}"\n' if stamp else "")
        for key, en in lines.items())
    (folder / "part-1.yml").write_text(text, encoding="utf-8")


def test_an_edited_chinese_sentence_marks_its_english_stale_and_publishes(content_copy):
    with_translation(content_copy, {"p1-1-s1": "The five years were five years of hard work.",
                                    "p1-1-s2": "We won the battle against poverty."})
    report = content_copy / "report.txt"
    text = report.read_text(encoding="utf-8")
    first = builder.load(project_for(content_copy)).translation.chinese["p1-1-s1"]
    report.write_text(text.replace(first, first.replace("五年", "五个年头", 1), 1), encoding="utf-8")
    with (content_copy / "revisions.yml").open("a", encoding="utf-8") as f:
        f.write("- date: 2023-06-30\n  note: 修改一句。\n  note_en: One sentence edited.\n")
    project = project_for(content_copy)
    builder.build(project, strict=True)  # the Chinese is published; the English lags, and says so
    inputs = builder.load(project)
    assert inputs.translation.state("p1-1-s1") == translation.STALE
    assert inputs.translation.state("p1-1-s2") == translation.CURRENT
    assert inputs.translation.state("p1-2-s1") == translation.PENDING
    assert any("p1-1-s1 may be stale" in str(note) for note in inputs.lagging)
    page = soup(project.site / "en" / "p1" / "index.html")
    assert page.select_one("#p1-1-s1 .stale-mark") is not None
    assert page.select_one("#p1-1-s2 .stale-mark") is None
    assert page.select_one("#p1-2-s1 .pending") is not None
    assert "五个年头" in page.select_one('.bi__zh [data-s="p1-1-s1"]').get_text()
    with pytest.raises(InputError):
        failing = builder.failing(inputs, strict=True, english=True)
        if failing:
            raise InputError(failing)


def test_a_marker_naming_no_term_is_a_note_with_file_and_line(content_copy):
    """English never blocks the Chinese: a marker naming no term is a note (shown as plain
    words) that only --strict-english turns into an error."""
    with_translation(content_copy, {"p1-1-s1": "The [[不存在的口号]] years."})
    project = project_for(content_copy)
    summary = builder.build(project, strict=True)
    problem = next(p for p in summary.inputs.lagging if "不存在的口号" in p.message)
    assert problem.path.endswith("translation/part-1.yml") and problem.line == 1
    assert "The 不存在的口号 years." in soup(project.site / "en" / "p1" / "index.html").get_text()
    assert problem in builder.failing(summary.inputs, strict=True, english=True)


def test_an_id_the_report_never_had_is_a_note(content_copy):
    with_translation(content_copy, {"p9-9-s9": "Nothing."}, stamp=False)
    inputs = builder.load(project_for(content_copy))
    assert not inputs.warnings
    assert any("p9-9-s9" in p.message for p in inputs.lagging)
    assert any("p9-9-s9" in p.message for p in builder.failing(inputs, strict=False, english=True))


def test_the_chinese_editions_offer_the_english_of_a_clause(content_copy):
    with_translation(content_copy, {"p1-1-s1": "The five years were five years of hard work."})
    project = project_for(content_copy)
    builder.build(project)
    data = json.loads(soup(project.site / "zh-tw" / "p1" / "index.html").select_one("#cite-data").get_text())
    assert data["english"] == "downloads/translation.json"
    table = json.loads((project.site / "downloads" / "translation.json").read_text(encoding="utf-8"))
    assert table["sentences"]["p1-1-s1"] == {"zh": table["sentences"]["p1-1-s1"]["zh"],
                                             "en": "The five years were five years of hard work.", "state": "current"}
    english = json.loads(soup(project.site / "en" / "p1" / "index.html").select_one("#cite-data").get_text())
    assert english["english"] == ""


def test_without_a_translation_the_english_edition_keeps_its_summaries(built_site):
    page = soup(built_site / "en" / "p3" / "1" / "index.html")
    assert page.select_one(".bi") is None and page.select_one(".en-summary") is not None
    assert not (built_site / "downloads" / "translation.json").exists()


def test_stamping_a_reviewed_sentence_makes_its_english_current(content_copy):
    from generator import cli

    with_translation(content_copy, {"p1-1-s1": "The five years were five years of hard work."})
    report = content_copy / "report.txt"
    first = builder.load(project_for(content_copy)).translation.chinese["p1-1-s1"]
    report.write_text(report.read_text(encoding="utf-8").replace(first, first.replace("五年", "五个年头", 1), 1),
                      encoding="utf-8")
    assert builder.load(project_for(content_copy)).translation.state("p1-1-s1") == translation.STALE
    assert cli.main(["stamp", "--content", str(content_copy), "--stale"]) == 0
    assert builder.load(project_for(content_copy)).translation.state("p1-1-s1") == translation.CURRENT
