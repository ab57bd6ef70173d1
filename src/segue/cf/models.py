"""The one recommender interface every collaborative-filtering model in Segue implements, and the simple models.

A model learns from a users x items matrix once (`fit`) and then scores *history rows*, not user ids: a row is a
set of liked items, so the same call serves a training user, a held-out user and a brand-new Discord user who
named a few artists (fold-in). Items are column indices; mapping them to catalog artists is the caller's job.

Shape of the contract (checked for every model by tests/contract/test_recommenders.py):

- `recommend` returns `(ids, scores)` of shape `(n, min(k, n_items))`, int32 and float32, scores descending,
  ids unique per row, never an item of the row's own history (unless `filter_seen=False`) nor of `exclude`;
  when fewer items are eligible than asked, the row is padded with id -1 and score -inf.
- a row with an empty history is answered from popularity instead of crashing or returning arbitrary ties.
- `similar_items(item)` ranks the other items for a one-item history, i.e. "people who like this also like".
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar, Self

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

FloatArray = NDArray[np.float32]
IdArray = NDArray[np.int32]
Ranking = tuple[IdArray, FloatArray]
SparseRows = sp.csr_matrix | sp.csr_array | sp.csc_matrix | sp.csc_array | sp.coo_matrix | sp.coo_array
"""What `fit` and `recommend` accept: any common SciPy sparse layout (converted to binary CSR inside)."""


class NotFittedError(RuntimeError):
    """A model was asked to score before `fit` (a programming error, not a user error)."""


def as_interactions(matrix: SparseRows) -> sp.csr_matrix:
    """Binary float32 CSR copy of `matrix`: CF models here use presence, and duplicates must not double-count."""
    csr = sp.csr_matrix(matrix.tocsr().astype(np.float32))  # astype copies: the caller's matrix is untouched
    csr.sum_duplicates()
    csr.eliminate_zeros()
    csr.data[:] = 1.0
    return csr


def top_k(scores: FloatArray, k: int) -> Ranking:
    """Best `k` columns of each row, sorted descending; -inf entries become id -1 (nothing eligible there)."""
    n_rows, n_cols = scores.shape
    k = min(k, n_cols)
    if k <= 0:
        return np.zeros((n_rows, 0), np.int32), np.zeros((n_rows, 0), np.float32)
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k] if k < n_cols else np.tile(np.arange(n_cols), (n_rows, 1))
    part_scores = np.take_along_axis(scores, part, axis=1)
    # Stable sort on -score after ordering by id keeps ties deterministic (lowest id first).
    order = np.lexsort((part, -part_scores), axis=1)
    ids = np.take_along_axis(part, order, axis=1).astype(np.int32)
    top = np.take_along_axis(part_scores, order, axis=1).astype(np.float32)
    ids[~np.isfinite(top) & (top < 0)] = -1
    return ids, top


class Recommender(ABC):
    """Learns item relations from interactions, then ranks items for any history row (known user or fold-in)."""

    name: ClassVar[str] = "base"

    def __init__(self) -> None:
        self._popularity: FloatArray | None = None
        self._side: sp.csr_matrix | None = None

    @property
    def n_items(self) -> int:
        """Number of items (columns) the model was fitted on."""
        return len(self._require_popularity())

    @property
    def popularity(self) -> FloatArray:
        """Listeners per item in the training matrix (the fallback ranking for empty histories)."""
        return self._require_popularity()

    def fit(self, interactions: SparseRows, *, side: SparseRows | None = None) -> Self:
        """Learn from a users x items matrix (any non-zero counts as a like).

        `side` is optional side information over the same items (rows such as tags, columns = items, values kept
        as given); only models that say so use it (`CollectiveEASE`), the others ignore it.
        """
        matrix = as_interactions(interactions)
        self._side = None
        if side is not None:
            if side.shape[1] != matrix.shape[1]:
                raise ValueError(f"side has {side.shape[1]} columns, interactions have {matrix.shape[1]}")
            self._side = sp.csr_matrix(side.tocsr().astype(np.float32))
        self._popularity = np.asarray(matrix.sum(axis=0), dtype=np.float32).ravel()
        self._fit(matrix)
        return self

    @abstractmethod
    def _fit(self, interactions: sp.csr_matrix) -> None:
        """Model-specific learning on a binary float32 CSR matrix."""

    @abstractmethod
    def _score(self, history: sp.csr_matrix) -> FloatArray:
        """Dense (n, n_items) scores for binary history rows; higher is better."""

    def score(self, user_rows: SparseRows) -> FloatArray:
        """Raw scores for history rows, empty rows replaced by popularity (so they still rank sensibly)."""
        return self._scores_for(self._check_rows(user_rows))

    def _scores_for(self, history: sp.csr_matrix) -> FloatArray:
        scores = np.asarray(self._score(history), dtype=np.float32)
        empty = np.diff(history.indptr) == 0
        if empty.any():
            popularity = self.popularity
            scores[empty] = popularity / max(float(popularity.max()), 1.0)
        return scores

    def recommend(
        self,
        user_rows: SparseRows,
        k: int = 10,
        exclude: SparseRows | None = None,
        *,
        filter_seen: bool = True,
    ) -> Ranking:
        """Top `k` items per history row, never one of its own items nor one in the matching `exclude` row."""
        if k < 0:
            raise ValueError(f"k must be >= 0, got {k}")
        history = self._check_rows(user_rows)
        scores = self._scores_for(history)
        if filter_seen:
            _mask(scores, history)
        if exclude is not None:
            _mask(scores, self._check_rows(exclude, what="exclude"))
        return top_k(scores, k)

    def recommend_from_liked(self, liked: Sequence[int], k: int = 10) -> Ranking:
        """Fold-in for one new user given as item indices (Segue's /discover); returns 1-D ids and scores."""
        ids, scores = self.recommend(self.history_row(liked), k)
        return ids[0], scores[0]

    def similar_items(self, item: int, k: int = 10) -> Ranking:
        """Items most related to `item` (its one-item history ranked), the item itself excluded; 1-D arrays."""
        if not 0 <= item < self.n_items:
            raise IndexError(f"item {item} out of range 0..{self.n_items - 1}")
        ids, scores = self.recommend(self.history_row([item]), k)
        return ids[0], scores[0]

    def history_row(self, liked: Sequence[int]) -> sp.csr_matrix:
        """One binary CSR row for a list of liked item indices (duplicates collapse)."""
        cols = np.unique(np.asarray(liked, dtype=np.int64))
        if cols.size and (cols[0] < 0 or cols[-1] >= self.n_items):
            raise IndexError(f"liked items must be in 0..{self.n_items - 1}")
        data = np.ones(cols.size, np.float32)
        return sp.csr_matrix((data, cols, np.array([0, cols.size])), shape=(1, self.n_items))

    def _require_popularity(self) -> FloatArray:
        if self._popularity is None:
            raise NotFittedError(f"{type(self).__name__} is not fitted; call fit() first")
        return self._popularity

    def _check_rows(self, rows: SparseRows, *, what: str = "user_rows") -> sp.csr_matrix:
        matrix = as_interactions(rows)
        if matrix.shape[1] != self.n_items:
            raise ValueError(f"{what} has {matrix.shape[1]} columns, the model has {self.n_items} items")
        return matrix


def _mask(scores: FloatArray, rows: sp.csr_matrix) -> None:
    """Set the scores of every (row, item) present in `rows` to -inf, in place."""
    if rows.shape[0] != scores.shape[0]:
        raise ValueError(f"exclude has {rows.shape[0]} rows, expected {scores.shape[0]}")
    coo = rows.tocoo()
    scores[coo.row, coo.col] = -np.inf


class MostPop(Recommender):
    """Everyone gets the most-listened items: the floor any personal model must clear."""

    name = "mostpop"

    def _fit(self, interactions: sp.csr_matrix) -> None:
        pass

    def _score(self, history: sp.csr_matrix) -> FloatArray:
        popularity = self.popularity / max(float(self.popularity.max()), 1.0)
        return np.tile(popularity, (history.shape[0], 1))


def sparse_top_k_rows(dense: NDArray[np.floating], k: int, *, block: int = 1024) -> sp.csr_matrix:
    """Keep the `k` largest positive entries of each row of a similarity matrix, as float32 CSR.

    Works through `block` rows at a time: argpartition over all 11k x 11k at once would allocate a 1 GB index array.
    """
    n_rows, n_cols = dense.shape
    k = min(k, n_cols)
    pieces: list[sp.csr_matrix] = []
    for start in range(0, n_rows, block):
        chunk = dense[start : start + block]
        if k < n_cols:
            cols = np.argpartition(-chunk, k - 1, axis=1)[:, :k]
        else:
            cols = np.tile(np.arange(n_cols), (chunk.shape[0], 1))
        vals = np.take_along_axis(chunk, cols, axis=1).astype(np.float32)
        vals[vals < 0] = 0.0
        rows = np.repeat(np.arange(chunk.shape[0]), k)
        pieces.append(sp.csr_matrix((vals.ravel(), (rows, cols.ravel())), shape=(chunk.shape[0], n_cols)))
    out = sp.csr_matrix(sp.vstack(pieces, format="csr")) if pieces else sp.csr_matrix((n_rows, n_cols))
    out = out.astype(np.float32)
    out.eliminate_zeros()
    return out


class ItemKNN(Recommender):
    """Item-item cosine similarity with shrinkage, pruned to each item's `neighbors` nearest.

    Shrinkage divides by (|a||b| + shrink) so two items that share one listener by chance do not look as similar
    as two that share fifty. Tuned on fold 0 of lastfm-folds: shrink 10, 200 neighbours (its row in EVALUATION.md).
    """

    name = "itemknn"

    def __init__(self, *, neighbors: int = 200, shrink: float = 10.0) -> None:
        super().__init__()
        if neighbors < 1 or shrink < 0:
            raise ValueError("neighbors must be >= 1 and shrink >= 0")
        self.neighbors = neighbors
        self.shrink = shrink
        self._similarity: sp.csr_matrix | None = None

    def _fit(self, interactions: sp.csr_matrix) -> None:
        # float32 and in place: two n x n arrays instead of four (11k items: 1 GB instead of 4 GB in float64).
        sim = np.asarray((interactions.T @ interactions).toarray(), dtype=np.float32)
        norms = np.sqrt(np.diag(sim))
        denominator = np.outer(norms, norms)
        denominator += self.shrink + 1e-9
        sim /= denominator
        del denominator
        np.fill_diagonal(sim, 0.0)
        self._similarity = sparse_top_k_rows(sim, self.neighbors)

    def _score(self, history: sp.csr_matrix) -> FloatArray:
        if self._similarity is None:
            raise NotFittedError("ItemKNN is not fitted")
        return np.asarray((history @ self._similarity).toarray(), dtype=np.float32)
