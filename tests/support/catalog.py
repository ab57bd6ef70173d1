"""A tiny in-memory catalog whose right answers are known, implementing the engine's `CatalogView`.

Three taste communities (electronic, folk, metal): artists inside a community are co-listened and share tags;
their tracks have distinct audio features and eras, so every engine rule has an unambiguous expected result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from segue.catalog.tags import first_years
from segue.domain import FEATURE_NAMES, Artist, AudioFeatures, NameMatch, Track
from segue.text import base_title, normalize_name

TAGS = ["electronic", "house", "folk", "acoustic", "metal", "thrash metal", "pop"]
COMMUNITIES = {
    "electronic": (["Volt", "Pulse", "Circuit", "Neon"], ["electronic", "house"], 2005),
    "folk": (["Willow", "Creek", "Meadow", "Hollow"], ["folk", "acoustic"], 1972),
    "metal": (["Anvil", "Forge", "Hammer"], ["metal", "thrash metal"], 1991),
}
PROFILES = {  # danceability, energy, valence, tempo, acousticness, instrumentalness, speechiness, liveness, loudness
    "electronic": [0.8, 0.85, 0.6, 126.0, 0.02, 0.6, 0.05, 0.1, -5.0],
    "folk": [0.45, 0.25, 0.4, 90.0, 0.85, 0.05, 0.04, 0.12, -13.0],
    "metal": [0.35, 0.95, 0.3, 160.0, 0.01, 0.1, 0.08, 0.2, -4.0],
}


@dataclass
class FakeCatalog:
    """Arrays + lookups, built in `build()`."""

    artists: list[Artist] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    community_of: dict[int, str] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls) -> FakeCatalog:
        cat = cls()
        rng = np.random.default_rng(7)
        track_rows: list[list[float]] = []
        tag_rows: list[dict[int, float]] = []
        artist_tag_rows: list[dict[int, float]] = []
        track_artist: list[int] = []
        pops: list[float] = []
        years: list[int] = []
        for community, (names, tags, year) in COMMUNITIES.items():
            for a_pos, name in enumerate(names):
                a_idx = len(cat.artists)
                cat.artists.append(Artist(id=f"a{a_idx}", name=name, genres=tuple(tags), popularity=1.0 - 0.2 * a_pos))
                cat.community_of[a_idx] = community
                artist_tag_rows.append({TAGS.index(t): 1.0 for t in tags})
                for t_pos in range(4):
                    title = f"{name} Song {t_pos}"
                    feats = np.array(PROFILES[community]) + rng.normal(0, 0.03, 9) * np.array(
                        [1, 1, 1, 50, 1, 1, 1, 1, 10]
                    )
                    feats = np.clip(feats, [0, 0, 0, 40, 0, 0, 0, 0, -60], [1, 1, 1, 220, 1, 1, 1, 1, 0])
                    track_rows.append(list(feats))
                    tag_rows.append({TAGS.index(tags[t_pos % 2]): 1.0})
                    track_artist.append(a_idx)
                    pops.append(0.9 - 0.2 * t_pos - 0.1 * a_pos)
                    years.append(year + t_pos)
                    cat.tracks.append(
                        Track(
                            id=f"t{len(cat.tracks)}",
                            title=title,
                            artists=(name,),
                            artist_ids=(f"a{a_idx}",),
                            year=year + t_pos,
                            duration_ms=(150 + 30 * t_pos) * 1000,  # 2:30 to 4:00, for 'under 3 minutes'
                            popularity=100 * pops[-1],
                            features=AudioFeatures(**dict(zip(FEATURE_NAMES, map(float, feats), strict=True))),
                            genres=(tags[t_pos % 2],),
                            source="spotify-songs",
                        )
                    )
        # A remastered duplicate of Volt Song 0 and a track without features (CC release).
        dup = cat.tracks[0]
        cat.tracks.append(
            Track(id="tdup", title="Pulse Song 0 - 2011 Remaster", artists=("Pulse",), artist_ids=("a1",))
        )
        track_rows.append(list(np.array(track_rows[4]) + 0.001))
        tag_rows.append({0: 1.0})
        track_artist.append(1)
        pops.append(0.95)
        years.append(2011)
        del dup
        cat.tracks.append(
            Track(id="tcc", title="Free Drift", artists=("Neon",), artist_ids=("a3",), source="freemusicc")
        )
        track_rows.append([np.nan] * 9)
        tag_rows.append({0: 1.0})
        track_artist.append(3)
        pops.append(np.nan)
        years.append(0)
        cat.n_tracks = len(cat.tracks)
        cat.n_artists = len(cat.artists)
        cat.features = np.asarray(track_rows, dtype=np.float32)
        cat.track_popularity = np.asarray(pops, dtype=np.float32)
        cat.track_year = np.asarray(years, dtype=np.int16)
        cat.track_song_year = cat.track_year.copy()
        cat.track_seasonal = np.zeros(len(years), dtype=bool)
        cat.track_sung = np.full(len(years), -1, dtype=np.int8)
        cat.track_source = np.asarray([1 if t.license else 0 for t in cat.tracks], dtype=np.int8)
        cat.track_seconds = np.asarray([(t.duration_ms or 0) // 1000 for t in cat.tracks], dtype=np.int16)
        cat.track_artist = np.asarray(track_artist, dtype=np.int32)
        cat.track_tags = _csr(tag_rows, len(TAGS))
        cat.artist_tags = _csr(artist_tag_rows, len(TAGS))
        cat.tag_names = list(TAGS)
        cat.artist_popularity = np.asarray([a.popularity for a in cat.artists], dtype=np.float32)
        k = 5
        nb = np.full((cat.n_artists, k), -1, dtype=np.int32)
        nbs = np.zeros((cat.n_artists, k), dtype=np.float32)
        for a in range(cat.n_artists):
            peers = [b for b in range(cat.n_artists) if b != a and cat.community_of[b] == cat.community_of[a]]
            nb[a, : len(peers)] = peers[:k]
            nbs[a, : len(peers)] = np.linspace(0.9, 0.5, len(peers[:k]))
        cat.artist_neighbors, cat.artist_neighbor_scores = nb, nbs
        cat.artist_listeners = np.full(cat.n_artists, 100, dtype=np.int32)  # every toy artist is well listened
        cat.artist_playlists = np.zeros(cat.n_artists, dtype=np.int32)
        cat.artist_tag_neighbors, cat.artist_tag_neighbor_scores = nb.copy(), nbs.copy() * 0.8
        # No playlists in the toy world: empty co-playlist rows, nobody borrows a style.
        cat.artist_playlist_neighbors = np.full_like(nb, -1)
        cat.artist_playlist_neighbor_scores = np.zeros_like(nbs)
        cat.artist_style = cat.artist_tags
        cat.artist_family = np.arange(cat.n_artists, dtype=np.int32)
        return cat

    # The CatalogView protocol -------------------------------------------------------------------------------------
    n_tracks: int = 0
    n_artists: int = 0
    features: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 9), np.float32))
    track_popularity: NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    track_year: NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    track_song_year: NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    track_seasonal: NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    track_sung: NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, np.int8))
    track_source: NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, np.int8))
    track_seconds: NDArray[np.int16] = field(default_factory=lambda: np.zeros(0, np.int16))
    track_artist: NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    track_tags: sparse.csr_matrix = field(default_factory=lambda: sparse.csr_matrix((0, 0)))
    artist_tags: sparse.csr_matrix = field(default_factory=lambda: sparse.csr_matrix((0, 0)))
    tag_names: list[str] = field(default_factory=list)
    artist_popularity: NDArray[np.float32] = field(default_factory=lambda: np.zeros(0, np.float32))
    artist_neighbors: NDArray[np.int32] = field(default_factory=lambda: np.zeros((0, 0), np.int32))
    artist_neighbor_scores: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    artist_listeners: NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    artist_playlists: NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    artist_tag_neighbors: NDArray[np.int32] = field(default_factory=lambda: np.zeros((0, 0), np.int32))
    artist_tag_neighbor_scores: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    artist_playlist_neighbors: NDArray[np.int32] = field(default_factory=lambda: np.zeros((0, 0), np.int32))
    artist_playlist_neighbor_scores: NDArray[np.float32] = field(default_factory=lambda: np.zeros((0, 0), np.float32))
    artist_family: NDArray[np.int32] = field(default_factory=lambda: np.zeros(0, np.int32))
    artist_style: sparse.csr_matrix = field(default_factory=lambda: sparse.csr_matrix((0, 0)))

    @property
    def artist_began_years(self) -> NDArray[np.int16]:
        """The year each artist began (`tags.first_years`), as the real catalog builds it."""
        return first_years(self.track_artist, self.track_year, self.artist_tags, self.tag_names)

    def track(self, i: int) -> Track:
        return self.tracks[i]

    def artist(self, i: int) -> Artist:
        return self.artists[i]

    def tracks_of(self, artist_index: int) -> NDArray[np.int32]:
        return np.flatnonzero(self.track_artist == artist_index).astype(np.int32)

    def track_index(self, track_id: str) -> int | None:
        return next((i for i, t in enumerate(self.tracks) if t.id == track_id), None)

    def artist_index(self, artist_id: str) -> int | None:
        return next((i for i, a in enumerate(self.artists) if a.id == artist_id), None)

    def base_title(self, i: int) -> str:
        return base_title(self.tracks[i].title)

    def title_keys(self) -> list[str]:
        return [normalize_name(base_title(t.title)) for t in self.tracks]

    def full_title_keys(self) -> list[str]:
        return [normalize_name(t.title) for t in self.tracks]

    def tag_index(self, name: str) -> int | None:
        return TAGS.index(name) if name in TAGS else None

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]:
        key = normalize_name(text)
        return [
            NameMatch(i, a.id, a.name, 100.0 if normalize_name(a.name) == key else 60.0)
            for i, a in enumerate(self.artists)
            if key and key[:3] in normalize_name(a.name)
        ][:limit]

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]:
        key = normalize_name(text.split(" - ")[0])  # exact titles only: every match scores 100, whatever `least`
        return [
            NameMatch(i, t.id, t.display, 100.0) for i, t in enumerate(self.tracks) if normalize_name(t.title) == key
        ][:limit]

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]:
        key = normalize_name(text)
        return [NameMatch(i, t, t, 100.0) for i, t in enumerate(TAGS) if t.startswith(key)][:limit]

    def exact_artist(self, normalized_name: str) -> NameMatch | None:
        return next(
            (
                NameMatch(i, a.id, a.name, 100.0)
                for i, a in enumerate(self.artists)
                if normalize_name(a.name) == normalized_name
            ),
            None,
        )

    def short_artist(self, normalized_name: str) -> NameMatch | None:
        return None

    def famous_title_part(self, normalized_text: str) -> NameMatch | None:
        return None

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        key = normalize_name(title)
        return next(
            (
                NameMatch(i, t.id, f"{t.title} - {t.artists[0]}", 100.0)
                for i, t in enumerate(self.tracks)
                if self.track_artist[i] == artist_index and normalize_name(t.title) == key
            ),
            None,
        )

    def spotify_track(self, spotify_id: str) -> NameMatch | None:
        return next(
            (
                NameMatch(i, t.id, f"{t.title} - {t.artists[0]}", 100.0)
                for i, t in enumerate(self.tracks)
                if t.external_id == spotify_id
            ),
            None,
        )

    def exact_tag(self, normalized_name: str) -> NameMatch | None:
        return (
            NameMatch(TAGS.index(normalized_name), normalized_name, normalized_name, 100.0)
            if normalized_name in TAGS
            else None
        )


def _csr(rows: list[dict[int, float]], width: int) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for row in rows:
        norm = float(np.sqrt(sum(v * v for v in row.values()))) or 1.0
        for col, val in sorted(row.items()):
            indices.append(col)
            data.append(val / norm)
        indptr.append(len(indices))
    return sparse.csr_matrix((np.asarray(data, np.float32), indices, indptr), shape=(len(rows), width))
