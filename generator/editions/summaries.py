"""English summaries (`content/summaries/*.yml`), keyed by clause id.

One summary for the whole report (`report`), each part, each section, each
item and the closing (`closing`). Each lists the figures it cites as they are
written in the Chinese, and stores the fingerprint of the Chinese text it
summarizes: when that text changes, the summary is reported stale until
someone reviews it and runs `python -m generator stamp`.

Summaries name glossary terms as [[一主六双]] (the glossary's English name)
or [[一主六双|the words to show]].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..anchors.fingerprint import fingerprint
from ..text import yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.model import ITEM, Report, paragraphs
from ..text.yamlfile import Field

FIELDS = (Field("title"), Field("summary"), Field("figures", list), Field("fingerprint", required=False))
MARKER = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
REPORT, CLOSING = "report", "closing"


@dataclass(frozen=True)
class Target:
    """A clause that has (or should have) a summary: its kind, number and Chinese text."""

    id: str
    kind: str
    number: str
    text: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.text)


@dataclass(frozen=True)
class Summary:
    """An English summary of one clause."""

    id: str
    title: str
    text: str
    figures: tuple[str, ...]
    fingerprint: str
    path: str
    line: int


def targets(report: Report) -> dict[str, Target]:
    """Return the clauses to summarize, in document order, by id."""
    found = {REPORT: Target(REPORT, REPORT, "", _report_text(report))}
    found.update(_items(report.front.opening))
    for part in report.parts:
        text = part.heading + "".join(p.text for p in part.paragraphs)
        text += "".join(s.heading + "".join(p.text for p in s.paragraphs) for s in part.sections)
        found[part.id] = Target(part.id, "part", part.number, text)
        found.update(_items(part.paragraphs))
        for section in part.sections:
            text = section.heading + "".join(p.text for p in section.paragraphs)
            found[section.id] = Target(section.id, "section", section.number, text)
            found.update(_items(section.paragraphs))
    if report.closing:
        found[CLOSING] = Target(CLOSING, CLOSING, "", "".join(p.text for p in report.closing))
        found.update(_items(report.closing))
    for appendix in report.appendices:
        text = appendix.heading + "".join(p.text for p in appendix.paragraphs)
        found[appendix.id] = Target(appendix.id, "appendix", appendix.number, text)
        found.update(_items(appendix.paragraphs))
    return found


def _items(paragraphs) -> Iterator[tuple[str, Target]]:
    for p in paragraphs:
        if p.kind == ITEM:
            yield p.id, Target(p.id, "item", p.number, p.text)


def _report_text(report: Report) -> str:
    headings = "".join(part.heading + "".join(s.heading for s in part.sections) for part in report.parts)
    return headings + "".join(p.text for p in paragraphs(report))


def load(folder: Path, display) -> tuple[Summary, ...]:
    """Read every summary file of the folder (sorted by name)."""
    if not folder.is_dir():
        return ()
    entries, problems = yamlfile.keyed_entries(folder, display, FIELDS, "summary", "clause ids to summaries")
    raise_if_any(problems)
    return tuple(_summary(key, entry, shown, line) for shown, key, entry, line in entries)


def _summary(key, entry: yamlfile.Mapping, shown: str, line: int) -> Summary:
    return Summary(
        id=str(key),
        title=entry["title"].strip(),
        text=" ".join(entry["summary"].split()),
        figures=tuple(str(f) for f in entry["figures"]),
        fingerprint=str(entry.get("fingerprint") or ""),
        path=shown,
        line=line,
    )


def validate(summaries: tuple[Summary, ...]) -> list[Problem]:
    """Return the errors of the summary files themselves: an id given twice."""
    problems, seen = [], {}
    for s in summaries:
        if s.id in seen:
            problems.append(Problem(s.path, s.line, f"summary {s.id!r}: already given at {seen[s.id]}"))
        seen.setdefault(s.id, f"{s.path}:{s.line}")
    return problems


def lagging(
    summaries: tuple[Summary, ...], wanted: dict[str, Target], glossary_terms: set[str], known: set[str] = frozenset()
) -> list[Problem]:
    """Return the notices of summaries that refer to what the Chinese does not have (never
    errors: the Chinese never waits for the English): ids the report never had, unknown
    terms, figures not in the text. `known` holds every other id of the report and of its
    lock (a clause removed, or one that is no longer an item, is reported by `orphans` and
    `unplaced`).

    Figures are checked only against the text a summary was written for: when
    that text has changed, the summary is stale (see `coverage`) instead.
    """
    problems = []
    for s in summaries:
        if s.id not in wanted and s.id not in known:
            problems.append(Problem(s.path, s.line, f"summary {s.id!r}: no part, section, item, closing or appendix "
                                    "has this id: not shown"))
        for key, _ in MARKER.findall(s.text):
            if key not in glossary_terms:
                problems.append(Problem(s.path, s.line, f"summary {s.id!r}: unknown glossary term [[{key}]] "
                                        "(shown as plain text)"))
        target = wanted.get(s.id)
        current = target is not None and s.fingerprint in ("", target.fingerprint)
        for figure in s.figures if current else ():
            if figure not in target.text:
                problems.append(Problem(s.path, s.line, f"summary {s.id!r}: figure {figure!r} does not occur in the clause"))
    return problems


def marked_terms(texts) -> frozenset[str]:
    """Return the keys of the glossary markers ([[一主六双]]) in English texts."""
    return frozenset(key for text in texts for key, _ in MARKER.findall(text))


def plain(text: str, name: Callable[[str], str]) -> str:
    """Return English with its glossary markers as words: the words given, else the term's
    English name (`name` of the key; an unknown key's name is '' and the key is shown)."""
    return "".join(piece or name(key) or key if key else piece for piece, key in segments(text))


def unplaced(summaries: tuple[Summary, ...], wanted: dict[str, Target], retired: set[str]) -> list[Problem]:
    """Return a notice for every summary of a live clause that no longer takes one (an item
    that became a plain paragraph): it is not shown until the clause takes one again."""
    return [
        Problem(s.path, s.line, f"summary {s.id!r} is of a clause that is no longer a part, section or item: not shown")
        for s in summaries
        if s.id not in wanted and s.id not in retired
    ]


def orphans(summaries: tuple[Summary, ...], retired: set[str]) -> list[Problem]:
    """Return a notice for every summary of a clause that was removed from the text: it is
    retired with its clause (never shown), and may be deleted at leisure."""
    return [
        Problem(s.path, s.line, f"summary {s.id!r} is of a removed clause: it is retired with it")
        for s in summaries
        if s.id in retired
    ]


def coverage(summaries: tuple[Summary, ...], wanted: dict[str, Target]) -> tuple[list[str], list[Summary]]:
    """Return the ids without a summary and the summaries whose Chinese text changed."""
    have = {s.id: s for s in summaries}
    missing = [key for key in wanted if key not in have]
    stale = [s for s in summaries if s.id in wanted and s.fingerprint != wanted[s.id].fingerprint]
    return missing, stale


def stamp(path: Path, fingerprints: dict[str, str]) -> int:
    """Write the given fingerprints into a summary file; return how many entries changed."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [n for n, line in enumerate(lines) if re.match(r"^[^\s#][^:]*:\s*$", line)]
    changed = 0
    for index in reversed(range(len(starts))):
        start = starts[index]
        key = lines[start].rstrip(":").strip().strip("'\"")
        if key not in fingerprints:
            continue
        end = starts[index + 1] if index + 1 < len(starts) else len(lines)
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        wanted = f'  fingerprint: "{fingerprints[key]}"'
        old = next((n for n in range(start + 1, end) if lines[n].startswith("  fingerprint:")), None)
        if old is None:
            lines.insert(end, wanted)
            changed += 1
        elif lines[old] != wanted:
            lines[old] = wanted
            changed += 1
    path.write_text("\n".join(lines), encoding="utf-8")
    return changed


def segments(text: str) -> list[tuple[str, str]]:
    """Split summary text into (text, glossary term) pieces; the term is '' for plain text.

    A marker [[term]] gives ('', term) to be shown by the glossary's English
    name; [[term|words]] gives (words, term).
    """
    pieces, cursor = [], 0
    for match in MARKER.finditer(text):
        pieces.append((text[cursor : match.start()], ""))
        pieces.append((match.group(2) or "", match.group(1)))
        cursor = match.end()
    pieces.append((text[cursor:], ""))
    return [piece for piece in pieces if piece != ("", "")]
