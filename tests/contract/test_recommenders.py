"""One contract suite run against every recommender, on small synthetic data whose right answers are known.

Two disjoint taste communities (users 0-19 like items 0-9, users 20-39 like items 10-19), plus the checkerboard
of implicit's own suite: every even user likes every even item and every odd user every odd item, except the one
on the diagonal, so the single right top-1 answer for user u is item u.

Besides the registry's models, the catalog's co-listening lists scored as item-item models (the rows of
`segue.evaluation.neighbors`) must keep the same contract, since EVALUATION.md ranks them with the same code.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from segue.cf.graph import RP3beta
from segue.cf.linear import EASE, ease_weights
from segue.cf.models import ItemKNN, NotFittedError, Recommender, sparse_top_k_rows, top_k
from segue.cf.registry import (
    BEST_MODEL,
    MODELS,
    fit_discovery_model,
    item_neighbors,
    load_user_artists,
    make_model,
)
from segue.errors import DatasetError
from segue.evaluation.neighbors import COMPARED

FACTORIES: dict[str, Callable[[], Recommender]] = {
    **MODELS,
    **{f"lists:{name}": factory for name, (factory, _) in COMPARED.items() if name not in MODELS},
}
ALL = sorted(FACTORIES)
PERSONAL = [name for name in ALL if name != "mostpop"]
BLOCK = 10
N_USERS = 40


def communities(seed: int = 7) -> sp.csr_matrix:
    """Each user likes 6 of the 10 items of their own community; item popularity differs within a block."""
    rng = np.random.default_rng(seed)
    dense = np.zeros((N_USERS, 2 * BLOCK), np.float32)
    weights = np.linspace(2.0, 1.0, BLOCK)  # lower items of each block are more popular
    for user in range(N_USERS):
        base = 0 if user < N_USERS // 2 else BLOCK
        liked = rng.choice(BLOCK, size=6, replace=False, p=weights / weights.sum())
        dense[user, base + liked] = 1.0
    return sp.csr_matrix(dense)


def checkerboard(size: int = 30) -> sp.csr_matrix:
    dense = np.zeros((size, size), np.float32)
    for user in range(size):
        dense[user, user % 2 :: 2] = 1.0
    np.fill_diagonal(dense, 0.0)
    return sp.csr_matrix(dense)


@pytest.fixture(scope="module")
def data() -> sp.csr_matrix:
    return communities()


@pytest.fixture(scope="module", params=ALL)
def fitted(request: pytest.FixtureRequest, data: sp.csr_matrix) -> Recommender:
    return build(request.param).fit(data)


@pytest.fixture(scope="module", params=PERSONAL)
def personal(request: pytest.FixtureRequest, data: sp.csr_matrix) -> Recommender:
    return build(request.param).fit(data)


def build(name: str) -> Recommender:
    """A fresh unfitted model: a registry name or a `lists:` row of the catalog-neighbours comparison."""
    return FACTORIES[name]()


def block_of(item: int) -> int:
    return item // BLOCK


# --- the shape of every answer -------------------------------------------------------------------------------


def test_recommend_shape_types_order_and_no_seen_items(fitted: Recommender, data: sp.csr_matrix) -> None:
    ids, scores = fitted.recommend(data, k=3)
    assert ids.shape == scores.shape == (N_USERS, 3)
    assert ids.dtype == np.int32
    assert scores.dtype == np.float32
    assert np.all(np.diff(scores, axis=1) <= 0), "scores must be sorted descending"
    for user in range(N_USERS):
        assert len(set(ids[user].tolist())) == 3
        assert not set(ids[user].tolist()) & set(data[user].indices.tolist())


def test_k_larger_than_catalog_pads_with_minus_one(fitted: Recommender, data: sp.csr_matrix) -> None:
    ids, scores = fitted.recommend(data[:2], k=1000)
    assert ids.shape == (2, data.shape[1])
    for user in range(2):
        valid = ids[user][ids[user] >= 0]
        assert len(valid) == data.shape[1] - data[user].nnz
        assert len(set(valid.tolist())) == len(valid)
        assert np.all(np.isneginf(scores[user][ids[user] < 0]))
        assert np.all(ids[user][: len(valid)] >= 0), "padding only at the end"


def test_k_zero_gives_empty_rows(fitted: Recommender, data: sp.csr_matrix) -> None:
    ids, scores = fitted.recommend(data[:3], k=0)
    assert ids.shape == scores.shape == (3, 0)


def test_exclude_rows_are_respected(fitted: Recommender, data: sp.csr_matrix) -> None:
    first, _ = fitted.recommend(data[:1], k=2)
    exclude = sp.csr_matrix((np.ones(2), ([0, 0], first[0])), shape=(1, data.shape[1]))
    second, _ = fitted.recommend(data[:1], k=2, exclude=exclude)
    assert not set(second[0].tolist()) & set(first[0].tolist())


def test_filter_seen_off_lets_history_back_in(fitted: Recommender) -> None:
    ids, _ = fitted.recommend(fitted.history_row([0]), k=fitted.n_items, filter_seen=False)
    assert 0 in ids[0].tolist()


def test_empty_history_gets_the_most_popular_items(fitted: Recommender, data: sp.csr_matrix) -> None:
    ids, scores = fitted.recommend(sp.csr_matrix((2, data.shape[1]), dtype=np.float32), k=3)
    popularity = np.asarray(data.sum(axis=0)).ravel()
    expected = sorted(range(data.shape[1]), key=lambda i: (-popularity[i], i))[:3]
    assert ids[0].tolist() == ids[1].tolist() == expected
    assert np.all(np.isfinite(scores))


def test_wrong_column_count_and_bad_k_are_rejected(fitted: Recommender) -> None:
    with pytest.raises(ValueError, match="columns"):
        fitted.recommend(sp.csr_matrix((1, fitted.n_items + 1)), k=3)
    with pytest.raises(ValueError, match="k must be"):
        fitted.recommend(fitted.history_row([0]), k=-1)
    with pytest.raises(IndexError):
        fitted.similar_items(fitted.n_items)
    with pytest.raises(IndexError):
        fitted.recommend_from_liked([fitted.n_items])


@pytest.mark.parametrize("name", ALL)
def test_unfitted_model_raises(name: str) -> None:
    with pytest.raises(NotFittedError):
        build(name).recommend(sp.csr_matrix((1, 3)), k=1)


def test_input_matrix_is_not_modified(fitted: Recommender) -> None:
    rows = sp.csr_matrix(np.array([[3.0, 0.0] + [0.0] * (fitted.n_items - 2)], np.float32))
    fitted.recommend(rows, k=2)
    assert rows.data.tolist() == [3.0]


# --- the right answers ---------------------------------------------------------------------------------------


def test_users_get_items_of_their_own_community(personal: Recommender, data: sp.csr_matrix) -> None:
    ids, _ = personal.recommend(data, k=4)  # every user has 4 unseen items in their own block
    for user in range(N_USERS):
        expected_block = 0 if user < N_USERS // 2 else 1
        assert {block_of(i) for i in ids[user].tolist()} == {expected_block}, f"user {user} got {ids[user]}"


def test_mostpop_ranks_by_listeners(data: sp.csr_matrix) -> None:
    model = make_model("mostpop").fit(data)
    ids, _ = model.recommend(data[:1], k=5)
    popularity = np.asarray(data.sum(axis=0)).ravel()
    unseen = [i for i in sorted(range(data.shape[1]), key=lambda i: (-popularity[i], i)) if data[0, i] == 0]
    assert ids[0].tolist() == unseen[:5]


def test_similar_items_stay_in_the_block_and_exclude_the_item(personal: Recommender) -> None:
    for item in range(2 * BLOCK):
        ids, scores = personal.similar_items(item, k=5)
        assert ids.shape == scores.shape == (5,)
        assert item not in ids.tolist()
        assert {block_of(i) for i in ids.tolist()} == {block_of(item)}, f"item {item}: {ids}"


def test_fold_in_equals_scoring_the_training_row(personal: Recommender, data: sp.csr_matrix) -> None:
    for user in (0, 25):
        ids, scores = personal.recommend(data[user], k=4)
        liked_ids, liked_scores = personal.recommend_from_liked(data[user].indices.tolist(), k=4)
        assert liked_ids.tolist() == ids[0].tolist()
        np.testing.assert_allclose(liked_scores, scores[0], rtol=1e-5)


def test_new_user_with_a_few_liked_items_gets_their_community(personal: Recommender) -> None:
    ids, _ = personal.recommend_from_liked([11, 12, 12], k=5)  # duplicates collapse
    assert {block_of(i) for i in ids.tolist()} == {1}
    assert not {11, 12} & set(ids.tolist())


@pytest.mark.parametrize("name", PERSONAL)
def test_checkerboard_withheld_item_is_top(name: str) -> None:
    board = checkerboard()
    model = build(name).fit(board)
    ids, _ = model.recommend(board, k=1)
    assert ids[:, 0].tolist() == list(range(board.shape[0]))
    for item in range(board.shape[0]):
        similar, _ = model.similar_items(item, k=5)
        assert all(i % 2 == item % 2 for i in similar.tolist())


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_users=st.integers(1, 12),
    n_items=st.integers(1, 15),
    density=st.floats(0.0, 0.9),
    k=st.integers(0, 20),
    name=st.sampled_from(ALL),
)
def test_contract_holds_on_random_data(
    seed: int, n_users: int, n_items: int, density: float, k: int, name: str
) -> None:
    rng = np.random.default_rng(seed)
    matrix = sp.csr_matrix((rng.random((n_users, n_items)) < density).astype(np.float32))
    model = build(name).fit(matrix)
    ids, scores = model.recommend(matrix, k=k)
    assert ids.shape == (n_users, min(k, n_items))
    for user in range(n_users):
        eligible = min(k, n_items - matrix[user].nnz)
        valid = ids[user][:eligible].tolist()
        assert all(i >= 0 for i in valid)
        assert len(set(valid)) == len(valid)
        assert not set(valid) & set(matrix[user].indices.tolist())
        assert np.all(ids[user][eligible:] == -1)
        assert np.all(np.isfinite(scores[user][:eligible]))
        assert np.all(np.diff(scores[user][:eligible]) <= 0)
        assert np.all(np.isneginf(scores[user][eligible:]))


# --- model details -------------------------------------------------------------------------------------------


def test_ease_weights_solve_the_closed_form() -> None:
    """B = I - P / diag(P) with zero diagonal, checked against a float64 dense inverse."""
    matrix = communities(3)
    weights = ease_weights(matrix, 5.0)
    gram = (matrix.T @ matrix).toarray().astype(np.float64) + 5.0 * np.eye(matrix.shape[1])
    inverse = np.linalg.inv(gram)
    expected = -inverse / np.diag(inverse)[None, :]
    np.fill_diagonal(expected, 0.0)
    np.testing.assert_allclose(weights, expected, atol=1e-5)
    np.testing.assert_allclose(np.diag(weights), 0.0)


def test_ease_rejects_bad_parameters() -> None:
    with pytest.raises(ValueError, match="lambda"):
        ease_weights(communities(), 0.0)
    with pytest.raises(ValueError, match="lam"):
        EASE(lam=-1.0)


def test_ease_min_listeners_ranks_rare_items_last() -> None:
    matrix = sp.csr_matrix(np.array([[1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 1, 0], [0, 0, 0, 1]], np.float32))
    model = EASE(lam=1.0, min_listeners=2).fit(matrix)
    ids, _ = model.recommend(model.history_row([0]), k=3)
    assert ids[0, -1] == 3, "the one-listener item has no weights and must come after every scored item"


def test_truncated_ease_sums_each_items_largest_weights_then_debiases() -> None:
    """neighbors=K keeps row i's K largest positive weights; a history's score is their sum / popularity^debias."""
    matrix = communities(5)
    weights = ease_weights(matrix, 5.0).astype(np.float64)
    kept = np.zeros_like(weights)
    for item, row in enumerate(weights):
        best = np.argsort(-row)[:3]
        kept[item, best] = np.maximum(row[best], 0.0)
    popularity = np.asarray(matrix.sum(axis=0)).ravel()
    expected = (matrix @ kept) / popularity[None, :] ** 0.5
    cut = EASE(lam=5.0, debias=0.5, neighbors=3).fit(matrix)
    np.testing.assert_allclose(cut.score(matrix), expected, rtol=1e-4, atol=1e-6)
    full = EASE(lam=5.0, debias=0.5).fit(matrix)
    assert not np.allclose(full.score(matrix), expected, atol=1e-3), "the data must make pruning matter"


def test_truncated_ease_still_ranks_one_listener_items_last() -> None:
    matrix = sp.csr_matrix(np.array([[1, 1, 0, 0], [1, 0, 1, 0], [0, 1, 1, 0], [0, 0, 0, 1]], np.float32))
    model = EASE(lam=1.0, min_listeners=2, neighbors=1).fit(matrix)
    ids, scores = model.recommend(model.history_row([0]), k=3)
    assert ids[0, -1] == 3
    assert scores[0, 1] == 0.0, "item 0 keeps one neighbour, so the other scored item gets nothing"


def test_item_neighbors_rows_are_similar_items_with_positive_scores() -> None:
    model = make_model("ease-debiased").fit(communities())
    ids, scores = item_neighbors(model, 12, batch=7)  # 7 does not divide 20 items: a short last batch
    assert ids.shape == scores.shape == (model.n_items, 12)
    for item in range(model.n_items):
        similar, similar_scores = model.similar_items(item, 12)
        positive = similar_scores > 0
        kept = int(positive.sum())
        assert ids[item, :kept].tolist() == similar[positive].tolist()
        np.testing.assert_allclose(scores[item, :kept], similar_scores[positive])
        assert (ids[item, kept:] == -1).all()
        assert (scores[item, kept:] == 0.0).all()
    assert (ids == -1).any(), "EASE weights across the two communities are not positive: rows must be padded"


def test_debias_moves_a_long_tail_item_up() -> None:
    """Debiasing divides by popularity**debias, so an item liked by fewer users overtakes a popular one."""
    rng = np.random.default_rng(1)
    dense = (rng.random((60, 8)) < 0.5).astype(np.float32)
    dense[:, 0] = 1.0  # item 0: everyone
    matrix = sp.csr_matrix(dense)
    plain = EASE(lam=10.0).fit(matrix).score(matrix)
    debiased = EASE(lam=10.0, debias=1.0).fit(matrix).score(matrix)
    popularity = dense.sum(axis=0)
    np.testing.assert_allclose(debiased, plain / popularity[None, :], rtol=1e-4, atol=1e-6)


@pytest.mark.parametrize(
    "factory",
    [
        lambda: ItemKNN(neighbors=0),
        lambda: ItemKNN(shrink=-1),
        lambda: RP3beta(alpha=0),
        lambda: EASE(debias=-1),
        lambda: EASE(neighbors=0),
    ],
)
def test_invalid_hyperparameters_are_rejected(factory: Callable[[], Recommender]) -> None:
    with pytest.raises(ValueError, match=">="):
        factory()


def test_top_k_breaks_ties_by_lowest_id_and_marks_ineligible() -> None:
    scores = np.array([[1.0, 2.0, 2.0, -np.inf], [-np.inf, -np.inf, 0.5, 0.5]], np.float32)
    ids, top = top_k(scores, 3)
    assert ids.tolist() == [[1, 2, 0], [2, 3, -1]]
    assert top[1, 2] == -np.inf


def test_sparse_top_k_rows_keeps_the_largest_positive_entries_across_blocks() -> None:
    dense = np.array([[0.0, 3.0, 1.0, -2.0], [5.0, 0.0, 4.0, 6.0], [-1.0, -1.0, 0.0, 0.5]], np.float32)
    expected = [[0.0, 3.0, 1.0, 0.0], [5.0, 0.0, 0.0, 6.0], [0.0, 0.0, 0.0, 0.5]]
    for block in (1, 2, 1024):
        pruned = sparse_top_k_rows(dense, 2, block=block)
        assert pruned.dtype == np.float32
        assert pruned.toarray().tolist() == expected, f"block={block}"


def test_unknown_model_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="known"):
        make_model("nope")


# --- runtime discovery ---------------------------------------------------------------------------------------


def test_discovery_model_maps_back_to_input_columns() -> None:
    matrix = communities()
    # Append two columns nobody (or one user) listened to: min_listeners=2 must drop them.
    extra = sp.csr_matrix(([1.0], ([0], [1])), shape=(N_USERS, 2))
    wide = sp.hstack([extra, matrix]).tocsr()
    found = fit_discovery_model(wide, min_listeners=2)
    assert found.model.name == make_model(BEST_MODEL).name
    assert found.columns.tolist() == list(range(2, 2 + 2 * BLOCK))
    columns, scores = found.recommend_from_columns([2 + 11, 2 + 12, 1], k=4)  # column 1 is unknown: ignored
    assert len(columns) == len(scores) == 4
    assert all(2 + BLOCK <= c < 2 + 2 * BLOCK for c in columns.tolist())
    assert not {13, 14} & set(columns.tolist())
    similar, _ = found.similar_to_column(2 + 3, k=3)
    assert all(2 <= c < 2 + BLOCK for c in similar.tolist())
    assert 5 not in similar.tolist()
    assert found.similar_to_column(1)[0].size == 0


def test_load_user_artists_reads_hetrec_format(tmp_path: Path) -> None:
    path = tmp_path / "user_artists.dat"
    path.write_text("userID\tartistID\tweight\n2\t51\t13883\n2\t52\t11690\n4\t51\t7\n")
    loaded = load_user_artists(path)
    assert loaded.user_ids.tolist() == [2, 4]
    assert loaded.artist_ids.tolist() == [51, 52]
    assert loaded.plays.toarray().tolist() == [[13883.0, 11690.0], [7.0, 0.0]]
    with pytest.raises(DatasetError, match="no such file"):
        load_user_artists(tmp_path / "missing.dat")
