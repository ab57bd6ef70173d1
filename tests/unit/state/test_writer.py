"""The batched writer: order kept, batches formed, failures retried without loss, the bound counted when hit."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from segue.infra.metrics import MetricsRegistry
from segue.state.writer import BatchWriter


class FlakyDatabase:
    """Commits batches; the first `fail` attempts raise, like a database that is restarting."""

    def __init__(self, fail: int = 0) -> None:
        self.fail = fail
        self.batches: list[list[int]] = []
        self.attempts = 0

    async def commit(self, ops: Sequence[int]) -> None:
        self.attempts += 1
        if self.attempts <= self.fail:
            raise ConnectionError("database restarting")
        self.batches.append(list(ops))


async def test_everything_is_committed_in_order_and_in_batches() -> None:
    db = FlakyDatabase()
    writer: BatchWriter[int] = BatchWriter(db.commit, batch_size=100, window=0.01)
    for i in range(250):
        assert writer.submit(i)
    assert writer.pending() == list(range(250))
    assert await writer.flush(within=5)
    assert [op for batch in db.batches for op in batch] == list(range(250))
    assert len(db.batches) == 3
    assert writer.written == 250
    assert writer.pending() == []
    await writer.close()


async def test_failures_are_retried_with_nothing_lost() -> None:
    db = FlakyDatabase(fail=3)
    registry = MetricsRegistry()
    writer: BatchWriter[int] = BatchWriter(db.commit, window=0.0, backoff=(0.001, 0.004), metrics=registry)
    for i in range(10):
        writer.submit(i)
    await asyncio.sleep(0)
    assert await writer.flush(within=5)
    assert [op for batch in db.batches for op in batch] == list(range(10))
    assert writer.failures == 3
    assert writer.dropped == 0
    assert writer.healthy
    text = registry.render_prometheus()
    assert 'segue_state_write_failures_total{store="state"} 3' in text
    assert 'segue_state_writes_total{store="state"} 10' in text
    await writer.close()


async def test_past_the_bound_writes_are_dropped_counted_and_exported() -> None:
    db = FlakyDatabase(fail=10**9)  # down for good
    registry = MetricsRegistry()
    writer: BatchWriter[int] = BatchWriter(
        db.commit, window=0.0, max_pending=5, backoff=(0.001, 0.001), metrics=registry
    )
    accepted = [writer.submit(i) for i in range(8)]
    assert accepted == [True] * 5 + [False] * 3
    assert writer.dropped == 3
    assert 'segue_state_dropped_total{store="state"} 3' in registry.render_prometheus()
    assert not await writer.flush(within=0.05)
    assert not await writer.close(within=0.05)  # what could not be written is reported, not hidden


async def test_flush_with_nothing_pending_returns_at_once() -> None:
    writer: BatchWriter[int] = BatchWriter(FlakyDatabase().commit)
    assert await writer.flush(within=0)
    await writer.close()


async def test_a_settled_batch_leaves_pending_and_is_not_committed_again_when_what_follows_fails() -> None:
    commits: list[list[int]] = []
    seen_after_settle: list[list[int]] = []

    async def commit(ops: Sequence[int]) -> None:
        commits.append(list(ops))
        writer.settled()  # the COMMIT went through
        seen_after_settle.append(writer.pending())
        raise ConnectionError("lost while closing the connection")

    writer: BatchWriter[int] = BatchWriter(commit, window=0.0, backoff=(0.001, 0.004))
    writer.submit(1)
    writer.submit(2)
    assert await writer.flush(within=5)
    assert commits == [[1, 2]]  # written once, not retried
    assert seen_after_settle == [[]]
    assert writer.written == 2
    assert writer.failures == 0
    assert writer.healthy
    await writer.close()
