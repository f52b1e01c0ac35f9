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
        "contents": "报告各部分",
        "closing": "结语",
        "in_this_part": "本部分各节",
        "occasion": "会议",
        "date": "日期",
        "speaker": "报告人",
        "source": "文本来源",
        "source_link": "官方原文",
        "retrieved": "（{date}取得）",
        "editions": "版本",
        "clause_link": "本段链接",
        "document_info": "文件信息",
        "revisions": "修订记录",
        "editions": "版本",
        "removed_paragraph": "此段已在{date}的修订中删除。",
        "removed_sentence": "此句已在{date}的修订中删除。",
        "removed_section": "此节已在{date}的修订中删除。",
        "removed_part": "此部分已在{date}的修订中删除。",
        "removed_appendix": "此附件已在{date}的修订中删除。",
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
        "glossary": "术语表",
        "glossary_intro": "报告中的{n}个政策用语及其含义，按类别排列；每条列出它在报告中出现的全部位置。",
        "category_strategy": "发展战略",
        "category_project": "重大工程与品牌项目",
        "category_campaign": "专项行动与工作",
        "category_formula": "政治用语",
        "category_instrument": "政策举措与机制",
        "category_place": "地名、机构与品牌",
        "category_report": "报告附件中的名词解释",
        "term_name": "英文",
        "term_aliases": "又作",
        "term_source": "出处",
        "term_places": "在报告中出现{n}次：",
        "term_everywhere": "各报告中的用法（按年份）",
        "translation_pending": "（英文译文待补）",
        "translation_stale": "中文已修改，英文译文待复核",
        "show_english": "英文",
        "hide_english": "收起英文",
        "at_a_glance": "概要",
        "terms_title": "共用术语",
        "terms_intro": "各报告共用的{n}个术语，统一释义；每个术语列出使用它的报告和条款，按年份排列。",
        "terms_uses": "{n}份报告",
        "term_more": "术语表中的解释",
        "figures": "主要数字",
        "figures_intro": "报告中的全部{n}个数字（带单位的数量），按部分和节排列，每个数字链接到所在的句子。“成绩”指已取得的结果，“目标”指提出的目标和安排，由所在语句的用词判断（“已”“比上年”等为成绩，“力争”“要”“将”“预期”等为目标）；“其他”指规格或类别，如500千伏线路、5000万元及以上项目。",
        "figures_clause": "条款",
        "figures_context": "所在语句",
        "figures_value": "数字",
        "figures_kind": "类别",
        "figures_result": "成绩",
        "figures_other": "其他",
        "figures_target": "目标",
        "targets_2023": "2023年主要预期目标",
        "structure": "报告结构一览",
        "structure_note": "每一块的长度与该部分或该节的篇幅成正比。",
        "downloads": "数据下载",
        "downloads_note": "全文结构与各版本文本（JSON，字段说明见report.schema.json）、全部数字（CSV）、术语表（CSV）。",
        "cite_heading": "引用本条",
        "cite_link": "复制链接",
        "cite_zh": "复制引文（GB/T 7714）",
        "cite_en": "复制英文引文",
        "cite_copied": "已复制",
        "search": "搜索",
        "search_label": "搜索报告全文",
        "search_loading": "正在载入……",
        "search_count": "找到{n}个条款",
        "search_none": "没有条款包含“{q}”",
        "search_scope": "搜索范围",
        "search_here": "本报告",
        "search_all": "全部报告",
        "search_reports": "{n}份报告中有{m}句包含",
        "search_sentences": "{n}句",
        "search_more": "显示更多报告",
        "search_short": "跨报告搜索请输入至少两个字",
        "english_summary": "英文摘要",
        "stale": "此摘要可能已过时：中文原文在摘要写成后有改动。",
        "summary_pending": "摘要待补。",
        "library_title": "政府工作报告库",
        "library_home": "报告库",
        "library_intro": "国务院和各省、自治区、直辖市的政府工作报告全文，每个条款都有固定链接，提供简体、繁体（臺灣、香港）和英文版本。",
        "library_filter": "按地区、年份或标题筛选",
        "library_count": "共{reports}份报告，{regions}个地区",
        "library_year": "年份",
        "library_title_column": "标题",
        "library_date": "日期",
        "library_speaker": "报告人",
        "library_size": "字数",
        "library_characters": "{n}字",
        "library_none": "没有符合条件的报告。",
        "library_regions": "各地区",
        "library_downloads": "全部报告的数据：报告索引（JSON）、全部数字（CSV，含报告列）。",
        "removed_reports": "已移除的报告",
        "removed_report": "本报告已于{date}从报告库移除。它在此处发布过的各页，以及指向其条款的地址，现在都转到本页。",
        "removed_report_when": "移除日期",
        "removed_report_first": "首次发布",
        "removed_report_address": "原地址",
        "removed_report_source": "文本来源",
        "removed_report_history": "报告库的版本记录仍保存其全文及每次修订：content/reports/{slug}/report.txt。",
        "region_reports": "{region}的政府工作报告",
        "region_targets": "主要指标：目标与结果",
        "region_targets_intro": "每年报告提出的当年目标，与下一年报告回顾的实际结果；每个数字链接到它所在的句子。",
        "target": "目标",
        "result": "结果",
        "indicator": "指标",
        "no_result": "—",
        "targets_csv": "下载本表（CSV）",
        "chart_legend": "浅色条为目标（含“左右”“以上”等），圆点为下一年报告给出的结果。",
        "other_editions": "其他版本",
    }
)


EN_STRINGS = MappingProxyType(
    {
        "home": "Home",
        "contents": "Parts of the report",
        "closing": "Closing",
        "in_this_part": "Sections of this part",
        "occasion": "Occasion",
        "date": "Date",
        "speaker": "Speaker",
        "source": "Source of the text",
        "source_link": "Official text",
        "retrieved": "(retrieved {date})",
        "editions": "Editions",
        "clause_link": "link to this clause",
        "document_info": "About this document",
        "revisions": "Revisions",
        "editions": "Editions",
        "removed_paragraph": "This paragraph was removed in the revision of {date}.",
        "removed_sentence": "This sentence was removed in the revision of {date}.",
        "removed_section": "This section was removed in the revision of {date}.",
        "removed_part": "This part was removed in the revision of {date}.",
        "removed_appendix": "This appendix was removed in the revision of {date}.",
        "appendix": "Appendix {n}",
        "removed_line": "This line was removed in the revision of {date}.",
        "removed_text": "Text before removal (Chinese)",
        "see_current": "Go to the current text",
        "event_added": "Added",
        "event_edited": "Edited",
        "event_moved": "Moved",
        "event_removed": "Removed",
        "sentence_in": ", one sentence:",
        "moved_away": "These clauses moved elsewhere:",
        "moved_sentence": "a sentence",
        "first_publication": "{clauses} clauses (parts, sections and paragraphs) and {sentences} sentences, each with a permanent anchor.",
        "sentence_changes": "Sentences: {added} added, {edited} edited, {moved} moved, {removed} removed.",
        "glossary": "Glossary",
        "glossary_intro": "The {n} policy slogans and coined terms of the report, by category, each with every place it occurs.",
        "category_strategy": "Development strategies",
        "category_project": "Flagship projects and programmes",
        "category_campaign": "Campaigns and initiatives",
        "category_formula": "Political formulas",
        "category_instrument": "Policy instruments and mechanisms",
        "category_place": "Places, organisations and brands",
        "category_report": "Terms the report itself explains (Chinese only)",
        "term_name": "Chinese",
        "term_aliases": "also",
        "term_source": "Source",
        "term_places": "Occurs {n} times:",
        "term_everywhere": "Where every report uses it, by year",
        "translation_pending": "[Translation pending]",
        "translation_stale": "The Chinese has changed since this English was checked",
        "show_english": "English",
        "hide_english": "Hide English",
        "at_a_glance": "At a glance",
        "show_chinese": "中文",
        "hide_chinese": "Hide Chinese",
        "terms_title": "Shared terms",
        "terms_intro": "The {n} terms the reports share, each defined once, with every report and clause that uses it, by year.",
        "terms_uses": "{n} reports",
        "term_more": "In the glossary",
        "figures": "Key figures",
        "figures_intro": "All {n} figures of the report (quantities with their units), by part and section, each linked to its sentence. Each is a \"result\" (what was achieved) or a \"target\" (what is planned), as the words of its sentence say (\"already\" or \"over the previous year\" for results; \"strive to\", \"will\" or \"expected\" for targets), or \"other\": a specification or a class, such as 500 kV lines or projects of 50 million yuan and more.",
        "figures_clause": "Clause",
        "figures_context": "In the text",
        "figures_value": "Figure",
        "figures_kind": "Kind",
        "figures_result": "result",
        "figures_other": "other",
        "figures_sentence": "In the sentence",
        "figures_chinese": "Chinese",
        "figures_target": "target",
        "targets_2023": "Main targets for 2023",
        "structure": "The report at a glance",
        "structure_note": "Each block is as long as its part or section is in the text.",
        "downloads": "Data downloads",
        "downloads_note": "The whole text with its structure and every edition (JSON, its fields described in report.schema.json), all figures (CSV), the glossary (CSV).",
        "cite_heading": "Cite this clause",
        "cite_link": "Copy link",
        "cite_zh": "Copy Chinese citation (GB/T 7714)",
        "cite_en": "Copy citation",
        "cite_copied": "Copied",
        "search": "Search",
        "search_label": "Search the summaries",
        "search_loading": "Loading…",
        "search_count": "{n} clauses found",
        "search_none": "No clause contains “{q}”",
        "search_scope": "Search in",
        "search_here": "This report",
        "search_all": "All reports (Chinese text)",
        "search_reports": "{m} sentences in {n} reports",
        "search_sentences": "{n} sentences",
        "search_more": "Show more reports",
        "search_short": "Across reports, type at least two characters",
        "part": "Part {n}",
        "item": "Item {number}",
        "summary_pending": "Summary pending.",
        "stale": "This summary may be out of date: the Chinese text has changed since it was written.",
        "read_chinese": "Chinese text:",
        "figures_cited": "Figures cited, as written in the Chinese:",
        "summarised_above": "Covered by the summary above.",
        "section": "Section {number}",
        "summaries_pending_note": "English summaries of this report are not written yet. Each page gives the structure of the report in English, its figures as published and the glossary's English names, and links every clause to the Chinese text, which is authoritative.",
        "english_summary": "English summary",
        "library_title": "Government Work Reports",
        "library_home": "Library",
        "library_intro": "The full text of the government work reports of the State Council and of China's provinces, autonomous regions and municipalities, every clause with a permanent link, in simplified and traditional Chinese (Taiwan, Hong Kong) and English.",
        "library_filter": "Filter by region, year or title",
        "library_count": "{reports} reports from {regions} regions",
        "library_year": "Year",
        "library_title_column": "Title",
        "library_date": "Date",
        "library_speaker": "Speaker",
        "library_size": "Length",
        "library_characters": "{n} characters",
        "library_none": "No report matches.",
        "library_regions": "Regions",
        "library_downloads": "Data of every report: the index of reports (JSON), every figure (CSV, with a report column).",
        "removed_reports": "Reports removed",
        "removed_report": "This report was removed from the library on {date}. Every page it had at this address, and every link to one of its clauses, now leads here.",
        "removed_report_when": "Removed",
        "removed_report_first": "First published",
        "removed_report_address": "Address",
        "removed_report_source": "Source of the text",
        "removed_report_history": "The library's version history keeps its full text and every revision: content/reports/{slug}/report.txt.",
        "region_reports": "Government work reports: {region}",
        "region_targets": "Main indicators: targets and results",
        "region_targets_intro": "The targets each year's report set for that year, beside the results the next year's report gives; every number links to its sentence.",
        "target": "Target",
        "result": "Result",
        "indicator": "Indicator",
        "no_result": "—",
        "targets_csv": "Download this table (CSV)",
        "chart_legend": "Light bars are targets (with their qualifier: about, at least…); dots are the results the next year's report gives.",
        "other_editions": "Other editions",
        "translation_note": "This English edition gives the whole report in English, sentence by sentence, beside the Chinese, with a summary of each part and section at a glance. The Chinese text is authoritative; the clause numbers and links are the Chinese edition's.",
        "edition_note": "This English edition gives a faithful summary of every part, section and item of the report, with the figures as published. The Chinese text is authoritative; every summary links to its clause in each Chinese edition.",
    }
)
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

# Interface words that differ by region, not only by script (OpenCC converts
# the script alone): Taiwan and Hong Kong say 搜尋 and 連結 where the mainland
# says 搜索 and 链接, and Taiwan says 資料 for data.
TRADITIONAL_STRINGS = {
    "clause_link": "本段連結",
    "cite_link": "複製連結",
    "document_info": "文件資訊",
    "search": "搜尋",
    "search_label": "搜尋報告全文",
    "search_scope": "搜尋範圍",
    "search_short": "跨報告搜尋請輸入至少兩個字",
    "figures_intro": "報告中的全部{n}個數字（帶單位的數量），按部分和節排列，每個數字連結到所在的句子。"
    "「成績」指已取得的結果，「目標」指提出的目標和安排，由所在語句的用詞判斷（「已」「比上年」等為成績，"
    "「力爭」「要」「將」「預期」等為目標）；「其他」指規格或類別，如500千伏線路、5000萬元及以上項目。",
    "library_intro": "國務院和各省、自治區、直轄市的政府工作報告全文，每個條款都有固定連結，提供簡體、繁體（臺灣、香港）和英文版本。",
    "library_downloads": "全部報告的數據：報告索引（JSON）、全部數字（CSV，含報告欄）。",
    "region_targets_intro": "每年報告提出的當年目標，與下一年報告回顧的實際結果；每個數字連結到它所在的句子。",
}

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
