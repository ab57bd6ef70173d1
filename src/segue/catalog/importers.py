"""Readers for the source datasets: raw files in, plain typed records out.

Each reader knows one dataset's quirks (encodings, separators, missing values, one row per playlist) and nothing
about the others; merging across datasets happens in `merge`. Every reader raises `DatasetError` naming the file
when it cannot make sense of it, so a broken download never turns into a half-built catalog.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import ftfy
import numpy as np
from numpy.typing import NDArray

from segue.catalog.playlist_names import name_genres, name_uses
from segue.domain import FEATURE_NAMES
from segue.errors import DatasetError

SPOTIFY_FILE = Path("spotify-songs") / "spotify_songs.csv"
FMC_TRACKS = Path("freemusicc") / "tracks.csv"
FMC_RELEASES = Path("freemusicc") / "releases.csv"
HETREC_DIR = Path("hetrec2011-lastfm-2k")

_MISSING = {"", "na", "nan", "null", "none", "?"}
_FMC_NOT_GENRES = {"compilation", "various", "mix", "live"}
"""freemusicc styles that describe the release, not the music ("shares tags: compilation" explains nothing)."""
_VARIOUS = {"various artists", "various", "va", "unknown artist", "unknown"}

NO_FEATURES: tuple[float, ...] = (math.nan,) * len(FEATURE_NAMES)


@dataclass(slots=True)
class SpotifyTrack:
    """One Spotify track id, its playlist rows folded into genre counts."""

    track_id: str
    title: str
    artist: str
    album: str | None
    year: int | None
    duration_ms: int | None
    popularity: int | None
    features: tuple[float, ...]
    genres: Counter[str] = field(default_factory=Counter)
    """Raw genre/subgenre label -> number of playlists that filed the track under it."""
    named: Counter[str] = field(default_factory=Counter)
    """Genres the playlists' names state ('Jazz Rap', 'City Pop') -> number of such playlists."""
    playlists: set[str] = field(default_factory=set)
    """Ids of the playlists the track sat in: which artists people put side by side."""


@dataclass(slots=True)
class FmcTrack:
    """One freemusicc track row joined with its release."""

    title: str
    artist: str
    album: str | None
    year: int | None
    duration_ms: int | None
    license: str | None
    mp3_url: str | None
    compilation: bool
    genres: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class HetrecData:
    """HetRec 2011 Last.fm 2K: artists, user listening counts and user tag assignments (as parallel arrays)."""

    artist_names: dict[int, str]
    listen_user: NDArray[np.int32]
    listen_artist: NDArray[np.int32]
    listen_plays: NDArray[np.int64]
    tag_names: dict[int, str]
    tag_user: NDArray[np.int32]
    tag_artist: NDArray[np.int32]
    tag_tag: NDArray[np.int32]


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    text = " ".join(value.split())
    return None if text.casefold() in _MISSING else text


def _name(value: str | None) -> str | None:
    """A name or title as people write it: the Free Music Archive's exports hold doubly encoded UTF-8
    ('AgustÃ­n', 'BallakÃ© Sissoko'), which `ftfy` undoes; text that was not garbled is left as it is."""
    text = _clean(value)
    return text if text is None or text.isascii() else ftfy.fix_encoding(text)


def _int(value: str | None) -> int | None:
    text = _clean(value)
    if text is None:
        return None
    try:
        return int(float(text))
    except ValueError:
        return None


def _float(value: str | None) -> float:
    text = _clean(value)
    if text is None:
        return math.nan
    try:
        return float(text)
    except ValueError:
        return math.nan


def parse_year(value: str | None) -> int | None:
    """Year of a release date given as YYYY, YYYY-MM or YYYY-MM-DD; None when absent or implausible."""
    text = _clean(value)
    if text is None or len(text) < 4 or not text[:4].isdecimal():
        return None
    year = int(text[:4])
    return year if 1900 <= year <= 2100 else None


def split_labels(value: str | None) -> list[str]:
    """Comma-separated labels, lowercased and whitespace-collapsed, empties dropped."""
    text = _clean(value)
    if text is None:
        return []
    return [label for part in text.split(",") if (label := " ".join(part.split()).casefold())]


def _dict_rows(path: Path, required: set[str]) -> Iterator[dict[str, str]]:
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle)
        missing = required - set(reader.fieldnames or ())
        if missing:
            raise DatasetError(f"{path}: missing columns {sorted(missing)}")
        try:
            yield from reader
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DatasetError(f"{path}: unreadable at line {reader.line_num}: {exc}") from exc


_SPOTIFY_COLUMNS = {
    "track_id",
    "track_name",
    "track_artist",
    "track_popularity",
    "track_album_name",
    "track_album_release_date",
    "playlist_id",
    "playlist_name",
    "playlist_genre",
    "playlist_subgenre",
    "duration_ms",
    *FEATURE_NAMES,
}


def read_spotify(path: Path) -> list[SpotifyTrack]:
    """Spotify Songs, one record per track id; each playlist row adds 1 to its genre and subgenre counts."""
    tracks: dict[str, SpotifyTrack] = {}
    stated: dict[str, list[str]] = {}
    for row in _dict_rows(path, _SPOTIFY_COLUMNS):
        track_id = _clean(row["track_id"])
        title = _name(row["track_name"])
        artist = _name(row["track_artist"])
        if track_id is None or title is None or artist is None:
            continue  # 5 rows upstream have no name or artist: nothing to show or match
        if artist.casefold() in _VARIOUS:
            continue  # a compilation's placeholder names no performer: 'Various Artists — My Sidepiece Reply'
        track = tracks.get(track_id)
        if track is None:
            track = SpotifyTrack(
                track_id=track_id,
                title=title,
                artist=artist,
                album=_name(row["track_album_name"]),
                year=parse_year(row["track_album_release_date"]),
                duration_ms=_int(row["duration_ms"]),
                popularity=_int(row["track_popularity"]),
                features=tuple(_float(row[name]) for name in FEATURE_NAMES),
            )
            tracks[track_id] = track
        for label in (row["playlist_genre"], row["playlist_subgenre"]):
            if clean := _clean(label):
                track.genres[clean.casefold()] += 1
        name = row["playlist_name"] or ""
        if name not in stated:  # 449 playlists over 32,000 rows: read each name once
            stated[name] = name_genres(name) + name_uses(name)
        for tag in stated[name]:
            track.named[tag] += 1
        if playlist := _clean(row["playlist_id"]):
            track.playlists.add(playlist)
    return list(tracks.values())


_FMC_TRACK_COLUMNS = {"id", "title", "trackartist", "trackurl", "duration"}
_FMC_RELEASE_COLUMNS = {"id", "album", "artist", "genre", "style", "year", "licenseurl"}


def read_freemusicc(tracks_path: Path, releases_path: Path) -> list[FmcTrack]:
    """freemusicc tracks joined to their release (genre, styles, year, license); rows without a title are skipped."""
    releases = {row["id"]: row for row in _dict_rows(releases_path, _FMC_RELEASE_COLUMNS)}
    out: list[FmcTrack] = []
    for row in _dict_rows(tracks_path, _FMC_TRACK_COLUMNS):
        release = releases.get(row["id"])
        if release is None:
            raise DatasetError(f"{tracks_path}: track {row.get('title')!r} names unknown release {row['id']!r}")
        release_artist = _name(release["artist"])
        compilation = release_artist is None or release_artist.casefold() in _VARIOUS
        artist = _name(row["trackartist"]) or (None if compilation else release_artist)
        title = _name(row["title"])
        if title is None or artist is None or artist.casefold() in _VARIOUS:
            continue
        genres: Counter[str] = Counter()
        for label in split_labels(release["genre"]) + split_labels(release["style"]):
            if label not in _FMC_NOT_GENRES:
                genres[label] = 1
        duration = _int(row["duration"])
        out.append(
            FmcTrack(
                title=title,
                artist=artist,
                album=_name(release["album"]),
                year=parse_year(release["year"]),
                duration_ms=duration * 1000 if duration else None,
                license=_clean(release["licenseurl"]),
                mp3_url=_clean(row["trackurl"]),
                compilation=compilation,
                genres=genres,
            )
        )
    return out


def _tsv(path: Path, encoding: str, columns: int) -> Iterator[list[str]]:
    """Rows of a HetRec tab-separated file without its header; quoting off (names contain quotes)."""
    try:
        handle = path.open(encoding=encoding, newline="")
    except OSError as exc:
        raise DatasetError(f"cannot read {path}: {exc}") from exc
    with handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        try:
            next(reader, None)
            for row in reader:
                if not row:
                    continue
                if len(row) < columns:
                    raise DatasetError(f"{path}:{reader.line_num}: expected {columns} columns, got {len(row)}")
                yield row
        except (csv.Error, UnicodeDecodeError) as exc:
            raise DatasetError(f"{path}: unreadable at line {reader.line_num}: {exc}") from exc


def _int_table(path: Path, columns: int) -> NDArray[np.int64]:
    """A numeric HetRec table as an (n, columns) int64 array."""
    try:
        rows = [[int(value) for value in row[:columns]] for row in _tsv(path, "ascii", columns)]
    except ValueError as exc:
        raise DatasetError(f"{path}: non-numeric value: {exc}") from exc
    return np.asarray(rows, dtype=np.int64).reshape(-1, columns)


def read_hetrec(folder: Path) -> HetrecData:
    """HetRec Last.fm 2K: artists.dat (UTF-8), tags.dat (Latin-1), user_artists.dat, user_taggedartists.dat."""
    artist_names: dict[int, str] = {}
    for row in _tsv(folder / "artists.dat", "utf-8", 2):
        name = _name(row[1])
        if name is not None and row[0].isdecimal():
            artist_names[int(row[0])] = name
    tag_names: dict[int, str] = {}
    for row in _tsv(folder / "tags.dat", "latin-1", 2):
        name = _name(row[1])
        if name is not None and row[0].isdecimal():
            tag_names[int(row[0])] = name.casefold()
    listens = _int_table(folder / "user_artists.dat", 3)
    tagged = _int_table(folder / "user_taggedartists.dat", 3)
    return HetrecData(
        artist_names=artist_names,
        listen_user=listens[:, 0].astype(np.int32),
        listen_artist=listens[:, 1].astype(np.int32),
        listen_plays=listens[:, 2],
        tag_names=tag_names,
        tag_user=tagged[:, 0].astype(np.int32),
        tag_artist=tagged[:, 1].astype(np.int32),
        tag_tag=tagged[:, 2].astype(np.int32),
    )
