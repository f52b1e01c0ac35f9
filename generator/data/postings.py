"""Where each pair of characters stands in the clauses of many reports: the positional
index of the search across reports (written by archive.shards, read by search.js).

A word of a query (folded as the text is: see search.fold) is found in a clause when
the pairs that cover it (`cover`) stand there one after another, each at its offset in
the word: an exact match, told from the index alone, before any text is read.

Each pair's places are written as text (`encode`): compact, and the same in JSON
whatever the numbers. The browser's search.js decodes them and hashes pairs to
files (`bucket`) exactly as here.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from typing import Iterable

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"


def cover(word: str, width: int = 2) -> list[tuple[int, str]]:
    """Return the runs of `width` characters that cover a folded word, with their offsets:
    at 0, width, 2 × width… and its last `width` (a shorter word has none)."""
    runs = [(at, word[at:at + width]) for at in range(0, len(word) - width + 1, width)]
    if len(word) >= width and len(word) % width:
        runs.append((len(word) - width, word[-width:]))
    return runs


def triples(texts: Iterable[str]) -> set[str]:
    """Return the runs of three characters of folded texts (what the directory of the
    search across reports tells the ranges of, for words of three characters or more)."""
    return {text[at:at + 3] for text in texts for at in range(len(text) - 2)}


def positions(texts: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """Return where each pair of adjacent characters stands in folded texts, in order:
    (number of the text, offset in it)."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for number, text in enumerate(texts):
        for at, pair in enumerate(map(str.__add__, text, text[1:])):
            found[pair].append((number, at))
    return found


def encoded(texts: Iterable[str]) -> dict[str, str]:
    """Return each pair's places in folded texts as `encode` writes them (the same as
    encoding `positions`, without making a tuple of every place)."""
    found: dict[str, list[str]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, text in enumerate(texts):
        offsets: dict[str, list[int]] = {}
        for at, pair in enumerate(map(str.__add__, text, text[1:])):
            if pair in offsets:
                offsets[pair].append(at)
            else:
                offsets[pair] = [at]
        for pair, ats in offsets.items():
            gap = number - last.get(pair, -1) - 1
            last[pair] = number
            if len(ats) == 1:
                found[pair].append(_SPELLED[gap] + _SPELLED[1] + _SPELLED[ats[0]])
            else:
                found[pair].append(_SPELLED[gap] + _SPELLED[len(ats)]
                                   + "".join([_SPELLED[step] for step in map(int.__sub__, ats, [0, *ats])]))
    return {pair: "".join(pieces) for pair, pieces in found.items()}


def matches(word: str, places: dict[str, list[tuple[int, int]]]) -> set[int]:
    """Return the texts where a folded word stands whole, from the places of its pairs."""
    pieces = cover(word)
    if not pieces:
        return set()
    found = {pair: set(places.get(pair, ())) for _, pair in pieces}
    first_offset, first = pieces[0]
    return {number for number, at in found[first]
            if all((number, at - first_offset + offset) in found[pair] for offset, pair in pieces)}


def encode(places: list[tuple[int, int]]) -> str:
    """Return a pair's places (in order) as text: for each text holding it, the gap since
    the last such text (less one), how many times, then the gaps between its offsets;
    each number in digits of base 32, the lowest first, all but the last flagged (+32)."""
    out: list[str] = []
    last = -1
    for number, group in itertools.groupby(places, key=_text_of):
        offsets = [at for _, at in group]
        out += (_SPELLED[number - last - 1], _SPELLED[len(offsets)])
        out += map(_SPELLED.__getitem__, map(int.__sub__, offsets, [0, *offsets]))
        last = number
    return "".join(out)


def decode(text: str) -> list[tuple[int, int]]:
    """Return the places `encode` wrote."""
    numbers, value, scale = [], 0, 1
    for char in text:
        digit = DIGITS.index(char)
        value += (digit & 31) * scale
        if digit < 32:
            numbers.append(value)
            value, scale = 0, 1
        else:
            scale *= 32
    places, number, i = [], -1, 0
    while i < len(numbers):
        number += numbers[i] + 1
        at = 0
        for gap in numbers[i + 2:i + 2 + numbers[i + 1]]:
            at += gap
            places.append((number, at))
        i += 2 + numbers[i + 1]
    return places


def _spell(number: int) -> str:
    out = []
    while number >= 32:
        out.append(DIGITS[32 + (number & 31)])
        number >>= 5
    out.append(DIGITS[number])
    return "".join(out)


class _Spelling(dict):
    """Numbers to their digits, each spelled when first asked for."""

    def __missing__(self, number: int) -> str:
        self[number] = spelled = _spell(number)
        return spelled


_SPELLED = _Spelling()


def _text_of(place: tuple[int, int]) -> int:
    return place[0]


def bucket(pair: str, count: int) -> str:
    """Return the file, among `count`, a pair is written in (search.js hashes alike:
    FNV-1a over the code points), as hexadecimal digits all of one width."""
    return bucket_name(fnv(pair) % count, count)


def fnv(pair: str) -> int:
    """Return the 32-bit FNV-1a hash of a text's code points (what `bucket` spreads by)."""
    value = 2166136261
    for char in pair:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return value


def bucket_name(number: int, count: int) -> str:
    """Return the name of file `number` among `count`: hexadecimal digits all of one width."""
    return format(number, "x").zfill(len(format(count - 1, "x")))
