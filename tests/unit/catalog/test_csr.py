"""The plain-numpy CSR operations give scipy's results to the bit: the engine's answers must not move."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from segue.catalog.csr import SHORT_TAIL, CsrArrays, RowProducts


def _random(rows: int, columns: int, density: float, seed: int, dtype: type = np.float32) -> sparse.csr_matrix:
    rng = np.random.default_rng(seed)
    matrix = sparse.random(rows, columns, density=density, format="csr", dtype=dtype, rng=rng)
    matrix.data = rng.random(matrix.data.size).astype(dtype) * 3
    return matrix


def _long_rows(seed: int) -> sparse.csr_matrix:
    """A few rows far longer than the rest, reached by fewer than `SHORT_TAIL` rows: the `np.add.at` tail."""
    rng = np.random.default_rng(seed)
    dense = np.where(rng.random((SHORT_TAIL * 3, 300)) < 0.02, rng.random((SHORT_TAIL * 3, 300)), 0.0)
    dense[:5] = rng.random((5, 300))
    return sparse.csr_matrix(dense.astype(np.float32))


@pytest.mark.parametrize(
    "matrix",
    [_random(500, 40, 0.2, 1), _random(2000, 300, 0.05, 2), _long_rows(3), _random(50, 8, 0.0, 4)],
    ids=["small", "wide", "long rows", "empty"],
)
def test_row_products_are_scipys_float32_sums(matrix: sparse.csr_matrix) -> None:
    products = RowProducts(CsrArrays.of(matrix))
    rng = np.random.default_rng(5)
    for _ in range(5):
        vector = rng.random(matrix.shape[1]).astype(np.float32)
        expected = np.asarray(matrix @ vector).ravel()
        got = products(vector)
        assert got.dtype == expected.dtype
        assert np.array_equal(got, expected)


@pytest.mark.parametrize("nonzero", [0, 1, 3, 12])
def test_row_products_of_a_sparse_vector_are_scipys(nonzero: int) -> None:
    """A vector with few nonzero columns (a seed's style) is summed column by column: the same float32 sums."""
    matrix = _random(3000, 200, 0.08, 10)
    matrix.sort_indices()
    products = RowProducts(CsrArrays.of(matrix))
    rng = np.random.default_rng(11)
    for _ in range(5):
        vector = np.zeros(200, dtype=np.float32)
        vector[rng.choice(200, nonzero, replace=False)] = rng.random(nonzero).astype(np.float32)
        expected = np.asarray(matrix @ vector).ravel()
        got = products(vector)
        assert got.dtype == expected.dtype
        assert np.array_equal(got, expected)


def test_row_products_upcast_as_scipy_does() -> None:
    matrix = _random(300, 30, 0.3, 6, dtype=np.float64)
    vector = np.random.default_rng(7).random(30).astype(np.float32)
    got = RowProducts(matrix)(vector)
    assert got.dtype == np.float64
    assert np.array_equal(got, np.asarray(matrix @ vector).ravel())


def test_transposed_is_scipys_csc() -> None:
    matrix = _random(400, 50, 0.1, 8)
    csc = matrix.tocsc()
    got = CsrArrays.of(matrix).transposed()
    assert got.shape == (50, 400)
    assert np.array_equal(got.indptr, csc.indptr)
    assert np.array_equal(got.indices, csc.indices)
    assert np.array_equal(got.data, csc.data)


def test_rows_kept_and_column() -> None:
    matrix = _random(200, 30, 0.2, 9)
    arrays = CsrArrays.of(matrix)
    which = np.array([5, 0, 199, 5, 17])
    assert (arrays.rows(which).to_scipy() != matrix[which]).nnz == 0
    keep = arrays.data > 1.0
    pruned = matrix.copy()
    pruned.data = np.where(keep, pruned.data, 0)
    pruned.eliminate_zeros()
    kept = arrays.kept(keep)
    assert np.array_equal(kept.indptr, pruned.indptr)
    assert np.array_equal(kept.indices, pruned.indices)
    assert np.array_equal(arrays.column(7), matrix[:, 7].toarray().ravel())
