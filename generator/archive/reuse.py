"""Reusing a report's pages from the previous build when nothing that shapes them changed.

A report's key hashes its folder (its anchor lock too), where it stands, the
shared inputs, the generator's code and templates, the site's address and the
build's settings (flags, engine, SOURCE_DATE_EPOCH); files are named by their
paths relative to their folder, never by where the checkout lies. The record of
every report built is kept in docs/.archive/ with its key.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from pathlib import Path

from ..editions.editions import EDITIONS
from ..site import website
from .discovery import Entry
from .records import Record

RECORDS = ".archive"


FINGERPRINTED = ("generator", "templates", "mkdocs.yml", "requirements.txt")


def fingerprint(paths: list[tuple[Path, Path]], extra: str = "") -> str:
    """Return a hash of the contents of files (folders: every file in them), each named by its
    path relative to the folder given with it (never where the checkout lies), and a string."""
    digest = hashlib.sha256(extra.encode("utf-8"))
    for path, base in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                digest.update(file.relative_to(base).as_posix().encode("utf-8") + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def common_key(root: Path, shared: Path, site_url: str, settings: str = "") -> str:
    """Return the part of every report's key that the generator, the shared inputs, the site's
    address and the build's settings (flags, engine, date) give."""
    shared_files = [(p, shared) for p in sorted(shared.glob("*.yml"))]
    return fingerprint([(root / name, root) for name in FINGERPRINTED] + shared_files, f"{site_url}\0{settings}")


def report_key(entry: Entry, common: str) -> str:
    """Return the key of a report's output: its folder (its anchor lock too, which records
    every removal accepted) and where it stands."""
    return fingerprint([(entry.folder, entry.folder)], f"{common}\0{entry.base}")


def settings(strict: bool, english: bool) -> str:
    """Return what of a build's settings shapes its output or its verdict."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return f"strict={strict} english={english} engine={website.engine()} epoch={epoch}"


def save(records: Path, record: Record) -> None:
    """Keep a report's record (with the key of what it was built from) in the folder of records."""
    records.mkdir(parents=True, exist_ok=True)
    data = dataclasses.asdict(record) | {"lock": ""}
    (records / f"{record.slug}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def reuse(records: Path, site: Path, entry: Entry, key: str, fresh: Path) -> Record | None:
    """Return a report's record after linking its pages from the previous site into the
    fresh one, when its inputs are unchanged since it was built; else None."""
    path = records / f"{entry.slug}.json"
    if not path.is_file():
        return None
    try:
        record = Record(**json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError):
        return None
    folders = [site / edition.prefix / entry.base for edition in EDITIONS]
    if record.key != key or not all(folder.is_dir() for folder in folders):
        return None
    for edition, folder in zip(EDITIONS, folders):
        shutil.copytree(folder, fresh / edition.prefix / entry.base, copy_function=os.link)
    return record
