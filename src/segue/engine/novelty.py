"""The pool a novelty twist beside seeds draws from: 'like X but less mainstream', 'like X but more popular'.

Apart from the recommender because both only narrow a candidate mask by how known artists are and how near they
are to the seeds; each leaves the mask as it was when too few songs would stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from segue.engine.signals import ArtistAffinity, CatalogSignals

__all__ = ["FAMILIAR_NEAR", "LESS_KNOWN_MARGIN", "MIN_POOL", "less_known_than", "near_seeds"]

LESS_KNOWN_MARGIN = 0.05
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
        cap = min(cap, float(np.median(popularity[list(near)])))
    narrowed = mask & (signals.artist_renown < cap)
    return narrowed if int(narrowed.sum()) >= MIN_POOL * count else None
