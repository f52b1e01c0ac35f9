"""The folders a build writes (site/, docs/): made by the generator, or refused.

- A folder is written only if it is empty, absent, or holds the marker file
  that the generator puts in every folder it makes; never the content, the
  templates, the package, the project itself or any folder that holds them.
- Builds that share an output folder take turns: a lock file beside the site
  folder is held for the whole build, so a second build waits for the first.
- The site is built into a temporary folder beside the target and swapped in
  when complete; temporary folders left by a killed build are removed by the
  next one (they carry the marker; nothing else is touched).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

from ..text.errors import InputError

MARKER = ".made-by-report-generator"
MARKER_TEXT = "This folder is written by python -m generator; a build may replace everything in it.\n"


def guard(folder: Path, what: str, sources: tuple[Path, ...], project: Path) -> None:
    """Refuse to write `folder` unless the generator made it (or it is empty or absent).

    `sources` (content, templates, the package) may not be the folder, hold it or lie
    inside it; the project folder may hold it but not be it or lie inside it.
    """
    folder = folder.resolve()
    for kept in sources:
        kept = kept.resolve()
        if folder == kept or kept.is_relative_to(folder) or folder.is_relative_to(kept):
            raise InputError.at(str(folder), 0, f"refusing to use {kept}, or a folder around or inside it, as the "
                                                f"{what} folder: choose a folder of its own")
    if project.resolve().is_relative_to(folder):
        raise InputError.at(str(folder), 0, f"refusing to use the project folder or a folder around it as the {what} "
                                            "folder: choose a folder of its own")
    if folder.exists() and not folder.is_dir():
        raise InputError.at(str(folder), 0, f"the {what} folder is a file: choose a folder")
    if folder.is_dir() and any(folder.iterdir()) and not (folder / MARKER).is_file():
        raise InputError.at(str(folder), 0, f"refusing to write the {what} into a folder that is not empty and was "
                                            f"not made by this generator (no {MARKER} in it): choose an empty or new folder")


def mark(folder: Path) -> None:
    """Mark a folder as made by the generator."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MARKER).write_text(MARKER_TEXT, encoding="utf-8")


@contextlib.contextmanager
def turn(site: Path, say: Callable[[str], None] = lambda text: print(text, file=sys.stderr, flush=True)) -> Iterator[None]:
    """Hold the build lock of an output folder for a block. A second build waits, and says
    so and for whom (the holder writes its process id, start time and command in the lock)."""
    site.parent.mkdir(parents=True, exist_ok=True)
    path = site.parent / f".{site.name}-build.lock"
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another build"
            say(f"waiting for {holder} to finish with {site} (lock: {path})")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        command = " ".join(["python -m generator" if sys.argv[0].endswith("__main__.py") else sys.argv[0], *sys.argv[1:]])
        handle.write(f"the build of process {os.getpid()} (started {time.strftime('%Y-%m-%d %H:%M:%S')}: {command[:200]})\n")
        handle.flush()
        try:
            yield
        finally:
            handle.truncate(0)
            handle.flush()
            fcntl.flock(handle, fcntl.LOCK_UN)


def fresh_folder(site: Path) -> Path:
    """Return a new, marked temporary folder beside the site, after removing leftovers
    of builds that were killed (call while holding the build lock)."""
    for leftover in site.parent.glob(f".{site.name}.*"):
        if leftover.is_dir() and (leftover / MARKER).is_file():
            shutil.rmtree(leftover, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site.name}.", dir=site.parent))
    mark(fresh)
    return fresh


def merge(stage: Path, site: Path) -> None:
    """Move what a build staged into the site folder; two builds never write the same file."""
    for entry in sorted(stage.iterdir()):
        target = site / entry.name
        if entry.is_dir() and target.is_dir():
            merge(entry, target)
        elif target.exists():
            raise FileExistsError(f"two builds wrote {target}")
        else:
            os.replace(entry, target)
    stage.rmdir()


def swap_in(fresh: Path, target: Path) -> None:
    """Replace the folder `target` by `fresh`, leaving no mix of old and new."""
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def staged(path: Path, data: bytes) -> Path:
    """Write data beside `path` (to be moved into place with `commit`); remove it on failure."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def commit(temporary: Path, path: Path) -> None:
    """Move a staged file into place (an atomic rename), or remove it if that fails."""
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
