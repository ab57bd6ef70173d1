"""Track lookup from free text: "title", "title - artist", "title by artist" or "artist - title".

Every reading of the text is tried and the best-scoring track wins: the whole text as a title, and each split at a
separator with the artist resolved first, which narrows the title match to that artist's few tracks (fast, and
"creep by radiohead" cannot land on someone else's "Creep"). Without a separator ("bad guy billie eilish"), a
leading or trailing run of words that is exactly an artist's name (an O(1) dict probe per split) gives the reading.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz

from segue.catalog.lookup import (
    FUZZY_CUTOFF,
    POPULARITY_WEIGHT,
    NameIndex,
    artist_search_key,
    base_search_key,
    search_key,
)
from segue.text import base_title

ARTIST_MIN = 75.0
"""An artist part must match a catalog artist at least this well before its tracks are searched."""

TITLE_MIN = 60.0
CONFIDENT = 90.0
"""A reading with an exactly named artist and a title this close settles the lookup: no fuzzy pass needed."""

ARTIST_SHARE = 0.3
"""Score of a split reading = 0.7 x title similarity + 0.3 x artist similarity."""

VERSION_SCORE = 99.0
"""A version whose song matches exactly ("I Don't Care (with Justin Bieber)" for "i dont care") scores just below
an exact title, so popularity, not a stray exact namesake, decides between them."""

_SEPARATORS = re.compile(r"\s+(?:-|\u2013|\u2014|by)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TrackNames:
    """What track lookup reads: an index over song (base) keys, plus full-title keys for exact scoring."""

    songs: NameIndex
    keys: list[str]
    bases: list[str]

    def score(self, query: str, i: int) -> float:
        """Similarity of a query (a `search_key`) to track i's title, 0..100."""
        if self.keys[i] == query:
            return 100.0
        return max(float(fuzz.ratio(query, self.keys[i])), min(VERSION_SCORE, float(fuzz.ratio(query, self.bases[i]))))


def _is_decoration(part: str) -> bool:
    """True for a version suffix ('2011 Remaster', 'Radio Edit', 'Live'): the dash is part of the title."""
    return base_title(f"x - {part}") == "x"


def readings(text: str) -> list[tuple[str, str]]:
    """(title part, artist part) for every separator position; 'by' reads only title-first."""
    out: list[tuple[str, str]] = []
    for match in _SEPARATORS.finditer(text):
        left, right = text[: match.start()].strip(), text[match.end() :].strip()
        if not left or not right or _is_decoration(right):
            continue
        out.append((left, right))
        if match.group(0).strip().lower() != "by":
            out.append((right, left))
    return out


def word_readings(text: str, artists: NameIndex) -> list[tuple[str, int]]:
    """(title words, artist index) where the text's first or last words are exactly a known artist."""
    words = search_key(text).split()
    out: list[tuple[str, int]] = []
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if (a := artists.exact(artist_search_key(tail))) is not None:
            out.append((head, a))
        if (a := artists.exact(artist_search_key(head))) is not None:
            out.append((tail, a))
    return out


def search_tracks(
    artists: NameIndex,
    names: TrackNames,
    tracks_of: Callable[[int], NDArray[np.int32]],
    popularity: NDArray[np.float32],
    text: str,
    limit: int,
    least: float = 0.0,
) -> list[tuple[int, float]]:
    """Up to `limit` (track index, score 0..100), best first, each scoring at least `least`.

    Cheapest readings first, stopping at the first confident hit: exact artist probes (O(1)), then the whole text
    as a title over every track (one fuzzy pass), then misspelt artist parts (one fuzzy pass each). A caller that
    takes only near-exact titles says so with `least`: the title pass then compares only titles of a length that
    can reach it, several times fewer (the parser's title probes were a tenth of the bot's CPU per /recommend).
    """
    if limit <= 0:
        return []
    best: dict[int, float] = {}

    def offer(i: int, score: float) -> None:
        if score > best.get(i, -1.0):
            best[i] = score

    def offer_titles(title: str, artist: int, artist_score: float) -> None:
        query = search_key(title)
        for i in tracks_of(artist).tolist():
            t_score = names.score(query, i)
            if t_score >= TITLE_MIN:
                offer(i, (1 - ARTIST_SHARE) * t_score + ARTIST_SHARE * artist_score)

    split = readings(text)
    unresolved: list[tuple[str, str]] = []
    for title, artist in split:
        a = artists.exact(artist_search_key(artist))
        if a is None:
            unresolved.append((title, artist))
        else:
            offer_titles(title, a, 100.0)
    if not split:
        for title, a in word_readings(text, artists):
            offer_titles(title, a, 100.0)
    if max(best.values(), default=0.0) < CONFIDENT:
        query = search_key(text)
        # Retrieve by song so every version of it is a candidate; score against the full titles.
        cutoff = max(FUZZY_CUTOFF, least)
        for i, _ in names.songs.search(base_search_key(text), 3 * limit, enough=limit, cutoff=cutoff):
            offer(i, names.score(query, i))
    if max(best.values(), default=0.0) < CONFIDENT:
        # Last, the expensive reading: a misspelt artist after a separator ("creep by radiohed").
        for title, artist in unresolved:
            for a, a_score in artists.search(artist_search_key(artist), 3, cutoff=ARTIST_MIN):
                if a_score >= ARTIST_MIN:
                    offer_titles(title, a, a_score)
    pop = np.nan_to_num(popularity, nan=0.0)
    kept = [(i, score) for i, score in best.items() if score >= least]
    ranked = sorted(kept, key=lambda item: -(item[1] + POPULARITY_WEIGHT * float(pop[item[0]])))
    return ranked[:limit]
