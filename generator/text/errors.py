"""Input problems that carry their location, and the error that gathers them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located by file and line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised when the input cannot be published; holds every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, path: str, line: int, message: str) -> "InputError":
        """Return an error for a single problem."""
        return cls([Problem(path, line, message)])


def raise_if_any(problems: Iterable[Problem]) -> None:
    """Raise an InputError when the list of problems is not empty."""
    problems = tuple(problems)
    if problems:
        raise InputError(problems)
