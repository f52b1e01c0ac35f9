"""Reconciling a parsed report with the anchor lock: which clause keeps which id.

The matching rule, applied to the live clauses of the lock (old) and the
parsed text (new), after normalizing both (see `fingerprint.normalize`):

Sentences, in passes; each pass sees only what earlier passes left unmatched:

1. In place. The two sequences of sentences are aligned (difflib, longest
   common runs). Aligned equal sentences keep their ids. Inside a region where
   old sentences were replaced by new ones, pairs are taken greedily by
   similarity when their similarity (difflib ratio) is at least 0.5, or when
   one contains at least 80% of the other (a merge or a split) and both have
   at least 6 characters: a changed figure or a corrected character keeps its id.
2. Moved. A new sentence whose normalized text equals exactly one old
   sentence elsewhere takes its id.
3. Moved and edited. A new sentence whose best similarity with an old
   sentence elsewhere is at least 0.8 takes its id.

A pass that finds several equally good candidates (equal texts, or
similarities within 0.05) reports an ambiguity instead of choosing; with
`--accept-ambiguous` the first candidate in document order is taken.

Paragraphs take the id of the old paragraph that holds most of their matched
sentences (by characters); sections and parts likewise from their
paragraphs, or else from an equal heading. Front-matter lines keep their ids.

Whatever is left is new (a fresh id, never used before: the structural id of
its place if free, else the id of the clause before it with a letter, as in
legislation: `p1-2a`), or removed (its id stays in the lock as removed, with
the nearest surviving clause for its tombstone).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from string import ascii_lowercase
from typing import Iterable, Iterator

from ..text.model import Paragraph, Report
from .fingerprint import containment, fingerprint, normalize, similarity
from .lock import Entry, Lock, with_removal

IN_PLACE_RATIO = 0.5
CONTAINED = 0.8
MIN_CONTAINED_LENGTH = 6
MOVED_RATIO = 0.8
TIE = 0.05
LINE, PART, SECTION, PARAGRAPH, SENTENCE, PAGE = "line", "part", "section", "paragraph", "sentence", "page"
APPENDIX = "appendix"


@dataclass(frozen=True)
class Clause:
    """A node of the new tree, flattened: keyed by its positional id."""

    key: str
    kind: str
    parent: str
    position: int
    number: str
    text: str
    line: int
    suffix: str


@dataclass(frozen=True)
class Ambiguity:
    """A new clause that matches several old clauses equally well."""

    key: str
    kind: str
    text: str
    line: int
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    """One difference between the lock and the text."""

    event: str
    id: str
    kind: str
    number: str
    old_text: str = ""
    new_text: str = ""
    successor: str = ""


@dataclass(frozen=True)
class Reconciliation:
    """The ids of the new tree, the new lock, and what changed."""

    ids: dict[str, str]
    lock: Lock
    changes: tuple[Change, ...]
    ambiguities: tuple[Ambiguity, ...]

    def count(self, event: str) -> int:
        return sum(1 for c in self.changes if c.event == event)


@dataclass
class _Match:
    old: str
    moved: bool = False


@dataclass
class _State:
    """Matches found so far, by new key, and old ids already taken."""

    matches: dict[str, _Match] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    ambiguities: list[Ambiguity] = field(default_factory=list)

    def pair(self, key: str, old: str, moved: bool = False) -> None:
        self.matches[key] = _Match(old, moved)
        self.taken.add(old)


def flatten(report: Report) -> list[Clause]:
    """Return every node of a report with positional ids, parents before children."""
    out = [Clause(line.id, LINE, "", 0, "", line.text, line.line, line.id) for line in report.front.lines]
    out += _paragraph_clauses(report.front.opening, "opening", "")
    for part in report.parts:
        out.append(Clause(part.id, PART, "", part.ordinal, part.number, part.heading, part.line, part.id))
        out += _paragraph_clauses(part.paragraphs, part.id, part.id)
        for section in part.sections:
            suffix = section.id.removeprefix(part.id)
            out.append(Clause(section.id, SECTION, part.id, section.ordinal, section.number, section.heading, section.line, suffix))
            out += _paragraph_clauses(section.paragraphs, section.id, section.id)
    out += _paragraph_clauses(report.closing, "closing", "")
    for appendix in report.appendices:
        out.append(Clause(appendix.id, APPENDIX, "", appendix.ordinal, appendix.number, appendix.heading,
                          appendix.line, appendix.id))
        out += _paragraph_clauses(appendix.paragraphs, appendix.id, appendix.id)
    return out


def _paragraph_clauses(items: Iterable[Paragraph], parent: str, prefix: str) -> list[Clause]:
    out = []
    for position, p in enumerate(items, start=1):
        out.append(Clause(p.id, PARAGRAPH, parent, position, p.number, p.text, p.line, p.id.removeprefix(prefix)))
        for j, s in enumerate(p.sentences, start=1):
            out.append(Clause(s.id, SENTENCE, p.id, j, "", s.text, s.line, s.id.removeprefix(p.id)))
    return out


def reconcile(lock: Lock | None, report: Report, revision: str) -> Reconciliation:
    """Match the report (with positional ids) against the lock; return ids, new lock and changes."""
    clauses = flatten(report)
    old = lock or Lock()
    state = _State()
    _match_lines(old, clauses, state)
    _match_sentences(old.live(SENTENCE), [c for c in clauses if c.kind == SENTENCE], state)
    for kind in (PARAGRAPH, SECTION, PART, APPENDIX):
        _match_by_children(old, clauses, kind, state)
    ids = _assign_ids(clauses, state, old)
    entries, changes = _entries(old, clauses, ids, state, revision)
    removed, removals = _removals(old, state, revision)
    new_lock = Lock(tuple(_ordered(entries, removed)))
    return Reconciliation(ids, new_lock, tuple(changes + removals), tuple(state.ambiguities))


def _match_lines(old: Lock, clauses: list[Clause], state: _State) -> None:
    live = {e.id for e in old.live(LINE)}
    for c in clauses:
        if c.kind == LINE and c.key in live:
            state.pair(c.key, c.key)


def _match_sentences(old: list[Entry], new: list[Clause], state: _State) -> None:
    a = [normalize(e.text) for e in old]
    b = [normalize(c.text) for c in new]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2)):
                state.pair(new[j].key, old[i].id)
        elif tag == "replace":
            _pair_in_place(old[i1:i2], a[i1:i2], new[j1:j2], b[j1:j2], state)
    _pair_moved_exact(old, a, new, b, state)
    _pair_moved_edited(old, a, new, b, state)


def _pair_in_place(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: _State) -> None:
    scored = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            ratio = similarity(x, y)
            contained = min(len(x), len(y)) >= MIN_CONTAINED_LENGTH and containment(x, y) >= CONTAINED
            if ratio >= IN_PLACE_RATIO or contained:
                scored.append((-ratio, i, j))
    for _, i, j in sorted(scored):
        if old[i].id not in state.taken and new[j].key not in state.matches:
            state.pair(new[j].key, old[i].id)


def _pair_moved_exact(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: _State) -> None:
    free = defaultdict(list)
    for e, text in zip(old, a):
        if e.id not in state.taken:
            free[text].append(e.id)
    for c, text in zip(new, b):
        if c.key in state.matches:
            continue
        candidates = [i for i in free.get(text, []) if i not in state.taken]
        if len(candidates) > 1:
            state.ambiguities.append(Ambiguity(c.key, c.kind, c.text, c.line, tuple(candidates)))
        if candidates:
            state.pair(c.key, candidates[0], moved=True)


def _pair_moved_edited(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: _State) -> None:
    for c, text in zip(new, b):
        if c.key in state.matches or len(text) < MIN_CONTAINED_LENGTH:
            continue
        scored = sorted(
            ((similarity(x, text), e.id) for e, x in zip(old, a) if e.id not in state.taken),
            key=lambda pair: -pair[0],
        )
        good = [(r, i) for r, i in scored if r >= MOVED_RATIO]
        if len(good) > 1 and good[0][0] - good[1][0] < TIE:
            state.ambiguities.append(Ambiguity(c.key, c.kind, c.text, c.line, tuple(i for _, i in good)))
        if good:
            state.pair(c.key, good[0][1], moved=True)


def _match_by_children(old: Lock, clauses: list[Clause], kind: str, state: _State) -> None:
    """Give containers the id of the old container holding most of their matched children."""
    children = defaultdict(list)
    for c in clauses:
        children[c.parent].append(c)
    votes = []
    for c in clauses:
        if c.kind != kind:
            continue
        tally, moved = defaultdict(int), defaultdict(int)
        for child in children[c.key]:
            match = state.matches.get(child.key)
            if match and match.old in old.by_id:
                parent = old.by_id[match.old].parent
                tally[parent] += len(child.text)
                moved[parent] += len(child.text) if match.moved else 0
        votes += [(-weight, c.key, parent, moved[parent] * 2 > weight) for parent, weight in tally.items()]
    old_kind = {e.id for e in old.live(kind)}
    for _, key, parent, mostly_moved in sorted(votes):
        if parent in old_kind and parent not in state.taken and key not in state.matches:
            state.pair(key, parent, moved=mostly_moved)
    _match_headings(old.live(kind), [c for c in clauses if c.kind == kind], state)


def _match_headings(old: list[Entry], new: list[Clause], state: _State) -> None:
    for c in new:
        if c.key in state.matches or c.kind == PARAGRAPH:
            continue
        same = [e.id for e in old if e.id not in state.taken and normalize(e.text) == normalize(c.text)]
        if same:
            state.pair(c.key, same[0])


def _assign_ids(clauses: list[Clause], state: _State, old: Lock) -> dict[str, str]:
    """Return final ids: the old id of a match, else a fresh one, parents first."""
    used = set(old.by_id)
    ids: dict[str, str] = {}
    previous: dict[tuple[str, str], str] = {}
    for c in clauses:
        match = state.matches.get(c.key)
        parent = ids.get(c.parent, c.parent)
        if match:
            ids[c.key] = match.old
        else:
            ids[c.key] = _fresh(c, parent, previous.get((c.parent, c.kind)), used)
        used.add(ids[c.key])
        previous[(c.parent, c.kind)] = ids[c.key]
    return ids


def _fresh(c: Clause, parent: str, before: str | None, used: set[str]) -> str:
    base = parent + c.suffix if c.kind in (SECTION, PARAGRAPH, SENTENCE) and parent not in ("opening", "closing") else c.key
    if base not in used:
        return base
    stem = before or _zeroth(base, c.position)
    return next(stem + letters for letters in _letters() if stem + letters not in used)


def _zeroth(base: str, position: int) -> str:
    """Return the id 'before the first' child: p1-0 for p1-3, p1-2-s0 for p1-2-s1."""
    head = base[: len(base) - len(str(position))]
    return head + "0"


def _letters() -> Iterator[str]:
    yield from ascii_lowercase
    for first in ascii_lowercase:
        for second in ascii_lowercase:
            yield first + second


def _entries(old: Lock, clauses: list[Clause], ids: dict[str, str], state: _State, revision: str):
    """Return the lock entries of the new tree and the changes, in document order."""
    changed = {c.parent for c in clauses if c.kind == SENTENCE and _text_changed(old, c, state)}
    entries, changes = [], []
    for c in clauses:
        entry, change = _entry(old, c, ids, state, revision, c.key in changed)
        entries.append(entry)
        if change:
            changes.append(change)
    return entries, changes


def _text_changed(old: Lock, c: Clause, state: _State) -> bool:
    match = state.matches.get(c.key)
    return match is None or old.by_id[match.old].text != c.text


def _entry(old: Lock, c: Clause, ids: dict[str, str], state: _State, revision: str, child_changed: bool):
    """Return the lock entry of a new clause, and its change if it has one."""
    cid, parent = ids[c.key], ids.get(c.parent, c.parent)
    text = "" if c.kind == PARAGRAPH else c.text
    fresh = Entry(cid, c.kind, parent, c.position, c.number, fingerprint(c.text), text, added=revision)
    match = state.matches.get(c.key)
    if not match:
        return fresh, Change("added", cid, c.kind, c.number, new_text=c.text)
    before = old.by_id[match.old]
    old_text = _live_text(old, before)
    edited = before.text != text if c.kind != PARAGRAPH else (before.fingerprint != fresh.fingerprint or child_changed)
    moved = match.moved or before.parent != parent
    entry = replace(
        before,
        parent=parent,
        position=c.position,
        number=c.number,
        fingerprint=fresh.fingerprint,
        text=text,
        edited=before.edited + ((revision,) if edited and revision not in before.edited else ()),
        moved=before.moved + ((revision,) if moved and revision not in before.moved else ()),
        was=_was(before, revision, old_text, c.text) if edited else before.was,
    )
    if moved:
        return entry, Change("moved", cid, c.kind, c.number, old_text, c.text)
    if edited:
        return entry, Change("edited", cid, c.kind, c.number, old_text, c.text)
    return entry, None


def _live_text(old: Lock, entry: Entry) -> str:
    """Return a clause's text in the lock: a paragraph's is that of its live sentences."""
    if entry.kind != PARAGRAPH:
        return entry.text
    return "".join(e.text for e in old.children.get(entry.id, ()) if e.kind == SENTENCE and e.live)


def _was(before: Entry, revision: str, old_text: str, new_text: str) -> tuple[tuple[str, str], ...]:
    """Return the texts before each edit, with the text before this revision's edit
    (kept from the first build of the revision when it is built again)."""
    if any(key == revision for key, _ in before.was):
        return before.was
    return before.was + ((revision, old_text),) if old_text != new_text else before.was


def _removals(old: Lock, state: _State, revision: str) -> tuple[list[Entry], list[Change]]:
    """Mark unmatched live clauses removed, each with its nearest surviving clause."""
    removed, changes = [e for e in old.entries if not e.live and e.kind != PAGE], []
    gone = [e for e in old.entries if e.live and e.kind != PAGE and e.id not in state.taken]
    for entry in gone:
        successor, side = _successor(old, entry, state.taken)
        removed.append(with_removal(entry, revision, successor, side))
        changes.append(Change("removed", entry.id, entry.kind, entry.number, entry.text or _paragraph_text(old, entry), successor=successor))
    return removed, changes


def _paragraph_text(old: Lock, entry: Entry) -> str:
    return "".join(e.text for e in old.children.get(entry.id, ()) if e.kind == SENTENCE)


def _successor(old: Lock, entry: Entry, survivors: set[str]) -> tuple[str, str]:
    siblings = [e for e in old.children.get(entry.parent, ()) if e.live and e.kind == entry.kind]
    found = _neighbour(siblings, siblings.index(entry), survivors)
    if found:
        return found
    parent = old.by_id.get(entry.parent)
    if parent is None:
        return _nearest(old, entry, survivors)
    if parent.id in survivors:
        return parent.id, "inside"
    return _successor(old, parent, survivors)


def _nearest(old: Lock, entry: Entry, survivors: set[str]) -> tuple[str, str]:
    """Return the next surviving clause in document order, else the previous one."""
    order = [e for e in old.entries if e.live and e.kind in (PART, APPENDIX, PARAGRAPH, LINE)]
    index = next((n for n, e in enumerate(order) if e.id == entry.id), 0)
    return _neighbour(order, index, survivors) or ("dateline", "after")


def _neighbour(order: list[Entry], index: int, survivors: set[str]) -> tuple[str, str] | None:
    """Return the first survivor after order[index] (standing before it), else the last one
    before it (standing after it), else None."""
    for e in order[index + 1 :]:
        if e.id in survivors:
            return e.id, "before"
    for e in reversed(order[:index]):
        if e.id in survivors:
            return e.id, "after"
    return None


def _ordered(entries: list[Entry], removed: list[Entry]) -> Iterator[Entry]:
    """Yield live entries in document order, each removed entry next to its successor."""
    lock = Lock(tuple(entries) + tuple(removed))
    attached = defaultdict(lambda: ([], []))
    for e in removed:
        anchor = lock.resolve(e.successor)
        attached[anchor][0 if e.side == "before" else 1].append(e)
    for e in entries:
        yield from attached[e.id][0]
        yield e
        yield from attached[e.id][1]


def record_origins(lock: Lock, old: Lock | None, pages_now: dict[str, str]) -> Lock:
    """Note, for every clause now on another page than before, the page it left.

    `pages_now` gives the page path of every live id. A clause that comes back
    to a page it once left loses that origin.
    """
    if old is None:
        return lock
    was = _old_pages(old)
    entries = []
    for e in lock.entries:
        now, before = pages_now.get(e.id), was.get(e.id)
        origins = tuple(o for o in e.origins if o != now)
        if e.live and before and now and before != now and before not in origins:
            origins += (before,)
        entries.append(replace(e, origins=origins) if origins != e.origins else e)
    return Lock(tuple(entries))


def _old_pages(old: Lock) -> dict[str, str]:
    """Return the page each live clause of an old lock was published on."""
    page_of_clause = {e.text: e.id for e in old.entries if e.kind == PAGE and e.live}
    page_of_clause.setdefault("opening", page_of_clause.get("report", ""))
    pages = {}
    for e in old.entries:
        if not e.live or e.kind == PAGE:
            continue
        if e.kind == LINE:
            pages[e.id] = page_of_clause.get("report", "")
        elif e.id in page_of_clause:
            pages[e.id] = page_of_clause[e.id]
        else:
            pages[e.id] = pages.get(e.parent) or page_of_clause.get(e.parent, "")
    return pages


def record_pages(lock: Lock, old: Lock | None, pages: dict[str, str], revision: str) -> tuple[Lock, list[Change]]:
    """Add the published pages (path -> id shown) to the lock; a page no longer
    produced stays as removed, so that its URL can redirect."""
    previous = old or Lock()
    entries, changes = [], []
    for position, (path, clause) in enumerate(pages.items(), start=1):
        before = previous.by_id.get(path)
        added = before.added if before else revision
        entries.append(Entry(path, PAGE, "", position, "", "-", clause, added=added))
    for e in previous.entries:
        if e.kind == PAGE and e.id not in pages:
            entries.append(replace(e, removed=e.removed or revision, successor=e.successor or e.text, side="inside"))
            if not e.removed:
                changes.append(Change("removed", e.id, PAGE, "", e.text, successor=e.text))
    return Lock(lock.entries + tuple(entries)), changes
