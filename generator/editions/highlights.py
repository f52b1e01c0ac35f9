"""The figures the home page shows as cards (`content/highlights.yml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..text import yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.figures import english, found_figures
from ..text.model import Report, sentences
from ..text.yamlfile import Field

FIELDS = (Field("text"), Field("en"))
QUALIFIERS = ("左右", "以上", "以下", "以内")


@dataclass(frozen=True)
class Highlight:
    """A stretch of the text shown as a card: what is measured, the figure, where."""

    text: str
    en: str
    sentence: str
    label: str
    figure: str

    @property
    def figure_en(self) -> str:
        """Return the figure in English: 800亿斤以上 -> above 80 billion jin."""
        value = self.figure
        qualifier = next((q for q in QUALIFIERS if value.endswith(q)), "")
        words = {"左右": "about ", "以上": "above ", "以下": "below ", "以内": "within "}
        return words.get(qualifier, "") + english(value.removesuffix(qualifier))


def load(path: Path, display: str, report: Report) -> tuple[Highlight, ...]:
    """Read the cards and find each one's sentence; no file means no cards."""
    if not path.exists():
        return ()
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, (Field("targets", list),), display, "highlights", 1))
    items = data["targets"]
    problems, found = [], []
    for index, item in enumerate(items):
        checked = yamlfile.check_mapping(item, FIELDS, display, f"target {index + 1}", items.lines[index])
        problems += checked
        if checked:
            continue
        card = _card(item["text"].strip(), item["en"].strip(), report)
        if card is None:
            problems.append(Problem(display, item.line, f"target {item['text']!r} does not occur in the report, with a figure"))
        else:
            found.append(card)
    raise_if_any(problems)
    return tuple(found)


# Words that only link a label to its figure (粮食产量稳定在 800亿斤): the card shows 粮食产量.
LINKING = re.compile(r"(?:稳定在|保持在|控制在|达到|在|为)$")


def _card(text: str, en: str, report: Report) -> Highlight | None:
    sentence = next((s for s in sentences(report) if text in s.text), None)
    figures = found_figures(text)
    if sentence is None or not figures:
        return None
    at = text.index(figures[0])
    figure = figures[0]
    rest = text[at + len(figure) :]
    figure += next((q for q in QUALIFIERS if rest.startswith(q)), "")
    return Highlight(text, en, sentence.id, LINKING.sub("", text[:at]) or text[:at], figure)


def convert(cards: tuple[Highlight, ...], convert) -> tuple[Highlight, ...]:
    """Return the cards with their Chinese text converted for an edition."""
    return tuple(replace(c, text=convert(c.text), label=convert(c.label), figure=convert(c.figure)) for c in cards)
