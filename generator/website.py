"""Running MkDocs on the generated Markdown of one edition.

This is the only module that knows about MkDocs' Python API; everything it
needs is passed in, so the generator itself stays independent of MkDocs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class BuildFailed(Exception):
    """MkDocs stopped: a configuration error, or warnings under --strict."""


@dataclass(frozen=True)
class EditionConfig:
    """What differs between editions in the MkDocs configuration."""

    docs_dir: Path
    site_dir: Path
    nav: list[Any]
    site_name: str
    theme_language: str
    prefix: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    site_url: str | None = None
    static_pages: bool = True  # the theme's assets and 404 page (one build of a site writes them)


def load_config(config_file: Path, edition: EditionConfig, strict: bool):
    """Return the MkDocs configuration of an edition."""
    from mkdocs.config import load_config as mkdocs_load_config
    from mkdocs.exceptions import ConfigurationError

    options = dict(
        config_file=str(config_file),
        docs_dir=str(edition.docs_dir),
        site_dir=str(edition.site_dir),
        nav=edition.nav,
        site_name=edition.site_name,
        strict=strict,
    )
    if edition.site_url:
        options["site_url"] = edition.site_url
    try:
        return mkdocs_load_config(**options)
    except ConfigurationError as exc:
        raise BuildFailed(f"{config_file.name}: {exc}") from None


def build(config_file: Path, edition: EditionConfig, strict: bool) -> None:
    """Build one edition's site with MkDocs."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    config = load_config(config_file, edition, strict)
    _apply_edition(config, edition)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(str(exc)) from None
    finally:
        config.plugins.on_shutdown()


def _apply_edition(config, edition: EditionConfig) -> None:
    """Set what differs per edition on a loaded configuration."""
    root = config.site_url or "/"
    config.theme["language"] = edition.theme_language
    config.extra.update(edition.extra)
    config.extra["edition_prefix"] = edition.prefix
    config.extra["site_root"] = root
    config.extra["copy_assets"] = edition.static_pages
    config.theme.static_templates.discard("sitemap.xml")
    if not edition.static_pages:
        config.theme.static_templates.discard("404.html")


def quiet_logging() -> logging.Handler:
    """Show MkDocs warnings and errors on stderr, without its progress messages."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return handler
