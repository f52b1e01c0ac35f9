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
        for at in range(len(text) - 1):
            found[text[at:at + 2]].append((number, at))
    return found


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
    numbers: list[int] = []
    last = -1
    for number, group in itertools.groupby(places, key=lambda place: place[0]):
        offsets = [at for _, at in group]
        numbers += [number - last - 1, len(offsets)]
        numbers += [b - a for a, b in zip([0] + offsets, offsets)]
        last = number
    return "".join(map(_digits, numbers))


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


def _digits(number: int) -> str:
    out = []
    while number >= 32:
        out.append(DIGITS[32 + (number & 31)])
        number >>= 5
    out.append(DIGITS[number])
    return "".join(out)


def bucket(pair: str, count: int) -> str:
    """Return the file, among `count`, a pair is written in (search.js hashes alike:
    FNV-1a over the code points), as hexadecimal digits all of one width."""
    value = 2166136261
    for char in pair:
        value = ((value ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return bucket_name(value % count, count)


def bucket_name(number: int, count: int) -> str:
    """Return the name of file `number` among `count`: hexadecimal digits all of one width."""
    return format(number, "x").zfill(len(format(count - 1, "x")))
