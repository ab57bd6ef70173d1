"""The request gate over the real infra limiter: 15/min + 5 per 10 s per user; told once per window."""

from __future__ import annotations

import pytest

from segue.bot.gate import RequestGate
from segue.config import Settings
from segue.infra.clock import ManualClock
from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def gate(clock: ManualClock) -> RequestGate:
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    limiter = RequestRateLimit.from_settings(settings, MemoryRateLimiter(clock=clock))
    return RequestGate(limiter, clock=clock)


async def test_burst_then_told_once_per_window(gate: RequestGate, clock: ManualClock) -> None:
    for _ in range(5):
        assert (await gate.admit(1, 9)).allowed
    refused = await gate.admit(1, 9)
    assert not refused.allowed
    assert refused.first_notice
    assert refused.retry_seconds == 2  # the burst refills one request every 2 s
    again = await gate.admit(1, 9)
    assert not again.allowed
    assert not again.first_notice
    assert (await gate.admit(2, 9)).allowed  # other users are not affected
    clock.advance(refused.retry_after)
    assert (await gate.admit(1, 9)).allowed
    late = await gate.admit(1, 9)
    assert not late.allowed
    assert late.first_notice


async def test_per_minute_limit(gate: RequestGate, clock: ManualClock) -> None:
    clock.advance(60 - clock.now % 60)  # start at a window boundary: the first minute is one fixed window
    allowed = 0
    for _ in range(30):  # one request every 2 s: the burst rule never bites, the minute rule does
        if (await gate.admit(1)).allowed:
            allowed += 1
        clock.advance(2.0)
    assert allowed == 15


async def test_headroom_does_not_consume(gate: RequestGate) -> None:
    await gate.admit(1)
    assert await gate.headroom(1) == 4
    assert await gate.headroom(1) == 4
    await gate.admit(1)
    assert await gate.headroom(1) == 3


async def test_headroom_survives_a_failing_limiter() -> None:
    class Broken:
        async def check(self, user_id: int | str, guild_id: int | str | None = None, cost: int = 1) -> object:
            raise RuntimeError("limiter down")

    assert await RequestGate(Broken()).headroom(1) is None  # type: ignore[arg-type]
