"""Revision metadata (`revisions.yml`): the date and note of each published text.

The file is optional. Without it, the revisions are read off the anchor lock
(the dates its history records), and a text that changed since the lock is
recorded under the build's date.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from ..text import yamlfile
from ..text.errors import Problem, raise_if_any
from ..text.yamlfile import Field

FIELDS = (Field("date", datetime.date), Field("note"), Field("note_en"))


@dataclass(frozen=True)
class Revision:
    """One published revision of the text."""

    date: datetime.date
    note: str
    note_en: str
    line: int

    @property
    def key(self) -> str:
        """Return the date as written in the anchor lock."""
        return self.date.isoformat()


FIRST = ("首次发布。", "First publication.")
REVISED = ("文本修订。", "Revised text.")


def implicit(dates: list[str], today: datetime.date) -> tuple[Revision, ...]:
    """Return the revisions of a report without revisions.yml: one per date of the
    lock's history, then the build's date when it is later."""
    keys = sorted(set(dates))
    if not keys or today.isoformat() > keys[-1]:
        keys.append(today.isoformat())
    return tuple(
        Revision(datetime.date.fromisoformat(key), *(FIRST if index == 0 else REVISED), line=0)
        for index, key in enumerate(keys)
    )


def load(path: Path, display: str) -> tuple[Revision, ...] | None:
    """Read the revisions, oldest first (None without the file); dates must be strictly increasing."""
    if not path.exists():
        return None
    data = yamlfile.load(path, display)
    if not isinstance(data, yamlfile.Sequence) or not data:
        raise_if_any([Problem(display, 1, "expected a list of revisions (date, note, note_en)")])
    problems = []
    for index, item in enumerate(data):
        problems += yamlfile.check_mapping(item, FIELDS, display, f"revision {index + 1}", data.lines[index])
    raise_if_any(problems)
    revisions = tuple(Revision(i["date"], i["note"].strip(), i["note_en"].strip(), i.line) for i in data)
    for earlier, later in zip(revisions, revisions[1:]):
        if later.date <= earlier.date:
            problems.append(Problem(display, later.line, f"revision {later.key} is not later than {earlier.key}"))
    raise_if_any(problems)
    return revisions
