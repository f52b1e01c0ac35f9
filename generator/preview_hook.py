"""MkDocs hook used by `python -m generator serve` (see `preview`)."""

from __future__ import annotations

import logging

from generator import preview
from generator.errors import InputError

log = logging.getLogger("mkdocs.generator")


def on_config(config):
    """Regenerate the Markdown before MkDocs reads it; keep the last good text on errors."""
    try:
        config.nav = preview.regenerate()
    except InputError as exc:
        for problem in exc.problems:
            log.error(str(problem))
    return config
