"""An era beside seeds ('like fleetwood mac but newer', 'lana del rey but older') reaches past the seeds' own
neighbours when the era keeps out most of them: those neighbours relay the likeness to their own neighbours.

The era is a hard mask, and an act's neighbours are mostly of its own time: Fleetwood Mac's are 70s acts, Lana Del
Rey's 2010s ones. With them masked out, what was left ranked by a weak shared tag or by sound alone (Filipino
pop-rock for Fleetwood Mac, Maroon 5 and Usher for Lana Del Rey, 'popular: 60/100' as the only reason). The acts
their neighbours are close to, and that the era admits, are the seeds' wider circle; each counts what its relay
counts for the seeds, times `RELAY_SHARE`, and its reason names the relay ('shares listeners with Stevie Nicks').
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from segue.domain import Query
from segue.engine.signals import ArtistAffinity, CatalogSignals, FloatArray

__all__ = ["LINKED", "RELAYS", "RELAY_SHARE", "TAGS_ALONE", "era_beside_seeds", "widened"]

RELAYS = 12
"""The seeds' nearest artists, of those the era keeps out, whose own neighbours are asked."""
RELAY_SHARE = 0.5
"""What a relay's neighbour counts, as a share of the relay's own closeness to the seeds."""
TAGS_ALONE = 0.5
"""What shared tags count, in a widened circle, for an artist no seed or relay is heard with."""
LINKED = 0.15
"""Closeness heard (co-listening and co-playlisting, weighted as ranked) from which an artist the era admits is the
seeds' own neighbour; with such artists for fewer than half the songs asked for, the circle widens (with more, as
for 'like u2 but newer', the relays' acts only crowded out the seeds' own: Interpol, The Killers)."""


def era_beside_seeds(query: Query) -> bool:
    """Whether the request bounds the era or the artists' start beside named seeds, not asking for their songs."""
    era = query.artists_from is not None or query.year_min is not None or query.year_max is not None
    return era and not query.by_artists


def widened(
    signals: CatalogSignals,
    aff: ArtistAffinity,
    seeds: Sequence[int],
    admitted: NDArray[np.bool_],
    count: int,
    weights: tuple[float, float, float],
) -> tuple[ArtistAffinity, list[int]]:
    """The seeds' affinity with their wider circle merged in (each artist keeps its larger value, and the seed
    or relay that gave it), and the relays; unchanged, with no relays, while the era (`admitted`: the tracks the
    request admits) keeps the seeds' own neighbours for at least half of `count`. `weights`: co-listening,
    co-playlisting and shared tags as the ranking weighs them."""
    w_colisten, w_playlists, w_tags = weights
    heard = w_colisten * aff.colisten + w_playlists * aff.playlists
    closeness = heard + w_tags * aff.tags
    kept = np.zeros(closeness.size, dtype=bool)
    kept[signals.track_artist[admitted]] = True
    # Heard together, not only tagged alike: a broad tag likeness is what the thin answers were ranked by.
    if int(np.count_nonzero((heard >= LINKED) & kept)) * 2 >= count:
        return aff, []
    outside = np.where(kept, 0.0, closeness)
    outside[np.asarray(seeds, dtype=np.intp)] = 0.0
    near = np.flatnonzero(outside > 0)  # sorting these alone keeps argsort's order over all, at a fraction of it
    relays = [int(a) for a in near[np.argsort(-outside[near], kind="stable")][:RELAYS]]
    best = float(closeness.max())
    if not relays or best <= 0:
        return aff, []
    shares = [RELAY_SHARE * float(outside[a]) / best for a in relays]
    far = signals.artist_affinity(relays, shares, tracks_only=True)
    # The relays' tag likeness (their lists and their summed profile) counts their share too, as the rest does.
    merged = ArtistAffinity(
        *_larger(aff.colisten, aff.colisten_seed, far.colisten, far.colisten_seed),
        *_larger(aff.tags, aff.tags_seed, far.tags * np.float32(RELAY_SHARE), far.tags_seed),
        *_larger(aff.playlists, aff.playlists_seed, far.playlists, far.playlists_seed),
    )
    # With the circle widened, tags alike and nothing heard (no seed's or relay's listeners, no shared playlist) is
    # the weakest likeness left: pop-rock from Manila shared Fleetwood Mac's 'rock, soft rock' and nothing else.
    merged.tags[(merged.colisten <= 0) & (merged.playlists <= 0)] *= np.float32(TAGS_ALONE)
    for seed in seeds:
        merged.colisten[seed] = merged.tags[seed] = merged.playlists[seed] = 0.0
    return merged, relays


def _larger(
    near: FloatArray, near_seed: NDArray[np.int32], far: FloatArray, far_seed: NDArray[np.int32]
) -> tuple[FloatArray, NDArray[np.int32]]:
    """Per artist the larger of the two values and the seed (or relay) that gave it."""
    wider = far > near
    return np.where(wider, far, near).astype(np.float32), np.where(wider, far_seed, near_seed).astype(np.int32)
