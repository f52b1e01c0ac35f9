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

from .strings import EN_STRINGS, TRADITIONAL_STRINGS, ZH_HANS_STRINGS

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


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
    language: str = "zh"
    og_locale: str = "zh_CN"
    citation_name: str = "简体中文版"
    citation_name_en: str = "Simplified Chinese edition"

    @property
    def english(self) -> bool:
        return self.language == "en"

    def ui(self, prefix: str) -> dict[str, str]:
        """Return the interface strings whose keys start with prefix (for the theme)."""
        return {key: value for key, value in self.strings.items() if key.startswith(prefix)}

    def count(self, key: str, n: int) -> str:
        """Return the string for a count, in the singular where the language has one and
        the edition gives it (key_one: "Occurs once", "1 report")."""
        chosen = f"{key}_one" if n == 1 and f"{key}_one" in self.strings else key
        return self.strings[chosen].format(n=n)

    def t(self, key: str) -> str:
        """Return the interface string for key."""
        return self.strings[key]

    def format_date(self, date: datetime.date | None) -> str:
        """Return the date as readers of this edition write it ('' for no date)."""
        if date is None:
            return ""
        if self.english:
            return f"{date.day} {MONTHS[date.month - 1]} {date.year}"
        return f"{date.year}年{date.month}月{date.day}日"

    def format_date_iso(self, text: str) -> str:
        """Return a YYYY-MM-DD date as readers of this edition write it."""
        return self.format_date(datetime.date.fromisoformat(text))

    def definition(self, term) -> str:
        """Return the definition of a glossary term in this edition's language."""
        return term.en_definition if self.english else term.zh

    def revision_note(self, revision) -> str:
        """Return the note of a revision in this edition's language."""
        return revision.note_en if self.english else revision.note

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
    strings=TRADITIONAL_STRINGS | {"downloads": "資料下載",
                                   "library_downloads": "全部報告的資料：報告索引（JSON）、全部數字（CSV，含報告欄）。"},
    og_locale="zh_TW",
    citation_name="繁體中文（臺灣）版",
    citation_name_en="Traditional Chinese edition (Taiwan)",
)

HONG_KONG = Edition(
    code="zh-Hant-HK",
    name="繁體中文（香港）",
    lang="zh-Hant-HK",
    prefix="zh-hk/",
    theme_language="zh-Hant-HK",
    opencc="s2hk",
    corner_quotes=True,
    strings=TRADITIONAL_STRINGS,
    og_locale="zh_HK",
    citation_name="繁體中文（香港）版",
    citation_name_en="Traditional Chinese edition (Hong Kong)",
)

ENGLISH = Edition(
    code="en",
    name="English",
    lang="en",
    prefix="en/",
    theme_language="en",
    strings=EN_STRINGS,
    language="en",
    og_locale="en_GB",
    citation_name="英文摘要版",
    citation_name_en="English summary edition",
)

EDITIONS: tuple[Edition, ...] = (SOURCE, TAIWAN, HONG_KONG, ENGLISH)
CHINESE = tuple(e for e in EDITIONS if not e.english)
TRADITIONAL = tuple(e.code for e in EDITIONS if e.opencc)
