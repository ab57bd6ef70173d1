"""The MMR pass on a hand-made pool: caps per artist family, one version of a song, new artists first."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

import numpy as np

from segue.domain import EntityRef, Query
from segue.engine.diversify import Pool, diversify, fair_share
from segue.engine.signals import CatalogSignals


def _signals(families: list[int], features: bool = True) -> CatalogSignals:
    n = len(families)
    rng = np.random.default_rng(3)
    fake: Any = SimpleNamespace(
        track_family=np.array(families, dtype=np.int32),
        z=rng.random((n, 9), dtype=np.float32),
        has_features=np.full(n, features),
    )
    return cast(CatalogSignals, fake)


def _pool(families: list[int], scores: list[float]) -> Pool:
    total = np.array(scores, dtype=np.float64)
    return Pool(_signals(families), np.argsort(-total, kind="stable"), total)


def _same_song(idx: int) -> str:
    return f"song {idx}"


def test_second_songs_wait_for_new_artists_that_score_nearly_as_well() -> None:
    pool = _pool([0, 0, 0, 1, 2, 3], [1.0, 0.99, 0.98, 0.9, 0.85, 0.8])
    chosen = diversify(pool, 4, Query(), cap=2, song=_same_song)
    assert chosen == [0, 3, 4, 5]  # artist 0 once, then the three others, though its second song scores higher


def test_an_artist_families_cap_holds_when_the_pool_runs_out() -> None:
    pool = _pool([0, 0, 0, 0, 1], [1.0, 0.99, 0.98, 0.97, 0.1])
    chosen = diversify(pool, 5, Query(), cap=2, song=_same_song)
    assert sorted(chosen) == [0, 1, 4]


def test_one_version_of_a_song_and_never_a_seed_track_again() -> None:
    pool = _pool([0, 0, 1, 2], [1.0, 0.99, 0.5, 0.4])
    versions = {0: "creep", 1: "creep", 2: "karma police", 3: "no surprises"}
    seed = Query(seed_tracks=(EntityRef(3, "t3", "No Surprises"),))
    chosen = diversify(pool, 4, seed, cap=3, song=versions.__getitem__)
    assert chosen == [0, 2]  # the live 'Creep' and the seed song's other copy stay out


def test_one_song_by_two_acts_comes_once_unless_the_acts_were_named() -> None:
    pool = _pool([0, 1, 2, 3, 4], [1.0, 0.99, 0.5, 0.4, 0.3])
    songs = {0: "hallelujah", 1: "hallelujah", 2: "9 crimes", 3: "creep", 4: "creep"}
    assert diversify(pool, 3, Query(), cap=2, song=songs.__getitem__) == [0, 2, 3]  # the cover stays out
    covered = Query(seed_tracks=(EntityRef(4, "t4", "Creep"),))  # nor another act's take on the seed song
    assert diversify(pool, 3, covered, cap=2, song=songs.__getitem__) == [0, 2]
    by = Query(by_artists=(EntityRef(0, "a0", "Leonard Cohen"), EntityRef(1, "a1", "Jeff Buckley")))
    assert diversify(pool, 2, by, cap=2, song=songs.__getitem__) == [0, 1]


def test_songs_by_an_artist_are_not_held_back_for_variety() -> None:
    pool = _pool([0, 0, 0, 1], [1.0, 0.99, 0.98, 0.2])
    by = Query(by_artists=(EntityRef(0, "a0", "Radiohead"),))
    assert diversify(pool, 3, by, cap=3, song=_same_song) == [0, 1, 2]


def test_an_empty_pool_gives_nothing() -> None:
    pool = Pool(_signals([0]), np.array([], dtype=np.intp), np.zeros(1))
    assert diversify(pool, 5, Query(), cap=2, song=_same_song) == []


def test_diversify_similarity_scale_is_the_old_expression_to_the_bit() -> None:
    import numpy as np

    # `_Greedy.took` divides the squared distance by -2n once instead of `-0.5 * d / n`: halving is exact, so both
    # round -d / 2n once; checked over squared distances of every size, zero and tiny ones included.
    rng = np.random.default_rng(5)
    d = np.concatenate(
        [rng.random(20_000, dtype=np.float32) * scale for scale in (1e-30, 1e-3, 1.0, 9.0, 1e3)]
        + [np.array([0.0, 1e-38, 1e-45], dtype=np.float32)]
    ).astype(np.float32)
    for n in (9, 3):
        assert np.array_equal(np.exp(d / np.float32(-2 * n)), np.exp(-0.5 * d / n))


def test_each_act_gets_its_share_and_a_small_one_leaves_the_rest_to_the_others() -> None:
    assert fair_share(10, [50]) == 10
    assert fair_share(10, [50, 40]) == 5
    assert fair_share(10, [50, 1, 40]) == 5  # one song of ABBA's: five each for the other two
    assert fair_share(10, [2, 2, 2]) == 10  # too few in all: no cap binds
