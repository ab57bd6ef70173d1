"""The shared rate limiter: one atomic Lua script per check in Redis, so every shard sees the same counts.

The script runs the same two algorithms as `MemoryRateLimiter` (GCRA, sliding-window counter) over all the
rules of a check at once, with Redis's own clock (shards' clocks may disagree; Redis's is one). It is sent by
EVALSHA; redis-py loads it on NOSCRIPT (after a restart or SCRIPT FLUSH). When Redis is down or slow the
guard's breaker opens and checks go to the in-process fallback with the same rules, per shard, until a
half-open probe succeeds. During an outage each shard therefore allows up to the full limit on its own.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from segue.errors import ConfigError
from segue.infra.breaker import BreakerConfig
from segue.infra.clock import Clock
from segue.infra.metrics import MetricsRegistry
from segue.infra.ratelimit import ALLOW_ALL, Decision, MemoryRateLimiter, RateLimiter, RequestRateLimit, Rule
from segue.infra.redis_client import KEY_PREFIX, UNAVAILABLE, RedisGuard

if TYPE_CHECKING:  # redis-py (~50 ms to import) only when a Redis URL is set: the client comes in built
    import redis.asyncio as aioredis

    from segue.config import Settings

# KEYS: one per (rule, key). ARGV[1] = cost, then per key: algorithm (0 gcra, 1 window), limit, period in ms.
# Returns {allowed, retry_after_ms, remaining, index of the deciding rule (1-based)}.
CHECK_SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local cost = tonumber(ARGV[1])
local allowed = 1
local retry, remaining, decider = 0, 2147483647, 0
local writes = {}
for i = 1, #KEYS do
  local algo = tonumber(ARGV[3 * i - 1])
  local limit = tonumber(ARGV[3 * i])
  local period = tonumber(ARGV[3 * i + 1])
  local ok, r, left
  if algo == 0 then
    local interval = period / limit
    local tat = tonumber(redis.call('GET', KEYS[i]) or now) or now
    if tat < now then tat = now end
    local new_tat = tat + cost * interval
    local allowed_at = new_tat - period
    if allowed_at <= now + 1e-6 then
      ok, r = true, 0
      left = math.floor((period - (new_tat - now)) / interval + 1e-9)
      writes[i] = {0, new_tat, math.ceil(new_tat - now)}
    else
      ok = false
      left = math.max(0, math.floor((period - (tat - now)) / interval + 1e-9))
      if cost <= limit then r = allowed_at - now else r = period end
    end
  else
    local index = math.floor(now / period)
    local st = redis.call('HMGET', KEYS[i], 'w', 'p', 'c')
    local w = tonumber(st[1])
    local prev, curr = 0, 0
    if w == index then
      prev, curr = tonumber(st[2]) or 0, tonumber(st[3]) or 0
    elseif w == index - 1 then
      prev = tonumber(st[3]) or 0
    end
    local elapsed = (now - index * period) / period
    local estimate = prev * (1 - elapsed) + curr
    if estimate + cost <= limit + 1e-9 then
      ok, r = true, 0
      left = math.max(0, math.floor(limit - estimate - cost + 1e-9))
      writes[i] = {1, index, prev, curr + cost, math.ceil((index + 2) * period - now)}
    else
      ok = false
      left = math.max(0, math.floor(limit - estimate + 1e-9))
      if cost > limit then
        r = period
      elseif curr + cost > limit then
        r = (index + 1) * period - now + (1 - (limit - cost) / curr) * period
      else
        r = ((1 - (limit - cost - curr) / prev) - elapsed) * period
      end
      if r < 1 then r = 1 end
    end
  end
  if not ok then
    if allowed == 1 or r > retry then
      retry, remaining, decider = r, left, i
    end
    allowed = 0
  elseif allowed == 1 and left < remaining then
    remaining, decider = left, i
  end
end
if allowed == 1 then
  for i, w in pairs(writes) do
    if w[1] == 0 then
      redis.call('SET', KEYS[i], string.format('%.3f', w[2]), 'PX', math.max(1, w[3]))
    else
      redis.call('HSET', KEYS[i], 'w', w[2], 'p', string.format('%.6f', w[3]), 'c', string.format('%.6f', w[4]))
      redis.call('PEXPIRE', KEYS[i], math.max(1, w[5]))
    end
  end
end
return {allowed, math.ceil(retry), remaining, decider}
"""


class RedisRateLimiter(RateLimiter):
    """Shared limiter over Redis with an automatic in-process fallback (same rules) while Redis is away."""

    def __init__(
        self,
        guard: RedisGuard,
        rules: Sequence[Rule] = (),
        *,
        fallback: MemoryRateLimiter | None = None,
        prefix: str = KEY_PREFIX + "rl:",
    ) -> None:
        super().__init__(rules)
        if not prefix.startswith(KEY_PREFIX):
            raise ConfigError(f"Redis keys must start with {KEY_PREFIX!r}, got prefix {prefix!r}")
        self.guard = guard
        self.prefix = prefix
        self.fallback = fallback if fallback is not None else MemoryRateLimiter(rules)
        self._script = guard.client.register_script(CHECK_SCRIPT)
        self.fallbacks = 0
        """Checks answered by the in-process fallback."""

    @property
    def shared(self) -> bool:
        """True while checks go to Redis (breaker closed)."""
        return self.guard.healthy

    async def reachable(self) -> bool:
        """Whether Redis answers now (a PING through the breaker)."""
        return await self.guard.reachable()

    def redis_key(self, rule: Rule, key: str) -> str:
        """Where one rule's state for one key lives."""
        return f"{self.prefix}{rule.name}:{key}"

    async def check_many(self, items: Sequence[tuple[Rule, str]], cost: int = 1) -> Decision:
        if not items:
            return ALLOW_ALL
        if cost < 0:
            raise ValueError("cost must be >= 0")
        keys = [self.redis_key(rule, key) for rule, key in items]
        args: list[Any] = [cost]
        for rule, _ in items:
            args += [0 if rule.algorithm == "gcra" else 1, rule.limit, repr(rule.period * 1000.0)]

        async def run() -> Any:
            return await self._script(keys=keys, args=args)

        result = await self.guard.run(run)
        if result is UNAVAILABLE:
            self.fallbacks += 1
            return await self.fallback.check_many(items, cost)
        allowed, retry_ms, remaining, decider = (int(x) for x in result)
        deciding = items[decider - 1][0] if decider > 0 else None
        return Decision(
            bool(allowed),
            retry_ms / 1000.0 if not allowed else 0.0,
            int(remaining),
            deciding.name if deciding else "",
            deciding.scope if deciding else "",
        )


def build_rate_limit(
    settings: Settings,
    redis: aioredis.Redis | None,
    *,
    metrics: MetricsRegistry | None = None,
    clock: Clock = time.monotonic,
) -> RequestRateLimit:
    """The request policy the composition root wires in: shared through Redis when a client is given."""
    local = MemoryRateLimiter(clock=clock)
    limiter: RateLimiter = local
    if redis is not None:
        guard = RedisGuard(
            redis,
            component="ratelimit",
            timeout=settings.redis_timeout,
            breaker=BreakerConfig(settings.redis_breaker_failures, settings.redis_breaker_cooldown),
            clock=clock,
            metrics=metrics,
        )
        limiter = RedisRateLimiter(guard, fallback=local)
    return RequestRateLimit.from_settings(settings, limiter, metrics=metrics)
