"""Matching the clauses of the text with those of the anchor lock.

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
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .clauses import LINE, PARAGRAPH, Clause
from .fingerprint import containment, normalize, similarity
from .lock import Entry, Lock

IN_PLACE_RATIO = 0.5


CONTAINED = 0.8


MIN_CONTAINED_LENGTH = 6


MOVED_RATIO = 0.8


TIE = 0.05


@dataclass(frozen=True)
class Ambiguity:
    """A new clause that matches several old clauses equally well."""

    key: str
    kind: str
    text: str
    line: int
    candidates: tuple[str, ...]


@dataclass
class Match:
    old: str
    moved: bool = False


@dataclass
class State:
    """Matches found so far, by new key, and old ids already taken."""

    matches: dict[str, Match] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    ambiguities: list[Ambiguity] = field(default_factory=list)

    def pair(self, key: str, old: str, moved: bool = False) -> None:
        self.matches[key] = Match(old, moved)
        self.taken.add(old)


def match_lines(old: Lock, clauses: list[Clause], state: State) -> None:
    live = {e.id for e in old.live(LINE)}
    for c in clauses:
        if c.kind == LINE and c.key in live:
            state.pair(c.key, c.key)


def match_sentences(old: list[Entry], new: list[Clause], state: State) -> None:
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


def _pair_in_place(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: State) -> None:
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


def _pair_moved_exact(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: State) -> None:
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


def _pair_moved_edited(old: list[Entry], a: list[str], new: list[Clause], b: list[str], state: State) -> None:
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


def match_by_children(old: Lock, clauses: list[Clause], kind: str, state: State) -> None:
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


def _match_headings(old: list[Entry], new: list[Clause], state: State) -> None:
    for c in new:
        if c.key in state.matches or c.kind == PARAGRAPH:
            continue
        same = [e.id for e in old if e.id not in state.taken and normalize(e.text) == normalize(c.text)]
        if same:
            state.pair(c.key, same[0])
