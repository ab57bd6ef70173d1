"""What the named seeds reach: a request steered by its seeds alone answers only songs tied to them."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from segue.engine.reasons import RequestScoring
from segue.engine.signals import FloatArray

__all__ = ["NEAR_TAGS", "SEED_TIES", "seed_neighbours", "seeds_reach"]

SEED_TIES = frozenset({"colisten", "playlists", "tags", "bridge", "sound", "track_tags", "home", "sung_home"})
"""The scores that tie a song to the named seeds: a seeds-only request answers nothing tied by none of them."""
NEAR_TAGS = 0.25
"""Shared-style likeness from which an artist counts as a seed's neighbour for a mood's admission by tags."""


def seeds_reach(
    scoring: RequestScoring,
    order: NDArray[np.intp],
    everything: NDArray[np.intp],
    total: FloatArray,
    pool: int,
    *,
    near: NDArray[np.bool_] | None = None,
) -> NDArray[np.intp]:
    """The ranked pool (`order`) without songs the seeds reach by no signal: only the seeds steer, so such a song
    is the chart, not an answer ('like gothic II soundtrack', one co-listener's taste, was Sonic Mayhem and then
    Roddy Ricch, Maroon 5, The Weeknd). When the pool held some, the rest of the candidates (`everything`) are
    looked at, best first, up to `pool`. With `near` (per track: its artist is a neighbour of the seeds), only
    those: beside a mood, which filters the songs, a style shared a little ('electronica') reached EDM."""

    def tied(tracks: NDArray[np.intp]) -> NDArray[np.bool_]:
        return _tied(scoring, tracks) if near is None else near[tracks]

    if tied(order).all():
        return order
    reached = everything[tied(everything)]
    if not reached.size and near is not None:  # no neighbour at all ('the orchestra', an act no one co-listens)
        return order
    return reached[np.argsort(-total[reached], kind="stable")][:pool]


def _tied(scoring: RequestScoring, tracks: NDArray[np.intp]) -> NDArray[np.bool_]:
    """Which tracks the seeds reach by any of `SEED_TIES`."""
    tied = np.zeros(tracks.size, dtype=bool)
    for name in SEED_TIES.intersection(scoring.components):
        tied |= scoring.at(name, tracks) > 0
    return tied


def seed_neighbours(scoring: RequestScoring, track_artist: NDArray[np.intp]) -> NDArray[np.bool_]:
    """Per track, whether its artist is a neighbour of the seeds: co-listened, on their playlists, or sharing their
    style at `NEAR_TAGS` (a weaker likeness let netlabel psytrance into 'drum and bass like pendulum, something
    aggressive', admitted by the mood's tags)."""
    near: NDArray[np.bool_] | None = None
    for name, least in (("colisten", 0.0), ("playlists", 0.0), ("tags", NEAR_TAGS)):
        if (values := scoring.per_artist.get(name)) is not None:
            near = values > least if near is None else near | (values > least)
    if near is None:
        return np.zeros(track_artist.size, dtype=bool)
    return near[track_artist]
