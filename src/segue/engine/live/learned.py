"""What live sources taught us about tracks: new tracks, and links, years and ids the built catalog lacks.

The built catalog is read-only; this store grows beside it with use. It is append-only in spirit: a row is
never deleted, and a later sighting only fills what was unknown (a Deezer link for a track Last.fm named, a year
MusicBrainz knew) and adds its source. Rows are keyed by (artist key, base title), the same identity fusion uses,
held in memory for O(1) look-ups and persisted in one small SQLite table in the data directory (WAL, normal
sync: a handful of rows per answer costs well under a millisecond). Without a path it lives in memory only.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from segue.domain import Track
from segue.errors import StorageError
from segue.providers.base import SourceTrack, SourceUrls, track_key
from segue.text import stable_id

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS learned_tracks (
    id TEXT PRIMARY KEY,
    artist_key TEXT NOT NULL,
    title_key TEXT NOT NULL,
    title TEXT NOT NULL,
    artists TEXT NOT NULL,
    album TEXT,
    year INTEGER,
    duration_ms INTEGER,
    urls TEXT NOT NULL,
    sources TEXT NOT NULL,
    first_seen REAL NOT NULL,
    last_seen REAL NOT NULL,
    seen INTEGER NOT NULL DEFAULT 1,
    UNIQUE (artist_key, title_key)
)
"""
MAX_ROWS = 500_000
"""Beyond this many learned tracks new ones are no longer kept (a bound on memory, ~300 bytes a row)."""


@dataclass(frozen=True, slots=True)
class LearnedTrack:
    """One track as the sources described it, merged across sightings."""

    id: str
    title: str
    artists: tuple[str, ...]
    album: str | None = None
    year: int | None = None
    duration_ms: int | None = None
    urls: SourceUrls = field(default_factory=SourceUrls)
    sources: tuple[str, ...] = ()
    seen: int = 1

    @property
    def key(self) -> tuple[str, str]:
        return track_key(self.artists[0] if self.artists else "", self.title)

    def to_track(self) -> Track:
        """As a domain `Track` (id 'L...', source the first source that named it)."""
        return Track(
            id=self.id,
            title=self.title,
            artists=self.artists,
            artist_ids=(),
            album=self.album,
            year=self.year,
            duration_ms=self.duration_ms,
            source=self.sources[0] if self.sources else "live",
            external_id=self.urls.mbid,
        )

    def merged(self, track: SourceTrack) -> LearnedTrack:
        """This row with what `track` adds (unknown fields filled, its source added); never overwrites."""
        sources = self.sources if not track.source or track.source in self.sources else (*self.sources, track.source)
        return replace(
            self,
            album=self.album or track.album,
            year=self.year or track.year,
            duration_ms=self.duration_ms or track.duration_ms,
            urls=self.urls.merged(track.urls),
            sources=sources,
            seen=self.seen + 1,
        )


def learned_id(key: tuple[str, str]) -> str:
    """Stable id of a learned track: the same across restarts and shards."""
    return stable_id("L", *key)


class LearnedStore:
    """In-memory map of learned tracks, persisted to SQLite when given a path."""

    def __init__(self, path: Path | None = None, *, max_rows: int = MAX_ROWS) -> None:
        self.path = path
        self.max_rows = max_rows
        self._rows: dict[tuple[str, str], LearnedTrack] = {}
        self._by_id: dict[str, tuple[str, str]] = {}
        self._db: sqlite3.Connection | None = None
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(SCHEMA)
            for row in db.execute(
                "SELECT id, title, artists, album, year, duration_ms, urls, sources, seen FROM learned_tracks"
            ):
                track = LearnedTrack(
                    id=row[0],
                    title=row[1],
                    artists=tuple(json.loads(row[2])),
                    album=row[3],
                    year=row[4],
                    duration_ms=row[5],
                    urls=SourceUrls.from_json(json.loads(row[6])),
                    sources=tuple(json.loads(row[7])),
                    seen=row[8],
                )
                self._keep(track)
        except (sqlite3.Error, ValueError, OSError) as exc:
            raise StorageError(f"cannot open the learned-tracks store at {path}: {exc}") from exc
        self._db = db

    def _keep(self, track: LearnedTrack) -> None:
        self._rows[track.key] = track
        self._by_id[track.id] = track.key

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[LearnedTrack]:
        return iter(list(self._rows.values()))

    def get(self, key: tuple[str, str]) -> LearnedTrack | None:
        """The learned track with this (artist key, base title), if any."""
        return self._rows.get(key)

    def lookup(self, artist: str, title: str) -> LearnedTrack | None:
        """The learned track for a name pair ('Daft Punk', 'One More Time (Radio Edit)')."""
        return self._rows.get(track_key(artist, title))

    def by_id(self, track_id: str) -> LearnedTrack | None:
        key = self._by_id.get(track_id)
        return None if key is None else self._rows.get(key)

    def learn(self, tracks: Iterable[SourceTrack]) -> list[LearnedTrack]:
        """Remember these sightings; returns the rows as they now stand, in order (new or merged)."""
        now = time.time()
        out: list[LearnedTrack] = []
        changed: list[tuple[LearnedTrack, bool]] = []
        for track in tracks:
            key = track.key
            if not key[0] or not key[1]:
                continue
            old = self._rows.get(key)
            if old is None:
                if len(self._rows) >= self.max_rows:
                    continue
                row = LearnedTrack(
                    id=learned_id(key),
                    title=track.title,
                    artists=track.artists,
                    album=track.album,
                    year=track.year,
                    duration_ms=track.duration_ms,
                    urls=track.urls,
                    sources=(track.source,) if track.source else (),
                )
            else:
                row = old.merged(track)
            self._keep(row)
            changed.append((row, old is None))
            out.append(row)
        self._persist(changed, now)
        return out

    def _persist(self, rows: list[tuple[LearnedTrack, bool]], now: float) -> None:
        if self._db is None or not rows:
            return
        try:
            self._db.execute("BEGIN")
            for row, _new in rows:
                self._db.execute(
                    """INSERT INTO learned_tracks (id, artist_key, title_key, title, artists, album, year, duration_ms,
                           urls, sources, first_seen, last_seen, seen)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (artist_key, title_key) DO UPDATE SET
                           album = COALESCE(album, excluded.album), year = COALESCE(year, excluded.year),
                           duration_ms = COALESCE(duration_ms, excluded.duration_ms), urls = excluded.urls,
                           sources = excluded.sources, last_seen = excluded.last_seen, seen = excluded.seen""",
                    (
                        row.id,
                        *row.key,
                        row.title,
                        json.dumps(list(row.artists)),
                        row.album,
                        row.year,
                        row.duration_ms,
                        json.dumps(row.urls.to_json()),
                        json.dumps(list(row.sources)),
                        now,
                        now,
                        row.seen,
                    ),
                )
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            # Memory still has them; losing a few learned rows on disk must never fail an answer.
            log.warning("could not persist %d learned tracks: %s", len(rows), exc)
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
