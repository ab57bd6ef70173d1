"""The PostgreSQL lease: a session-level advisory lock held on one dedicated connection.

PostgreSQL frees the lock when that connection ends, so a killed holder hands over as soon as the server sees its
socket close. The holder re-checks its connection every round; if a check fails it drops the connection (freeing
the lock server-side) and counts itself out at once. Between two checks it cannot know that the server lost its
session (a server restart), which is why the Redis lease, whose expiry both sides measure, is the default when
both are configured.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from segue.infra.clock import Clock
from segue.infra.lease import holder_id

if TYPE_CHECKING:
    from segue.config import Settings

log = logging.getLogger(__name__)

_TRY_LOCK = text("SELECT pg_try_advisory_lock(:key)")
_ALIVE = text("SELECT 1")
_UNLOCK = text("SELECT pg_advisory_unlock(:key)")


def lock_key(name: str) -> int:
    """The advisory lock's 64-bit key for a lease name (signed, as PostgreSQL's bigint)."""
    digest = hashlib.blake2b(f"segue:lease:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def asyncpg_url(url: str) -> str:
    """`postgresql://...` (any driver spelling) as the asyncpg URL SQLAlchemy wants."""
    return make_url(url).set(drivername="postgresql+asyncpg").render_as_string(hide_password=False)


class PostgresLease:
    """A lease that is an advisory lock in the state database (per database: two databases never compete)."""

    backend = "postgres"

    def __init__(
        self,
        engine: AsyncEngine,
        name: str,
        *,
        ttl: float,
        holder: str | None = None,
        clock: Clock = time.monotonic,
        timeout: float = 2.0,
    ) -> None:
        self.engine = engine
        self.name = name
        self.key = lock_key(name)
        self.ttl = ttl
        self.holder = holder or holder_id()
        self.clock = clock
        self.timeout = timeout
        self._conn: AsyncConnection | None = None
        self._locked = False
        """Whether this session holds the lock (taken once: advisory locks stack, so never asked for twice)."""
        self._until = 0.0

    @classmethod
    def from_settings(cls, settings: Settings) -> PostgresLease:
        # NullPool: the lease's connection is its own, never shared with the state store's pool.
        engine = create_async_engine(asyncpg_url(settings.database_url or ""), poolclass=NullPool)
        return cls(engine, settings.lease_name, ttl=settings.lease_ttl)

    @property
    def held(self) -> bool:
        return self._until > self.clock()

    async def acquire(self) -> bool:
        started = self.clock()
        try:
            async with asyncio.timeout(self.timeout):
                ok = await self._check_or_take()
        except Exception as exc:  # any failure: the session (and with it the lock) may be gone
            log.debug("lease %s: PostgreSQL check failed: %r", self.name, exc)
            await self._drop()
            return False
        self._until = started + self.ttl if ok else 0.0
        return self.held

    async def _check_or_take(self) -> bool:
        if self._conn is None:
            conn = await self.engine.connect()
            self._conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        if self._locked:
            await self._conn.execute(_ALIVE)  # the session lives, so its lock does
            return True
        self._locked = bool(await self._conn.scalar(_TRY_LOCK, {"key": self.key}))
        return self._locked

    async def _drop(self) -> None:
        self._until = 0.0
        self._locked = False
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.invalidate()  # closes the socket: the server frees the lock with the session
            except Exception as exc:
                log.debug("lease %s: closing the connection failed: %r", self.name, exc)

    async def release(self) -> None:
        if self._conn is not None and self._locked:
            try:
                async with asyncio.timeout(self.timeout):
                    await self._conn.execute(_UNLOCK, {"key": self.key})
            except Exception as exc:
                log.debug("lease %s: unlock failed (closing the session frees it): %r", self.name, exc)
        conn, self._conn = self._conn, None
        self._until = 0.0
        self._locked = False
        if conn is not None:
            try:
                await conn.close()
            except Exception as exc:
                log.debug("lease %s: closing the connection failed: %r", self.name, exc)
        await self.engine.dispose()


__all__ = ["PostgresLease", "asyncpg_url", "lock_key"]
