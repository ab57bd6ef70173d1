"""The circuit breaker: closed -> open -> half-open (one probe) -> closed or open again, on a manual clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segue.infra.breaker import BreakerConfig, BreakerState, CircuitBreaker
from segue.infra.clock import ManualClock


def make(threshold: int = 3, cooldown: float = 10.0) -> tuple[CircuitBreaker, ManualClock, list[BreakerState]]:
    clock = ManualClock()
    changes: list[BreakerState] = []
    breaker = CircuitBreaker(
        "host", BreakerConfig(threshold, cooldown), clock=clock, on_change=lambda _n, s: changes.append(s)
    )
    return breaker, clock, changes


def fail(breaker: CircuitBreaker, times: int) -> None:
    for _ in range(times):
        assert breaker.allow()
        breaker.record_failure()


def test_opens_after_threshold_consecutive_failures() -> None:
    breaker, _, changes = make(threshold=3)
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED
    fail(breaker, 1)
    assert breaker.state is BreakerState.OPEN
    assert not breaker.allow()
    assert breaker.is_open()
    assert changes == [BreakerState.OPEN]


def test_success_resets_the_failure_count() -> None:
    breaker, _, _ = make(threshold=3)
    fail(breaker, 2)
    breaker.record_success()
    fail(breaker, 2)
    assert breaker.state is BreakerState.CLOSED
    assert breaker.failures == 2


def test_half_open_after_cooldown_lets_exactly_one_probe() -> None:
    breaker, clock, _ = make(threshold=1, cooldown=10.0)
    fail(breaker, 1)
    clock.advance(9.9)
    assert not breaker.allow()
    assert breaker.retry_after() == pytest.approx(0.1)
    clock.advance(0.1)
    assert breaker.state is BreakerState.HALF_OPEN
    assert breaker.allow()  # the probe
    assert not breaker.allow()  # everyone else waits for its verdict
    assert not breaker.allow()


def test_probe_success_closes() -> None:
    breaker, clock, changes = make(threshold=1, cooldown=5.0)
    fail(breaker, 1)
    clock.advance(5.0)
    assert breaker.allow()
    breaker.record_success()
    assert breaker.state is BreakerState.CLOSED
    assert breaker.allow()
    assert breaker.allow()
    assert changes == [BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED]


def test_probe_failure_reopens_for_a_full_cooldown() -> None:
    breaker, clock, _ = make(threshold=1, cooldown=5.0)
    fail(breaker, 1)
    clock.advance(5.0)
    assert breaker.allow()
    breaker.record_failure()
    assert breaker.state is BreakerState.OPEN
    assert breaker.opened_count == 2
    clock.advance(4.9)
    assert not breaker.allow()
    clock.advance(0.1)
    assert breaker.allow()


def test_released_probe_frees_the_slot_and_a_lost_probe_lapses() -> None:
    breaker, clock, _ = make(threshold=1, cooldown=5.0)
    fail(breaker, 1)
    clock.advance(5.0)
    assert breaker.allow()
    breaker.release()  # e.g. the caller was cancelled before sending
    assert breaker.allow()
    # This probe's holder never reports back: after one more cool-down another probe may go.
    assert not breaker.allow()
    clock.advance(5.0)
    assert breaker.allow()


def test_stragglers_do_not_move_an_open_breaker() -> None:
    breaker, clock, _ = make(threshold=1, cooldown=5.0)
    fail(breaker, 1)
    breaker.record_success()  # a call that started before the breaker opened
    assert breaker.state is BreakerState.OPEN
    clock.advance(2.0)
    breaker.record_failure()
    clock.advance(3.0)
    assert breaker.allow()  # the cool-down was not restarted by the straggler


def test_invalid_config_is_rejected() -> None:
    with pytest.raises(ValueError, match="failure_threshold"):
        BreakerConfig(0, 1.0)


@given(st.lists(st.sampled_from(["allow", "ok", "fail", "release", "tick"]), max_size=60))
def test_never_a_second_probe_while_one_is_out(ops: list[str]) -> None:
    breaker, clock, _ = make(threshold=2, cooldown=3.0)
    probe_since: float | None = None  # when the unreported probe was granted
    for op in ops:
        if op == "tick":
            clock.advance(1.0)
        elif op == "allow":
            probing = breaker.state is not BreakerState.CLOSED
            if breaker.allow() and probing:
                if probe_since is not None:
                    assert clock.now - probe_since >= 3.0, "second probe before the first lapsed"
                probe_since = clock.now
        else:
            probe_since = None
            {"ok": breaker.record_success, "fail": breaker.record_failure, "release": breaker.release}[op]()
    if breaker.state is BreakerState.OPEN:
        assert not breaker.allow()
