"""Helpers of the engine's per-request signals."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from segue.engine.signals import _max_except, top_tags_per_row


def test_max_except_skips_the_seeds_and_leaves_the_array_as_it_was() -> None:
    values = np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32)
    assert _max_except(values, [0, 2]) == np.float32(0.4)
    assert _max_except(values, [0, 0]) == np.float32(0.7)  # a seed named twice
    assert values.tolist() == np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32).tolist()


def test_max_except_is_zero_when_every_position_is_skipped() -> None:
    values = np.array([0.5, 0.3], dtype=np.float32)
    assert _max_except(values, [1, 0, 1]) == 0.0


def _top_by_rows(dense: np.ndarray, k: int, least: float) -> list[list[int]]:
    """Each row's kept columns, the slow way: the k largest (ties: the earlier column), those reaching `least`."""
    kept = []
    for row in dense:
        ranked = sorted((c for c in range(row.size) if row[c] != 0), key=lambda c: (-row[c], c))[:k]
        kept.append(sorted(c for c in ranked if row[c] >= least))
    return kept


@pytest.mark.parametrize("sign", [1.0, -1.0])  # all weights positive (the sort on one integer key), or not
def test_top_tags_per_row_keeps_the_k_largest_earlier_column_on_ties(sign: float) -> None:
    rng = np.random.default_rng(7)
    dense = rng.choice([0.0, 0.0, 0.05, 0.12, 0.3, 0.3, 0.5, 1.0, 3e-9], size=(60, 12)).astype(np.float32)
    dense[0, 3] = sign * 0.2
    for k in (1, 2, 5):
        top = top_tags_per_row(sparse.csr_matrix(dense), k, min_weight=0.1)
        assert [top.indices[a:b].tolist() for a, b in zip(top.indptr, top.indptr[1:], strict=False)] == (
            _top_by_rows(dense, k, 0.1)
        )
