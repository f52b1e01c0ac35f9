"""The editions of the site, as data: one entry per edition."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

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
    }
)


@dataclass(frozen=True)
class Edition:
    """One edition: its language tag, where it lives, and its interface strings."""

    code: str
    name: str
    lang: str
    prefix: str
    theme_language: str
    strings: Mapping[str, str] = field(default_factory=dict)

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


SOURCE = Edition(
    code="zh-Hans",
    name="简体中文",
    lang="zh-Hans",
    prefix="",
    theme_language="zh-Hans",
    strings=ZH_HANS_STRINGS,
)

EDITIONS: tuple[Edition, ...] = (SOURCE,)
