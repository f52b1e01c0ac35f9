"""Metadata: read off the text, then overridden by report.yml (optional), whose
errors name the file, the line and the key."""

import datetime

import pytest

from generator.anchors import ids as anchors
from generator.text import metadata, regions
from generator.text.errors import InputError
from generator.text.parse import parse

from .conftest import FIXTURE, SHARED

TABLE = regions.load(SHARED / "regions.yml", "regions.yml")


def load(tmp_path, text):
    path = tmp_path / "report.yml"
    path.write_text(text, encoding="utf-8")
    return metadata.load(path, "content/report.yml")[0]


def infer(text: str, folder: str = ""):
    return metadata.infer(anchors.assign(parse(text, "report.txt")), TABLE, folder)


def test_the_flagship_dateline_and_speaker_are_read_off_its_text():
    meta = infer((FIXTURE / "report.txt").read_text(encoding="utf-8"))
    assert meta.date == datetime.date(2023, 1, 15) and meta.year == 2023
    assert (meta.region, meta.speaker, meta.speaker_title) == ("jilin", "韩俊", "省长")
    assert meta.occasion == "吉林省第十四届人民代表大会第一次会议"
    assert meta.title == "2023年吉林省政府工作报告"
    assert meta.title_en == "Report on the Work of the Government of Jilin Province, 2023"
    assert meta.speaker_en == "Han Jun, Governor of Jilin Province"
    assert meta.occasion_en == "First Session of the 14th Jilin Provincial People's Congress"
    assert (meta.publisher, meta.place_en) == ("吉林省人民政府", "Changchun")


NEWSPAPER = """2025年广西政府工作报告
来源：广西日报
2025年1月13日在广西壮族自治区第十四届人民代表大会第三次会议上
自治区主席 蓝天立
各位代表：
现在，我代表自治区人民政府，向大会报告工作。
一、过去一年工作回顾
正文。
"""


def test_a_newspaper_copy_names_itself():
    meta = infer(NEWSPAPER)
    assert (meta.title, meta.region, meta.date) == ("2025年广西政府工作报告", "guangxi", datetime.date(2025, 1, 13))
    assert meta.title_en == "Report on the Work of the Government of the Guangxi Zhuang Autonomous Region, 2025"
    assert meta.speaker_en == "Lan Tianli, Chairman of the Guangxi Zhuang Autonomous Region"
    assert (meta.source, meta.source_en) == ("广西日报", "Guangxi Daily")
    assert meta.occasion_en == "Third Session of the 14th People's Congress of Guangxi Zhuang Autonomous Region"


def test_the_speaker_inside_the_dateline_and_an_acting_governor():
    text = "2025年浙江省政府工作报告\n2025年1月14日在浙江省第十四届人民代表大会第三次会议上浙江省代省长刘捷作政府工作报告\n各位代表：\n正文。"
    meta = infer(text)
    assert (meta.speaker_title, meta.speaker) == ("代省长", "刘捷")
    assert meta.speaker_en == "Liu Jie, Acting Governor of Zhejiang Province"


def test_a_national_report_without_a_heading_block():
    meta = infer("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、回顾\n正文。", folder="national-2025")
    assert (meta.region, meta.year, meta.date) == ("national", 2025, None)
    assert meta.title == "2025年政府工作报告"
    assert meta.title_en == "Report on the Work of the Government (State Council), 2025"


def test_a_dateline_in_chinese_numerals():
    meta = infer("政府工作报告\n——一九五七年六月二十六日在第一届全国人民代表大会第四次会议上\n周恩来\n各位代表：\n正文。")
    assert (meta.date, meta.region, meta.speaker) == (datetime.date(1957, 6, 26), "national", "周恩来")
    assert meta.occasion_en == "Fourth Session of the 1st National People's Congress"


def test_a_text_that_states_nothing_gives_empty_fields():
    meta = infer("只有一段话。")
    assert (meta.title, meta.date, meta.year, meta.region, meta.speaker) == ("政府工作报告", None, None, "", "")


@pytest.mark.parametrize("name, english", [("胡玉亭", "Hu Yuting"), ("单霁翔", "Shan Jixiang"), ("曾庆红", "Zeng Qinghong"),
                                           ("艾尔肯·吐尼亚孜", "Aierken Tuniyazi")])
def test_names_in_pinyin(name, english):
    assert metadata.pinyin_name(name) == english


def test_report_yml_overrides_what_it_names():
    inferred = infer(NEWSPAPER)
    given = {"speaker_en": "Lan Tianli, Chairman", "date": datetime.date(2025, 1, 14)}
    meta = metadata.resolve(inferred, given, TABLE, "report.yml", {})
    assert (meta.speaker_en, meta.date, meta.year) == ("Lan Tianli, Chairman", datetime.date(2025, 1, 14), 2025)
    assert meta.title == inferred.title


def test_a_given_region_rederives_the_english_title():
    meta = metadata.resolve(infer("只有一段话。"), {"region": "hebei", "date": datetime.date(2024, 1, 20)}, TABLE, "r.yml", {})
    assert meta.title_en == "Report on the Work of the Government of Hebei Province, 2024"


def test_an_unknown_region_is_an_error_with_its_line():
    with pytest.raises(InputError, match=r"^r.yml:2: report metadata: unknown region 'mars'"):
        metadata.resolve(infer("只有一段话。"), {"region": "mars"}, TABLE, "r.yml", {"region": 2})


def test_the_shipped_metadata_file_is_valid():
    given, _ = metadata.load(FIXTURE / "report.yml", "content/report.yml")
    assert given["title"] == "2023年吉林省人民政府工作报告"


def test_unknown_key_names_its_line(tmp_path):
    text = (FIXTURE / "report.yml").read_text(encoding="utf-8").replace("speaker: 韩俊", "speeker: 韩俊")
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("speeker"))
    assert [str(p) for p in caught.value.problems] == [f"content/report.yml:{line}: report metadata: unknown key 'speeker'"]


def test_wrong_type_names_the_line(tmp_path):
    text = (FIXTURE / "report.yml").read_text(encoding="utf-8").replace("date: 2023-01-15", "date: 十五日")
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("date"))
    assert str(caught.value) == f"content/report.yml:{line}: report metadata: key 'date' must be a date (YYYY-MM-DD)"


def test_a_huge_value_is_refused(tmp_path):
    with pytest.raises(InputError, match=r"content/report.yml:1: report metadata: 'title' is longer than 500"):
        load(tmp_path, "title: " + "长" * 501 + "\n")


def test_broken_yaml_names_the_line(tmp_path):
    with pytest.raises(InputError) as caught:
        load(tmp_path, "title: 标题\ndate: 2023-01-15\nspeaker: [韩俊\n")
    # LibYAML words it "did not find expected ',' or ']'", PyYAML's own parser
    # "expected ',' or ']', but got '<stream end>'": both name the lines.
    message = str(caught.value)
    assert message.startswith("content/report.yml:4: invalid YAML: ")
    assert "expected ',' or ']'" in message
    assert message.endswith(" (while parsing a flow sequence at line 3)")


def test_duplicate_key_is_an_error(tmp_path):
    with pytest.raises(InputError, match=r"^content/report.yml:2: invalid YAML: duplicate key 'title'"):
        load(tmp_path, "title: 甲\ntitle: 乙\n")


def test_not_a_mapping(tmp_path):
    with pytest.raises(InputError, match="expected a mapping"):
        load(tmp_path, "- 一\n- 二\n")


def test_every_region_has_an_english_title():
    assert len(TABLE) == 32
    assert all(region.title_en(2025).endswith(", 2025") for region in TABLE)
    assert {r.key for r in TABLE} >= {"national", "beijing", "guangdong", "xinjiang", "xizang", "hong-kong"} - {"hong-kong"}
