"""A lossless prefilter for the fuzzy name pass: keys that share too few letters with a query cannot reach the cutoff.

rapidfuzz's `ratio` is 200 x LCS / (len(a) + len(b)), and the longest common subsequence of two strings can hold
no more of a letter than the rarer of its counts in the two. So summing, over the query's letters, the smaller of
the two counts bounds the LCS from above; a key whose bound is below `cutoff x (n + m) / 200` is skipped without
being compared. The counts live in one small matrix (a bucket per letter a-z and digit, one for everything else),
built once with numpy; the bound for a query is a few vector minimums over it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

_LETTERS = 26
_DIGITS = 10
BUCKETS = _LETTERS + _DIGITS + 1
"""a-z, 0-9, and one bucket for every other character: sharing a bucket only loosens the bound, never breaks it."""
_OTHER = BUCKETS - 1


def _buckets(codes: NDArray[np.uint32]) -> NDArray[np.intp]:
    """Bucket of each code point."""
    out = np.full(codes.shape, _OTHER, dtype=np.intp)
    letter = (codes >= ord("a")) & (codes <= ord("z"))
    digit = (codes >= ord("0")) & (codes <= ord("9"))
    out[letter] = codes[letter] - ord("a")
    out[digit] = codes[digit] - ord("0") + _LETTERS
    return out


def letter_counts(keys: Sequence[str]) -> NDArray[np.uint8]:
    """Per bucket (rows) and key (columns): how many of the key's characters fall in the bucket (saturating at 255)."""
    n = len(keys)
    if n == 0:
        return np.zeros((BUCKETS, 0), dtype=np.uint8)
    lengths = np.fromiter((len(k) for k in keys), dtype=np.intp, count=n)
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.arange(n, dtype=np.intp), lengths)
    counts = np.bincount(_buckets(codes) * n + owner, minlength=BUCKETS * n).reshape(BUCKETS, n)
    return np.minimum(counts, 255).astype(np.uint8)


def reachable(query: str, counts: NDArray[np.uint8], lengths: NDArray[np.int32], cutoff: float) -> NDArray[np.bool_]:
    """Per key (columns of `counts`, with their `lengths`): whether its letters leave `ratio` >= `cutoff` possible."""
    found = np.bincount(_buckets(np.frombuffer(query.encode("utf-32-le"), dtype=np.uint32)), minlength=BUCKETS)
    shared = np.zeros(counts.shape[1], dtype=np.int32)
    for bucket in np.flatnonzero(found).tolist():
        shared += np.minimum(counts[bucket], min(int(found[bucket]), 255))
    # Keep when 200 x bound >= cutoff x (n + m), with a hair of slack against float rounding at the boundary.
    return 200.0 * shared >= cutoff * (len(query) + lengths) - 1e-6
