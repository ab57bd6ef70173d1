"""Benchmarks of the live-source infrastructure: caches, rate limiters, single-flight, hit rates under Zipf load.

`run()` returns a Markdown section for BENCHMARKS.md (the bench runner writes the file). Redis figures use the
server at SEGUE_BENCH_REDIS_URL (default redis://127.0.0.1:6379/0) under a throw-away `segue:bench:` prefix and
are skipped, with a note, when it is not reachable. Runs in well under a minute on two cores.
"""

from __future__ import annotations

import asyncio
import os
import platform
import time
import uuid
from collections.abc import Awaitable, Callable

import numpy as np
from redis.exceptions import RedisError

from segue.infra.cache import MISS, MemoryCache, NamespaceConfig
from segue.infra.cache_redis import RedisCache, TieredCache
from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit, Rule
from segue.infra.ratelimit_redis import RedisRateLimiter
from segue.infra.redis_client import RedisGuard, make_redis_client

REDIS_URL = os.environ.get("SEGUE_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
NAMESPACES = {"sources": NamespaceConfig(200_000, 3600.0)}
USER_RULES = (Rule("user_minute", 15, 60.0, "window", "user"), Rule("user_burst", 5, 10.0, "gcra", "user"))
GUILD_RULES = (Rule("guild_minute", 120, 60.0, "window", "guild"),)


def _us(seconds: float, n: int) -> str:
    return f"{seconds / n * 1e6:.2f}"


def _time_sync(fn: Callable[[int], object], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        fn(i)
    return time.perf_counter() - start


async def _time_async(fn: Callable[[int], Awaitable[object]], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        await fn(i)
    return time.perf_counter() - start


async def _concurrent_rate(fn: Callable[[int], Awaitable[object]], total: int, width: int = 50) -> float:
    """Operations per second with `width` callers in flight."""

    async def worker(offset: int) -> None:
        for i in range(offset, total, width):
            await fn(i)

    start = time.perf_counter()
    await asyncio.gather(*(worker(w) for w in range(width)))
    return total / (time.perf_counter() - start)


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


async def _cache_rows(redis_ok: bool, prefix: str) -> list[tuple[str, ...]]:
    n = 200_000
    l1 = MemoryCache(NAMESPACES)
    for i in range(1000):
        l1.set_now("sources", f"k{i}", {"i": i})
    rows = [
        ("L1 get (hit, sync)", _us(_time_sync(lambda i: l1.get_now("sources", f"k{i % 1000}"), n), n), "-"),
        ("L1 get (hit, await)", _us(await _time_async(lambda i: l1.get("sources", f"k{i % 1000}"), n), n), "-"),
        ("L1 get (miss, await)", _us(await _time_async(lambda i: l1.get("sources", f"x{i}"), n), n), "-"),
        ("L1 set (await)", _us(await _time_async(lambda i: l1.set("sources", f"s{i}", i), n), n), "-"),
    ]

    async def loaded(_: int) -> str:
        return "v"

    hit = await _time_async(lambda i: l1.get_or_load("sources", f"k{i % 1000}", lambda: loaded(0)), n)
    rows.append(("L1 get_or_load (hit)", _us(hit, n), "-"))
    if not redis_ok:
        return rows
    client = make_redis_client(REDIS_URL, timeout=0.25)
    try:
        l2 = RedisCache(RedisGuard(client, component="bench"), NAMESPACES, prefix=prefix)
        m = 3000
        value = {"name": "Radiohead", "similar": [{"name": "Portishead", "match": 0.9}] * 10}
        set_s = await _time_async(lambda i: l2.set("sources", f"r{i}", value), m)
        get_s = await _time_async(lambda i: l2.get("sources", f"r{i}"), m)
        set_rate = await _concurrent_rate(lambda i: l2.set("sources", f"c{i}", value), 10_000)
        get_rate = await _concurrent_rate(lambda i: l2.get("sources", f"c{i}"), 10_000)
        tiered = TieredCache(MemoryCache(NAMESPACES), l2)
        promote_s = await _time_async(lambda i: tiered.get("sources", f"r{i}"), m)  # L1 miss, L2 hit, promote
        rows += [
            ("L2 Redis set (1 in flight)", _us(set_s, m), f"{set_rate:,.0f}"),
            ("L2 Redis get (1 in flight)", _us(get_s, m), f"{get_rate:,.0f}"),
            ("Tiered get, L1 miss -> L2 hit", _us(promote_s, m), "-"),
        ]
    finally:
        async for key in client.scan_iter(match=prefix + "*", count=1000):
            await client.unlink(key)
        await client.aclose()
    return rows


async def _limiter_rows(redis_ok: bool, prefix: str) -> list[tuple[str, ...]]:
    n = 200_000
    one = MemoryRateLimiter([Rule("g", 5, 10.0, "gcra")])
    two = MemoryRateLimiter(USER_RULES)
    keys = [f"user:{i}" for i in range(100_000)]
    one_s = _time_sync(lambda i: one.check_now(keys[i % 100_000]), n)
    two_s = _time_sync(lambda i: two.check_now(keys[i % 100_000]), n)
    rows = [
        ("in-process, 1 rule (GCRA), sync", _us(one_s, n), "-"),
        ("in-process, user policy (2 rules), sync", _us(two_s, n), "-"),
    ]
    policy = RequestRateLimit(MemoryRateLimiter(), user=USER_RULES, guild=GUILD_RULES)
    policy_s = await _time_async(lambda i: policy.check(i % 100_000, i % 1000), n)
    rows.append(("in-process, user + guild (3 rules), await", _us(policy_s, n), "-"))
    rows.append(("in-process keys held after 100k users", f"{two.key_count():,} keys", "-"))
    if not redis_ok:
        return rows
    client = make_redis_client(REDIS_URL, timeout=0.25)
    try:
        guard = RedisGuard(client, component="bench")
        shared = RequestRateLimit(RedisRateLimiter(guard, prefix=prefix + "rl:"), user=USER_RULES, guild=GUILD_RULES)
        m = 3000
        seq = await _time_async(lambda i: shared.check(i, i % 100), m)
        rate = await _concurrent_rate(lambda i: shared.check(i, i % 100), 10_000)
        rows.append(("Redis Lua, user + guild (3 rules)", _us(seq, m), f"{rate:,.0f}"))
    finally:
        async for key in client.scan_iter(match=prefix + "*", count=1000):
            await client.unlink(key)
        await client.aclose()
    return rows


async def _single_flight_rows(redis_ok: bool, prefix: str) -> list[tuple[str, ...]]:
    rows = []
    targets: list[tuple[str, Callable[[], tuple[TieredCache | MemoryCache, Callable[[], Awaitable[None]]]]]] = []

    def memory() -> tuple[TieredCache | MemoryCache, Callable[[], Awaitable[None]]]:
        async def nothing() -> None:
            return None

        return MemoryCache(NAMESPACES), nothing

    targets.append(("L1", memory))
    if redis_ok:

        def tiered() -> tuple[TieredCache | MemoryCache, Callable[[], Awaitable[None]]]:
            client = make_redis_client(REDIS_URL, timeout=0.25)
            cache = TieredCache(
                MemoryCache(NAMESPACES), RedisCache(RedisGuard(client, component="bench"), NAMESPACES, prefix=prefix)
            )

            async def close() -> None:
                async for key in client.scan_iter(match=prefix + "*", count=1000):
                    await client.unlink(key)
                await client.aclose()

            return cache, close

        targets.append(("L1 + Redis L2", tiered))
    for name, factory in targets:
        cache, close = factory()
        calls = 0

        async def load() -> str:
            nonlocal calls
            calls += 1
            await asyncio.sleep(0.05)  # a live source answering in 50 ms
            return "answer"

        start = time.perf_counter()
        results = await asyncio.gather(*(cache.get_or_load("sources", "same-key", load) for _ in range(100)))
        elapsed = time.perf_counter() - start
        await close()
        shared = sum(r.shared for r in results)
        rows.append((name, "100", str(calls), str(shared), f"{elapsed * 1000:.1f}"))
    return rows


def _zipf_rows() -> list[tuple[str, ...]]:
    universe, requests = 50_000, 200_000
    rng = np.random.default_rng(20240601)
    ranks = np.arange(1, universe + 1, dtype=np.float64)
    rows = []
    for s in (0.8, 1.0, 1.2):
        weights = ranks**-s
        stream = [str(k) for k in rng.choice(universe, size=requests, p=weights / weights.sum()).tolist()]
        rates = []
        for size in (500, 2_000, 10_000):
            cache = MemoryCache({"q": NamespaceConfig(size, 3600.0)})
            for key in stream:
                if cache.get_now("q", key) is MISS:
                    cache.set_now("q", key, 1)
            rates.append(f"{cache.stats()['q'].hit_rate:.1%}")
        rows.append((f"{s}", *rates))
    return rows


async def _run() -> str:
    prefix = f"segue:bench:{uuid.uuid4().hex}:"
    probe = make_redis_client(REDIS_URL, timeout=0.25)
    try:
        await probe.ping()
        redis_ok = True
    except (RedisError, OSError):
        redis_ok = False
    finally:
        await probe.aclose()
    started = time.perf_counter()
    cache_rows = await _cache_rows(redis_ok, prefix)
    limiter_rows = await _limiter_rows(redis_ok, prefix)
    flight_rows = await _single_flight_rows(redis_ok, prefix)
    zipf_rows = _zipf_rows()
    took = time.perf_counter() - started
    note = "" if redis_ok else f"\n_Redis at {REDIS_URL} was not reachable: Redis rows skipped._\n"
    return "\n".join(
        [
            "## Infrastructure: caches, rate limits, single-flight",
            "",
            f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; Redis {REDIS_URL} "
            f"(local); {took:.0f} s in all. Latencies are means over sequential calls; 'ops/s' runs 50 callers.",
            note,
            "### Cache operations",
            "",
            _table(("operation", "us / op", "ops/s (50 in flight)"), cache_rows),
            "",
            "### Rate-limit checks",
            "",
            _table(("limiter", "us / check", "checks/s (50 in flight)"), limiter_rows),
            "",
            "### Single-flight: 100 concurrent identical misses (loader takes 50 ms)",
            "",
            _table(("cache", "callers", "upstream calls", "joined a shared load", "wall ms"), flight_rows),
            "",
            "### L1 hit rate on Zipf request streams (200k requests over 50k keys, LRU)",
            "",
            _table(("Zipf s", "500 entries", "2,000 entries", "10,000 entries"), zipf_rows),
            "",
        ]
    )


def run() -> str:
    """Run every infra benchmark and return the Markdown section."""
    return asyncio.run(_run())


if __name__ == "__main__":
    print(run())
