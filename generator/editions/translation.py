"""The English translation of a report, sentence by sentence (`translation/*.yml`).

Each file maps ids to English: a sentence's id (p3-1-2-s1) to that sentence
in English, a heading's id (p3, p3-1, a1) to the heading in English:

    p3-1-2-s1:
      en: >-
        We will vigorously promote the recovery of consumption.
      fingerprint: 6f1c0e9a2b7d

`fingerprint` is the fingerprint of the Chinese the English was checked
against. When the Chinese changes, the English is stale (shown as out of date,
listed in the revision report) until it is reviewed and stamped
(`python -m generator stamp`); a sentence without English shows "translation
pending". Neither ever stops the Chinese from being published.

The English names glossary terms as [[一主六双]] (the glossary's English name)
or [[一主六双|the words to show]], as summaries do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..anchors.fingerprint import fingerprint
from ..text import figures, yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.model import Report, sentences
from ..text.yamlfile import Field
from .memory import Entry
from .summaries import MARKER, segments

FOLDER = "translation"
FIELDS = (Field("en"), Field("fingerprint", required=False))
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CURRENT, STALE, REUSED, PENDING = "current", "stale", "reused", "pending"
SENTENCE_ID = re.compile(r"-s\d+$")
HEADING_ID = re.compile(r"p\d+(?:-\d+)?|a\d+")  # a part, section or appendix


@dataclass(frozen=True)
class Line:
    """The English of one sentence or heading."""

    id: str
    en: str
    fingerprint: str
    path: str
    line: int


@dataclass(frozen=True)
class Translation:
    """A report's English, by id, and the Chinese each id stands for now; `reused` holds the
    English the translation memory offers for ids the report leaves without English."""

    lines: dict[str, Line]
    chinese: dict[str, str]
    reused: dict[str, Entry] = field(default_factory=dict)

    def state(self, key: str) -> str:
        """Return whether the English of an id is current, stale, reused or pending."""
        line = self.lines.get(key)
        if line is None or not line.en:
            return REUSED if key in self.reused else PENDING
        return CURRENT if line.fingerprint == fingerprint(self.chinese.get(key, "")) else STALE

    def english(self, key: str) -> str:
        line = self.lines.get(key)
        if line is not None and line.en:
            return line.en
        return self.reused[key].en if key in self.reused else ""

    def origin(self, key: str) -> str:
        """Return where reused English of an id was reviewed (report/id), else ''."""
        return self.reused[key].origin if key in self.reused and key not in self.lines else ""

    def __bool__(self) -> bool:
        """Tell whether the report's text is translated (some sentence has English), not
        only its headings."""
        return any(SENTENCE_ID.search(key) for key in self.lines)

    def headings_only(self) -> bool:
        """Tell whether the English gives the report's headings but none of its sentences."""
        return bool(self.lines) and not self

    def counts(self) -> dict[str, int]:
        """Return how many ids are current, stale and pending."""
        found = {CURRENT: 0, STALE: 0, REUSED: 0, PENDING: 0}
        for key in self.chinese:
            found[self.state(key)] += 1
        return found


def chinese(report: Report) -> dict[str, str]:
    """Return what a translation covers: every line of the front matter, heading and
    sentence, by id."""
    found = {line.id: line.text for line in report.front.lines}
    for part in report.parts:
        found[part.id] = part.heading
        for section in part.sections:
            found[section.id] = section.heading
    for appendix in report.appendices:
        found[appendix.id] = appendix.heading
    found.update((s.id, s.text) for s in sentences(report))
    return found


def load(folder: Path, display: Callable[[Path], str]) -> tuple[Line, ...]:
    """Read every translation file of the folder (sorted by name); no folder, no English."""
    if not folder.is_dir():
        return ()
    entries, problems = yamlfile.keyed_entries(folder, display, FIELDS, "sentence", "sentence ids to their English")
    found, seen = [], {}
    for shown, key, entry, line in entries:
        if str(key) in seen:
            problems.append(Problem(shown, line, f"sentence {key!r}: already translated at {seen[str(key)]}"))
            continue
        seen[str(key)] = f"{shown}:{line}"
        found.append(Line(str(key), " ".join(entry["en"].split()), str(entry.get("fingerprint") or ""), shown, line))
    raise_if_any(problems)
    return tuple(found)


def references(lines: tuple[Line, ...], wanted: dict[str, str], forms: set[str], known: set[str]) -> list[Problem]:
    """Return the notices of English that refers to what the Chinese does not have (never
    errors): ids the report never had (`known` holds the ids of its lock, removed ones too:
    their English is an orphan, see `lagging`) and glossary markers naming no term."""
    problems = []
    for line in lines:
        if line.id not in wanted and line.id not in known:
            problems.append(Problem(line.path, line.line, f"sentence {line.id!r}: the report has no sentence or "
                                    "heading with this id: not shown"))
        for match in MARKER.finditer(line.en):
            if match.group(1) not in forms:
                problems.append(Problem(line.path, line.line, f"sentence {line.id!r}: [[{match.group(1)}]] is not a "
                                        "glossary term (shown as plain text)"))
    return problems


def lagging(translation: Translation, display: str) -> list[Problem]:
    """Return the notices of English that lags behind the Chinese (never errors)."""
    found = []
    for key in translation.chinese:
        state = translation.state(key)
        if state == STALE:
            line = translation.lines[key]
            found.append(Problem(line.path, line.line, f"the English of {key} may be stale: its Chinese changed "
                                 "(review it, then python -m generator stamp)"))
    pending = [key for key in translation.chinese if translation.state(key) == PENDING
               and (translation or HEADING_ID.fullmatch(key))]
    if pending and translation.lines:
        found.append(Problem(display, 0, f"{len(pending)} sentences or headings have no English yet (first: {pending[0]})"))
    orphans = [line for key, line in translation.lines.items() if key not in translation.chinese]
    found += [Problem(line.path, line.line, f"the English of {line.id} stands for a sentence no longer in the text")
              for line in orphans]
    return found


# What a machine can check of a translation -----------------------------------------------------


def running_text(en: str) -> str:
    """Return English without its glossary markers' keys (the words shown stay)."""
    return "".join(text for text, _ in segments(en))


def han_outside_markers(en: str) -> list[str]:
    """Return the Han characters of an English text outside glossary markers."""
    return HAN.findall(MARKER.sub(lambda m: m.group(2) or "", en))


def missing_figures(zh: str, en: str) -> list[str]:
    """Return the figures of a Chinese sentence whose number the English does not give
    (698亿元 must read 69.8 billion; 6% must read 6 percent or 6%)."""
    text = running_text(en).replace("\u2009", " ")
    missing = []
    for value in figures.found_figures(zh):
        if not any(form in text for form in _forms(value)):
            missing.append(value)
    return missing


def _forms(value: str) -> Iterator[str]:
    """Yield the ways English may write a figure's number."""
    rendered = figures.english(value).removeprefix("more than ")
    number = re.match(r"[\d.,–]+(?: (?:trillion|billion|million))?|\d+(?:st|nd|rd|th)", rendered)
    core = number.group(0) if number else rendered
    yield core
    yield core.replace(",", "")
    yield core.replace("–", "-")
    yield core.replace("–", " to ")


def unnamed_terms(zh_terms: set[str], en: str) -> set[str]:
    """Return the glossary terms (ids) of the Chinese sentence that its English does not mark."""
    return zh_terms - {key for _, key in segments(en) if key}


def reusable(memory: dict[str, Entry], chinese: dict[str, str], own: dict[str, Line], report: str) -> dict[str, Entry]:
    """Return the memory's English for the ids a report leaves without English of its own
    (never English the report itself was the origin of)."""
    return {key: memory[zh] for key, zh in chinese.items()
            if zh in memory and not (key in own and own[key].en) and not memory[zh].origin.startswith(report + "/")}
