"""The catalog's three artist neighbour tables as plain arrays, and an artist's nearest neighbours with songs.

Every seeded request gathers the seeds' rows of each table; as memmaps each gather cost ~8 us of Python in
`__getitem__`, as plain views (no copy) it costs what the gather does.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from segue.engine.protocols import CatalogView

Table = tuple[NDArray[np.int32], NDArray[np.float32]]

FULL_LISTENERS = 10
"""HetRec listeners from which an artist's co-listening row speaks in full. Below, it speaks for n / 10 and the
artist's co-playlist row for the rest: three listeners gave Mac Miller Super Junior M and Pavarotti, his playlists
J. Cole and Joey Bada$$ (set K in EVALUATION.md, where 5, 10 and 20 were compared)."""
FULL_PLAYLISTS = 4
"""Playlists from which an artist's co-playlist row, standing in for thin co-listening, speaks in full: Stromae sat
on one hip hop playlist (Kent Jones, T-Wayne)."""


def support(counts: NDArray[np.integer], full: int) -> NDArray[np.float32]:
    """min(1, n / full) for a row n listeners or playlists made; 1 for no row (nothing to discount)."""
    n = counts.astype(np.float32)
    return np.where(n > 0, np.minimum(n, np.float32(full)) / np.float32(full), 1.0).astype(np.float32)


class NeighbourTables:
    """(ids, scores) of each table: co-listening, shared tags, co-playlisting; and how far each row can be trusted."""

    def __init__(self, catalog: CatalogView) -> None:
        self.catalog = catalog
        self.colisten: Table = (np.asarray(catalog.artist_neighbors), np.asarray(catalog.artist_neighbor_scores))
        self.tags: Table = (np.asarray(catalog.artist_tag_neighbors), np.asarray(catalog.artist_tag_neighbor_scores))
        self.playlists: Table = (
            np.asarray(catalog.artist_playlist_neighbors),
            np.asarray(catalog.artist_playlist_neighbor_scores),
        )
        self.colisten_trust = support(np.asarray(catalog.artist_listeners), FULL_LISTENERS)
        """Per artist, how far its co-listening row speaks for it."""
        self.playlist_trust = support(np.asarray(catalog.artist_playlists), FULL_PLAYLISTS)
        """Per artist, how far its co-playlist row speaks where it stands in for thin co-listening."""
        self._has_songs: dict[int, bool] = {}  # artist -> whether it has tracks; at most one entry per artist

    def nearest_with_songs(self, artist: int) -> list[int]:
        """The artist's co-listened neighbours with songs here, else its co-playlisted ones, best first."""
        for ids, scores in (self.colisten, self.playlists):
            row = ids[artist][(ids[artist] >= 0) & (scores[artist] > 0)].tolist()
            found = [b for b in row if self._songs_of(b)]
            if found:
                return found
        return []

    def _songs_of(self, artist: int) -> bool:
        """Whether the artist has tracks here, remembered per artist (`tracks_of` is a memmap slice, ~5 us)."""
        has = self._has_songs.get(artist)
        if has is None:
            has = self._has_songs[artist] = len(self.catalog.tracks_of(artist)) > 0
        return has
