"""Links between pages of the site: always relative, so that the site works at any base path
and without the engine's link rewriting."""

from __future__ import annotations

import functools
import posixpath


def relative_url(source: str, target: str) -> str:
    """Return the link from one directory URL of the site to another."""
    path = relpath(target or ".", source or ".")
    return "./" if path == "." else path + "/"


@functools.lru_cache(maxsize=4096)
def relpath(path: str, start: str) -> str:
    return posixpath.relpath(path, start)
