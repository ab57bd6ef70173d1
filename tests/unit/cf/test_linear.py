"""Collective EASE: the stacked closed form, what tags add, and the contract with side information supplied."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from segue.cf.linear import EASE, CollectiveEASE, ease_weights
from segue.cf.registry import fit_discovery_model, make_model


def two_communities(seed: int = 3) -> sp.csr_matrix:
    """Users 0-19 like 5 of items 0-9, users 20-39 like 5 of items 10-19."""
    rng = np.random.default_rng(seed)
    dense = np.zeros((40, 20), np.float32)
    for user in range(40):
        base = 0 if user < 20 else 10
        dense[user, base + rng.choice(10, size=5, replace=False)] = 1.0
    return sp.csr_matrix(dense)


def block_tags() -> sp.csr_matrix:
    """Tag 0 on items 0-9, tag 1 on items 10-19, tag 2 on the pair (0, 19) only."""
    dense = np.zeros((3, 20), np.float32)
    dense[0, :10] = dense[1, 10:] = 1.0
    dense[2, [0, 19]] = 1.0
    return sp.csr_matrix(dense)


def test_weights_are_plain_ease_on_users_stacked_over_scaled_tags() -> None:
    users, tags, weight = two_communities(), block_tags(), 0.7
    stacked = sp.vstack([users, np.sqrt(weight) * tags]).tocsr()
    expected = ease_weights(stacked, 5.0, dtype=np.float64)
    got = ease_weights(users, 5.0, dtype=np.float64, side=tags, side_weight=weight)
    np.testing.assert_allclose(got, expected, atol=1e-6)
    assert not np.allclose(got, ease_weights(users, 5.0, dtype=np.float64), atol=1e-3), "tags must matter here"


def test_without_tags_it_is_ease_with_the_same_parameters() -> None:
    matrix = two_communities()
    collective = CollectiveEASE(lam=5.0, min_listeners=2, debias=0.5, tag_weight=1.0).fit(matrix)
    plain = EASE(lam=5.0, min_listeners=2, debias=0.5).fit(matrix)
    np.testing.assert_allclose(collective.score(matrix), plain.score(matrix), rtol=1e-5)


def test_a_shared_tag_links_items_no_user_shares() -> None:
    """Items 0 and 19 have no common listener; only tag 2 joins them, so only the collective model relates them."""
    matrix = two_communities()
    plain = CollectiveEASE(lam=5.0, tag_weight=1.0).fit(matrix)
    tagged = CollectiveEASE(lam=5.0, tag_weight=1.0).fit(matrix, side=block_tags())
    score_plain = plain.score(plain.history_row([0]))[0, 19]
    score_tagged = tagged.score(tagged.history_row([0]))[0, 19]
    assert score_tagged > 0 >= score_plain


def test_tagged_model_keeps_the_recommender_contract() -> None:
    matrix = two_communities()
    model = make_model("ease-collective").fit(matrix, side=block_tags())
    ids, scores = model.recommend(matrix, k=4)
    assert ids.dtype == np.int32
    assert scores.dtype == np.float32
    for user in range(matrix.shape[0]):
        assert not set(ids[user].tolist()) & set(matrix[user].indices.tolist())
        assert {i // 10 for i in ids[user].tolist()} == {0 if user < 20 else 1}
        assert np.all(np.diff(scores[user]) <= 0)
    liked_ids, _ = model.recommend_from_liked(matrix[25].indices.tolist(), k=4)
    assert liked_ids.tolist() == ids[25].tolist()


def test_refit_without_side_forgets_the_previous_tags() -> None:
    matrix = two_communities()
    model = CollectiveEASE(lam=5.0, tag_weight=1.0).fit(matrix, side=block_tags()).fit(matrix)
    plain = CollectiveEASE(lam=5.0, tag_weight=1.0).fit(matrix)
    np.testing.assert_allclose(model.score(matrix), plain.score(matrix), rtol=1e-5)


def test_bad_side_and_weight_are_rejected() -> None:
    with pytest.raises(ValueError, match="side has 3 columns"):
        CollectiveEASE().fit(two_communities(), side=sp.csr_matrix((2, 3)))
    with pytest.raises(ValueError, match="tag_weight >= 0"):
        CollectiveEASE(tag_weight=-0.1)
    with pytest.raises(ValueError, match="dropout"):
        CollectiveEASE(dropout=1.0)


def test_dropout_emphasis_regularises_each_item_by_its_own_gram_diagonal() -> None:
    """DLAE: lambda_i = lambda + p / (1 - p) * G_ii, checked against a float64 dense inverse."""
    users, tags, p = two_communities(), block_tags(), 0.25
    gram = (users.T @ users).toarray().astype(np.float64) + 0.5 * (tags.T @ tags).toarray()
    gram += np.diag(5.0 + p / (1 - p) * np.diag(gram))
    inverse = np.linalg.inv(gram)
    expected = -inverse / np.diag(inverse)[None, :]
    np.fill_diagonal(expected, 0.0)
    got = ease_weights(users, 5.0, dtype=np.float64, side=tags, side_weight=0.5, dropout=p)
    np.testing.assert_allclose(got, expected, atol=1e-6)


def test_pruned_collective_keeps_each_items_largest_tagged_weights() -> None:
    matrix, tags = two_communities(), block_tags()
    weights = ease_weights(matrix, 5.0, side=tags, side_weight=1.0).astype(np.float64)
    kept = np.zeros_like(weights)
    for item, row in enumerate(weights):
        best = np.argsort(-row)[:3]
        kept[item, best] = np.maximum(row[best], 0.0)
    model = CollectiveEASE(lam=5.0, min_listeners=1, debias=0.0, tag_weight=1.0, neighbors=3)
    np.testing.assert_allclose(model.fit(matrix, side=tags).score(matrix), matrix @ kept, rtol=1e-4, atol=1e-6)


def test_discovery_fit_passes_tags_for_the_kept_artists_only() -> None:
    """A one-listener column is dropped from the listening and from the tags alike, so the shapes still agree."""
    matrix = sp.hstack([sp.csr_matrix(([1.0], ([0], [0])), shape=(40, 1)), two_communities()]).tocsr()
    tags = sp.hstack([sp.csr_matrix(np.ones((3, 1), np.float32)), block_tags()]).tocsr()
    found = fit_discovery_model(matrix, name="ease-collective", side=tags)
    assert found.columns.tolist() == list(range(1, 21))
    plain = fit_discovery_model(matrix, name="ease-collective")
    similar, _ = found.similar_to_column(1, k=19)
    plain_similar, _ = plain.similar_to_column(1, k=19)
    assert similar.tolist().index(20) < plain_similar.tolist().index(20), "tag 2 joins artists 0 and 19"
