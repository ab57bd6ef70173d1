"""EASE (Steck 2019): a closed-form item-item linear model, the strongest simple baseline on HetRec Last.fm.

The weights are B = I - P diagMat(1 / diag(P)) with P = (X^T X + lambda I)^-1 and diag(B) = 0. We invert through
a Cholesky factorisation (LAPACK potrf + potri) instead of `numpy.linalg.inv`: the Gram matrix is symmetric
positive definite, and on 11,063 items this is ~2.5x faster (36 s -> 15 s in float64, 15 s in float32 on 2 cores)
with identical rankings on lastfm-folds fold 0.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.linalg import lapack

from segue.cf.models import FloatArray, NotFittedError, Recommender, sparse_top_k_rows

UNSCORED = float(np.finfo(np.float32).min)
"""Score of an item the model has no weights for: rankable after every scored item, but not excluded."""


def ease_weights(
    interactions: sp.csr_matrix,
    lam: float,
    *,
    dtype: type[np.floating] = np.float32,
    side: sp.csr_matrix | None = None,
    side_weight: float = 0.0,
    dropout: float = 0.0,
) -> FloatArray:
    """Dense EASE item-item weights (zero diagonal) for a binary users x items matrix.

    With `side` (rows x the same items), the solve runs on the users stacked over sqrt(side_weight) * side, i.e.
    the Gram matrix gains side_weight * side^T side: collective EASE. `dropout` p > 0 is DLAE's emphasis (Steck
    2020, denoising linear autoencoders): item i's L2 weight becomes lambda + p / (1 - p) * G_ii, so popular items,
    whose self-prediction dropout would hide most often, are regularised harder.
    """
    if lam <= 0:
        raise ValueError(f"lambda must be > 0, got {lam}")
    if not 0 <= dropout < 1:
        raise ValueError(f"dropout must be in [0, 1), got {dropout}")
    if interactions.shape[1] == 0:
        return np.zeros((0, 0), np.float32)  # LAPACK rejects empty matrices; nothing to weigh
    gram = np.asarray((interactions.T @ interactions).toarray(), dtype=dtype)
    if side is not None and side_weight > 0:
        gram += np.asarray((side.T @ side).toarray() * side_weight, dtype=dtype)
    diag = np.diag_indices_from(gram)
    gram[diag] += lam + dropout / (1.0 - dropout) * np.diag(gram)
    factor, solve = (lapack.spotrf, lapack.spotri) if dtype == np.float32 else (lapack.dpotrf, lapack.dpotri)
    chol, info = factor(gram, lower=True, overwrite_a=True, clean=True)
    if info != 0:
        raise np.linalg.LinAlgError(f"Cholesky failed (info={info}); is lambda too small?")
    inv, info = solve(chol, lower=True, overwrite_c=True)
    if info != 0:
        raise np.linalg.LinAlgError(f"inverse from Cholesky failed (info={info})")
    # potri fills only the lower triangle (`clean=True` zeroed the upper one): mirror it. Cheaper than indexing
    # with triu_indices, whose two int64 index arrays alone are 1 GB for 11k items.
    inv += np.tril(inv, -1).T
    weights = inv / (-np.diag(inv))[None, :]
    weights[diag] = 0.0
    # LAPACK hands back Fortran order; scoring (sparse rows @ weights) wants C order, or SciPy copies all n x n
    # weights on every call (an order of magnitude slower /discover fold-in).
    return np.ascontiguousarray(weights, dtype=np.float32)


class EASE(Recommender):
    """EASE with an L2 weight `lam`, optionally only over items with `min_listeners` and popularity-debiased.

    `min_listeners=2` drops items heard by one training user from the Gram matrix: they are half of the HetRec
    artists, so the solve gets several times cheaper at no cost in P@10 (EVALUATION.md, CF section notes).
    `debias` divides each score by popularity**debias, pulling good long-tail artists into the top 10: it raised
    both P@10 and catalog coverage on the folds (the ease and ease-debiased rows of the CF section).
    `neighbors` keeps only each item's that many largest positive weights, so the model is a short neighbour list
    per artist (what the catalog stores), scored as the sum of kept weights and then debiased.
    """

    name = "ease"

    def __init__(
        self, *, lam: float = 75.0, min_listeners: int = 1, debias: float = 0.0, neighbors: int | None = None
    ) -> None:
        super().__init__()
        if lam <= 0 or min_listeners < 1 or debias < 0 or (neighbors is not None and neighbors < 1):
            raise ValueError("need lam > 0, min_listeners >= 1, debias >= 0, neighbors >= 1")
        self.lam = lam
        self.min_listeners = min_listeners
        self.debias = debias
        self.neighbors = neighbors
        self._items: NDArray[np.int64] | None = None
        self._weights: FloatArray | sp.csr_matrix | None = None
        self._scale: FloatArray | None = None

    def _fit(self, interactions: sp.csr_matrix) -> None:
        items = np.flatnonzero(self.popularity >= self.min_listeners)
        self._items = items
        weights = ease_weights(interactions[:, items], self.lam)
        # Pruned by raw weight, not by debiased score: the better P@10 of the two on fold 0 at top 50, a tie at
        # top 100 (EVALUATION.md, catalog-neighbours section).
        self._weights = weights if self.neighbors is None else sparse_top_k_rows(weights, self.neighbors)
        self._scale = np.power(np.maximum(self.popularity[items], 1.0), -self.debias).astype(np.float32)

    def _score(self, history: sp.csr_matrix) -> FloatArray:
        if self._items is None or self._weights is None or self._scale is None:
            raise NotFittedError("EASE is not fitted")
        if self._items.size == self.n_items:
            return _times(history, self._weights) * self._scale
        scores = np.full((history.shape[0], self.n_items), UNSCORED, np.float32)
        scores[:, self._items] = _times(history[:, self._items], self._weights) * self._scale
        return scores


def _times(history: sp.csr_matrix, weights: FloatArray | sp.csr_matrix) -> FloatArray:
    """Dense history @ weights, whether the weights are the full dense matrix or pruned sparse rows."""
    product = history @ weights
    return np.asarray(product.toarray() if sp.issparse(product) else product, dtype=np.float32)


class CollectiveEASE(EASE):
    """EASE solved on the users stacked over the artists' tags (collective EASE), then debiased like `EASE`.

    Each side row (a tag) acts as one more "user" who likes the artists carrying it, scaled so that the Gram
    matrix gains `tag_weight * T^T T`: two artists tagged alike gain weight even when few users share them, which
    is what lifts coverage. Scoring still uses only the history row, so fold-in is unchanged and costs the same.
    Without side information (`fit(x)` with no `side=`) it is exactly `EASE` with the same parameters. `dropout`
    adds DLAE's emphasis on top (see `ease_weights`); `neighbors` prunes the weights as in `EASE`.

    Leakage: the caller builds `side` from training data only. On lastfm-folds `segue.evaluation.folds.with_tags`
    drops every HetRec tag assignment whose (user, artist) pair is in the fold's test file before counting, since
    a user tagging an artist reveals that they listen to it.
    """

    name = "ease-collective"

    def __init__(
        self,
        *,
        lam: float = 150.0,
        min_listeners: int = 2,
        debias: float = 0.25,
        tag_weight: float = 0.3,
        dropout: float = 0.0,
        neighbors: int | None = None,
    ) -> None:
        super().__init__(lam=lam, min_listeners=min_listeners, debias=debias, neighbors=neighbors)
        if tag_weight < 0 or not 0 <= dropout < 1:
            raise ValueError(f"need tag_weight >= 0 and 0 <= dropout < 1, got {tag_weight}, {dropout}")
        self.tag_weight = tag_weight
        self.dropout = dropout

    def _fit(self, interactions: sp.csr_matrix) -> None:
        items = np.flatnonzero(self.popularity >= self.min_listeners)
        self._items = items
        side = None if self._side is None else sp.csr_matrix(self._side[:, items])
        weights = ease_weights(
            interactions[:, items], self.lam, side=side, side_weight=self.tag_weight, dropout=self.dropout
        )
        self._weights = weights if self.neighbors is None else sparse_top_k_rows(weights, self.neighbors)
        self._scale = np.power(np.maximum(self.popularity[items], 1.0), -self.debias).astype(np.float32)
