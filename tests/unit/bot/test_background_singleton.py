"""The sweep is a singleton job: it runs only while this process holds the lease, and at once when it gets it."""

from __future__ import annotations

import asyncio

from segue.bot.background import Background
from segue.bot.stats import BotStats


class Gate:
    """A lease keeper as Background sees it, flipped by the test."""

    def __init__(self) -> None:
        self.held = False
        self._changed = asyncio.Event()

    def give(self) -> None:
        self.held = True
        self._changed.set()

    async def wait_held(self) -> None:
        while not self.held:
            self._changed.clear()
            await self._changed.wait()


class Sweeper:
    def __init__(self) -> None:
        self.runs = 0
        self.ran = asyncio.Event()

    async def cleanup(self) -> int:
        self.runs += 1
        self.ran.set()
        return 1


async def quiet(text: str) -> None:
    return None


def background(sweeper: Sweeper, gate: Gate | None) -> Background:
    return Background(
        stats=BotStats(),
        maintenance=[sweeper],
        set_presence=quiet,
        presence_every=3600,
        cleanup_every=3600,  # so a second run inside the test could only come from a takeover
        metrics_every=3600,
        singleton=gate,
    )


async def test_the_sweep_waits_for_the_lease_then_runs_at_once() -> None:
    sweeper, gate = Sweeper(), Gate()
    duties = background(sweeper, gate)
    assert duties.singleton_status() == "in another process; 0 rounds run here"
    duties.start()
    try:
        await asyncio.sleep(0.05)
        assert sweeper.runs == 0, "a process without the lease swept"
        gate.give()
        await asyncio.wait_for(sweeper.ran.wait(), timeout=5.0)  # not after cleanup_every (an hour)
        assert sweeper.runs == 1
        assert duties.cleanups == 1
        assert duties.singleton_status() == "here (this process holds the lease); 1 rounds run here"
    finally:
        await duties.stop()


async def test_a_lone_process_sweeps_without_a_lease() -> None:
    sweeper = Sweeper()
    duties = background(sweeper, None)
    duties.start()
    try:
        await asyncio.wait_for(sweeper.ran.wait(), timeout=5.0)
    finally:
        await duties.stop()
    assert duties.singleton_status() == "here (the only process); 1 rounds run here"
