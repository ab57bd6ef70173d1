"""Offline quality of the recommenders: load a train/test split, rank, and compute the metrics.

The protocol follows /shared/data/README.md (Zanon et al. 2022 as re-measured there), so our figures sit beside
the published table: for every user of the test file, rank all artists seen in the train split minus the user's
own train artists; Precision@k = hits / k and Recall@k = hits / |test artists of the user| (artists absent from
train count in the denominator but can never be hit), averaged over all test users, 0 for a user without hits.
NDCG@k is the standard one (binary gains, ideal DCG over min(|test|, k)); HR@k is the share of users with at
least one hit; coverage@k is the share of train artists that appear in some user's top k.
"""

from __future__ import annotations

import csv
import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.cf.models import IdArray, Recommender
from segue.errors import DatasetError

IntArray = NDArray[np.int64]
BATCH_USERS = 512
"""Users scored per batch: 512 x 11k float32 scores is ~23 MB, small enough beside the model's own weights."""


@dataclass(frozen=True, slots=True)
class Split:
    """One train/test fold as matrices over the train split's artists (columns) and all users (rows)."""

    train: sp.csr_matrix
    """users x items, binary."""
    test: sp.csr_matrix
    """users x items, binary: the held-out artists that exist in train (the only ones that can be hit)."""
    test_sizes: IntArray
    """Per user, every held-out artist, including those unknown to train (the recall denominator)."""
    users: IntArray
    """Raw user id of each row."""
    items: IntArray
    """Raw artist id of each column."""
    side: sp.csr_matrix | None = None
    """Optional tags x items side information built from training data only (see `with_tags`)."""

    @property
    def test_users(self) -> IntArray:
        """Rows of the users the metrics average over: everyone with a held-out artist."""
        return np.flatnonzero(self.test_sizes > 0).astype(np.int64)


def read_pairs(path: Path) -> IntArray:
    """`user,artist[,weight]` rows without a header as an (n, 2) int64 array; names the file on any problem."""
    if not path.is_file():
        raise DatasetError(f"no such file: {path}", user_message=f"File not found: {path}")
    pairs: list[tuple[int, int]] = []
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            for line_no, row in enumerate(csv.reader(handle), start=1):
                if not row or not "".join(row).strip():
                    continue
                if len(row) < 2:
                    raise ValueError(f"line {line_no}: expected user,artist[,weight], got {row!r}")
                pairs.append((int(row[0]), int(row[1])))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: {exc}", user_message=f"Cannot read {path}: {exc}") from exc
    if not pairs:
        raise DatasetError(f"{path}: no rows", user_message=f"{path} has no user,artist rows.")
    return np.asarray(pairs, dtype=np.int64)


def build_split(train_pairs: IntArray, test_pairs: IntArray) -> Split:
    """Index users (train and test) and items (train only) and build the two matrices."""
    users = np.unique(np.concatenate([train_pairs[:, 0], test_pairs[:, 0]]))
    items = np.unique(train_pairs[:, 1])
    train_rows = np.searchsorted(users, train_pairs[:, 0])
    train_cols = np.searchsorted(items, train_pairs[:, 1])
    train = _binary((train_rows, train_cols), (len(users), len(items)))

    # A test artist counts once per user even if the file repeats it.
    test_unique = np.unique(test_pairs[:, :2], axis=0)
    test_rows = np.searchsorted(users, test_unique[:, 0])
    test_sizes = np.bincount(test_rows, minlength=len(users)).astype(np.int64)
    cols = np.searchsorted(items, test_unique[:, 1])
    known = (cols < len(items)) & (items[np.minimum(cols, len(items) - 1)] == test_unique[:, 1])
    test = _binary((test_rows[known], cols[known]), (len(users), len(items)))
    return Split(train=train, test=test, test_sizes=test_sizes, users=users, items=items)


def load_split(train_path: Path, test_path: Path) -> Split:
    """Read a fold's train and test files (see `read_pairs`) into a `Split`."""
    return build_split(read_pairs(train_path), read_pairs(test_path))


def read_tag_assignments(path: Path) -> IntArray:
    """HetRec `user_taggedartists.dat` (tab-separated, header line) as an (n, 3) array of user, artist, tag."""
    if not path.is_file():
        raise DatasetError(f"no such file: {path}", user_message=f"File not found: {path}")
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="\t")
            next(reader, None)
            rows = [(int(r[0]), int(r[1]), int(r[2])) for r in reader if r]
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: {exc}", user_message=f"Cannot read {path}: {exc}") from exc
    return np.asarray(rows, dtype=np.int64).reshape(-1, 3)


def with_tags(split: Split, assignments: IntArray) -> Split:
    """The split with a binary tags x items side matrix: 1 where some user gave that train artist that tag.

    Binary, not counts: counting users made popular artists' tags swamp the Gram matrix (fold 0, ease-collective
    at its tuned values: P@10 0.0987 with counts, 0.1102 binary; EVALUATION.md's tuning notes).

    Leak-free: an assignment whose (user, artist) pair is one of the split's test pairs is dropped first, because
    a user tagging an artist says they listen to it. Artists outside train and tags left on no artist are dropped.
    """
    test = split.test.tocoo()
    stride = int(max(assignments[:, 1].max(initial=0), split.items.max(initial=0))) + 1
    held_out = split.users[test.row] * stride + split.items[test.col]
    kept = assignments[~np.isin(assignments[:, 0] * stride + assignments[:, 1], held_out)]
    cols = np.searchsorted(split.items, kept[:, 1])
    known = (cols < len(split.items)) & (split.items[np.minimum(cols, len(split.items) - 1)] == kept[:, 1])
    tags, rows = np.unique(kept[known, 2], return_inverse=True)
    counts = np.ones(int(known.sum()), np.float32)
    side = sp.csr_matrix((counts, (rows, cols[known])), shape=(len(tags), len(split.items)))
    side.sum_duplicates()
    side.data[:] = 1.0
    return dataclasses.replace(split, side=side)


def _binary(coords: tuple[IntArray, IntArray], shape: tuple[int, int]) -> sp.csr_matrix:
    matrix = sp.csr_matrix((np.ones(len(coords[0]), np.float32), coords), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1.0
    return matrix


def metric_names(k: int = 10) -> tuple[str, ...]:
    """The metric keys, in table order, for cut-off `k` (P@5 and R@5 are always reported beside it)."""
    return ("P@5", f"P@{k}", "R@5", f"R@{k}", f"NDCG@{k}", f"HR@{k}", f"coverage@{k}")


def ranking_metrics(ids: IdArray, relevant: sp.csr_matrix, test_sizes: IntArray, n_items: int) -> dict[str, float]:
    """Metrics for ranked lists `ids` (users x k, -1 = empty slot) against binary `relevant` rows.

    `test_sizes[u]` is the user's whole held-out set (it may exceed the relevant items that can be ranked).
    """
    n_users, k = ids.shape
    if k < 5:
        raise ValueError(f"need at least 5 ranked items per user, got {k}")
    if relevant.shape[0] != n_users or len(test_sizes) != n_users:
        raise ValueError("ids, relevant and test_sizes must have one row per user")
    if n_users == 0:
        return dict.fromkeys(metric_names(k), 0.0)
    sizes = np.asarray(test_sizes, dtype=np.float64)
    if (sizes <= 0).any():
        raise ValueError("every evaluated user needs at least one held-out item")
    hits = _hit_matrix(ids, relevant)
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    ideal = np.cumsum(discounts)[np.minimum(sizes, k).astype(np.int64) - 1]
    shown = ids[ids >= 0]
    return {
        "P@5": float(hits[:, :5].sum(axis=1).mean() / 5),
        f"P@{k}": float(hits.sum(axis=1).mean() / k),
        "R@5": float((hits[:, :5].sum(axis=1) / sizes).mean()),
        f"R@{k}": float((hits.sum(axis=1) / sizes).mean()),
        f"NDCG@{k}": float(((hits * discounts).sum(axis=1) / ideal).mean()),
        f"HR@{k}": float((hits.sum(axis=1) > 0).mean()),
        f"coverage@{k}": float(np.unique(shown).size / n_items) if n_items else 0.0,
    }


def _hit_matrix(ids: IdArray, relevant: sp.csr_matrix) -> NDArray[np.float64]:
    """1.0 where the ranked item is in the user's relevant row."""
    hits = np.zeros(ids.shape, np.float64)
    for row in range(ids.shape[0]):
        wanted = relevant.indices[relevant.indptr[row] : relevant.indptr[row + 1]]
        if wanted.size:
            hits[row] = np.isin(ids[row], wanted)
    return hits


@dataclass(frozen=True, slots=True)
class EvalResult:
    """One model on one split: the metrics, how many users they average over, and the time it took."""

    model: str
    users: int
    metrics: dict[str, float]
    fit_seconds: float
    score_seconds: float
    cpu_seconds: float = 0.0
    """Fit plus ranking CPU time over all threads: steadier than wall time on a shared machine."""
    user_precision: NDArray[np.float64] = field(default_factory=lambda: np.zeros(0))
    """P@k of each test user in `Split.test_users` order, for paired comparisons between models."""

    @property
    def seconds(self) -> float:
        """Fit plus ranking time."""
        return self.fit_seconds + self.score_seconds

    def to_dict(self) -> dict[str, float | int | str]:
        """The JSON shape `segue eval --json` prints."""
        out: dict[str, float | int | str] = {"model": self.model, "users": self.users}
        out.update({name: round(value, 6) for name, value in self.metrics.items()})
        out["seconds"] = round(self.seconds, 3)
        return out


def rank_users(model: Recommender, history: sp.csr_matrix, k: int) -> IdArray:
    """Top-k ids for every row of `history`, own items excluded, in batches to bound memory."""
    parts = [
        model.recommend(history[start : start + BATCH_USERS], k)[0] for start in range(0, history.shape[0], BATCH_USERS)
    ]
    ids = np.vstack(parts) if parts else np.zeros((0, k), np.int32)
    if ids.shape[1] < k:  # a catalog smaller than k: the missing slots are empty, not an error
        ids = np.pad(ids, ((0, 0), (0, k - ids.shape[1])), constant_values=-1)
    return ids


def evaluate_model(model: Recommender, split: Split, *, k: int = 10, name: str | None = None) -> EvalResult:
    """Fit `model` on the split's train matrix and measure it on the split's test users."""
    if k < 5:
        raise ValueError(f"k must be >= 5 (P@5 is always reported), got {k}")
    started, cpu_started = time.perf_counter(), time.process_time()
    model.fit(split.train, side=split.side)
    fitted = time.perf_counter()
    users = split.test_users
    ids = rank_users(model, split.train[users], k)
    metrics = ranking_metrics(ids, split.test[users], split.test_sizes[users], split.train.shape[1])
    precision = _hit_matrix(ids, split.test[users]).sum(axis=1) / k if len(users) else np.zeros(0)
    return EvalResult(
        model=name or model.name,
        users=len(users),
        metrics=metrics,
        fit_seconds=fitted - started,
        score_seconds=time.perf_counter() - fitted,
        cpu_seconds=time.process_time() - cpu_started,
        user_precision=precision,
    )


def paired_difference(
    ours: Sequence[EvalResult], theirs: Sequence[EvalResult], *, seed: int = 7, rounds: int = 2_000
) -> tuple[float, float, float]:
    """Mean per-user P@k difference (ours - theirs) over the same folds' users, with a 95% bootstrap interval.

    Pairing by user removes the spread between users (most of the variance), so a small but consistent gain shows.
    """
    if any(len(a.user_precision) != len(b.user_precision) for a, b in zip(ours, theirs, strict=True)):
        raise ValueError("paired results must come from the same folds, user for user")
    diffs = [a.user_precision - b.user_precision for a, b in zip(ours, theirs, strict=True)]
    pooled = np.concatenate(diffs) if diffs else np.zeros(0)
    if pooled.size == 0:
        return 0.0, 0.0, 0.0
    rng = np.random.default_rng(seed)
    means = np.array([rng.choice(pooled, size=pooled.size).mean() for _ in range(rounds)])
    return float(pooled.mean()), float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))
