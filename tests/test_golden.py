"""The generated Markdown of the whole report against reviewed golden files.

After a deliberate change to the generator or the templates, refresh with
`make golden` (pytest --update-golden), then review `git diff tests/golden`.
"""

from __future__ import annotations

import shutil

from generator import build as builder
from .conftest import ROOT, FIXTURE, SHARED


GOLDEN = ROOT / "tests" / "golden"


def test_generated_markdown_matches_golden(request):
    outputs = builder.generate(builder.load(builder.Project.at(ROOT, FIXTURE, shared=SHARED)), ROOT / "templates" / "markdown")
    for out in outputs:
        markdown = {path.removeprefix(out.mount): text for path, text in out.files.items() if path.endswith(".md")}
        folder = GOLDEN / out.edition.code
        if request.config.getoption("--update-golden"):
            shutil.rmtree(folder, ignore_errors=True)
            for path, text in markdown.items():
                (folder / path).parent.mkdir(parents=True, exist_ok=True)
                (folder / path).write_text(text, encoding="utf-8")
        expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}
        assert sorted(markdown) == sorted(expected), f"pages of {out.edition.code} differ from the golden set"
        for path, text in markdown.items():
            assert text == expected[path], f"{out.edition.code}/{path} differs from golden (make golden, then review)"
