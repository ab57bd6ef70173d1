"""A comparative beside a seed is relative to the seed's own sound: 'like Lana Del Rey but more upbeat'.

A mood word's bounds are absolute ('upbeat': energy 0.7 and up, positivity 0.6 and up), right for 'upbeat songs'
but not for a twist on an artist: 'lana del rey but more upbeat' kept only songs far brighter than any of hers
and answered with EDM, and 'rammstein aber weniger hart' capped energy at 0.9, which Rammstein's own songs pass.
Beside seeds, a comparative ('happier', 'more upbeat', 'less heavy') asks for a step beyond the seeds' average in
its direction instead: more upbeat than Lana, less hard than Rammstein.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from segue.domain import FEATURE_NAMES, FeatureRange, Query

__all__ = ["COMPARATIVES", "STEPS", "comparative", "relative_to_seeds", "twisted"]

_COMPARATIVE_WORDS = """
    happier sadder softer calmer faster slower heavier harder darker brighter louder quieter chiller livelier
    gentler mellower angrier lighter groovier dancier moodier gloomier cheerier jollier punchier rawer
"""
COMPARATIVES = frozenset(_COMPARATIVE_WORDS.split())
"""Words that compare with what was named; 'more X', 'less X' and 'not X' (how 'less X' reads) compare too."""
STEPS: Mapping[str, float] = {
    "valence": 0.15,
    "energy": 0.15,
    "danceability": 0.1,
    "acousticness": 0.2,
    "tempo": 15.0,
    "loudness": 2.0,
}
"""How far beyond the seeds' average a comparative asks, per feature (others keep their absolute bounds)."""


MIN_ANCHORS = 3
"""Measured songs of the seeds from which their average is their sound."""
NEIGHBOURS = 5
NEIGHBOUR_SONGS = 10
"""A seed with fewer measured songs than `MIN_ANCHORS` is heard with this many of its nearest artists' songs each."""
LESS_SHARE = 0.5
"""Share of the step that 'less X' and 'not X' ask for ('less depressing' is not 'happier')."""


def comparative(because: str) -> bool:
    """Whether the words that asked for a range compare ('happier', 'more upbeat', 'not heavy')."""
    words = because.split()
    return bool(words) and (words[0] in ("more", "less", "not") or words[-1] in COMPARATIVES)


def relative_to_seeds(ranges: Sequence[FeatureRange], means: Mapping[str, float]) -> tuple[FeatureRange, ...]:
    """Each comparative's first range (the feature the word is about: positivity for 'darker', energy for 'less
    hard') re-anchored at the seeds' average (`means`) plus or minus its step: a floor becomes average + step, a
    ceiling average - step, and its target goes (the seeds rank what passes). 'Less' and 'not' ask half a step.
    The word's other ranges keep their bounds: 'the weeknd but darker' asked for more energy than his own and
    answered with festival remixes."""
    out = []
    seen: set[str] = set()
    for r in ranges:
        mean, step = means.get(r.feature), STEPS.get(r.feature)
        first = r.because not in seen
        seen.add(r.because)
        if (
            not first
            or mean is None
            or step is None
            or not comparative(r.because)
            or (r.low is None) == (r.high is None)
        ):
            out.append(r)
            continue
        step *= LESS_SHARE if r.because.split()[0] in ("less", "not") else 1.0
        if r.low is not None:
            out.append(replace(r, low=round(mean + step, 3), target=None))
        else:
            out.append(replace(r, high=round(mean - step, 3), target=None))
    return tuple(out)


def twisted(
    query: Query,
    tracks_of: Callable[[int], NDArray[np.int32]],
    features: NDArray[np.float32],
    neighbours: Callable[[int], Sequence[int]] | None = None,
) -> Query:
    """The query with its comparatives relative to the named seeds' own sound: the seed songs, else up to 50 songs
    of each of the first five seed artists (`features`: the catalog's per-track audio features, NaN unknown). The
    same query again is unchanged."""
    if not query.features:
        return query
    artists = [a.index for a in query.seed_artists[:5]]
    anchors = [t.index for t in query.seed_tracks] or [int(t) for a in artists for t in tracks_of(a)[:50]]
    means = _means(features, anchors)
    if neighbours is not None and artists and not query.seed_tracks and len(means) < len(FEATURE_NAMES):
        # One song is no artist's sound: Phoebe Bridgers' one song here is her brightest ('less depressing than her'
        # asked for positivity 0.7 and up), and with Mitski's two 'but more energetic' kept the absolute floor
        # (energy 0.87: Death Grips). A seed with few measured songs is heard with its nearest artists' songs.
        near = [int(t) for a in artists for b in neighbours(a)[:NEIGHBOURS] for t in tracks_of(b)[:NEIGHBOUR_SONGS]]
        means = {**_means(features, anchors + near), **means}
    return replace(query, features=relative_to_seeds(query.features, means))


def _means(features: NDArray[np.float32], anchors: Sequence[int]) -> dict[str, float]:
    """Per feature, the average over the anchors' measured values, where at least `MIN_ANCHORS` are measured."""
    if not anchors:
        return {}
    values = features[np.asarray(anchors, dtype=np.intp)]
    known = ~np.isnan(values)
    counts = known.sum(axis=0)
    sums = np.where(known, values, 0.0).sum(axis=0)
    return {name: float(sums[i] / counts[i]) for i, name in enumerate(FEATURE_NAMES) if counts[i] >= MIN_ANCHORS}
