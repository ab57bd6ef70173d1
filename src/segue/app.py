"""Composition root: Settings -> resources -> services. Owns every shared object's lifetime.

Nothing else in Segue constructs a catalog, a parser or a service; commands and the bot receive them from here.
Live sources need resources with a lifetime (one aiohttp session, the HTTP client, caches, the learned store):
`live_resources` opens and closes them, `live_core` gives a `Core` whose service uses them. `answering_core` is
the core of one answer (`segue ask`): `live_core`'s, or without any source configured the catalog alone, as the
answers go, without importing the live stack (BENCHMARKS.md, issue 14).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from segue.catalog.layout import DATABASE, GENRE_TREE, GENRE_TREE_SOURCE, current_catalog_at
from segue.catalog.store import Catalog
from segue.catalog.word_vectors import read_word_vectors
from segue.config import Settings
from segue.engine.build import build_recommender
from segue.engine.live.answer_cache import AnswerCache
from segue.engine.query.genres import GenreTree
from segue.engine.query.meaning import WordMeanings
from segue.engine.query.moods import FEELINGS
from segue.engine.query.parser import QueryParser
from segue.engine.query.tables import ParserTables, read_tables, tables_key, write_tables
from segue.engine.scoring import LocalScoring, Scoring
from segue.engine.service import RecommendationService
from segue.errors import CatalogNotBuiltError, CatalogOutdatedError, DatasetError, StorageError
from segue.infra.breaker import BreakerConfig
from segue.infra.cache import Cache
from segue.infra.cache_redis import build_cache
from segue.providers.build import SOURCE_NAMES, any_source_configured

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from segue.engine.live.learned import LearnedStore
    from segue.engine.live.sources import LiveSources
    from segue.engine.processes import EngineProcesses
    from segue.infra.http import HttpClient
    from segue.infra.metrics import MetricsRegistry
    from segue.providers.hub import SourceHub

# The live stack (the sources, their HTTP client with yarl, the metrics' prometheus-client, the learned store) is
# imported where it is built: `answering_core` builds none of it when no source is configured.

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Core:
    """The Discord-agnostic heart: catalog, parser and the service the bot and CLI call."""

    settings: Settings
    catalog: Catalog
    service: RecommendationService
    load_seconds: float
    live: LiveResources | None = None
    """The live-source resources the service uses (None: catalog only)."""


@dataclass(frozen=True, slots=True)
class LiveResources:
    """Everything live sources share, owned by `live_resources` (closed when it exits)."""

    http: HttpClient
    """Opens its aiohttp session on the first request: none while no source is configured."""
    cache: Cache
    hub: SourceHub
    learned: LearnedStore
    metrics: MetricsRegistry
    redis: Redis | None = None
    """The one Redis client (SEGUE_REDIS_URL), shared with the rate limiter by the bot's runner."""


@contextlib.asynccontextmanager
async def live_resources(settings: Settings, *, metrics: MetricsRegistry | None = None) -> AsyncIterator[LiveResources]:
    """The HTTP client (its aiohttp session opened when first needed), the tiered cache (Redis L2 when
    SEGUE_REDIS_URL), the sources, the hub.

    The learned store is persisted in the data directory when any source is on (memory only otherwise, or when
    the file cannot be opened: learning must never stop an answer). Everything is closed on exit.
    """
    from segue.engine.live.learned import LearnedStore
    from segue.infra.http import HostPolicy, HttpClient
    from segue.infra.metrics import MetricsRegistry
    from segue.infra.redis_client import make_redis_client
    from segue.providers.base import SourceIO
    from segue.providers.build import build_sources, source_policies
    from segue.providers.hub import SourceHub

    registry = metrics if metrics is not None else MetricsRegistry()
    redis = make_redis_client(settings.redis_url, timeout=settings.redis_timeout) if settings.redis_url else None
    learned = LearnedStore()
    http = HttpClient(
        None,
        policies=source_policies(settings),
        default_policy=HostPolicy(
            max_retries=settings.http_max_retries,
            breaker=BreakerConfig(settings.http_breaker_failures, settings.http_breaker_cooldown),
        ),
        metrics=registry,
        contact=settings.http_contact,
    )
    try:
        cache = build_cache(settings, redis, metrics=registry)
        io = SourceIO(http, cache, negative_ttl=settings.cache_negative_ttl)
        sources = build_sources(settings, io)
        hub = SourceHub(sources, metrics=registry, deadline=settings.sources_deadline)
        if hub.enabled:
            http.open()  # sources are on: pay aiohttp's import now, not inside the first answer's deadline
            try:
                learned = LearnedStore(settings.data_dir / "learned.sqlite3")
            except StorageError as exc:
                log.warning("learned tracks kept in memory only: %s", exc)
        yield LiveResources(http=http, cache=cache, hub=hub, learned=learned, metrics=registry, redis=redis)
    finally:
        await http.close()
        learned.close()
        if redis is not None:
            await redis.aclose()


@contextlib.asynccontextmanager
async def live_core(settings: Settings, *, metrics: MetricsRegistry | None = None) -> AsyncIterator[Core]:
    """`open_core` with live sources wired in, for the lifetime of the `async with` block."""
    async with live_resources(settings, metrics=metrics) as live:
        yield open_core(settings, live=live)


@contextlib.asynccontextmanager
async def answering_core(settings: Settings) -> AsyncIterator[Core]:
    """The core of one answer (`segue ask`, `segue similar`): `live_core`'s when a source or Redis is configured;
    else the catalog alone, its answers as `live_core`'s would be (every source listed as disabled, an answer
    cache of the process's own), without building or importing any source."""
    if settings.redis_url or any_source_configured(settings):
        async with live_core(settings) as core:
            yield core
        return
    yield open_core(settings, unconfigured=SOURCE_NAMES)


def serving_threads() -> None:
    """One BLAS thread for serving: requests are many small mat-vecs, where worker threads only add latency
    (engine p99 2.4 ms with 2 BLAS threads, 1.7 ms with 1, measured on the full catalog). Offline work (make eval)
    keeps every core."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def ensure_catalog(settings: Settings, *, say: bool = True) -> None:
    """Build the catalog when none is built yet: from SEGUE_DATASETS_DIR when set, else by download."""
    if current_catalog_at(settings.catalog_dir):
        return  # built for this Segue, by its manifest; opening it checks the rest (opening it here too: ~8 ms)
    try:
        Catalog.open(settings.catalog_dir)
        return
    except CatalogOutdatedError:
        if say:
            log.warning("The catalog was built by another Segue version: rebuilding it")
    except CatalogNotBuiltError:
        pass
    source = settings.datasets_dir
    # Imported only to build: the builder and the downloader (aiohttp) would cost every `segue ask` ~0.3 s.
    from segue.catalog.build import build_catalog
    from segue.catalog.datasets import resolve_datasets
    from segue.catalog.download import datasets_dir_hint, download_datasets

    if source is None:
        if say:
            log.warning("No catalog yet: downloading the open datasets into %s", settings.downloads_dir)
        download_datasets(resolve_datasets(None), settings.downloads_dir, mirror=None, show_progress=None)
        source = settings.downloads_dir
    elif say:
        log.warning("No catalog yet: building it from %s", source)
    try:
        build_catalog(source, settings.catalog_dir)
    except DatasetError as exc:
        if source != settings.datasets_dir:
            raise
        raise DatasetError(str(exc), user_message=f"{exc.user_message}\n{datasets_dir_hint(source)}") from exc


def genre_tree_path(settings: Settings) -> Path | None:
    """The Wikidata genre tree: shipped inside the built catalog, else from the dataset folders."""
    candidates = [settings.catalog_dir / GENRE_TREE]
    candidates += [root / GENRE_TREE_SOURCE for root in (settings.datasets_dir, settings.downloads_dir) if root]
    return next((c for c in candidates if c.is_file()), None)


def _keep_tables(path: Path, key: str, tables: ParserTables) -> None:
    """Save the parser's tables for the next process; one that cannot write (a read-only data folder) builds them
    at each start, as before."""
    try:
        write_tables(path, key, tables)
    except OSError as exc:
        log.warning("parser tables not saved at %s (%s): each start builds them", path, exc)


def build_service(
    catalog: Catalog,
    genres: GenreTree,
    settings: Settings,
    *,
    live: LiveResources | None = None,
    unconfigured: tuple[str, ...] = (),
    tree_file: Path | None = None,
) -> RecommendationService:
    """Wire parser, recommender and service around an open catalog (also used by tests and benchmarks). Without
    `live`, answers list the `unconfigured` sources as disabled, from an answer cache of their own when any. With
    `tree_file`, the file `genres` was read from, the parser's tables are read from the copy an earlier process
    kept (`Settings.parser_tables_file`), or kept there once built."""
    years = np.asarray(catalog.track_year)
    # "recent" counts back from the catalog's newest release, not from today: the datasets end in 2020.
    newest = int(years.max()) if years.size and years.max() > 0 else None
    meanings = WordMeanings(lambda: read_word_vectors(catalog.path), FEELINGS)
    key = None if tree_file is None else tables_key((catalog.path / DATABASE, tree_file), catalog.manifest)
    saved = None if key is None else read_tables(settings.parser_tables_file, key)
    parser = QueryParser(
        catalog, genres, max_chars=settings.max_query_chars, reference_year=newest, meanings=meanings, tables=saved
    )
    if key is not None and saved is None:
        _keep_tables(settings.parser_tables_file, key, parser.tables)
    recommender = build_recommender(
        catalog, genres, ann_threshold=settings.ann_threshold, max_per_artist=settings.max_per_artist
    )
    sources: LiveSources | None = None
    cache: Cache | None = build_cache(settings, None) if unconfigured and live is None else None
    if live is not None:
        from segue.engine.live.sources import LiveSources

        cache = live.cache
        sources = LiveSources(
            live.hub,
            catalog,
            learned=live.learned,
            metrics=live.metrics,
            max_per_artist=settings.max_per_artist,
            interpret_timeout=settings.llm_timeout,
        )
    return RecommendationService(
        catalog,
        parser,
        recommender,
        default_count=settings.default_count,
        max_query_chars=settings.max_query_chars,
        answers=None
        if cache is None
        else AnswerCache(cache, catalog_version=str(catalog.manifest.get("built_at", "unknown"))),
        sources=sources,
        unconfigured=unconfigured,
    )


def engine_workers(settings: Settings) -> EngineProcesses | None:
    """`engine_processes` worker processes over the built catalog, spawned now so that each builds its engine
    while the caller opens its own (BENCHMARKS.md, issue 14, cold start of `segue run`); None: no workers."""
    if settings.engine_processes <= 0:
        return None
    from segue.engine.processes import EngineProcesses, EngineSpec  # multiprocessing: only a bot with workers

    spec = EngineSpec(
        catalog_dir=settings.catalog_dir,
        genre_tree=genre_tree_path(settings),
        ann_threshold=settings.ann_threshold,
        max_per_artist=settings.max_per_artist,
    )
    workers = EngineProcesses(spec, settings.engine_processes)
    workers.start()
    return workers


def engine_scoring(core: Core, threads: Executor, workers: EngineProcesses | None) -> Scoring:
    """Where the bot ranks answers: the worker processes (`engine_workers`), answering on the bot's own threads
    until they are up; or those threads alone (issue 14: both cores)."""
    local = LocalScoring(core.service.recommender, threads)
    if workers is None:
        return local
    workers.fallback = local
    return workers


def open_core(settings: Settings, *, live: LiveResources | None = None, unconfigured: tuple[str, ...] = ()) -> Core:
    """Open the built catalog and wire the engine and service around it (with live sources when given; without,
    answers list the `unconfigured` sources as disabled)."""
    started = time.perf_counter()
    catalog = Catalog.open(settings.catalog_dir)
    tree_path = genre_tree_path(settings)
    genres = GenreTree.load(tree_path) if tree_path else GenreTree.empty()
    service = build_service(catalog, genres, settings, live=live, unconfigured=unconfigured, tree_file=tree_path)
    return Core(
        settings=settings, catalog=catalog, service=service, load_seconds=time.perf_counter() - started, live=live
    )
