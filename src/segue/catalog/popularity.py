"""Popularity on one 0..1 scale for artists (HetRec listening + Spotify) and tracks (Spotify only).

HetRec counts listeners among 1,892 users; Spotify scores tracks 0..100. Each is log- or range-scaled to 0..1 and
combined as a noisy OR (1 - (1 - a)(1 - b)), so an artist famous in either dataset ranks high and one known in both
ranks higher still; averaging would instead punish Radiohead for old Spotify scores.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from segue.catalog.merge import Merged
from segue.text import display_title, normalize_name

FREEMUSICC_CEILING = 0.05
"""Artists known only from freemusicc (netlabel releases) sit below every artist with real listening data."""


VERSION_MARGIN = 0.001
"""How far below its song's best-known release another release of it ranks ('heroes bowie' is 'Heroes', not its
single version)."""


def _recording(title: str) -> str:
    """One key per recording across its reissues: 'Hey Jude - Remastered 2009' is 'Hey Jude', a live take is not."""
    return normalize_name(display_title(title))


def track_popularity(merged: Merged) -> NDArray[np.float32]:
    """Spotify popularity / 100 of the song, its best-known release by the same artist; NaN where unknown.

    A 0 is unknown too: 2,703 Spotify Songs rows score 0, and they are relinked copies and regional releases of
    known songs (Aqua's 'Around The World', The Neighbourhood's 'Heaven'), not deep cuts. A song is as known as its
    best-known version: '1979' on a 1995 release scored 14 beside the 2012 remaster's 76 and was called a deep cut.
    Only reissues of one recording share it (a live take or a remix is another), and only charted releases take it:
    a Creative Commons recording stays unmeasured.
    """
    own = [math.nan if not t.popularity else t.popularity / 100.0 for t in merged.tracks]
    # Each charted release's recording, once: the Creative Commons releases (popularity None) take no figure.
    keys = [None if t.popularity is None else (t.artist, _recording(t.title)) for t in merged.tracks]
    best: dict[tuple[int, str], float] = {}
    for key, pop in zip(keys, own, strict=True):
        if key is not None and not math.isnan(pop):
            best[key] = max(best.get(key, 0.0), pop)
    out = np.array(own, dtype=np.float32)
    for i, (key, pop) in enumerate(zip(keys, own, strict=True)):
        song = None if key is None else best.get(key)
        if song is not None and (math.isnan(pop) or pop < song):
            out[i] = song - VERSION_MARGIN  # the best-known release still ranks first among its versions
    return out


def artist_popularity(merged: Merged, track_pop: NDArray[np.float32]) -> NDArray[np.float32]:
    """0..1 relative to the most popular artist: noisy OR of the HetRec and Spotify components."""
    n = len(merged.artists)
    listening = merged.listening
    listeners = np.bincount(listening.artist, minlength=n).astype(np.float64)
    plays = np.bincount(listening.artist, weights=listening.plays, minlength=n)
    hetrec = 0.5 * np.log1p(listeners) / max(1e-9, math.log1p(listeners.max(initial=0.0)))
    hetrec += 0.5 * np.log1p(plays) / max(1e-9, math.log1p(plays.max(initial=0.0)))
    has_hetrec = listeners > 0

    artist_of = np.array([t.artist for t in merged.tracks], dtype=np.int64)
    known = ~np.isnan(track_pop)
    spotify = np.zeros(n, dtype=np.float64)
    # An artist is as popular as its best-known song, not its average deep cut.
    np.maximum.at(spotify, artist_of[known], track_pop[known].astype(np.float64))
    has_spotify = np.zeros(n, dtype=bool)
    has_spotify[artist_of[known]] = True

    track_count = np.bincount(artist_of, minlength=n).astype(np.float64)
    fallback = FREEMUSICC_CEILING * np.log1p(track_count) / max(1e-9, math.log1p(track_count.max(initial=0.0)))

    combined = 1.0 - (1.0 - np.where(has_hetrec, hetrec, 0.0)) * (1.0 - np.where(has_spotify, spotify, 0.0))
    score = np.where(has_hetrec | has_spotify, combined, fallback)
    top = score.max(initial=0.0)
    return (score / top if top > 0 else score).astype(np.float32)
