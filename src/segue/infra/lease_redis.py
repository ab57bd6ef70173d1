"""The Redis lease: `SET NX PX` to take it, a token-checked `PEXPIRE` to renew it, a token-checked `DEL` to free it.

Both checks run as Lua scripts, so a holder whose lease expired and was taken by another process can neither renew
nor delete the new holder's lease. Commands go through a `RedisGuard` (short timeouts, a breaker): when Redis is
away the holder keeps the lease only until its own deadline, then stops its singleton jobs like everyone else.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from segue.errors import ConfigError
from segue.infra.breaker import BreakerConfig
from segue.infra.clock import Clock
from segue.infra.lease import holder_id
from segue.infra.metrics import MetricsRegistry
from segue.infra.redis_client import KEY_PREFIX, UNAVAILABLE, RedisGuard

if TYPE_CHECKING:  # redis-py (~35 ms to import) only when a Redis URL is set: the client comes in built
    import redis.asyncio as aioredis

    from segue.config import Settings

# KEYS[1] the lease; ARGV[1] the holder's token, ARGV[2] the TTL in ms. 1 when the caller holds it afterwards.
ACQUIRE_SCRIPT = """
local owner = redis.call('GET', KEYS[1])
if owner == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if owner == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
"""

RELEASE_SCRIPT = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


class RedisLease:
    """A lease under `segue:lease:<name>` whose value is the holder's token and which expires in Redis itself."""

    backend = "redis"

    def __init__(
        self,
        guard: RedisGuard,
        name: str,
        *,
        ttl: float,
        holder: str | None = None,
        clock: Clock = time.monotonic,
        prefix: str = KEY_PREFIX + "lease:",
    ) -> None:
        if not prefix.startswith(KEY_PREFIX):
            raise ConfigError(f"Redis keys must start with {KEY_PREFIX!r}, got prefix {prefix!r}")
        self.guard = guard
        self.name = name
        self.key = prefix + name
        self.ttl = ttl
        self.holder = holder or holder_id()
        self.clock = clock
        self._acquire = guard.client.register_script(ACQUIRE_SCRIPT)
        self._release = guard.client.register_script(RELEASE_SCRIPT)
        self._until = 0.0

    @classmethod
    def from_settings(
        cls, settings: Settings, redis: aioredis.Redis, *, metrics: MetricsRegistry | None = None
    ) -> RedisLease:
        guard = RedisGuard(
            redis,
            component="lease",
            timeout=settings.redis_timeout,
            breaker=BreakerConfig(settings.redis_breaker_failures, settings.redis_breaker_cooldown),
            metrics=metrics,
        )
        return cls(guard, settings.lease_name, ttl=settings.lease_ttl)

    @property
    def held(self) -> bool:
        return self._until > self.clock()

    async def acquire(self) -> bool:
        started = self.clock()  # counted from before asking: never later than Redis's own expiry

        async def run() -> Any:
            return await self._acquire(keys=[self.key], args=[self.holder, max(1, int(self.ttl * 1000))])

        result = await self.guard.run(run)
        if result is UNAVAILABLE:
            return self.held  # unknown: keep what is left of the last confirmed term, no more
        self._until = started + self.ttl if int(result) == 1 else 0.0
        return self.held

    async def release(self) -> None:
        self._until = 0.0

        async def run() -> Any:
            return await self._release(keys=[self.key], args=[self.holder])

        await self.guard.run(run)


__all__ = ["RedisLease"]
