"""Re-identifying after INVALID_SESSION: the bot waits what Discord's identify limit still asks, not a flat 5 s.

No event reaches a bot between an INVALID_SESSION and its next READY, so every second spent waiting drops members'
requests (RELIABILITY.md, faults). Sleeps are recorded, not slept; the clock is stepped by hand.
"""

from __future__ import annotations

import pytest

import segue.bot.client as client_module
from segue.bot.client import IDENTIFY_AFTER, IDENTIFY_EVERY, SegueBot
from support.bot import make_deps


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(client_module.time, "monotonic", fake.monotonic)
    monkeypatch.setattr(client_module.asyncio, "sleep", fake.sleep)
    return fake


async def test_identify_waits_only_for_what_the_limit_still_asks(clock: Clock) -> None:
    bot = SegueBot(make_deps(), sync_commands=False)
    await bot.before_identify_hook(0, initial=True)
    assert clock.slept == []  # the first IDENTIFY goes at once
    await bot.before_identify_hook(0)  # invalidated right after READY: the 5 s limit holds
    assert clock.slept == [pytest.approx(IDENTIFY_EVERY)]
    clock.now += 600  # ten minutes of a healthy session, then INVALID_SESSION
    await bot.before_identify_hook(0)
    assert clock.slept[-1] == pytest.approx(IDENTIFY_AFTER)  # not discord.py's flat 5 s
    clock.now += 2.0
    await bot.before_identify_hook(1)  # another shard soon after: spaced by the limit from the last IDENTIFY
    assert clock.slept[-1] == pytest.approx(IDENTIFY_EVERY - 2.0)
