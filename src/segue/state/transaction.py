"""How the writer reaches the database for one batch: a synchronous `Connection` and an awaitable way to use it.

The batch code (`batch.commit`) is synchronous. On an SQLite file it runs on a thread of the writer's own through
a plain `sqlite3` engine: one hand-off for the whole batch and one for its COMMIT, where aiosqlite took several
per statement (cursor, execute, close: about 70 per batch, each a thread wake-up and a loop wake-up, most of the
writer's CPU; BENCHMARKS.md). Elsewhere (PostgreSQL, an in-memory SQLite) it runs on the async engine's connection
through `AsyncConnection.run_sync`, with the same round trips as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.ext.asyncio import AsyncEngine

from segue.state.direct import sqlite_file

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")
SQLITE_PRAGMAS = ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000", "foreign_keys=ON")


def set_sqlite_pragmas(engine: Engine) -> None:
    """WAL (readers never wait for the writer), a 5 s busy timeout and foreign keys on every new connection."""

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()


class Transaction:
    """One batch's connection, in a transaction until `commit`; `run` calls synchronous code on it."""

    def __init__(
        self, call: Callable[[Callable[[Connection], Any]], Awaitable[Any]], close: Callable[[], Awaitable[None]]
    ) -> None:
        self._call = call
        self._close = close

    async def run(self, work: Callable[Concatenate[Connection, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        result: T = await self._call(lambda conn: work(conn, *args, **kwargs))
        return result

    async def commit(self) -> None:
        await self._call(lambda conn: conn.commit())

    async def close(self) -> None:
        """Give the connection back (rolling back what was not committed)."""
        await self._close()


class Writes(Protocol):
    """Where batches are written: `transaction()` opens one, `close()` lets go of what it holds."""

    def transaction(self) -> contextlib.AbstractAsyncContextManager[Transaction]: ...

    async def close(self) -> None: ...


class AsyncWrites:
    """Batches on the async engine's connections, through `run_sync` (PostgreSQL, in-memory SQLite)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        conn = await self.engine.connect().start()
        tx = Transaction(conn.run_sync, conn.close)
        try:
            yield tx
        finally:
            await tx.close()

    async def close(self) -> None:
        """Nothing of its own: the store disposes of the engine."""


class ThreadWrites:
    """Batches on an SQLite file through a synchronous engine, on one thread of their own (jobs run in order).

    A batch takes two hand-offs that wake both threads: its statements (the connection opened in the same job) and
    its COMMIT. Giving the connection back is queued without waiting for it: the next batch's jobs run after it on
    the same thread anyway.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="segue-state-writer")
        self._conn: Connection | None = None
        """The open batch's connection; only the writer thread touches it."""
        self._closed = False

    @classmethod
    def for_engine(cls, engine: AsyncEngine) -> ThreadWrites | None:
        """The writer for the async engine's SQLite file; None for PostgreSQL or an in-memory database."""
        if sqlite_file(engine) is None:
            return None
        url = engine.url
        # One connection, used by the one thread; the pool keeps it open between batches.
        sync = create_engine(
            url.set(drivername="sqlite+pysqlite"),
            connect_args={"timeout": 5.0, "check_same_thread": False},
            pool_size=1,
            max_overflow=0,
        )
        set_sqlite_pragmas(sync)
        return cls(sync)

    async def _call(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, work)

    async def _on_connection(self, work: Callable[[Connection], T]) -> T:
        def job() -> T:
            if self._conn is None:
                self._conn = self.engine.connect()
            return work(self._conn)

        return await self._call(job)

    def _release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    @contextlib.asynccontextmanager
    async def transaction(self) -> AsyncIterator[Transaction]:
        async def close() -> None:
            # Queued behind any job still running and not awaited, so it runs even if this task is cancelled
            # meanwhile: a transaction left open would hold SQLite's write lock.
            self._thread.submit(self._release).add_done_callback(_log_failure)

        tx = Transaction(self._on_connection, close)
        try:
            yield tx
        finally:
            await tx.close()

    async def close(self) -> None:
        if not self._closed:  # a store may be closed twice
            self._closed = True
            await self._call(self.engine.dispose)
            self._thread.shutdown(wait=False)


def _log_failure(done: Future[None]) -> None:
    if (exc := done.exception()) is not None:
        log.warning("state writer: closing a batch's connection failed (%r)", exc)


__all__ = ["AsyncWrites", "ThreadWrites", "Transaction", "Writes", "set_sqlite_pragmas"]
