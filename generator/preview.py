"""Live preview: MkDocs' development server, regenerating the Markdown first.

MkDocs rebuilds when content/ or templates/ change; the hook file
`preview_hook.py` regenerates the Markdown of the source edition at the start
of every rebuild (its `on_config`), so a preview never shows stale text.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import build as builder

HOOK = Path(__file__).with_name("preview_hook.py")
ENV = {"content": "REPORT_PREVIEW_CONTENT", "docs": "REPORT_PREVIEW_DOCS", "root": "REPORT_PREVIEW_ROOT"}


def serve(project: builder.Project, dev_addr: str, strict: bool) -> int:
    """Serve the source edition until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    outputs = builder.generate(builder.load(project), project.templates, project.cache)
    builder.write(outputs, project.docs)
    source = outputs[0]
    os.environ[ENV["root"]] = str(project.root)
    os.environ[ENV["content"]] = str(project.content)
    os.environ[ENV["docs"]] = str(project.docs)
    mkdocs_serve(
        config_file=str(project.config_file),
        dev_addr=dev_addr,
        site_url=f"http://{dev_addr}/",
        strict=strict,
        watch=[str(project.content), str(project.root / "templates")],
        docs_dir=str(project.docs / source.edition.code),
        nav=source.nav,
        hooks=[str(HOOK)],
    )
    return 0


def regenerate() -> list | None:
    """Regenerate the source edition from the folders named in the environment; return its nav."""
    project = builder.Project.at(
        Path(os.environ[ENV["root"]]), Path(os.environ[ENV["content"]]), Path(os.environ[ENV["docs"]])
    )
    outputs = builder.generate(builder.load(project), project.templates, project.cache)
    builder.write(outputs, project.docs)
    return outputs[0].nav
