"""The pool's narrowed top-k selection agrees with a full selection whenever it answers, and declines on ties."""

from __future__ import annotations

import numpy as np
import pytest

from segue.engine.selection import distinct_top, top_per_group


@pytest.mark.parametrize("seed", range(20))
def test_distinct_top_is_the_full_selection_or_nothing(seed: int) -> None:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(2_000, 20_000))
    values = (rng.permutation(size) / size).astype(np.float32)  # all different
    if seed % 2:  # coarse values: ties inside the top and at its edge
        values = np.round(values * 300) / 300
    k = 400
    top = distinct_top(values, k)
    full = np.argpartition(-values, k)[:k]
    if top is None:
        assert seed % 2  # distinct floats are never declined
        return
    assert set(top.tolist()) == set(full.tolist())
    ordered = top[np.argsort(-values[top], kind="stable")]
    assert np.array_equal(ordered, full[np.argsort(-values[full], kind="stable")])


def test_distinct_top_declines_a_tie_at_the_edge() -> None:
    values = np.arange(1000, dtype=np.float32)
    values[599] = values[600]  # the 400th and 401st largest are equal
    assert distinct_top(values, 400) is None
    values = np.arange(1000, dtype=np.float32)
    assert distinct_top(values, 400) is not None


def test_top_per_group_gives_each_group_its_best() -> None:
    """Group 1's values are all below group 0's: a plain top 4 would be group 0 alone."""
    values = np.array([0.9, 0.8, 0.7, 0.6, 0.2, 0.1, 0.05, 0.5], dtype=np.float32)
    groups = np.array([0, 0, 0, 0, 1, 1, 1, -1], dtype=np.int32)
    assert top_per_group(values, groups, 4).tolist() == [0, 1, 4, 5]


def test_top_per_group_declines_with_one_group() -> None:
    values = np.array([0.3, 0.2, 0.1], dtype=np.float32)
    assert top_per_group(values, np.array([0, 0, -1], dtype=np.int32), 2) is None
