"""Command line: `python -m generator build|check|diff|report|stamp|serve|generate`.

Every command acts on what it names: without `--content` or `--report`, on
the archive (every report of content/reports and the library over them);
with `--report NAME` (repeatable), on those reports of the archive; with
`--content FOLDER`, on that one report folder, built into an output folder
of its own (`.reports/<name>/`), never into the archive's site/.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from . import build as builder
from .archive import checks, discovery, publish
from .editions.inputs import Acceptance
from .site import outputs, website, workers
from .text.errors import InputError, Problem

ROOT = Path(__file__).resolve().parent.parent
ALL = "*"  # --accept-removals without a name: only for the one report of --content


def main(argv: list[str] | None = None) -> int:
    """Run one command and return the exit status."""
    args = _parser().parse_args(argv)
    website.quiet_logging()
    try:
        return args.command(_project(args), args)
    except InputError as exc:
        _report_problems(exc)
        return 1
    except (website.BuildFailed, workers.WorkerLost) as exc:
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
        ("build", cmd_build, "build the archive into site/ (or one report with --content, into its own folder)"),
        ("generate", cmd_generate, "generate one report's Markdown only (--content or --report)"),
        ("serve", cmd_serve, "preview the archive on localhost, rebuilt when content/ or templates/ change"),
        ("check", cmd_check, "validate the inputs of the archive (or of the named reports) without writing anything"),
        ("diff", cmd_diff, "list what changed between the anchor locks and the texts"),
        ("stamp", cmd_stamp, "record that a report's English matches its current Chinese text"),
        ("report", cmd_report, "print the revision report (Markdown) for reviewers"),
        ("memory", cmd_memory, "write content/memory.yml: reviewed English that other reports can reuse"),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.set_defaults(command=func)
        _common_options(sub)
        _command_options(sub, name)
    return parser


def _common_options(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--content", help="one report's folder (outside the archive too)")
    sub.add_argument("--report", action="append", default=[], metavar="NAME",
                     help="a report of the archive by its folder's name (jilin-2023); repeat for more")
    sub.add_argument("--docs", help="folder for the generated Markdown (default: docs/, or .reports/<name>/docs)")
    sub.add_argument("--site", help="output folder (default: site/, or .reports/<name>/site with --content)")
    sub.add_argument("--strict", action="store_true", help="treat warnings (problems of the input) as errors")
    sub.add_argument("--strict-english", action="store_true",
                     help="also fail on English that lags behind the Chinese (stale or missing English, terms, clauses)")
    for flag, text in (("--accept-removals", "retire the ids of clauses removed from the named reports, or accept the "
                                             "removal of a whole report from the archive"),
                       ("--accept-ambiguous", "resolve ambiguous matches by document order in the named reports"),
                       ("--accept-fresh-history", "start a new anchor history for the named published reports whose "
                                                  "anchors.lock is lost")):
        sub.add_argument(flag, action="append", nargs="?", const=ALL, default=[], metavar="NAMES",
                         help=text + " (names separated by commas; no name: the one report of --content)")


def _command_options(sub: argparse.ArgumentParser, name: str) -> None:
    if name == "report":
        sub.add_argument("--lock", help="compare with this anchor lock (e.g. the base branch's) instead")
    if name == "stamp":
        sub.add_argument("ids", nargs="*", help="summaries or sentences reviewed against the current text (default: the unstamped)")
        sub.add_argument("--stale", action="store_true", help="stamp every summary and sentence marked stale (after reviewing them all)")
    if name == "build":
        sub.add_argument("--jobs", type=int, help="reports (with --content: editions) built at once (default: one per core)")
        sub.add_argument("--shard", default="0/1", help="build shard K of N (K/N) of the archive's reports")
    if name == "serve":
        sub.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (host:port)")


# What a command acts on ------------------------------------------------------------------------


def _project(args: argparse.Namespace) -> builder.Project:
    """Return the project a command acts on: the archive's folders, or one report's."""
    content = _path(args.content)
    if content is None and len(args.report) == 1 and args.command in (cmd_generate, cmd_stamp):
        content = _report_folder(args.report[0])
    if content is None:
        return builder.Project.at(ROOT, None, _path(args.docs), _path(args.site))
    own = ROOT / ".reports" / content.name
    return builder.Project.at(ROOT, content, _path(args.docs) or own / "docs", _path(args.site) or own / "site")


def _path(value: str | None) -> Path | None:
    return Path(value).resolve() if value else None


def _report_folder(name: str) -> Path:
    folder = ROOT / "content" / "reports" / name
    if "/" in name or name.startswith(".") or not (folder / "report.txt").is_file():
        raise InputError.at("--report", 0, f"no report is named {name!r} (a folder of content/reports)")
    return folder


def _folders(args: argparse.Namespace) -> list[Path]:
    """Return the report folders a command covers: --content, the --report names, or all."""
    if args.content:
        return [Path(args.content).resolve()]
    if args.report:
        return [_report_folder(name) for name in args.report]

    known = discovery.regions_of(ROOT / "content")
    return [entry.folder for entry in discovery.discover(ROOT / "content" / "reports", known)]


def _names(values: list[str]) -> frozenset[str]:
    return frozenset(name.strip() for value in values for name in value.split(",") if name.strip())


def _accept(args: argparse.Namespace, folder: Path | None = None) -> Acceptance:
    """Return what is accepted for one report (the one of --content takes a bare flag)."""
    chosen = [_names(args.accept_removals), _names(args.accept_ambiguous), _names(args.accept_fresh_history)]
    name = folder.name if folder is not None else ""
    return Acceptance(*(name in names or (ALL in names and args.content is not None) for names in chosen))


def _consent(args: argparse.Namespace):
    """Return what is accepted for an archive build, by report name; a bare flag is refused."""
    chosen = [_names(args.accept_removals), _names(args.accept_ambiguous), _names(args.accept_fresh_history)]
    if any(ALL in names for names in chosen):
        raise InputError.at("--accept-removals", 0, "name the reports whose removals you accept (--accept-removals "
                                                    "jilin-2023,national-1978): the archive never accepts them all at once")
    return publish.Consent(*chosen)


# The commands ----------------------------------------------------------------------------------


def cmd_build(project: builder.Project, args: argparse.Namespace) -> int:
    """Build the archive (every report of content/reports), or one report with --content."""
    if args.content is None:
        return _build_archive(project, args)
    _refuse_archive_site(project.site)
    start = time.perf_counter()
    summary = builder.build(project, strict=args.strict, accept=_accept(args, project.content), english=args.strict_english,
                            jobs=args.jobs)
    _print_warnings(summary.inputs)
    _print_changes(summary.inputs.changes, brief=True)
    for name, seconds in summary.timings.stages.items():
        print(f"{name:>16}: {seconds:6.2f} s")
    print(
        f"built {summary.editions} editions of {summary.pages} pages, {summary.paragraphs} paragraphs, "
        f"{summary.sentences} sentences in {time.perf_counter() - start:.2f} s into {project.display(project.site)}/"
    )
    sizes = ", ".join(f"{code} {size / 1024:.0f} KiB" for code, size in summary.search_bytes.items())
    print(f"search index: {sizes}")
    return 0


def _refuse_archive_site(site: Path) -> None:
    """Refuse to build one report into a folder that holds the archive (its library's search data)."""
    if (site / "search" / "reports.json").is_file():
        raise InputError.at(str(site), 0, "this folder holds the archive: a report built alone goes into a folder of "
                                          "its own (leave out --site: .reports/<name>/site), and the archive is "
                                          "built by `python -m generator build` without --content")


def _build_archive(project: builder.Project, args: argparse.Namespace) -> int:
    if args.report:
        raise InputError.at("--report", 0, "build takes the whole archive (unchanged reports are reused) or one "
                                           "report folder with --content")
    start = time.perf_counter()
    built = publish.build(publish.Archive(project.root, project.docs, project.site, project.site_url),
                          strict=args.strict, accept=_consent(args), english=args.strict_english,
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
        print("note: SITE_URL is not set, so no canonical addresses and no sitemap were written (set it to the "
              "site's public address when publishing)", file=sys.stderr)
    return 0


def cmd_generate(project: builder.Project, args: argparse.Namespace) -> int:
    """Write one report's Markdown only."""
    if args.content is None and len(args.report) != 1:
        raise InputError.at("generate", 0, "name one report: --report NAME or --content FOLDER")
    builder.guard(project)
    with outputs.turn(project.site):
        inputs = _checked_inputs(project, args)
        outputs.mark(project.docs)  # ours before anything is written in it
        reports = builder.write(builder.generate(inputs, project.templates, project.cache), project.docs)
        builder.write_lock(inputs)
    for code, report in reports.items():
        print(f"{code}: {len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed")
    return 0


def cmd_check(project: builder.Project, args: argparse.Namespace) -> int:
    """Validate the inputs of every report covered, and of the archive around them."""
    folders = _folders(args)
    found = checks.check(project, folders, [_accept(args, f) for f in folders], args.strict, args.strict_english)
    if args.content is None and not args.report:
        found = replace(found, problems=found.problems + checks.archive_problems(project.root, _consent(args)))
    for line in found.messages:
        print(line, file=sys.stderr)
    if found.problems:
        raise InputError(found.problems)
    scope = project.display(folders[0]) if len(folders) == 1 else f"{len(folders)} reports"
    print(f"{scope}: no problems found")
    return 0


def cmd_diff(project: builder.Project, args: argparse.Namespace) -> int:
    """Print the changes between each lock and its text, writing nothing."""
    folders = _folders(args)
    shown = 0
    for folder in folders:
        inputs = builder.load(builder.Project.at(ROOT, folder), Acceptance(removals=True, ambiguous=True, fresh=True))
        if len(folders) == 1 or inputs.changes:
            print(f"{project.display(folder)}: revision {inputs.revision.key}: {inputs.revision.note}")
            _print_changes(inputs.changes, brief=False)
            shown += 1
    if args.content is None and not args.report:
        for line in checks.departures(project.root):
            print(line)
    if len(folders) > 1 and not shown:
        print(f"no changes since the anchor locks of {len(folders)} reports")
    return 0


def cmd_serve(project: builder.Project, args: argparse.Namespace) -> int:
    """Serve a live preview of every edition, rebuilt on every change."""
    from . import preview

    return preview.serve(project, args.dev_addr, args.strict, archive=args.content is None)


def cmd_report(project: builder.Project, args: argparse.Namespace) -> int:
    """Print what the content changes, as Markdown, without writing anything."""
    from .editions import inputs as content
    from .site import changes

    folders = _folders(args)
    if args.lock and len(folders) != 1:
        raise InputError.at("--lock", 0, "--lock compares one report: name it with --report or --content")
    for folder in folders:
        paths = content.Paths(folder, project.display, project.shared)
        sources = content.read(paths, builder.revision_date())
        if args.lock:
            from .anchors.lock import read_lock

            sources = replace(sources, lock=read_lock(Path(args.lock), args.lock))
        inputs = content.prepare(sources, Acceptance(removals=True, ambiguous=True, fresh=True))
        if len(folders) == 1 or inputs.changes:
            if len(folders) > 1:
                print(f"## {project.display(folder)}\n")
            print(changes.markdown(inputs), end="")
    return 0


def cmd_stamp(project: builder.Project, args: argparse.Namespace) -> int:
    """Write the current fingerprints into reviewed (or not yet stamped) summaries."""
    from .anchors.fingerprint import fingerprint
    from .editions import summaries, translation

    if args.content is None and len(args.report) != 1:
        raise InputError.at("stamp", 0, "name the report whose English you reviewed: --report NAME (or --content FOLDER)")
    # Stamping reads the text and the lock and writes only summaries: it never needs
    # removals or ambiguities accepted (the build that publishes them does).
    inputs = builder.load(project, Acceptance(removals=True, ambiguous=True, fresh=True))
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


def cmd_memory(project: builder.Project, args: argparse.Namespace) -> int:
    """Write the translation memory from every report's reviewed English."""
    from .archive import translations
    from .editions import memory

    found = translations.entries(project.root, project.shared)
    path = project.shared / memory.FILE
    path.write_text(memory.format_memory(found), encoding="utf-8")
    print(f"{project.display(path)}: {len(found)} entries of reviewed English another report can reuse")
    return 0


def _checked_inputs(project: builder.Project, args: argparse.Namespace) -> builder.Inputs:
    inputs = builder.load(project, _accept(args, project.content))
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
