"""One contract for every RateLimiter: the in-process limiter and the Redis (Lua) limiter run the same tests.

The in-process limiter runs on a manual clock; the Redis one on Redis's own clock, so its tests that need time
to pass use short periods and short real waits. Each Redis test uses its own `segue:test:<uuid>:` prefix.
"""

from __future__ import annotations

import asyncio
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass

import pytest
import redis.asyncio as aioredis
from hypothesis import given, settings
from hypothesis import strategies as st
from redis.exceptions import RedisError

from segue.config import load_settings
from segue.errors import RateLimitedError
from segue.infra.breaker import BreakerConfig
from segue.infra.clock import ManualClock
from segue.infra.ratelimit import MemoryRateLimiter, RateLimiter, RequestRateLimit, Rule
from segue.infra.ratelimit_redis import RedisRateLimiter
from segue.infra.redis_client import RedisGuard, make_redis_client
from support.ci import require

REDIS_URL = os.environ.get("SEGUE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@dataclass
class Limiters:
    kind: str
    make: Callable[[Sequence[Rule]], RateLimiter]
    advance: Callable[[float], Awaitable[None]]
    redis: aioredis.Redis | None = None
    prefix: str = ""


@pytest.fixture(params=["memory", "redis"])
async def limiters(request: pytest.FixtureRequest) -> AsyncIterator[Limiters]:
    if request.param == "memory":
        clock = ManualClock()

        async def tick(seconds: float) -> None:
            clock.advance(seconds)

        yield Limiters("memory", lambda rules: MemoryRateLimiter(rules, clock=clock), tick)
        return
    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        require(False, f"Redis not reachable at {REDIS_URL}: {exc}")
    prefix = f"segue:test:{uuid.uuid4().hex}:"
    guard = RedisGuard(client, component="ratelimit")

    def make(rules: Sequence[Rule]) -> RateLimiter:
        return RedisRateLimiter(guard, rules, prefix=prefix + "rl:")

    try:
        yield Limiters("redis", make, asyncio.sleep, client, prefix)
        assert guard.errors == 0, "the Redis limiter fell back during a contract test"
    finally:
        async for key in client.scan_iter(match=prefix + "*", count=500):
            await client.unlink(key)
        await client.aclose()


async def test_window_allows_the_limit_then_refuses(limiters: Limiters) -> None:
    limiter = limiters.make([Rule("minute", 3, 60.0, "window", "user")])
    decisions = [await limiter.check("user:1") for _ in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions[:3]] == [2, 1, 0]
    refused = decisions[3]
    assert 0 < refused.retry_after <= 120.0
    assert (refused.rule, refused.scope, refused.remaining) == ("minute", "user", 0)


async def test_gcra_allows_a_burst_then_one_per_interval(limiters: Limiters) -> None:
    limiter = limiters.make([Rule("burst", 5, 1.0, "gcra")])
    decisions = [await limiter.check("k") for _ in range(6)]
    assert [d.allowed for d in decisions] == [True] * 5 + [False]
    assert [d.remaining for d in decisions[:5]] == [4, 3, 2, 1, 0]
    assert 0.1 < decisions[5].retry_after <= 0.2 + 1e-6  # one emission interval (0.2 s), less time passed
    await limiters.advance(decisions[5].retry_after + 0.02)
    assert (await limiter.check("k")).allowed
    assert not (await limiter.check("k")).allowed


async def test_window_recovers_after_retry_after(limiters: Limiters) -> None:
    limiter = limiters.make([Rule("w", 2, 0.5, "window")])
    assert (await limiter.check("k")).allowed
    assert (await limiter.check("k")).allowed
    refused = await limiter.check("k")
    assert not refused.allowed
    assert 0 < refused.retry_after <= 1.0
    again = await limiter.check("k")
    assert again.retry_after <= refused.retry_after + 1e-3  # refusals are free: they never push the wait out
    await limiters.advance(refused.retry_after + 0.05)
    assert (await limiter.check("k")).allowed


async def test_keys_are_independent(limiters: Limiters) -> None:
    limiter = limiters.make([Rule("w", 1, 60.0)])
    assert (await limiter.check("alice")).allowed
    assert not (await limiter.check("alice")).allowed
    assert (await limiter.check("bob")).allowed


async def test_costs_above_one(limiters: Limiters) -> None:
    limiter = limiters.make([Rule("w", 10, 60.0)])
    assert (await limiter.check("k", cost=4)).remaining == 6
    assert not (await limiter.check("k", cost=7)).allowed
    assert (await limiter.check("k", cost=6)).allowed
    too_big = await limiters.make([Rule("g", 3, 60.0, "gcra")]).check("k", cost=4)
    assert not too_big.allowed
    assert too_big.retry_after == pytest.approx(60.0, abs=0.01)  # can never pass: reported as one full period


@pytest.mark.parametrize("algorithm", ["window", "gcra"])
async def test_a_zero_cost_peek_reports_headroom_and_consumes_nothing(limiters: Limiters, algorithm: str) -> None:
    limiter = limiters.make([Rule("r", 3, 60.0, algorithm)])  # type: ignore[arg-type]
    peek = await limiter.check("never-seen", cost=0)  # a user's first /stats, before any request
    assert peek.allowed
    assert peek.remaining == 3
    assert (await limiter.check("never-seen")).remaining == 2
    assert (await limiter.check("never-seen", cost=0)).remaining == 2


async def test_a_refusal_by_one_rule_consumes_nothing_from_the_others(limiters: Limiters) -> None:
    minute = Rule("minute", 10, 60.0, "window")
    burst = Rule("burst", 2, 60.0, "gcra")
    limiter = limiters.make([minute, burst])
    assert [(await limiter.check("k")).allowed for _ in range(4)] == [True, True, False, False]
    alone = await limiter.check_many([(minute, "k")])
    assert alone.allowed
    assert alone.remaining == 7  # 10 - 2 allowed - this one; the two refusals took nothing


async def test_request_policy_limits_users_and_their_guild(limiters: Limiters) -> None:
    policy = RequestRateLimit(
        limiters.make([]),
        user=[Rule("user_minute", 2, 60.0, "window", "user")],
        guild=[Rule("guild_minute", 3, 60.0, "window", "guild")],
    )
    assert (await policy.check(1, 100)).allowed
    assert (await policy.check(1, 100)).allowed
    refused_user = await policy.check(1, 100)
    assert (refused_user.allowed, refused_user.scope) == (False, "user")
    assert (await policy.check(2, 100)).allowed  # the guild's third, not spent by user 1's refusal
    with pytest.raises(RateLimitedError) as info:
        await policy.enforce(3, 100)
    assert info.value.scope == "guild"
    assert info.value.retry_after > 0
    assert (await policy.check(3, 200)).allowed  # another guild
    assert (await policy.check(4)).allowed  # a DM: no guild rule


async def test_default_policy_from_settings(limiters: Limiters) -> None:
    settings = load_settings(rate_user_per_minute=15, rate_user_burst=5, rate_guild_per_minute=100)
    policy = RequestRateLimit.from_settings(settings, limiters.make([]))
    results = [await policy.check("u", "g") for _ in range(6)]
    assert [r.allowed for r in results] == [True] * 5 + [False]
    assert results[-1].rule == "user_burst"
    assert 0 < results[-1].retry_after <= 2.0  # the burst refills one request every 10 s / 5


# --- implementation-specific behaviour ---------------------------------------------------------------------


async def test_memory_state_is_bounded_and_idle_keys_expire_lazily() -> None:
    clock = ManualClock()
    limiter = MemoryRateLimiter([Rule("g", 1, 1.0, "gcra")], clock=clock, max_keys=100)
    for i in range(1000):
        limiter.check_now(f"user:{i}")
    assert limiter.key_count() == 100
    clock.advance(5.0)
    for i in range(50):
        limiter.check_now(f"new:{i}")
    # Each write drops up to two idle keys from the LRU end: 50 writes cleared all 100, with no sweeper thread.
    assert limiter.key_count() == 50


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(st.tuples(st.floats(0, 3.0), st.integers(1, 3)), min_size=1, max_size=80),
    algorithm=st.sampled_from(["gcra", "window"]),
)
def test_memory_never_allows_more_than_the_rule_permits(steps: list[tuple[float, int]], algorithm: str) -> None:
    clock = ManualClock(start=0.0)
    rule = Rule("r", 4, 2.0, "gcra" if algorithm == "gcra" else "window")
    limiter = MemoryRateLimiter([rule], clock=clock)
    allowed: list[tuple[float, int]] = []
    for gap, cost in steps:
        clock.advance(gap)
        if limiter.check_now("k", cost).allowed:
            allowed.append((clock.now, cost))
    for start, _ in allowed:
        if algorithm == "window":
            index = int(start // rule.period)
            spent = sum(c for t, c in allowed if int(t // rule.period) == index)
            assert spent <= rule.limit  # never more than the limit in one fixed window
        else:
            spent = sum(c for t, c in allowed if start <= t < start + rule.period)
            assert spent <= 2 * rule.limit  # burst of `limit`, then `limit` per period


async def test_redis_state_lives_under_the_prefix_and_expires() -> None:
    async for lim in _redis_limiters():
        assert lim.redis is not None
        limiter = lim.make([Rule("w", 5, 30.0, "window"), Rule("g", 5, 30.0, "gcra")])
        await limiter.check("user:9")
        keys = sorted([k.decode() async for k in lim.redis.scan_iter(match=lim.prefix + "*")])
        assert keys == [f"{lim.prefix}rl:g:user:9", f"{lim.prefix}rl:w:user:9"]
        for key in keys:
            assert 0 < await lim.redis.pttl(key) <= 60_000


async def test_redis_reloads_its_script_after_a_flush() -> None:
    async for lim in _redis_limiters():
        assert lim.redis is not None
        limiter = lim.make([Rule("w", 3, 60.0)])
        assert isinstance(limiter, RedisRateLimiter)
        await limiter.check("k")
        await lim.redis.script_flush()
        decision = await limiter.check("k")
        assert decision.remaining == 1
        assert limiter.fallbacks == 0


async def test_redis_down_falls_back_to_the_same_rules_in_process() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_redis_client(f"redis://127.0.0.1:{port}/0", timeout=0.25)
    guard = RedisGuard(client, component="ratelimit", breaker=BreakerConfig(2, 60.0))
    limiter = RedisRateLimiter(guard, [Rule("w", 3, 60.0)])
    try:
        results = [await limiter.check("k") for _ in range(5)]
        assert [r.allowed for r in results] == [True, True, True, False, False]
        assert limiter.fallbacks == 5
        assert guard.attempts == 2  # then the breaker stopped trying
        assert not limiter.shared
    finally:
        await client.aclose()


async def _redis_limiters() -> AsyncIterator[Limiters]:
    """The Redis backend outside the parametrized fixture, for Redis-only tests."""
    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        require(False, f"Redis not reachable at {REDIS_URL}: {exc}")
    prefix = f"segue:test:{uuid.uuid4().hex}:"
    guard = RedisGuard(client, component="ratelimit")
    try:
        yield Limiters(
            "redis", lambda rules: RedisRateLimiter(guard, rules, prefix=prefix + "rl:"), asyncio.sleep, client, prefix
        )
    finally:
        async for key in client.scan_iter(match=prefix + "*", count=500):
            await client.unlink(key)
        await client.aclose()


async def test_build_rate_limit_from_settings_counts_refusals() -> None:
    from segue.infra.metrics import MetricsRegistry
    from segue.infra.ratelimit_redis import build_rate_limit

    settings = load_settings(rate_user_burst=2)
    metrics = MetricsRegistry()
    policy = build_rate_limit(settings, None, metrics=metrics)
    assert isinstance(policy.limiter, MemoryRateLimiter)
    assert [(await policy.check("u", "g")).allowed for _ in range(3)] == [True, True, False]
    assert metrics.value("segue_ratelimit_denied_total", rule="user_burst") == 1


async def test_request_policy_takes_one_servers_per_minute_limits(limiters: Limiters) -> None:
    """/settings user_per_minute and guild_per_minute: a server's own limits, counted apart from the defaults."""
    policy = RequestRateLimit(
        limiters.make([]),
        user=[Rule("user_minute", 4, 60.0, "window", "user")],
        guild=[Rule("guild_minute", 50, 60.0, "window", "guild")],
    )
    strict = [await policy.check(1, 100, user_per_minute=2) for _ in range(3)]
    assert [d.allowed for d in strict] == [True, True, False]
    assert (strict[-1].rule, strict[-1].scope) == ("user_minute.2", "user")
    assert [(await policy.check(1, 200)).allowed for _ in range(5)] == [True] * 4 + [False]
    shared = [(await policy.check(10 + i, 300, guild_per_minute=2)).allowed for i in range(3)]
    assert shared == [True, True, False]
