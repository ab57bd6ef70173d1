"""The request's scoring arrays: per-artist components sum to the same total as per-track ones; the reasons' tags
picked as the numpy steps did."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import numpy as np
import pytest
from scipy import sparse

from segue.domain import FEATURE_NAMES
from segue.engine.reasons import RequestScoring, TrackReasons
from segue.engine.signals import CatalogSignals
from support.catalog import FakeCatalog


def test_per_artist_components_total_the_same_as_gathered_ones() -> None:
    rng = np.random.default_rng(3)
    track_artist = rng.integers(0, 50, size=400).astype(np.intp)
    colisten, tags = (rng.random(50, dtype=np.float32) for _ in range(2))
    mood = rng.random(400, dtype=np.float32)
    lazy, eager = RequestScoring(), RequestScoring()
    lazy.add_per_artist("colisten", colisten, 1.0, track_artist)
    lazy.add_per_artist("tags", tags, 0.6, track_artist)
    lazy.add("mood", mood, 0.2)
    eager.add("colisten", colisten[track_artist], 1.0)
    eager.add("tags", tags[track_artist], 0.6)
    eager.add("mood", mood, 0.2)
    assert lazy.total(400).tobytes() == eager.total(400).tobytes()  # the same float32 sums, bit for bit
    some = np.array([3, 7, 399], dtype=np.intp)
    assert lazy.at("tags", some).tolist() == eager.at("tags", some).tolist()
    assert lazy.at("mood", some).tolist() == mood[some].tolist()


def test_per_artist_components_come_first() -> None:
    scoring = RequestScoring()
    scoring.add("mood", np.zeros(4, dtype=np.float32), 0.2)
    with pytest.raises(ValueError, match="come before"):
        scoring.add_per_artist("colisten", np.zeros(2, dtype=np.float32), 1.0, np.zeros(4, dtype=np.intp))


def _style_by_numpy(
    m: sparse.csr_matrix, idx: int, listener: np.ndarray, shared_with: np.ndarray | None, names: list[str]
) -> list[str]:
    """The reasons' track style as numpy steps (the way it was computed before the plain-Python rows)."""
    start, end = int(m.indptr[idx]), int(m.indptr[idx + 1])
    cols = m.indices[start:end][np.argsort(-m.data[start:end], kind="stable")]
    cols = cols[listener[cols]]
    if shared_with is not None:
        cols = cols[shared_with[cols] > 0]
    return [names[int(c)] for c in cols[:2]]


def _shared_by_numpy(m: sparse.csr_matrix, artist: int, seed: int, listener: np.ndarray, names: list[str]) -> list[str]:
    """`TrackReasons.shared_tags` as numpy steps over float32 rows (a binary search for the common columns)."""
    a_cols, a_vals = m.indices[m.indptr[artist] : m.indptr[artist + 1]], m.data[m.indptr[artist] : m.indptr[artist + 1]]
    s_cols, s_vals = m.indices[m.indptr[seed] : m.indptr[seed + 1]], m.data[m.indptr[seed] : m.indptr[seed + 1]]
    if s_cols.size == 0:
        return []
    at = np.minimum(np.searchsorted(s_cols, a_cols), s_cols.size - 1)
    both = (s_cols[at] == a_cols) & listener[a_cols]
    top = a_cols[both][np.argsort(-(a_vals[np.flatnonzero(both)] * s_vals[at[both]]), kind="stable")[:2]]
    return [names[int(c)] for c in top]


def test_style_and_shared_tags_pick_as_numpy_did_ties_and_float32_products_included() -> None:
    rng = np.random.default_rng(11)
    n_rows, n_tags = 60, 30
    # Few distinct weights, so ties (and products equal only once rounded to float32) are common.
    dense = rng.choice([0.0, 0.0, 0.0, 0.1, 0.3, 0.3, 0.7, 1.0 / 3.0, 0.2 + 1e-8], size=(n_rows, n_tags))
    matrix = sparse.csr_matrix(dense.astype(np.float32))
    names = [f"tag{c}" for c in range(n_tags)]
    listener = rng.random(n_tags) < 0.7
    listener[0] = False
    catalog = FakeCatalog.build()
    catalog.track_tags, catalog.artist_tags, catalog.artist_style = matrix, matrix, matrix
    catalog.tag_names = names
    catalog.n_artists = catalog.n_tracks = n_rows
    signals = SimpleNamespace(catalog=catalog, listener_column=listener, artist_tags_csr=matrix)
    reasons = TrackReasons(cast(CatalogSignals, signals))
    profile = rng.choice([0.0, 0.5], size=n_tags).astype(np.float32)
    for idx in range(n_rows):
        assert reasons._track_style(idx, listener_only=True, shared_with=profile) == _style_by_numpy(
            matrix, idx, listener, profile, names
        )
        assert reasons._track_style(idx) == _style_by_numpy(matrix, idx, np.ones(n_tags, bool), None, names)
        for seed in range(0, n_rows, 7):
            assert reasons.shared_tags(idx, seed) == _shared_by_numpy(matrix, idx, seed, listener, names)


def test_shared_tags_tie_as_float32_products_do() -> None:
    # 0.1 x 1.0 and 0.30122921 x 0.33197314 are one float32 (0.1) but not one double: the earlier tag comes first.
    u, v = np.float32(0.30122920870780945), np.float32(0.331973135471344)
    assert u * v == np.float32(0.1)
    assert float(u) * float(v) > float(np.float32(0.1))
    matrix = sparse.csr_matrix(np.array([[0.1, u, 0.0], [1.0, v, 0.05]], dtype=np.float32))
    catalog = FakeCatalog.build()
    catalog.tag_names = ["first", "second", "third"]
    signals = SimpleNamespace(catalog=catalog, listener_column=np.ones(3, dtype=bool), artist_tags_csr=matrix)
    assert TrackReasons(cast(CatalogSignals, signals)).shared_tags(0, 1) == ["first", "second"]


def test_a_song_heard_as_a_mood_names_the_mood_tags_it_carries_not_its_style() -> None:
    """Nils Frahm's song is tagged 'rock, post rock' most strongly; 'sleep' reads its piano and ambient tags."""
    names = ["rock", "post rock", "piano", "ambient", "pop"]
    tracks = sparse.csr_matrix(np.array([[0.9, 0.8, 0.1, 0, 0], [0.9, 0, 0, 0, 0], [0, 0, 0, 0, 1.0]], np.float32))
    artists = sparse.csr_matrix(np.array([[0.5, 0, 0.2, 0.4, 0], [0, 0, 0, 0, 1.0]], np.float32))
    catalog = FakeCatalog.build()
    catalog.track_tags, catalog.tag_names = tracks, names
    catalog.tag_index = lambda name: names.index(name) if name in names else None  # type: ignore[method-assign]
    signals = SimpleNamespace(
        catalog=catalog, listener_column=np.ones(5, bool), artist_tags_csr=artists, track_artist=np.array([0, 0, 1])
    )
    reasons = TrackReasons(cast(CatalogSignals, signals))
    assert reasons.heard_tags(0, ("sleep",)) == ["piano", "ambient"]  # its own first, then its artist's
    assert reasons.heard_tags(1, ("sleep",)) == ["ambient", "piano"]  # its artist's, strongest first
    assert reasons.heard_tags(0, ("sleep",), named=["piano"]) == ["ambient", "piano"]  # the genre asked for last
    assert reasons.heard_tags(2, ("sleep",)) == []  # nothing of the mood: no reason rather than its style


def test_sounds_like_quotes_only_numbers_close_to_the_seeds_and_needs_two() -> None:
    """'sounds like Joni Mitchell: danceability 0.54' for Dancing Queen (energy 0.88 against her 0.3)."""
    features = np.full((2, len(FEATURE_NAMES)), np.nan, dtype=np.float32)
    at = {name: i for i, name in enumerate(FEATURE_NAMES)}
    features[0, [at["energy"], at["danceability"], at["acousticness"]]] = [0.88, 0.54, 0.10]
    features[1, [at["energy"], at["danceability"], at["acousticness"]]] = [0.36, 0.45, 0.71]
    signals = SimpleNamespace(
        catalog=FakeCatalog.build(), listener_column=np.ones(1, bool), track_artist=np.array([5, 6]), features=features
    )
    scoring = RequestScoring(sound_seed="Joni Mitchell")
    scoring.sound_values = {"energy": 0.3, "danceability": 0.55, "acousticness": 0.7}
    reasons = TrackReasons(cast(CatalogSignals, signals))
    assert reasons._seed_reason("sound", 0, scoring, 0.3) is None
    said = reasons._seed_reason("sound", 1, scoring, 0.3)
    assert said is not None
    assert said.text == "sounds like Joni Mitchell: danceability 0.45, energy 0.36"
    # An electric seed's acousticness says nothing ('acoustic 0.00' beside 0.01): danceability and energy must do.
    scoring.sound_values = {"energy": 0.75, "danceability": 0.5, "acousticness": 0.05}
    features[1, [at["energy"], at["danceability"], at["acousticness"]]] = [0.95, 0.52, 0.04]
    assert reasons._seed_reason("sound", 1, scoring, 0.3) is None


def test_shared_tags_never_name_a_decade_the_song_is_not_from() -> None:
    """ "shares tags with Soda Stereo: 80s" for a song of 1971."""
    matrix = sparse.csr_matrix(np.array([[0.9, 0.5, 0.2], [0.8, 0.6, 0.3]], dtype=np.float32))
    catalog = FakeCatalog.build()
    catalog.tag_names = ["80s", "rock", "1970s"]
    signals = SimpleNamespace(catalog=catalog, listener_column=np.ones(3, dtype=bool), artist_tags_csr=matrix)
    reasons = TrackReasons(cast(CatalogSignals, signals))
    assert reasons.shared_tags(0, 1) == ["80s", "rock"]  # an artist's tags, no song in question
    assert reasons.shared_tags(0, 1, year=1971) == ["rock", "1970s"]
    assert reasons.shared_tags(0, 1, year=1984) == ["80s", "rock"]


def test_a_weak_tie_to_a_seed_is_said_before_a_popularity_figure() -> None:
    """Cuco sat on Tame Impala's playlists, a row trusted little for him, and was explained as 'popular: 76/100'."""
    from segue.domain import Novelty, Query
    from segue.engine.signals import ArtistAffinity

    catalog = FakeCatalog.build()
    signals = CatalogSignals(catalog)
    n = catalog.n_artists
    zeros, none = np.zeros(n, np.float32), np.full(n, -1, np.int32)
    playlists, by = zeros.copy(), none.copy()
    playlists[4], by[4] = 0.03, 0  # Willow (folk) on Volt's playlists, below the reasons' floor
    scoring = RequestScoring(seed_names={0: "Volt"})
    scoring.affinity = ArtistAffinity(zeros, none, zeros, none, playlists, by)
    song = int(np.flatnonzero(signals.track_artist == 4)[0])
    reasons = TrackReasons(signals)._one(song, {"playlists": 0.8 * 0.03}, True, scoring, Query(text="x"))
    assert [r.text for r in reasons] == ["often on playlists with Volt"]
    nothing = TrackReasons(signals)._one(song, {}, True, scoring, Query(text="x", novelty=Novelty.BALANCED))
    assert [r.kind for r in nothing] == ["popularity"]
