"""Named, tuned recommender configurations, and the one Segue fits at run time for personal discovery.

Every hyperparameter here was tuned on fold 0 of lastfm-folds only (see EVALUATION.md); folds 1-4 are reported
untouched. `BEST_MODEL` is the configuration with the best mean P@10 over folds 0-4.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.engine.cf_graph import RP3beta
from segue.engine.cf_linear import EASE
from segue.engine.models import ItemKNN, MostPop, Recommender, SparseRows, as_interactions
from segue.errors import DatasetError

MODELS: dict[str, Callable[[], Recommender]] = {
    "mostpop": MostPop,
    "itemknn": lambda: ItemKNN(neighbors=200, shrink=10.0),
    "rp3beta": lambda: RP3beta(alpha=0.5, beta=0.25, neighbors=300),
    "ease": lambda: EASE(lam=75.0),
    "ease-debiased": lambda: EASE(lam=150.0, min_listeners=2, debias=0.25),
}
"""Model name -> factory for a fresh, unfitted instance with its tuned hyperparameters."""

MODEL_PARAMS: dict[str, str] = {
    "mostpop": "-",
    "itemknn": "cosine, shrink 10, 200 neighbours",
    "rp3beta": "alpha 0.5, beta 0.25, 300 neighbours",
    "ease": "lambda 75, all items (plain EASE, as in the data README)",
    "ease-debiased": "lambda 150, items with >= 2 listeners, score / popularity^0.25",
}
"""Human-readable hyperparameters per model, for EVALUATION.md."""

BEST_MODEL = "ease-debiased"


def make_model(name: str) -> Recommender:
    """A fresh instance of the named model; `KeyError` lists the known names."""
    try:
        factory = MODELS[name]
    except KeyError:
        raise KeyError(f"unknown model {name!r}; known: {', '.join(MODELS)}") from None
    return factory()


@dataclass(frozen=True, slots=True)
class UserArtists:
    """HetRec `user_artists.dat` as a users x artists matrix of play counts, with the raw ids of rows and columns."""

    plays: sp.csr_matrix
    user_ids: NDArray[np.int64]
    artist_ids: NDArray[np.int64]


def load_user_artists(path: Path) -> UserArtists:
    """Read HetRec's tab-separated `userID artistID weight` file (with its header line)."""
    if not path.is_file():
        raise DatasetError(f"no such file: {path}", user_message=f"File not found: {path}")
    rows: list[tuple[int, int, float]] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="\t")
            next(reader, None)
            rows.extend((int(r[0]), int(r[1]), float(r[2])) for r in reader if r)
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: {exc}", user_message=f"Cannot read {path}: {exc}") from exc
    data = np.asarray(rows, dtype=np.float64).reshape(-1, 3)
    user_ids, user_rows = np.unique(data[:, 0].astype(np.int64), return_inverse=True)
    artist_ids, artist_cols = np.unique(data[:, 1].astype(np.int64), return_inverse=True)
    plays = sp.csr_matrix((data[:, 2], (user_rows, artist_cols)), shape=(len(user_ids), len(artist_ids)))
    return UserArtists(plays=plays, user_ids=user_ids, artist_ids=artist_ids)


@dataclass(frozen=True, slots=True)
class DiscoveryModel:
    """A fitted recommender over a subset of the catalog's artists; `columns[i]` is model item i's input column."""

    model: Recommender
    columns: NDArray[np.int64]

    def recommend_from_columns(
        self, liked_columns: list[int], k: int = 10
    ) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """Fold-in for a user's liked artists given as input-matrix columns; unknown ones are ignored."""
        positions = np.searchsorted(self.columns, liked_columns)
        known = [
            int(p)
            for p, c in zip(positions, liked_columns, strict=True)
            if p < len(self.columns) and self.columns[p] == c
        ]
        ids, scores = self.model.recommend_from_liked(known, k)
        valid = ids >= 0
        return self.columns[ids[valid]], scores[valid]


def fit_discovery_model(interactions: SparseRows, *, min_listeners: int = 1, name: str = BEST_MODEL) -> DiscoveryModel:
    """Fit the best model on a users x artists matrix (e.g. HetRec's full user_artists), for /discover fold-in.

    `min_listeners` first drops artists with fewer listeners, which bounds the cost of EASE's dense solve (cubic
    in the number of artists); the model itself also ignores one-listener artists, so 2 loses nothing.
    """
    matrix = as_interactions(interactions)
    listeners = np.asarray(matrix.sum(axis=0)).ravel()
    columns = np.flatnonzero(listeners >= min_listeners).astype(np.int64)
    model = make_model(name).fit(matrix[:, columns])
    return DiscoveryModel(model=model, columns=columns)
