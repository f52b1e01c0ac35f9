"""Parser rules, one small input each."""

from __future__ import annotations

import pytest

from generator.text import numerals
from generator.text.errors import InputError
from generator.text.model import INTERJECTION, INTRO, ITEM, PLAIN, paragraphs, sentences
from generator.text.parse import parse, read, split_sentences
from generator.text.source import decode

from .conftest import FIXTURE

SMALL = """——2023年1月15日在某省人民代表大会上
省长 某某

各位代表：

　　现在，我代表省政府报告工作。

　　一、过去一年回顾

　　一年来成绩显著。

　　各位代表！

　　一是经济增长。全年增长5%。

　　二是民生改善。收入增长。

　　二、今年工作安排

　　重点做好两个方面工作。

　　（一）着力扩投资。投资强，则后劲足。

　　大力促进消费复苏。把恢复消费摆在优先位置。

　　(二)着力构建产业体系。产业兴，则经济兴。

　　各位代表！

　　让我们团结奋斗！
"""


def report_of(text: str):
    return parse(decode(text.encode("utf-8"), "report.txt"), "report.txt")


def test_structure_of_a_small_report():
    report = report_of(SMALL)
    assert [line.kind for line in report.front.lines] == ["dateline", "speaker", "salutation"]
    assert [p.text for p in report.front.opening] == ["现在，我代表省政府报告工作。"]
    one, two = report.parts
    assert (one.ordinal, one.heading, one.sections) == (1, "一、过去一年回顾", ())
    assert [p.kind for p in one.paragraphs] == [PLAIN, INTERJECTION, ITEM, ITEM]
    assert [s.heading for s in two.sections] == ["（一）着力扩投资。", "(二)着力构建产业体系。"]
    assert [p.kind for p in two.sections[0].paragraphs] == [INTRO, ITEM]
    assert [p.text for p in report.closing] == ["各位代表！", "让我们团结奋斗！"]


def test_every_node_keeps_its_source_line():
    report = report_of(SMALL)
    assert report.front.lines[1].line == 2
    assert report.parts[0].line == 8
    assert report.parts[0].paragraphs[2].line == 14
    assert report.parts[1].sections[1].line == 26
    assert report.parts[1].sections[1].paragraphs[0].sentences[0].line == 26
    assert report.closing[1].line == 30


def test_item_lead_is_the_first_sentence():
    item = report_of(SMALL).parts[0].paragraphs[2]
    assert item.lead.text == "一是经济增长。"
    assert [s.text for s in item.body] == ["全年增长5%。"]
    lead_item = report_of(SMALL).parts[1].sections[0].paragraphs[1]
    assert lead_item.lead.text == "大力促进消费复苏。"


@pytest.mark.parametrize(
    "variant",
    [
        SMALL.replace("\n", "\r\n"),
        "\ufeff" + SMALL,
        SMALL.replace("\n\n", "\n"),
        SMALL.replace("　　", ""),
        SMALL.replace("　　", "  "),
        SMALL.replace("\n", "\r"),
    ],
    ids=["crlf", "bom", "single-newlines", "no-indent", "ascii-indent", "cr"],
)
def test_layout_variants_parse_the_same(variant):
    expected = report_of(SMALL)
    actual = parse(decode(variant.encode("utf-8"), "report.txt"), "report.txt")
    assert _shape(actual) == _shape(expected)


def _shape(report):
    return [(p.kind, p.text) for p in paragraphs(report)], [p.heading for p in report.parts]


def test_mixed_brackets_number_sections_in_sequence():
    report = report_of(SMALL)
    assert [s.ordinal for s in report.parts[1].sections] == [1, 2]
    assert [s.label for s in report.parts[1].sections] == ["（一）着力扩投资", "（二）着力构建产业体系"]


def test_parts_past_ten():
    heads = "\n".join(f"{numerals.from_int(n)}、第{n}部分\n正文{n}。" for n in range(1, 13))
    report = report_of(heads)
    assert [p.ordinal for p in report.parts] == list(range(1, 13))
    assert report.parts[10].heading == "十一、第11部分"
    assert report.parts[11].heading == "十二、第12部分"


def test_a_part_without_sections_holds_its_paragraphs():
    report = report_of("一、回顾\n第一段。\n第二段。\n二、安排\n第三段。")
    assert [p.text for p in report.parts[0].paragraphs] == ["第一段。", "第二段。"]
    assert report.parts[0].sections == ()


def test_a_part_numbered_back_is_one_error_naming_its_line():
    text = "一、回顾\n正文。\n二、安排\n正文。\n三、措施\n正文。\n二、重复\n正文。\n二、又重复\n正文。"
    with pytest.raises(InputError) as caught:
        report_of(text)
    assert str(caught.value) == "report.txt:7: part 二、 is out of sequence: expected 四、"


def test_a_part_that_skips_a_number_is_taken_with_a_note():
    report, notes = read("一、回顾\n正文。\n三、安排\n正文。\n四、措施\n正文。", "report.txt")
    assert [p.heading for p in report.parts] == ["一、回顾", "三、安排", "四、措施"]
    assert [str(n) for n in notes] == ["report.txt:3: part 三、 follows 一、: the text has no 二、"]


def test_empty_file_is_an_error():
    with pytest.raises(InputError, match="report.txt:1: the report is empty"):
        report_of("\n\u3000\u3000\n\u200b\n")


def test_text_without_structure_is_all_opening():
    report = report_of("只有一段话。\n还有一段。")
    assert report.parts == () and [p.text for p in report.front.opening] == ["只有一段话。", "还有一段。"]


def test_gbk_file_is_an_error_naming_the_encoding():
    data = SMALL.encode("gbk")
    with pytest.raises(InputError) as caught:
        decode(data, "content/report.txt")
    message = str(caught.value)
    assert message.startswith("content/report.txt:1: the file is not valid UTF-8")
    assert "GB18030" in message and "save it as UTF-8" in message


def test_bad_byte_is_located_on_its_line():
    data = "第一行\n第二行\n".encode("utf-8") + b"\xff\n"
    with pytest.raises(InputError, match=r"^x.txt:3: "):
        decode(data, "x.txt")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("消费旺，则经济活；投资强，则后劲足。", ("消费旺，则经济活；", "投资强，则后劲足。")),
        ("赢得了“风景这边独好”赞誉。下一句", ("赢得了“风景这边独好”赞誉。", "下一句")),
        ("他说：“要奋斗。”我们同意！真的吗？", ("他说：“要奋斗。”", "我们同意！", "真的吗？")),
        ("作出新的更大贡献！", ("作出新的更大贡献！",)),
        ("没有句号", ("没有句号",)),
        ("落实好人才政策3.0版。", ("落实好人才政策3.0版。",)),
    ],
)
def test_sentences_split_after_terminators_and_closing_quotes(text, expected):
    assert split_sentences(text) == expected
    assert "".join(split_sentences(text)) == text


def test_the_real_report_loses_no_character(root):
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    source = [line.strip("\u3000 ") for line in text.split("\n") if line.strip("\u3000 ")]
    assert list(_source_lines(parse(text, "report.txt"))) == source


def _source_lines(report):
    """Yield the tree's text line by line, as the source lines were."""
    yield from (line.text for line in report.front.lines)
    yield from (p.text for p in report.front.opening)
    for part in report.parts:
        yield part.heading
        yield from (p.text for p in part.paragraphs)
        for section in part.sections:
            intro = [p for p in section.paragraphs if p.kind == INTRO]
            yield section.heading + "".join(p.text for p in intro)
            yield from (p.text for p in section.paragraphs if p.kind != INTRO)
    yield from (p.text for p in report.closing)


def test_the_real_report_has_the_expected_shape(root):
    report = parse((FIXTURE / "report.txt").read_text(encoding="utf-8"), "report.txt")
    assert [len(p.sections) for p in report.parts] == [0, 0, 8]
    assert [sum(p.kind == ITEM for p in part.paragraphs) for part in report.parts] == [9, 7, 0]
    assert [sum(p.kind == ITEM for p in s.paragraphs) for s in report.parts[2].sections] == [2, 7, 6, 3, 4, 7, 4, 4]
    assert [p.kind for p in report.closing] == [INTERJECTION, PLAIN, INTERJECTION, PLAIN]
    assert sum(1 for _ in sentences(report)) == 658
