"""The revision report: what a change to the content does, for reviewers.

`python -m generator report` prints it as Markdown (CI writes it into the
job summary of a pull request): the clauses added, edited, moved and removed
since the anchor lock, the English summaries that may be stale or are
missing, and the glossary terms no longer found in the text.
"""

from __future__ import annotations

from ..anchors.clauses import PAGE, SENTENCE
from ..editions.inputs import Inputs

EVENTS = ("added", "edited", "moved", "removed")


def markdown(inputs: Inputs) -> str:
    """Return the revision report of the inputs as Markdown."""
    revision = inputs.revision
    lines = ["## Revision report", "", f"Revision {revision.key}: {revision.note} ({revision.note_en})", ""]
    lines += _changes(inputs)
    lagging = inputs.lagging
    lines += _section("English summaries that may be stale", [w for w in lagging if "may be stale" in w.message])
    lines += _section("Clauses without an English summary", [w for w in lagging if "no English summary" in w.message])
    lines += _section("Glossary terms no longer found in the text", [w for w in lagging if "does not occur" in w.message])
    lines += _section("Summaries of removed clauses (retired with their clause)",
                      [w for w in lagging if "is of a removed clause" in w.message])
    lines += _section("Warnings", list(inputs.warnings))
    lines += _section("Notes", list(inputs.notes))
    return "\n".join(lines).rstrip("\n") + "\n"


def _changes(inputs: Inputs) -> list[str]:
    clauses = [c for c in inputs.changes if c.kind != PAGE and (c.kind != SENTENCE or c.event == "removed")]
    counts = {e: sum(1 for c in inputs.changes if c.event == e and c.kind == SENTENCE) for e in EVENTS}
    if not inputs.changes:
        return ["No change to the text since the anchor lock.", ""]
    lines = ["| change | clause | id | text |", "|---|---|---|---|"]
    for c in clauses:
        text = (c.new_text or c.old_text).replace("|", "\\|")
        lines.append(f"| {c.event} | {c.number or c.kind} | `{c.id}` | {text[:40]}{'…' if len(text) > 40 else ''} |")
    pages = [c for c in inputs.changes if c.kind == PAGE]
    lines += ["", "Sentences: " + ", ".join(f"{n} {e}" for e, n in counts.items()) + "."]
    lines += [f"Page `{c.id}` no longer exists and redirects." for c in pages if c.event == "removed"]
    return lines + [""]


def _section(title: str, problems) -> list[str]:
    if not problems:
        return []
    return [f"### {title}", ""] + [f"- {p}" for p in problems] + [""]
