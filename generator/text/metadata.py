"""The report's metadata: read off the text where it states it, then overridden
by `report.yml`, which is optional and names only what it changes.

From the heading block (see `frontmatter`) and the opening:
- title: the title line, else composed (2025年广西壮族自治区政府工作报告);
- date and year: the dateline's date (2025年1月13日), else the title's year;
- region: named in the title or the dateline (全国人民代表大会: the State
  Council; 我代表国务院 in the opening, too);
- occasion: 在…会议上 in the dateline;
- speaker and office: the speaker line (省长　胡玉亭) or the dateline
  (…上山东省省长周乃翔作政府工作报告);
- source: the 来源： line.
English fields follow patterns: the title from the region table
(`regions`), the occasion (第十四届…第三次会议 -> Third Session of the 14th
… People's Congress), the speaker's name in pinyin with the office.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from . import regions as region_table
from . import yamlfile
from .errors import Problem, raise_if_any
from .model import Report
from .numerals import to_int
from .regions import Region
from .yamlfile import Field

TEXT_MAX = 500
TABLE = "metadata.yml"  # in the shared content folder
FIELDS = (
    Field("title", required=False),
    Field("date", datetime.date, required=False),
    Field("region", required=False),
    Field("speaker", required=False),
    Field("speaker_title", required=False),
    Field("occasion", required=False),
    Field("source", required=False),
    Field("source_url", required=False),
    Field("retrieved", datetime.date, required=False),
    Field("title_en", required=False),
    Field("occasion_en", required=False),
    Field("speaker_en", required=False),
    Field("source_en", required=False),
    Field("publisher", required=False),
    Field("publisher_en", required=False),
    Field("place", required=False),
    Field("place_en", required=False),
)
TABLE_FIELDS = FIELDS + (Field("reference"),)
DATE_RE = re.compile(r"([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月"
                     r"\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日")
YEAR_RE = re.compile(r"([12][0-9]{3})\s*年")
OCCASION_RE = re.compile(r"在(.{4,60}?(?:会议|會議))上")
SESSION_RE = re.compile(r"第([一二三四五六七八九十]+)届.*?第([一二三四五六七八九十]+)次(?:会议|會議)")
SPEAKER_RE = re.compile(r"(国务院总理|代理主席|代省长|代市长|总理|省长|市长|主席)\s*([\u4e00-\u9fff·]{2,12}?)(?:同志)?(?:作|在|的|$)")
SOURCE_RE = re.compile(r"^(?:来源|來源|稿源|出处|出處)\s*[：:]\s*")
CHINESE_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth")
SURNAMES = {"单": "Shan", "曾": "Zeng", "解": "Xie", "仇": "Qiu", "朴": "Piao", "查": "Zha", "区": "Ou", "盖": "Ge",
            "乐": "Yue", "缪": "Miao", "召": "Shao", "翟": "Zhai", "尉迟": "Yuchi", "万俟": "Moqi", "长孙": "Zhangsun"}


@dataclass(frozen=True)
class Metadata:
    """Title, date, region, speaker and occasion of the report, in Chinese and English.

    Any field may be empty (and `date` None) when neither the text nor report.yml gives it.
    """

    title: str
    date: datetime.date | None
    region: str
    speaker: str
    speaker_title: str
    occasion: str
    source: str
    title_en: str
    occasion_en: str
    speaker_en: str
    source_en: str
    publisher: str
    publisher_en: str
    place: str
    place_en: str
    year: int | None = None
    source_url: str = ""
    retrieved: datetime.date | None = None


def infer(report: Report, known: tuple[Region, ...], folder_name: str = "") -> Metadata:
    """Return what the text says of itself (see the module docstring)."""
    lines = {line.kind: line.text for line in reversed(report.front.lines)}
    heading = " ".join(line.text for line in report.front.lines)
    opening = report.front.opening[0].text if report.front.opening else ""
    region = _region(known, lines, opening, folder_name)
    date = _date(heading)
    year = date.year if date else _year(lines.get("title", ""), folder_name)
    office, name = _speaker(lines.get("speaker", ""), heading)
    occasion = _occasion(heading)
    source = DATE_RE.split(SOURCE_RE.sub("", lines.get("source", "")), maxsplit=1)[0].strip()
    title = lines.get("title") or _compose_title(region, year)
    return Metadata(
        title=title,
        date=date,
        region=region.key if region else "",
        speaker=name,
        speaker_title=office,
        occasion=occasion,
        source=source,
        title_en=region.title_en(year) if region else _generic_title_en(year),
        occasion_en=_occasion_en(occasion, region),
        speaker_en=_speaker_en(name, office, region),
        source_en=_source_en(source, known),
        publisher=region.name if region and region.national else (f"{region.name}人民政府" if region else ""),
        publisher_en=region.government if region else "",
        place=region.capital if region else "",
        place_en=region.capital_en if region else "",
        year=year,
    )


def _region(known: tuple[Region, ...], lines: dict[str, str], opening: str, folder_name: str) -> Region | None:
    found = region_table.find(known, lines.get("title", ""), lines.get("dateline", ""), lines.get("source", ""))
    if found is None and ("代表国务院" in opening or "代表國務院" in opening):
        found = region_table.by_key(known, region_table.NATIONAL)
    if found is None and folder_name:
        found = region_table.by_key(known, folder_name.rsplit("-", 1)[0])
    return found


def folder_mismatches(report: Report, known: tuple[Region, ...], folder_name: str, display: str) -> list[Problem]:
    """Return a problem when a report folder's name (<region>-<year>) disagrees with the
    region or the year its own text states (a text filed in the wrong folder)."""
    match = region_table.FOLDER_RE.match(folder_name)
    if not match:
        return []
    said = infer(report, known)
    line = report.front.lines[0].line if report.front.lines else 1
    problems = []
    if said.region and said.region != match.group(1):
        name = region_table.by_key(known, said.region).name
        problems.append(Problem(display, line, f"the text is a report of {name} ({said.region}), but its folder "
                                               f"{folder_name} files it under {match.group(1)}: rename the folder"))
    if said.year and said.year != int(match.group(2)):
        problems.append(Problem(display, line, f"the text is dated {said.year}, but its folder {folder_name} files it "
                                               f"under {match.group(2)}: rename the folder"))
    return problems


def _date(text: str) -> datetime.date | None:
    match = DATE_RE.search(text)
    if not match:
        return None
    year, month, day = (_number(group) for group in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _number(text: str) -> int:
    """Return the value of digits (half or full width) or Chinese numerals (一九五七, 二十六)."""
    digits = "".join(CHINESE_DIGITS.get(ch, ch) for ch in text)
    if digits.isdigit():
        return int(digits)
    return to_int(text) or 0


def _year(title: str, folder_name: str) -> int | None:
    match = YEAR_RE.search(title) or re.search(r"((?:19|20)[0-9]{2})$", folder_name)
    return int(match.group(1)) if match else None


def _speaker(line: str, heading: str) -> tuple[str, str]:
    """Return (office, name) from the speaker line, else from the dateline."""
    compact = re.sub(r"\s+", "", line)
    if compact:
        match = SPEAKER_RE.search(compact)
        if match:
            office = compact[: match.end(1)]
            return _office(office), match.group(2)
        return "", compact
    match = SPEAKER_RE.search(re.sub(r"\s+", "", heading))
    return (match.group(1), match.group(2)) if match else ("", "")


def _office(text: str) -> str:
    """Return the office without the region's name before it (山东省省长 -> 省长)."""
    for office in ("国务院总理", "代理主席", "代省长", "代市长", "总理", "省长", "市长", "主席"):
        if text.endswith(office):
            return office
    return text


def _occasion(text: str) -> str:
    match = OCCASION_RE.search(text)
    return match.group(1) if match else ""


def _occasion_en(occasion: str, region: Region | None) -> str:
    match = SESSION_RE.search(occasion)
    if not match or region is None:
        return ""
    term, session = to_int(match.group(1)), to_int(match.group(2))
    if not term or not session or session > len(ORDINALS):
        return ""
    return f"{ORDINALS[session - 1]} Session of the {_ordinal(term)} {region.congress}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _speaker_en(name: str, office: str, region: Region | None) -> str:
    if not name:
        return ""
    english = pinyin_name(name)
    role = region.office_en(office) if region and office else ""
    return f"{english}, {role}" if role else english


def pinyin_name(name: str) -> str:
    """Return a Han Chinese name in pinyin, surname first: 胡玉亭 -> Hu Yuting. A
    transcribed name (艾尔肯·吐尼亚孜) gives one word per part; its official
    spelling, where it differs, belongs in report.yml (speaker_en)."""
    from pypinyin import Style, lazy_pinyin

    if "·" in name:
        return " ".join("".join(lazy_pinyin(part, style=Style.NORMAL)).capitalize() for part in name.split("·"))
    surname_length = 2 if name[:2] in SURNAMES else 1
    surname = SURNAMES.get(name[:surname_length]) or "".join(lazy_pinyin(name[:surname_length], style=Style.NORMAL))
    given = "".join(lazy_pinyin(name[surname_length:], style=Style.NORMAL))
    return f"{surname.capitalize()} {given.capitalize()}".strip()


def _source_en(source: str, known: tuple[Region, ...]) -> str:
    if not source:
        return ""
    for region in known:
        for name in region.names():
            if source.startswith(name) and source.endswith("日报"):
                return f"{region.short_en} Daily"
    return ""


def _compose_title(region: Region | None, year: int | None) -> str:
    when = f"{year}年" if year else ""
    if region is None or region.national:
        return f"{when}政府工作报告"
    return f"{when}{region.name}政府工作报告"


def _generic_title_en(year: int | None) -> str:
    return f"Report on the Work of the Government, {year}" if year else "Report on the Work of the Government"


def load_table(path: Path, display: str) -> dict[str, dict]:
    """Read content/metadata.yml (optional): per report folder, the facts that a public
    record gives and its text does not state, each entry naming that record (`reference`)."""
    if not path.exists():
        return {}
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, (Field("reports", dict),), display, "metadata table", 1))
    entries, problems = data["reports"], []
    for slug, entry in entries.items():
        problems += yamlfile.check_mapping(entry, TABLE_FIELDS, display, f"report {slug!r}", entries.line_of(slug))
    raise_if_any(problems)
    return {str(slug): {key: _clean(value) for key, value in entry.items() if key != "reference" and value is not None}
            for slug, entry in entries.items()}


def load(path: Path, display: str) -> tuple[dict, dict[str, int]]:
    """Read report.yml (optional): the fields it sets, and their lines."""
    if not path.exists():
        return {}, {}
    data = yamlfile.load(path, display)
    if data is None:
        return {}, {}
    problems = yamlfile.check_mapping(data, FIELDS, display, "report metadata", line=1)
    raise_if_any(problems if not isinstance(data, yamlfile.Mapping) else ())
    problems += [
        Problem(display, data.line_of(key), f"report metadata: {key!r} is longer than {TEXT_MAX} characters")
        for key, value in data.items() if isinstance(value, str) and len(value) > TEXT_MAX
    ]
    raise_if_any(problems)
    return {key: _clean(value) for key, value in data.items() if value is not None}, dict(data.lines)


def resolve(inferred: Metadata, given: dict, known: tuple[Region, ...], display: str, lines: dict[str, int]) -> Metadata:
    """Return the inferred metadata with report.yml's fields in place; a given region
    re-derives the English fields that depend on it unless those are given too."""
    url = given.get("source_url", "")
    if url and not re.fullmatch(r"https?://[^\s\"'<>]+", url):
        raise_if_any([Problem(display, lines.get("source_url", 1), "report metadata: source_url must be an http(s) "
                              f"address (got {url[:60]!r})")])
    if "region" in given and region_table.by_key(known, given["region"]) is None:
        raise_if_any([Problem(display, lines.get("region", 1), f"report metadata: unknown region {given['region']!r} "
                              "(a key of content/regions.yml)")])
    merged = replace(inferred, **{name: value for name, value in given.items() if name in _names()})
    if "date" in given and "year" not in given:
        merged = replace(merged, year=given["date"].year)
    region = region_table.by_key(known, merged.region)
    if region is not None:
        merged = replace(merged, **{key: value for key, value in _derived(merged, region, given).items() if key not in given})
    return replace(merged, title=full_title(merged.title, region, merged.year))


def _derived(meta: Metadata, region: Region, given: dict) -> dict:
    """Return the English and place fields that follow from the fields given by hand."""
    derived = {}
    if "region" in given or "date" in given:
        derived |= {"title_en": region.title_en(meta.year), "publisher_en": region.government,
                    "place": region.capital, "place_en": region.capital_en}
    if "speaker" in given or "speaker_title" in given:
        derived["speaker_en"] = _speaker_en(meta.speaker, meta.speaker_title, region)
    if "occasion" in given:
        derived["occasion_en"] = _occasion_en(meta.occasion, region)
    return derived


def full_title(title: str, region: Region | None, year: int | None) -> str:
    """Return a work report's title in one form, with its year (and its region's name when
    a province's title lacks it): 政府工作报告 -> 2025年政府工作报告 or 2025年河北省政府工作报告.
    A title of another form (关于第六个五年计划的报告) stays as it is."""
    if not year or YEAR_RE.search(title) or not title.endswith("政府工作报告"):
        return title
    if region is not None and not region.national and not any(name in title for name in region.names()):
        return f"{year}年{region.name}{title}"
    return f"{year}年{title}"


def _names() -> set[str]:
    return {f.name for f in fields(Metadata)}


def _clean(value: object) -> object:
    return value.strip() if isinstance(value, str) else value
