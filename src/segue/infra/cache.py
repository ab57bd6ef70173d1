"""Caches: one async interface, an in-process L1, and single-flight loading with negative caching.

Values are JSON-shaped (dict, list, str, int, float, bool, None) so that every layer hands back the same shape:
the L1 returns the very object stored (treat it as immutable), the Redis L2 (`cache_redis.py`) a decoded copy.
`get_or_load` is what callers use: concurrent misses on one key share one upstream call, "not found" is
remembered for a shorter time, and the answer says whether it came from cache so replies can say so honestly.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum, StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from cachetools import TTLCache

from segue.errors import ConfigError
from segue.infra.clock import Clock
from segue.text import normalize_name

if TYPE_CHECKING:
    from segue.config import Settings

T = TypeVar("T")
K = TypeVar("K")


class Sentinel(Enum):
    """Markers that are never valid cached values."""

    MISS = "miss"
    NOT_FOUND = "not_found"


MISS: Final = Sentinel.MISS
"""`get` found nothing (or nothing fresh)."""

NOT_FOUND: Final = Sentinel.NOT_FOUND
"""A loader's way to say "the source has no such thing"; cached for the negative TTL."""

Layer = Literal["l1", "l2", "load"]


class Namespace(StrEnum):
    """The cache namespaces Segue uses; each has its own size and TTL."""

    RECOMMENDATIONS = "recommendations"
    SOURCES = "sources"
    TOKENS = "tokens"
    QUERIES = "queries"


@dataclass(frozen=True, slots=True)
class NamespaceConfig:
    """Bounds of one namespace: at most `maxsize` entries in process, each fresh for at most `ttl` seconds."""

    maxsize: int
    ttl: float

    def __post_init__(self) -> None:
        if self.maxsize < 1 or self.ttl <= 0:
            raise ConfigError(f"cache namespace needs maxsize >= 1 and ttl > 0, got {self}")


def namespace_configs(settings: Settings) -> dict[str, NamespaceConfig]:
    """Sizes and TTLs of every namespace, from SEGUE_CACHE_* settings."""
    return {
        Namespace.RECOMMENDATIONS: NamespaceConfig(
            settings.cache_recommendations_size, settings.cache_recommendations_ttl
        ),
        Namespace.SOURCES: NamespaceConfig(settings.cache_sources_size, settings.cache_sources_ttl),
        Namespace.TOKENS: NamespaceConfig(settings.cache_tokens_size, settings.cache_tokens_ttl),
        Namespace.QUERIES: NamespaceConfig(settings.cache_queries_size, settings.cache_queries_ttl),
    }


@dataclass(frozen=True, slots=True)
class CacheStats:
    """Counters of one namespace. `size` is None where it would cost a scan (Redis)."""

    hits: int = 0
    misses: int = 0
    evictions: int = 0
    size: int | None = 0
    errors: int = 0
    bypassed: int = 0

    @property
    def hit_rate(self) -> float:
        """Hits over lookups (0 when there were none)."""
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Loaded(Generic[T]):
    """What `get_or_load` found: the value (None when not found), and whether it came from cache."""

    value: T | None
    found: bool
    cached: bool
    layer: Layer
    shared: bool = False
    """True when this caller joined a load another caller had started (still a fresh load, not cached)."""


class Cache(ABC):
    """Async cache keyed by (namespace, key). Implementations: MemoryCache, RedisCache, TieredCache."""

    layer: Layer = "l1"

    def __init__(self, *, negative_ttl: float = 300.0) -> None:
        self.negative_ttl = negative_ttl
        self._flights: dict[tuple[str, str], asyncio.Task[Loaded[Any]]] = {}

    @abstractmethod
    async def get(self, ns: str, key: str) -> Any:
        """The value, NOT_FOUND for a cached negative, or MISS."""

    @abstractmethod
    async def set(self, ns: str, key: str, value: Any, ttl: float | None = None) -> None:
        """Store a value (or NOT_FOUND) for `ttl` seconds, default the namespace TTL (and never beyond it in L1)."""

    @abstractmethod
    async def delete(self, ns: str, key: str) -> None:
        """Forget one key."""

    @abstractmethod
    async def clear(self, ns: str) -> None:
        """Forget every key of one namespace."""

    @abstractmethod
    def stats(self) -> dict[str, CacheStats]:
        """Per-namespace counters."""

    def peek_local(self, ns: str, key: str) -> Any:
        """Synchronous in-process lookup (hits only are counted); MISS where there is no in-process layer."""
        return MISS

    async def lookup(self, ns: str, key: str) -> tuple[Any, Layer]:
        """Like `get`, also naming the layer that answered."""
        return await self.get(ns, key), self.layer

    async def get_or_load(
        self,
        ns: str,
        key: str,
        loader: Callable[[], Awaitable[T | Literal[Sentinel.NOT_FOUND]]],
        *,
        ttl: float | None = None,
        negative_ttl: float | None = None,
    ) -> Loaded[T]:
        """Cached value, else one shared call of `loader` for all concurrent callers of this key.

        Single-flight is per process: a lock across shards would add a Redis round trip to every miss to save
        at most one upstream call per shard per TTL, which the per-host request budget already bounds.
        The load runs in its own task, so a caller that is cancelled does not cancel it for the others.
        Loader errors reach every waiting caller and are not cached.
        """
        value = self.peek_local(ns, key)
        if value is not MISS:
            return _hit(value, "l1")
        flight = (ns, key)
        task = self._flights.get(flight)
        leader = task is None
        if task is None:
            task = asyncio.ensure_future(self._fill(ns, key, loader, ttl, negative_ttl))
            self._flights[flight] = task
            task.add_done_callback(partial(self._landed, flight))
        loaded: Loaded[T] = await asyncio.shield(task)
        if not leader and not loaded.cached:
            return replace(loaded, shared=True)
        return loaded

    async def _fill(
        self,
        ns: str,
        key: str,
        loader: Callable[[], Awaitable[Any]],
        ttl: float | None,
        negative_ttl: float | None,
    ) -> Loaded[Any]:
        value, layer = await self.lookup(ns, key)
        if value is not MISS:
            return _hit(value, layer)
        result = await loader()
        if result is NOT_FOUND:
            await self.set(ns, key, NOT_FOUND, self.negative_ttl if negative_ttl is None else negative_ttl)
            return Loaded(None, found=False, cached=False, layer="load")
        await self.set(ns, key, result, ttl)
        return Loaded(result, found=True, cached=False, layer="load")

    def _landed(self, flight: tuple[str, str], task: asyncio.Task[Loaded[Any]]) -> None:
        if self._flights.get(flight) is task:
            del self._flights[flight]
        if not task.cancelled():
            task.exception()  # retrieved here so an error nobody awaited any more is not reported as lost


def _hit(value: Any, layer: Layer) -> Loaded[Any]:
    if value is NOT_FOUND:
        return Loaded(None, found=False, cached=True, layer=layer)
    return Loaded(value, found=True, cached=True, layer=layer)


class _Entries(TTLCache[str, tuple[float, Any]]):
    """cachetools' TTL+LRU cache that counts what it throws away."""

    def __init__(self, maxsize: int, ttl: float, timer: Clock) -> None:
        super().__init__(maxsize, ttl, timer)
        self.evictions = 0
        self.expirations = 0

    def popitem(self) -> tuple[str, tuple[float, Any]]:
        item = super().popitem()
        self.evictions += 1
        return item

    def expire(self, time: float | None = None) -> list[tuple[str, tuple[float, Any]]]:
        expired = list(super().expire(time))
        self.expirations += len(expired)
        return expired


class _Space:
    __slots__ = ("config", "entries", "hits", "misses")

    def __init__(self, config: NamespaceConfig, clock: Clock) -> None:
        self.config = config
        self.entries = _Entries(config.maxsize, config.ttl, clock)
        self.hits = 0
        self.misses = 0


class MemoryCache(Cache):
    """L1: one cachetools TTLCache per namespace (LRU within its size, TTL per namespace, shorter per entry).

    About 1 us a hit, with no task or lock per call (aiocache's per-call timeout task costs ~26 us).
    Entries set with a TTL shorter than the namespace's carry their own expiry, checked on read.
    """

    layer: Layer = "l1"

    def __init__(
        self,
        namespaces: Mapping[str, NamespaceConfig],
        *,
        clock: Clock = time.monotonic,
        negative_ttl: float = 300.0,
    ) -> None:
        super().__init__(negative_ttl=negative_ttl)
        self._clock = clock
        self._spaces = {str(name): _Space(config, clock) for name, config in namespaces.items()}

    @property
    def namespaces(self) -> dict[str, NamespaceConfig]:
        """The configured namespaces."""
        return {name: space.config for name, space in self._spaces.items()}

    def _space(self, ns: str) -> _Space:
        try:
            return self._spaces[ns]
        except KeyError:
            raise ConfigError(f"unknown cache namespace {ns!r} (known: {sorted(self._spaces)})") from None

    def get_now(self, ns: str, key: str, *, count_miss: bool = True) -> Any:
        """Synchronous get: the value, NOT_FOUND, or MISS."""
        space = self._space(ns)
        try:
            # Indexing, not .get(): TTLCache.get checks `in` then indexes, reading the clock twice (~3x slower).
            expires, value = space.entries[key]
        except KeyError:
            if count_miss:
                space.misses += 1
            return MISS
        if expires != math.inf and expires <= self._clock():
            space.entries.pop(key, None)
            space.entries.expirations += 1
            if count_miss:
                space.misses += 1
            return MISS
        space.hits += 1
        return value

    def set_now(self, ns: str, key: str, value: Any, ttl: float | None = None) -> None:
        """Synchronous set; a TTL at or above the namespace's means the namespace's."""
        space = self._space(ns)
        if ttl is not None and ttl <= 0:
            space.entries.pop(key, None)
            return
        expires = math.inf if ttl is None or ttl >= space.config.ttl else self._clock() + ttl
        space.entries[key] = (expires, value)

    def peek_local(self, ns: str, key: str) -> Any:
        return self.get_now(ns, key, count_miss=False)

    async def get(self, ns: str, key: str) -> Any:
        return self.get_now(ns, key)

    async def set(self, ns: str, key: str, value: Any, ttl: float | None = None) -> None:
        self.set_now(ns, key, value, ttl)

    async def delete(self, ns: str, key: str) -> None:
        self._space(ns).entries.pop(key, None)

    async def clear(self, ns: str) -> None:
        space = self._space(ns)
        # A fresh TTLCache rather than .clear(): clearing pops item by item, which would count as evictions.
        old = space.entries
        space.entries = _Entries(space.config.maxsize, space.config.ttl, self._clock)
        space.entries.evictions = old.evictions
        space.entries.expirations = old.expirations

    def stats(self) -> dict[str, CacheStats]:
        out = {}
        for name, space in self._spaces.items():
            space.entries.expire()
            out[name] = CacheStats(
                hits=space.hits, misses=space.misses, evictions=space.entries.evictions, size=len(space.entries)
            )
        return out


def base_scope(source: str, base_url: str) -> str:
    """'lastfm', 'HTTPS://WS.Audioscrobbler.com:443/2.0/' -> 'lastfm@ws.audioscrobbler.com/2.0'."""
    parts = urlsplit(base_url.strip())
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    if parts.port is not None and parts.port != default_port:
        host = f"{host}:{parts.port}"
    return f"{source.strip().lower()}@{host}{parts.path.rstrip('/')}"


def normalize_query(text: str) -> str:
    """One form for equivalent free text: ' The  Beatles!' and 'the beatles' give 'the beatles'."""
    return normalize_name(text)


_MAX_KEY = 200


def cache_key(
    source: str, base_url: str, operation: str, *parts: str, **params: str | int | float | bool | None
) -> str:
    """A cache key for one source call, scoped by source and base URL so a test server never shares entries.

    Names and free text are normalized (case, accents, punctuation, whitespace); params are sorted and None
    dropped, so argument order does not matter. Never pass secrets (API keys) here: keys land in Redis.
    Long keys keep a readable head and end in a hash, bounding Redis memory per key.
    """
    fields = [operation.strip().lower(), *(normalize_query(p) for p in parts)]
    for name in sorted(params):
        value = params[name]
        if value is None:
            continue
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, int | float):
            text = format(value, "g")
        else:
            text = normalize_query(value)
        fields.append(f"{name}={text}")
    body = "|".join(fields)
    key = f"{base_scope(source, base_url)}|{body}"
    if len(key) > _MAX_KEY:
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
        key = f"{key[: _MAX_KEY - 40]}#{digest}"
    return key


def keep_newest(memory: OrderedDict[K, T], key: K, value: T, size: int) -> None:
    """Remember `value` under `key` as the newest entry of a bounded in-process memory, forgetting the oldest past
    `size`: the bot's per-member memories (hints, languages, recent answers) share this one bound."""
    memory[key] = value
    memory.move_to_end(key)
    while len(memory) > size:
        memory.popitem(last=False)
