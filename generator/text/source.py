"""Reading input files: regular files only, of bounded size, strictly as UTF-8.

Limits (a clear error names the file when one is passed):
- report.txt: 2 MB, about 700,000 Chinese characters (the longest report in
  the corpus is 170 kB);
- every other input file (YAML, the anchor lock): 4 MB.
A path that is not a regular file (a FIFO, a device such as /dev/zero, a
folder) or is a symbolic link is refused before it is opened, and `links`
finds every link in an input folder: inputs are files of the project, never
files a link points to (/proc/self/environ, a folder elsewhere). Control
characters other than tab and line breaks (a NUL byte, an escape) are
refused with their line.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from .errors import InputError, Problem

BOM = "\ufeff"
REPORT_LIMIT = 2_000_000
FILE_LIMIT = 4_000_000
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def read_text(path: Path, display: str | None = None, limit: int = FILE_LIMIT) -> str:
    """Return the file decoded as UTF-8, without BOM, with LF line endings."""
    return decode(read_bytes(path, display, limit), display or str(path))


def read_bytes(path: Path, display: str | None = None, limit: int = FILE_LIMIT) -> bytes:
    """Return the bytes of a regular file of at most `limit` bytes, or raise InputError."""
    name = display or str(path)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise InputError.at(name, 0, "a symbolic link: an input must be a file of the project, not a link to one")
        if not stat.S_ISREG(info.st_mode):
            raise InputError.at(name, 0, "not a regular file (a folder, device or pipe): give a text file")
        if info.st_size > limit:
            raise InputError.at(name, 0, f"the file is {info.st_size:,} bytes, more than the limit of {limit:,}")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise InputError.at(name, 0, f"cannot read the file ({exc.strerror})") from None
    if len(data) > limit:
        raise InputError.at(name, 0, f"the file is more than the limit of {limit:,} bytes")
    return data


def decode(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8, or raise an error naming the line of the bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError.at(name, _line_of(data, exc.start), _encoding_hint(data, exc)) from None
    text = normalize_newlines(text.removeprefix(BOM))
    control = CONTROL_RE.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        raise InputError.at(name, line, f"control character U+{ord(control.group()):04X} at column {column}: "
                                        "only tabs and line breaks may stand in an input file")
    return text


def links(folder: Path, display) -> list[Problem]:
    """Return a problem for every symbolic link in a folder, the folder itself included,
    and for every file whose real path lies outside it."""
    problems = []
    if folder.is_symlink():
        return [link_problem(folder, display)]
    if not folder.is_dir():
        return []
    real = folder.resolve()
    for top, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = Path(top) / name
            if path.is_symlink():
                problems.append(link_problem(path, display))
            elif not path.resolve().is_relative_to(real):
                problems.append(Problem(display(path), 0, "lies outside the content folder"))
        dirs[:] = [d for d in dirs if not (Path(top) / d).is_symlink()]
    return problems


def link_problem(path: Path, display) -> Problem:
    return Problem(display(path), 0, f"a symbolic link (to {os.readlink(path)}): inputs must be files of the project, "
                                     "not links; copy the file or folder in instead")


def normalize_newlines(text: str) -> str:
    """Turn CRLF and lone CR line endings into LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _encoding_hint(data: bytes, exc: UnicodeDecodeError) -> str:
    byte = data[exc.start]
    message = f"the file is not valid UTF-8 (byte 0x{byte:02X} at offset {exc.start})"
    for legacy in ("gb18030", "big5"):
        try:
            data.decode(legacy)
        except UnicodeDecodeError:
            continue
        return f"{message}; it looks like {legacy.upper()}: save it as UTF-8"
    return message + "; save it as UTF-8"
