"""In-memory counters for /admin metrics and /admin errors, and the in-flight tracker graceful shutdown waits on.

No discord import: the error handler and the cogs feed it plain strings. Recent errors keep only the exception
type, where it happened and the text we showed the user (never `str(exc)`, which may carry URLs or tokens).
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

RECENT_ERRORS = 50


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """One handled error, safe to show to an admin."""

    at: float
    where: str
    kind: str
    shown: str
    expected: bool
    """True for errors users cause (bad input, rate limits); False for our bugs and outages."""


class InFlight:
    """Counts work in progress so shutdown can stop taking new work and wait for the rest."""

    def __init__(self) -> None:
        self.count = 0
        self.draining = False
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def track(self) -> AsyncIterator[None]:
        self.count += 1
        self._idle.clear()
        try:
            yield
        finally:
            self.count -= 1
            if self.count == 0:
                self._idle.set()

    async def drain(self, grace: float) -> bool:
        """Refuse new work from now on and wait for the current work; False when `grace` seconds passed first."""
        self.draining = True
        try:
            await asyncio.wait_for(self._idle.wait(), grace)
        except TimeoutError:
            return False
        return True


class BotStats:
    """Counters by name plus a ring of recent errors."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self.started = clock()
        self.commands: Counter[str] = Counter()
        self.components: Counter[str] = Counter()
        self.messages: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.rate_limited: Counter[str] = Counter()
        self.deferred = 0
        self.unexpected_errors = 0
        """Errors that were ours or an outage's (not users' bad input): what the watchdog's error rate counts."""
        self.recent: deque[ErrorRecord] = deque(maxlen=RECENT_ERRORS)
        self.inflight = InFlight()

    @property
    def uptime(self) -> float:
        return self._clock() - self.started

    def error(self, where: str, kind: str, shown: str, *, expected: bool) -> None:
        self.errors[kind] += 1
        if not expected:
            self.unexpected_errors += 1
        self.recent.append(ErrorRecord(self._clock(), where, kind, shown, expected))

    def snapshot(self) -> dict[str, object]:
        """A plain dict for the metrics log line and /admin metrics."""
        return {
            "uptime_s": round(self.uptime, 1),
            "commands": dict(self.commands),
            "components": dict(self.components),
            "messages": dict(self.messages),
            "errors": dict(self.errors),
            "rate_limited": dict(self.rate_limited),
            "deferred": self.deferred,
            "in_flight": self.inflight.count,
        }
