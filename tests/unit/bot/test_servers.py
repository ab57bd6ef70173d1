"""The per-process cache of server settings, and the gate applying a server's own rate limits."""

from __future__ import annotations

from typing import Any

from segue.bot.gate import RequestGate
from segue.bot.servers import DEFAULTS, ServerSettings
from segue.infra.clock import ManualClock
from segue.infra.ratelimit import MemoryRateLimiter, RequestRateLimit, Rule
from segue.state import MemoryStateStore
from segue.state.records import GuildSettings
from support.bot import ScriptedLimiter


class CountingStore(MemoryStateStore):
    """Counts settings reads; `broken` makes them fail like an unreachable database."""

    def __init__(self) -> None:
        super().__init__()
        self.reads = 0
        self.broken = False

    async def guild_settings(self, guild_id: str) -> GuildSettings:
        self.reads += 1
        if self.broken:
            raise ConnectionError("database away")
        return await super().guild_settings(guild_id)


async def test_reads_are_cached_for_the_ttl_and_a_change_here_shows_at_once() -> None:
    store, clock = CountingStore(), ManualClock()
    servers = ServerSettings(store, ttl=30.0, clock=clock)
    assert await servers.get(None) is DEFAULTS
    for _ in range(5):
        assert (await servers.get(42)).default_count is None
    assert store.reads == 1
    await servers.change(42, "default_count", 7, by=1)
    reads = store.reads
    assert (await servers.get("42")).default_count == 7  # this process: at once, no read
    assert store.reads == reads
    await store.change_setting("42", "default_count", 3, "2")  # another shard changes it
    assert (await servers.get(42)).default_count == 7
    clock.advance(31.0)
    reads = store.reads
    assert (await servers.get(42)).default_count == 3
    assert store.reads == reads + 1
    assert [e.new for e in await store.settings_audit("42")] == ["3", "7"]


async def test_an_unreadable_store_means_defaults_not_failures() -> None:
    store, clock = CountingStore(), ManualClock()
    servers = ServerSettings(store, ttl=30.0, clock=clock)
    await servers.change(1, "disabled_commands", ["blend"], by=9)
    store.broken = True
    clock.advance(31.0)
    assert await servers.disabled(1, "blend")  # the last known settings hold while the store is away
    assert await servers.get(2) == GuildSettings("2")
    assert not await servers.disabled(None, "blend")
    assert await servers.count(2, None) is None
    assert await servers.count(1, 4) == 4


async def test_the_cache_is_bounded() -> None:
    servers = ServerSettings(MemoryStateStore(), cached_max=3)
    for guild in range(10):
        await servers.get(guild)
    assert len(servers._cache) == 3


def policy(clock: ManualClock) -> RequestRateLimit:
    return RequestRateLimit(
        MemoryRateLimiter(clock=clock),
        user=[Rule("user_minute", 5, 60.0, "window", "user")],
        guild=[Rule("guild_minute", 100, 60.0, "window", "guild")],
    )


async def test_the_gate_applies_a_servers_limits_once_it_follows_settings() -> None:
    clock = ManualClock()
    store = MemoryStateStore()
    gate = RequestGate(policy(clock), clock=clock)
    servers = ServerSettings(store, clock=clock)
    await servers.change("strict", "user_per_minute", 2, by=1)
    before: list[Any] = [(await gate.admit("u", "strict")).allowed for _ in range(3)]
    assert before == [True, True, True]  # not following settings yet: the default five
    gate.servers = servers
    assert [(await gate.admit("v", "strict")).allowed for _ in range(3)] == [True, True, False]
    assert [(await gate.admit("v", "other")).allowed for _ in range(5)] == [True] * 5
    assert await gate.headroom("w", "strict") == 2
    # A limiter that takes no overrides (a test's) keeps its own rules.
    scripted = RequestGate(ScriptedLimiter(budget=4), clock=clock)
    scripted.servers = servers
    assert [(await scripted.admit("u", "strict")).allowed for _ in range(5)] == [True] * 4 + [False]
