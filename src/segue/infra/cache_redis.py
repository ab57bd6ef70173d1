"""The shared L2 cache in Redis, and the tiered cache that puts the in-process L1 in front of it.

Shards share the L2 so one shard's live-source answer serves the others. Redis is optional: every command
goes through a `RedisGuard` (0.25 s timeouts, one retry, a breaker), so when Redis is down or stalls the
tiered cache answers from L1 alone without waiting, and returns to shared mode by itself after a probe.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from segue.errors import ConfigError
from segue.infra.breaker import BreakerConfig
from segue.infra.cache import (
    MISS,
    NOT_FOUND,
    Cache,
    CacheStats,
    Layer,
    MemoryCache,
    NamespaceConfig,
    namespace_configs,
)
from segue.infra.clock import Clock
from segue.infra.redis_client import KEY_PREFIX, UNAVAILABLE, RedisGuard, escape_glob

if TYPE_CHECKING:  # the registry's prometheus-client: only where one is passed in (not by `segue ask`)
    import redis.asyncio as aioredis

    from segue.config import Settings
    from segue.infra.metrics import MetricsRegistry

log = logging.getLogger(__name__)

_NEGATIVE = b"!nf"
"""Stored for NOT_FOUND: not valid JSON, so it can never collide with a real value."""


class _Counts:
    __slots__ = ("bypassed", "errors", "hits", "misses")

    def __init__(self) -> None:
        self.hits = self.misses = self.errors = self.bypassed = 0


def encode_value(value: Any) -> bytes:
    """JSON bytes for a cacheable value; TypeError for anything that is not JSON-shaped."""
    if value is NOT_FOUND:
        return _NEGATIVE
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def decode_value(raw: bytes) -> Any:
    """Inverse of `encode_value` (ValueError on bytes it did not write)."""
    if raw == _NEGATIVE:
        return NOT_FOUND
    return json.loads(raw)


class RedisCache(Cache):
    """L2: values as JSON under `segue:cache:<namespace>:<key>`, expiring in Redis itself (PX)."""

    layer: Layer = "l2"

    def __init__(
        self,
        guard: RedisGuard,
        namespaces: Mapping[str, NamespaceConfig],
        *,
        prefix: str = KEY_PREFIX + "cache:",
        negative_ttl: float = 300.0,
    ) -> None:
        super().__init__(negative_ttl=negative_ttl)
        if not prefix.startswith(KEY_PREFIX):
            raise ConfigError(f"Redis keys must start with {KEY_PREFIX!r}, got prefix {prefix!r}")
        self.guard = guard
        self.prefix = prefix
        self._namespaces = {str(k): v for k, v in namespaces.items()}
        self._counts = {name: _Counts() for name in self._namespaces}

    def _key(self, ns: str, key: str) -> str:
        if ns not in self._namespaces:
            raise ConfigError(f"unknown cache namespace {ns!r} (known: {sorted(self._namespaces)})")
        return f"{self.prefix}{ns}:{key}"

    async def get_with_ttl(self, ns: str, key: str) -> tuple[Any, float | None]:
        """(value or NOT_FOUND or MISS, seconds it has left in Redis), in one round trip."""
        name = self._key(ns, key)
        counts = self._counts[ns]

        async def fetch() -> list[Any]:
            async with self.guard.client.pipeline(transaction=False) as pipe:
                pipe.get(name)
                pipe.pttl(name)
                return await pipe.execute()

        bypassed_before = self.guard.bypassed
        result = await self.guard.run(fetch)
        if result is UNAVAILABLE:
            counts.misses += 1
            if self.guard.bypassed != bypassed_before:
                counts.bypassed += 1
            else:
                counts.errors += 1
            return MISS, None
        raw, pttl = result
        if raw is None:
            counts.misses += 1
            return MISS, None
        try:
            value = decode_value(raw)
        except ValueError:
            log.warning("undecodable cache entry %s dropped", name)
            counts.errors += 1
            counts.misses += 1
            await self.guard.run(lambda: self.guard.client.delete(name))
            return MISS, None
        counts.hits += 1
        return value, (pttl / 1000.0 if isinstance(pttl, int) and pttl > 0 else None)

    async def get(self, ns: str, key: str) -> Any:
        value, _ = await self.get_with_ttl(ns, key)
        return value

    async def set(self, ns: str, key: str, value: Any, ttl: float | None = None) -> None:
        await self.set_encoded(ns, key, encode_value(value), ttl)

    async def set_encoded(self, ns: str, key: str, payload: bytes, ttl: float | None = None) -> None:
        """Store bytes from `encode_value` (lets the tiered cache encode once, before touching either layer)."""
        name = self._key(ns, key)
        seconds = self._namespaces[ns].ttl if ttl is None else ttl
        if seconds <= 0:
            await self.delete(ns, key)
            return
        millis = max(1, round(seconds * 1000))
        if await self.guard.run(lambda: self.guard.client.set(name, payload, px=millis)) is UNAVAILABLE:
            self._counts[ns].errors += 1

    async def delete(self, ns: str, key: str) -> None:
        name = self._key(ns, key)
        await self.guard.run(lambda: self.guard.client.delete(name))

    async def clear(self, ns: str) -> None:
        """Delete the namespace's keys in SCAN batches (each batch a guarded call; stops if Redis fails)."""
        pattern = escape_glob(self._key(ns, "")) + "*"
        cursor: int = 0
        while True:

            async def batch(at: int = cursor) -> tuple[int, int]:
                nxt, keys = await self.guard.client.scan(cursor=at, match=pattern, count=500)
                if keys:
                    await self.guard.client.unlink(*keys)
                return int(nxt), len(keys)

            result = await self.guard.run(batch)
            if result is UNAVAILABLE:
                self._counts[ns].errors += 1
                return
            cursor, _ = result
            if cursor == 0:
                return

    def stats(self) -> dict[str, CacheStats]:
        return {
            name: CacheStats(hits=c.hits, misses=c.misses, size=None, errors=c.errors, bypassed=c.bypassed)
            for name, c in self._counts.items()
        }


class TieredCache(Cache):
    """L1 in front of an optional L2: reads try L1 then L2 (promoting hits to L1), writes go to both.

    Other shards' L1 copies are not invalidated by a delete here; they age out within their namespace TTL,
    which is why L1 TTLs stay short for anything that changes.
    """

    def __init__(self, l1: MemoryCache, l2: RedisCache | None = None, *, negative_ttl: float | None = None) -> None:
        super().__init__(negative_ttl=l1.negative_ttl if negative_ttl is None else negative_ttl)
        self.l1 = l1
        self.l2 = l2

    @property
    def shared(self) -> bool:
        """True while the L2 is configured and its breaker is closed."""
        return self.l2 is not None and self.l2.guard.healthy

    async def reachable(self) -> bool:
        """Whether the L2 answers now (a PING through its breaker); False without an L2."""
        return self.l2 is not None and await self.l2.guard.reachable()

    def peek_local(self, ns: str, key: str) -> Any:
        return self.l1.peek_local(ns, key)

    async def lookup(self, ns: str, key: str) -> tuple[Any, Layer]:
        value = self.l1.get_now(ns, key)
        if value is not MISS or self.l2 is None:
            return value, "l1"
        value, left = await self.l2.get_with_ttl(ns, key)
        if value is not MISS:
            # Promote with what the entry has left in Redis, so L1 never outlives the shared copy.
            self.l1.set_now(ns, key, value, left)
        return value, "l2"

    async def get(self, ns: str, key: str) -> Any:
        value, _ = await self.lookup(ns, key)
        return value

    async def set(self, ns: str, key: str, value: Any, ttl: float | None = None) -> None:
        payload = encode_value(value) if self.l2 is not None else b""  # fails before either layer changes
        self.l1.set_now(ns, key, value, ttl)
        if self.l2 is not None:
            await self.l2.set_encoded(ns, key, payload, ttl)

    async def delete(self, ns: str, key: str) -> None:
        await self.l1.delete(ns, key)
        if self.l2 is not None:
            await self.l2.delete(ns, key)

    async def clear(self, ns: str) -> None:
        await self.l1.clear(ns)
        if self.l2 is not None:
            await self.l2.clear(ns)

    def stats(self) -> dict[str, CacheStats]:
        """Hits from either layer; misses are lookups neither layer answered; size and evictions are L1's."""
        l1 = self.l1.stats()
        if self.l2 is None:
            return l1
        l2 = self.l2.stats()
        return {
            name: CacheStats(
                hits=s.hits + l2[name].hits,
                misses=l2[name].misses,
                evictions=s.evictions,
                size=s.size,
                errors=l2[name].errors,
                bypassed=l2[name].bypassed,
            )
            for name, s in l1.items()
            if name in l2
        }

    def bind_metrics(self, metrics: MetricsRegistry) -> None:
        """Mirror per-namespace stats into the registry at every scrape."""
        hits = metrics.counter("segue_cache_hits_total", "Cache lookups answered", ["ns"])
        misses = metrics.counter("segue_cache_misses_total", "Cache lookups no layer answered", ["ns"])
        evictions = metrics.counter("segue_cache_evictions_total", "L1 entries evicted for space", ["ns"])
        size = metrics.gauge("segue_cache_entries", "L1 entries held", ["ns"])
        shared = metrics.gauge("segue_cache_shared", "1 while the Redis L2 is in use, else 0")

        def collect() -> None:
            for name, s in self.stats().items():
                hits.labels(name).set_total(s.hits)
                misses.labels(name).set_total(s.misses)
                evictions.labels(name).set_total(s.evictions)
                size.labels(name).set(s.size or 0)
            shared.set(1.0 if self.shared else 0.0)

        metrics.add_collector(collect)


def build_cache(
    settings: Settings,
    redis: aioredis.Redis | None,
    *,
    metrics: MetricsRegistry | None = None,
    clock: Clock = time.monotonic,
) -> TieredCache:
    """The cache the composition root wires in: L1 always, Redis L2 when a client is given (SEGUE_REDIS_URL)."""
    namespaces = namespace_configs(settings)
    l1 = MemoryCache(namespaces, clock=clock, negative_ttl=settings.cache_negative_ttl)
    l2 = None
    if redis is not None:
        guard = RedisGuard(
            redis,
            component="cache",
            timeout=settings.redis_timeout,
            breaker=BreakerConfig(settings.redis_breaker_failures, settings.redis_breaker_cooldown),
            clock=clock,
            metrics=metrics,
        )
        l2 = RedisCache(guard, namespaces, negative_ttl=settings.cache_negative_ttl)
    cache = TieredCache(l1, l2)
    if metrics is not None:
        cache.bind_metrics(metrics)
    return cache
