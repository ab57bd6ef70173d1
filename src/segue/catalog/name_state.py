"""The catalog's name indexes apart from the store: their recipes, the build's exact-name table, and a copy of the
built indexes that the next process over the same catalog reads instead of building them.

Building them reads every artist's and track's names from SQLite and indexes them: ~0.2 s of CPU that the first
request needing a fuzzy or title look-up paid after each start of the bot (BENCHMARKS.md, issue 14, cold start of
`segue run`). The bot saves them once built, after its first answers (`Catalog.save_names`); the next start reads
them back in ~30 ms. The copy is marshal data (lists, dicts, strings, array bytes), keyed by the catalog (its
manifest and database file) and by the source of the code that builds the indexes, so a rebuilt catalog or a
changed recipe never reads a stale copy: the indexes are built again and the copy rewritten.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from segue.catalog import letters, lookup, track_search
from segue.catalog.kept import copy_key, read_copy, write_copy
from segue.catalog.lookup import NameIndex, artist_search_key, leader_alias
from segue.catalog.track_search import TrackNames

log = logging.getLogger(__name__)

FORMAT = 1
"""Bumped when the copy's layout changes (the source hash below covers the indexes' own code)."""
ARTIST_COLUMNS = ("id", "name", "key", "norm", "skey")
TRACK_COLUMNS = ("id", "title", "key", "bkey", "base")


@dataclass(frozen=True, slots=True)
class SavedNames:
    """The catalog's whole name columns and the two indexes built over them."""

    artist_columns: dict[str, list[Any]]
    track_columns: dict[str, list[Any]]
    artist_index: NameIndex
    track_names: tuple[TrackNames, list[str]]


def artist_name_index(columns: Mapping[str, Sequence[str]], popularity: NDArray[np.float32]) -> NameIndex:
    """Artist look-up over the search keys (`skey`), with the `key` and `norm` spellings as exact aliases."""
    keys = columns["skey"]
    extra: dict[str, int] = {}
    # Exact lookups also accept plain `normalize_name` / `artist_key` forms: 'the beatles', 'destiny s child'.
    for aliases in (columns["key"], columns["norm"]):
        for i, alias in enumerate(aliases):
            if alias != keys[i]:
                extra[alias] = i
    # 'dave brubeck' is The Dave Brubeck Quartet, where no artist is called that: fuzzy matching scored it 75.
    pop = np.nan_to_num(np.asarray(popularity, dtype=np.float32), nan=0.0)
    leaders: dict[str, int] = {}
    for i, norm in enumerate(columns["norm"]):
        leader = leader_alias(norm)
        if leader is not None:
            key = artist_search_key(leader)
            if key not in leaders or pop[i] > pop[leaders[key]]:  # the Quintet or the Sextet: the better known
                leaders[key] = i
    return NameIndex(keys, popularity, extra, leaders)


def write_artist_names(database: Path, popularity: NDArray[np.float32]) -> None:
    """At build time: the exact artist keys with the artist each resolves to (as `artist_name_index` decides), so
    opening the catalog to answer one request needs no index over every name."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        rows = db.execute("SELECT skey, key, norm FROM artists ORDER BY idx").fetchall()
        columns = {name: [row[j] for row in rows] for j, name in enumerate(("skey", "key", "norm"))}
        index = artist_name_index(columns, popularity)
        db.executemany("INSERT INTO artist_names VALUES (?, ?)", index.exact_items())
        db.commit()


def track_name_index(columns: Mapping[str, list[Any]], popularity: NDArray[np.float32]) -> tuple[TrackNames, list[str]]:
    """Title keys for lookup (an index over the base titles) and the display titles."""
    bases: list[str] = columns["bkey"]
    return TrackNames(NameIndex(bases, popularity), columns["key"], bases), columns["title"]


def names_key(database: Path, manifest: Mapping[str, Any], sources: Sequence[Path]) -> str:
    """What a saved copy must match: this catalog (manifest, database file) and the code that builds the indexes."""
    modules = (Path(__file__), Path(lookup.__file__), Path(letters.__file__), Path(track_search.__file__))
    return copy_key(FORMAT, manifest, (database,), (*sources, *modules))


def _pack(index: NameIndex) -> dict[str, Any]:
    return {
        name: ("ndarray", value.dtype.str, value.shape, value.tobytes()) if isinstance(value, np.ndarray) else value
        for name, value in index.state().items()
    }


def _unpack(state: Mapping[str, Any]) -> NameIndex:
    def value(packed: Any) -> Any:
        if isinstance(packed, tuple) and packed[:1] == ("ndarray",):
            _, dtype, shape, raw = packed
            return np.frombuffer(raw, dtype=np.dtype(dtype)).reshape(shape).copy()
        return packed

    return NameIndex.from_state({name: value(packed) for name, packed in state.items()})


def _shared(value: Any, strings: dict[str, str], copies: dict[int, Any]) -> Any:
    """`value` with every string of equal text one object, and each list and dict copied once (one copy where it was
    one object: a track index's keys are its track column). marshal writes an object it has written before as a
    reference, so the ~400k strings of the copy (a name is often its own key, norm and search key) are ~230k to
    build when it is read: 40 -> 32 ms of the first title look-up after a start (BENCHMARKS.md, issue 14)."""
    if isinstance(value, str):
        return strings.setdefault(value, value)
    if isinstance(value, list | dict):
        copy = copies.get(id(value))
        if copy is None:
            if isinstance(value, list):
                copy = copies[id(value)] = [_shared(item, strings, copies) for item in value]
            else:
                copy = copies[id(value)] = {
                    _shared(k, strings, copies): _shared(v, strings, copies) for k, v in value.items()
                }
        return copy
    if isinstance(value, tuple):
        return tuple(_shared(item, strings, copies) for item in value)
    return value


def write_names(path: Path, key: str, names: SavedNames) -> None:
    """Keep `names` at `path` under `key` (written whole, then renamed: a reader never sees half a copy)."""
    tracks, titles = names.track_names
    payload = {
        "artist_columns": names.artist_columns,
        "track_columns": names.track_columns,
        "artist_index": _pack(names.artist_index),
        "songs": _pack(tracks.songs),
    }
    if tracks.keys is not names.track_columns["key"] or titles is not names.track_columns["title"]:
        raise ValueError("the track index is not over these track columns")
    write_copy(path, key, _shared(payload, {}, {}))


def read_names(path: Path, key: str) -> SavedNames | None:
    """The copy at `path` when it was saved under `key`; None when there is none, or another (a rebuilt catalog,
    changed code), or it is unreadable: the caller builds the indexes."""
    try:
        # Unmarshalled straight from the page cache (`kept.read_copy`): read into a buffer first, its 11 MB copy cost
        # the first title look-up after a start ~10 ms (44 -> 34 ms in a fresh process; BENCHMARKS.md, issue 14).
        payload = read_copy(path, key)
        if payload is None:
            return None
        columns = payload["track_columns"]
        tracks = TrackNames(_unpack(payload["songs"]), columns["key"], columns["bkey"])
        return SavedNames(
            payload["artist_columns"], columns, _unpack(payload["artist_index"]), (tracks, columns["title"])
        )
    except (OSError, EOFError, ValueError, TypeError, KeyError) as exc:
        log.warning("catalog name indexes at %s unreadable (%r): building them", path, exc)
        return None
