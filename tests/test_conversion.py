"""Conversion to the Taiwan and Hong Kong editions, case by case from the report.

Every case was checked by a reviewer against the regional standard; the first
twelve are the reviewed overrides in content/conversion.yml (OpenCC alone gets
them wrong). Each case converts every sentence of the report that contains the
phrase, and checks the phrase's place in the converted sentence.
"""

from __future__ import annotations

import re

import pytest

from generator.editions.conversion import Converter, converter_for, load_overrides
from generator.editions.editions import HONG_KONG, TAIWAN, TRADITIONAL
from generator.text.errors import InputError
from generator.text.parse import split_sentences

from .conftest import FIXTURE, SHARED

# simplified phrase as it occurs in report.txt, Taiwan form, Hong Kong form
CASES = [
    ("国家制造业", "國家製造業", "國家製造業"),
    ("传统制造业", "傳統製造業", "傳統製造業"),
    ("复材", "複材", "複材"),
    ("制绿氢", "製綠氫", "製綠氫"),
    ("并发行", "並發行", "並發行"),
    ("征程", "征程", "征程"),
    ("市场准入", "市場准入", "市場准入"),
    ("沈白高铁", "瀋白高鐵", "瀋白高鐵"),
    ("内生发展", "內生發展", "內生發展"),
    ("足额发放", "足額發放", "足額發放"),
    ("地方志", "地方志", "地方志"),
    ("人参", "人參", "人參"),
    ("查干湖", "查干湖", "查干湖"),
    ("松原", "松原", "松原"),
    ("干部", "幹部", "幹部"),
    ("若干", "若干", "若干"),
    ("干净", "乾淨", "乾淨"),
    ("关系", "關係", "關係"),
    ("联系", "聯繫", "聯繫"),
    ("体系", "體系", "體系"),
    ("恢复", "恢復", "恢復"),
    ("标准", "標準", "標準"),
    ("平等准入", "平等准入", "平等准入"),
    ("尽快", "儘快", "儘快"),
    ("尽力而为", "盡力而為", "盡力而為"),
    ("获批", "獲批", "獲批"),
    ("牛只", "牛隻", "牛隻"),
    ("同志", "同志", "同志"),
    ("标志性", "標誌性", "標誌性"),
    ("旅游", "旅遊", "旅遊"),
    ("上下游", "上下游", "上下游"),
    ("依托", "依託", "依託"),
    ("并购", "併購", "併購"),
    ("奋斗", "奮鬥", "奮鬥"),
    ("规划", "規劃", "規劃"),
    ("示范", "示範", "示範"),
    ("采取", "採取", "採取"),
    ("云计算", "雲計算", "雲計算"),
    ("历史", "歷史", "歷史"),
    ("今后", "今後", "今後"),
    ("冲击", "衝擊", "衝擊"),
    ("一刻钟", "一刻鐘", "一刻鐘"),
    ("碳汇", "碳匯", "碳匯"),
    ("碳纤维", "碳纖維", "碳纖維"),
    ("着力", "著力", "着力"),
    ("平台", "平臺", "平台"),
    ("群众", "群眾", "羣眾"),
    ("公里", "公里", "公里"),
    ("扎实", "紮實", "紮實"),
    ("复工", "復工", "復工"),
    ("卫生", "衛生", "衞生"),
    ("乾安", "乾安", "乾安"),
    ("“三个五”", "「三個五」", "「三個五」"),
]


@pytest.fixture(scope="module")
def overrides():
    return load_overrides(SHARED / "conversion.yml", "content/conversion.yml", TRADITIONAL)


@pytest.fixture(scope="module")
def converters(overrides):
    return {edition.code: converter_for(edition, overrides) for edition in (TAIWAN, HONG_KONG)}


@pytest.fixture(scope="module")
def sentences():
    text = (FIXTURE / "report.txt").read_text(encoding="utf-8")
    return [s for line in text.split("\n") for s in split_sentences(line.strip("\u3000 "))]


def test_every_override_is_a_case(overrides):
    assert len(CASES) >= 40
    assert [o.phrase for o in overrides] == [case[0] for case in CASES[: len(overrides)]]


@pytest.mark.parametrize("phrase, taiwan, hong_kong", CASES, ids=[c[0] for c in CASES])
def test_phrase_in_context(phrase, taiwan, hong_kong, converters, sentences):
    found = 0
    for edition, expected in ((TAIWAN, taiwan), (HONG_KONG, hong_kong)):
        convert = converters[edition.code]
        for sentence in sentences:
            for match in re.finditer(re.escape(phrase), sentence):
                converted = convert(sentence)
                assert len(converted) == len(sentence)
                assert converted[match.start() : match.end()] == expected, (edition.code, sentence)
                found += 1
    assert found >= 2, f"{phrase} does not occur in the report"


@pytest.mark.parametrize("code", [TAIWAN.code, HONG_KONG.code])
def test_converting_all_at_once_equals_one_by_one(code, converters, sentences):
    convert = converters[code]
    together = convert.many(sentences)
    assert len(together) == len(set(sentences)) > 600
    differing = [s for s in sentences if together[s] != convert(s)]
    assert differing == []


def test_converting_texts_with_newlines_falls_back_to_one_by_one():
    convert = Converter("s2tw")
    assert convert.many(["第一行\n第二行", "发展"]) == {"第一行\n第二行": "第一行\n第二行", "发展": "發展"}


def test_override_is_applied_before_opencc_phrases():
    plain = Converter("s2tw")
    fixed = Converter("s2tw", {"国家制造业": "國家製造業"})
    assert plain("中车长客等5家企业跻身国家制造业单项冠军") == "中車長客等5家企業躋身國家制造業單項冠軍"
    assert fixed("中车长客等5家企业跻身国家制造业单项冠军") == "中車長客等5家企業躋身國家製造業單項冠軍"


def test_quotes_become_corner_brackets_nested():
    convert = Converter("s2hk", corner_quotes=True)
    assert convert("他说：“要落实‘两个确立’。”") == "他説：「要落實『兩個確立』。」"


def test_source_edition_is_unchanged():
    assert Converter()("“一主六双”") == "“一主六双”"


def test_override_file_errors_name_line_and_key(tmp_path):
    path = tmp_path / "conversion.yml"
    path.write_text(
        "overrides:\n  - zh-Hans: 复材\n    zh-Hant-TW: 複材\n    reason: 複合\n    note: x\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as caught:
        load_overrides(path, "content/conversion.yml", TRADITIONAL)
    messages = [str(p) for p in caught.value.problems]
    assert "content/conversion.yml:5: override 1: unknown key 'note'" in messages
    assert "content/conversion.yml:2: override 1: missing key 'zh-Hant-HK'" in messages


def test_duplicate_override_is_an_error(tmp_path):
    entry = "  - zh-Hans: 复材\n    zh-Hant-TW: 複材\n    zh-Hant-HK: 複材\n    reason: 複合\n"
    path = tmp_path / "conversion.yml"
    path.write_text("overrides:\n" + entry + entry, encoding="utf-8")
    with pytest.raises(InputError, match=r"conversion.yml:6: phrase '复材' is already overridden at line 2"):
        load_overrides(path, "content/conversion.yml", TRADITIONAL)
