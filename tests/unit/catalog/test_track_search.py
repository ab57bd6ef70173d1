"""Track look-up on small known lists: "title by artist" readings, artist forms, versions ranked by popularity."""

from __future__ import annotations

import numpy as np
import pytest

from segue.catalog.lookup import NameIndex, artist_search_key, base_search_key, search_key
from segue.catalog.track_search import TrackNames, readings, search_tracks


def test_readings() -> None:
    assert readings("Creep by Radiohead") == [("Creep", "Radiohead")]
    assert readings("Radiohead - Creep") == [("Radiohead", "Creep"), ("Creep", "Radiohead")]
    assert readings("creep") == []
    assert readings("Creep - 2011 Remaster") == []  # a version suffix, not an artist


TITLES = [("Creep", 0), ("Creep", 1), ("Creep - Live", 0), ("Karma Police", 0), ("bad guy", 2)]
ARTISTS = ["Radiohead", "TLC", "Billie Eilish"]


@pytest.fixture
def tracks() -> tuple[NameIndex, TrackNames, list[np.ndarray], np.ndarray]:
    artists = NameIndex([artist_search_key(a) for a in ARTISTS], np.array([0.9, 0.5, 0.95], dtype=np.float32))
    pop = np.array([0.8, 0.6, 0.3, 0.7, 0.9], dtype=np.float32)
    keys = [search_key(t) for t, _ in TITLES]
    bases = [base_search_key(t) for t, _ in TITLES]
    names = TrackNames(NameIndex(bases, pop), keys, bases)
    by_artist = [np.array([i for i, (_, a) in enumerate(TITLES) if a == k], dtype=np.int32) for k in range(3)]
    return artists, names, by_artist, pop


def find(tracks: tuple[NameIndex, TrackNames, list[np.ndarray], np.ndarray], text: str) -> list[int]:
    artists, names, by_artist, pop = tracks
    return [i for i, _ in search_tracks(artists, names, by_artist.__getitem__, pop, text, 5)]


def test_track_by_artist_forms(tracks: tuple[NameIndex, TrackNames, list[np.ndarray], np.ndarray]) -> None:
    assert find(tracks, "creep by tlc")[0] == 1
    assert find(tracks, "Creep - TLC")[0] == 1
    assert find(tracks, "TLC - Creep")[0] == 1
    assert find(tracks, "creep tlc")[0] == 1  # no separator: trailing words name an artist
    assert find(tracks, "billie eilish bad guy")[0] == 4
    assert find(tracks, "creep by radiohed")[0] == 0  # typo in the artist part


def test_bare_title_ranks_versions_by_popularity(
    tracks: tuple[NameIndex, TrackNames, list[np.ndarray], np.ndarray],
) -> None:
    found = find(tracks, "creep")
    assert found[:3] == [0, 1, 2]  # both exact "Creep"s (popular first), then the live version
    artists, names, by_artist, pop = tracks
    scores = dict(search_tracks(artists, names, by_artist.__getitem__, pop, "creep", 5))
    assert scores[0] == scores[1] == 100.0
    assert 90.0 <= scores[2] < 100.0


def test_a_floor_keeps_only_titles_that_reach_it(
    tracks: tuple[NameIndex, TrackNames, list[np.ndarray], np.ndarray],
) -> None:
    artists, names, by_artist, pop = tracks
    loose = dict(search_tracks(artists, names, by_artist.__getitem__, pop, "creeep", 5))
    assert loose  # a typo is still found without a floor
    assert max(loose.values()) < 97.0
    assert search_tracks(artists, names, by_artist.__getitem__, pop, "creeep", 5, 97.0) == []
    exact = search_tracks(artists, names, by_artist.__getitem__, pop, "bad guy", 5, 97.0)
    assert [i for i, _ in exact] == [4]
    assert exact[0][1] >= 97.0
