"""Comparatives beside seeds are relative to the seeds' own sound (`segue.engine.twists`)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from segue.domain import FEATURE_NAMES, EntityRef, FeatureRange, Query
from segue.engine.twists import STEPS, comparative, relative_to_seeds, twisted


def test_a_comparative_is_a_step_beyond_the_seeds_average() -> None:
    """'lana del rey but more upbeat' demanded energy 0.7 and up whatever Lana's own; 'rammstein but less hard'
    capped energy at 0.9, above Rammstein's own songs."""
    ranges = (
        FeatureRange("energy", low=0.7, target=0.8, because="more upbeat"),
        FeatureRange("energy", high=0.9, because="not heavy"),
        FeatureRange("tempo", low=140.0, because="faster"),
    )
    moved = relative_to_seeds(ranges, {"energy": 0.5, "tempo": 110.0})
    assert moved[0] == FeatureRange("energy", low=0.65, because="more upbeat")
    assert moved[1] == FeatureRange("energy", high=0.425, because="not heavy")  # 'less' and 'not': half a step
    assert moved[2] == FeatureRange("tempo", low=125.0, because="faster")


def test_an_absolute_mood_or_an_unknown_feature_keeps_its_bounds() -> None:
    """'daft punk but chill' is chill as such; a range on a feature without a step, or with no seed average, stays."""
    chill = FeatureRange("energy", high=0.55, target=0.4, because="chill")
    speech = FeatureRange("speechiness", high=0.1, because="less talky")
    both = FeatureRange("energy", low=0.2, high=0.6, because="more relaxed")
    assert relative_to_seeds((chill, speech, both), {"energy": 0.9, "speechiness": 0.3}) == (chill, speech, both)
    assert relative_to_seeds((FeatureRange("valence", low=0.7, because="happier"),), {}) == (
        FeatureRange("valence", low=0.7, because="happier"),
    )
    assert comparative("happier")
    assert comparative("more upbeat")
    assert not comparative("chill")


def test_only_the_feature_a_comparative_is_about_moves() -> None:
    """'the weeknd but darker' also demanded more energy than his own (the dark mood's energy floor, re-anchored)
    and answered with festival remixes: the word's first range moves, its others keep their bounds."""
    darker = (
        FeatureRange("valence", high=0.25, because="darker"),
        FeatureRange("energy", low=0.45, because="darker"),
    )
    moved = relative_to_seeds(darker, {"valence": 0.35, "energy": 0.6})
    assert moved == (FeatureRange("valence", high=0.2, because="darker"), darker[1])


def _query(*, seeds: tuple[int, ...], features: tuple[FeatureRange, ...]) -> Query:
    refs = tuple(EntityRef(index=i, id=f"a{i}", name=f"A{i}") for i in seeds)
    return Query(text="x", seed_artists=refs, features=features)


def test_a_seed_with_few_measured_songs_is_heard_with_its_nearest_artists() -> None:
    """Mitski has two measured songs here: 'like mitski but more energetic' kept the absolute floor (energy 0.87:
    Death Grips). Her nearest artists' songs stand in for her sound; a seed with songs enough needs none."""
    features = np.full((40, len(FEATURE_NAMES)), np.nan, dtype=np.float32)
    energy = FEATURE_NAMES.index("energy")
    features[0:2, energy] = 0.3  # the seed's two songs
    features[10:20, energy] = 0.5  # its neighbour's ten
    features[20:30, energy] = 0.9  # another artist, not a neighbour
    songs = {0: np.arange(0, 2), 1: np.arange(10, 20), 2: np.arange(20, 30), 3: np.arange(30, 35)}
    features[30:35, energy] = 0.2

    def tracks_of(artist: int) -> npt.NDArray[np.int32]:
        return songs[artist].astype(np.int32)

    floor = FeatureRange("energy", low=0.87, target=0.93, because="more energetic")
    alone = twisted(_query(seeds=(0,), features=(floor,)), tracks_of, features)
    assert alone.features == (floor,)  # two songs are no sound: the absolute floor stays
    heard = twisted(_query(seeds=(0,), features=(floor,)), tracks_of, features, lambda a: [1])
    mean = (2 * 0.3 + 10 * 0.5) / 12
    assert heard.features[0].low == round(mean + STEPS["energy"], 3)
    enough = twisted(_query(seeds=(3,), features=(floor,)), tracks_of, features, lambda a: [2])
    assert enough.features[0].low == round(0.2 + STEPS["energy"], 3)  # its own five songs, not the neighbour's
