"""The measurement behind the catalog's co-listening lists: play-count weights, the cosine lists, the verdict."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from segue.errors import DatasetError
from segue.evaluation.folds import EvalResult, build_split
from segue.evaluation.neighbors import CatalogLists, cosine_top, verdict, with_plays
from segue.evaluation.report import FoldsReport
from support.listening import N_ARTISTS, listening

K = 6


def test_with_plays_puts_the_play_counts_on_train_and_names_missing_ones() -> None:
    train = np.array([[1, 10], [1, 11], [2, 10]], np.int64)
    test = np.array([[2, 11]], np.int64)
    split = build_split(train, test)
    plays = np.array([[1, 10, 7], [1, 11, 3], [2, 10, 250], [2, 11, 9]], np.int64)
    weighted = with_plays(split, plays)
    assert weighted.train.toarray().tolist() == [[7.0, 3.0], [250.0, 0.0]]
    assert weighted.test is split.test
    with pytest.raises(DatasetError, match="play count"):
        with_plays(split, plays[1:])


def test_catalog_lists_weigh_cosine_by_play_counts() -> None:
    data = listening()
    counts = sp.csr_matrix((data.plays, (data.user, data.artist)), shape=(16, N_ARTISTS))
    binary = counts.copy()
    binary.data[:] = 1.0
    weighted = CatalogLists(cosine_top(K)).fit(counts).score(binary)
    flat = CatalogLists(cosine_top(K)).fit(binary).score(binary)
    assert not np.allclose(weighted, flat), "log(1 + plays) weights must change the cosine lists' scores"


def result(p10: float) -> EvalResult:
    return EvalResult(model="m", users=1, metrics={"P@10": p10}, fit_seconds=0.0, score_seconds=0.0)


@pytest.mark.parametrize(
    ("new", "old", "expected"),
    [([0.10, 0.11], [0.09, 0.09], "so the catalog stores it"), ([0.08, 0.10], [0.09, 0.095], "keep cosine")],
)
def test_verdict_follows_the_figures(new: list[float], old: list[float], expected: str) -> None:
    report = FoldsReport(folds=[0, 1])
    report.ours["ease-debiased-top50"] = [result(p) for p in new]
    report.ours["cosine-top50"] = [result(p) for p in old]
    text = verdict(report)
    assert expected in text
    assert f"{sum(new) / 2:.4f}" in text
