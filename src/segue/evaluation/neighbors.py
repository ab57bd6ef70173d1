"""Which co-listening lists the catalog should store, measured: `segue eval-neighbors`.

The catalog keeps 50 neighbours per artist, and the engine builds "shares listeners with X" and personal discovery
from those rows alone. So each candidate list is scored here as an item-item model (a user's score for an artist
= sum over the user's artists of that artist's score in their rows) on lastfm-folds with the project's protocol
(`segue.evaluation.folds`), beside the full models the lists are cut from. The cosine lists are computed by the
catalog's own code with log(1 + plays) weights, so fold train entries get their play counts from the folds'
`interactions.csv` (binary models ignore them).
"""

from __future__ import annotations

import csv
import dataclasses
import logging
import math
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Self

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog.merge import Listening
from segue.catalog.neighbors import COLISTEN_MODEL, colisten_neighbors, colisten_similarity, model_neighbors
from segue.cf.models import FloatArray, NotFittedError, Recommender, SparseRows
from segue.cf.registry import MODELS
from segue.errors import DatasetError
from segue.evaluation.folds import Split, evaluate_model, metric_names
from segue.evaluation.report import FoldsReport, load_fold

log = logging.getLogger(__name__)

SECTION_MARKER = "catalog-neighbours"
LISTS_K = 50
"""The catalog's neighbours per artist (`segue.catalog.layout.NEIGHBORS_K`)."""

BUILD_COST = (
    "`segue catalog build` fits the model on HetRec's full user_artists (6,964 merged artists with >= 2 "
    "listeners): 5.4 s -> 18.4 s per build, 12 s of it the fit (6-19 s depending on the load, see the CF "
    "section), peak memory 0.4 -> 0.9 GB; measured once each on the shared 2-core machine."
)
"""Measured by building with and without the switch (`segue catalog build`, manifest stage_seconds, /usr/bin/time)."""

Builder = Callable[[Listening, int, NDArray[np.float32]], sp.csr_matrix]
"""(listening, n_items, popularity) -> items x items scores; row i is what liking item i adds to each item."""


def read_plays(path: Path) -> NDArray[np.int64]:
    """`user,artist,playcount` rows without a header (lastfm-folds' interactions.csv) as an (n, 3) int64 array."""
    if not path.is_file():
        raise DatasetError(f"no such file: {path}", user_message=f"File not found: {path}")
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = [(int(r[0]), int(r[1]), int(r[2])) for r in csv.reader(handle) if r]
    except (ValueError, IndexError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{path}: {exc}", user_message=f"Cannot read {path}: {exc}") from exc
    return np.asarray(rows, dtype=np.int64).reshape(-1, 3)


def with_plays(split: Split, plays: NDArray[np.int64]) -> Split:
    """The split with each train entry's play count instead of 1; a train pair without a count is an error."""
    coo = split.train.tocoo()
    stride = int(max(plays[:, 1].max(initial=0), split.items.max(initial=0))) + 1
    keys = plays[:, 0] * stride + plays[:, 1]
    wanted = split.users[coo.row] * stride + split.items[coo.col]
    order = np.argsort(keys, kind="stable")
    found = np.minimum(np.searchsorted(keys[order], wanted), max(len(keys) - 1, 0))
    if len(keys) == 0 or not np.array_equal(keys[order][found], wanted):
        raise DatasetError("train pairs without a play count", user_message="interactions.csv does not cover train.")
    counts = plays[order][found, 2].astype(np.float32)
    train = sp.csr_matrix((counts, (coo.row, coo.col)), shape=split.train.shape)
    return dataclasses.replace(split, train=train)


def hetrec_popularity(listening: Listening, n_items: int) -> NDArray[np.float32]:
    """The HetRec half of `segue.catalog.popularity.artist_popularity` (the cosine lists' tie-break), 0..1."""
    listeners = np.bincount(listening.artist, minlength=n_items).astype(np.float64)
    plays = np.bincount(listening.artist, weights=listening.plays, minlength=n_items)
    score = 0.5 * np.log1p(listeners) / max(1e-9, math.log1p(listeners.max(initial=0.0)))
    score += 0.5 * np.log1p(plays) / max(1e-9, math.log1p(plays.max(initial=0.0)))
    return score.astype(np.float32)


def table_matrix(ids: NDArray[np.int32], scores: NDArray[np.float32], n_items: int) -> sp.csr_matrix:
    """A -1 padded neighbour table as a sparse items x items matrix."""
    rows = np.repeat(np.arange(ids.shape[0]), ids.shape[1])
    valid = ids.ravel() >= 0
    return sp.csr_matrix((scores.ravel()[valid], (rows[valid], ids.ravel()[valid])), shape=(n_items, n_items))


class CatalogLists(Recommender):
    """A catalog neighbour-list builder scored as an item-item model; play counts in `fit` weight the cosine."""

    name = "catalog-lists"

    def __init__(self, build: Builder) -> None:
        super().__init__()
        self.build = build
        self._plays: sp.csr_matrix | None = None
        self._similarity: sp.csr_matrix | None = None

    def fit(self, interactions: SparseRows, *, side: SparseRows | None = None) -> Self:
        """Learn from users x items play counts (binary input gives equal weights), as the catalog build does."""
        plays = sp.csr_matrix(interactions.tocsr(), dtype=np.float64)
        plays.sum_duplicates()
        plays.eliminate_zeros()
        self._plays = plays
        return super().fit(interactions, side=side)

    def _fit(self, interactions: sp.csr_matrix) -> None:
        if self._plays is None:
            raise NotFittedError("CatalogLists.fit keeps the play counts first")
        coo = self._plays.tocoo()
        listening = Listening(
            user=coo.row.astype(np.int32),
            artist=coo.col.astype(np.int32),
            plays=np.abs(coo.data),
            n_users=interactions.shape[0],
        )
        n_items = interactions.shape[1]
        self._similarity = sp.csr_matrix(self.build(listening, n_items, hetrec_popularity(listening, n_items)))
        self._plays = None

    def _score(self, history: sp.csr_matrix) -> FloatArray:
        if self._similarity is None:
            raise NotFittedError("CatalogLists is not fitted")
        return np.asarray((history @ self._similarity).toarray(), dtype=np.float32)


def cosine_full(listening: Listening, n_items: int, popularity: NDArray[np.float32]) -> sp.csr_matrix:
    """Every positive co-listening cosine (the model the catalog's lists are cut from)."""
    sim = colisten_similarity(listening, n_items)
    without_self = sp.csr_matrix(sim - sp.diags(sim.diagonal()))
    without_self.eliminate_zeros()
    return without_self


def cosine_top(k: int) -> Builder:
    """The catalog's cosine lists before the switch: `colisten_neighbors` top k."""

    def build(listening: Listening, n_items: int, popularity: NDArray[np.float32]) -> sp.csr_matrix:
        return table_matrix(*colisten_neighbors(listening, n_items, popularity, k), n_items)

    return build


def catalog_lists(listening: Listening, n_items: int, popularity: NDArray[np.float32]) -> sp.csr_matrix:
    """What the catalog stores now: `COLISTEN_MODEL` lists, cosine for artists the model does not know."""
    cosine = colisten_neighbors(listening, n_items, popularity, LISTS_K)
    return table_matrix(*model_neighbors(listening, cosine), n_items)


COMPARED: dict[str, tuple[Callable[[], Recommender], str]] = {
    "cosine-full": (lambda: CatalogLists(cosine_full), "catalog cosine (log plays, shrink 2), every neighbour"),
    "cosine-top50": (lambda: CatalogLists(cosine_top(50)), "its top 50 per artist: the catalog's lists until now"),
    "cosine-top100": (lambda: CatalogLists(cosine_top(100)), "its top 100 per artist"),
    "ease-debiased": (MODELS["ease-debiased"], "the CF section's best before ease-collective-dlae, full weights"),
    "ease-debiased-top50": (MODELS["ease-debiased-top50"], "its 50 largest positive weights per artist"),
    "ease-debiased-top100": (MODELS["ease-debiased-top100"], "its 100 largest positive weights per artist"),
    "ease-collective-dlae-top50": (
        MODELS["ease-collective-dlae-top50"],
        "the best model's (ease-collective-dlae, fitted with the fold's leak-free tags) 50 largest positive "
        "weights per artist; not stored yet: `segue catalog build` has no HetRec artist x tag matrix to fit it with",
    ),
    "catalog-lists": (
        lambda: CatalogLists(catalog_lists),
        f"what `segue catalog build` stores now: {COLISTEN_MODEL} rows, cosine top 50 for one-listener artists",
    ),
}
"""Row name -> (factory, what it is) for the comparison."""


def run(datasets_dir: Path, folds: Sequence[int], names: Sequence[str] = tuple(COMPARED)) -> FoldsReport:
    """Every compared list on every fold, with play counts attached to the train split."""
    started, cpu_started = time.perf_counter(), time.process_time()
    plays = read_plays(datasets_dir / "lastfm-folds" / "interactions.csv")
    report = FoldsReport(folds=list(folds))
    for fold in folds:
        split = with_plays(load_fold(datasets_dir, fold), plays)
        for name in names:
            result = evaluate_model(COMPARED[name][0](), split, name=name)
            log.info("fold %d %-20s P@10 %.4f (%.1f s)", fold, name, result.metrics["P@10"], result.seconds)
            report.ours.setdefault(name, []).append(result)
    report.seconds = time.perf_counter() - started
    report.cpu_seconds = time.process_time() - cpu_started
    return report


def verdict(report: FoldsReport, new: str = "ease-debiased-top50", old: str = "cosine-top50") -> str:
    """One sentence saying whether the truncated model beats the current lists, from the figures themselves."""
    if new not in report.ours or old not in report.ours:
        return "Not decided: run both truncated lists."
    pairs = list(zip(report.ours[new], report.ours[old], strict=True))
    ours = sum(a.metrics["P@10"] for a, _ in pairs) / len(pairs)
    theirs = sum(b.metrics["P@10"] for _, b in pairs) / len(pairs)
    wins = sum(a.metrics["P@10"] >= b.metrics["P@10"] for a, b in pairs)
    decision = "so the catalog stores it" if ours >= theirs else "so the catalog should keep cosine"
    return (
        f"`{new}` mean P@10 {ours:.4f} against `{old}` {theirs:.4f} ({ours - theirs:+.4f}; at least as good on "
        f"{wins} of {len(report.folds)} folds), {decision}."
    )


def render(report: FoldsReport, *, command: str, machine: str) -> str:
    """The EVALUATION.md section: what was compared, the means, P@10 per fold, and the decision."""
    keys = metric_names(report.k)
    folds_text = ", ".join(str(f) for f in report.folds)
    lines = [
        "## Catalog co-listening neighbours: truncated lists as item-item models",
        "",
        f"Command: `{command}`  ",
        f"Machine: {machine}  ",
        f"Runtime: {report.seconds:.0f} s wall, {report.cpu_seconds:.0f} s CPU, folds {folds_text}.",
        "",
        "The catalog stores 50 co-listening neighbours per artist and the engine uses only those rows, so each",
        "candidate is scored as an item-item model: an artist's score for a user is the sum of its scores in the",
        "rows of the user's train artists (for EASE, the sum of kept weights, then / popularity^0.25). Same protocol",
        "and folds as the CF section; the cosine rows use the folds' play counts, like the catalog build.",
        "",
        f"**{verdict(report)}**",
        "",
        "| list | " + " | ".join(keys) + " | s/fold |",
        "|---" * (len(keys) + 2) + "|",
    ]
    for name, results in report.ours.items():
        mean = report.mean(name)
        cells = " | ".join(f"{mean[key]:.4f}" for key in keys)
        lines.append(f"| {name} | {cells} | {sum(r.seconds for r in results) / len(results):.1f} |")
    lines += ["", "| list | what it is |", "|---|---|"]
    lines += [f"| {name} | {COMPARED[name][1]} |" for name in report.ours]
    lines += [
        "",
        "Pruning EASE by raw weight rather than by debiased score was chosen on fold 0 (top 50: P@10 0.1039 against",
        "0.1011). `catalog-lists` differs from `ease-debiased-top50` only for one-listener artists, which the model",
        "ignores and which keep their cosine lists; in the catalog built from all of HetRec every modelled row is",
        "full (6,964 artists, 50 of 50). Top 100 would be better still, but the catalog's shape stays 50.",
        "",
        f"Build cost: {BUILD_COST}",
        "",
        "P@10 per fold:",
        "",
        "| list | " + " | ".join(f"fold {f}" for f in report.folds) + " |",
        "|---" * (len(report.folds) + 1) + "|",
    ]
    for name, results in report.ours.items():
        lines.append(f"| {name} | " + " | ".join(f"{r.metrics['P@10']:.4f}" for r in results) + " |")
    return "\n".join(lines) + "\n"
