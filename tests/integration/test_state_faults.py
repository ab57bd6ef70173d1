"""The state store through database outages, on a private PostgreSQL cluster (initdb/pg_ctl on its own port).

The machine's shared server is never stopped: each test makes its own cluster in a temporary directory.
Targets from the storage issue: 0 writes dropped across a restart mid-run and a database that is down at start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from segue.domain import Feedback
from segue.state import SqlStateStore, make_engine
from segue.state import tables as t
from support.ci import require
from support.servers import PrivatePostgres, postgres_available

pytestmark = pytest.mark.postgres


@pytest.fixture
def private_postgres() -> Iterator[PrivatePostgres]:
    require(postgres_available(), "PostgreSQL server binaries and runuser")
    # Outside pytest's tmp_path: the server runs as the postgres user, who cannot enter root's 0700 directories.
    server = PrivatePostgres()
    server.create()
    try:
        yield server
    finally:
        server.destroy()


async def _feedback_rows(store: SqlStateStore) -> int:
    async with store.engine.connect() as conn:
        return int(await conn.scalar(select(func.count()).select_from(t.feedback)) or 0)


async def test_a_database_restart_mid_run_loses_nothing(private_postgres: PrivatePostgres) -> None:
    private_postgres.start()
    store = SqlStateStore(make_engine(private_postgres.async_url), window=0.01, batch_size=50, read_timeout=0.5)
    store.writer.backoff = (0.05, 0.2)
    await store.ensure_schema()
    try:
        for i in range(600):
            await store.apply_feedback(Feedback(f"u{i % 20}", "like", track_id=f"t{i}"))
            if i == 200:
                await store.flush()
                private_postgres.stop()  # down while writes keep coming; reads fall back, nobody waits
            if i == 400:
                assert not store.healthy
                assert (await store.profile("u0")).liked_tracks  # the user still sees their own likes
                private_postgres.start()
            await asyncio.sleep(0)
        await store.flush()
        assert store.writer.dropped == 0
        assert store.writer.failures > 0  # the outage was really seen
        assert await _feedback_rows(store) == 600
        assert len((await store.profile("u3")).liked_tracks) == 30
        assert store.healthy
    finally:
        await store.close()


async def test_a_database_down_at_start_is_migrated_and_caught_up_when_it_returns(
    private_postgres: PrivatePostgres,
) -> None:
    store = SqlStateStore(make_engine(private_postgres.async_url), window=0.01, read_timeout=0.5, migrate_first=True)
    store.writer.backoff = (0.05, 0.2)
    try:
        with pytest.raises(OSError, match=r"[Cc]onnect"):
            await store.ensure_schema()
        profile = await store.apply_feedback(Feedback("alice", "dislike", track_id="t9"))
        assert profile.disliked_tracks == ("t9",)  # answered from this process while the database is away
        await store.record_answer("alice", ["t1", "t2"])
        assert not await store.writer.flush(within=0.3)
        private_postgres.start()
        assert await store.writer.flush(within=30)
        assert store.writer.dropped == 0
        fresh = SqlStateStore(make_engine(private_postgres.async_url))
        try:
            seen = await fresh.profile("alice")
            assert seen.disliked_tracks == ("t9",)
            assert seen.history == ("t1", "t2")
        finally:
            await fresh.close()
    finally:
        await store.close()
