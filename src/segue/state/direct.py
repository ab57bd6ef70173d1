"""Hot-path reads straight through `sqlite3` on the event loop's own thread, for the SQLite store.

aiosqlite runs every call on its connection's thread and wakes the loop to hand the result back: five hand-offs
for one SELECT through SQLAlchemy (cursor, execute, fetch, close, rollback). Each is cheap on an idle machine, but
under load each is a wait for a scheduler slot, and together they were most of /discover's read (BENCHMARKS.md,
state). A point read by primary key here takes tens of microseconds without leaving the loop. In WAL mode a reader
never waits for the writer; if the database is busy anyway (a migration, a checkpoint that needs it) the read fails
at once instead of blocking the loop, and the caller takes the ordinary path.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from typing import Any

from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ClauseElement

log = logging.getLogger(__name__)


def sqlite_file(engine: AsyncEngine) -> str | None:
    """The engine's SQLite database file; None for PostgreSQL or an in-memory database (no file to share)."""
    url = make_url(str(engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return url.database


_DIALECT = sqlite.dialect()


class DirectReads:
    """A read-only `sqlite3` connection for the few statements a request runs, opened on first use."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._compiled: dict[int, tuple[ClauseElement, str, tuple[str, ...]]] = {}

    @classmethod
    def for_engine(cls, engine: AsyncEngine) -> DirectReads | None:
        """Direct reads on the engine's SQLite file; None for PostgreSQL or an in-memory database."""
        path = sqlite_file(engine)
        return None if path is None else cls(path)

    def rows(self, statement: ClauseElement, params: Mapping[str, Any]) -> list[tuple[Any, ...]] | None:
        """The statement's rows, or None when the database cannot answer right now (busy, missing, broken)."""
        sql, names = self._compile(statement)
        try:
            return self._connection().execute(sql, tuple(params[n] for n in names)).fetchall()
        except sqlite3.Error as exc:
            log.debug("direct read failed (%r); the ordinary path answers", exc)
            return None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            # timeout=0: a busy database fails at once rather than blocking the loop for the busy timeout.
            conn = sqlite3.connect(self.path, timeout=0.0, isolation_level=None)
            conn.execute("PRAGMA query_only=ON")
            self._conn = conn
        return self._conn

    def _compile(self, statement: ClauseElement) -> tuple[str, tuple[str, ...]]:
        found = self._compiled.get(id(statement))
        if found is None or found[0] is not statement:
            compiled = statement.compile(dialect=_DIALECT)
            assert isinstance(compiled, SQLCompiler)  # a SELECT compiles to SQL; qmark params come in this order
            found = (statement, compiled.string, tuple(compiled.positiontup or ()))
            self._compiled[id(statement)] = found
        return found[1], found[2]


__all__ = ["DirectReads"]
