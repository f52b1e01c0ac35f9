"""The theme's Jinja environment, made cheaper to set up for every edition's build.

Each build of an edition (four per report) gets a new Jinja environment from the
engine, so without help every build compiles Material's templates again and walks
the theme's 14,000 files, nearly all of them icons in dot folders, only to leave
those out again: a third of a report's build. Here the engine's environment is
kept as made, with two changes:

- compiled templates are kept in memory for the process and, given a folder,
  on disk for the next build (a Jinja bytecode cache: a template is used again
  only while its source is the same, Jinja compares a checksum of the source, so
  an edited template is compiled afresh, and so is one another Python compiled);
- listing the theme's files skips every file and folder whose name starts with a
  dot, which the engine's filter of static files leaves out anyway (its patterns
  `.*` and `*/.*`); templates in them are still found by name.

The pages written are the same, byte for byte.
"""

from __future__ import annotations

import os
from pathlib import Path

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, by template and source;
    with a folder, read from and written to it when the process does not have them."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._disk: jinja2.FileSystemBytecodeCache | None = None

    def keep_in(self, folder: Path | None) -> None:
        """Read and write compiled templates in `folder` too (None: memory only)."""
        if folder is None:
            self._disk = None
            return
        folder.mkdir(parents=True, exist_ok=True)
        self._disk = jinja2.FileSystemBytecodeCache(str(folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self._disk is not None:
            self._disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._disk is not None:
            self._disk.dump_bytecode(bucket)


class UndottedLoader(jinja2.FileSystemLoader):
    """A file system loader whose listing leaves out hidden files and folders."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for folder, folders, files in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                relative = os.path.relpath(folder, searchpath)
                for name in files:
                    if not name.startswith("."):
                        path = name if relative == "." else os.path.join(relative, name)
                        found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


CACHE = MemoryBytecodeCache()


def install(theme, folder: Path | None = None) -> None:
    """Make the engine's theme hand out environments with the cache and the lean listing;
    `folder` keeps compiled templates for later builds."""
    CACHE.keep_in(folder)
    made = type(theme).get_env.__get__(theme)

    def get_env() -> jinja2.Environment:
        env = made()
        loader = env.loader
        env.loader = UndottedLoader(loader.searchpath, loader.encoding, loader.followlinks)
        env.bytecode_cache = CACHE
        return env

    theme.get_env = get_env
