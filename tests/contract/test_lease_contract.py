"""One contract for every `Lease`: in-process (`LocalLeases`), Redis and PostgreSQL run the same tests.

Each test makes several holders of one lease, as several processes would. The local lease runs on a manual clock;
Redis and PostgreSQL on real time with a short TTL. "Dying" is what each backend sees of a killed process: nothing
more from it (local, Redis: no renewals), or its session ending (PostgreSQL: the server terminates the backend).
Redis tests use their own `segue:test:<uuid>:` prefix; PostgreSQL tests a lock key of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass

import pytest
from redis.exceptions import RedisError
from sqlalchemy import text

from segue.infra.clock import ManualClock
from segue.infra.lease import Lease, LocalLeases
from segue.infra.lease_postgres import PostgresLease, asyncpg_url, lock_key
from segue.infra.lease_redis import RedisLease
from segue.infra.redis_client import RedisGuard, make_redis_client
from support.ci import require

REDIS_URL = "redis://127.0.0.1:6379/0"
PG_URL = "postgresql://postgres@127.0.0.1:5432/test"
TTL = 0.4


@dataclass
class Backend:
    kind: str
    make: Callable[[], Lease]
    wait: Callable[[float], Awaitable[None]]
    """Let this many seconds pass (a manual clock jumps; real backends sleep)."""
    kill: Callable[[Lease], Awaitable[None]]
    """What the backend sees when the process holding `lease` is killed."""
    ttl: float = TTL


async def _nothing(lease: Lease) -> None:
    """A killed process simply stops renewing."""


@contextlib.asynccontextmanager
async def open_local() -> AsyncIterator[Backend]:
    clock = ManualClock()
    board = LocalLeases(clock=clock)
    name = f"local-{uuid.uuid4().hex}"

    async def wait(seconds: float) -> None:
        clock.advance(seconds)

    yield Backend("local", lambda: board.lease(name, ttl=TTL), wait, _nothing)


@contextlib.asynccontextmanager
async def open_redis() -> AsyncIterator[Backend]:
    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        await client.ping()
    except (RedisError, OSError) as exc:
        await client.aclose()
        require(False, f"Redis not reachable at {REDIS_URL}: {exc}")
    prefix = f"segue:test:{uuid.uuid4().hex}:lease:"
    guard = RedisGuard(client, component="lease", timeout=2.0)
    try:
        yield Backend("redis", lambda: RedisLease(guard, "jobs", ttl=TTL, prefix=prefix), asyncio.sleep, _nothing)
        assert guard.errors == 0, "a Redis lease command failed during a contract test"
    finally:
        async for key in client.scan_iter(match=prefix + "*", count=100):
            await client.unlink(key)
        await client.aclose()


@contextlib.asynccontextmanager
async def open_postgres() -> AsyncIterator[Backend]:
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    admin = create_async_engine(asyncpg_url(PG_URL), poolclass=NullPool)
    try:
        async with asyncio.timeout(5.0), admin.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:
        await admin.dispose()
        require(False, f"PostgreSQL not reachable at {PG_URL}: {exc!r}")
    name = f"contract-{uuid.uuid4().hex}"
    made: list[PostgresLease] = []
    key = lock_key(name) & 0xFFFFFFFFFFFFFFFF

    def make() -> Lease:
        lease = PostgresLease(create_async_engine(asyncpg_url(PG_URL), poolclass=NullPool), name, ttl=TTL)
        made.append(lease)
        return lease

    async def kill(lease: Lease) -> None:
        # The server ends the holder's session, as it does when a killed process's socket closes.
        async with admin.connect() as conn:
            ended = await conn.scalar(
                text(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND granted AND classid = :high AND objid = :low AND objsubid = 1"
                ),
                {"high": key >> 32, "low": key & 0xFFFFFFFF},
            )
        assert ended == 1, "the holder's session was not found"

    try:
        yield Backend("postgres", make, asyncio.sleep, kill)
    finally:
        for lease in made:
            await lease.release()
        await admin.dispose()


OPENERS = {"local": open_local, "redis": open_redis, "postgres": open_postgres}


@pytest.fixture(
    params=[
        "local",
        pytest.param("redis", marks=pytest.mark.redis),
        pytest.param("postgres", marks=pytest.mark.postgres),
    ]
)
async def backend(request: pytest.FixtureRequest) -> AsyncIterator[Backend]:
    async with OPENERS[request.param]() as opened:
        yield opened


async def test_the_first_taker_holds_it_and_the_others_wait(backend: Backend) -> None:
    first, second = backend.make(), backend.make()
    assert not first.held
    assert await first.acquire()
    assert first.held
    assert not await second.acquire()
    assert not second.held
    assert await first.acquire(), "the holder renews its own lease"
    assert first.holder != second.holder
    assert first.backend == second.backend == backend.kind


async def test_renewals_keep_it_past_its_ttl(backend: Backend) -> None:
    holder, other = backend.make(), backend.make()
    assert await holder.acquire()
    for _ in range(3):
        await backend.wait(backend.ttl / 2)
        assert await holder.acquire()
        assert not await other.acquire()
    assert holder.held


async def test_release_hands_it_over_at_once(backend: Backend) -> None:
    first, second = backend.make(), backend.make()
    assert await first.acquire()
    await first.release()
    assert not first.held
    assert await second.acquire()
    assert second.held


async def test_releasing_never_frees_someone_elses_lease(backend: Backend) -> None:
    holder, bystander, third = backend.make(), backend.make(), backend.make()
    assert await holder.acquire()
    await bystander.release()
    assert not await third.acquire()
    assert holder.held
    await holder.release()
    await holder.release()  # twice is harmless


async def test_a_dead_holder_is_replaced_within_its_ttl(backend: Backend) -> None:
    dead, survivor = backend.make(), backend.make()
    assert await dead.acquire()
    await backend.kill(dead)
    await backend.wait(backend.ttl + 0.05)
    assert not dead.held, "a holder that could not renew stops believing it holds the lease"
    assert await survivor.acquire()
    assert survivor.held
    assert not await dead.acquire(), "a holder back from the dead can neither renew nor take it back"
    assert not dead.held


async def test_a_holder_that_did_not_renew_is_out_when_its_term_ends(backend: Backend) -> None:
    holder = backend.make()
    assert await holder.acquire()
    await backend.wait(backend.ttl + 0.05)
    assert not holder.held  # it cannot know that no one took over: the safe answer is "not mine"
