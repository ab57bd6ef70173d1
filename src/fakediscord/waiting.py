"""Waiting without sleeping: a change signal that wakes waiters, and a clock tests can move by hand."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Protocol, TypeVar

T = TypeVar("T")


class Clock(Protocol):
    """Seconds on a monotonic scale; the stand-in judges the 3 s and 15 min windows by it."""

    def __call__(self) -> float: ...


def monotonic_clock() -> float:
    return time.monotonic()


class ManualClock:
    """A clock that only moves when told, so a test can step past Discord's 3 s window without waiting for it."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def __call__(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock cannot go back")
        self._now += seconds


class Signal:
    """Wakes everyone waiting for some state to change; waiters re-check their own condition."""

    def __init__(self) -> None:
        self._waiters: set[asyncio.Future[None]] = set()

    def notify(self) -> None:
        waiters, self._waiters = self._waiters, set()
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def wait_for(self, probe: Callable[[], T | None], within: float, what: str) -> T:
        """Return `probe()` once it is not None; `TimeoutError` naming `what` after `within` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            found = probe()
            if found is not None:
                return found
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {within:g}s waiting for {what}")
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.add(waiter)
            try:
                await asyncio.wait_for(asyncio.shield(waiter), remaining)
            except TimeoutError:
                self._waiters.discard(waiter)
