"""The editions of the site, as data: one entry per edition.

Adding an edition is adding an entry to EDITIONS. Traditional editions take
their interface strings from the simplified ones through the same converter
as the text, unless an entry in `strings` says otherwise.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Callable, Mapping

ZH_HANS_STRINGS = MappingProxyType(
    {
        "home": "首页",
        "contents": "目录",
        "closing": "结语",
        "in_this_part": "本部分各节",
        "occasion": "会议",
        "date": "日期",
        "speaker": "报告人",
        "source": "文本来源",
        "clause_link": "本段链接",
        "document_info": "文件信息",
        "revisions": "修订记录",
        "editions": "版本",
        "removed_paragraph": "此段已在{date}的修订中删除。",
        "removed_sentence": "此句已在{date}的修订中删除。",
        "removed_section": "此节已在{date}的修订中删除。",
        "removed_part": "此部分已在{date}的修订中删除。",
        "removed_line": "此行已在{date}的修订中删除。",
        "removed_text": "删除前的文字",
        "see_current": "转到现行文本",
        "event_added": "新增",
        "event_edited": "修改",
        "event_moved": "移动",
        "event_removed": "删除",
        "sentence_in": "中的一句：",
        "moved_away": "以下条款已移至他处：",
        "moved_sentence": "一句",
        "first_publication": "共{clauses}个条款（部分、节与段落）、{sentences}个句子，各有固定锚点。",
        "sentence_changes": "句子层面：新增{added}句，修改{edited}句，移动{moved}句，删除{removed}句。",
        "search": "搜索",
        "search_label": "搜索报告全文",
        "search_loading": "正在载入……",
        "search_count": "找到{n}个条款",
        "search_none": "没有条款包含“{q}”",
    }
)


@dataclass(frozen=True)
class Edition:
    """One edition: its language, where it lives, how its text is made, its strings."""

    code: str
    name: str
    lang: str
    prefix: str
    theme_language: str
    opencc: str | None = None
    corner_quotes: bool = False
    strings: Mapping[str, str] = field(default_factory=dict)

    def ui(self, prefix: str) -> dict[str, str]:
        """Return the interface strings whose keys start with prefix (for the theme)."""
        return {key: value for key, value in self.strings.items() if key.startswith(prefix)}

    def t(self, key: str) -> str:
        """Return the interface string for key."""
        return self.strings[key]

    def format_date(self, date: datetime.date) -> str:
        """Return the date as readers of this edition write it."""
        return f"{date.year}年{date.month}月{date.day}日"

    def format_date_iso(self, text: str) -> str:
        """Return a YYYY-MM-DD date as readers of this edition write it."""
        return self.format_date(datetime.date.fromisoformat(text))

    def revision_note(self, revision) -> str:
        """Return the note of a revision in this edition's language."""
        return revision.note

    def localized(self, convert: Callable[[str], str]) -> "Edition":
        """Return the edition with the source strings converted where it has none of its own."""
        strings = {key: self.strings.get(key) or convert(value) for key, value in ZH_HANS_STRINGS.items()}
        return replace(self, strings=MappingProxyType(strings))


SOURCE = Edition(
    code="zh-Hans",
    name="简体中文",
    lang="zh-Hans",
    prefix="",
    theme_language="zh-Hans",
    strings=ZH_HANS_STRINGS,
)

TAIWAN = Edition(
    code="zh-Hant-TW",
    name="繁體中文（臺灣）",
    lang="zh-Hant-TW",
    prefix="zh-tw/",
    theme_language="zh-Hant-TW",
    opencc="s2tw",
    corner_quotes=True,
    strings={"clause_link": "本段連結"},
)

HONG_KONG = Edition(
    code="zh-Hant-HK",
    name="繁體中文（香港）",
    lang="zh-Hant-HK",
    prefix="zh-hk/",
    theme_language="zh-Hant-HK",
    opencc="s2hk",
    corner_quotes=True,
    strings={"clause_link": "本段連結"},
)

EDITIONS: tuple[Edition, ...] = (SOURCE, TAIWAN, HONG_KONG)
TRADITIONAL = tuple(e.code for e in EDITIONS if e.opencc)
