"""Scale benchmark: the whole engine on synthetic catalogs of up to 1,000,000 tracks and 200,000 artists.

Each size is written in the built catalog's own on-disk format (`segue.catalog.layout`: memory-mapped arrays and
SQLite) and opened with `Catalog.open`, so the engine runs exactly as on the real catalog: the parser, the
constraint masks, tag columns, sound similarity (exact up to `ann_threshold` tracks, HNSW above it), co-listening
and playlist neighbours, popularity and the MMR selection. Requests are the engine benchmark's templates over the
synthetic artists, real moods and the real catalog's genre tags.

Synthetic, but shaped by the real catalog: audio features, popularity, release and song years are resampled from
it (features jittered, the share without features kept); 5 tracks per artist on average with a heavy tail; artists
fall into communities of 100 that share a tag profile, the real share of them has listener votes (counts resampled)
and the real share is another's line-up (`artist_family`); their 50 neighbours per table come from their own
community (co-listening, tags) and from a wider one (playlists). The genre tree and word vectors are the real
catalog's, and the short-name table is written as the build writes it. The slopes between sizes project what 10M
would need.

`python -m bench scale` writes the section; `python -m bench.bench_scale 100000` runs one size and prints it.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from bench.bench_engine import GENRES, MOODS, TEMPLATES, percentiles
from segue.app import build_service, ensure_catalog, genre_tree_path, serving_threads
from segue.catalog.feature_scale import feature_scale
from segue.catalog.layout import (
    ARRAYS,
    DATABASE,
    GENRE_TREE,
    MANIFEST,
    NEIGHBORS_K,
    SCHEMA_VERSION,
    SQL_SCHEMA,
    WORD_VECTORS,
    WORDS,
)
from segue.catalog.lookup import artist_search_key, base_search_key
from segue.catalog.name_state import write_artist_names
from segue.catalog.store import Catalog
from segue.config import Settings, load_settings
from segue.engine.query.genres import GenreTree
from segue.text import artist_key, normalize_name

SIZES = ((100_000, 20_000), (300_000, 60_000), (1_000_000, 200_000))
"""(tracks, artists): the same 5 tracks per artist; 300k is the last size scanned exactly, 1M uses HNSW."""
TARGET_P99_MS = 5.0
REQUESTS = 1000
COMMUNITY = 100
"""Artists per community: they share a tag profile and are each other's co-listening and tag neighbours."""
PLAYLIST_REACH = 10
"""Playlist neighbours come from this many neighbouring communities (playlists mix more widely)."""
ARTIST_TAGS = 6
TRACK_TAGS = 2


def _rss_mb() -> float:
    """This process's resident memory (VmRSS), MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@dataclass(frozen=True, slots=True)
class Real:
    """What the synthetic catalogs borrow from the real one: value distributions, the tag vocabulary and the files
    that do not depend on the tracks (genre tree, word vectors)."""

    path: Path
    features: NDArray[np.float32]
    popularity: NDArray[np.float32]
    years: NDArray[np.int16]
    song_years: NDArray[np.int16]
    """Resampled with `years` (same rows), so a remaster's earlier song year keeps its release year."""
    tag_rows: list[tuple[int, str, str]]
    genre_tags: NDArray[np.int64]
    """Tag columns that name genres (they carry tracks), which communities draw their profile from."""
    votes: NDArray[np.float32]
    """Listener counts per (artist, tag) vote, resampled for the synthetic votes."""
    voted_share: float
    """Share of artists with listener votes (those HetRec users tagged)."""
    family_share: float
    """Share of artists that are another's line-up ('X & The Y' -> 'X')."""


def borrow(catalog: Catalog) -> Real:
    genre_like = np.flatnonzero(np.bincount(np.asarray(catalog.track_tags.indices), minlength=len(catalog.tag_names)))
    tag_rows = [(int(i), str(n), str(k)) for i, n, k in catalog._query("SELECT idx, name, key FROM tags ORDER BY idx")]
    voted = np.diff(np.asarray(catalog.artist_tag_votes.indptr)) > 0
    family = np.asarray(catalog.artist_family)
    return Real(
        path=catalog.path,
        features=np.asarray(catalog.features, dtype=np.float32),
        popularity=np.asarray(catalog.track_popularity, dtype=np.float32),
        years=np.asarray(catalog.track_year, dtype=np.int16),
        song_years=np.asarray(catalog.track_song_year, dtype=np.int16),
        tag_rows=tag_rows,
        genre_tags=genre_like.astype(np.int64),
        votes=np.asarray(catalog.artist_tag_votes.data, dtype=np.float32),
        voted_share=float(voted.mean()),
        family_share=float(np.mean(family != np.arange(family.size))),
    )


def _csr(rows: NDArray[np.int64], cols: NDArray[np.int64], vals: NDArray[np.float32], n_rows: int) -> dict[str, Any]:
    order = np.lexsort((cols, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    keep = np.ones(rows.size, dtype=bool)
    keep[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])  # one entry per (row, tag)
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    indptr = np.zeros(n_rows + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=n_rows), out=indptr[1:])
    return {"data": vals.astype(np.float32), "indices": cols.astype(np.int32), "indptr": indptr}


def _neighbours(
    n_artists: int, popularity: NDArray[np.float32], reach: int, rng: np.random.Generator
) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
    """50 neighbours per artist from its community (or `reach` communities around it), best first."""
    community = np.arange(n_artists) // COMMUNITY
    span = COMMUNITY * reach
    start = np.clip((community - reach // 2) * COMMUNITY, 0, max(0, n_artists - span))
    picks = start[:, None] + rng.integers(0, min(span, n_artists), size=(n_artists, NEIGHBORS_K))
    picks = np.minimum(picks, n_artists - 1)
    scores = rng.beta(2.0, 5.0, size=(n_artists, NEIGHBORS_K)).astype(np.float32) * (
        0.5 + 0.5 * popularity[picks]
    ).astype(np.float32)
    self_pick = picks == np.arange(n_artists)[:, None]
    scores[self_pick] = -1.0
    order = np.argsort(-scores, axis=1)
    picks = np.take_along_axis(picks, order, axis=1).astype(np.int32)
    scores = np.take_along_axis(scores, order, axis=1)
    picks[scores < 0] = -1
    return picks, np.where(scores < 0, -1.0, scores).astype(np.float32)


def _families(n_artists: int, share: float, rng: np.random.Generator) -> NDArray[np.int32]:
    """Per artist, whose line-up it is (else itself): the real share of artists, each its community's first
    artist's line-up, so a family never spans communities and its leader is its own family."""
    family = np.arange(n_artists, dtype=np.int32)
    line_ups = rng.random(n_artists) < share
    line_ups[::COMMUNITY] = False  # the leaders
    family[line_ups] = (np.flatnonzero(line_ups) // COMMUNITY * COMMUNITY).astype(np.int32)
    return family


@dataclass(frozen=True, slots=True)
class Tags:
    """The synthetic tag matrices (CSR parts) and the tag columns the tracks carry."""

    track: dict[str, Any]
    artist: dict[str, Any]
    votes: dict[str, Any]
    track_cols: NDArray[np.int64]


def _tags(n_artists: int, track_artist: NDArray[np.int32], real: Real, rng: np.random.Generator) -> Tags:
    """Each community draws a profile from the genre tags; artists take most of it, tracks one or two, and the
    real share of artists has listener votes on its own tags (counts resampled from the real votes)."""
    n_tracks = track_artist.size
    n_comm = math.ceil(n_artists / COMMUNITY)
    profile = real.genre_tags[rng.integers(0, real.genre_tags.size, (n_comm, ARTIST_TAGS))]
    a_rows = np.repeat(np.arange(n_artists), ARTIST_TAGS)
    a_cols = profile[np.arange(n_artists) // COMMUNITY].ravel()
    a_vals = rng.dirichlet(np.ones(ARTIST_TAGS), n_artists).ravel().astype(np.float32)
    voted = np.repeat(rng.random(n_artists) < real.voted_share, ARTIST_TAGS)
    votes = rng.choice(real.votes, int(voted.sum())).astype(np.float32)
    t_rows = np.repeat(np.arange(n_tracks), TRACK_TAGS)
    t_cols = profile[track_artist // COMMUNITY][np.arange(n_tracks)[:, None], rng.integers(0, 3, (n_tracks, 2))]
    t_vals = np.full(t_rows.size, 1.0 / TRACK_TAGS, dtype=np.float32)
    return Tags(
        track=_csr(t_rows, t_cols.ravel(), t_vals, n_tracks),
        artist=_csr(a_rows, a_cols, a_vals, n_artists),
        votes=_csr(a_rows[voted], a_cols[voted], votes, n_artists),
        track_cols=t_cols.ravel(),
    )


def _track_arrays(n_tracks: int, n_artists: int, real: Real, rng: np.random.Generator) -> dict[str, NDArray[Any]]:
    """Per-track arrays: tracks per artist heavy-tailed (at least one), features, popularity and both years
    resampled from the same real rows, and each artist's tracks most popular first (NaN last, as the build)."""
    weights = rng.pareto(1.5, n_artists) + 1.0
    per_artist = np.maximum(1, np.floor(weights / weights.sum() * (n_tracks - n_artists)).astype(np.int64) + 1)
    per_artist[: n_tracks - int(per_artist.sum())] += 1  # exact total
    track_artist = np.repeat(np.arange(n_artists), per_artist)[:n_tracks].astype(np.int32)
    pick = rng.integers(0, real.features.shape[0], n_tracks)
    features = real.features[pick].copy()
    features += rng.normal(0, 0.02, features.shape).astype(np.float32) * np.nanstd(real.features, axis=0)
    track_pop = real.popularity[pick]
    order = np.lexsort((-np.nan_to_num(track_pop, nan=-1.0), track_artist))
    indptr = np.zeros(n_artists + 1, dtype=np.int32)
    np.cumsum(np.bincount(track_artist, minlength=n_artists), out=indptr[1:])
    return {
        "features": features,
        "feature_scale": feature_scale(features),
        "track_popularity": track_pop,
        "track_year": real.years[pick],
        "track_song_year": real.song_years[pick],
        "track_seasonal": np.zeros(n_tracks, dtype=bool),
        "track_artist": track_artist,
        "track_source": np.zeros(n_tracks, dtype=np.int8),
        "track_seconds": rng.integers(120, 360, n_tracks).astype(np.int16),
        "artist_popularity": (np.log1p(weights) / np.log1p(weights).max()).astype(np.float32),
        "artist_tracks_indptr": indptr,
        "artist_tracks": order.astype(np.int32),
    }


def _artist_arrays(
    n_artists: int, popularity: NDArray[np.float32], real: Real, rng: np.random.Generator
) -> dict[str, NDArray[Any]]:
    """Per-artist arrays: the three neighbour tables, the line-up families and the trust counts."""
    colisten, colisten_s = _neighbours(n_artists, popularity, 1, rng)
    tagged, tagged_s = _neighbours(n_artists, popularity, 1, rng)
    playlisted, playlisted_s = _neighbours(n_artists, popularity, PLAYLIST_REACH, rng)
    return {
        "artist_sources": np.ones(n_artists, dtype=np.int8),
        "hetrec_artist": np.full(1, -1, dtype=np.int32),
        "artist_neighbors": colisten,
        "artist_neighbor_scores": colisten_s,
        "artist_listeners": np.full(n_artists, 50, dtype=np.int32),
        "artist_playlists": np.full(n_artists, PLAYLIST_REACH, dtype=np.int32),
        "artist_tag_neighbors": tagged,
        "artist_tag_neighbor_scores": tagged_s,
        "artist_playlist_neighbors": playlisted,
        "artist_playlist_neighbor_scores": playlisted_s,
        "artist_family": _families(n_artists, real.family_share, rng),
    }


CATALOG_FILES = (GENRE_TREE, WORD_VECTORS, WORDS)
"""Files the build writes that do not depend on the tracks: copied from the real catalog as they are."""


def write_catalog(out: Path, n_tracks: int, n_artists: int, real: Real, seed: int = 14) -> None:
    """A synthetic catalog in the built layout at `out`: every array, the SQLite tables (exact and short names
    included), the genre tree and word vectors, and the manifest, as `segue catalog build` writes them."""
    rng = np.random.default_rng(seed)
    out.mkdir(parents=True)
    n_tags = len(real.tag_rows)
    arrays = _track_arrays(n_tracks, n_artists, real, rng)
    arrays |= _artist_arrays(n_artists, arrays["artist_popularity"], real, rng)
    tags = _tags(n_artists, arrays["track_artist"], real, rng)
    arrays["tag_counts"] = np.bincount(tags.track_cols, minlength=n_tags).astype(np.int32)
    for prefix, matrix in (
        ("track_tags", tags.track),
        ("artist_tags", tags.artist),
        ("artist_tag_votes", tags.votes),
        ("artist_style", tags.artist),
    ):
        for part, values in matrix.items():
            arrays[f"{prefix}_{part}"] = values
    missing = set(ARRAYS) - set(arrays)
    if missing:  # the layout grew: this benchmark must learn the new arrays, not silently skip them
        raise SystemExit(f"bench scale does not know how to synthesize {sorted(missing)}")
    for name, (dtype, _) in ARRAYS.items():
        np.save(out / f"{name}.npy", np.ascontiguousarray(arrays[name], dtype=dtype))
    for name in CATALOG_FILES:
        if (real.path / name).is_file():
            shutil.copyfile(real.path / name, out / name)
    _write_rows(out / DATABASE, n_tracks, n_artists, real)
    write_artist_names(out / DATABASE, arrays["artist_popularity"])
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "built_at": "synthetic",
        "counts": {"tracks": n_tracks, "artists": n_artists, "tags": n_tags},
    }
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with Catalog.open(out) as built:
        built.write_short_names()


def artist_name(i: int) -> str:
    return f"Synth Artist {i}"


def _write_rows(path: Path, n_tracks: int, n_artists: int, real: Real) -> None:
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(SQL_SCHEMA)

        def artists() -> Iterator[tuple[Any, ...]]:
            for i in range(n_artists):
                name = artist_name(i)
                yield i, f"sa{i}", name, artist_key(name), normalize_name(name), artist_search_key(name), ""

        def tracks() -> Iterator[tuple[Any, ...]]:
            for i in range(n_tracks):
                title = f"Synth Song {i}"
                key = normalize_name(title)
                yield i, f"st{i}", title, key, key, base_search_key(title), None, 200_000, None, "", None, None, None

        db.executemany("INSERT INTO artists VALUES (?, ?, ?, ?, ?, ?, ?)", artists())
        db.executemany("INSERT INTO tracks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tracks())
        db.executemany("INSERT INTO tags VALUES (?, ?, ?)", real.tag_rows)
        db.commit()


@dataclass(frozen=True, slots=True)
class SizeResult:
    tracks: int
    artists: int
    write_s: float
    start_s: float
    """Opening the catalog and building the engine (the HNSW graph above the threshold)."""
    engine: tuple[float, float, float]
    engine_cpu: tuple[float, float, float]
    """This thread's CPU time per request: what the request cost, without the time slices other work took."""
    ask: tuple[float, float, float]
    rss_growth_mb: float
    disk_mb: float
    ann: bool


def measure_size(n_tracks: int, n_artists: int, real: Real, settings: Settings, genres: GenreTree) -> SizeResult:
    import asyncio

    root = Path(tempfile.mkdtemp(prefix="segue-scale-"))
    try:
        started = time.perf_counter()
        write_catalog(root / "catalog", n_tracks, n_artists, real)
        written = time.perf_counter() - started
        disk = sum(f.stat().st_size for f in (root / "catalog").iterdir()) / 2**20
        gc.collect()
        rss0 = _rss_mb()
        started = time.perf_counter()
        catalog = Catalog.open(root / "catalog")
        service = build_service(catalog, genres, settings)
        start_s = time.perf_counter() - started
        rng = random.Random(42)
        popular = np.argsort(-np.asarray(catalog.artist_popularity))[:2000]
        texts = [
            rng.choice(TEMPLATES).format(
                artist=artist_name(int(rng.choice(popular))), mood=rng.choice(MOODS), genre=rng.choice(GENRES)
            )
            for _ in range(REQUESTS)
        ]
        queries = [service.parser.parse(t) for t in texts]
        recommender = service.recommender
        for q in queries[:30]:
            recommender.recommend(q, count=10)
        engine, engine_cpu = [], []
        for q in queries:
            t0, c0 = time.perf_counter(), time.thread_time()
            recommender.recommend(q, count=10)
            engine.append(time.perf_counter() - t0)
            engine_cpu.append(time.thread_time() - c0)
        loop = asyncio.new_event_loop()
        full = []
        for t in texts[:300]:
            t0 = time.perf_counter()
            loop.run_until_complete(service.ask(t, count=10))
            full.append(time.perf_counter() - t0)
        loop.close()
        rss_after = _rss_mb()
        ann = recommender.signals.ann is not None
        catalog.close()
        return SizeResult(
            n_tracks,
            n_artists,
            written,
            start_s,
            percentiles(engine),
            percentiles(engine_cpu),
            percentiles(full),
            rss_after - rss0,
            disk,
            ann,
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


def render(results: list[SizeResult], real_tracks: int) -> str:
    rows = [
        f"| {r.tracks:,} | {r.artists:,} | {'HNSW' if r.ann else 'exact'} | {r.write_s:.0f} | {r.start_s:.1f} | "
        f"{r.engine[0]:.2f} | {r.engine[1]:.2f} | {r.engine[2]:.1f} | {r.engine_cpu[0]:.2f} | "
        f"{r.engine_cpu[1]:.2f} | {r.ask[0]:.2f} | {r.ask[1]:.2f} | "
        f"{r.disk_mb:,.0f} | {r.rss_growth_mb:,.0f} |"
        for r in results
    ]
    big = results[-1]
    verdict = "met" if big.engine_cpu[1] <= TARGET_P99_MS else "missed"
    per_m_ms = (results[-1].engine_cpu[0] - results[0].engine_cpu[0]) / ((results[-1].tracks - results[0].tracks) / 1e6)
    per_m_mb = (results[-1].rss_growth_mb - results[0].rss_growth_mb) / ((results[-1].tracks - results[0].tracks) / 1e6)
    disk_per_m = (results[-1].disk_mb - results[0].disk_mb) / ((results[-1].tracks - results[0].tracks) / 1e6)
    ten_ms = big.engine_cpu[0] + per_m_ms * (10 - big.tracks / 1e6)
    ten_mb = big.rss_growth_mb + per_m_mb * (10 - big.tracks / 1e6)
    ten_disk = big.disk_mb + disk_per_m * (10 - big.tracks / 1e6)
    # An HNSW build grows about as n log n: ten times the items, a little more than ten times the time.
    ten_build = big.start_s * 10 * math.log(10e6) / math.log(max(big.tracks, 2))
    return "\n".join(
        [
            "## Scale: the whole engine on synthetic catalogs (`bench/bench_scale.py`)",
            "",
            f"Synthetic catalogs in the built layout (opened with `Catalog.open`), shaped by the real one "
            f"({real_tracks:,} tracks): features, popularity, release and song years resampled from it, 5 tracks per "
            f"artist on average (heavy-tailed), artists in communities of {COMMUNITY} sharing {ARTIST_TAGS} genre "
            "tags, listener votes and line-up families in the real shares, 50 neighbours per table; every array and "
            "table of the built layout, the real genre tree and word vectors. The engine is the real one "
            "(`segue.app.build_service`): parser, masks, tag columns, sound (exact scan up to 300,000 tracks, HNSW "
            "above), neighbour tables, MMR. "
            f"{REQUESTS:,} requests from the engine benchmark's templates (engine only), 300 through "
            "`RecommendationService.ask` (parse, engine, tracks, links). One BLAS thread. "
            f"Target at 1,000,000 tracks: engine p99 <= {TARGET_P99_MS:.0f} ms.",
            "",
            "| tracks | artists | sound search | write s | open + engine build s | engine p50 ms | engine p99 ms | "
            "engine max ms | engine CPU p50 ms | engine CPU p99 ms | ask p50 ms | ask p99 ms | on disk MB | "
            "RSS growth MB |",
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            *rows,
            "",
            f"- Engine p99 at {big.tracks:,} tracks: **{verdict}** (CPU p99 {big.engine_cpu[1]:.2f} ms, wall "
            f"{big.engine[1]:.2f} ms, against {TARGET_P99_MS:.0f} ms; the wall figures carry whatever else ran on "
            "the two cores, the load average below).",
            "- RSS growth: from before opening the catalog to after the requests (memory maps that the requests "
            "touched, the engine's standardized features and tag matrices, the HNSW graph where used).",
            f"- Slopes (smallest to largest size): engine CPU p50 +{per_m_ms:.2f} ms, RSS +{per_m_mb:,.0f} MB and "
            f"disk +{disk_per_m:,.0f} MB per million tracks; opening the largest took {big.start_s:.0f} s "
            f"({'the HNSW graph built at start' if big.ann else 'no HNSW graph'}).",
            f"- On paper, 10,000,000 tracks (2,000,000 artists) from those slopes: engine CPU p50 ~{ten_ms:.0f} ms "
            f"(every request still passes over every track: masks and the weighted sum are linear), RSS "
            f"~{ten_mb / 1024:.1f} GB, disk ~{ten_disk / 1024:.1f} GB, and an HNSW build of "
            f"~{ten_build:.0f} s at start (n log n) unless it is built with the catalog and loaded. "
            "Staying inside 5 ms there needs the per-request passes to run over a pre-filtered candidate set "
            "(the seeds' neighbours, a genre's tracks, the ANN's nearest) rather than over the whole catalog.",
        ]
    )


def run(sizes: tuple[tuple[int, int], ...] = SIZES) -> str:
    serving_threads()
    settings = load_settings()
    ensure_catalog(settings)
    with Catalog.open(settings.catalog_dir) as catalog:
        real = borrow(catalog)
        real_tracks = catalog.n_tracks
    tree = genre_tree_path(settings)
    genres = GenreTree.load(tree) if tree else GenreTree.empty()
    results = []
    for n_tracks, n_artists in sizes:
        print(f"[bench scale] {n_tracks:,} tracks ...", file=sys.stderr, flush=True)
        results.append(measure_size(n_tracks, n_artists, real, settings, genres))
        gc.collect()
    return render(results, real_tracks)


if __name__ == "__main__":
    # `python -m bench.bench_scale 20000 50000`: other sizes (tracks; a fifth as many artists), at least two.
    chosen = tuple((int(n), max(COMMUNITY, int(n) // 5)) for n in sys.argv[1:]) or SIZES
    print(run(chosen))
