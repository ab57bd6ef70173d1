"""The engine in worker processes: both cores rank while the bot's event loop only talks to Discord.

With threads, the GIL lets one core run the engine's Python parts and the bot's loop in turns (BENCHMARKS.md, issue
14). Here each worker process opens the same catalog (its arrays are memory-mapped, so the page cache holds them
once) and builds its own engine exactly as the bot's process does (`engine.build`); a call sends the query and
the listener's taste, a few hundred bytes pickled, and gets the ranked indices and reasons back.

Until every worker has its engine (a second or two after start) and after a worker dies, calls go to the
`fallback` scoring (the bot's own engine on a thread), so nothing waits on a process that is not there. Each
worker has a socket pair of its own that the bot's event loop reads and writes directly (`engine.channel`); a
worker's death closes its end, which fails the calls it held over to the fallback and starts the workers anew.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import signal
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

from segue.catalog.store import Catalog
from segue.domain import Query
from segue.engine.build import build_recommender
from segue.engine.channel import Channel, WorkerLost, answer, read_frame
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


READY = b"ready"
"""A worker's first frame: its engine is built."""


def _serve(conn: Connection, spec: EngineSpec, parent: int) -> None:
    """A worker's life: build the engine, say so, then answer calls in order until the bot closes its end."""
    _start(spec, parent)
    try:
        conn.send_bytes(READY)
    except OSError:  # the bot closed its end while this engine was being built
        return
    while True:
        try:
            reply = answer(conn.recv_bytes())
            conn.send_bytes(reply)
        except (EOFError, OSError):  # the bot closed its end: leave
            return


def _engine() -> TrackRecommender:
    if _Worker.engine is None:  # pragma: no cover - the initializer runs before any call
        raise RuntimeError("engine worker started without its engine")
    return _Worker.engine


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
        self._channels: list[Channel] = []
        self._processes: Sequence[BaseProcess] = []
        self._ready = False
        self._closed = False
        self.restarts = 0
        """Workers started again after one died (each death restarts them all, as a broken pool did)."""

    @property
    def ready(self) -> bool:
        """The workers have said their engines are built; until then (and after a crash, until the restart) the
        fallback answers."""
        return self._ready and bool(self._channels)

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (tests kill them)."""
        return [p.pid for p in self._processes if p.pid is not None]

    def start(self) -> None:
        """Spawn the workers; they build their engines in the background. Spawned, not forked: the bot's process
        holds threads and an event loop that a fork would copy mid-flight."""
        if self._closed:
            return
        context = multiprocessing.get_context("spawn")
        channels: list[Channel] = []
        processes: list[BaseProcess] = []
        for n in range(self.workers):
            mine, theirs = socket.socketpair()
            child = Connection(theirs.detach())
            process = context.Process(
                target=_serve, args=(child, self.spec, os.getpid()), name=f"segue-engine-{n}", daemon=False
            )
            process.start()
            child.close()  # the worker holds its end now; ours closing is what tells it to leave
            channels.append(Channel(mine, self._lost))
            processes.append(process)
        self._channels, self._processes, self._ready = channels, processes, False
        atexit.register(self.close)  # before multiprocessing's own exit hook joins the workers
        threading.Thread(target=self._await_ready, args=(channels,), name="segue-engine-start", daemon=True).start()

    def _await_ready(self, channels: list[Channel]) -> None:
        """Read each worker's READY before the loop reads its socket; then calls may go to the workers."""
        try:
            for channel in channels:
                if read_frame(channel.sock) != READY:
                    raise RuntimeError("unexpected first frame")
        except (OSError, EOFError, RuntimeError) as exc:
            if not self._closed and self._channels is channels:
                log.error("engine worker failed to start: %s", exc)
            return
        if self._channels is channels and not self._closed:
            self._ready = True
            log.info("engine workers ready: %d processes", self.workers)

    async def _run(self, fn: Callable[..., T], args: tuple[object, ...], fallback: Callable[[], Awaitable[T]]) -> T:
        """`fn(*args)` on the least busy worker when they are up, else (or when that worker dies under this call)
        `fallback()`."""
        if self._ready and self._channels:
            channel = min(self._channels, key=lambda c: c.busy)
            try:
                result: T = await channel.call(fn, args)
            except WorkerLost:
                pass
            else:
                return result
        return await fallback()

    def _local(self) -> Scoring:
        if self.fallback is None:
            raise RuntimeError("engine workers called before a fallback scoring was attached")
        return self.fallback

    def _lost(self, lost: Channel) -> None:
        """A worker died (killed, out of memory): answer on the fallback and start every worker anew. Only the
        first loss of a generation restarts them."""
        if self._closed or lost not in self._channels:
            return
        log.error("engine workers lost (a worker closed its pipe); answering in-process while they restart")
        self._stop(WorkerLost("engine workers restarting"))
        self.restarts += 1
        self.start()

    def _stop(self, reason: BaseException | None) -> None:
        channels, processes = self._channels, self._processes
        self._channels, self._processes, self._ready = [], [], False
        for channel in channels:
            channel.close(reason)
        for process in processes:
            process.join(0)  # reaps one already gone; never waits

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
        """Close every worker's pipe (each leaves on EOF; calls still waiting are cancelled) and the fallback."""
        if not self._closed:
            atexit.unregister(self.close)
        self._closed = True
        self._stop(None)
        if self.fallback is not None:
            self.fallback.close()
