"""Nearest-neighbour search over track vectors: exact brute force for small catalogs, HNSW for large ones.

One metric everywhere: squared Euclidean distance, smaller is closer. The engine already ranks tracks by a Gaussian
of the squared distance in standardized feature space (`CatalogSignals.feature_similarity`), so L2 keeps the index
and the scorer in agreement; hnswlib's "l2" space is squared L2 too.

Every `search` returns two (m, k) arrays: row ids (int64, the catalog's track index) and squared distances
(float32), nearest first. When k exceeds the number of items, the tail is padded with id -1 and distance +inf,
the same padding convention as the catalog's neighbour tables.
"""

from __future__ import annotations

import json
import math
import os
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, Final, Literal, TypedDict, Unpack

import hnswlib
import numpy as np
from numpy.typing import ArrayLike, NDArray

from segue.errors import CatalogError

IdArray = NDArray[np.int64]
DistArray = NDArray[np.float32]
Metric = Literal["l2"]

METRIC: Final[Metric] = "l2"

DEFAULT_ANN_THRESHOLD: Final = 300_000
"""Items above which `build_index` returns HNSW instead of exact search.

Measured by bench/bench_ann.py (d=16, one query at a time, 1 BLAS thread, CPU time on a shared 2-core box): exact
p99 was 1.56 ms at 250k, 1.68 ms at 300k, 2.75 ms at 400k and 8.6-11.6 ms at 1M, so the 2 ms budget is crossed
between 300k and 400k (≈330-360k over two runs). HNSW answers in ~0.2 ms at any size, but below the budget exact
search needs no build (1M: ~120 CPU-seconds), loses no recall (blends: 0.96 at 1M) and holds ~4x less memory.
300k is the largest measured size that stayed inside the budget; today's 50k catalog (0.3 ms) is far below it.
"""

DEFAULT_M: Final = 16
"""Graph degree. At 1M, d=16 (bench/bench_ann.py): M=8 (efc 64) needs ef 64 for recall@10 0.96 and stays at 0.92
on 3-track blends even at ef 256; M=16 gives 0.97 at ef 32 and 0.96 on blends at ef 128, for 203 MB vs 142 MB."""

DEFAULT_EF_CONSTRUCTION: Final = 100
"""Build beam. Dev grid at 1M on 2 threads (a tighter mixture than the bench's): efc 200 built in 92 s against 56 s
with no recall gain (0.987 vs 0.994 at ef 64); M=24 with efc 100 reached 0.997 but built in 130 s."""

DEFAULT_EF_SEARCH: Final = 128
"""Query beam. At 1M, M=16: recall@10 0.97 / 1.00 / 1.00 at ef 32 / 64 / 128 for seed-track queries but 0.81 / 0.90
/ 0.96 for 3-track blends, which land between clusters; CPU p99 0.08 / 0.11 / 0.19 ms, far inside the 5 ms target.
Raise it for wider vectors: blends at d=64 reach 0.89 at 128 and 0.99 at 512 (tests/unit/engine/test_index.py)."""

CHUNK_BYTES: Final = 64 * 2**20
"""Exact scores per block: 16 queries against 1M items (peak ~2.3x with the partition copy and the mask), where
1,000 queries unchunked would take 4 GB."""

_META_VERSION: Final = 1


class EmptyIndexError(CatalogError):
    """An index was asked for over zero vectors; there is nothing to search."""

    default_message = "The music catalog has no tracks with audio features to search."


class IndexFileError(CatalogError):
    """A saved HNSW index is missing, unreadable or does not match what the caller expects."""


class HnswParams(TypedDict, total=False):
    """Tuning knobs of `HnswIndex`; defaults are the module constants."""

    M: int
    ef_construction: int
    ef_search: int
    num_threads: int
    seed: int


class VectorIndex(ABC):
    """k-nearest-neighbour search by squared L2 over a fixed set of float32 vectors, ids = row numbers."""

    metric: Metric = METRIC

    @property
    @abstractmethod
    def dim(self) -> int:
        """Dimension of the indexed vectors."""

    @abstractmethod
    def __len__(self) -> int: ...

    @property
    @abstractmethod
    def nbytes(self) -> int:
        """Bytes the index holds in memory (vectors plus any graph), for capacity planning."""

    def search(self, query: ArrayLike, k: int) -> tuple[IdArray, DistArray]:
        """Ids and squared distances of the k nearest items to each query row, nearest first, shape (m, k)."""
        q = _as_queries(query, self.dim)
        if isinstance(k, bool) or not isinstance(k, int | np.integer) or k < 1:
            raise ValueError(f"k must be a positive integer, got {k!r}")
        k = int(k)
        kk = min(k, len(self))
        ids, dist = self._search(q, kk)
        if kk == k:
            return ids, dist
        pad_ids = np.full((q.shape[0], k), -1, dtype=np.int64)
        pad_dist = np.full((q.shape[0], k), np.inf, dtype=np.float32)
        pad_ids[:, :kk] = ids
        pad_dist[:, :kk] = dist
        return pad_ids, pad_dist

    @abstractmethod
    def _search(self, queries: NDArray[np.float32], k: int) -> tuple[IdArray, DistArray]:
        """Search validated (m, dim) float32 queries with 1 <= k <= len(self)."""


class ExactIndex(VectorIndex):
    """Brute force: one matrix product per block of queries, a linear-time selection, an exact re-rank.

    Scores are ||x||²/2 - q·x (same order as ||q - x||²) computed by BLAS; that expansion loses a few ulps to
    cancellation, so every item within a rounding bound of the k-th score is re-ranked by the direct difference in
    float64 and ties go to the lower id. The answer is then the true top k, not a near-miss at the boundary.
    No full sort: `np.partition` finds the k-th score (0.6 ms CPU at 1M vs 1.4 ms for `np.argpartition`, which
    also moves indices), and one comparison pass collects the candidates. float32 C-ordered vectors are not copied.
    """

    def __init__(self, vectors: ArrayLike) -> None:
        self._x = _as_matrix(vectors)
        # Halved norms: ranking by ||x||²/2 - q·x saves the pass that scales by -2.
        self._half_norms = (0.5 * np.einsum("ij,ij->i", self._x, self._x, dtype=np.float64)).astype(np.float32)
        self._max_half_norm = float(self._half_norms.max())
        self._max_norm = math.sqrt(2.0 * self._max_half_norm)
        # A float32 dot product of length d is off by at most ~d·eps·|q||x| (Higham, Thm 3.1); +2 covers the norm
        # and the subtraction. Two scores each that far off can swap, hence the 2 in the slack below.
        self._gamma = (self.dim + 2) * float(np.finfo(np.float32).eps)

    @property
    def dim(self) -> int:
        return int(self._x.shape[1])

    def __len__(self) -> int:
        return int(self._x.shape[0])

    @property
    def nbytes(self) -> int:
        return int(self._x.nbytes + self._half_norms.nbytes)

    def _search(self, queries: NDArray[np.float32], k: int) -> tuple[IdArray, DistArray]:
        m, n = queries.shape[0], len(self)
        ids = np.empty((m, k), dtype=np.int64)
        dist = np.empty((m, k), dtype=np.float32)
        block = max(1, CHUNK_BYTES // (4 * n))
        for start in range(0, m, block):
            stop = min(m, start + block)
            ids[start:stop], dist[start:stop] = self._search_block(queries[start:stop], k)
        return ids, dist

    def _search_block(self, q: NDArray[np.float32], k: int) -> tuple[IdArray, DistArray]:
        n = len(self)
        scores = q @ self._x.T
        np.subtract(self._half_norms, scores, out=scores)
        if k < n:
            kth = np.partition(scores, k - 1, axis=1)[:, k - 1]
            q_norms = np.sqrt(np.einsum("ij,ij->i", q, q, dtype=np.float64))
            slack = 2.0 * self._gamma * (self._max_half_norm + q_norms * self._max_norm)
            rows, cols = np.nonzero(scores <= (kth + slack)[:, None].astype(np.float32))
        else:
            rows, cols = np.divmod(np.arange(q.shape[0] * n), n)
        diff = self._x[cols].astype(np.float64) - q[rows].astype(np.float64)
        exact = np.einsum("ij,ij->i", diff, diff)
        order = np.lexsort((cols, exact, rows))
        counts = np.bincount(rows, minlength=q.shape[0])
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        take = order[(starts[:, None] + np.arange(k)).ravel()].reshape(q.shape[0], k)
        return cols[take].astype(np.int64), exact[take].astype(np.float32)


class HnswIndex(VectorIndex):
    """Approximate search on an hnswlib graph; build once when the catalog is built, then `save`/`load` it."""

    def __init__(self, index: Any, *, ef_search: int, M: int, ef_construction: int) -> None:
        """Wrap a ready hnswlib index; use `build` or `load` instead of calling this directly."""
        self._index = index
        self._n = int(index.get_current_count())
        self._dim = int(index.dim)
        self.M = M
        self.ef_construction = ef_construction
        self.ef_search = ef_search
        # Set once here, never per query: hnswlib queries are thread-safe only while ef is not being changed.
        index.set_ef(ef_search)

    @classmethod
    def build(cls, vectors: ArrayLike, **params: Unpack[HnswParams]) -> HnswIndex:
        """Index the rows of `vectors` (ids = row numbers); `num_threads` defaults to 2, the cores we have."""
        x = _as_matrix(vectors)
        m = params.get("M", DEFAULT_M)
        ef_c = params.get("ef_construction", DEFAULT_EF_CONSTRUCTION)
        index = hnswlib.Index(space=METRIC, dim=x.shape[1])
        index.init_index(max_elements=x.shape[0], M=m, ef_construction=ef_c, random_seed=params.get("seed", 100))
        index.add_items(x, np.arange(x.shape[0], dtype=np.int64), num_threads=params.get("num_threads", 2))
        return cls(index, ef_search=params.get("ef_search", DEFAULT_EF_SEARCH), M=m, ef_construction=ef_c)

    @property
    def dim(self) -> int:
        return self._dim

    def __len__(self) -> int:
        return self._n

    @property
    def nbytes(self) -> int:
        """Size of the serialized graph plus vectors, which is what the loaded index keeps in memory."""
        return int(self._index.index_file_size())

    def _search(self, queries: NDArray[np.float32], k: int) -> tuple[IdArray, DistArray]:
        # One thread: the bot sends one query at a time, and a second thread would only contend with the event loop.
        labels, dist = self._index.knn_query(queries, k=k, num_threads=1)
        return np.asarray(labels, dtype=np.int64), np.asarray(dist, dtype=np.float32)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the graph to `path` and its parameters to `path` + ".json" (hnswlib does not store ef or dim)."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        self._index.save_index(str(target))
        meta = {
            "version": _META_VERSION,
            "metric": METRIC,
            "dim": self._dim,
            "count": self._n,
            "M": self.M,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }
        _meta_path(target).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, ef_search: int | None = None) -> HnswIndex:
        """Read an index written by `save`; `ef_search` overrides the saved value (it is a query-time knob)."""
        target = Path(path)
        meta_path = _meta_path(target)
        if not target.is_file() or not meta_path.is_file():
            raise IndexFileError(f"HNSW index incomplete: need {target} and {meta_path}")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            dim, count = int(meta["dim"]), int(meta["count"])
            version, metric = meta["version"], meta["metric"]
        except (ValueError, KeyError, TypeError) as err:
            raise IndexFileError(f"unreadable HNSW metadata {meta_path}: {err}") from err
        if version != _META_VERSION or metric != METRIC:
            raise IndexFileError(f"{meta_path}: version {version!r} metric {metric!r}, expected {_META_VERSION} l2")
        index = hnswlib.Index(space=METRIC, dim=dim)
        try:
            index.load_index(str(target), max_elements=count)
        except RuntimeError as err:
            raise IndexFileError(f"cannot load HNSW index {target}: {err}") from err
        if index.get_current_count() != count:
            raise IndexFileError(f"{target} holds {index.get_current_count()} items, metadata says {count}")
        return cls(
            index,
            ef_search=int(meta["ef_search"]) if ef_search is None else ef_search,
            M=int(meta["M"]),
            ef_construction=int(meta["ef_construction"]),
        )


def build_index(
    vectors: ArrayLike, *, threshold: int = DEFAULT_ANN_THRESHOLD, **hnsw_params: Unpack[HnswParams]
) -> VectorIndex:
    """Exact search up to `threshold` items, HNSW above it (exact is faster and free to build below it)."""
    x = _as_matrix(vectors)
    if x.shape[0] <= threshold:
        return ExactIndex(x)
    return HnswIndex.build(x, **hnsw_params)


def _as_matrix(vectors: ArrayLike) -> NDArray[np.float32]:
    """The vectors as a C-contiguous float32 (n, d) array, copied only when the input is not already one."""
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if x.ndim != 2:
        raise ValueError(f"vectors must be a 2-D (n, d) array, got shape {x.shape}")
    if x.shape[0] == 0:
        raise EmptyIndexError("cannot build a vector index over 0 vectors")
    if x.shape[1] == 0:
        raise ValueError("vectors must have at least one dimension")
    if not np.isfinite(x).all():
        raise ValueError("vectors contain NaN or infinity; impute or drop those rows first")
    return x


def _as_queries(query: ArrayLike, dim: int) -> NDArray[np.float32]:
    """A (d,) or (m, d) query as a C-contiguous float32 (m, d) array."""
    q = np.ascontiguousarray(query, dtype=np.float32)
    if q.ndim == 1:
        q = q[None, :]
    if q.ndim != 2 or q.shape[1] != dim or q.shape[0] == 0:
        raise ValueError(f"query must have shape ({dim},) or (m, {dim}) with m >= 1, got {np.shape(query)}")
    if not np.isfinite(q).all():
        raise ValueError("query contains NaN or infinity")
    return q


def _meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")
