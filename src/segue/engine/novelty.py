"""The pool a novelty twist beside seeds draws from: 'like X but less mainstream', 'like X but more popular'.

Apart from the recommender because both only narrow a candidate mask by how known artists are and how near they
are to the seeds; each leaves the mask as it was when too few songs would stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from segue.domain import Novelty, Query
from segue.engine.signals import ArtistAffinity, CatalogSignals, FloatArray

__all__ = [
    "DECADE_SPAN",
    "FAMILIAR_NEAR",
    "LESS_KNOWN_MARGIN",
    "LESS_KNOWN_STEP",
    "MIN_POOL",
    "decade",
    "few_colistened",
    "less_known_than",
    "near_seeds",
    "popularity",
    "year_ranks",
]

LESS_KNOWN_MARGIN = 0.05
LESS_KNOWN_STEP = 0.06
"""How far under the seeds' typical neighbour a 'less known' act sits: at their median, 'bandas poco conocidas
parecidas a radiohead' was The Verve, Weezer and Beck (a star's peers are stars); now Doves, Editors, Elbow."""
"""How much less known than the least known seed an artist must be for 'less mainstream' (artist popularity 0..1)."""
MIN_POOL = 3
"""Songs per asked-for track that must stay after a narrowing, else it is dropped (an obscure seed has few below)."""
FAMILIAR_NEAR = 0.2
"""An artist's closeness to the seeds (each seed's best neighbour 1) from which 'like X but more popular' takes it."""


def near_seeds(signals: CatalogSignals, mask: NDArray[np.bool_], aff: ArtistAffinity, count: int) -> NDArray[np.bool_]:
    """'like john coltrane but more popular': the seeds' better-known neighbours, not the charts (The Weeknd,
    Roddy Ricch): chart popularity outweighed a seed whose neighbours have few songs here. Unchanged when too
    few songs are near enough. Songs a chart measured first: a netlabel's jazz is no better known."""
    near = np.maximum(np.maximum(aff.colisten, aff.playlists), aff.tags) >= FAMILIAR_NEAR
    narrowed = mask & near[signals.track_artist]
    for pool in (narrowed & signals.measured, narrowed):
        if int(pool.sum()) >= MIN_POOL * count:
            return pool
    return mask


MIN_COLISTENED = 8
"""Co-listened artists with songs the request admits, below which co-playlisting speaks beside co-listening."""


def few_colistened(signals: CatalogSignals, aff: ArtistAffinity, mask: NDArray[np.bool_]) -> bool:
    """'like drake but no rap': the seeds' co-listened artists of 2011 (Lil Wayne, Nicki Minaj) are out of the
    answer and the few left (Mýa, Keri Hilson) cannot fill it, while his co-playlisted ones (The Weeknd, Bryson
    Tiller, PARTYNEXTDOOR) were never asked: co-playlisting speaks only for seeds nobody co-listened. True when
    fewer than `MIN_COLISTENED` co-listened artists keep a song the request admits."""
    near = np.flatnonzero(aff.colisten >= FAMILIAR_NEAR)
    if near.size == 0:  # no co-listening row: co-playlisting speaks already
        return False
    tracks = signals.family_tracks(near.tolist())
    kept = signals.track_artist[tracks[mask[tracks]]]
    present = np.zeros(signals.catalog.n_artists, dtype=bool)
    present[kept] = True
    return int(present[near].sum()) < MIN_COLISTENED


def less_known_than(
    signals: CatalogSignals, seeds: Sequence[int], near: Sequence[int], mask: NDArray[np.bool_], count: int
) -> NDArray[np.bool_] | None:
    """'Like Coldplay but less mainstream', 'hidden gems like Radiohead': artists less known than the seeds
    (Travis, Doves, Editors, not Blur and The Beatles) and than the seeds' nearest artists (`near`): a star's peers
    are all less known than the star, and 'the weeknd but less mainstream' is no Shawn Mendes. None when too few
    such songs qualify."""
    popularity = signals.artist_popularity
    cap = float(popularity[list(seeds)].min()) - LESS_KNOWN_MARGIN
    if near:
        cap = min(cap, float(np.median(popularity[list(near)])) - LESS_KNOWN_STEP)
    narrowed = mask & (signals.artist_renown < cap)
    return narrowed if int(narrowed.sum()) >= MIN_POOL * count else None


DECADE_SPAN = 10
"""Eras this short are ranked by popularity within each year when the songs should be well known."""


def year_ranks(year: NDArray[np.int16], popularity: NDArray[np.float32], measured: NDArray[np.bool_]) -> FloatArray:
    """Per track, its popularity's rank among the measured songs of its year (0..1, 1 the year's best known;
    unmeasured 0). Popularity is what a streaming service measured in 2020, so a decade's last year held every
    place of 'best songs of the 2010s' (Dance Monkey, The Box); within its year, 'Rolling in the Deep' is as known."""
    out = np.zeros(year.size, dtype=np.float32)
    known = np.flatnonzero(measured)
    order = known[np.lexsort((popularity[known], year[known]))]  # by year, then popularity, ascending
    years = year[order]
    starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
    sizes = np.diff(np.r_[starts, years.size])
    rank = np.arange(years.size) - np.repeat(starts, sizes)
    out[order] = ((rank + 1) / np.repeat(sizes, sizes)).astype(np.float32)
    return out


UNHEARD_DEEP = 0.0
"""Share of the deep-cut credit a song gets whose artist no listener tagged or co-listened."""


def decade(query: Query) -> bool:
    """An era short enough to rank by popularity within each year ('the 2010s', 'the 90s')."""
    low, high = query.year_min, query.year_max
    return low is not None and high is not None and high - low < DECADE_SPAN


def popularity(
    signals: CatalogSignals,
    query: Query,
    novelty: Novelty,
    known: NDArray[np.bool_],
    ranks: FloatArray | None = None,
) -> FloatArray:
    """The popularity component the novelty dial asks for: the songs' popularity, its rank within their year
    (`ranks`, for a decade's best-known songs), or for deep cuts how little known song and artist are. `known`:
    artists listeners tagged or co-listened."""
    pop = signals.popularity
    if novelty is not Novelty.DEEP:
        return pop if ranks is None else ranks
    # "Like Coldplay but less mainstream" wants Doves and Elbow, not Radiohead's B-sides: unless the artist was named
    # ("deep cuts by X"), the artist's renown counts as much as the song's.
    renown = pop if query.by_artists else 0.5 * (pop + signals.artist_renown)
    # A gem is a song listeners know little of by an artist they know, not a netlabel track nobody played ('hidden
    # gems' was ten of those at popularity 0).
    return np.where(known, 1.0 - renown, UNHEARD_DEEP * (1.0 - renown)).astype(np.float32)
