"""Live preview: the archive (or one report), rebuilt when the content or the templates change.

`python -m generator serve` builds the archive into `.preview/` (never site/,
and without writing any anchor lock or the catalog), serves it on localhost,
and watches the content folder and the templates. After an edit it rebuilds:
reports whose inputs did not change are reused, so an edit to one report
rebuilds that report and the library. When the input is wrong it keeps
serving the last good site with the error shown at the top of every page,
and recovers as soon as the input is fixed. With `--content` it previews
that one report. It needs no site engine's server, so it previews exactly
what `make site` publishes. A malformed request (a NUL byte, a path too long)
is answered 400 or 404, never with a traceback.
"""

from __future__ import annotations

import functools
import html
import http.server
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import build as builder
from .archive import publish
from .site import outputs, website, workers
from .text.errors import InputError

POLL = 0.5
BANNER = ('<div role="alert" style="position:sticky;top:0;z-index:10;padding:0.8em 1.2em;background:#8a1c1c;'
          'color:#fff;font:14px/1.5 system-ui,sans-serif;white-space:pre-wrap">{}</div>')


@dataclass
class Preview:
    """The preview's project, its last error (empty when the last build succeeded)."""

    project: builder.Project
    error: str = ""
    builds: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    archive: bool = False
    strict: bool = False
    rebuilt: tuple[str, ...] = ()  # the reports the last archive build rebuilt (the others were reused)

    def rebuild(self) -> None:
        """Build the site; on bad input keep the last good one and remember the error."""
        try:
            self._build()
            message = ""
        except InputError as exc:
            message = "\n".join(str(p) for p in exc.problems)
        except (website.BuildFailed, workers.WorkerLost) as exc:
            message = str(exc)
        with self.lock:
            self.error = message
            self.builds += 1
        print(f"preview: {'error: ' + message if message else 'rebuilt'}", file=sys.stderr, flush=True)

    def _build(self) -> None:
        if not self.archive:
            builder.build(self.project, strict=self.strict, record=False)
            return
        where = publish.Archive(self.project.root, self.project.docs, self.project.site, "", self.project.shared)
        self.rebuilt = tuple(publish.build(where, strict=self.strict, record_locks=False).built)


def watched(project: builder.Project) -> tuple[Path, ...]:
    return (project.content, project.shared, project.root / "templates")


def address(text: str) -> tuple[str, int]:
    """Return the host and port of a --dev-addr (host:port), or raise a clear error."""
    host, colon, port = text.rpartition(":")
    if not colon or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise InputError.at("--dev-addr", 0, f"give an address as host:port, the port from 0 to 65535 (got {text!r})")
    return host or "127.0.0.1", int(port)


def snapshot(folders: tuple[Path, ...]) -> dict[Path, int]:
    """Return the modification time of every file in the folders."""
    return {path: path.stat().st_mtime_ns for folder in folders if folder.is_dir()
            for path in folder.rglob("*") if path.is_file()}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the preview's site; HTML pages carry the last build error, if any."""

    preview: Preview

    def log_message(self, format, *args) -> None:  # noqa: A002 (the base class's name)
        pass

    def send_head(self):
        try:
            return self._head()
        except ValueError:  # a NUL byte or another character no path can hold
            self.send_error(400, "Bad request")
        except OSError:  # a path too long, or one no file answers
            self.send_error(404, "File not found")
        return None

    def _head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        with self.preview.lock:
            error = self.preview.error
        if not error or path.suffix != ".html" or not path.is_file():
            return super().send_head()
        data = _with_banner(path.read_text(encoding="utf-8"), error).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return _Bytes(data)


def _with_banner(page: str, error: str) -> str:
    """Return the page with the error shown first in its body."""
    start = page.find("<body")
    end = page.find(">", start) + 1 if start >= 0 else 0
    return page[:end] + BANNER.format(html.escape(error)) + page[end:]


class _Bytes:
    """A file-like object over bytes, as send_head's callers expect."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *_) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def serve(project: builder.Project, dev_addr: str, strict: bool = False, archive: bool = False) -> int:
    """Build, serve and rebuild on every change until interrupted."""
    host, port = address(dev_addr)
    folder = project.root / ".preview"
    preview = Preview(builder.Project.at(project.root, project.content, folder / "docs", folder / "site", project.shared),
                      archive=archive, strict=strict)
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    try:
        server = http.server.ThreadingHTTPServer((host, port), functools.partial(
            handler, directory=str(preview.project.site)))
    except (OSError, OverflowError) as exc:
        raise InputError.at("--dev-addr", 0, f"cannot serve on {dev_addr}: {getattr(exc, 'strerror', None) or exc}") from None
    preview.rebuild()
    _placeholder(preview.project.site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"preview: serving http://{host}:{server.server_address[1]}/ (Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    try:
        _watch(preview)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def _placeholder(site: Path) -> None:
    """Give the server a page to show the error on when the first build failed."""
    if not site.exists():
        outputs.mark(site)
        (site / "index.html").write_text("<!doctype html><html><head><meta charset=\"utf-8\"><title>preview</title>"
                                         "</head><body><p>The preview is built when the input is fixed.</p></body></html>",
                                         encoding="utf-8")


def _watch(preview: Preview) -> None:
    folders = watched(preview.project)
    seen = snapshot(folders)
    while True:
        time.sleep(POLL)
        now = snapshot(folders)
        if now != seen:
            seen = now
            preview.rebuild()
