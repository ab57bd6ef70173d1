"""Helpers of the engine's per-request signals."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from segue.engine.neighbours import FULL_LISTENERS
from segue.engine.signals import CatalogSignals, _best_over_seeds, _max_except, top_tags_per_row
from support.catalog import FakeCatalog


def test_max_except_skips_the_seeds_and_leaves_the_array_as_it_was() -> None:
    values = np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32)
    assert _max_except(values, [0, 2]) == np.float32(0.4)
    assert _max_except(values, [0, 0]) == np.float32(0.7)  # a seed named twice
    assert values.tolist() == np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32).tolist()


def test_max_except_is_zero_when_every_position_is_skipped() -> None:
    values = np.array([0.5, 0.3], dtype=np.float32)
    assert _max_except(values, [1, 0, 1]) == 0.0


def _top_by_rows(dense: np.ndarray, k: int, least: float) -> list[list[int]]:
    """Each row's kept columns, the slow way: the k largest (ties: the earlier column), those reaching `least`."""
    kept = []
    for row in dense:
        ranked = sorted((c for c in range(row.size) if row[c] != 0), key=lambda c: (-row[c], c))[:k]
        kept.append(sorted(c for c in ranked if row[c] >= least))
    return kept


@pytest.mark.parametrize("sign", [1.0, -1.0])  # all weights positive (the sort on one integer key), or not
def test_top_tags_per_row_keeps_the_k_largest_earlier_column_on_ties(sign: float) -> None:
    rng = np.random.default_rng(7)
    dense = rng.choice([0.0, 0.0, 0.05, 0.12, 0.3, 0.3, 0.5, 1.0, 3e-9], size=(60, 12)).astype(np.float32)
    dense[0, 3] = sign * 0.2
    for k in (1, 2, 5):
        top = top_tags_per_row(sparse.csr_matrix(dense), k, min_weight=0.1)
        assert [top.indices[a:b].tolist() for a, b in zip(top.indptr, top.indptr[1:], strict=False)] == (
            _top_by_rows(dense, k, 0.1)
        )


def _best_slowly(
    ids: np.ndarray, scores: np.ndarray, seeds: list[int], weights: list[float], n: int
) -> tuple[list[float], list[int]]:
    """`_best_over_seeds` one seed at a time, without its shortcuts (a seed's row scaled to a best of its weight)."""
    best, source = np.zeros(n, dtype=np.float32), np.full(n, -1, dtype=np.int32)
    for seed, w in zip(seeds, weights, strict=True):
        valid = ids[seed] >= 0
        top = scores[seed][valid].max(initial=-np.inf)
        row = (np.float32(w) * scores[seed]) / np.float32(top) if top > 0 else scores[seed]
        for b, v in zip(ids[seed][valid], row[valid], strict=True):
            if v > 0 and v > best[b]:
                best[b], source[b] = v, seed
    return best.tolist(), source.tolist()


@pytest.mark.parametrize(
    "weights", [[0.0, 0.0, 0.0], [1.0, 0.0, 0.8], [0.0], [1.0]], ids=["none", "some", "one-zero", "one"]
)
def test_best_over_seeds_matches_one_seed_at_a_time_zero_weights_included(weights: list[float]) -> None:
    rng = np.random.default_rng(3)
    n = 40
    ids = rng.integers(-1, n, size=(n, 6)).astype(np.int32)
    scores = rng.choice([0.0, 0.1, 0.25, 0.5, 0.9], size=(n, 6)).astype(np.float32)
    seeds = [4, 17, 30][: len(weights)]
    best, source = _best_over_seeds(ids, scores, seeds, weights, n)
    assert (best.tolist(), source.tolist()) == _best_slowly(ids, scores, seeds, weights, n)


def test_seed_tag_profile_is_shared_read_only_and_unit_length() -> None:
    signals = CatalogSignals(FakeCatalog.build())
    profile = signals.seed_tag_profile([0, 1])
    assert profile is not None
    assert signals.seed_tag_profile((0, 1)) is profile  # the request's second read is the first one's array
    assert not profile.flags.writeable
    assert float(np.linalg.norm(profile)) == pytest.approx(1.0)
    assert signals.seed_tag_profile([]) is None


def _playlisted_seed(listeners: int, playlists: int) -> tuple[CatalogSignals, int]:
    """Volt (electronic) co-listened by `listeners` people, and on `playlists` playlists beside Willow (folk)."""
    catalog = FakeCatalog.build()
    volt, willow = 0, 4
    catalog.artist_listeners[volt] = listeners
    catalog.artist_playlists[volt] = playlists
    catalog.artist_playlist_neighbors[volt, 0] = willow
    catalog.artist_playlist_neighbor_scores[volt, 0] = 0.4
    return CatalogSignals(catalog), willow


def test_a_well_listened_seed_speaks_through_co_listening_alone() -> None:
    signals, willow = _playlisted_seed(listeners=FULL_LISTENERS, playlists=8)
    aff = signals.artist_affinity([0])
    assert aff.playlists[willow] == 0.0
    assert aff.colisten.max() > 0.0


def test_thin_co_listening_cedes_to_the_seeds_playlists_as_far_as_they_are_many() -> None:
    signals, _ = _playlisted_seed(listeners=FULL_LISTENERS, playlists=8)
    full = signals.artist_affinity([0]).colisten.max()
    thin, thin_willow = _playlisted_seed(listeners=2, playlists=8)
    aff = thin.artist_affinity([0])
    assert aff.colisten.max() == pytest.approx(full * 2 / FULL_LISTENERS)
    assert aff.playlists[thin_willow] > 0.0
    assert aff.playlists_seed[thin_willow] == 0
    one_playlist, _ = _playlisted_seed(listeners=2, playlists=1)
    assert 0.0 < one_playlist.artist_affinity([0]).playlists[thin_willow] < aff.playlists[thin_willow]
