"""Normalized text and fingerprints of clauses, for matching across revisions.

Normalization forgets what an editor may correct without changing a clause:
full- and half-width forms (（二） and (二), ６ and 6), whitespace, and the
style of quotation marks.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from difflib import SequenceMatcher

SPACE = re.compile(r"\s+")
QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'", "『": "'", "』": "'"})


@functools.lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Return the text as compared across revisions (cached: clauses are compared many times)."""
    return SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(QUOTES)


@functools.lru_cache(maxsize=8192)
def fingerprint(text: str) -> str:
    """Return a short hash of the normalized text."""
    return hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:10]


def similarity(a: str, b: str) -> float:
    """Return how alike two normalized texts are, from 0 to 1 (difflib's ratio)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(a: str, b: str) -> float:
    """Return the share of the shorter text that also occurs, in order, in the longer."""
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    common = sum(block.size for block in matcher.get_matching_blocks())
    return common / min(len(a), len(b))
