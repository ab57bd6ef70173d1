"""Redis as an optional, never-slow dependency: a tightly configured client and a breaker-guarded runner.

redis-py's defaults (5 s timeouts, three retries with back-off) let a stalled server hold a handler for tens of
seconds. Here connect and command timeouts are `SEGUE_REDIS_TIMEOUT` (0.25 s) with one immediate retry, so a
dead server costs at most ~0.5 s per call until the breaker opens; after that no command is even tried until
the half-open probe, and callers use their in-process fallback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import TYPE_CHECKING, Final, TypeVar

from segue.infra.breaker import BreakerConfig, BreakerState, CircuitBreaker
from segue.infra.clock import Clock

if TYPE_CHECKING:  # redis-py loads with the first client: without SEGUE_REDIS_URL nothing pays its ~50 ms import
    import redis.asyncio as aioredis

    from segue.infra.metrics import CounterChild, GaugeChild, MetricsRegistry

log = logging.getLogger(__name__)

T = TypeVar("T")

KEY_PREFIX: Final = "segue:"
"""Every key Segue writes starts with this, so one Redis can be shared with other applications."""


class Unavailable(Enum):
    """Returned instead of a result when Redis could not be used; callers fall back."""

    UNAVAILABLE = "unavailable"


UNAVAILABLE: Final = Unavailable.UNAVAILABLE


def make_redis_client(url: str, *, timeout: float = 0.25) -> aioredis.Redis:
    """A client with timeouts fit for a request handler: `timeout` to connect and per command, one retry."""
    import redis.asyncio as aioredis
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff

    return aioredis.Redis.from_url(
        url,
        socket_timeout=timeout,
        socket_connect_timeout=timeout,
        retry=Retry(NoBackoff(), 1),
        health_check_interval=0,
        decode_responses=False,
    )


class RedisGuard:
    """Runs Redis operations behind a circuit breaker and a hard time limit; never raises, never hangs."""

    def __init__(
        self,
        client: aioredis.Redis,
        *,
        component: str,
        timeout: float = 0.25,
        breaker: BreakerConfig | None = None,
        clock: Clock | None = None,
        metrics: MetricsRegistry | None = None,
    ) -> None:
        self.client = client
        self.component = component
        # Socket timeout x (1 try + 1 retry) plus slack: the outer limit only bites if redis-py itself stalls
        # (e.g. waiting on a pool), so a handler never waits longer than this on Redis.
        self.limit = timeout * 2 + 0.1
        self._errors: CounterChild | None = None
        self._bypassed: CounterChild | None = None
        state_gauge: GaugeChild | None = None
        if metrics is not None:
            self._errors = metrics.counter(
                "segue_redis_errors_total", "Redis operations that failed", ["component"]
            ).labels(component)
            self._bypassed = metrics.counter(
                "segue_redis_bypassed_total", "Redis operations skipped because the breaker was open", ["component"]
            ).labels(component)
            state_gauge = metrics.gauge(
                "segue_redis_breaker_state", "Redis breaker: 0 closed, 1 half-open, 2 open", ["component"]
            ).labels(component)
            state_gauge.set(0.0)
        self._state_gauge = state_gauge
        kwargs = {"clock": clock} if clock is not None else {}
        self.breaker = CircuitBreaker(
            f"redis:{component}", breaker or BreakerConfig(3, 5.0), on_change=self._changed, **kwargs
        )
        self.errors = 0
        """Operations that failed (connection, timeout or server error)."""
        self.bypassed = 0
        """Operations not attempted because the breaker was open."""
        self.attempts = 0
        """Operations actually sent to Redis."""

    def _changed(self, name: str, state: BreakerState) -> None:
        if self._state_gauge is not None:
            self._state_gauge.set(state.gauge_value)
        if state is BreakerState.OPEN:
            log.warning("Redis unavailable for %s: falling back to in-process state", self.component)
        elif state is BreakerState.CLOSED:
            log.info("Redis back for %s: shared state restored", self.component)

    @property
    def healthy(self) -> bool:
        """True while the breaker is closed (shared mode)."""
        return self.breaker.state is BreakerState.CLOSED

    async def reachable(self) -> bool:
        """Whether Redis answers a PING now (through the breaker, so a dead server is not waited on twice)."""
        return await self.run(self.client.ping) is not UNAVAILABLE and self.healthy

    async def run(self, operation: Callable[[], Awaitable[T]]) -> T | Unavailable:
        """Run one operation, or return UNAVAILABLE at once when the breaker is open or the call fails."""
        from redis.exceptions import ConnectionError as RedisConnectionError
        from redis.exceptions import RedisError, ResponseError
        from redis.exceptions import TimeoutError as RedisTimeoutError

        if not self.breaker.allow():
            self.bypassed += 1
            if self._bypassed is not None:
                self._bypassed.inc()
            return UNAVAILABLE
        self.attempts += 1
        try:
            async with asyncio.timeout(self.limit):
                result = await operation()
        except asyncio.CancelledError:
            self.breaker.release()  # the caller went away: if this was the probe, another may go
            raise
        except ResponseError:
            # The server answered, so it is healthy; the command itself is wrong. Loud, but no fallback storm.
            log.exception("Redis rejected a %s command", self.component)
            self.breaker.record_success()
            self._count_error()
            return UNAVAILABLE
        except (RedisConnectionError, RedisTimeoutError, RedisError, OSError, TimeoutError) as exc:
            log.debug("Redis %s operation failed: %r", self.component, exc)
            self.breaker.record_failure()
            self._count_error()
            return UNAVAILABLE
        self.breaker.record_success()
        return result

    def _count_error(self) -> None:
        self.errors += 1
        if self._errors is not None:
            self._errors.inc()


def escape_glob(text: str) -> str:
    """Escape Redis MATCH pattern characters so a prefix is matched literally."""
    return "".join("\\" + ch if ch in "*?[]\\" else ch for ch in text)
