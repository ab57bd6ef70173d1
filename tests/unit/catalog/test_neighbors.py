"""The catalog's co-listening lists: the best model's neighbours with a cosine fallback (the measurement behind the
choice is in tests/unit/evaluation/test_neighbors.py)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog.neighbors import COLISTEN_MODEL, colisten_neighbors, drop_lone_listener_rows, model_neighbors
from segue.cf.registry import fit_discovery_model, item_neighbors
from support.listening import N_ARTISTS, listening

K = 6
Table = tuple[NDArray[np.int32], NDArray[np.float32]]


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


def test_a_lone_listeners_row_gives_way_where_playlists_know_the_artist(tables: tuple[Table, Table]) -> None:
    _, (ids, scores) = tables
    playlisted = np.full((N_ARTISTS, K), -1, np.int32)
    playlisted[10, 0] = 3  # the one-listener artist sits on playlists beside artist 3
    playlisted[2, 0] = 4  # so does a well-listened artist
    kept_ids, kept_scores = drop_lone_listener_rows((ids, scores), playlisted, listening())
    assert ids[10, 0] >= 0, "the lone listener's library gave artist 10 a row"
    assert (kept_ids[10] == -1).all()
    assert (kept_scores[10] == 0).all()
    others = np.arange(N_ARTISTS) != 10
    assert kept_ids[others].tolist() == ids[others].tolist(), "artists with listeners, or no playlists, keep theirs"
    unlisted = np.full((N_ARTISTS, K), -1, np.int32)
    assert drop_lone_listener_rows((ids, scores), unlisted, listening())[0].tolist() == ids.tolist()
