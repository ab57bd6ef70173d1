"""Novelty twists beside seeds narrow the pool only as far as songs enough stay (`segue.engine.novelty`)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import numpy as np

from segue.engine.novelty import MIN_COLISTENED, MIN_POOL, few_colistened, less_known_than, near_seeds, year_ranks
from segue.engine.signals import ArtistAffinity, CatalogSignals


def _signals(artist_pop: list[float], track_artist: list[int], measured: list[bool]) -> CatalogSignals:
    artists = np.asarray(track_artist, dtype=np.int32)
    popularity = np.asarray(artist_pop, dtype=np.float32)
    fake = SimpleNamespace(
        track_artist=artists,
        measured=np.asarray(measured, dtype=bool),
        artist_popularity=popularity,
        artist_renown=popularity[artists],
    )
    return cast(CatalogSignals, fake)


def _affinity(colisten: list[float]) -> ArtistAffinity:
    values = np.asarray(colisten, dtype=np.float32)
    none = np.full(values.size, -1, dtype=np.int32)
    zeros = np.zeros(values.size, dtype=np.float32)
    return ArtistAffinity(
        colisten=values, colisten_seed=none, tags=zeros, tags_seed=none, playlists=zeros, playlists_seed=none
    )


def test_less_mainstream_than_a_star_is_below_the_stars_peers() -> None:
    """The star (0.98), two peers (0.92, 0.90) and two less known artists (0.70, 0.60), three songs each."""
    sig = _signals([0.98, 0.92, 0.90, 0.70, 0.60], [a for a in range(5) for _ in range(3)], [True] * 15)
    mask = np.ones(15, dtype=bool)
    alone = less_known_than(sig, [0], [], mask, count=1)
    assert alone is not None
    assert set(np.flatnonzero(alone) // 3) == {1, 2, 3, 4}  # below the star alone, its peers stay
    with_peers = less_known_than(sig, [0], [1, 2], mask, count=1)
    assert with_peers is not None
    # well below the peers' median (0.91 - LESS_KNOWN_STEP): a peer at 0.90 is as known as the star's peers
    assert set(np.flatnonzero(with_peers) // 3) == {3, 4}
    assert less_known_than(sig, [0], [1, 2], mask, count=MIN_POOL + 1) is None  # nine songs: too few for twelve


def test_more_popular_keeps_to_the_seeds_measured_neighbours_when_enough() -> None:
    """Artist 1 is near the seed with three charted songs, artist 2 near with unmeasured ones, artist 3 far."""
    sig = _signals([0.9, 0.8, 0.5, 0.99], [1, 1, 1, 2, 2, 2, 3, 3, 3], [True] * 3 + [False] * 3 + [True] * 3)
    aff = _affinity([1.0, 0.9, 0.5, 0.0])
    mask = np.ones(9, dtype=bool)
    assert list(np.flatnonzero(near_seeds(sig, mask, aff, count=1))) == [0, 1, 2]
    assert list(np.flatnonzero(near_seeds(sig, mask, aff, count=2))) == [0, 1, 2, 3, 4, 5]
    assert near_seeds(sig, mask, aff, count=3) is mask  # too few near: unchanged


def test_a_songs_rank_in_its_year_measures_how_known_it_was_then() -> None:
    """'best songs of the 2010s' was ten songs of 2019: the 2020 charts hold a decade's last year highest."""
    year = np.asarray([2010, 2010, 2019, 2019, 2019, 2019, 2012], dtype=np.int16)
    popularity = np.asarray([0.80, 0.60, 0.99, 0.97, 0.95, 0.10, 0.0], dtype=np.float32)
    measured = np.asarray([True, True, True, True, True, True, False])
    ranks = year_ranks(year, popularity, measured)
    assert ranks[0] == 1.0  # 2010's best known outranks 2019's third
    assert ranks[0] > ranks[4]
    assert ranks[1] == 0.5
    assert ranks[2] == 1.0
    assert ranks[6] == 0.0  # unmeasured


def test_co_playlisting_speaks_when_too_few_co_listened_artists_keep_a_song() -> None:
    """Artist 0 is the seed; artists 1..MIN_COLISTENED+1 are co-listened, two songs each; an excluded genre takes
    the songs of most of them out of the answer."""
    n = MIN_COLISTENED + 2
    track_artist = np.repeat(np.arange(n, dtype=np.int32), 2)
    colisten = [0.0] + [0.9] * (n - 1)

    def family_tracks(artists: list[int]) -> np.ndarray:
        return np.flatnonzero(np.isin(track_artist, artists))

    fake = SimpleNamespace(track_artist=track_artist, family_tracks=family_tracks, catalog=SimpleNamespace(n_artists=n))
    sig = cast(CatalogSignals, fake)
    everything = np.ones(track_artist.size, dtype=bool)
    assert not few_colistened(sig, _affinity(colisten), everything)
    rappers_out = everything & (track_artist > n - MIN_COLISTENED)  # fewer than MIN_COLISTENED artists keep songs
    assert few_colistened(sig, _affinity(colisten), rappers_out)
    assert not few_colistened(sig, _affinity([0.0] * n), rappers_out)  # no co-listening row: nothing to add
