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


SOURCE = Edition(
    code="zh-Hans",
    name="简体中文",
    lang="zh-Hans",
    prefix="",
    theme_language="zh-Hans",
    strings=ZH_HANS_STRINGS,
)

EDITIONS: tuple[Edition, ...] = (SOURCE,)
