"""The shared conversion corrections (content/conversion.yml) apply to every
report, and to glossary definitions as much as to the text."""

from __future__ import annotations

import pytest

from generator.editions.conversion import converter_for, load_overrides
from generator.editions.editions import HONG_KONG, TAIWAN, TRADITIONAL

from .conftest import ROOT

pytestmark = pytest.mark.content

SHARED = ROOT / "content" / "conversion.yml"
OVERRIDES = load_overrides(SHARED, "content/conversion.yml", TRADITIONAL)
CONVERT = {edition.code: converter_for(edition, OVERRIDES) for edition in (TAIWAN, HONG_KONG)}
REPORTS = sorted((ROOT / "content" / "reports").glob("*/report.txt"))


@pytest.mark.parametrize("edition", ["zh-Hant-TW", "zh-Hant-HK"])
def test_every_correction_is_applied_as_written(edition):
    wrong = [(o.phrase, CONVERT[edition](o.phrase), o.forms[edition]) for o in OVERRIDES
             if CONVERT[edition](o.phrase) != o.forms[edition]]
    assert wrong == []


@pytest.mark.parametrize(
    "source, taiwan, hong_kong",
    [
        ("保护发展", "保護發展", "保護發展"),  # a glossary definition: not 護髮
        ("安吉县余村", "安吉縣余村", "安吉縣余村"),  # a name: not 餘村
        ("国家制造业", "國家製造業", "國家製造業"),
        ("增强内生发展动力", "增強內生發展動力", "增強內生發展動力"),
        ("资金足额发放", "資金足額發放", "資金足額發放"),
        ("新征程", "新征程", "新征程"),
        ("坚持一个中国原则", "堅持一個中國原則", "堅持一個中國原則"),
        ("分配制度", "分配制度", "分配制度"),
        ("更加注重", "更加注重", "更加注重"),
        ("加强湿地保护", "加強濕地保護", "加強濕地保護"),
        ("治理大气污染", "治理大氣污染", "治理大氣污染"),
        ("养老床位", "養老床位", "養老床位"),
        ("任务艰巨", "任務艱鉅", "任務艱巨"),
        ("人民群众", "人民群眾", "人民群眾"),
        ("税收", "稅收", "稅收"),
        ("发展银发经济", "發展銀髮經濟", "發展銀髮經濟"),  # 銀髮 (the elderly) is right
        ("释放谷子经济活力", "釋放谷子經濟活力", "釋放谷子經濟活力"),  # 谷子 transliterates "goods": not 穀子 (millet)
        ("科技电影周", "科技電影週", "科技電影周"),  # a week of events: Taiwan writes 週
        ("双创活动周", "雙創活動週", "雙創活動周"),
    ],
)
def test_corrections_across_reports(source, taiwan, hong_kong):
    assert (CONVERT["zh-Hant-TW"](source), CONVERT["zh-Hant-HK"](source)) == (taiwan, hong_kong)


HAIR = ("银发", "牵一发", "一发而动")


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.parent.name)
def test_no_report_gets_hair_for_development(path):
    """髮 (hair) is right only in 銀髮 (the elderly) and 牽一髮而動全身."""
    text = path.read_text(encoding="utf-8")
    converted = CONVERT["zh-Hant-TW"](text)
    assert len(converted) == len(text)
    for index, char in enumerate(converted):
        if char == "髮":
            around = text[max(0, index - 3) : index + 4]
            assert any(word in around for word in HAIR), around
