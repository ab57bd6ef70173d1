"""Picking the candidate pool out of a request's scores: its top by value, a few per artist, seeds in turn.

Apart from the recommender because these are plain array steps over a score and its groups, with no catalog in
them, and each must keep the exact order the answers depend on.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from segue.engine.signals import ArtistAffinity, FloatArray

TOP_SAMPLE_STEP = 16
"""Every how many candidates the pool's bound is sampled from (see `distinct_top`)."""


def distinct_top(values: FloatArray, k: int) -> NDArray[np.intp] | None:
    """Positions of the `k` largest values when no two of them are equal and all are above the rest: then any
    selection keeps exactly these and sorts them one way, so a bound from a sample narrows the selection to a
    few hundred values first. None otherwise (ties, or a sample that bounded too few), for the full selection.
    """
    sample = values[::TOP_SAMPLE_STEP]
    rank = 2 * k // TOP_SAMPLE_STEP  # the sample's bound lets about twice k values through
    if sample.size <= rank:
        return None
    bound = np.partition(sample, sample.size - rank)[sample.size - rank]
    above = np.flatnonzero(values >= bound)
    if above.size <= k:
        return None
    narrowed = values[above]
    part = np.argpartition(-narrowed, k)
    top = part[:k]
    best = np.sort(narrowed[top])
    # Strictly above the best value left out (every value outside `above` is below the bound, hence below it too),
    # and all different.
    if not best[0] > narrowed[part[k]] or bool((best[1:] == best[:-1]).any()):
        return None
    found: NDArray[np.intp] = above[top]
    return found


def top_per_group(values: FloatArray, groups: NDArray[np.int32], k: int) -> NDArray[np.intp] | None:
    """Positions of about `k` large values shared evenly between the groups (>= 0), each group's largest; None
    with fewer than two groups. 'A mix of jazz and lo-fi hip hop': the pool of the `k` largest was all jazz (the
    chart knows jazz standards, not netlabel beats), so no pick could lean the other way."""
    keys = np.unique(groups[groups >= 0])
    if keys.size < 2:
        return None
    share = max(1, k // int(keys.size))
    picks = []
    for key in keys.tolist():
        members = np.flatnonzero(groups == key)
        if members.size > share:
            members = members[np.argpartition(-values[members], share)[:share]]
        picks.append(members)
    found: NDArray[np.intp] = np.sort(np.concatenate(picks))
    return found


def rank_within_group(groups: NDArray[np.int32]) -> NDArray[np.int64]:
    """Each item's position among the earlier items of its own group (0 for a group's first), vectorized."""
    size = groups.size
    ranked = np.argsort(groups, kind="stable")  # by group, earlier items first (np.r_ and lexsort cost more)
    sorted_groups = groups[ranked]
    starts = np.concatenate(([0], np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1))
    rank = np.empty(size, dtype=np.int64)
    rank[ranked] = np.arange(size) - np.repeat(starts, np.diff(np.append(starts, size)))
    return rank


def first_per_group(order: NDArray[np.intp], groups: NDArray[np.int32], limit: int) -> NDArray[np.intp]:
    """`order` keeping only the first `limit` items of each group (order otherwise unchanged)."""
    return order[rank_within_group(groups) < limit]


def interleave(order: NDArray[np.intp], groups: NDArray[np.int32]) -> NDArray[np.intp]:
    """`order` re-ranked round-robin over its groups (each keeps its own order); -1 counts as a group of its own."""
    return order[np.lexsort((np.arange(order.size), rank_within_group(groups)))]


def seed_origin(
    aff: ArtistAffinity | None, seeds: list[int], track_artist: NDArray[np.intp]
) -> NDArray[np.int32] | None:
    """Per track, the position of the seed artist it is closest to (-1: none); None with fewer than two seeds, so
    `interleave` gives each seed its best in turn."""
    if aff is None or len(seeds) < 2:
        return None
    by_colisten = (aff.colisten >= aff.tags) & (aff.colisten >= aff.playlists)
    by_playlists = ~by_colisten & (aff.playlists >= aff.tags)
    source = np.where(by_colisten, aff.colisten_seed, np.where(by_playlists, aff.playlists_seed, aff.tags_seed))
    # Seed artist -> its (last) position among the seeds, as a table: one gather instead of a Python loop over
    # every artist with an origin (the loop was half of /discover's time with 50 liked tracks).
    table = np.full(aff.colisten.size, -1, dtype=np.int32)
    backwards = np.asarray(seeds, dtype=np.intp)[::-1]
    unique, first_from_end = np.unique(backwards, return_index=True)
    table[unique] = (len(seeds) - 1 - first_from_end).astype(np.int32)
    position = np.where(source >= 0, table[np.maximum(source, 0)], -1).astype(np.int32)
    origin: NDArray[np.int32] = position[track_artist]
    return origin
