"""The metadata file: schema errors name the file, the line and the key."""

import datetime

import pytest

from generator import metadata
from generator.errors import InputError


def load(tmp_path, text):
    path = tmp_path / "report.yml"
    path.write_text(text, encoding="utf-8")
    return metadata.load(path, "content/report.yml")


def test_the_shipped_metadata(root):
    meta = metadata.load(root / "content" / "report.yml", "content/report.yml")
    assert meta.title == "2023年吉林省人民政府工作报告"
    assert meta.date == datetime.date(2023, 1, 15)
    assert (meta.speaker, meta.speaker_title) == ("韩俊", "省长")
    assert meta.occasion == "吉林省第十四届人民代表大会第一次会议"


def test_unknown_key_and_missing_key(tmp_path, root):
    text = (root / "content" / "report.yml").read_text(encoding="utf-8")
    text = text.replace("speaker: 韩俊", "speeker: 韩俊")
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("speeker"))
    messages = [str(p) for p in caught.value.problems]
    assert f"content/report.yml:{line}: report metadata: unknown key 'speeker'" in messages
    assert "content/report.yml:3: report metadata: missing key 'speaker'" in messages


def test_wrong_type_names_the_line(tmp_path, root):
    text = (root / "content" / "report.yml").read_text(encoding="utf-8").replace("date: 2023-01-15", "date: 十五日")
    with pytest.raises(InputError) as caught:
        load(tmp_path, text)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("date"))
    assert str(caught.value) == f"content/report.yml:{line}: report metadata: key 'date' must be a date (YYYY-MM-DD)"


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
