"""Time seams for the infra layer: every timed component takes a clock and a sleep instead of reading time itself.

`ManualClock` is the test mode: sleeping advances its time instantly, so tests of budgets, back-off and breaker
cool-downs assert on what was *asked for* rather than on how long the test took.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

Clock = Callable[[], float]
"""Monotonic seconds (time.monotonic in production)."""

Sleep = Callable[[float], Awaitable[None]]
"""Coroutine that waits the given seconds (asyncio.sleep in production)."""


class ManualClock:
    """A clock that only moves when told to, or when something sleeps on it; records every sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move time forward without sleeping."""
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        """Record the wait, jump time to its end (never backwards), and yield once to the loop."""
        seconds = max(0.0, seconds)
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)
