"""The last step of a recommendation: a greedy MMR pass that picks a diverse handful from the ranked pool.

Score minus penalties for a repeated artist and a similar sound; hard caps of a few songs per artist family and one
version of a song (remaster, live...). Vectorized over the pool, so a pick costs a handful of numpy operations
instead of a Python loop.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from segue.domain import Query
from segue.engine.signals import CatalogSignals, FloatArray

__all__ = ["REPEAT_SLACK", "SEED_BALANCE", "Pool", "diversify", "fair_share"]

SEED_BALANCE = 0.15
"""Share of a track's score lost per earlier pick from the same seed or genre, so several share the answer."""
SHORT_ANSWER = 7
"""Answers up to this long hold one song per artist while a new artist fits nearly as well (longer ones 8 of 10),
unless their genre was met through its acts."""
REPEAT_SLACK = 0.3
"""A second song by an artist yields to a new artist scoring at least 70% as well (see `_fresh_alternative`)."""
SHORT_SLACK = 0.5
"""In a short answer, to one scoring at least half as well: five songs 'like Daft Punk' held Justice twice where
Bob Sinclar fit."""


@dataclass(frozen=True, slots=True)
class Pool:
    """The ranked candidates and what the pass reads of them: scores over the catalog, each track's seed or genre
    of origin when several share the answer."""

    signals: CatalogSignals
    order: NDArray[np.intp]
    total: FloatArray
    origin: NDArray[np.int32] | None = None


def diversify(
    pool: Pool,
    count: int,
    query: Query,
    *,
    cap: int,
    song: Callable[[int], str],
    title: Callable[[int], str] | None = None,
) -> list[int]:
    """Up to `count` tracks from the top of the pool, at most `cap` per artist family, no two versions of one song
    (`song` gives a track's song key) and no one title by two acts (`title`, a cheap precomputed key; `song` when
    not given).

    A second song by an artist comes only after the answer holds enough different artists (at least 8 of 10, all
    of a short answer's) unless the pool runs out; "songs by X" is exempt.
    """
    picks = _Greedy(pool, count)
    if picks.size == 0:
        return []
    # Tracks in the answer (and the seed tracks) per artist family: two versions of one song share a family, so
    # song keys are compared only when a family comes back, not computed for every pick.
    taken: dict[int, list[int]] = {}
    for t in query.seed_tracks:
        taken.setdefault(int(pool.signals.track_family[t.index]), []).append(t.index)
    # Nor one song twice by two acts: 'songs to cry to' held Jeff Buckley's and Leonard Cohen's 'Hallelujah', which
    # reads as a repeat; songs by named acts keep each act's own ('songs by X and Y' may share a title).
    titled = song if title is None else title
    sung: set[str] = set() if query.by_artists else {titled(t.index) for t in query.seed_tracks}
    # Second songs wait until the answer has its distinct artists (8 of 10; all of a short answer's) while a new
    # artist fits nearly as well: five songs 'like the Strokes' are five bands.
    # A genre met through its acts ('bachata': Romeo Santos, Aventura) keeps their second songs before neighbours.
    short = count <= SHORT_ANSWER and not query.played_by
    repeats_from = 0 if query.by_artists else count if short else count - count // 5
    slack = SHORT_SLACK if short and pool.origin is None else REPEAT_SLACK  # several seeds keep their balance
    per_artist: dict[int, int] = {}
    chosen: list[int] = []
    while len(chosen) < count and picks.alive.any():
        pos = picks.best()
        if per_artist.get(int(picks.artists[pos]), 0) >= 1 and len(chosen) < repeats_from:
            fresh = picks.alive & (picks.repeats == 0)  # artists not yet heard
            pos = _fresh_alternative(picks.value, pos, fresh, slack)
        picks.drop(pos)
        idx, artist = int(picks.tracks[pos]), int(picks.artists[pos])
        if artist in taken and song(idx) in {song(t) for t in taken[artist]}:
            continue
        if not query.by_artists:
            if (key := titled(idx)) in sung:
                continue
            sung.add(key)
        taken.setdefault(artist, []).append(idx)
        chosen.append(idx)
        per_artist[artist] = per_artist.get(artist, 0) + 1
        if len(chosen) < count:  # the penalties the last pick adds would weigh no further pick
            picks.took(pos, full=per_artist[artist] >= cap)
    return chosen


class _Greedy:
    """The pool's arrays and the penalties that grow with each pick."""

    def __init__(self, pool: Pool, count: int) -> None:
        sig = pool.signals
        self.tracks = np.asarray(pool.order[: max(count * 12, 60)], dtype=np.int64)
        self.size = self.tracks.size
        score = pool.total[self.tracks].astype(np.float32)
        self.artists = sig.track_family[self.tracks]  # a line-up and its leader share the per-artist cap
        self.z = sig.z[self.tracks]
        self.has = sig.has_features[self.tracks]
        self.max_sim = np.zeros(self.size, dtype=np.float32)
        self.repeats = np.zeros(self.size, dtype=np.float32)
        self.leaning = np.zeros(self.size, dtype=np.float32)
        self.seed_of = None if pool.origin is None else pool.origin[self.tracks]
        self.scale = np.abs(score)
        self.leans = False  # until a pick leans, the seed-balance term is zero and left out
        self.alive = np.ones(self.size, dtype=bool)
        self.live = score.copy()  # the score where alive, -inf where not: `live - penalty` is the value, one step
        self.value = self.live

    def best(self) -> int:
        """The position of the best value now: score less the repeat, sound and seed-balance penalties."""
        penalty = 0.15 * self.repeats + 0.1 * self.max_sim
        if self.leans:
            penalty += SEED_BALANCE * self.leaning * self.scale
        self.value = self.live - penalty
        return int(self.value.argmax())

    def drop(self, pos: int) -> None:
        self.alive[pos] = False
        self.live[pos] = -np.inf

    def took(self, pos: int, *, full: bool) -> None:
        """A pick joins the answer: its artist repeats, its seed leans, its sound is near the rest."""
        same = self.artists == self.artists[pos]
        self.repeats += same
        if self.seed_of is not None and self.seed_of[pos] >= 0:  # "a mix of X and Y": the next pick leans away
            self.leaning[self.seed_of == self.seed_of[pos]] += 1.0
            self.leans = True
        if full:
            self.alive &= ~same
            self.live[same] = -np.inf
        if self.has[pos]:
            diff = self.z - self.z[pos]
            # d / (-2n) is `-0.5 * d / n` to the bit: halving is exact, so both round -d / 2n once.
            sim = np.exp(np.einsum("ij,ij->i", diff, diff) / np.float32(-2 * self.z.shape[1]))
            np.maximum(self.max_sim, sim, out=self.max_sim, where=self.has)  # tracks without features stay 0


def fair_share(count: int, sizes: Sequence[int]) -> int:
    """The most songs one of several acts may have in an answer of `count` so each gets its share: an act with
    fewer songs than its share gives the rest to the others ('songs by queen, abba and the beatles': ABBA has one
    song here, so Queen and The Beatles five each, not a Bowie song to fill)."""
    left, acts = count, len(sizes)
    for size in sorted(sizes):
        share = -(-left // acts)
        if size >= share:
            return share
        left, acts = left - size, acts - 1
    return count


def _fresh_alternative(value: FloatArray, pos: int, fresh: NDArray[np.bool_], slack: float) -> int:
    """The best not-yet-heard artist's track when it scores close enough to this repeat, else the repeat.

    Close means within `slack` of the repeat's value (`REPEAT_SLACK`): a small catalog niche keeps its second songs
    rather than pulling in artists that do not fit.
    """
    if not fresh.any():
        return pos
    candidates = np.where(fresh, value, -np.inf)
    best = int(np.argmax(candidates))
    here = float(value[pos])
    return best if float(candidates[best]) >= here - slack * abs(here) else pos
