"""Reading text files strictly as UTF-8, with a clear error for anything else."""

from __future__ import annotations

from pathlib import Path

from .errors import InputError

BOM = "\ufeff"


def read_text(path: Path, display: str | None = None) -> str:
    """Return the file decoded as UTF-8, without BOM, with LF line endings."""
    name = display or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError.at(name, 0, f"cannot read the file ({exc.strerror})") from None
    return decode(data, name)


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
