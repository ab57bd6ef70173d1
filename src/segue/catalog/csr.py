"""Sparse rows as three plain numpy arrays (CSR), and the few operations the engine runs on them.

`segue ask` starts as a fresh process, and importing scipy.sparse cost ~90 ms of it (most in scipy's array-API
shim, which imports numpy.f2py and numpy.testing; BENCHMARKS.md, issue 14). The engine reads rows, columns and
one matrix-vector product; these do it with numpy alone, with the same float32 steps as scipy's kernels, so the
answers stay the same to the bit. The build and the tests still use scipy (`to_scipy`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    import scipy.sparse as sp


class SparseRows(Protocol):
    """Anything with CSR arrays: a `CsrArrays`, or a scipy `csr_matrix` (a test's small catalog)."""

    @property
    def data(self) -> NDArray[Any]: ...

    @property
    def indices(self) -> NDArray[Any]: ...

    @property
    def indptr(self) -> NDArray[Any]: ...

    @property
    def shape(self) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class CsrArrays:
    """A CSR matrix (row i's columns are `indices[indptr[i]:indptr[i + 1]]`); read as a CSC one, it is the
    transpose's CSR (`transposed`)."""

    data: NDArray[Any]
    indices: NDArray[np.int32]
    indptr: NDArray[Any]
    shape: tuple[int, int]

    @classmethod
    def of(cls, matrix: SparseRows, dtype: type[np.floating[Any]] | None = None) -> CsrArrays:
        """The arrays of any CSR matrix, its values as `dtype` (copied only when the type differs)."""
        data = np.asarray(matrix.data) if dtype is None else np.asarray(matrix.data, dtype=dtype)
        shape = (int(matrix.shape[0]), int(matrix.shape[1]))
        return cls(data, np.asarray(matrix.indices), np.asarray(matrix.indptr), shape)

    def row_ids(self) -> NDArray[np.intp]:
        """The row of every stored entry."""
        return np.repeat(np.arange(self.shape[0], dtype=np.intp), np.diff(self.indptr))

    def transposed(self) -> CsrArrays:
        """The transpose, i.e. this matrix by column (scipy's `tocsc`): a stable sort by column keeps each column's
        rows in order, as scipy's conversion does."""
        order = stable_order(self.indices, self.shape[1])
        counts = np.bincount(self.indices, minlength=self.shape[1])
        indptr = np.zeros(self.shape[1] + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        rows = self.row_ids()[order].astype(np.int32)
        return CsrArrays(self.data[order], rows, indptr, (self.shape[1], self.shape[0]))

    def rows(self, which: NDArray[np.integer[Any]]) -> CsrArrays:
        """The given rows, in the given order (scipy's `matrix[which]`)."""
        starts = np.asarray(self.indptr, dtype=np.int64)[which]
        lengths = np.asarray(self.indptr, dtype=np.int64)[np.asarray(which) + 1] - starts
        indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        positions = np.arange(int(indptr[-1]), dtype=np.int64) + np.repeat(starts - indptr[:-1], lengths)
        return CsrArrays(self.data[positions], self.indices[positions], indptr, (len(lengths), self.shape[1]))

    def kept(self, keep: NDArray[np.bool_]) -> CsrArrays:
        """Only the entries where `keep` is True (scipy's `eliminate_zeros` when `keep` is `data != 0`)."""
        counts = np.bincount(self.row_ids()[keep], minlength=self.shape[0])
        indptr = np.zeros(self.shape[0] + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        return CsrArrays(self.data[keep], self.indices[keep], indptr, self.shape)

    def sorted_by_column(self) -> CsrArrays:
        """Each row's entries by column (scipy's `sort_indices`); the catalog's rows already are: then itself."""
        key = self.row_ids().astype(np.int64) * max(self.shape[1], 1) + self.indices
        if key.size < 2 or bool((np.diff(key) > 0).all()):
            return self
        order = np.argsort(key, kind="stable")
        return CsrArrays(self.data[order], self.indices[order], self.indptr, self.shape)

    def column(self, column: int) -> NDArray[Any]:
        """One column as a dense vector (0 where a row has no entry)."""
        out = np.zeros(self.shape[0], dtype=self.data.dtype)
        hit = self.indices == column
        out[self.row_ids()[hit]] = self.data[hit]
        return out

    def to_scipy(self) -> sp.csr_matrix:
        """The same arrays as a scipy matrix, for the build, the evaluation and tests (imports scipy)."""
        import scipy.sparse as sp

        return sp.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape, copy=False)


def stable_order(keys: NDArray[np.integer[Any]], bound: int) -> NDArray[np.intp]:
    """`np.argsort(keys, kind="stable")` for keys in 0..bound-1: as 16-bit keys when they fit, which numpy sorts by
    radix (~4x faster on a catalog's 118k tag entries, and this runs at every start)."""
    if bound <= 1 << 16:
        return np.argsort(keys.astype(np.uint16), kind="stable")
    return np.argsort(keys, kind="stable")


def any_in_columns(matrix: CsrArrays, columns: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Per row: whether it has a positive weight in any of the flagged columns (`(matrix @ columns) > 0` for the
    catalog's positive weights)."""
    hit = columns[matrix.indices] & (matrix.data > 0)
    return np.bincount(matrix.row_ids()[hit], minlength=matrix.shape[0]) > 0


def column_entries(
    matrix: SparseRows, columns: Sequence[int], dtype: type[np.float32] | None = np.float32
) -> tuple[NDArray[np.int32], NDArray[np.floating], NDArray[np.int32]]:
    """Row, value and column of every stored entry in the given CSC columns, gathered without a Python loop (of a
    CSR matrix: column, value and row of the given rows); values as `dtype` (None: as stored)."""
    cols = np.asarray(columns, dtype=np.int64)
    if cols.size == 0:
        return np.zeros(0, np.int32), np.zeros(0, dtype or matrix.data.dtype), np.zeros(0, np.int32)
    starts = matrix.indptr[cols].astype(np.int64)
    lengths = matrix.indptr[cols + 1].astype(np.int64) - starts
    total = int(lengths.sum())
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    positions = np.arange(total, dtype=np.int64) + offsets
    rows = np.asarray(matrix.indices[positions], dtype=np.int32)
    vals = np.asarray(matrix.data[positions], dtype=dtype)
    return rows, vals, np.repeat(cols, lengths).astype(np.int32)


def columns_max(
    matrix: SparseRows, columns: Sequence[int], n_rows: int
) -> tuple[NDArray[np.float32], NDArray[np.int32]]:
    """Per row: the largest value over the given columns (0 when none) and the column holding it (-1)."""
    rows, vals, cols = column_entries(matrix, columns)
    best = np.zeros(n_rows, dtype=np.float32)
    np.maximum.at(best, rows, vals)
    which = np.full(n_rows, -1, dtype=np.int32)
    winners = (vals > 0) & (vals == best[rows])
    which[rows[winners]] = cols[winners]
    return best, which


SHORT_TAIL = 256
"""Entries at a row position fewer rows reach than this are summed by `np.add.at` rather than one slice each (the
longest artist rows run to ~140 tags, held by a handful of artists)."""


SPARSE_SHARE = 0.4
"""`RowProducts` sums by column while the entries it reads stay under this share of the matrix's (a gather-add per
entry costs about 2.5 times a slice-add per stored entry)."""
COLUMN_WORK = 350
"""One column's fixed cost in `RowProducts._by_columns`, in entries (a handful of numpy calls)."""


class RowProducts:
    """`matrix @ vector` with scipy's float32 steps: each row's products summed left to right, one rounding per
    addition (numpy's own sums are pairwise, so they differ in the last bit, and ties in a ranking with them).

    Rows are sorted longest first, so the k-th entries of every row long enough are one contiguous slice: one
    vectorized addition per position instead of a Python loop over rows. A vector with few nonzero columns (a seed's
    style: ~10 of ~1,900 tags) is summed column by column instead (`_by_columns`), which skips the products that are
    zero: adding a zero leaves a float sum as it was, so only the order of the others counts, and column order is
    each row's own order where the rows' columns are sorted, as the catalog's are.
    """

    def __init__(self, matrix: SparseRows) -> None:
        m = CsrArrays.of(matrix)
        self.n_rows = m.shape[0]
        self.dtype = m.data.dtype
        indptr = np.asarray(m.indptr, dtype=np.int64)
        lengths = np.diff(indptr)
        longest = int(lengths.max(initial=0))
        self._order = stable_order(longest - lengths, longest + 1)  # longest first, ties in row order
        reach = np.bincount(lengths, minlength=1)[::-1].cumsum()[::-1]  # reach[j]: rows with at least j entries
        counts = [int(c) for c in reach[1:]]  # counts[k]: rows with an entry at position k
        head = next((k for k, c in enumerate(counts) if c < SHORT_TAIL), len(counts))
        sorted_starts = indptr[self._order]
        positions = [sorted_starts[:c] + k for k, c in enumerate(counts[:head])]
        at = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
        self._data, self._columns = m.data[at], np.asarray(m.indices, dtype=np.intp)[at]
        ends = np.cumsum(counts[:head], dtype=np.int64)
        self._slices = [(c, int(e) - c, int(e)) for c, e in zip(counts[:head], ends, strict=True)]
        # The entries past `head` in each row, row by row and in order, added after the slices.
        rank = np.empty(self.n_rows, dtype=np.intp)
        rank[self._order] = np.arange(self.n_rows)
        within = np.arange(indptr[-1], dtype=np.int64) - np.repeat(indptr[:-1], lengths)
        tail = np.flatnonzero(within >= head)
        self._tail_rows = rank[m.row_ids()[tail]]
        self._tail_data, self._tail_columns = m.data[tail], np.asarray(m.indices, dtype=np.intp)[tail]
        by_column = m.transposed() if m.sorted_by_column() is m else None
        self._by_column = None
        if by_column is not None:  # values, rows and column starts
            rows, starts = np.asarray(by_column.indices, dtype=np.intp), np.asarray(by_column.indptr, dtype=np.int64)
            self._by_column = (by_column.data, rows, starts)
        self._dense_work = SPARSE_SHARE * int(indptr[-1])

    def __call__(self, vector: NDArray[Any]) -> NDArray[Any]:
        """One value per row: the row's entries times `vector`, summed in order (scipy's `csr_matvec`)."""
        if self._by_column is not None:
            data, rows, column_starts = self._by_column
            nonzero = np.flatnonzero(vector)
            starts, ends = column_starts[nonzero], column_starts[nonzero + 1]
            if int((ends - starts).sum()) + COLUMN_WORK * nonzero.size < self._dense_work:
                spans = zip(nonzero.tolist(), starts.tolist(), ends.tolist(), strict=True)
                return self._by_columns(vector, data, rows, spans)
        products = self._data * vector[self._columns]
        sums = np.zeros(self.n_rows, dtype=np.result_type(self.dtype, vector.dtype))
        for count, start, end in self._slices:
            sums[:count] += products[start:end]
        if self._tail_rows.size:
            np.add.at(sums, self._tail_rows, self._tail_data * vector[self._tail_columns])
        out = np.empty_like(sums)
        out[self._order] = sums
        return out

    def _by_columns(
        self, vector: NDArray[Any], data: NDArray[Any], rows: NDArray[np.intp], spans: Iterable[tuple[int, int, int]]
    ) -> NDArray[Any]:
        """`__call__` over the vector's nonzero columns only (`spans`: column, start, end of its entries), in
        ascending order: each row gets its nonzero products in its own order, one rounding per addition, so the
        sums are the same to the bit."""
        sums = np.zeros(self.n_rows, dtype=np.result_type(self.dtype, vector.dtype))
        for column, start, end in spans:
            at = rows[start:end]  # a column holds each row once, so the gather-add-scatter adds each once
            sums[at] += data[start:end] * vector[column]
        return sums
