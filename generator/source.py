"""Reading input files: regular files only, of bounded size, strictly as UTF-8.

Limits (a clear error names the file when one is passed):
- report.txt: 2 MB, about 700,000 Chinese characters (the longest report in
  the corpus is 170 kB);
- every other input file (YAML, the anchor lock): 4 MB.
A path that is not a regular file (a FIFO, a device such as /dev/zero, a
folder) is refused before it is opened.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError

BOM = "\ufeff"
REPORT_LIMIT = 2_000_000
FILE_LIMIT = 4_000_000


def read_text(path: Path, display: str | None = None, limit: int = FILE_LIMIT) -> str:
    """Return the file decoded as UTF-8, without BOM, with LF line endings."""
    return decode(read_bytes(path, display, limit), display or str(path))


def read_bytes(path: Path, display: str | None = None, limit: int = FILE_LIMIT) -> bytes:
    """Return the bytes of a regular file of at most `limit` bytes, or raise InputError."""
    name = display or str(path)
    try:
        info = os.stat(path)
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
    return normalize_newlines(text.removeprefix(BOM))


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
