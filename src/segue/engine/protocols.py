"""What the engine needs from a catalog, as Protocols: the parser's name look-ups and the ranking core's arrays.

`segue.catalog.store.Catalog` implements it over memory-mapped arrays; tests implement it with small arrays whose
right answers are known. The engine never imports the catalog's store, so it stays testable in isolation; a tag
matrix is any CSR matrix (`segue.catalog.csr.SparseRows`: the store's plain arrays, or a test's scipy matrix).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from segue.catalog.csr import SparseRows
from segue.domain import Artist, NameMatch, Track


class NameResolver(Protocol):
    """The catalog look-ups the parser needs (a subset of `CatalogView`; `segue.catalog.store.Catalog` has them)."""

    @property
    def tag_names(self) -> Sequence[str]:
        """The catalog's tag vocabulary (lowercase)."""
        ...

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]: ...

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]: ...

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]: ...

    def exact_artist(self, normalized_name: str) -> NameMatch | None: ...

    def short_artist(self, normalized_name: str) -> NameMatch | None:
        """A well-known artist asked for by part of the name ('bieber'), or None."""
        ...

    def famous_title_part(self, normalized_text: str) -> NameMatch | None:
        """A song everyone knows asked for by part of its title ('teen spirit', 'stairway'), or None."""
        ...

    def exact_tag(self, normalized_name: str) -> NameMatch | None: ...

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        """The artist's own song with this title ('dreams' by Fleetwood Mac), named 'Title - Artist', or None."""
        ...

    def spotify_track(self, spotify_id: str) -> NameMatch | None:
        """The song a pasted Spotify track link names (by its Spotify id), named 'Title - Artist', or None."""
        ...


class CatalogView(Protocol):
    """Read-only arrays and lookups over tracks and artists (row i of every track array is track i)."""

    n_tracks: int
    n_artists: int
    features: NDArray[np.float32]
    track_popularity: NDArray[np.float32]
    track_year: NDArray[np.int16]
    track_song_year: NDArray[np.int16]
    """The song's own year, 0 when unknown (a late remaster's: `catalog.years`): what eras read."""
    track_seconds: NDArray[np.int16]
    """Each song's length in seconds, 0 when unknown."""
    track_seasonal: NDArray[np.bool_]
    track_sung: NDArray[np.int8]
    """The index in `segue.catalog.layout.SUNG_LANGUAGES` of the language each song is sung in; -1 unknown, -2 no
    words."""
    track_artist: NDArray[np.int32]
    track_source: NDArray[np.int8]
    """Which dataset each track comes from (`segue.catalog.layout.SOURCES`): 1 is Creative Commons (freemusicc)."""

    @property
    def track_tags(self) -> SparseRows:
        """Track x tag weights (CSR)."""
        ...

    @property
    def artist_tags(self) -> SparseRows:
        """Artist x tag weights (CSR)."""
        ...

    tag_names: list[str]
    artist_popularity: NDArray[np.float32]
    artist_neighbors: NDArray[np.int32]
    artist_neighbor_scores: NDArray[np.float32]
    artist_listeners: NDArray[np.int32]
    artist_playlists: NDArray[np.int32]
    artist_tag_neighbors: NDArray[np.int32]
    artist_tag_neighbor_scores: NDArray[np.float32]
    artist_playlist_neighbors: NDArray[np.int32]
    artist_family: NDArray[np.int32]
    artist_playlist_neighbor_scores: NDArray[np.float32]

    @property
    def artist_style(self) -> SparseRows:
        """`artist_tags` with the style a label-only artist borrows from its co-playlist neighbours (CSR)."""
        ...

    manifest: dict[str, Any]

    @property
    def artist_began_years(self) -> NDArray[np.int16]:
        """Per artist, the year it began as far as the catalog tells (0 when unknown), read-only."""
        ...

    def track(self, i: int) -> Track: ...

    def artist(self, i: int) -> Artist: ...

    def tracks_of(self, artist_index: int) -> NDArray[np.int32]: ...

    def track_index(self, track_id: str) -> int | None: ...

    def artist_index(self, artist_id: str) -> int | None: ...

    def base_title(self, i: int) -> str: ...

    def title_keys(self) -> Sequence[str]:
        """Every track's base title, normalized ('night train'), in track order: what 'songs about trains' matches."""
        ...

    def full_title_keys(self) -> Sequence[str]:
        """Every track's whole title, normalized ('no guidance feat drake'), in track order: who it credits."""
        ...

    def tag_index(self, name: str) -> int | None: ...

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]: ...

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]: ...

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]: ...

    def exact_artist(self, normalized_name: str) -> NameMatch | None: ...

    def short_artist(self, normalized_name: str) -> NameMatch | None: ...

    def famous_title_part(self, normalized_text: str) -> NameMatch | None: ...

    def exact_tag(self, normalized_name: str) -> NameMatch | None: ...

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        """The artist's own song with this title ('dreams' by Fleetwood Mac), named 'Title - Artist', or None."""
        ...
