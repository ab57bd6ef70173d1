"""The engine in worker processes: both cores rank while the bot's event loop only talks to Discord.

With threads, the GIL lets one core run the engine's Python parts and the bot's loop in turns (BENCHMARKS.md, issue
14). Here each worker process opens the same catalog (its arrays are memory-mapped, so the page cache holds them
once) and builds its own engine exactly as the bot's process does (`engine.build`); a call sends the query and
the listener's taste, a few hundred bytes pickled, and gets the ranked indices and reasons back.

Until every worker has its engine (a second or two after start) and after a worker dies, calls go to the
`fallback` scoring (the bot's own engine on a thread), so nothing waits on a process that is not there.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from segue.catalog.store import Catalog
from segue.domain import Query
from segue.engine.build import build_recommender
from segue.engine.query.genres import GenreTree
from segue.engine.recommend import Personal, ScoredArtist, ScoredTrack, TrackRecommender
from segue.engine.scoring import Scoring

__all__ = ["EngineProcesses", "EngineSpec"]

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EngineSpec:
    """What a worker needs to build the same engine as the bot's process."""

    catalog_dir: Path
    genre_tree: Path | None
    ann_threshold: int
    max_per_artist: int


class _Worker:
    """The engine of one worker process, built by the pool's initializer (a process has one, as it has one pid)."""

    engine: TrackRecommender | None = None


ORPHAN_CHECK = 1.0
"""Seconds between a worker's checks that the bot's process is still its parent."""


def _exit_with_parent(parent: int) -> None:
    """A worker outlives a SIGKILLed bot (its task pipe never reaches EOF: each worker holds both ends), so each
    one watches its parent and leaves within `ORPHAN_CHECK` seconds of it."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK)
    os._exit(0)


def _start(spec: EngineSpec, parent: int) -> None:
    from threadpoolctl import threadpool_limits

    # The bot owns a worker's lifetime: a Ctrl-C or a stop signal sent to the whole process group (a terminal,
    # systemd's control-group kill) must not end workers while the bot still drains its last answers on them.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # The bot's pid comes from the bot: a worker that starts after the bot died (the pool can be "ready" before every
    # worker ran this) would otherwise take its new parent, init, for the bot and never leave.
    threading.Thread(target=_exit_with_parent, args=(parent,), name="segue-orphan-watch", daemon=True).start()

    threadpool_limits(limits=1, user_api="blas")  # as the bot serves: small mat-vecs, one BLAS thread
    catalog = Catalog.open(spec.catalog_dir)
    genres = GenreTree.load(spec.genre_tree) if spec.genre_tree else GenreTree.empty()
    _Worker.engine = build_recommender(
        catalog, genres, ann_threshold=spec.ann_threshold, max_per_artist=spec.max_per_artist
    )


def _engine() -> TrackRecommender:
    if _Worker.engine is None:  # pragma: no cover - the initializer runs before any call
        raise RuntimeError("engine worker started without its engine")
    return _Worker.engine


def _ready() -> bool:
    return _Worker.engine is not None


def _recommend(query: Query, count: int, personal: Personal | None, exclude_tracks: Sequence[int]) -> list[ScoredTrack]:
    return _engine().recommend(query, count=count, personal=personal, exclude_tracks=exclude_tracks)


def _similar_artists(artist: int, count: int) -> list[ScoredArtist]:
    return _engine().similar_artists(artist, count=count)


class EngineProcesses:
    """A `Scoring` backed by `workers` spawned processes, each with its own engine over the shared catalog."""

    def __init__(self, spec: EngineSpec, workers: int, fallback: Scoring | None = None) -> None:
        """`fallback` may be attached after `start()`, before the first call: the bot spawns its workers before
        it has built its own engine."""
        self.spec = spec
        self.workers = max(1, workers)
        self.fallback = fallback
        self._pool: ProcessPoolExecutor | None = None
        self._ready = False
        self._closed = False
        self.restarts = 0
        """Pools started again after a worker died (each death breaks the whole pool)."""

    @property
    def ready(self) -> bool:
        """The workers have answered their start probes; until then (and after a crash, until the restart) the
        fallback answers."""
        return self._ready and self._pool is not None

    def start(self) -> None:
        """Spawn the workers; they build their engines in the background. Spawned, not forked: the bot's process
        holds threads and an event loop that a fork would copy mid-flight."""
        if self._closed:
            return
        pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(self.spec, os.getpid()),
        )
        self._pool, self._ready = pool, False
        pending = [pool.submit(_ready) for _ in range(self.workers)]
        remaining = len(pending)

        def settled(future: Future[bool]) -> None:
            nonlocal remaining
            remaining -= 1
            if future.cancelled() or future.exception() is not None:
                log.error(
                    "engine worker failed to start: %s", "cancelled" if future.cancelled() else future.exception()
                )
                return
            if remaining == 0 and self._pool is pool:
                self._ready = True
                log.info("engine workers ready: %d processes", self.workers)

        for future in pending:
            future.add_done_callback(settled)

    async def _run(self, fn: Callable[..., T], args: tuple[object, ...], fallback: Callable[[], Awaitable[T]]) -> T:
        """`fn(*args)` on a worker when they are up, else (or when the pool breaks under this call) `fallback()`."""
        pool = self._pool if self._ready else None
        if pool is not None:
            try:
                future = pool.submit(fn, *args)
            except (BrokenProcessPool, RuntimeError) as exc:  # broken, or shut down by `close` meanwhile
                self._broken(pool, exc)
            else:
                try:
                    return await asyncio.wrap_future(future)
                except BrokenProcessPool as exc:
                    self._broken(pool, exc)
        return await fallback()

    def _local(self) -> Scoring:
        if self.fallback is None:
            raise RuntimeError("engine workers called before a fallback scoring was attached")
        return self.fallback

    def _broken(self, pool: ProcessPoolExecutor, exc: BaseException) -> None:
        """A worker died (killed, out of memory): that pool is unusable; answer on the fallback and start anew.
        Every call that was on the dead pool lands here; only the first restarts it."""
        if self._closed or self._pool is not pool:
            return
        log.error("engine workers lost (%s); answering in-process while they restart", exc)
        self._pool, self._ready = None, False
        pool.shutdown(wait=False, cancel_futures=True)
        self.restarts += 1
        self.start()

    async def recommend(
        self, query: Query, *, count: int, personal: Personal | None = None, exclude_tracks: Sequence[int] = ()
    ) -> list[ScoredTrack]:
        return await self._run(
            _recommend,
            (query, count, personal, tuple(exclude_tracks)),
            lambda: self._local().recommend(query, count=count, personal=personal, exclude_tracks=exclude_tracks),
        )

    async def similar_artists(self, artist: int, *, count: int) -> list[ScoredArtist]:
        return await self._run(
            _similar_artists, (artist, count), lambda: self._local().similar_artists(artist, count=count)
        )

    def close(self) -> None:
        self._closed, self._ready = True, False
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if self.fallback is not None:
            self.fallback.close()
