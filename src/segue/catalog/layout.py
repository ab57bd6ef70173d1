"""The on-disk shape of a built catalog, shared by the writer (`build`) and the reader (`store`).

One place names every file, array and table, so the two sides cannot drift; bump `SCHEMA_VERSION` whenever any of
it changes, or what the build puts in it, and `Catalog.open` refuses the old catalog (the app rebuilds it) instead
of misreading it or answering from stale data.
"""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_VERSION = 18

SOURCES: tuple[str, ...] = ("spotify-songs", "freemusicc")
"""Track sources, indexed by `Catalog.track_source`."""

ARTIST_SOURCES: tuple[str, ...] = ("spotify-songs", "freemusicc", "hetrec2011-lastfm-2k")
"""Datasets an artist can come from; `artist_sources` is a bit mask over this tuple."""

DATASET_FOLDERS: tuple[str, ...] = ("spotify-songs", "freemusicc", "hetrec2011-lastfm-2k", "lastfm-folds")

NEIGHBORS_K = 50

SUNG_LANGUAGES: tuple[str, ...] = ("en", "fr", "es", "pt", "de", "it", "ja", "ko", "nl", "sv", "pl", "zh", "ru")
"""Languages a song can be sung in (ISO 639-1), indexed by `Catalog.track_sung`. Past the first eight they are there
so that a Dutch or Swedish title is not taken for German; Latin, Catalan and Romanian are not, as they only thinned
the evidence for Spanish ('Bonita' read 0.12 Latin, 0.10 Spanish)."""
SUNG_UNKNOWN = -1
"""`track_sung` of a song with words in a language its title and artist did not tell."""
SUNG_WORDLESS = -2
"""`track_sung` of a song without words (measured instrumental, or a netlabel's instrumental genre)."""

GENRE_TREE = "genre_tree.csv"
"""The Wikidata genre tree, copied into the built catalog from `GENRE_TREE_SOURCE` under the datasets folder."""
GENRE_TREE_SOURCE = "lastfm-folds/props_hierarchy_wikidata_lastfm_small.csv"
"""Relative to the datasets folder."""

WORD_VECTORS = "word_vectors.npy"
WORDS = "words.txt"
"""Unit word vectors and their words, one per line, for requests' unknown words (`catalog.word_vectors`)."""

MANIFEST = "manifest.json"
DATABASE = "catalog.sqlite"


def current_catalog_at(path: Path) -> bool:
    """Whether `path` holds a catalog of this `SCHEMA_VERSION`, by its manifest alone: a command can tell before it
    imports the reader (numpy) whether it will open a catalog or build one. `Catalog.open` checks the rest."""
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("schema_version") == SCHEMA_VERSION


# name -> (dtype, "tracks" | "artists" | "tags" | "other") for shape checks on open.
ARRAYS: dict[str, tuple[str, str]] = {
    "features": ("float32", "tracks"),
    "feature_scale": ("float32", "other"),
    "track_popularity": ("float32", "tracks"),
    "track_year": ("int16", "tracks"),
    "track_song_year": ("int16", "tracks"),
    "track_seasonal": ("bool", "tracks"),
    "track_artist": ("int32", "tracks"),
    "track_source": ("int8", "tracks"),
    "track_seconds": ("int16", "tracks"),
    "track_sung": ("int8", "tracks"),
    "artist_popularity": ("float32", "artists"),
    "artist_sources": ("int8", "artists"),
    "hetrec_artist": ("int32", "other"),
    "artist_neighbors": ("int32", "artists"),
    "artist_neighbor_scores": ("float32", "artists"),
    "artist_listeners": ("int32", "artists"),
    "artist_playlists": ("int32", "artists"),
    "artist_tag_neighbors": ("int32", "artists"),
    "artist_tag_neighbor_scores": ("float32", "artists"),
    "artist_playlist_neighbors": ("int32", "artists"),
    "artist_family": ("int32", "artists"),
    "artist_playlist_neighbor_scores": ("float32", "artists"),
    "artist_tracks_indptr": ("int32", "other"),
    "artist_tracks": ("int32", "tracks"),
    "tag_counts": ("int32", "tags"),
    "track_tags_data": ("float32", "other"),
    "track_tags_indices": ("int32", "other"),
    "track_tags_indptr": ("int32", "other"),
    "artist_tags_data": ("float32", "other"),
    "artist_tags_indices": ("int32", "other"),
    "artist_tags_indptr": ("int32", "other"),
    "artist_tag_votes_data": ("float32", "other"),
    "artist_tag_votes_indices": ("int32", "other"),
    "artist_tag_votes_indptr": ("int32", "other"),
    "artist_style_data": ("float32", "other"),
    "artist_style_indices": ("int32", "other"),
    "artist_style_indptr": ("int32", "other"),
}

SQL_SCHEMA = """
CREATE TABLE artists (
    idx INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    norm TEXT NOT NULL,
    skey TEXT NOT NULL,
    genres TEXT NOT NULL
);
CREATE TABLE tracks (
    idx INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    key TEXT NOT NULL,
    base TEXT NOT NULL,
    bkey TEXT NOT NULL,
    album TEXT,
    duration_ms INTEGER,
    popularity INTEGER,
    genres TEXT NOT NULL,
    license TEXT,
    mp3_url TEXT,
    external_id TEXT
);
CREATE INDEX tracks_external_id ON tracks (external_id);
CREATE TABLE artist_names (
    key TEXT PRIMARY KEY,
    idx INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE short_names (
    key TEXT PRIMARY KEY,
    idx INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE tags (
    idx INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL
);
"""

LIST_SEP = "\x1f"
"""Separator of list-valued text columns (genres); never occurs in normalized names."""
