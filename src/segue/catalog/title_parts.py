"""Famous songs asked for by part of their title: 'like teen spirit', 'something like sweet child', 'stairway'.

A fuzzy title search scores a part against whole titles, so 'teen spirit' found 'Free Spirit' by an unknown act
and 'stairway' the netlabel's 'Stairways' (94) before 'Stairway to Heaven'. Members shorten only the songs everyone
knows, so only those are indexed: every run of two or more words of such a song's title (and its distinctive first
word alone), each kept for the best-known song that has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from segue.text import base_title, display_title

__all__ = ["FAMOUS_ARTIST", "FAMOUS_SONG", "title_parts"]

FAMOUS_SONG = 0.6
"""A song's popularity (0..1) from which members name it by part of its title."""
FAMOUS_ARTIST = 0.85
"""Its artist's renown (0..1) from which it is one of the songs everyone knows."""
FIRST_WORD_CHARS = 6
"""Shortest first word that names its song alone ('stairway', 'bohemian'; not 'sweet', 'hotel')."""
_LITTLE_WORDS = """
    a an the of to in on at by for and or but with my your our his her its me you i we it is be love like so no not
    all up down out this that what when where who oh yeah baby girl boy way time night day life world heart home good
    bad back one two know want go get make take come feel let say tell need just now never ever more only how why
    there here then than as are was were do don t s m ll re ve can will would could got gonna wanna little big old new
"""
_LITTLE = frozenset(_LITTLE_WORDS.split())
"""Words no part is made of alone: 'love me' or 'the way' name a hundred songs."""


def title_parts(
    titles: Sequence[str], popularity: NDArray[np.float32], artist_renown: NDArray[np.float32]
) -> dict[str, int]:
    """Title part (normalized) -> the track index of the best-known famous song holding it, whole titles left out
    (a whole title is found by the ordinary search)."""
    famous = np.flatnonzero(
        (np.nan_to_num(popularity) >= FAMOUS_SONG) & (np.nan_to_num(artist_renown) >= FAMOUS_ARTIST)
    )
    best: dict[str, tuple[float, int]] = {}
    for i in famous.tolist():
        words = base_title(display_title(titles[i])).split()
        rank = float(popularity[i])
        for part in _parts(words):
            if part not in best or best[part][0] < rank:
                best[part] = (rank, i)
    return {part: i for part, (_, i) in best.items()}


def _parts(words: list[str]) -> Iterable[str]:
    """Runs of two words or more short of the whole title, and a distinctive first word."""
    n = len(words)
    for length in range(2, n):
        for start in range(n - length + 1):
            run = words[start : start + length]
            if not all(w in _LITTLE for w in run):
                yield " ".join(run)
    if n > 1 and len(words[0]) >= FIRST_WORD_CHARS and words[0] not in _LITTLE:
        yield words[0]
