"""The neighbour tables as plain arrays: an artist's nearest neighbours with songs."""

from __future__ import annotations

from segue.engine.neighbours import NeighbourTables
from support.catalog import FakeCatalog


def test_nearest_with_songs_keeps_the_table_order_of_neighbours_with_songs() -> None:
    catalog = FakeCatalog.build()
    tables = NeighbourTables(catalog)
    for artist in range(catalog.n_artists):
        expected = [
            int(b)
            for b, v in zip(catalog.artist_neighbors[artist], catalog.artist_neighbor_scores[artist], strict=True)
            if b >= 0 and v > 0 and len(catalog.tracks_of(int(b)))
        ]
        assert tables.nearest_with_songs(artist) == expected
        assert tables.nearest_with_songs(artist) == expected  # again, from the remembered song counts
