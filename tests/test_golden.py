"""The generated Markdown of the whole report against reviewed golden files.

After a deliberate change to the generator or the templates, refresh with
`make golden` (pytest --update-golden), then review `git diff tests/golden`.
"""

from __future__ import annotations

import hashlib
import shutil

from generator import build as builder

from .conftest import FIXTURE, ROOT, SHARED

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


DIGEST = GOLDEN / "archive-site.sha256"


def test_the_built_fixture_archive_matches_its_digest(request, tmp_path, monkeypatch):
    """Every file of the small archive's site (three reports, four editions, the library),
    byte for byte. A change of the generator that should not change the site (a refactoring)
    keeps this green; a deliberate change refreshes the digest (make golden), and the lines
    that change name the files to review."""
    from generator.archive import publish as archive

    from .test_archive import make_archive

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("ENGINE", raising=False)
    where = make_archive(tmp_path)
    archive.build(where, strict=True, jobs=2)
    found = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(where.site).as_posix()}\n"
                    for p in sorted(where.site.rglob("*")) if p.is_file())
    if request.config.getoption("--update-golden"):
        DIGEST.write_text(found, encoding="utf-8")
    expected = DIGEST.read_text(encoding="utf-8")
    changed = sorted(set(found.splitlines()) ^ set(expected.splitlines()), key=lambda line: line[66:])
    assert found == expected, "the built site differs from its digest (make golden, then review):\n" + "\n".join(changed[:20])
