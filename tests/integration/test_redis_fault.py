"""Redis dies and comes back mid-run: the tiered cache and the shared limiter keep answering, then rejoin.

Each test runs its own `redis-server` on a free port (no persistence), kills or freezes it, and restarts it on
the same port. Breakers run on a manual clock, so "after the cool-down" is a clock step, not a wait; what is
asserted is structural: answers keep coming, and while a breaker is open not one command is sent to Redis.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass

import pytest
import redis.asyncio as aioredis

from segue.bot.ops import health_report
from segue.bot.stats import BotStats
from segue.infra.breaker import BreakerConfig
from segue.infra.cache import MISS, MemoryCache, NamespaceConfig
from segue.infra.cache_redis import RedisCache, TieredCache
from segue.infra.clock import ManualClock
from segue.infra.ratelimit import Rule
from segue.infra.ratelimit_redis import RedisRateLimiter
from segue.infra.redis_client import RedisGuard, make_redis_client
from support.ci import require
from support.servers import PrivateRedis, redis_available

pytestmark = pytest.mark.redis

NAMESPACES = {"sources": NamespaceConfig(1000, 300.0)}
COOLDOWN = 5.0
RULES = [Rule("minute", 1000, 60.0, "window")]


@pytest.fixture
def redis_process() -> Iterator[PrivateRedis]:
    require(redis_available(), "redis-server binary not installed")
    with PrivateRedis() as server:
        yield server


@dataclass
class Stack:
    clock: ManualClock
    cache: TieredCache
    cache_guard: RedisGuard
    limiter: RedisRateLimiter
    limiter_guard: RedisGuard
    client: aioredis.Redis


def build(url: str) -> Stack:
    """What the composition root builds: one tight-timeout client, a guard (breaker) per component."""
    clock = ManualClock()
    client = make_redis_client(url, timeout=0.25)
    cache_guard = RedisGuard(client, component="cache", breaker=BreakerConfig(2, COOLDOWN), clock=clock)
    limiter_guard = RedisGuard(client, component="ratelimit", breaker=BreakerConfig(2, COOLDOWN), clock=clock)
    cache = TieredCache(MemoryCache(NAMESPACES), RedisCache(cache_guard, NAMESPACES))
    limiter = RedisRateLimiter(limiter_guard, RULES)
    return Stack(clock, cache, cache_guard, limiter, limiter_guard, client)


def _value(text: str) -> Callable[[], Awaitable[str]]:
    async def load() -> str:
        return text

    return load


async def test_kill_then_restart_falls_back_and_rejoins_by_itself(redis_process: PrivateRedis) -> None:
    stack = build(redis_process.url)
    observer = make_redis_client(redis_process.url, timeout=1.0)
    try:
        # Shared mode: writes reach Redis, the limiter counts there.
        await stack.cache.set("sources", "before", "v0")
        assert (await stack.limiter.check("user:1")).allowed
        assert await observer.exists("segue:cache:sources:before", "segue:rl:minute:user:1") == 2
        assert stack.cache.shared
        assert stack.limiter.shared

        cache_before, limiter_before = stack.cache_guard.attempts, stack.limiter_guard.attempts
        redis_process.kill()
        answers = []
        for i in range(50):
            answers.append(await stack.cache.get("sources", "before"))  # L1 still has it
            loaded = await stack.cache.get_or_load("sources", f"down-{i}", _value(f"fresh-{i}"))
            answers.append(loaded.value)
            answers.append((await stack.limiter.check("user:1")).allowed)
        assert answers == [x for i in range(50) for x in ("v0", f"fresh-{i}", True)]
        assert not stack.cache.shared
        assert not stack.limiter.shared
        # Two failures opened each breaker; the other 98 cache misses and 48 checks never touched Redis.
        assert stack.cache_guard.attempts == cache_before + 2
        assert stack.limiter_guard.attempts == limiter_before + 2
        assert stack.cache_guard.bypassed >= 98
        assert stack.limiter.fallbacks == 50

        redis_process.start()
        await observer.ping()
        still_open = await stack.cache.get("sources", "after-restart")
        assert still_open is MISS
        assert stack.cache_guard.attempts == cache_before + 2  # no try before the cool-down, though Redis is up

        stack.clock.advance(COOLDOWN)
        assert (await stack.limiter.check("user:2")).allowed  # the limiter's probe: script reloaded, shared again
        await stack.cache.set("sources", "after", "v1")  # the cache's probe
        assert stack.cache.shared
        assert stack.limiter.shared
        assert await observer.get("segue:cache:sources:after") == b'"v1"'
        assert await observer.exists("segue:rl:minute:user:2") == 1
        fallbacks = stack.limiter.fallbacks
        assert (await stack.limiter.check("user:2")).remaining == 998
        assert stack.limiter.fallbacks == fallbacks
    finally:
        await stack.client.aclose()
        await observer.aclose()


async def test_a_frozen_redis_costs_two_timeouts_then_nothing(redis_process: PrivateRedis) -> None:
    stack = build(redis_process.url)
    try:
        await stack.cache.set("sources", "k", "v")
        assert (await stack.limiter.check("user:1")).allowed
        redis_process.freeze()  # accepts connections, answers nothing: the slow case
        for i in range(20):
            assert await stack.cache.get("sources", "k") == "v"
            assert await stack.cache.get("sources", f"missing-{i}") is MISS
            assert (await stack.limiter.check("user:1")).allowed
        # Only the first two attempts of each component waited for their 0.25 s timeouts.
        assert stack.cache_guard.attempts == 1 + 2
        assert stack.limiter_guard.attempts == 1 + 2
        assert stack.cache_guard.errors == 2

        redis_process.thaw()
        stack.clock.advance(COOLDOWN)
        assert await stack.cache.get("sources", "k") == "v"
        assert await stack.cache.get("sources", "probe") is MISS  # the probe goes to Redis and succeeds
        assert stack.cache.shared
        assert (await stack.limiter.check("user:1")).allowed
        assert stack.limiter.shared
    finally:
        await stack.client.aclose()


async def test_health_asks_redis_instead_of_trusting_an_untested_breaker(redis_process: PrivateRedis) -> None:
    """Issue 7.7: with no cache traffic since Redis died, /healthz must still say the cache is local-only."""
    stack = build(redis_process.url)
    stats = BotStats()
    health = health_report(
        ready=lambda: True, shared={"cache": stack.cache.reachable, "rate limits": stack.limiter.reachable}, stats=stats
    )
    try:
        assert (await health())["shared_state"] == {"cache": "shared", "rate limits": "shared"}
        redis_process.kill()
        assert stack.cache.shared  # nothing has used the cache since: the breaker alone cannot know
        report = await health()
        assert report["shared_state"] == {"cache": "local-fallback", "rate limits": "local-fallback"}
        assert report["degraded"] is True
        assert report["ok"] is True  # still answering from in-process state
        redis_process.start()
        stack.clock.advance(COOLDOWN)
        assert (await health())["shared_state"] == {"cache": "shared", "rate limits": "shared"}
    finally:
        await stack.client.aclose()
