"""In-flight tracking: the drain waits for work in flight, refuses new work, and gives up after its grace."""

from __future__ import annotations

import asyncio

from segue.bot.stats import InFlight


async def test_inflight_drain_waits_for_work_and_refuses_new() -> None:
    inflight = InFlight()
    release = asyncio.Event()

    async def work() -> None:
        async with inflight.track():
            await release.wait()

    task = asyncio.create_task(work())
    await asyncio.sleep(0)
    assert inflight.count == 1
    drain = asyncio.create_task(inflight.drain(60))
    await asyncio.sleep(0)
    assert inflight.draining
    assert not drain.done()
    release.set()
    assert await drain is True
    await task
    assert inflight.count == 0


async def test_drain_gives_up_after_the_grace_period() -> None:
    inflight = InFlight()
    async with inflight.track():
        assert await inflight.drain(0) is False
