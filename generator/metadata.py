"""The report's metadata (`content/report.yml`): what the text itself lacks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from . import yamlfile
from .errors import raise_if_any
from .yamlfile import Field

FIELDS = (
    Field("title"),
    Field("date", datetime.date),
    Field("speaker"),
    Field("speaker_title"),
    Field("occasion"),
    Field("source"),
    Field("title_en"),
    Field("occasion_en"),
    Field("speaker_en"),
    Field("source_en"),
    Field("publisher"),
    Field("publisher_en"),
    Field("place"),
    Field("place_en"),
)


@dataclass(frozen=True)
class Metadata:
    """Title, date, speaker and occasion of the report, in Chinese and English."""

    title: str
    date: datetime.date
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


def load(path: Path, display: str) -> Metadata:
    """Read and validate the metadata file."""
    data = yamlfile.load(path, display)
    raise_if_any(yamlfile.check_mapping(data, FIELDS, display, "report metadata", line=1))
    return Metadata(**{f.name: _clean(data[f.name]) for f in FIELDS})


def _clean(value: object) -> object:
    return value.strip() if isinstance(value, str) else value
