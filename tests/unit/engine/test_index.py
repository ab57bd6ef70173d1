"""Vector search: exact is exactly right, HNSW is right enough, and the factory, files and edges behave."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from numpy.typing import NDArray
from scipy.spatial.distance import cdist

from segue.engine import index as index_module
from segue.engine.index import (
    DEFAULT_ANN_THRESHOLD,
    EmptyIndexError,
    ExactIndex,
    HnswIndex,
    HnswParams,
    IndexFileError,
    VectorIndex,
    build_index,
)
from segue.errors import CatalogError

Vectors = NDArray[np.float32]


def clustered(n: int, d: int, *, seed: int, clusters: int = 32) -> Vectors:
    """Standardized Gaussian mixture with clusters of uneven size and spread, like audio features by genre.

    Cluster scales 0.3..1.0 match the Spotify features' neighbour-distance ratios (see bench/bench_ann.py).
    """
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((clusters, d))
    label = rng.choice(clusters, size=n, p=rng.dirichlet(np.full(clusters, 0.7)))
    scales = np.exp(rng.uniform(np.log(0.3), np.log(1.0), size=(clusters, d)))
    x = centres[label] + rng.standard_normal((n, d)) * scales[label]
    z: Vectors = ((x - x.mean(axis=0)) / np.maximum(x.std(axis=0), 1e-3)).astype(np.float32)
    return z


def data_and_queries(n: int, m: int, d: int, *, seed: int) -> tuple[Vectors, Vectors]:
    """n items and m held-out queries from the same mixture (queries like a seed track, not from elsewhere)."""
    both = clustered(n + m, d, seed=seed)
    return both[:n], both[n:]


def reference_knn(data: Vectors, queries: Vectors, k: int) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Full float64 distance matrix from scipy and a stable full sort: slow, obvious, and ties go to the lower id."""
    dist = cdist(queries.astype(np.float64), data.astype(np.float64), metric="sqeuclidean")
    order = np.argsort(dist, axis=1, kind="stable")[:, :k]
    return order.astype(np.int64), np.take_along_axis(dist, order, axis=1)


def recall_at(found: NDArray[np.int64], truth: NDArray[np.int64]) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)]))


Builder = Callable[[Vectors], VectorIndex]
BUILDERS = [pytest.param(ExactIndex, id="exact"), pytest.param(HnswIndex.build, id="hnsw")]


# -- exact search -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("n", "d", "k"), [(1, 9, 1), (200, 9, 10), (2000, 16, 10), (1500, 64, 25), (300, 3, 300)])
def test_exact_matches_scipy_reference(n: int, d: int, k: int) -> None:
    data = clustered(n, d, seed=n + d)
    queries = clustered(40, d, seed=7)
    ids, dist = ExactIndex(data).search(queries, k)
    ref_ids, ref_dist = reference_knn(data, queries, k)
    np.testing.assert_array_equal(ids, ref_ids)
    np.testing.assert_allclose(dist, ref_dist, rtol=1e-6, atol=1e-6)
    assert ids.dtype == np.int64
    assert dist.dtype == np.float32


def test_exact_breaks_ties_by_lower_id_even_across_the_top_k_boundary() -> None:
    """Duplicate tracks (same recording on several releases) share a vector; which copies make the cut is fixed."""
    rng = np.random.default_rng(3)
    base = rng.standard_normal((50, 9)).astype(np.float32)
    data = np.concatenate([base, base, base])[rng.permutation(150)]
    queries = base[:10] + np.float32(0.01)
    ids, _ = ExactIndex(data).search(queries, 4)
    np.testing.assert_array_equal(ids, reference_knn(data, queries, 4)[0])


def test_exact_is_the_same_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    data = clustered(3000, 16, seed=11)
    queries = clustered(37, 16, seed=12)
    whole = ExactIndex(data).search(queries, 10)
    monkeypatch.setattr(index_module, "CHUNK_BYTES", 4 * 3000 * 5)  # 5 queries a block, 8 blocks, the last short
    chunked = ExactIndex(data).search(queries, 10)
    np.testing.assert_array_equal(chunked[0], whole[0])
    np.testing.assert_array_equal(chunked[1], whole[1])


@settings(max_examples=60, deadline=None)
@given(
    data=hnp.arrays(
        np.float32,
        st.tuples(st.integers(1, 60), st.integers(1, 8)),
        elements=st.floats(-1000, 1000, width=32, allow_subnormal=False),
    ),
    k=st.integers(1, 12),
    query_rows=st.lists(st.integers(0, 59), min_size=1, max_size=4),
    shift=st.floats(-3, 3, width=32),
)
def test_exact_property_true_top_k_on_adversarial_values(
    data: Vectors, k: int, query_rows: list[int], shift: float
) -> None:
    """Large, repeated and near-equal values stress the float32 screening; the answer must still be the top k."""
    queries = data[[r % data.shape[0] for r in query_rows]] + np.float32(shift)
    ids, dist = ExactIndex(data).search(queries, k)
    kk = min(k, data.shape[0])
    _, ref_dist = reference_knn(data, queries, kk)
    full = cdist(queries.astype(np.float64), data.astype(np.float64), metric="sqeuclidean")
    scale = 1e-6 * (1.0 + ref_dist.max())
    np.testing.assert_allclose(dist[:, :kk], ref_dist, rtol=0, atol=scale)
    np.testing.assert_allclose(np.take_along_axis(full, ids[:, :kk], axis=1), dist[:, :kk], rtol=0, atol=scale)
    assert all(len(set(row)) == kk for row in ids[:, :kk].tolist())


# -- HNSW quality ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("d", [9, 16, 64])
def test_hnsw_recall_at_10_for_seed_track_queries_with_default_parameters(d: int) -> None:
    data, queries = data_and_queries(20_000, 300, d, seed=d)
    found, dist = HnswIndex.build(data, num_threads=2).search(queries, 10)
    assert recall_at(found, ExactIndex(data).search(queries, 10)[0]) >= 0.95
    assert np.all(np.diff(dist, axis=1) >= 0)


@pytest.mark.parametrize(("d", "ef_search"), [(9, None), (16, None), (64, 512)])
def test_hnsw_recall_at_10_for_blended_seeds(d: int, ef_search: int | None) -> None:
    """Means of 3 tracks fall between clusters, where the graph is sparse: the defaults hold up to d=16; at d=64
    (full-rank clusters, the worst case for tag-extended vectors) it takes ef_search 512 (0.99; 0.89 at 128)."""
    data = clustered(20_000, d, seed=d)
    blends = data[np.random.default_rng(d).integers(0, len(data), size=(300, 3))].mean(axis=1)
    params: HnswParams = {"num_threads": 2} if ef_search is None else {"num_threads": 2, "ef_search": ef_search}
    found, _ = HnswIndex.build(data, **params).search(blends, 10)
    assert recall_at(found, ExactIndex(data).search(blends, 10)[0]) >= 0.95


# -- behaviour shared by both implementations -----------------------------------------------------------------------


@pytest.mark.parametrize("make", BUILDERS)
def test_a_stored_vector_finds_itself_first(make: Builder) -> None:
    data = clustered(500, 9, seed=5)
    index = make(data)
    ids, dist = index.search(data[42], 3)
    assert ids.shape == (1, 3)
    assert ids[0, 0] == 42
    assert dist[0, 0] == pytest.approx(0.0, abs=1e-5)
    assert len(index) == 500
    assert index.dim == 9
    assert index.nbytes >= data.nbytes


@pytest.mark.parametrize("make", BUILDERS)
def test_k_larger_than_the_index_pads_with_minus_one_and_inf(make: Builder) -> None:
    data = clustered(7, 9, seed=8)
    queries = clustered(3, 9, seed=9)
    ids, dist = make(data).search(queries, 10)
    ref_ids, ref_dist = reference_knn(data, queries, 7)
    assert ids.shape == dist.shape == (3, 10)
    np.testing.assert_array_equal(ids[:, :7], ref_ids)
    np.testing.assert_allclose(dist[:, :7], ref_dist, rtol=1e-5, atol=1e-5)
    assert np.all(ids[:, 7:] == -1)
    assert np.all(np.isposinf(dist[:, 7:]))


@pytest.mark.parametrize("make", BUILDERS)
def test_empty_index_raises_a_catalog_error(make: Builder) -> None:
    with pytest.raises(EmptyIndexError, match="0 vectors") as caught:
        make(np.empty((0, 9), dtype=np.float32))
    assert isinstance(caught.value, CatalogError)
    assert "no tracks" in caught.value.user_message


@pytest.mark.parametrize("make", BUILDERS)
@pytest.mark.parametrize(
    ("query", "k", "message"),
    [
        (np.zeros(8, dtype=np.float32), 3, "shape"),
        (np.zeros((2, 10), dtype=np.float32), 3, "shape"),
        (np.zeros((0, 9), dtype=np.float32), 3, "shape"),
        (np.full(9, np.nan, dtype=np.float32), 3, "NaN"),
        (np.zeros(9, dtype=np.float32), 0, "positive"),
        (np.zeros(9, dtype=np.float32), True, "positive"),
    ],
)
def test_bad_queries_are_rejected(make: Builder, query: Vectors, k: int, message: str) -> None:
    index = make(clustered(50, 9, seed=2))
    with pytest.raises(ValueError, match=message):
        index.search(query, k)


def test_bad_vectors_are_rejected() -> None:
    with pytest.raises(ValueError, match="2-D"):
        ExactIndex(np.zeros(9, dtype=np.float32))
    with pytest.raises(ValueError, match="NaN"):
        ExactIndex(np.array([[0.0, np.inf]], dtype=np.float32))


# -- factory --------------------------------------------------------------------------------------------------------


def test_factory_switches_to_hnsw_above_the_threshold() -> None:
    data = clustered(1001, 9, seed=4)
    at = build_index(data[:1000], threshold=1000)
    above = build_index(data, threshold=1000, M=8, ef_construction=40, ef_search=20)
    assert isinstance(at, ExactIndex)
    assert isinstance(above, HnswIndex)
    assert (above.M, above.ef_construction, above.ef_search) == (8, 40, 20)
    assert len(above) == 1001


def test_factory_default_threshold_keeps_todays_catalog_exact() -> None:
    assert DEFAULT_ANN_THRESHOLD >= 50_000
    assert isinstance(build_index(clustered(100, 9, seed=6)), ExactIndex)


# -- files ----------------------------------------------------------------------------------------------------------


def test_save_load_round_trip_gives_identical_results(tmp_path: Path) -> None:
    data = clustered(5000, 16, seed=13)
    queries = clustered(100, 16, seed=14)
    built = HnswIndex.build(data, M=12, ef_construction=60, ef_search=40)
    path = tmp_path / "catalog" / "tracks.hnsw"
    built.save(path)
    loaded = HnswIndex.load(path)
    assert (len(loaded), loaded.dim, loaded.M, loaded.ef_construction, loaded.ef_search) == (5000, 16, 12, 60, 40)
    before, after = built.search(queries, 10), loaded.search(queries, 10)
    np.testing.assert_array_equal(after[0], before[0])
    np.testing.assert_array_equal(after[1], before[1])
    assert HnswIndex.load(path, ef_search=200).ef_search == 200


def test_load_reports_missing_or_mismatched_files(tmp_path: Path) -> None:
    path = tmp_path / "tracks.hnsw"
    with pytest.raises(IndexFileError, match="incomplete"):
        HnswIndex.load(path)
    HnswIndex.build(clustered(100, 9, seed=15)).save(path)
    meta = path.with_name("tracks.hnsw.json")
    meta.write_text(meta.read_text().replace('"metric": "l2"', '"metric": "ip"'))
    with pytest.raises(IndexFileError, match="metric"):
        HnswIndex.load(path)
    meta.write_text("{not json")
    with pytest.raises(IndexFileError, match="unreadable"):
        HnswIndex.load(path)
