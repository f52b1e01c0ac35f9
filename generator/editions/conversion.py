"""Conversion of simplified text to an edition's traditional script.

OpenCC converts character forms for the region (`s2tw`, `s2hk`; never
`s2twp`, which rewords). Before OpenCC sees the text, the reviewed overrides
in `content/conversion.yml` are applied: the text is cut at every override
phrase (longest first), the phrase is replaced by the edition's form, and
only the pieces between are given to OpenCC, so that its phrase dictionary
cannot match across an override. Quotation marks “ ” ‘ ’ then become 「 」 『 』.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from ..text import yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.metadata import Metadata
from ..text.model import Appendix, Line, Part, Report, Section, Sentence, paragraphs, transform
from ..text.yamlfile import Field

CORNER_QUOTES = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@dataclass(frozen=True)
class Override:
    """A simplified phrase and its text in each traditional edition."""

    phrase: str
    forms: Mapping[str, str]
    reason: str
    line: int


@dataclass(frozen=True)
class Converter:
    """Converts text for one edition; the identity for the source edition."""

    config: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)
    corner_quotes: bool = False

    def __post_init__(self) -> None:
        if self.config:
            object.__setattr__(self, "_opencc", _opencc(self.config))
        phrases = sorted(self.overrides, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, phrases))) if phrases else None
        object.__setattr__(self, "_pattern", pattern)

    def __call__(self, text: str) -> str:
        """Return the text in the edition's script."""
        if not self.config:
            return text
        pieces, start = [], 0
        for match in self._pattern.finditer(text) if self._pattern else ():
            pieces += [self._opencc.convert(text[start : match.start()]), self.overrides[match.group()]]
            start = match.end()
        pieces.append(self._opencc.convert(text[start:]))
        converted = "".join(pieces)
        return converted.translate(CORNER_QUOTES) if self.corner_quotes else converted

    def many(self, texts: Iterable[str]) -> dict[str, str]:
        """Return each text converted, in one pass of OpenCC over them all.

        The texts are joined by newlines. No dictionary phrase or override
        spans a newline, so each text converts exactly as it would alone.
        """
        unique = list(dict.fromkeys(texts))
        if not self.config or any("\n" in text for text in (*unique, *self.overrides)):
            return {text: self(text) for text in unique}
        return dict(zip(unique, self("\n".join(unique)).split("\n")))


def convert_report(report: Report, convert: Converter) -> Report:
    """Return the report with every text converted; ids and structure unchanged."""
    if not convert.config:
        return report
    table = convert.many(_texts(report))

    def node(n):
        if isinstance(n, (Sentence, Line)):
            return replace(n, text=table[n.text])
        if isinstance(n, (Part, Section, Appendix)):
            return replace(n, heading=table[n.heading])
        return n

    return transform(report, node)


@functools.lru_cache(maxsize=None)
def _opencc(config: str):
    """Return OpenCC's converter for a configuration, made once per process.

    Loading its dictionaries takes about 0.07 s and freeing them as much again;
    the live preview regenerates many times.
    """
    import opencc

    return opencc.OpenCC(config)


def _texts(report: Report) -> Iterator[str]:
    """Yield every text of the report that conversion changes: lines, sentences, headings."""
    yield from (line.text for line in report.front.lines)
    for part in report.parts:
        yield part.heading
        yield from (section.heading for section in part.sections)
    yield from (appendix.heading for appendix in report.appendices)
    yield from (s.text for p in paragraphs(report) for s in p.sentences)


def converter_for(edition, overrides: tuple[Override, ...]) -> Converter:
    """Return the converter of an edition (the identity for the source)."""
    if not edition.opencc:
        return Converter()
    forms = {o.phrase: o.forms[edition.code] for o in overrides}
    return Converter(edition.opencc, forms, edition.corner_quotes)


def convert_meta(meta: Metadata, convert: Converter) -> Metadata:
    """Return the metadata with its Chinese fields converted."""
    chinese = ("title", "speaker", "speaker_title", "occasion", "source", "publisher", "place")
    return replace(meta, **{name: convert(getattr(meta, name)) for name in chinese})


def load_overrides(path: Path, display: str, editions: tuple[str, ...]) -> tuple[Override, ...]:
    """Read content/conversion.yml: phrase -> form per traditional edition."""
    if not path.exists():
        return ()
    data = yamlfile.load(path, display)
    fields = (Field("zh-Hans"), Field("reason"), *(Field(code) for code in editions))
    problems = yamlfile.check_mapping(data, (Field("overrides", list),), display, "conversion overrides", 1)
    raise_if_any(problems)
    items = data["overrides"]
    for index, item in enumerate(items):
        problems += yamlfile.check_mapping(item, fields, display, f"override {index + 1}", items.lines[index])
    raise_if_any(problems)
    overrides = tuple(
        Override(i["zh-Hans"], {code: i[code] for code in editions}, i["reason"], i.line) for i in items
    )
    raise_if_any(_duplicates(overrides, display))
    return overrides


def _duplicates(overrides: tuple[Override, ...], display: str) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for o in overrides:
        if o.phrase in seen:
            problems.append(Problem(display, o.line, f"phrase {o.phrase!r} is already overridden at line {seen[o.phrase]}"))
        seen[o.phrase] = o.line
    return problems


def unused(overrides: tuple[Override, ...], text: str, display: str) -> list[Problem]:
    """Return a warning for every override whose phrase does not occur in the text."""
    return [Problem(display, o.line, f"override {o.phrase!r} does not occur in the report") for o in overrides if o.phrase not in text]
