"""The site engine: building one edition from its generated Markdown and a config.

This is the only module that talks to the engine (MkDocs' Python API, which
ProperDocs, its maintained fork, provides too); everything it needs is passed
in, and the generator's output (Markdown, templates, links) does not depend on
the engine's link rewriting: every link the generator writes is relative and
resolves the same under any engine.

Interface: `EditionConfig` (what differs between editions), `build(config_file,
edition, strict)` (one edition into its site folder, raising `BuildFailed`),
`quiet_logging()`, `engine()` (the engine in use). The preview server
(`preview`) builds through `build` too.

ENGINE=properdocs selects ProperDocs (`import properdocs.replacement` makes
every later `import mkdocs` load ProperDocs); the default is MkDocs.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import themeenv

ENGINES = ("mkdocs", "properdocs")


def engine() -> str:
    """Return the site engine chosen by ENGINE (mkdocs unless it names another)."""
    chosen = os.environ.get("ENGINE", "mkdocs").strip().lower() or "mkdocs"
    if chosen not in ENGINES:
        raise BuildFailed(f"ENGINE={chosen!r} is not a site engine this generator supports ({', '.join(ENGINES)})")
    return chosen


def _select() -> None:
    """Make `import mkdocs` load the chosen engine (before the first import of it)."""
    if engine() == "properdocs":
        import properdocs.replacement  # noqa: F401


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
    template_cache: Path | None = None  # where the theme's compiled templates are kept between builds
    static_pages: bool = True  # the theme's assets and 404 page (one build of a site writes them)
    not_in_nav: tuple[str, ...] = ()  # pages built but listed in no navigation (a removed report's tombstone)


def load_config(config_file: Path, edition: EditionConfig, strict: bool):
    """Return the MkDocs configuration of an edition."""
    _select()
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
    if edition.not_in_nav:
        options["not_in_nav"] = "\n".join("/" + path for path in edition.not_in_nav)
    try:
        return mkdocs_load_config(**options)
    except ConfigurationError as exc:
        raise BuildFailed(f"{config_file.name}: {exc}") from None


def build(config_file: Path, edition: EditionConfig, strict: bool) -> None:
    """Build one edition's site with MkDocs."""
    _select()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    config = load_config(config_file, edition, strict)
    _apply_edition(config, edition)
    themeenv.install(config.theme, edition.template_cache)
    config.plugins.on_startup(command="build", dirty=False)
    heard = _Warnings()
    logging.getLogger("mkdocs").addHandler(heard)
    try:
        mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed("; ".join([str(exc), *heard.messages])) from None
    finally:
        logging.getLogger("mkdocs").removeHandler(heard)
        config.plugins.on_shutdown()


class _Warnings(logging.Handler):
    """Keeps the engine's warnings of one build, for the error that stops it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


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
