"""One contract for every Cache: the in-process L1, the Redis L2 and the tiered pair run the same tests.

Redis tests use the real server at 127.0.0.1:6379 (SEGUE_TEST_REDIS_URL), a unique `segue:test:<uuid>:` prefix
per test, and delete their keys afterwards. Time moves by a manual clock for the L1 and by short real waits
for Redis, whose expiry is its own.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest
import redis.asyncio as aioredis
from hypothesis import given
from hypothesis import strategies as st
from redis.exceptions import RedisError

from segue.errors import ConfigError, ProviderError
from segue.infra.breaker import BreakerConfig
from segue.infra.cache import MISS, NOT_FOUND, Cache, MemoryCache, NamespaceConfig, Sentinel, cache_key
from segue.infra.cache_redis import RedisCache, TieredCache
from segue.infra.clock import ManualClock
from segue.infra.redis_client import RedisGuard, make_redis_client
from support.ci import require

REDIS_URL = os.environ.get("SEGUE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
NAMESPACES = {
    "sources": NamespaceConfig(1000, 60.0),
    "recommendations": NamespaceConfig(1000, 60.0),
    "tiny": NamespaceConfig(3, 60.0),
}


@dataclass
class Backend:
    kind: str
    cache: Cache
    advance: Callable[[float], Awaitable[None]]
    redis: aioredis.Redis | None = None
    prefix: str = ""


async def _redis_or_skip() -> aioredis.Redis:
    # A generous timeout here: these tests check behaviour, not latency, on a shared 2-core machine.
    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        require(False, f"Redis not reachable at {REDIS_URL}: {exc}")
    return client


async def _cleanup(client: aioredis.Redis, prefix: str) -> None:
    async for key in client.scan_iter(match=prefix + "*", count=500):
        await client.unlink(key)
    await client.aclose()


async def _build(kind: str) -> AsyncIterator[Backend]:
    clock = ManualClock()

    async def tick(seconds: float) -> None:
        clock.advance(seconds)

    if kind == "memory":
        yield Backend("memory", MemoryCache(NAMESPACES, clock=clock, negative_ttl=0.2), tick)
        return
    client = await _redis_or_skip()
    prefix = f"segue:test:{uuid.uuid4().hex}:"
    l2 = RedisCache(RedisGuard(client, component="cache"), NAMESPACES, prefix=prefix, negative_ttl=0.2)

    async def wait(seconds: float) -> None:
        clock.advance(seconds)
        await asyncio.sleep(seconds)

    l1 = MemoryCache(NAMESPACES, clock=clock, negative_ttl=0.2)
    cache: Cache = l2 if kind == "redis" else TieredCache(l1, l2)
    try:
        yield Backend(kind, cache, wait, client, prefix)
    finally:
        await _cleanup(client, prefix)


@pytest.fixture(params=["memory", "redis", "tiered"])
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async for built in _build(request.param):
        yield built


@pytest.fixture(params=["redis", "tiered"])
async def shared_backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async for built in _build(request.param):
        yield built


JSON_VALUES: list[Any] = [
    {"artist": "Sigur Rós", "similar": [{"name": "múm", "match": 0.93}], "n": 3, "ok": True, "none": None},
    ["a", 1, 2.5, False],
    "plain text ✓",
    0,
    None,
]


@pytest.mark.parametrize("value", JSON_VALUES, ids=["dict", "list", "str", "zero", "none"])
async def test_miss_then_set_then_hit(backend: Backend, value: Any) -> None:
    cache = backend.cache
    assert await cache.get("sources", "k") is MISS
    await cache.set("sources", "k", value)
    assert await cache.get("sources", "k") == value


async def test_namespaces_are_separate(backend: Backend) -> None:
    await backend.cache.set("sources", "same", "a")
    await backend.cache.set("recommendations", "same", "b")
    assert await backend.cache.get("sources", "same") == "a"
    assert await backend.cache.get("recommendations", "same") == "b"


async def test_delete_forgets_one_key(backend: Backend) -> None:
    await backend.cache.set("sources", "x", 1)
    await backend.cache.set("sources", "y", 2)
    await backend.cache.delete("sources", "x")
    assert await backend.cache.get("sources", "x") is MISS
    assert await backend.cache.get("sources", "y") == 2


async def test_clear_empties_only_its_namespace(backend: Backend) -> None:
    for i in range(20):
        await backend.cache.set("sources", f"k{i}", i)
    await backend.cache.set("recommendations", "keep", "me")
    await backend.cache.clear("sources")
    assert all([await backend.cache.get("sources", f"k{i}") is MISS for i in range(20)])
    assert await backend.cache.get("recommendations", "keep") == "me"


async def test_entry_ttl_expires_while_namespace_ttl_holds(backend: Backend) -> None:
    await backend.cache.set("sources", "short", "s", ttl=0.1)
    await backend.cache.set("sources", "long", "l")
    await backend.advance(0.3)
    assert await backend.cache.get("sources", "short") is MISS
    assert await backend.cache.get("sources", "long") == "l"


async def test_stats_count_hits_and_misses_per_namespace(backend: Backend) -> None:
    await backend.cache.get("sources", "a")
    await backend.cache.set("sources", "a", 1)
    await backend.cache.get("sources", "a")
    await backend.cache.get("sources", "a")
    stats = backend.cache.stats()
    assert (stats["sources"].hits, stats["sources"].misses) == (2, 1)
    assert (stats["recommendations"].hits, stats["recommendations"].misses) == (0, 0)
    assert stats["sources"].hit_rate == pytest.approx(2 / 3)


async def test_get_or_load_says_whether_it_was_cached(backend: Backend) -> None:
    calls = 0

    async def load() -> dict[str, int]:
        nonlocal calls
        calls += 1
        return {"plays": 42}

    first = await backend.cache.get_or_load("sources", "q", load)
    second = await backend.cache.get_or_load("sources", "q", load)
    assert (first.value, first.found, first.cached, first.layer) == ({"plays": 42}, True, False, "load")
    assert (second.value, second.found, second.cached) == ({"plays": 42}, True, True)
    assert calls == 1


async def test_single_flight_100_concurrent_misses_make_one_call(backend: Backend) -> None:
    calls = 0
    entered = asyncio.Event()
    release = asyncio.Event()

    async def load() -> list[str]:
        nonlocal calls
        calls += 1
        entered.set()
        await release.wait()
        return ["Radiohead", "Portishead"]

    tasks = [asyncio.create_task(backend.cache.get_or_load("sources", "same", load)) for _ in range(100)]
    await entered.wait()
    release.set()
    results = await asyncio.gather(*tasks)
    assert calls == 1
    assert all(r.value == ["Radiohead", "Portishead"] and not r.cached for r in results)
    assert sum(r.shared for r in results) == 99


async def test_not_found_is_cached_for_the_negative_ttl(backend: Backend) -> None:
    calls = 0

    async def load() -> str | Sentinel:
        nonlocal calls
        calls += 1
        return NOT_FOUND

    first = await backend.cache.get_or_load("sources", "nobody", load)
    second = await backend.cache.get_or_load("sources", "nobody", load)
    assert (first.found, first.cached, first.value) == (False, False, None)
    assert (second.found, second.cached, second.value) == (False, True, None)
    assert calls == 1
    await backend.advance(0.35)
    third = await backend.cache.get_or_load("sources", "nobody", load, negative_ttl=0.2)
    assert (third.found, third.cached) == (False, False)
    assert calls == 2


async def test_loader_errors_reach_every_waiter_and_are_not_cached(backend: Backend) -> None:
    calls = 0
    release = asyncio.Event()

    async def load() -> str:
        nonlocal calls
        calls += 1
        await release.wait()
        raise ProviderError("upstream broke", source="lastfm", status=502)

    tasks = [asyncio.create_task(backend.cache.get_or_load("sources", "bad", load)) for _ in range(10)]
    await asyncio.sleep(0)
    release.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert all(isinstance(r, ProviderError) and r.status == 502 for r in results)
    assert calls == 1
    assert await backend.cache.get("sources", "bad") is MISS

    async def good() -> str:
        return "fine"

    assert (await backend.cache.get_or_load("sources", "bad", good)).value == "fine"


async def test_a_cancelled_caller_does_not_cancel_the_shared_load(backend: Backend) -> None:
    entered = asyncio.Event()
    release = asyncio.Event()
    calls = 0

    async def load() -> str:
        nonlocal calls
        calls += 1
        entered.set()
        await release.wait()
        return "value"

    leader = asyncio.create_task(backend.cache.get_or_load("sources", "c", load))
    follower = asyncio.create_task(backend.cache.get_or_load("sources", "c", load))
    await entered.wait()
    leader.cancel()
    release.set()
    assert (await follower).value == "value"
    with pytest.raises(asyncio.CancelledError):
        await leader
    assert calls == 1
    assert await backend.cache.get("sources", "c") == "value"


async def test_unknown_namespace_is_a_config_error(backend: Backend) -> None:
    with pytest.raises(ConfigError, match="unknown cache namespace"):
        await backend.cache.get("nope", "k")


# --- implementation-specific behaviour ---------------------------------------------------------------------


async def test_memory_lru_is_bounded_and_counts_evictions() -> None:
    cache = MemoryCache(NAMESPACES, clock=ManualClock())
    for key in ("a", "b", "c"):
        await cache.set("tiny", key, key)
    assert await cache.get("tiny", "a") == "a"  # a is now the most recently used
    await cache.set("tiny", "d", "d")
    await cache.set("tiny", "e", "e")
    stats = cache.stats()["tiny"]
    assert (stats.size, stats.evictions) == (3, 2)
    assert await cache.get("tiny", "a") == "a"
    assert await cache.get("tiny", "b") is MISS


async def test_memory_namespace_ttl_bounds_longer_entry_ttls() -> None:
    clock = ManualClock()
    cache = MemoryCache({"s": NamespaceConfig(10, 5.0)}, clock=clock)
    await cache.set("s", "k", 1, ttl=3600)
    clock.advance(5.1)
    assert await cache.get("s", "k") is MISS


async def test_redis_values_are_json_under_the_segue_prefix(shared_backend: Backend) -> None:
    backend = shared_backend
    assert backend.redis is not None
    await backend.cache.set("sources", "lastfm@host|similar|radiohead", {"a": [1]})
    raw = await backend.redis.get(f"{backend.prefix}sources:lastfm@host|similar|radiohead")
    assert raw is not None
    assert json.loads(raw) == {"a": [1]}
    assert backend.prefix.startswith("segue:")
    with pytest.raises(TypeError):
        await backend.cache.set("sources", "bad", {1, 2})  # a set is not JSON: refused before any layer changes
    assert await backend.cache.get("sources", "bad") is MISS


async def test_tiered_promotes_shared_hits_into_its_own_l1() -> None:
    client = await _redis_or_skip()
    prefix = f"segue:test:{uuid.uuid4().hex}:"
    try:
        guard = RedisGuard(client, component="cache")
        writer = TieredCache(MemoryCache(NAMESPACES), RedisCache(guard, NAMESPACES, prefix=prefix))
        reader = TieredCache(MemoryCache(NAMESPACES), RedisCache(guard, NAMESPACES, prefix=prefix))
        await writer.set("sources", "k", "from another shard")

        async def never() -> str:
            raise AssertionError("should have been a shared hit")

        via_l2 = await reader.get_or_load("sources", "k", never)
        via_l1 = await reader.get_or_load("sources", "k", never)
        assert (via_l2.layer, via_l2.cached) == ("l2", True)
        assert (via_l1.layer, via_l1.cached) == ("l1", True)
    finally:
        await _cleanup(client, prefix)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_tiered_with_redis_down_serves_from_l1_without_trying_redis_each_time() -> None:
    client = make_redis_client(f"redis://127.0.0.1:{_closed_port()}/0", timeout=0.25)
    guard = RedisGuard(client, component="cache", breaker=BreakerConfig(2, 60.0))
    cache = TieredCache(MemoryCache(NAMESPACES), RedisCache(guard, NAMESPACES))
    try:
        await cache.set("sources", "k", "local")
        for _ in range(5):
            assert await cache.get("sources", "k") == "local"
            assert await cache.get("sources", "other") is MISS
        assert guard.attempts == 2  # the failing set and the first miss opened the breaker; then no more tries
        assert not cache.shared
        assert cache.stats()["sources"].bypassed == 4
        loaded = await cache.get_or_load("sources", "fresh", _const("v"))
        assert (loaded.value, loaded.cached) == ("v", False)
        assert await cache.get("sources", "fresh") == "v"
    finally:
        await client.aclose()


def _const(value: str) -> Callable[[], Awaitable[str]]:
    async def load() -> str:
        return value

    return load


# --- key normalization -------------------------------------------------------------------------------------

LASTFM = "https://ws.audioscrobbler.com/2.0/"


def test_equivalent_queries_share_a_key() -> None:
    a = cache_key("lastfm", LASTFM, "artist.getSimilar", "  The  Beatles!", limit=10)
    b = cache_key("LastFM", "HTTPS://WS.AUDIOSCROBBLER.COM:443/2.0", "ARTIST.GETSIMILAR", "the beatles", limit=10)
    c = cache_key("lastfm", LASTFM, "artist.getsimilar", "Beyoncé", autocorrect=1, limit=10)
    d = cache_key("lastfm", LASTFM, "artist.getsimilar", "BEYONCE", limit=10, autocorrect=1, page=None)
    assert a == b
    assert c == d


def test_keys_are_scoped_by_source_and_base_url() -> None:
    real = cache_key("deezer", "https://api.deezer.com", "search", "daft punk")
    local = cache_key("deezer", "http://127.0.0.1:8081", "search", "daft punk")
    other = cache_key("lastfm", "https://api.deezer.com", "search", "daft punk")
    assert len({real, local, other}) == 3
    assert cache_key("x", "http://h", "op", "a", limit=1) != cache_key("x", "http://h", "op", "a", limit=2)


def test_long_keys_are_bounded_and_still_distinct() -> None:
    a = cache_key("lastfm", LASTFM, "search", "x" * 1000)
    b = cache_key("lastfm", LASTFM, "search", "x" * 999 + "y")
    assert len(a) <= 200
    assert len(b) <= 200
    assert a != b


@given(st.text(max_size=80), st.text(max_size=80))
def test_normalizing_twice_changes_nothing(name: str, other: str) -> None:
    from segue.infra.cache import normalize_query

    once = cache_key("s", "http://h", "op", name, q=other)
    assert cache_key("s", "http://h", "op", normalize_query(name), q=normalize_query(other)) == once


async def test_build_cache_from_settings_with_and_without_redis() -> None:
    from segue.config import load_settings
    from segue.infra.cache import Namespace
    from segue.infra.cache_redis import build_cache
    from segue.infra.metrics import MetricsRegistry

    settings = load_settings(cache_queries_size=7, cache_queries_ttl=9.0, cache_negative_ttl=4.0)
    local = build_cache(settings, None)
    assert local.l2 is None
    assert not local.shared
    assert local.l1.namespaces[Namespace.QUERIES].maxsize == 7
    assert local.negative_ttl == 4.0
    assert set(local.stats()) == {"recommendations", "sources", "tokens", "queries"}

    client = await _redis_or_skip()
    metrics = MetricsRegistry()
    try:
        shared = build_cache(settings, client, metrics=metrics)
        assert shared.shared
        await shared.get("queries", f"test-{uuid.uuid4().hex}")
        assert metrics.value("segue_cache_misses_total", ns="queries") == 1
        assert metrics.value("segue_cache_shared") == 1
    finally:
        await client.aclose()
