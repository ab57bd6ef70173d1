"""Background duties: rotate the presence line, sweep expired state, and log a metrics snapshot.

Plain asyncio tasks with injected intervals (tests pass tiny ones or call `tick_*` directly); a failing duty
logs and tries again next round instead of dying silently, and `stop()` cancels all of them on shutdown.
The sweep is a singleton job: with several processes on one state store only the holder of the lease runs it
(`segue.infra.lease`), at once when it takes the lease over and then on its interval.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import Protocol

from segue.bot.deps import Maintenance
from segue.bot.stats import BotStats

log = logging.getLogger(__name__)

PRESENCES: tuple[str, ...] = (
    "/recommend · music like you mean it",
    "mention me: 'something like Nujabes but rainy'",
    "/discover · picks from your 👍",
    "/blend · one playlist for your friends",
)


class SingletonGate(Protocol):
    """Whether this process runs the singleton jobs now (`segue.infra.lease.LeaseKeeper` is one)."""

    @property
    def held(self) -> bool: ...

    async def wait_held(self) -> None: ...


class Background:
    """Owns the periodic tasks of one bot."""

    def __init__(
        self,
        *,
        stats: BotStats,
        maintenance: Sequence[Maintenance],
        set_presence: Callable[[str], Awaitable[None]],
        presence_every: float,
        cleanup_every: float,
        metrics_every: float,
        singleton: SingletonGate | None = None,
    ) -> None:
        self.stats = stats
        self.singleton = singleton
        """None: this process is the only one, so it runs the singleton jobs itself."""
        self.cleanups = 0
        """Singleton-job rounds this process ran (what /healthz shows: it moves to the lease's new holder)."""
        self.maintenance = tuple(maintenance)
        self.set_presence = set_presence
        self.every = {"presence": presence_every, "cleanup": cleanup_every, "metrics": metrics_every}
        self._tasks: list[asyncio.Task[None]] = []
        self._presence_index = 0

    def start(self) -> None:
        if self._tasks:
            return
        duties = {"presence": self.tick_presence, "metrics": self.tick_metrics}
        for name, duty in duties.items():
            self._tasks.append(asyncio.create_task(self._loop(name, duty), name=f"segue-{name}"))
        self._tasks.append(asyncio.create_task(self._singleton_loop(), name="segue-cleanup"))

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _loop(self, name: str, duty: Callable[[], Awaitable[object]]) -> None:
        while True:
            try:
                await duty()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background duty %s failed; retrying next round", name)
            await asyncio.sleep(self.every[name])

    def singleton_status(self) -> str:
        """Where the singleton jobs run, as /admin status says it."""
        if self.singleton is None:
            where = "here (the only process)"
        else:
            where = "here (this process holds the lease)" if self.singleton.held else "in another process"
        return f"{where}; {self.cleanups} rounds run here"

    async def _singleton_loop(self) -> None:
        """The sweep, only while this process holds the lease: waits for it, runs, sleeps the interval, repeats."""
        while True:
            if self.singleton is not None:
                await self.singleton.wait_held()
            try:
                await self.tick_cleanup()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("background duty cleanup failed; retrying next round")
            await asyncio.sleep(self.every["cleanup"])

    async def tick_presence(self) -> None:
        text = PRESENCES[self._presence_index % len(PRESENCES)]
        self._presence_index += 1
        await self.set_presence(text)

    async def tick_cleanup(self) -> int:
        removed = 0
        for item in self.maintenance:
            removed += await item.cleanup()
        self.cleanups += 1
        if removed:
            log.info("cleanup removed %d expired entries", removed)
        return removed

    async def sweep(self) -> list[tuple[str, int]]:
        """Every maintenance cleanup now, outside the singleton schedule (`/admin cleanup`): (what, removed) each.

        Safe beside the scheduled sweep: each cleanup deletes what has expired, so running it twice removes nothing
        twice."""
        return [(type(item).__name__, await item.cleanup()) for item in self.maintenance]

    async def tick_metrics(self) -> None:
        log.info("metrics %s", json.dumps(self.stats.snapshot(), sort_keys=True))
