"""A circuit breaker: stop calling a dependency that keeps failing, and probe it once in a while.

Used per HTTP host and for Redis. Closed counts consecutive failures; at the threshold it opens and every call
is refused without being attempted (callers fail fast or fall back). After the cool-down one caller gets the
single half-open probe: success closes the breaker, failure re-opens it for another cool-down. A probe whose
holder never reports back (a cancelled task) expires after one cool-down, so the breaker can never wedge.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from segue.infra.clock import Clock


class BreakerState(StrEnum):
    """Where the breaker stands; `gauge_value` is what the metrics gauge shows."""

    CLOSED = "closed"
    HALF_OPEN = "half_open"
    OPEN = "open"

    @property
    def gauge_value(self) -> float:
        """0 closed, 1 half-open, 2 open."""
        return {"closed": 0.0, "half_open": 1.0, "open": 2.0}[self.value]


@dataclass(frozen=True, slots=True)
class BreakerConfig:
    """Thresholds: open after `failure_threshold` consecutive failures, probe again after `cooldown` seconds."""

    failure_threshold: int = 5
    cooldown: float = 30.0

    def __post_init__(self) -> None:
        if self.failure_threshold < 1 or self.cooldown <= 0:
            raise ValueError("failure_threshold must be >= 1 and cooldown > 0")


StateListener = Callable[[str, BreakerState], None]


class CircuitBreaker:
    """One breaker guarding one dependency; not thread-safe (one event loop)."""

    def __init__(
        self,
        name: str,
        config: BreakerConfig | None = None,
        *,
        clock: Clock = time.monotonic,
        on_change: StateListener | None = None,
    ) -> None:
        self.name = name
        self.config = config or BreakerConfig()
        self._clock = clock
        self._on_change = on_change
        self._state = BreakerState.CLOSED
        self._failures = 0
        self._opened_at = 0.0
        self._probe_started: float | None = None
        self.opened_count = 0
        """How many times the breaker has opened (for tests and health)."""

    @property
    def state(self) -> BreakerState:
        """Current state; an open breaker whose cool-down has passed reports half-open (a probe may go)."""
        if self._state is BreakerState.OPEN and self._clock() - self._opened_at >= self.config.cooldown:
            return BreakerState.HALF_OPEN
        return self._state

    @property
    def failures(self) -> int:
        """Consecutive failures counted while closed."""
        return self._failures

    def _set(self, state: BreakerState) -> None:
        if state is not self._state:
            self._state = state
            if self._on_change is not None:
                self._on_change(self.name, state)

    def retry_after(self) -> float:
        """Seconds until a call may be attempted again (0 when one may go now)."""
        now = self._clock()
        if self._state is BreakerState.OPEN:
            return max(0.0, self._opened_at + self.config.cooldown - now)
        if self._state is BreakerState.HALF_OPEN and self._probe_started is not None:
            return max(0.0, self._probe_started + self.config.cooldown - now)
        return 0.0

    def is_open(self) -> bool:
        """Would a call be refused right now? Asks without taking the probe."""
        return self.retry_after() > 0.0

    def allow(self) -> bool:
        """Ask to make one call. True means go (and report the outcome); in half-open only the probe goes."""
        state = self._state
        if state is BreakerState.CLOSED:
            return True
        now = self._clock()
        if state is BreakerState.OPEN:
            if now - self._opened_at < self.config.cooldown:
                return False
            self._set(BreakerState.HALF_OPEN)
            self._probe_started = now
            return True
        # Half-open: one probe at a time; a probe lost by its caller lapses after one cool-down.
        if self._probe_started is None or now - self._probe_started >= self.config.cooldown:
            self._probe_started = now
            return True
        return False

    def record_success(self) -> None:
        """The call worked (or the dependency answered at all): close and reset."""
        if self._state is BreakerState.OPEN:
            return  # a straggler that started before the breaker opened proves little; wait for the probe
        self._failures = 0
        self._probe_started = None
        self._set(BreakerState.CLOSED)

    def record_failure(self) -> None:
        """The call failed in a way that says the dependency is unhealthy."""
        if self._state is BreakerState.HALF_OPEN:
            self._open()
            return
        if self._state is BreakerState.OPEN:
            return  # a straggler from before the breaker opened; the cool-down already runs
        self._failures += 1
        if self._failures >= self.config.failure_threshold:
            self._open()

    def release(self) -> None:
        """The permitted call was not made after all (cancelled, or its budget ran out): free the probe."""
        if self._state is BreakerState.HALF_OPEN:
            self._probe_started = None

    def _open(self) -> None:
        self._opened_at = self._clock()
        self._probe_started = None
        self._failures = 0
        self.opened_count += 1
        self._set(BreakerState.OPEN)
