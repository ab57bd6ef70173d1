"""`segue catalog build`: import every dataset, merge, score, and write the catalog atomically.

The catalog is written into a temporary directory beside the target and renamed into place only when complete, so
a failed or interrupted build leaves the previous catalog exactly as it was (and readers never see half a file).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from segue.catalog import importers
from segue.catalog.feature_scale import feature_scale
from segue.catalog.layout import (
    ARTIST_SOURCES,
    DATABASE,
    DATASET_FOLDERS,
    GENRE_TREE,
    GENRE_TREE_SOURCE,
    LIST_SEP,
    MANIFEST,
    NEIGHBORS_K,
    SCHEMA_VERSION,
    SOURCES,
    SQL_SCHEMA,
)
from segue.catalog.lookup import artist_search_key, base_search_key
from segue.catalog.merge import Merged, artist_families, merge
from segue.catalog.name_state import write_artist_names
from segue.catalog.neighbors import (
    COLISTEN_MIN_LISTENERS,
    COLISTEN_MODEL,
    COLISTEN_SHRINK,
    colisten_neighbors,
    drop_lone_listener_rows,
    listener_counts,
    model_neighbors,
    playlist_counts,
    playlist_neighbors,
    tag_neighbors,
)
from segue.catalog.popularity import artist_popularity, track_popularity
from segue.catalog.seasonal import seasonal_tracks
from segue.catalog.store import Catalog
from segue.catalog.sung import sung_languages
from segue.catalog.tags import MIN_TAG_USERS, TagData, build_tags, first_years, propagate_style
from segue.catalog.word_vectors import write_word_vectors
from segue.catalog.years import song_years
from segue.errors import CatalogError, DatasetError
from segue.text import normalize_name, stable_id

log = logging.getLogger(__name__)

REQUIRED_FILES: tuple[Path, ...] = (
    importers.SPOTIFY_FILE,
    importers.FMC_TRACKS,
    importers.FMC_RELEASES,
    importers.HETREC_DIR / "artists.dat",
    importers.HETREC_DIR / "tags.dat",
    importers.HETREC_DIR / "user_artists.dat",
    importers.HETREC_DIR / "user_taggedartists.dat",
)


@contextmanager
def _stage(name: str, timings: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    yield
    timings[name] = round(time.perf_counter() - start, 3)
    log.info("catalog build: %s in %.2f s", name, timings[name])


def fingerprint_inputs(source: Path) -> dict[str, dict[str, Any]]:
    """Size and SHA-256 of every file in the dataset folders, so a manifest says exactly what it was built from."""
    out: dict[str, dict[str, Any]] = {}
    for folder in DATASET_FOLDERS:
        base = source / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            digest = hashlib.sha256()
            with path.open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):  # type: ignore[misc]
                    digest.update(block)
            out[path.relative_to(source).as_posix()] = {"bytes": path.stat().st_size, "sha256": digest.hexdigest()}
    return out


def _check_inputs(source: Path) -> None:
    missing = [str(rel) for rel in REQUIRED_FILES if not (source / rel).is_file()]
    if missing:
        raise DatasetError(
            f"dataset files missing under {source}: {', '.join(missing)}",
            user_message=f"Dataset files are missing under {source}: {', '.join(missing)}. "
            "Run `segue catalog download` or set SEGUE_DATASETS_DIR.",
        )


def _tracks_by_artist(merged: Merged, track_pop: NDArray[np.float32]) -> tuple[NDArray[np.int32], NDArray[np.int32]]:
    """CSR of track indices per artist, most popular first (unknown popularity last)."""
    artist_of = np.array([t.artist for t in merged.tracks], dtype=np.int64)
    pop = np.nan_to_num(track_pop, nan=-1.0)
    order = np.lexsort((np.arange(len(artist_of)), -pop, artist_of))
    indptr = np.zeros(len(merged.artists) + 1, dtype=np.int32)
    np.cumsum(np.bincount(artist_of, minlength=len(merged.artists)), out=indptr[1:])
    return indptr, order.astype(np.int32)


def _hetrec_map(merged: Merged) -> NDArray[np.int32]:
    table = np.full(max(merged.hetrec_artist, default=-1) + 1, -1, dtype=np.int32)
    for hid, idx in merged.hetrec_artist.items():
        table[hid] = idx
    return table


def _save_csr(out: Path, name: str, matrix: sp.csr_matrix) -> None:
    np.save(out / f"{name}_data.npy", matrix.data.astype(np.float32))
    np.save(out / f"{name}_indices.npy", matrix.indices.astype(np.int32))
    np.save(out / f"{name}_indptr.npy", matrix.indptr.astype(np.int32))


def _write_database(path: Path, merged: Merged, tags: TagData) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=OFF")  # a fresh file in a temp dir: nothing to roll back to
        conn.execute("PRAGMA synchronous=OFF")
        conn.executescript(SQL_SCHEMA)
        conn.executemany(
            "INSERT INTO artists VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    _artist_id(merged, i),
                    name,
                    merged.artists.keys[i],
                    normalize_name(name),
                    artist_search_key(name),
                    LIST_SEP.join(genres),
                )
                for i, (name, genres) in enumerate(zip(merged.artist_names, tags.artist_genres, strict=True))
            ),
        )
        conn.executemany(
            "INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    t.id,
                    t.title,
                    t.key,
                    t.base,
                    base_search_key(t.title),
                    t.album,
                    t.duration_ms,
                    t.popularity,
                    LIST_SEP.join(genres),
                    t.license,
                    t.mp3_url,
                    t.external_id,
                )
                for i, (t, genres) in enumerate(zip(merged.tracks, tags.track_genres, strict=True))
            ),
        )
        conn.executemany(
            "INSERT INTO tags VALUES (?, ?, ?)",
            ((i, name, key) for i, (name, key) in enumerate(zip(tags.names, tags.keys, strict=True))),
        )
        conn.commit()
    finally:
        conn.close()


def _artist_id(merged: Merged, i: int) -> str:
    return stable_id("a", merged.artists.keys[i])


def _swap_into_place(staging: Path, target: Path) -> None:
    """Replace `target` by `staging` with two renames; on failure the old catalog is put back."""
    previous: Path | None = None
    if target.exists():
        previous = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
        os.rename(target, previous)
    try:
        os.rename(staging, target)
    except OSError:
        if previous is not None:
            os.rename(previous, target)
        raise
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)


def build_catalog(source: Path, target: Path) -> dict[str, Any]:
    """Build the catalog from the dataset folders under `source` into `target`; returns the manifest."""
    started = time.perf_counter()
    _check_inputs(source)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-", dir=target.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; the bot may run as another user than the builder
    try:
        manifest = _build_into(source, staging)
        _copy_genre_tree(source, staging)
        manifest["build_seconds"] = round(time.perf_counter() - started, 3)
        (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
        with Catalog.open(staging) as built:
            built.write_short_names()
        _swap_into_place(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    log.info("catalog built at %s in %.1f s", target, manifest["build_seconds"])
    return manifest


def _copy_genre_tree(source: Path, out: Path) -> None:
    """Ship the Wikidata genre tree (CC0) inside the catalog, so the parser never needs the raw datasets."""
    tree = source / GENRE_TREE_SOURCE
    if tree.is_file():
        shutil.copyfile(tree, out / GENRE_TREE)


def _build_into(source: Path, out: Path) -> dict[str, Any]:
    timings: dict[str, float] = {}
    with _stage("fingerprint inputs", timings):
        inputs = fingerprint_inputs(source)
    with _stage("read datasets", timings):
        spotify = importers.read_spotify(source / importers.SPOTIFY_FILE)
        fmc = importers.read_freemusicc(source / importers.FMC_TRACKS, source / importers.FMC_RELEASES)
        hetrec = importers.read_hetrec(source / importers.HETREC_DIR)
    with _stage("merge", timings):
        merged = merge(spotify, fmc, hetrec)
        ids = [t.id for t in merged.tracks]
        if len(set(ids)) != len(ids):
            raise CatalogError("track id collision while merging")
    with _stage("tags", timings):
        tags = build_tags(merged)
    with _stage("popularity", timings):
        track_pop = track_popularity(merged)
        artist_pop = artist_popularity(merged, track_pop)
    n_artists = len(merged.artists)
    with _stage("co-listening neighbours", timings):
        cosine = colisten_neighbors(merged.listening, n_artists, artist_pop, NEIGHBORS_K)
    with _stage("co-listening model", timings):
        colisten, colisten_scores = model_neighbors(merged.listening, cosine)
    with _stage("co-playlist neighbours and borrowed style", timings):
        playlisted, playlisted_scores = playlist_neighbors(merged.tracks, n_artists, artist_pop, NEIGHBORS_K)
        colisten, colisten_scores = drop_lone_listener_rows((colisten, colisten_scores), playlisted, merged.listening)
        genre_like = np.bincount(tags.track_tags.indices, minlength=len(tags.names)) > 0
        style = propagate_style(tags.artist_tags, tags.names, playlisted, playlisted_scores, genre_like)
    with _stage("sung languages", timings):
        listened = np.diff(tags.artist_votes.indptr) > 0
        sung = sung_languages(merged.tracks, tags.track_genres, tags.artist_tags, tags.names, listened)
    with _stage("tag neighbours", timings):
        tagged, tagged_scores = tag_neighbors(style, artist_pop, NEIGHBORS_K)
    with _stage("write", timings):
        features = np.array([t.features for t in merged.tracks], dtype=np.float32).reshape(len(merged.tracks), -1)
        indptr, by_artist = _tracks_by_artist(merged, track_pop)
        track_year = np.array([t.year or 0 for t in merged.tracks], dtype=np.int16)
        track_artist = np.array([t.artist for t in merged.tracks], dtype=np.int32)
        began = first_years(track_artist, track_year, tags.artist_tags, tags.names)
        song_year = song_years([t.title for t in merged.tracks], track_year, track_artist, began)
        arrays: dict[str, NDArray[Any]] = {
            "features": features,
            "feature_scale": feature_scale(features),
            "track_popularity": track_pop,
            "track_year": track_year,
            "track_song_year": song_year,
            "track_seasonal": seasonal_tracks(merged),
            "track_artist": track_artist,
            "track_source": np.array([t.source for t in merged.tracks], dtype=np.int8),
            "track_seconds": np.array([_seconds(t.duration_ms) for t in merged.tracks], dtype=np.int16),
            "track_sung": sung,
            "artist_popularity": artist_pop,
            "artist_sources": np.array(merged.artists.sources, dtype=np.int8),
            "hetrec_artist": _hetrec_map(merged),
            "artist_neighbors": colisten,
            "artist_neighbor_scores": colisten_scores,
            "artist_listeners": listener_counts(merged.listening, n_artists),
            "artist_playlists": playlist_counts(merged.tracks, n_artists),
            "artist_tag_neighbors": tagged,
            "artist_tag_neighbor_scores": tagged_scores,
            "artist_playlist_neighbors": playlisted,
            "artist_family": artist_families(merged.artists.keys),
            "artist_playlist_neighbor_scores": playlisted_scores,
            "artist_tracks_indptr": indptr,
            "artist_tracks": by_artist,
            "tag_counts": tags.counts,
        }
        for name, array in arrays.items():
            np.save(out / f"{name}.npy", array)
        _save_csr(out, "track_tags", tags.track_tags)
        _save_csr(out, "artist_tags", tags.artist_tags)
        _save_csr(out, "artist_tag_votes", tags.artist_votes)
        _save_csr(out, "artist_style", style)
        _write_database(out / DATABASE, merged, tags)
        write_artist_names(out / DATABASE, artist_pop)
    with _stage("word vectors", timings):
        write_word_vectors(out)
    return _manifest(source, inputs, merged, tags, arrays, timings)


def _manifest(
    source: Path,
    inputs: dict[str, dict[str, Any]],
    merged: Merged,
    tags: TagData,
    arrays: dict[str, NDArray[Any]],
    timings: dict[str, float],
) -> dict[str, Any]:
    by_source = Counter(SOURCES[t.source] for t in merged.tracks)
    artist_sources = arrays["artist_sources"]
    return {
        "schema_version": SCHEMA_VERSION,
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "source_dir": str(source.resolve()),
        "inputs": inputs,
        "counts": {
            "tracks": len(merged.tracks),
            "artists": len(merged.artists),
            "tags": len(tags.names),
            "tracks_by_source": {name: by_source.get(name, 0) for name in SOURCES},
            "artists_by_source": {
                name: int(np.count_nonzero(artist_sources & (1 << i))) for i, name in enumerate(ARTIST_SOURCES)
            },
            "tracks_with_mp3": sum(1 for t in merged.tracks if t.mp3_url),
            "listening_users": merged.listening.n_users,
            "listening_pairs": len(merged.listening.plays),
        },
        "params": {
            "neighbors_k": NEIGHBORS_K,
            "colisten_weighting": "log1p(plays)",
            "colisten_shrink": COLISTEN_SHRINK,
            "colisten_model": COLISTEN_MODEL,
            "colisten_model_min_listeners": COLISTEN_MIN_LISTENERS,
            "min_tag_users": MIN_TAG_USERS,
        },
        "dropped": dict(merged.dropped),
        "stage_seconds": timings,
    }


def _seconds(duration_ms: int | None) -> int:
    """A song's length in whole seconds for 'songs under 3 minutes' (0: unknown), within the int16 the array holds."""
    return min(round(duration_ms / 1000), 32767) if duration_ms and duration_ms > 0 else 0
