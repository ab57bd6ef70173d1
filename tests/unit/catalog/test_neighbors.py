"""The catalog's co-listening lists from the best model with a cosine fallback, and the measurement behind them."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog.merge import Listening
from segue.catalog.neighbors import COLISTEN_MODEL, colisten_neighbors, model_neighbors
from segue.cf.registry import fit_discovery_model, item_neighbors
from segue.errors import DatasetError
from segue.evaluation.folds import EvalResult, build_split
from segue.evaluation.neighbors import CatalogLists, cosine_top, verdict, with_plays
from segue.evaluation.report import FoldsReport

K = 6
Table = tuple[NDArray[np.int32], NDArray[np.float32]]
# Artists 0-4 are one taste group and 5-9 another (users 0-7 / 8-15), each user likes 4 of their group's 5;
# artist 10 has one listener (user 0), artist 11 none.
N_ARTISTS = 12


def listening() -> Listening:
    rng = np.random.default_rng(4)
    users, artists, plays = [], [], []
    for user in range(16):
        base = 0 if user < 8 else 5
        for artist in base + rng.choice(5, size=4, replace=False):
            users.append(user)
            artists.append(int(artist))
            plays.append(float(rng.integers(1, 500)))
    users.append(0)
    artists.append(10)
    plays.append(30.0)
    return Listening(
        user=np.array(users, np.int32), artist=np.array(artists, np.int32), plays=np.array(plays), n_users=16
    )


@pytest.fixture(scope="module")
def tables() -> tuple[Table, Table]:
    data = listening()
    popularity = np.linspace(1.0, 0.1, N_ARTISTS).astype(np.float32)
    cosine = colisten_neighbors(data, N_ARTISTS, popularity, K)
    return cosine, model_neighbors(data, cosine)


def test_modelled_rows_are_the_models_neighbours_then_a_cosine_tail(tables: tuple[Table, Table]) -> None:
    (cos_ids, cos_scores), (ids, scores) = tables
    data = listening()
    binary = sp.csr_matrix((np.ones(len(data.user), np.float32), (data.user, data.artist)), shape=(16, N_ARTISTS))
    found = fit_discovery_model(binary, name=COLISTEN_MODEL)
    assert found.columns.tolist() == list(range(10)), "artists 10 (one listener) and 11 (none) are not modelled"
    model_ids, model_scores = item_neighbors(found.model, K)
    tails = 0
    for row, artist in enumerate(found.columns.tolist()):
        kept = int((model_ids[row] >= 0).sum())
        mine = found.columns[model_ids[row, :kept]].tolist()
        assert 0 < kept < K, "EASE weights to the other taste group are not positive: every row is short"
        assert ids[artist, :kept].tolist() == mine
        np.testing.assert_allclose(scores[artist, :kept], model_scores[row, :kept])
        tail = [(j, s) for j, s in zip(cos_ids[artist], cos_scores[artist], strict=True) if j >= 0 and j not in mine]
        tail = tail[: K - kept]
        end = kept + len(tail)
        assert ids[artist, kept:end].tolist() == [j for j, _ in tail]
        np.testing.assert_allclose(scores[artist, kept:end], [model_scores[row, kept - 1] * s for _, s in tail])
        assert (scores[artist, kept:end] < scores[artist, kept - 1]).all(), "the tail ranks after the model's"
        assert (ids[artist, end:] == -1).all()
        tails += len(tail)
    assert tails > 0, "the data must exercise the cosine tail"


def test_artists_the_model_does_not_know_keep_their_cosine_list(tables: tuple[Table, Table]) -> None:
    (cos_ids, cos_scores), (ids, scores) = tables
    assert cos_ids[10, 0] >= 0, "the one-listener artist has cosine neighbours to keep"
    assert ids[10].tolist() == cos_ids[10].tolist()
    assert scores[10].tolist() == cos_scores[10].tolist()
    assert (ids[11] == -1).all()
    assert ((ids >= 0).sum(axis=1) >= (cos_ids >= 0).sum(axis=1)).all(), "no artist's list gets shorter"


def test_scores_are_non_negative_and_padding_is_minus_one_with_zero(tables: tuple[Table, Table]) -> None:
    (_, _), (ids, scores) = tables
    assert ids.dtype == np.int32
    assert scores.dtype == np.float32
    assert (scores >= 0).all()
    assert (scores[ids < 0] == 0).all()
    assert ((ids[:, 1:] >= 0) <= (ids[:, :-1] >= 0)).all(), "padding only at the end"
    for artist, row in enumerate(ids):
        valid = row[row >= 0].tolist()
        assert artist not in valid
        assert len(set(valid)) == len(valid)


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
