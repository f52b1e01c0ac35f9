"""A project: where a report's inputs are and where its outputs go, and the guard that
keeps a build from writing anywhere it did not make."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..text.errors import InputError
from . import outputs

FLAGSHIP = Path("content") / "reports" / "jilin-2023"


@dataclass(frozen=True)
class Project:
    """Where the inputs are and where the outputs go: `content` is a report's
    folder, `shared` the folder of material every report uses."""

    root: Path
    content: Path
    docs: Path
    site: Path
    shared: Path
    site_url: str = ""

    @classmethod
    def at(cls, root: Path, content: Path | None = None, docs: Path | None = None, site: Path | None = None,
           shared: Path | None = None, site_url: str | None = None):
        """Return the project rooted at `root`, with optional other folders; the public
        address is SITE_URL unless given."""
        url = os.environ.get("SITE_URL", "") if site_url is None else site_url
        return cls(root, content or root / FLAGSHIP, docs or root / "docs", site or root / "site",
                   shared or root / "content", public_address(url))

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def templates(self) -> Path:
        return self.root / "templates" / "markdown"

    @property
    def cache(self) -> Path:
        """Where compiled templates are kept between builds (inside the generated docs)."""
        return self.docs / ".cache" / "templates"

    @property
    def theme_cache(self) -> Path:
        """Where the theme's compiled templates are kept between builds (inside the generated docs)."""
        return self.docs / ".cache" / "theme"

    def display(self, path: Path) -> str:
        """Return a path as shown in messages: relative to the project when inside it."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def public_address(url: str) -> str:
    """Return the site's public address as a folder URL (ending in /), or '' when unknown."""
    url = url.strip()
    if not url:
        return ""
    if not url.startswith(("https://", "http://")):
        raise InputError.at("SITE_URL", 0, f"the site's address must start with https:// (got {url!r})")
    return url if url.endswith("/") else url + "/"


def guard(project: Project) -> None:
    """Refuse output folders the generator did not make (see `outputs`)."""
    sources = (project.content, project.shared, project.root / "templates", Path(__file__).parent)
    outputs.guard(project.site, "site", sources, project.root)
    outputs.guard(project.docs, "docs", sources, project.root)
