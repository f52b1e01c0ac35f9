"""The regions whose reports the site publishes (`content/regions.yml`).

The State Council and the 31 provincial-level regions, each with its URL key,
Chinese and English names, seat of government and the English names of its
people's government and congress. `find` reads a region off a title or a
dateline (2025年广西政府工作报告, 在吉林省第十四届人民代表大会…上).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlfile
from .errors import Problem, raise_if_any
from .yamlfile import Field

NATIONAL = "national"
KEY_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
# Folders of the site's own: the editions, the library's pages and data, the theme's assets,
# and the pages of the report first published at the root (/p3/1/, /glossary/…).
RESERVED = frozenset({"zh-tw", "zh-hk", "zh-cn", "zh-hans", "zh-hant", "en", "terms", "search", "downloads", "assets",
                      "stylesheets", "javascripts", "glossary", "figures", "revisions", "closing", "sitemap", "index"})
RESERVED_RE = re.compile(r"[pa]\d+|zh(?:-[a-z]+)*|[a-z]{2}")
# A report's folder: <region>-<year>, and a suffix for a second document of the year (jilin-2023-budget).
FOLDER_RE = re.compile(r"^([a-z][a-z0-9-]*?)-((?:1[89]|20)\d\d)(?:-([a-z0-9][a-z0-9-]*))?$")
KINDS = ("national", "province", "municipality", "autonomous")
FIELDS = (
    Field("key"), Field("name"), Field("short", list), Field("en"), Field("short_en"), Field("kind"),
    Field("capital"), Field("capital_en"), Field("government"), Field("congress"),
)
OFFICES_EN = {
    "国务院总理": "Premier of the State Council", "代总理": "Acting Premier of the State Council",
    "总理": "Premier of the State Council",
    "代省长": "Acting Governor of {en}", "省长": "Governor of {en}",
    "代市长": "Acting Mayor of {short_en}", "市长": "Mayor of {short_en}",
    "代理主席": "Acting Chairman of {the_en}", "代主席": "Acting Chairman of {the_en}",
    "主席": "Chairman of {the_en}",
}


@dataclass(frozen=True)
class Region:
    """One region: names, seat and the English names of its institutions."""

    key: str
    name: str
    short: tuple[str, ...]
    en: str
    short_en: str
    kind: str
    capital: str
    capital_en: str
    government: str
    congress: str

    @property
    def national(self) -> bool:
        return self.kind == NATIONAL

    @property
    def the_en(self) -> str:
        """Return the English name with its article where English wants one."""
        return f"the {self.en}" if self.kind == "autonomous" else self.en

    def title_en(self, year: int | None) -> str:
        """Return the English title of a work report of this region."""
        when = f", {year}" if year else ""
        if self.national:
            return f"Report on the Work of the Government (State Council){when}"
        return f"Report on the Work of the Government of {self.the_en}{when}"

    def office_en(self, office: str) -> str:
        """Return the English title of the head of government (省长 -> Governor of Jilin Province)."""
        for chinese, english in OFFICES_EN.items():
            if office.endswith(chinese):
                return english.format(en=self.en, short_en=self.short_en, the_en=self.the_en)
        return ""

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.short)


def load(path: Path, display: str) -> tuple[Region, ...]:
    """Read and validate the table of regions."""
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, (Field("regions", list),), display, "regions", 1))
    items = data["regions"]
    problems: list[Problem] = []
    found = []
    for index, item in enumerate(items):
        checked = yamlfile.check_mapping(item, FIELDS, display, f"region {index + 1}", items.lines[index])
        problems += checked
        if not checked:
            if item["kind"] not in KINDS:
                problems.append(Problem(display, item.line, f"region {item['key']!r}: unknown kind {item['kind']!r}"))
            problems += _key_problems(item["key"], display, item.line_of("key"))
            found.append(Region(**{f.name: tuple(item[f.name]) if f.kind is list else item[f.name] for f in FIELDS}))
    keys = [r.key for r in found]
    problems += [Problem(display, 0, f"region key {key!r} is given twice") for key in sorted(set(keys)) if keys.count(key) > 1]
    raise_if_any(problems)
    return tuple(found)


def _key_problems(key: str, display: str, line: int) -> list[Problem]:
    """Return a problem when a region key cannot be an address folder of its own: it is not
    lowercase letters, digits and hyphens, or the site already uses the name."""
    if not KEY_RE.fullmatch(key):
        return [Problem(display, line, f"region key {key!r}: use lowercase letters, digits and hyphens (inner-mongolia)")]
    if key in RESERVED or RESERVED_RE.fullmatch(key):
        return [Problem(display, line, f"region key {key!r} is an address the site uses itself (/{key}/): choose "
                                       "another key")]
    return []


def find(regions: tuple[Region, ...], *texts: str) -> Region | None:
    """Return the region named first in the texts (longest name first), if any.

    The State Council is found by 国务院 or 全国人民代表大会; 全国 alone in a
    title means the country.
    """
    for text in texts:
        if "全国人民代表大会" in text or "全國人民代表大會" in text:
            return by_key(regions, NATIONAL)
        named = [(len(name), region) for region in regions if not region.national for name in region.names() if name in text]
        if named:
            return max(named, key=lambda pair: pair[0])[1]
    return None


def by_key(regions: tuple[Region, ...], key: str) -> Region | None:
    return next((r for r in regions if r.key == key), None)
