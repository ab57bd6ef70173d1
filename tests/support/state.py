"""State stores on every backend for contract tests: memory, SQLite (a real file), PostgreSQL (the machine's server).

PostgreSQL runs in a schema of its own, dropped afterwards; in CI it must run (support.ci.require).
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from segue.state import MemoryStateStore, SqlStateStore, StateStore, make_engine
from support.ci import require

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"


@dataclass
class Backend:
    """Opens stores on one database; `durable` ones can be reopened on it."""

    name: str
    open: Callable[[], Awaitable[StateStore]]
    durable: bool


async def pg_available() -> bool:
    try:
        import asyncpg

        conn = await asyncio.wait_for(asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test"), 3.0)
    except (OSError, TimeoutError, ImportError) as exc:
        del exc
        return False
    except Exception:
        return False
    await conn.close()
    return True


@contextlib.asynccontextmanager
async def pg_schema() -> AsyncIterator[str]:
    import asyncpg

    schema = f"segue_test_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test")
    await conn.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield schema
    finally:
        await conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        await conn.close()


@contextlib.asynccontextmanager
async def open_backend(kind: str, tmp_path: Path) -> AsyncIterator[Backend]:
    if kind == "memory":
        shared = MemoryStateStore()

        async def memory() -> StateStore:
            return shared

        yield Backend("memory", memory, durable=False)
        return
    opened: list[SqlStateStore] = []
    async with contextlib.AsyncExitStack() as stack:
        if kind == "sqlite":
            url, schema = f"sqlite+aiosqlite:///{tmp_path / 'state.db'}", None
        else:
            require(await pg_available(), "PostgreSQL on 127.0.0.1:5432 (database test, trust auth)")
            url, schema = PG_URL, await stack.enter_async_context(pg_schema())

        async def sql() -> StateStore:
            store = SqlStateStore(make_engine(url, schema=schema), window=0.0)
            await store.ensure_schema()
            opened.append(store)
            return store

        try:
            yield Backend(kind, sql, durable=True)
        finally:
            for store in opened:
                await store.close()
