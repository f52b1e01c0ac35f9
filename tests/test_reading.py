"""Reading reports as they circulate: one pattern of the real texts per test."""

from __future__ import annotations

import pytest

from generator.text import lines
from generator.text.model import INTERJECTION, ITEM, paragraphs
from generator.text.parse import read


def report_of(text: str):
    return read(text, "report.txt")[0]


def shape(report):
    """Return the divisions of a report: parts with their sections, closing and appendices."""
    return {
        "front": [(line.kind, line.text) for line in report.front.lines],
        "parts": [(p.heading, [s.heading for s in p.sections]) for p in report.parts],
        "closing": [p.text for p in report.closing],
        "appendices": [a.heading for a in report.appendices],
    }


NEWSPAPER = """2025年某省政府工作报告
来源：某省日报
——2025年1月14日在某省第十四届人民代表大会第三次会议上
省长　张三
各位代表：
\u2003\u2003现在，我代表省人民政府，向大会报告工作，请予审议。
\u2003\u2003一、2024年工作回顾
\u2003\u2003过去一年，经济运行稳中有进。
\u2003\u2003三、提升农业发展质量，培育乡村发展新动能
\u2003\u2003粮食产量再创新高。
"""


def test_a_newspaper_copy_has_its_heading_block_and_parts():
    report, notes = read(NEWSPAPER.replace("三、提升", "二、提升"), "report.txt")
    assert shape(report)["front"] == [
        ("title", "2025年某省政府工作报告"), ("source", "来源：某省日报"),
        ("dateline", "——2025年1月14日在某省第十四届人民代表大会第三次会议上"), ("speaker", "省长　张三"),
        ("salutation", "各位代表："),
    ]
    assert [p.heading for p in report.parts] == ["一、2024年工作回顾", "二、提升农业发展质量，培育乡村发展新动能"]
    assert notes == ()


def test_a_heading_with_a_comma_out_of_sequence_is_one_note_naming_it():
    report, notes = read(NEWSPAPER, "report.txt")
    assert [p.heading for p in report.parts] == ["一、2024年工作回顾", "三、提升农业发展质量，培育乡村发展新动能"]
    assert [str(n) for n in notes] == ["report.txt:9: part 三、 follows 一、: the text has no 二、"]


def test_a_dateline_joined_with_the_speaker_and_a_source_after_it():
    text = "2025年某省政府工作报告\n2025年1月13日在某省第十四届人民代表大会第三次会议上某省省长李四作政府工作报告。\n来源：某日报\n各位代表：\n正文。"
    assert [line.kind for line in report_of(text).front.lines] == ["title", "dateline", "source", "salutation"]


def test_a_split_title_and_a_speaker_over_two_lines():
    text = "\u200b\n政府工作报\n告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n国务院总理\u3000\n李　强\n各位代表：\n正文。"
    front = shape(report_of(text))["front"]
    assert front[0] == ("title", "政府工作报告")
    assert front[2] == ("speaker", "国务院总理\u3000李　强")


def test_a_salutation_that_shares_its_line_with_the_text():
    report = report_of("各位代表，现在，我代表国务院作报告。\n一、回顾\n正文。")
    assert shape(report)["front"] == [("salutation", "各位代表，")]
    assert report.front.opening[0].text == "现在，我代表国务院作报告。"


def test_unnumbered_part_headings_between_paragraphs():
    text = "各位代表：\n现在报告工作。\n2024年工作回顾\n过去一年成绩显著。\n2025年工作安排\n(一)稳增长。要稳增长。\n(二)促改革。要促改革。"
    assert shape(report_of(text))["parts"] == [
        ("2024年工作回顾", []), ("2025年工作安排", ["(一)稳增长。", "(二)促改革。"]),
    ]


def test_paren_parts_with_dun_sections_when_paren_comes_first():
    text = "各位代表：\n（一）当前的经济形势\n形势很好。\n（二）今后的方针\n一、依靠政策和科学，加快农业的发展\n要发展农业。\n二、提高能源的利用效率\n要节约能源。"
    assert shape(report_of(text))["parts"] == [
        ("（一）当前的经济形势", []), ("（二）今后的方针", ["一、依靠政策和科学，加快农业的发展", "二、提高能源的利用效率"]),
    ]


def test_a_list_restarting_at_one_inside_a_part_is_not_a_division():
    text = "一、总任务\n正文。\n二、问题\n基本建设：\n一、\n规模问题。\n二、\n比重问题。\n三、\n配合问题。\n三、奋斗\n正文。"
    report = report_of(text)
    assert [p.heading for p in report.parts] == ["一、总任务", "二、问题", "三、奋斗"]
    assert [p.text for p in report.parts[1].paragraphs][1:] == ["一、规模问题。", "二、比重问题。", "三、配合问题。"]


def test_a_list_of_heading_lines_goes_on_before_the_next_part():
    text = ("一、回顾\n正文。\n二、方针\n一、确定适度的经济增长率\n正文。\n二、规定恰当的投资规模\n正文。\n"
            "三、坚持把科技进步放在重要的战略地位\n正文。\n三、经济体制改革\n正文。")
    assert [p.heading for p in report_of(text).parts] == ["一、回顾", "二、方针", "三、经济体制改革"]


def test_numbered_sentences_followed_by_the_next_number_are_a_list():
    text = "一、回顾\n正文。\n二、任务\n（一）要使粮食生产适应人口的增长。\n（二）要使轻纺工业加快发展。\n正文。"
    assert shape(report_of(text))["parts"][1] == ("二、任务", [])


def test_a_heading_broken_over_two_lines():
    text = "一、回顾\n正文。\n二、持续提升政府\n治理效能和服务水平\n面对新形势，我们要努力工作。"
    assert report_of(text).parts[1].heading == "二、持续提升政府治理效能和服务水平"


def test_fragments_of_a_web_copy_join_their_paragraph():
    text = ("各位代表：\n我们通过了国家的根本法——\n中华人民共和国宪法\n，接着又通过了几个法律。\n"
            "会议通过了《\n中共中央关于制定计划的建议\n》，提出了方针。\n我国同苏联已经缔结了\n友好同盟互助条约\n。苏联交还了铁路。")
    assert [p.text for p in paragraphs(report_of(text))] == [
        "我们通过了国家的根本法——中华人民共和国宪法，接着又通过了几个法律。",
        "会议通过了《中共中央关于制定计划的建议》，提出了方针。",
        "我国同苏联已经缔结了友好同盟互助条约。苏联交还了铁路。",
    ]


def test_a_line_wrapped_mid_word_joins_the_next():
    text = "一、回顾\n财政收支矛盾较大，经\n济金融风险隐患不容忽视。"
    assert [p.text for p in report_of(text).parts[0].paragraphs] == ["财政收支矛盾较大，经济金融风险隐患不容忽视。"]


def test_the_closing_starts_at_an_interjection_sharing_its_line():
    text = "一、回顾\n正文。\n二、安排\n正文。\n各位代表！让我们团结奋斗！"
    report = report_of(text)
    assert shape(report)["closing"] == ["各位代表！让我们团结奋斗！"]
    assert [p.text for p in report.parts[1].paragraphs] == ["正文。"]


def test_an_interjection_before_more_divisions_stays_in_its_part():
    text = "一、回顾\n正文。\n各位代表！\n成绩来之不易。\n二、安排\n正文。"
    report = report_of(text)
    assert [p.kind for p in report.parts[0].paragraphs] == ["plain", INTERJECTION, "plain"]
    assert report.closing == ()


def test_a_closing_heading_takes_the_closing():
    text = "一、回顾\n正文。\n各位代表！国防很重要。\n结束语\n各位代表！\n让我们奋斗。"
    report = report_of(text)
    assert shape(report)["closing"] == ["结束语", "各位代表！", "让我们奋斗。"]
    assert [p.text for p in report.parts[0].paragraphs] == ["正文。", "各位代表！国防很重要。"]


def test_appendices_are_numbered_on_their_own_and_a_glossary_is_marked():
    text = ("一、回顾\n正文。\n二、安排\n正文。\n各位代表！让我们奋斗！\n附件\n《政府工作报告》有关内容名词注释\n"
            "1.“两重”：国家重大战略实施。\n2.未来产业：未来材料、未来能源。\n附件2\n十件民生实事\n一、就业。\n二、养老。")
    report = report_of(text)
    assert shape(report)["appendices"] == ["附件 《政府工作报告》有关内容名词注释", "附件2 十件民生实事"]
    first, second = report.appendices
    assert first.glossary and not second.glossary
    assert [p.text for p in first.paragraphs] == ["1.“两重”：国家重大战略实施。", "2.未来产业：未来材料、未来能源。"]
    assert [p.text for p in second.paragraphs] == ["一、就业。", "二、养老。"]
    assert report.closing[0].text == "各位代表！让我们奋斗！"


def test_items_numbered_dashed_and_ordinal():
    text = "一、回顾\n一是经济增长。全年增长5%。\n——粮食生产再创新高。产量853亿斤。\n第一，基本建设规模问题。要适当。\n二要改革。\n四是开放。"
    kinds = [p.kind for p in report_of(text).parts[0].paragraphs]
    assert kinds == [ITEM, ITEM, ITEM, ITEM, "plain"]


@pytest.mark.parametrize("space", ["\u3000", "\u2003", "\u00a0", " ", "\t", "\u200b"])
def test_every_kind_of_indent_and_invisible_edge_is_stripped(space):
    assert lines.source_lines(f"{space}{space}一、回顾{space}\n")[0].text == "一、回顾"
