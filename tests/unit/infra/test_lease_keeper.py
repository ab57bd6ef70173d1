"""The lease keeper: takes the lease on entry, renews it, hands it over on exit, and survives a failing backend."""

from __future__ import annotations

import asyncio
import logging

import pytest

from segue.infra.lease import LeaseKeeper, LocalLeases
from segue.infra.metrics import MetricsRegistry

EVERY = 0.02


async def test_one_keeper_holds_and_the_other_takes_over_when_it_leaves() -> None:
    board = LocalLeases()
    metrics = MetricsRegistry()
    first = LeaseKeeper(board.lease("jobs", ttl=10 * EVERY), renew_every=EVERY, metrics=metrics)
    second = LeaseKeeper(board.lease("jobs", ttl=10 * EVERY), renew_every=EVERY)
    async with second:
        async with first:
            pass  # second entered first: it holds the lease, first never does
        assert second.held
        assert first.acquired == 0
        assert metrics.value("segue_lease_held", lease="jobs") == 0.0
    assert not second.held  # released on exit
    async with first:
        assert first.held  # tried at once on entry, not after a round
        await first.wait_held()
        assert metrics.value("segue_lease_held", lease="jobs") == 1.0
        assert metrics.value("segue_lease_acquired_total", lease="jobs") == 1.0


async def test_a_waiting_keeper_wakes_when_the_holder_releases() -> None:
    board = LocalLeases()
    holder = LeaseKeeper(board.lease("jobs", ttl=3600), renew_every=EVERY)
    waiter = LeaseKeeper(board.lease("jobs", ttl=3600), renew_every=EVERY)
    async with holder, waiter:
        waiting = asyncio.create_task(waiter.wait_held())
        await asyncio.sleep(5 * EVERY)
        assert not waiting.done()
        await holder.__aexit__(None, None, None)  # a graceful shutdown hands over without waiting for the TTL
        await asyncio.wait_for(waiting, timeout=5.0)
        assert waiter.held
        assert waiter.acquired == 1


class FlakyLease:
    """A backend that fails once, then works."""

    name = "jobs"
    holder = "me"
    backend = "flaky"

    def __init__(self) -> None:
        self.calls = 0
        self.held = False

    async def acquire(self) -> bool:
        self.calls += 1
        if self.calls == 1:
            raise OSError("connection refused")
        self.held = True
        return True

    async def release(self) -> None:
        self.held = False


async def test_a_failing_backend_is_logged_and_tried_again(caplog: pytest.LogCaptureFixture) -> None:
    lease = FlakyLease()
    with caplog.at_level(logging.INFO, logger="segue.infra.lease"):
        async with LeaseKeeper(lease, renew_every=EVERY) as keeper:
            assert not keeper.held
            await asyncio.wait_for(keeper.wait_held(), timeout=5.0)
    assert lease.calls >= 2
    messages = [r.getMessage() for r in caplog.records]
    assert any("could not reach the flaky backend" in m for m in messages)
    assert any("lease jobs acquired" in m for m in messages)
    assert not lease.held
