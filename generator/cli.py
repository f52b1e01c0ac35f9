"""Command line: `python -m generator build|generate|serve|check`."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from . import build as builder
from . import outputs, website
from .content import Acceptance
from .errors import InputError, Problem

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the exit status."""
    args = _parser().parse_args(argv)
    try:
        project = builder.Project.at(ROOT, _path(args.content), _path(args.docs), _path(args.site))
    except InputError as exc:
        _report_problems(exc)
        return 1
    website.quiet_logging()
    try:
        return args.command(project, args)
    except InputError as exc:
        _report_problems(exc)
        return 1
    except website.BuildFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        print("the build stopped; site/ was left as it was", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        print(f"error: cannot write{where}: {exc.strerror or exc}", file=sys.stderr)
        print("the build stopped; site/ and the anchor lock were left as they were", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build the report website.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for name, func, text in (
        ("build", cmd_build, "generate the Markdown, then build every edition into site/"),
        ("generate", cmd_generate, "generate the Markdown into docs/ only"),
        ("serve", cmd_serve, "preview the whole site on localhost, rebuilt when content/ or templates/ change"),
        ("check", cmd_check, "validate the inputs without writing anything"),
        ("diff", cmd_diff, "list what changed between the anchor lock and the text"),
        ("stamp", cmd_stamp, "record that English summaries and translated sentences match the current Chinese text"),
        ("report", cmd_report, "print the revision report (Markdown) for reviewers"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(command=func)
        sub.add_argument("--content", help="a report's folder (default: the archive, or for other commands "
                                            "content/reports/jilin-2023)")
        sub.add_argument("--docs", help="folder for the generated Markdown (default: docs/)")
        sub.add_argument("--site", help="output folder (default: site/)")
        sub.add_argument("--strict", action="store_true", help="treat warnings (problems of the input) as errors")
        sub.add_argument("--strict-english", action="store_true",
                         help="also fail on English that lags behind the Chinese (stale or missing summaries)")
        sub.add_argument("--accept-removals", action="store_true", help="retire the ids of clauses removed from the text")
        sub.add_argument("--accept-ambiguous", action="store_true", help="resolve ambiguous matches by document order")
        if name == "report":
            sub.add_argument("--lock", help="compare with this anchor lock (e.g. the base branch's) instead")
        if name == "stamp":
            sub.add_argument("ids", nargs="*", help="summaries or sentences reviewed against the current text (default: the unstamped)")
            sub.add_argument("--stale", action="store_true", help="stamp every summary and sentence marked stale (after reviewing them all)")
        if name == "build":
            sub.add_argument("--jobs", type=int, help="reports built at once (default: one per core)")
            sub.add_argument("--shard", default="0/1", help="build shard K of N (K/N) of the archive's reports")
        if name == "serve":
            sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    return parser


def _path(value: str | None) -> Path | None:
    return Path(value).resolve() if value else None


def _accept(args: argparse.Namespace) -> Acceptance:
    return Acceptance(removals=args.accept_removals, ambiguous=args.accept_ambiguous)


def cmd_build(project: builder.Project, args: argparse.Namespace) -> int:
    """Build the archive (every report of content/reports), or one report with --content."""
    if args.content is None:
        return _build_archive(project, args)
    start = time.perf_counter()
    summary = builder.build(project, strict=args.strict, accept=_accept(args), english=args.strict_english)
    _print_warnings(summary.inputs)
    _print_changes(summary.inputs.changes, brief=True)
    for name, seconds in summary.timings.stages.items():
        print(f"{name:>16}: {seconds:6.2f} s")
    print(
        f"built {summary.editions} editions of {summary.pages} pages, {summary.paragraphs} paragraphs, "
        f"{summary.sentences} sentences in {time.perf_counter() - start:.2f} s"
    )
    sizes = ", ".join(f"{code} {size / 1024:.0f} KiB" for code, size in summary.search_bytes.items())
    print(f"search index: {sizes}")
    return 0


def _build_archive(project: builder.Project, args: argparse.Namespace) -> int:
    from . import archive

    start = time.perf_counter()
    built = archive.build(archive.Archive(project.root, project.docs, project.site, project.site_url),
                          strict=args.strict, accept=_accept(args), english=args.strict_english,
                          jobs=args.jobs, only=args.shard)
    for record in built.records:
        for warning in record.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        for note in record.notes:
            print(f"note: {note}", file=sys.stderr)
    print(f"built {len(built.built)} reports, reused {len(built.reused)} unchanged, of {len(built.records)} "
          f"in {time.perf_counter() - start:.1f} s")
    for name, seconds in built.seconds.items():
        print(f"{name:>16}: {seconds:6.2f} s")
    if not project.site_url:
        print("warning: SITE_URL is not set: no canonical addresses and no sitemap were written", file=sys.stderr)
    return 0


def cmd_generate(project: builder.Project, args: argparse.Namespace) -> int:
    """Write the Markdown only."""
    builder.guard(project)
    with outputs.turn(project.site):
        inputs = _checked_inputs(project, args)
        reports = builder.write(builder.generate(inputs, project.templates, project.cache), project.docs)
        builder.write_lock(inputs)
    for code, report in reports.items():
        print(f"{code}: {len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed")
    return 0


def cmd_check(project: builder.Project, args: argparse.Namespace) -> int:
    """Validate the inputs."""
    inputs = _checked_inputs(project, args)
    builder.generate(inputs, project.templates)
    print(f"{project.display(project.content)}: no problems found")
    return 0


def cmd_diff(project: builder.Project, args: argparse.Namespace) -> int:
    """Print the changes between the lock and the text, writing nothing."""
    inputs = builder.load(project, Acceptance(removals=True, ambiguous=True))
    print(f"revision {inputs.revision.key}: {inputs.revision.note}")
    _print_changes(inputs.changes, brief=False)
    return 0


def cmd_serve(project: builder.Project, args: argparse.Namespace) -> int:
    """Serve a live preview of every edition, rebuilt on every change."""
    from . import preview

    return preview.serve(project, args.dev_addr, args.strict)


def cmd_report(project: builder.Project, args: argparse.Namespace) -> int:
    """Print what the content changes, as Markdown, without writing anything."""
    from . import changes, content

    paths = content.Paths(project.content, project.display, project.shared)
    sources = content.read(paths, builder.revision_date())
    if args.lock:
        from .lock import read_lock

        sources = replace(sources, lock=read_lock(Path(args.lock), args.lock))
    print(changes.markdown(content.prepare(sources, Acceptance(removals=True, ambiguous=True))), end="")
    return 0


def cmd_stamp(project: builder.Project, args: argparse.Namespace) -> int:
    """Write the current fingerprints into reviewed (or not yet stamped) summaries."""
    from . import summaries, translation
    from .fingerprint import fingerprint

    # Stamping reads the text and the lock and writes only summaries: it never needs
    # removals or ambiguities accepted (the build that publishes them does).
    inputs = builder.load(project, Acceptance(removals=True, ambiguous=True))
    wanted = summaries.targets(inputs.report)
    stale = {s.id for s in inputs.summaries if s.id in wanted and s.fingerprint != wanted[s.id].fingerprint}
    chosen = [s for s in inputs.summaries if s.id in wanted and (
        s.id in args.ids or (args.stale and s.id in stale) or (not args.ids and not args.stale and not s.fingerprint))]
    english = inputs.translation
    lines = [line for key, line in english.lines.items() if key in english.chinese and (
        key in args.ids or (args.stale and english.state(key) == translation.STALE)
        or (not args.ids and not args.stale and not line.fingerprint))]
    unknown = set(args.ids) - {s.id for s in inputs.summaries} - set(english.lines)
    if unknown:
        raise InputError([Problem(project.display(project.content), 0, f"no summary or translated sentence {key!r}")
                          for key in sorted(unknown)])
    changed = 0
    for path in sorted({s.path for s in chosen}):
        prints = {s.id: wanted[s.id].fingerprint for s in chosen if s.path == path}
        changed += summaries.stamp(project.root / path if not Path(path).is_absolute() else Path(path), prints)
    translated = 0
    for path in sorted({line.path for line in lines}):
        prints = {line.id: fingerprint(english.chinese[line.id]) for line in lines if line.path == path}
        translated += summaries.stamp(project.root / path if not Path(path).is_absolute() else Path(path), prints)
    print(f"stamped {changed} summar{'y' if changed == 1 else 'ies'} and {translated} translated "
          f"sentence{'' if translated == 1 else 's'}")
    return 0


def _checked_inputs(project: builder.Project, args: argparse.Namespace) -> builder.Inputs:
    inputs = builder.load(project, _accept(args))
    _print_warnings(inputs)
    failing = builder.failing(inputs, args.strict, args.strict_english)
    if failing:
        raise InputError(failing)
    return inputs


def _print_warnings(inputs: builder.Inputs) -> None:
    for warning in inputs.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for note in inputs.notes + inputs.lagging:
        print(f"note: {note}", file=sys.stderr)


def _print_changes(changes, brief: bool) -> None:
    """Print the changes, one per line; in brief, clause-level changes only."""
    shown = [c for c in changes if not brief or c.kind not in ("sentence", "page")]
    for change in shown:
        text = change.new_text or change.old_text
        excerpt = text if len(text) <= 30 else text[:30] + "…"
        where = f" -> {change.successor}" if change.successor else ""
        print(f"  {change.event:<8} {change.kind:<9} {change.id:<14} {change.number or '':<9} {excerpt}{where}")
    counts = {e: sum(1 for c in changes if c.event == e) for e in ("added", "edited", "moved", "removed")}
    if changes:
        print("changes: " + ", ".join(f"{n} {e}" for e, n in counts.items()))
    else:
        print("no changes since the anchor lock")


def _report_problems(exc: InputError) -> None:
    for problem in exc.problems:
        print(f"error: {problem}", file=sys.stderr)
    count = len(exc.problems)
    print(f"{count} problem{'s' if count != 1 else ''} in the input; nothing was written", file=sys.stderr)
