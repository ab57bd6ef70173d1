"""The built catalog, opened read-only: memory-mapped arrays for the engine, SQLite for per-item metadata.

Opening maps the arrays and reads a few thousand tag names, nothing more (the name indexes build on first
search), so `Catalog.open` stays well under a second. `track(i)` and `artist(i)` are one indexed SQLite read each,
then cached: the engine calls them about ten times a request.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import threading
from collections.abc import Container, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from segue.catalog.csr import CsrArrays
from segue.catalog.layout import (
    ARRAYS,
    ARTIST_SOURCES,
    DATABASE,
    LIST_SEP,
    MANIFEST,
    NEIGHBORS_K,
    SCHEMA_VERSION,
    SOURCES,
    WORDS,
)
from segue.catalog.lookup import (
    EVERYDAY_WORDS,
    PREFIX_FLOOR,
    SHORT_FAMOUS,
    SHORT_SIMILARITY,
    SHORT_SLIP_LEAST,
    NameIndex,
    album_index,
    album_key,
    artist_search_key,
    search_key,
    short_names,
)
from segue.catalog.name_state import (
    ARTIST_COLUMNS,
    TRACK_COLUMNS,
    SavedNames,
    artist_name_index,
    names_key,
    read_names,
    track_name_index,
    write_names,
)
from segue.catalog.tags import first_years, tag_key
from segue.catalog.title_parts import title_parts
from segue.catalog.track_search import TrackNames, search_tracks
from segue.domain import FEATURE_NAMES, Artist, AudioFeatures, NameMatch, Track
from segue.errors import CatalogError, CatalogNotBuiltError, CatalogOutdatedError
from segue.text import artist_key, display_title

__all__ = ["SOURCES", "Catalog"]

_CACHE_SIZE = 16384
ARTIST_SONG_FUZZY = 90.0
"""Least similarity (normalized Levenshtein) of a typed title to one of the named artist's own titles."""
ARTIST_SONG_FUZZY_CHARS = 8
"""Shorter titles must be exact: one letter off 'creep' is another word."""
SPOTIFY_ID_CHARS = 22
COMPOSER_TAG_WEIGHT = 0.4
"""An artist whose 'classical' tag weighs this much (Debussy 0.53, Chopin 0.57) is a composer or a classical act."""
COMPOSER_WORD_WEIGHT = 0.3
"""...and one listeners call 'composer' this much (Hans Zimmer 0.35, Shostakovich 0.33): 'like zimmer'."""
_TRACK_SPLITS = (" - ", " \u2013 ", " \u2014 ", " by ")


def _corrupt(path: Path, why: str) -> CatalogError:
    return CatalogError(
        f"catalog at {path} is unusable: {why}",
        user_message="The music catalog is damaged or out of date. Run `segue catalog build` to rebuild it.",
    )


_ARTICLES = frozenset(
    ["the", "a", "an", "la", "el", "le", "les", "los", "las", "lo", "il", "o", "os", "as", "die", "der", "das"]
)


def _bare(key: str) -> str:
    """A title key without its leading article ('la flaca' -> 'flaca'), unless that is all it is."""
    first, _, rest = key.partition(" ")
    return rest if rest and first in _ARTICLES else key


_ROWS_PER_QUERY = 500
"""Tracks read row by row in one query before the columns are read whole (SQLite binds up to 32,766 values)."""
TRACK_LOOKUPS_BEFORE_MAP = 5000
"""Track ids looked up one by one through SQLite (~10 us each) before the id -> index map is built (~65 ms)."""


class Catalog:
    """One built catalog. Indices are dense: tracks 0..n_tracks-1, artists 0..n_artists-1, tags 0..n_tags-1."""

    def __init__(self, path: Path, manifest: dict[str, Any], arrays: dict[str, NDArray[Any]], db: sqlite3.Connection):
        self.path = path
        self.manifest = manifest
        self._db = db
        self._lock = threading.Lock()
        self._track_lookups = 0
        """Track ids looked up through SQLite so far (`track_index`)."""
        self.n_tracks = int(arrays["track_artist"].shape[0])
        self.n_artists = int(arrays["artist_popularity"].shape[0])
        self.features: NDArray[np.float32] = arrays["features"]
        self.feature_scale: NDArray[np.float32] = arrays["feature_scale"]
        """Rows (mean, std) of each feature over the tracks that have it, as the engine standardizes them."""
        self.track_popularity: NDArray[np.float32] = arrays["track_popularity"]
        self.track_year: NDArray[np.int16] = arrays["track_year"]
        self.track_song_year: NDArray[np.int16] = arrays["track_song_year"]
        """The song's own year, for eras (`catalog.years`): a remaster's release date is not the song's."""
        self.track_seasonal: NDArray[np.bool_] = arrays["track_seasonal"]
        """Christmas songs (`seasonal`): only a request for them gets them."""
        self.track_sung: NDArray[np.int8] = arrays["track_sung"]
        """Per track, the index in `SUNG_LANGUAGES` of the language it is sung in (`sung`), or `SUNG_UNKNOWN`,
        `SUNG_WORDLESS`."""
        self.track_artist: NDArray[np.int32] = arrays["track_artist"]
        self.track_source: NDArray[np.int8] = arrays["track_source"]
        self.track_seconds: NDArray[np.int16] = arrays["track_seconds"]
        self.artist_popularity: NDArray[np.float32] = arrays["artist_popularity"]
        self.artist_sources: NDArray[np.int8] = arrays["artist_sources"]
        """Bit i set when the artist appears in `ARTIST_SOURCES[i]`."""
        self.hetrec_artist: NDArray[np.int32] = arrays["hetrec_artist"]
        """HetRec artist id -> artist index (-1 unknown); maps lastfm-folds ids onto the catalog."""
        self.artist_neighbors: NDArray[np.int32] = arrays["artist_neighbors"]
        self.artist_neighbor_scores: NDArray[np.float32] = arrays["artist_neighbor_scores"]
        """Co-listening (HetRec users): cosine of log(1 + plays), shrunk by n / (n + 2) co-listeners; -1 padded."""
        self.artist_listeners: NDArray[np.int32] = arrays["artist_listeners"]
        """How many HetRec users played each artist: how much its co-listening row can be trusted."""
        self.artist_playlists: NDArray[np.int32] = arrays["artist_playlists"]
        """On how many Spotify Songs playlists each artist's songs sat: how much its co-playlist row can be trusted."""
        self.artist_tag_neighbors: NDArray[np.int32] = arrays["artist_tag_neighbors"]
        self.artist_tag_neighbor_scores: NDArray[np.float32] = arrays["artist_tag_neighbor_scores"]
        """Shared tags: cosine of TF-IDF tag vectors (HetRec user tags + genres of the artist's tracks)."""
        self.artist_playlist_neighbors: NDArray[np.int32] = arrays["artist_playlist_neighbors"]
        self.artist_playlist_neighbor_scores: NDArray[np.float32] = arrays["artist_playlist_neighbor_scores"]
        """Co-playlisting (Spotify Songs playlists): IDF-weighted cosine shrunk by shared playlists; -1 padded."""
        self.artist_family: NDArray[np.int32] = arrays["artist_family"]
        """The artist whose line-up each artist is ('Bob Marley & The Wailers' -> 'Bob Marley'), else itself."""
        self.tag_counts: NDArray[np.int32] = arrays["tag_counts"]
        self._artist_tracks_indptr: NDArray[np.int32] = arrays["artist_tracks_indptr"]
        self._artist_tracks: NDArray[np.int32] = arrays["artist_tracks"]
        self.tag_names: list[str] = []
        self._tag_keys: list[str] = []
        for name, key in db.execute("SELECT name, key FROM tags ORDER BY idx"):
            self.tag_names.append(name)
            self._tag_keys.append(key)
        n_tags = len(self.tag_names)

        def tag_matrix(name: str, rows: int) -> CsrArrays:
            return CsrArrays(
                arrays[f"{name}_data"], arrays[f"{name}_indices"], arrays[f"{name}_indptr"], (rows, n_tags)
            )

        self.track_tags = tag_matrix("track_tags", self.n_tracks)
        self.artist_tags = tag_matrix("artist_tags", self.n_artists)
        self.artist_tag_votes = tag_matrix("artist_tag_votes", self.n_artists)
        """How many Last.fm listeners gave each artist each tag (`segue.catalog.tags.TagData.artist_votes`)."""
        self.artist_style = tag_matrix("artist_style", self.n_artists)
        """`artist_tags`, except that artists known only by playlist labels borrow their co-playlist neighbours'
        listener tags (`segue.catalog.tags.propagate_style`): for similarity, never for genre filters."""
        self._track_cache = lru_cache(maxsize=_CACHE_SIZE)(self._load_track)
        self._artist_cache = lru_cache(maxsize=_CACHE_SIZE)(self._load_artist)
        self._base_cache = lru_cache(maxsize=_CACHE_SIZE)(self._load_base_title)
        self.names_file: Path | None = None
        """Where the name indexes are kept between processes (`name_state`); None: each process builds its own."""
        self._has_artist_names = bool(
            db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'artist_names'").fetchone()
        )
        """Catalogs built since the exact-name table exists answer exact look-ups from it, not from an index built
        at start (reading every artist's names took ~0.4 s of each `segue ask`; BENCHMARKS.md, engine section)."""
        self._has_short_names = bool(
            db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'short_names'").fetchone()
        )
        """...and short names ('bieber', 'mcr') from theirs: working them out read every artist (~0.2 s)."""

    # ----------------------------------------------------------------------------------------------- opening

    @classmethod
    def open(cls, path: Path) -> Catalog:
        """Open a built catalog; `CatalogNotBuiltError` when there is none, `CatalogError` when it is unusable."""
        path = Path(path)
        if not path.is_dir() or not any(path.iterdir()):
            raise CatalogNotBuiltError(f"no catalog at {path}")
        manifest = cls._read_manifest(path)
        try:
            expected = {kind: int(manifest["counts"][kind]) for kind in ("tracks", "artists", "tags")}
        except (KeyError, TypeError, ValueError) as exc:
            raise _corrupt(path, f"manifest.json counts are incomplete: {exc!r}") from exc
        arrays: dict[str, NDArray[Any]] = {}
        for name, (dtype, kind) in ARRAYS.items():
            try:
                array = np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False)
            except (OSError, ValueError) as exc:
                raise _corrupt(path, f"array {name}: {exc}") from exc
            if array.dtype != np.dtype(dtype) or (kind in expected and array.shape[0] != expected[kind]):
                raise _corrupt(path, f"array {name} has shape {array.shape} and type {array.dtype}")
            arrays[name] = array
        cls._check_shapes(path, arrays, expected)
        db = cls._connect(path, expected)
        try:
            return cls(path, manifest, arrays, db)
        except (sqlite3.Error, ValueError) as exc:
            db.close()
            raise _corrupt(path, str(exc)) from exc

    @staticmethod
    def _read_manifest(path: Path) -> dict[str, Any]:
        try:
            manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise _corrupt(path, "manifest.json is missing") from exc
        except (OSError, ValueError) as exc:
            raise _corrupt(path, f"manifest.json is unreadable: {exc}") from exc
        if not isinstance(manifest, dict) or not isinstance(manifest.get("counts"), dict):
            raise _corrupt(path, "manifest.json has no counts")
        if manifest.get("schema_version") != SCHEMA_VERSION:
            raise CatalogOutdatedError(
                f"catalog at {path} has schema {manifest.get('schema_version')!r}, this Segue reads {SCHEMA_VERSION}"
            )
        return manifest

    @staticmethod
    def _check_shapes(path: Path, arrays: dict[str, NDArray[Any]], expected: dict[str, int]) -> None:
        problems = []
        if arrays["features"].shape[1:] != (len(FEATURE_NAMES),):
            problems.append("features")
        if arrays["feature_scale"].shape != (2, len(FEATURE_NAMES)):
            problems.append("feature_scale")
        for name in (
            "artist_neighbors",
            "artist_neighbor_scores",
            "artist_tag_neighbors",
            "artist_tag_neighbor_scores",
            "artist_playlist_neighbors",
            "artist_playlist_neighbor_scores",
        ):
            if arrays[name].shape[1:] != (NEIGHBORS_K,):
                problems.append(name)
        for prefix, rows in (
            ("track_tags", expected["tracks"]),
            ("artist_tags", expected["artists"]),
            ("artist_tag_votes", expected["artists"]),
            ("artist_style", expected["artists"]),
        ):
            indptr = arrays[f"{prefix}_indptr"]
            if indptr.shape != (rows + 1,) or int(indptr[-1]) != arrays[f"{prefix}_data"].shape[0]:
                problems.append(prefix)
        if arrays["artist_tracks_indptr"].shape != (expected["artists"] + 1,):
            problems.append("artist_tracks_indptr")
        if problems:
            raise _corrupt(path, "inconsistent arrays: " + ", ".join(problems))

    @staticmethod
    def _connect(path: Path, expected: dict[str, int]) -> sqlite3.Connection:
        file = path / DATABASE
        if not file.is_file():
            raise _corrupt(path, f"{DATABASE} is missing")
        try:
            # immutable=1: no locking or change detection; a rebuild renames a new directory in, never edits this file.
            db = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _corrupt(path, f"{DATABASE}: {exc}") from exc
        try:
            for table, kind in (("tracks", "tracks"), ("artists", "artists"), ("tags", "tags")):
                (rows,) = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()  # noqa: S608 (fixed names)
                if rows != expected[kind]:
                    raise _corrupt(path, f"{table} has {rows} rows, manifest says {expected[kind]}")
        except sqlite3.Error as exc:
            db.close()
            raise _corrupt(path, f"{DATABASE}: {exc}") from exc
        except CatalogError:
            db.close()
            raise
        return db

    def warm_up(self) -> None:
        """Build the name indexes and title tables now instead of on the first request."""
        for name in (
            "_artist_columns", "_track_columns", "_artist_index", "_track_names", "_tag_index", "_track_ids",
            "_artist_ids", "_short_names", "_title_parts",
        ):  # fmt: skip
            getattr(self, name)

    def close(self) -> None:
        """Release the database connection (the memory maps go with the arrays)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Catalog({str(self.path)!r}, tracks={self.n_tracks}, artists={self.n_artists})"

    # ------------------------------------------------------------------------------------------------ items

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[Any]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _rows_in(self, select: str, column: str, values: Sequence[Any]) -> list[Any]:
        """The rows of `select` whose `column` is one of `values`, `_ROWS_PER_QUERY` values a query (SQLite caps a
        statement's parameters)."""
        rows: list[Any] = []
        for at in range(0, len(values), _ROWS_PER_QUERY):
            chunk = tuple(values[at : at + _ROWS_PER_QUERY])
            marks = ", ".join("?" * len(chunk))
            rows += self._query(f"{select} WHERE {column} IN ({marks})", chunk)
        return rows

    def _columns(self, table: str, names: tuple[str, ...]) -> dict[str, list[Any]]:
        """Whole columns of a table in index order, in one pass (one query beats one per column)."""
        rows = self._query(f"SELECT {', '.join(names)} FROM {table} ORDER BY idx")  # noqa: S608 (fixed names)
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in names]
        return {name: list(column) for name, column in zip(names, columns, strict=True)}

    @cached_property
    def _saved_names(self) -> SavedNames | None:
        """The name columns and indexes an earlier process saved for this catalog (`names_file`), else None."""
        return None if self.names_file is None else read_names(self.names_file, self._names_key())

    def _names_key(self) -> str:
        return names_key(self.path / DATABASE, self.manifest, (Path(__file__),))

    def save_names(self) -> bool:
        """Keep the name indexes (built now if they are not yet) in `names_file` for the next process over this
        catalog; False when there is nowhere to keep them or they were read from there."""
        if self.names_file is None or self._saved_names is not None:
            return False
        names = SavedNames(self._artist_columns, self._track_columns, self._artist_index, self._track_names)
        write_names(self.names_file, self._names_key(), names)
        return True

    def keep_built_names(self) -> bool:
        """`save_names` when this process needed a name index: one that answered without any (a mood request) reads
        no copy only to learn there is nothing to keep (~30 ms of an 0.3 s `segue ask`), nor builds one."""
        needed = "_artist_index" in self.__dict__ or "_track_names" in self.__dict__
        return needed and self.save_names()

    @cached_property
    def _artist_columns(self) -> dict[str, list[Any]]:
        saved = self._saved_names
        return saved.artist_columns if saved else self._columns("artists", ARTIST_COLUMNS)

    @cached_property
    def _track_columns(self) -> dict[str, list[Any]]:
        saved = self._saved_names
        return saved.track_columns if saved else self._columns("tracks", TRACK_COLUMNS)

    @property
    def _artist_rows(self) -> tuple[list[str], list[str]]:
        """(ids, names) of every artist: tracks need their artist's name and id."""
        columns = self._artist_columns
        return columns["id"], columns["name"]

    def track(self, i: int) -> Track:
        """The track at index `i` (cached)."""
        return self._track_cache(i)

    def _load_track(self, i: int) -> Track:
        if not 0 <= i < self.n_tracks:
            raise IndexError(f"track index {i} out of range")
        rows = self._query(
            "SELECT id, title, album, duration_ms, popularity, genres, license, mp3_url, external_id "
            "FROM tracks WHERE idx = ?",
            (int(i),),
        )
        track_id, title, album, duration_ms, popularity, genres, license_url, mp3_url, external_id = rows[0]
        artist_id, artist_name = self._artist_id_name(int(self.track_artist[i]))
        values = self.features[i].tolist()
        # float32 -> shortest decimal that round-trips (0.515, not 0.5149999856948853).
        features = AudioFeatures(
            **{
                name: None if math.isnan(v) else float(f"{v:.7g}")
                for name, v in zip(FEATURE_NAMES, values, strict=True)
            }
        )
        year = int(self.track_year[i])
        return Track(
            id=track_id,
            title=title,
            artists=(artist_name,),
            artist_ids=(artist_id,),
            album=album,
            year=year or None,
            duration_ms=duration_ms,
            popularity=None if popularity is None else float(popularity),
            features=features,
            genres=tuple(genres.split(LIST_SEP)) if genres else (),
            license=license_url,
            mp3_url=mp3_url,
            source=SOURCES[int(self.track_source[i])],
            external_id=external_id,
        )

    def artist_first_year(self, i: int) -> int | None:
        """The earliest release year among artist i's songs (what 'early queen' counts from), None when undated."""
        years = self.track_year[self.tracks_of(i)]
        years = years[years > 0]
        return int(years.min()) if years.size else None

    def artist_began(self, i: int) -> int | None:
        """The year artist i began as far as the catalog tells (`tags.first_years`): what 'X but newer' counts from."""
        year = int(self.artist_began_years[i])
        return year or None

    @cached_property
    def artist_began_years(self) -> NDArray[np.int16]:
        """Per artist, the year it began (`tags.first_years`; 0 when unknown), read-only: built once, for the
        parser's 'X but newer' and the engine's mask alike."""
        years = first_years(self.track_artist, self.track_year, self.artist_tags, self.tag_names)
        years.setflags(write=False)
        return years

    def album_songs(self, i: int, album: str) -> list[NameMatch]:
        """Artist i's songs from the album named `album` ('AM', 'ok computer' for 'OK Computer OKNOTOK 1997 2017',
        an edition aside), most popular first: what 'arctic monkeys AM era' asks for."""
        key = album_key(album)
        if not key:
            return []
        artist = self._artist_id_name(i)[1]
        songs = [(int(t), self.track(int(t))) for t in self.tracks_of(i)]
        return [
            NameMatch(index=t, id=song.id, name=self._track_label(song.title, artist), score=100.0)
            for t, song in songs
            if (name := album_key(song.album or "")) == key or name.startswith(key + " ")
        ]

    def album_tracks(self, name: str) -> list[int]:
        """Tracks of the album called `name` ('in rainbows'; an edition's suffix aside), best known first.

        The albums whose titles hold the name's longest word are read from the database (~12 ms): an index of every
        album costs ~250 ms to build, more than a process asks for albums by name in its life."""
        key = album_key(name)
        if not key or key.startswith("~"):
            return []
        word = max(key.split(), key=len)
        rows = self._query("SELECT idx, album FROM tracks WHERE album LIKE ?", (f"%{word}%",))
        albums = album_index(rows)
        found = albums.get(key) or [t for k, ts in albums.items() if k.startswith(key + " ") for t in ts]
        return sorted(found, key=lambda t: -float(np.nan_to_num(self.track_popularity[t])))

    def artist_genres(self, i: int) -> tuple[str, ...]:
        """Artist i's genres, strongest first (what the parser blends a genre asked beside it with)."""
        return self.artist(i).genres

    def artist(self, i: int) -> Artist:
        """The artist at index `i` (cached)."""
        return self._artist_cache(i)

    def _load_artist(self, i: int) -> Artist:
        if not 0 <= i < self.n_artists:
            raise IndexError(f"artist index {i} out of range")
        ((artist_id, name, genres),) = self._query("SELECT id, name, genres FROM artists WHERE idx = ?", (int(i),))
        bits = int(self.artist_sources[i])
        return Artist(
            id=artist_id,
            name=name,
            genres=tuple(genres.split(LIST_SEP)) if genres else (),
            popularity=float(self.artist_popularity[i]),
            sources=tuple(s for b, s in enumerate(ARTIST_SOURCES) if bits & (1 << b)),
        )

    def tracks_of(self, artist_index: int) -> NDArray[np.int32]:
        """Track indices of one artist, most popular first."""
        start, end = self._artist_tracks_indptr[artist_index], self._artist_tracks_indptr[artist_index + 1]
        return self._artist_tracks[start:end]

    @cached_property
    def _track_ids(self) -> dict[str, int]:
        """Track id -> index: /discover looks up every liked and shown track, ~10 us each through SQLite."""
        return {str(tid): int(idx) for tid, idx in self._query("SELECT id, idx FROM tracks", ())}

    @cached_property
    def _artist_ids(self) -> dict[str, int]:
        return {str(aid): int(idx) for aid, idx in self._query("SELECT id, idx FROM artists", ())}

    def track_index(self, track_id: str) -> int | None:
        """Through SQLite until lookups have cost about what the whole map costs to build (~65 ms: a `segue ask`
        looks up a few tracks, a serving process thousands; BENCHMARKS.md, issue 14), then through the map."""
        if "_track_ids" in self.__dict__ or self._track_lookups >= TRACK_LOOKUPS_BEFORE_MAP:
            return self._track_ids.get(track_id)
        self._track_lookups += 1
        rows = self._query("SELECT idx FROM tracks WHERE id = ?", (track_id,))
        return int(rows[0][0]) if rows else None

    def artist_index(self, artist_id: str) -> int | None:
        return self._artist_ids.get(artist_id)

    def artist_index_for_hetrec(self, hetrec_id: int) -> int | None:
        """Catalog artist of a HetRec / lastfm-folds artist id."""
        if not 0 <= hetrec_id < self.hetrec_artist.shape[0]:
            return None
        idx = int(self.hetrec_artist[hetrec_id])
        return idx if idx >= 0 else None

    def title_keys(self) -> list[str]:
        """Every track's base title as a search key ('night train'), read whole once."""
        keys: list[str] = self._track_columns["bkey"]
        return keys

    def full_title_keys(self) -> list[str]:
        """Every track's whole title as a search key ('no guidance feat drake'), read whole once."""
        keys: list[str] = self._track_columns["key"]
        return keys

    def base_title(self, i: int) -> str:
        """`segue.text.base_title` of track i, precomputed (versions of one song share it)."""
        columns = self.__dict__.get("_track_columns")  # read whole once warmed up; one row at a time before
        base: str = columns["base"][i] if columns is not None else self._base_cache(i)
        return base

    def _load_base_title(self, i: int) -> str:
        if not 0 <= i < self.n_tracks:
            raise IndexError(f"track index {i} out of range")
        base: str = self._query("SELECT base FROM tracks WHERE idx = ?", (int(i),))[0][0]
        return base

    def tag_index(self, name: str) -> int | None:
        """Index of a tag by any spelling ('Hip-Hop', 'hiphop' and 'hip hop' are one tag)."""
        return self._tag_index.exact(tag_key(name))

    # ------------------------------------------------------------------------------------------------ names

    @cached_property
    def _artist_index(self) -> NameIndex:
        saved = self._saved_names
        return saved.artist_index if saved else artist_name_index(self._artist_columns, self.artist_popularity)

    @cached_property
    def _track_names(self) -> tuple[TrackNames, list[str]]:
        """Title keys for lookup and display titles, read together on the first track search."""
        saved = self._saved_names
        return saved.track_names if saved else track_name_index(self._track_columns, self.track_popularity)

    @cached_property
    def _tag_index(self) -> NameIndex:
        counts = np.log1p(np.asarray(self.tag_counts, dtype=np.float32))
        popularity = (counts / max(1.0, float(counts.max(initial=0.0)))).astype(np.float32)
        return NameIndex(self._tag_keys, popularity)

    def _artist_match(self, i: int, score: float) -> NameMatch:
        artist_id, name = self._artist_id_name(i)
        return NameMatch(index=i, id=artist_id, name=name, score=round(score, 2), renown=self._renown(i))

    def _renown(self, i: int) -> float:
        """The artist's popularity, NaN as 0 (as `np.nan_to_num`, without its ~20 us per call)."""
        value = float(self.artist_popularity[i])
        return value if math.isfinite(value) else 0.0

    def _artist_id_name(self, i: int) -> tuple[str, str]:
        """From the whole columns once read (warm_up, a fuzzy search), else from the artist's own cached row."""
        if "_artist_columns" in self.__dict__:
            ids, names = self._artist_rows
            return ids[i], names[i]
        artist = self.artist(i)
        return artist.id, artist.name

    def _exact_artist_index(self, key: str) -> int | None:
        """The index's answer once it is built (warm_up, or a fuzzy search), else the build-time table's."""
        if "_artist_index" in self.__dict__ or not self._has_artist_names:
            return self._artist_index.exact(key)
        rows = self._query("SELECT idx FROM artist_names WHERE key = ?", (key,))
        return int(rows[0][0]) if rows else None

    def exact_artist(self, normalized_name: str) -> NameMatch | None:
        """O(1): the artist whose normalized name or `artist_key` is exactly this ('the beatles', 'beatles')."""
        i = self._exact_artist_index(normalized_name)
        if i is None:
            i = self._exact_artist_index(artist_key(normalized_name))
        if i is None:
            i = self._exact_artist_index(artist_search_key(normalized_name))
        return None if i is None else self._artist_match(i, 100.0)

    def exact_artists(self, normalized_names: Sequence[str]) -> list[NameMatch | None]:
        """`exact_artist` of many names in two queries instead of up to four per name (the parser's start-up looks
        up about a thousand acts' names: BENCHMARKS.md, the thirty-fifth session's start-up)."""
        if "_artist_index" in self.__dict__ or not self._has_artist_names:
            return [self.exact_artist(n) for n in normalized_names]
        tries = [(n, artist_key(n), artist_search_key(n)) for n in normalized_names]
        keys = sorted({k for t in tries for k in t})
        found = {str(k): int(i) for k, i in self._rows_in("SELECT key, idx FROM artist_names", "key", keys)}
        hits = [next((found[k] for k in t if k in found), None) for t in tries]
        wanted = sorted({i for i in hits if i is not None})
        rows = {
            int(i): (str(a), str(n)) for i, a, n in self._rows_in("SELECT idx, id, name FROM artists", "idx", wanted)
        }
        return [
            None if i is None else NameMatch(i, rows[i][0], rows[i][1], score=100.0, renown=self._renown(i))
            for i in hits
        ]

    @cached_property
    def _short_names(self) -> dict[str, int]:
        return short_names(self._artist_columns["skey"], self.artist_popularity, self._composers(), self._everyday())

    def _short_index(self, key: str) -> int | None:
        """The artist a short name stands for: from the table the build writes until the names are worked out."""
        if "_short_names" in self.__dict__ or not self._has_short_names:
            return self._short_names.get(key)
        rows = self._query("SELECT idx FROM short_names WHERE key = ?", (key,))
        return int(rows[0][0]) if rows else None

    def short_artist_slip(self, normalized_name: str, words: Container[str] = frozenset()) -> NameMatch | None:
        """The act whose short name this is with one letter left out, added, changed or two swapped ('chopain',
        'debusy'), when exactly one act's is (`SHORT_SLIP_LEAST` letters or more) and is none of `words` (the
        everyday words of the request's language); read only for a name nothing else came near."""
        key = artist_search_key(normalized_name)
        if len(key) < SHORT_SLIP_LEAST or " " in key:
            return None
        table = self._short_table
        if key in words or key in self._everyday_words:  # a word of the language is no slip ('musicals')
            return None
        hits = process.extract(key, list(table), scorer=OSA.distance, score_cutoff=1, limit=4)
        # a short name that is one of `words` too ('weekend': Vampire Weekend) is no act its slip stands for ('wekend')
        # nor is a plural ('angele' is no Los Angeles Azules, 'angeles')
        near = {table[k] for k, d, _ in hits if d == 1 and k not in words and k.rstrip("s") != key.rstrip("s")}
        return self._artist_match(near.pop(), SHORT_SIMILARITY) if len(near) == 1 else None

    @cached_property
    def _everyday_words(self) -> frozenset[str]:
        return self._everyday() or frozenset()

    @cached_property
    def _short_table(self) -> dict[str, int]:
        """Every short name, from the table the build wrote (or worked out, for a catalog built without it)."""
        if "_short_names" in self.__dict__ or not self._has_short_names:
            return self._short_names
        return {str(k): int(i) for k, i in self._query("SELECT key, idx FROM short_names", ())}

    def write_short_names(self) -> None:
        """At build time, once the catalog is whole (the composers' tags, the vocabulary): every short name."""
        with contextlib.closing(sqlite3.connect(self.path / DATABASE)) as db:
            db.executemany("INSERT INTO short_names VALUES (?, ?)", sorted(self._short_names.items()))
            db.commit()
        self._has_short_names = True

    def _everyday(self) -> frozenset[str] | None:
        """The `EVERYDAY_WORDS` most frequent words of the vocabulary, or None when the catalog has none."""
        path = self.path / WORDS
        if not path.is_file():
            return None
        with path.open(encoding="utf-8") as lines:
            return frozenset(line.strip() for line, _ in zip(lines, range(EVERYDAY_WORDS), strict=False))

    def _composers(self) -> NDArray[np.bool_] | None:
        """Artists listeners file first under classical music (`COMPOSER_TAG_WEIGHT`) or call composers
        (`COMPOSER_WORD_WEIGHT`): asked for by surname."""
        found: NDArray[np.bool_] | None = None
        for tag, least in (("classical", COMPOSER_TAG_WEIGHT), ("composer", COMPOSER_WORD_WEIGHT)):
            column = self.tag_index(tag)
            if column is not None:
                these = np.asarray(self.artist_tags.column(column) >= least)
                found = these if found is None else found | these
        return found

    def short_artist(self, normalized_name: str) -> NameMatch | None:
        """A well-known artist asked for by part of the name ('bieber', 'chili peppers', 'gaga'), or None; scored
        as sure as an exact name for the most famous (`SHORT_FAMOUS`), else `SHORT_SIMILARITY`."""
        i = self._short_index(artist_search_key(normalized_name))
        if i is None:
            return None
        famous = float(np.nan_to_num(self.artist_popularity[i])) >= SHORT_FAMOUS or self._composer(i)
        return self._artist_match(i, 100.0 if famous else SHORT_SIMILARITY)

    def _composer(self, i: int) -> bool:
        """Whether the artist is a composer, whose surname is the name ('beethoven piano' left Beethoven unused:
        the chart knows composers less than any act, so their surnames scored as a guess)."""
        mask = self._composer_mask
        return mask is not None and bool(mask[i])

    @cached_property
    def _composer_mask(self) -> NDArray[np.bool_] | None:
        return self._composers()

    def exact_tag(self, normalized_name: str) -> NameMatch | None:
        """O(1): the tag with exactly this normalized name (or a known alias of it)."""
        i = self._tag_index.exact(tag_key(normalized_name))
        return None if i is None else NameMatch(index=i, id=f"tag:{i}", name=self.tag_names[i], score=100.0)

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]:
        """Artists by name, forgiving case, accents and typos; exact first, then prefix and fuzzy by popularity."""
        query = artist_search_key(text)
        return [self._artist_match(i, s) for i, s in self._artist_index.search(query, limit)]

    def artists_named_first(self, word: str, limit: int = 5) -> list[NameMatch]:
        """The best-known artists whose name begins with this word ('travis': Travis Scott, Travis Barker), by
        prefix alone: what a first name said among other acts may stand for (`engine.query.company`)."""
        hits = self._artist_index.starting(artist_search_key(word) + " ", limit)
        return [self._artist_match(i, PREFIX_FLOOR) for i in hits]

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]:
        """Tags (genres, styles, user tags) by name."""
        hits = self._tag_index.search(tag_key(text), limit)
        return [NameMatch(index=i, id=f"tag:{i}", name=self.tag_names[i], score=round(s, 2)) for i, s in hits]

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]:
        """Tracks from "title", "title - artist", "title by artist" or "artist - title"; named "Title - Artist".
        Only those scoring at least `least` (0..100) are wanted: a high floor makes the fuzzy pass cheaper."""
        track_names, titles = self._track_names
        hits = search_tracks(self._artist_index, track_names, self.tracks_of, self.track_popularity, text, limit, least)
        ids = self._track_columns["id"]
        artists = self._artist_rows[1]
        return [
            NameMatch(
                index=i,
                id=ids[i],
                name=self._track_label(titles[i], artists[int(self.track_artist[i])]),
                score=round(s, 2),
            )
            for i, s in hits
        ]

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        """The artist's best-known song whose title, versions aside, is `title` ('dreams': 'Dreams - 2004
        Remaster'): a pass over the artist's own tracks, not a fuzzy search over every title (~3 ms)."""
        key = _bare(search_key(title))
        # Most popular first; an act without songs of its own, its line-ups' (each line-up's most popular first)
        own = self.tracks_of(artist_index).tolist() or self._family_tracks(artist_index)
        rows = self._track_rows(own)
        # Without a leading article, as typed or as a reader rewrote it ('la flaca' read as 'the flaca').
        keys = {i: _bare(row[0]) for i, row in zip(own, rows, strict=True)}
        found = next((i for i in own if keys[i] == key), None)
        if found is None and len(key) >= ARTIST_SONG_FUZZY_CHARS // 2:  # 'sunflower': 'Sunflower - Spider-Man: ...'
            found = next((i for i in own if keys[i].startswith(key + " ")), None)
        score = 100.0
        if found is None and len(key) >= ARTIST_SONG_FUZZY_CHARS:  # 'somebody that i used to kno'
            best = process.extractOne(key, [keys[i] for i in own], scorer=fuzz.ratio, score_cutoff=ARTIST_SONG_FUZZY)
            if best is not None:
                found, score = own[best[2]], float(best[1])
        if found is None:
            return None
        _, found_title, found_id = rows[own.index(found)]
        name = self._track_label(found_title, self._artist_id_name(int(self.track_artist[found]))[1])
        return NameMatch(index=found, id=found_id, name=name, score=round(score, 2))

    def _family_tracks(self, artist_index: int) -> list[int]:
        """The songs of an act's line-ups, for an act with none of its own: 'is this love by bob marley' is filed
        under Bob Marley & The Wailers."""
        family = np.flatnonzero(self.artist_family == self.artist_family[artist_index])
        return [int(t) for member in family.tolist() for t in self.tracks_of(member).tolist()]

    def famous_title_part(self, normalized_text: str) -> NameMatch | None:
        """A song everyone knows asked for by part of its title ('teen spirit', 'stairway'), or None (`title_parts`)."""
        i = self._title_parts.get(normalized_text)
        if i is None:
            return None
        _, titles = self._track_names
        name = self._track_label(titles[i], self._artist_rows[1][int(self.track_artist[i])])
        return NameMatch(index=i, id=self._track_columns["id"][i], name=name, score=100.0)

    @cached_property
    def _title_parts(self) -> dict[str, int]:
        _, titles = self._track_names
        renown = np.asarray(self.artist_popularity, dtype=np.float32)[np.asarray(self.track_artist)]
        return title_parts(titles, np.asarray(self.track_popularity, dtype=np.float32), renown)

    def spotify_track(self, spotify_id: str) -> NameMatch | None:
        """The song a pasted Spotify track link names, by the Spotify id the playlist dataset gave it, or None."""
        if len(spotify_id) != SPOTIFY_ID_CHARS or not spotify_id.isalnum() or not spotify_id.isascii():
            return None
        rows = self._query("SELECT idx, id, title FROM tracks WHERE external_id = ? LIMIT 1", (spotify_id,))
        if not rows:
            return None
        index, track_id, title = int(rows[0][0]), str(rows[0][1]), str(rows[0][2])
        artist = self._artist_id_name(int(self.track_artist[index]))[1]
        return NameMatch(index=index, id=track_id, name=self._track_label(title, artist), score=100.0)

    def _track_rows(self, tracks: list[int]) -> list[tuple[str, str, str]]:
        """(base title key, title, id) of a few tracks: from the columns once they are read whole (the bot warms
        them up), else in one query, so a single `segue ask` does not read every track (~0.1 s)."""
        columns = self.__dict__.get("_track_columns")
        if columns is None and len(tracks) <= _ROWS_PER_QUERY:
            found = self._rows_in("SELECT idx, bkey, title, id FROM tracks", "idx", tracks)
            by_index = {int(row[0]): (row[1], row[2], row[3]) for row in found}
            return [by_index[i] for i in tracks]
        columns = self._track_columns
        return [(columns["bkey"][i], columns["title"][i], columns["id"][i]) for i in tracks]

    @staticmethod
    def _track_label(title: str, artist: str) -> str:
        return f"{display_title(title)} - {artist}"
