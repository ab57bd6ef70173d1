"""Artist-to-artist neighbour lists: co-listening (HetRec users), co-playlisting (Spotify Songs playlists) and
shared tags (TF-IDF cosine).

Both are top-K tables of (index, score) padded with -1, so the engine reads a row instead of computing a
similarity at request time, and explanations can name the neighbour ("shares listeners with Daft Punk").
Co-listening rows come from the best measured recommender (`COLISTEN_MODEL`) where it knows the artist and from
item-item cosine elsewhere.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog.merge import Listening, TrackRow
from segue.cf.registry import fit_discovery_model, item_neighbors

COLISTEN_SHRINK = 2.0
"""Shrinkage of item-item cosine by co-listener count n: sim * n / (n + 2).

Measured on lastfm-folds folds 0 and 1 (item-kNN over these top-50 lists, P@10 over test users): log(1+plays)
weights with shrinkage 0/2/5/10/25 gave 0.0841/0.0901/0.0882/0.0861/0.0824 (fold 0) and 0.0851/0.0921/0.0902/
0.0879/0.0825 (fold 1); binary weights were a hair behind (0.0898 and 0.0916 at 2).
"""

COLISTEN_MODEL = "ease-debiased-top50"
"""Registry model whose per-artist top-50 lists replace cosine for artists with >= `COLISTEN_MIN_LISTENERS`.

Both are scored as item-item models on lastfm-folds 0-4 (score = sum of the user's artists' rows) by `segue
eval-neighbors`; the figures, including the build time and memory the EASE fit costs, are in EVALUATION.md
(catalog-neighbours section).
"""

COLISTEN_MIN_LISTENERS = 2
"""The model ignores one-listener artists (half of HetRec's): they keep their cosine lists."""

_TIE_BREAK = 1e-3
"""Equal scores (thousands of Spotify-only artists tagged just 'pop, dance pop') rank the popular artist first."""

_CHUNK = 1024


def _top_k_rows(
    sim: sp.csr_matrix,
    popularity: NDArray[np.float32],
    k: int,
    out_idx: NDArray[np.int32],
    out_score: NDArray[np.float32],
    row_offset: int = 0,
) -> None:
    """Write each row's k best columns (excluding the row's own artist) into the output tables."""
    indptr, indices, data = sim.indptr, sim.indices, sim.data
    for r in range(sim.shape[0]):
        start, end = int(indptr[r]), int(indptr[r + 1])
        if start == end:
            continue
        cols = indices[start:end]
        vals = data[start:end]
        keep = (cols != r + row_offset) & (vals > 0)
        cols, vals = cols[keep], vals[keep]
        if cols.size == 0:
            continue
        rank = vals + _TIE_BREAK * popularity[cols]
        if cols.size > k:
            best = np.argpartition(-rank, k - 1)[:k]
            cols, vals, rank = cols[best], vals[best], rank[best]
        order = np.argsort(-rank, kind="stable")
        out_idx[r + row_offset, : order.size] = cols[order]
        out_score[r + row_offset, : order.size] = vals[order]


def _empty(n: int, k: int) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    return np.full((n, k), -1, dtype=np.int32), np.zeros((n, k), dtype=np.float32)


def colisten_similarity(listening: Listening, n_artists: int, shrink: float = COLISTEN_SHRINK) -> sp.csr_matrix:
    """Item-item cosine over users with log(1 + plays) weights, shrunk by co-listener count (diagonal included)."""
    weights = sp.csr_matrix(
        (np.log1p(listening.plays), (listening.user, listening.artist)), shape=(listening.n_users, n_artists)
    )
    norms = np.sqrt(np.asarray(weights.multiply(weights).sum(axis=0)).ravel())
    norms[norms == 0] = 1.0
    unit = sp.csr_matrix(weights @ sp.diags(1.0 / norms))
    binary = weights.copy()
    binary.data[:] = 1.0
    cosine = sp.csr_matrix(unit.T @ unit)
    overlap = sp.csr_matrix(binary.T @ binary)
    overlap.data = overlap.data / (overlap.data + shrink)
    sim = sp.csr_matrix(cosine.multiply(overlap))
    sim.sort_indices()
    return sim


def colisten_neighbors(
    listening: Listening, n_artists: int, popularity: NDArray[np.float32], k: int, shrink: float = COLISTEN_SHRINK
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """`colisten_similarity`'s top k per artist (the artist itself left out)."""
    out_idx, out_score = _empty(n_artists, k)
    _top_k_rows(colisten_similarity(listening, n_artists, shrink), popularity, k, out_idx, out_score)
    return out_idx, out_score


def model_neighbors(
    listening: Listening,
    cosine: tuple[NDArray[np.int32], NDArray[np.float32]],
    *,
    name: str = COLISTEN_MODEL,
    min_listeners: int = COLISTEN_MIN_LISTENERS,
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """The registry model's neighbour lists for the artists it knows, the `cosine` lists (same shape) elsewhere.

    Model scores are positive and comparable within a row (debiased weights), which is all the engine needs: it
    scales each seed's row by its maximum. A model row shorter than k is filled from the artist's cosine list,
    scored below the model's last neighbour (its score x cosine, and cosine < 1 under shrinkage), much as EASE ranks
    artists it has no weights for after every scored one; on HetRec every model row is full (50 of 50).
    """
    cos_idx, cos_score = cosine
    n_artists, k = cos_idx.shape
    binary = sp.csr_matrix(
        (np.ones(len(listening.user), np.float32), (listening.user, listening.artist)),
        shape=(listening.n_users, n_artists),
    )
    found = fit_discovery_model(binary, min_listeners=min_listeners, name=name)
    ids, scores = item_neighbors(found.model, k)
    out_idx, out_score = cos_idx.copy(), cos_score.copy()
    length = (ids >= 0).sum(axis=1)
    full = length == k
    out_idx[found.columns[full]] = found.columns[ids[full]]
    out_score[found.columns[full]] = scores[full]
    for row in np.flatnonzero((length > 0) & ~full):
        artist, kept = int(found.columns[row]), int(length[row])
        mine = found.columns[ids[row, :kept]].astype(np.int32)
        tail = cos_idx[artist]
        tail_ok = (tail >= 0) & ~np.isin(tail, mine)
        extra = tail[tail_ok][: k - kept]
        out_idx[artist] = -1
        out_score[artist] = 0.0
        out_idx[artist, :kept] = mine
        out_score[artist, :kept] = scores[row, :kept]
        out_idx[artist, kept : kept + extra.size] = extra
        out_score[artist, kept : kept + extra.size] = scores[row, kept - 1] * cos_score[artist][tail_ok][: extra.size]
    return out_idx, out_score


def drop_lone_listener_rows(
    colisten: tuple[NDArray[np.int32], NDArray[np.float32]],
    playlisted: NDArray[np.int32],
    listening: Listening,
    min_listeners: int = COLISTEN_MIN_LISTENERS,
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """Empty the co-listening rows of artists fewer than `min_listeners` HetRec users played, where playlists know them.

    One listener's library is not evidence of similarity: The Weeknd (one HetRec listener in 2011) led to QARPA and
    The Brand New Heavies, and the engine lets co-playlisting speak in full only for seeds without a co-listening row
    (`engine.neighbours`). Artists no playlist knows keep their row: it is all they have beside tags.
    """
    idx, scores = colisten[0].copy(), colisten[1].copy()
    lone = (listener_counts(listening, idx.shape[0]) < min_listeners) & (playlisted[:, 0] >= 0)
    idx[lone] = -1
    scores[lone] = 0.0
    return idx, scores


PLAYLIST_SHRINK = 2.0
"""Shrinkage of co-playlist cosine by the number of playlists two artists share: sim * n / (n + 2)."""


def playlist_similarity(tracks: list[TrackRow], n_artists: int, shrink: float = PLAYLIST_SHRINK) -> sp.csr_matrix:
    """Artist-artist cosine over the playlists their songs sat in, each playlist weighted by its IDF.

    The only listener-made evidence about artists newer than HetRec (2011): Kendrick Lamar sits beside J. Cole and
    ScHoolboy Q on 'Southern California Hip Hop Primer', while his playlist genre labels ('urban contemporary', 'r&b')
    put him beside anyone filed there. IDF makes a chart playlist ('2020 Hits') count for less than a focused one.
    """
    playlist_index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for track in tracks:
        for playlist in track.playlists:
            rows.append(track.artist)
            cols.append(playlist_index.setdefault(playlist, len(playlist_index)))
    member = sp.csr_matrix(
        (np.ones(len(rows), np.float64), (rows, cols)), shape=(n_artists, max(1, len(playlist_index)))
    )
    member.sum_duplicates()
    # A playlist holding thirty of an artist's songs says more about them than one holding a single hit ('Urban
    # Contemporary' is The Weeknd's, beside Frank Ocean and Miguel; the chart playlists hold one song each): the
    # weight grows with the square root of the songs. Sharing counts playlists, each once.
    songs = member.copy()
    songs.data = np.sqrt(songs.data)
    member.data[:] = 1.0
    df = np.asarray(member.sum(axis=0)).ravel()
    members = max(1, int(np.count_nonzero(np.diff(member.indptr))))
    weighted = sp.csr_matrix(songs @ sp.diags(np.log((1.0 + members) / (1.0 + df))))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)
    cosine = sp.csr_matrix(unit @ unit.T)
    overlap = sp.csr_matrix(member @ member.T)
    overlap.data = overlap.data / (overlap.data + shrink)
    sim = sp.csr_matrix(cosine.multiply(overlap)).astype(np.float32)
    sim.sort_indices()
    return sim


def listener_counts(listening: Listening, n_artists: int) -> NDArray[np.int32]:
    """How many HetRec users played each artist (`Listening` holds one entry per user and artist)."""
    return np.bincount(listening.artist, minlength=n_artists).astype(np.int32)


def playlist_counts(tracks: list[TrackRow], n_artists: int) -> NDArray[np.int32]:
    """On how many distinct playlists each artist's songs sat (0: none): one playlist is one curator's choice."""
    pairs = {(track.artist, playlist) for track in tracks for playlist in track.playlists}
    artists = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    return np.bincount(artists, minlength=n_artists).astype(np.int32)


def playlist_neighbors(
    tracks: list[TrackRow], n_artists: int, popularity: NDArray[np.float32], k: int
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """`playlist_similarity`'s top k per artist (the artist itself left out); -1 rows for artists on no playlist."""
    out_idx, out_score = _empty(n_artists, k)
    _top_k_rows(playlist_similarity(tracks, n_artists), popularity, k, out_idx, out_score)
    return out_idx, out_score


def tag_neighbors(
    artist_tags: sp.csr_matrix, popularity: NDArray[np.float32], k: int
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """Cosine of L2-normalized TF-IDF tag vectors; computed in row blocks to bound memory (dense genre blocks)."""
    n = artist_tags.shape[0]
    out_idx, out_score = _empty(n, k)
    transposed = sp.csc_matrix(artist_tags.T)
    for start in range(0, n, _CHUNK):
        block = sp.csr_matrix(artist_tags[start : start + _CHUNK] @ transposed)
        _top_k_rows(block, popularity, k, out_idx, out_score, row_offset=start)
    return out_idx, out_score
