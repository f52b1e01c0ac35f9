"""Writing generated files: only what changed, and removing what is gone."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping


@dataclass(frozen=True)
class WriteReport:
    """What a write did: files written, left untouched and removed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def write_tree(files: Mapping[str, str], root: Path) -> WriteReport:
    """Make `root` hold exactly `files` (relative path -> text), touching only changes."""
    written, unchanged = [], []
    for relative in sorted(files):
        (written if write_file(root / relative, files[relative]) else unchanged).append(relative)
    removed = _remove_others(root, set(files))
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed))


def write_file(target: Path, text: str) -> bool:
    """Write text to target unless it already holds it; return whether it wrote."""
    data = text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(target, data)
    return True


def _write_atomically(target: Path, data: bytes) -> None:
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _remove_others(root: Path, keep: set[str]) -> list[str]:
    if not root.is_dir():
        return []
    removed = []
    for path in sorted(root.rglob("*"), reverse=True):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()
            removed.append(relative)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed
