"""A bounded, batched, retrying writer: the bot's writes never wait on the database.

Callers `submit` operations and go on; a background task commits them in order, in batches (up to `batch_size`,
or whatever arrived within `window` seconds), one transaction per batch. While the database is down the batch is
retried with capped exponential backoff and nothing is lost; new operations wait behind it up to `max_pending`.
Past that bound an operation is dropped, counted, logged and exported as a metric: the only way data is lost.
`pending()` lets the store read its own writes before they are committed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

from segue.infra.metrics import MetricsRegistry

log = logging.getLogger(__name__)

Op = TypeVar("Op")
Commit = Callable[[Sequence[Op]], Awaitable[None]]


class BatchWriter(Generic[Op]):
    """Orders, batches and retries writes; see the module docstring for the guarantees."""

    def __init__(
        self,
        commit: Commit[Op],
        *,
        batch_size: int = 500,
        window: float = 0.05,
        max_pending: int = 100_000,
        backoff: tuple[float, float] = (0.1, 5.0),
        name: str = "state",
        metrics: MetricsRegistry | None = None,
    ) -> None:
        self._commit = commit
        self.batch_size = batch_size
        self.window = window
        self.max_pending = max_pending
        self.backoff = backoff
        self.name = name
        self._queue: deque[Op] = deque()
        self._inflight: list[Op] = []
        self._arrived = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()
        self._task: asyncio.Task[None] | None = None
        self._last_drop_log = 0.0
        self.written = 0
        """Operations committed."""
        self.dropped = 0
        """Operations refused because `max_pending` were already waiting (the only loss)."""
        self.failures = 0
        """Batch commits that failed and were retried."""
        self.healthy = True
        """False from a failed commit until the next one succeeds."""
        self._metrics(metrics)

    def _metrics(self, metrics: MetricsRegistry | None) -> None:
        self._m_written = self._m_dropped = self._m_failures = None
        if metrics is None:
            return
        self._m_written = metrics.counter("segue_state_writes_total", "State operations committed", ["store"]).labels(
            self.name
        )
        self._m_dropped = metrics.counter(
            "segue_state_dropped_total", "State operations dropped because the write backlog was full", ["store"]
        ).labels(self.name)
        self._m_failures = metrics.counter(
            "segue_state_write_failures_total", "Batch commits that failed and were retried", ["store"]
        ).labels(self.name)
        pending = metrics.gauge("segue_state_pending", "State operations waiting to be committed", ["store"])
        metrics.add_collector(lambda: pending.labels(self.name).set(float(self.backlog)))

    @property
    def backlog(self) -> int:
        return len(self._queue) + len(self._inflight)

    def pending(self) -> list[Op]:
        """Operations submitted but not committed yet, oldest first."""
        return [*self._inflight, *self._queue]

    def settled(self) -> None:
        """The batch being committed is in the database now: `pending()` stops listing it. A commit function calls
        this right after its COMMIT, while it holds reads off, so no read finds the batch in both places."""
        self._inflight = []

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name=f"{self.name}-writer")

    def submit(self, op: Op) -> bool:
        """Queue one operation; False (and counted) when the backlog is full. Never waits."""
        if self.backlog >= self.max_pending:
            self.dropped += 1
            if self._m_dropped is not None:
                self._m_dropped.inc()
            now = time.monotonic()
            if now - self._last_drop_log > 10.0:
                self._last_drop_log = now
                log.error("%s writer backlog full (%d): dropped %d operations so far", self.name, self.max_pending,
                          self.dropped)  # fmt: skip
            return False
        self._queue.append(op)
        self._idle.clear()
        self._arrived.set()
        self.start()
        return True

    async def flush(self, within: float | None = None) -> bool:
        """Wait until everything submitted so far is committed; False when `within` seconds passed first."""
        if self.backlog == 0:
            return True
        try:
            async with asyncio.timeout(within):
                await self._idle.wait()
        except TimeoutError:
            return False
        return True

    async def close(self, within: float | None = 10.0) -> bool:
        """Flush (bounded), then stop the task; what could not be written is logged with its count."""
        done = await self.flush(within)
        if not done:
            log.error("%s writer closing with %d operations not written", self.name, self.backlog)
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        return done

    async def _run(self) -> None:
        while True:
            if not self._queue:
                self._idle.set()
                self._arrived.clear()
                await self._arrived.wait()
            if len(self._queue) < self.batch_size and self.window > 0:
                await asyncio.sleep(self.window)  # let a burst gather into one transaction
            take = min(self.batch_size, len(self._queue))
            self._inflight = [self._queue.popleft() for _ in range(take)]
            await self._commit_with_retry()
            self._inflight = []

    async def _commit_with_retry(self) -> None:
        batch = self._inflight
        delay, cap = self.backoff
        while True:
            try:
                await self._commit(batch)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any database error: keep the batch, back off, try again
                if batch and not self._inflight:  # settled: committed, only what came after failed
                    log.warning("%s writer: error after a commit (%r); the batch is written", self.name, exc)
                    break
                self.failures += 1
                if self._m_failures is not None:
                    self._m_failures.inc()
                if self.healthy:
                    log.warning("%s writer: commit failed (%r); retrying, %d waiting", self.name, exc, self.backlog)
                self.healthy = False
                await asyncio.sleep(delay)
                delay = min(cap, delay * 2)
                continue
            break
        if not self.healthy:
            log.info("%s writer: database back, %d operations still to write", self.name, self.backlog)
        self.healthy = True
        self.written += len(batch)
        if self._m_written is not None:
            self._m_written.inc(len(batch))
