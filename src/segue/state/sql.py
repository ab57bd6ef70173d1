"""`SqlStateStore`: the durable `StateStore` on SQLite (the embedded default) or PostgreSQL (shards share it).

Writes go through a `BatchWriter` and never wait on the database; reads (a profile, a saved answer) query it and
lay the writes not yet committed on top, so a user always sees what they just did. When the database cannot be
read (down, or slower than `read_timeout`), a read falls back to what this process still holds and the bot keeps
answering; `healthy` says so for the health checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import bindparam, delete, literal_column, null, select, text, union_all
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from segue.domain import Feedback
from segue.errors import ConfigError, StorageError
from segue.infra.metrics import MetricsRegistry
from segue.state import analytics, batch, profiles
from segue.state import tables as t
from segue.state.direct import DirectReads
from segue.state.migrations import HEAD_REVISION
from segue.state.model import Listener, SavedAnswer, UserProfile, decode_query, profile_json
from segue.state.ops import (
    AddFeedback,
    ChangeSetting,
    DeleteUser,
    Op,
    RecordEvent,
    RecordShown,
    SaveAnswer,
    SetListening,
    SetPrefs,
    with_pending,
)
from segue.state.records import (
    DAY,
    LIKE_KINDS,
    AnalyticsEvent,
    AnalyticsReport,
    AuditEntry,
    GuildSettings,
    LikeSignal,
    Trending,
    UserPrefs,
    settings_from,
)
from segue.state.statements import PREF_COLUMNS, Statements, prefs_of
from segue.state.transaction import AsyncWrites, ThreadWrites, Transaction, Writes, set_sqlite_pragmas
from segue.state.writer import BatchWriter

log = logging.getLogger(__name__)
T = TypeVar("T")

# Built once (see profiles.READ): the statements every request or click runs.
_ANSWER = select(t.saved_answers).where(t.saved_answers.c.key == bindparam("key"))
_LISTENING = select(t.listening_channels.c.enabled).where(t.listening_channels.c.channel_id == bindparam("channel_id"))
_SHOWN_SINCE = select(t.shown.c.track_id).where(
    t.shown.c.user_id == bindparam("user_id"), t.shown.c.created_at >= bindparam("since")
)
_PREF_VALUES = tuple(t.users.c[name] for name in PREF_COLUMNS)
_PREFS = select(*_PREF_VALUES).where(t.users.c.user_id == bindparam("user_id"))
_LISTENER = select(
    literal_column("0").label("part"), t.users.c.profile, t.users.c.requests, *_PREF_VALUES
).where(t.users.c.user_id == bindparam("user_id"))  # fmt: skip
_LISTENER_SHOWN = union_all(
    _LISTENER,
    select(literal_column("1"), t.shown.c.track_id, *(null() for _ in range(1 + len(PREF_COLUMNS)))).where(
        t.shown.c.user_id == bindparam("user_id"), t.shown.c.created_at >= bindparam("since")
    ),
)
"""/discover's read as one statement: the users row (part 0) and the tracks shown since (part 1, one row each)."""
_SETTINGS = select(t.guild_settings.c.key, t.guild_settings.c.value).where(
    t.guild_settings.c.guild_id == bindparam("guild_id")
)
_LIKES = (
    select(t.feedback.c.id, t.feedback.c.user_id, t.feedback.c.kind, t.feedback.c.track_id)
    .where(
        t.feedback.c.id > bindparam("after"),
        t.feedback.c.kind.in_(LIKE_KINDS),
        t.feedback.c.track_id.is_not(None),
    )
    .order_by(t.feedback.c.id)
    .limit(bindparam("limit"))
)
READ_ERRORS = (SQLAlchemyError, OSError, TimeoutError, ConnectionError)


# -- engines ------------------------------------------------------------------------------------------------------


def database_url(url: str | None, data_dir: Path) -> str:
    """The async SQLAlchemy URL: SQLite in the data directory by default; plain postgresql:// gets asyncpg."""
    if not url:
        return f"sqlite+aiosqlite:///{(data_dir / 'segue.db').resolve()}"
    parsed = make_url(url)
    driver = parsed.drivername
    if driver in ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+psycopg"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif driver == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif driver not in ("postgresql+asyncpg", "sqlite+aiosqlite"):
        raise ConfigError(
            f"unsupported database {driver}",
            user_message=f"SEGUE_DATABASE_URL must be SQLite or PostgreSQL (got {driver!r}).",
        )
    return parsed.render_as_string(hide_password=False)


def make_engine(url: str, *, schema: str | None = None) -> AsyncEngine:
    """An async engine; SQLite in WAL mode (readers never wait for the writer), PostgreSQL with a small pool."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Reads run side by side; a fixed pool keeps their connections open (an overflow connection is opened,
        # set up with the pragmas below and closed again on every busy read).
        engine = create_async_engine(url, connect_args={"timeout": 5.0}, pool_size=8, max_overflow=0)
        set_sqlite_pragmas(engine.sync_engine)
        return engine
    args: dict[str, Any] = {"timeout": 5.0, "command_timeout": 10.0}
    if schema:
        args["server_settings"] = {"search_path": schema}
    return create_async_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True, connect_args=args)


def _is_postgres(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


class ReadCommitGate:
    """Reads run side by side; a batch's COMMIT waits for the reads in progress and holds new ones off until it ends.

    A read takes the database snapshot and the pending writes together, never across a COMMIT: otherwise ops
    committed between the two would be in neither. Reads need not exclude one another, and a waiting commit goes
    first, so a stream of reads cannot starve the writer.
    """

    def __init__(self) -> None:
        self._readers = 0
        self._committing = False
        self._commit_waiting = 0
        self._changed = asyncio.Condition()

    @property
    def committing(self) -> bool:
        """A COMMIT is under way. A read that never yields between its snapshot and its look at the pending writes
        (`DirectReads`) can only overlap one then, so it takes the gate only then."""
        return self._committing

    @contextlib.asynccontextmanager
    async def read(self) -> AsyncIterator[None]:
        async with self._changed:
            await self._changed.wait_for(lambda: not self._committing and not self._commit_waiting)
            self._readers += 1
        try:
            yield
        finally:
            async with self._changed:
                self._readers -= 1
                self._changed.notify_all()

    @contextlib.asynccontextmanager
    async def commit(self) -> AsyncIterator[None]:
        async with self._changed:
            self._commit_waiting += 1
            try:
                await self._changed.wait_for(lambda: not self._committing and not self._readers)
            finally:
                self._commit_waiting -= 1
                self._changed.notify_all()  # a cancelled wait must not leave readers held off
            self._committing = True
        try:
            yield
        finally:
            async with self._changed:
                self._committing = False
                self._changed.notify_all()


# -- the store ----------------------------------------------------------------------------------------------------


class SqlStateStore:
    """`StateStore` over SQLAlchemy Core; build with `open_state` (which migrates) or pass an engine in tests."""

    def __init__(
        self,
        engine: AsyncEngine,
        *,
        answer_ttl: float = 7 * 24 * 3600.0,
        history_retention: float = 180 * 24 * 3600.0,
        analytics_retention: float = 90 * 24 * 3600.0,
        read_timeout: float = 1.0,
        clock: Callable[[], float] = time.time,
        metrics: MetricsRegistry | None = None,
        batch_size: int = 500,
        window: float = 0.05,
        max_pending: int = 100_000,
        migrate_first: bool = False,
        direct_reads: bool = True,
        threaded_writes: bool = True,
    ) -> None:
        self.engine = engine
        self._needs_schema = migrate_first
        self.answer_ttl = answer_ttl
        self.history_retention = history_retention
        self.analytics_retention = analytics_retention
        self.read_timeout = read_timeout
        self._clock = clock
        self.writer: BatchWriter[Op] = BatchWriter(
            self._commit, batch_size=batch_size, window=window, max_pending=max_pending, metrics=metrics
        )
        self._read_ok = True
        self._gate = ReadCommitGate()
        # A read is one statement or a few, each its own snapshot under READ COMMITTED anyway: on PostgreSQL it
        # runs without BEGIN and ROLLBACK (and the pool's ping without them too), two round trips fewer each.
        # SQLite's driver opens no transaction for a SELECT, so it has nothing to save.
        self._reads = engine.execution_options(isolation_level="AUTOCOMMIT") if _is_postgres(engine) else engine
        self._direct = DirectReads.for_engine(engine) if direct_reads else None
        self._sql = Statements.build(engine.dialect.name)
        threaded = ThreadWrites.for_engine(engine) if threaded_writes else None
        self._writes: Writes = threaded if threaded is not None else AsyncWrites(engine)

    @property
    def healthy(self) -> bool:
        """Whether the last read and the last write reached the database."""
        return self._read_ok and self.writer.healthy

    # -- writes (never wait) ------------------------------------------------------------------------------------

    async def apply_feedback(self, feedback: Feedback) -> UserProfile:
        self.writer.submit(AddFeedback(feedback, self._clock()))
        return await self.profile(feedback.user_id)

    async def record_answer(self, user_id: str, shown_track_ids: Sequence[str]) -> None:
        self.writer.submit(RecordShown(user_id, tuple(shown_track_ids), self._clock()))

    async def save_answer(self, answer: SavedAnswer) -> None:
        self.writer.submit(SaveAnswer(answer))

    async def set_listening(self, channel_id: str, enabled: bool) -> None:
        self.writer.submit(SetListening(channel_id, enabled, self._clock()))

    async def set_prefs(self, prefs: UserPrefs) -> None:
        self.writer.submit(SetPrefs(prefs, self._clock()))

    async def change_setting(self, guild_id: str, key: str, value: Any, by: str) -> GuildSettings:
        encoded = None if value is None else json.dumps(value, ensure_ascii=False)
        self.writer.submit(ChangeSetting(guild_id, key, encoded, by, self._clock()))
        return await self.guild_settings(guild_id)

    async def record_event(self, event: AnalyticsEvent) -> None:
        self.writer.submit(RecordEvent(event))

    async def delete_user(self, user_id: str) -> None:
        self.writer.submit(DeleteUser(user_id))
        await self.writer.flush(within=10.0)

    async def export_user(self, user_id: str) -> dict[str, Any]:
        """Every row about the user, after committing what is pending (raises if the database is away)."""
        await self.writer.flush(within=10.0)
        async with asyncio.timeout(10.0), self.engine.connect() as conn:
            out: dict[str, Any] = {"user_id": user_id}
            for table in t.metadata.sorted_tables:
                if "user_id" in table.c and table is not t.saved_answers:
                    rows = await conn.execute(select(table).where(table.c.user_id == user_id))
                    out[table.name] = [dict(row._mapping) for row in rows]
            answers = await conn.execute(select(t.saved_answers).where(t.saved_answers.c.user_id == user_id))
            out["saved_answers"] = [
                {
                    **dict(row._mapping),
                    "query": json.loads(row._mapping["query"]),
                    "shown": json.loads(row._mapping["shown"]),
                }
                for row in answers
            ]
        out["profile"] = profile_json(await self.profile(user_id))
        out["prefs"] = asdict(await self.prefs(user_id))
        return out

    async def ensure_schema(self) -> None:
        """Migrate to the newest schema now (raises when the database cannot be reached)."""
        if not await self._at_head():
            from segue.state.migrate import upgrade

            await upgrade(self.engine)
        self._needs_schema = False

    async def _at_head(self) -> bool:
        """Whether the database is at `HEAD_REVISION` already, read without Alembic (a new database has no version
        table). A database that cannot be reached raises, as the migration would."""
        async with self.engine.connect() as conn:
            try:
                rows = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
            except SQLAlchemyError:
                return False
        return [row[0] for row in rows] == [HEAD_REVISION]

    async def _commit(self, ops: Sequence[Op]) -> None:
        if self._needs_schema:  # the database was down at start: migrate before the first write
            await self.ensure_schema()
        async with self._writes.transaction() as tx:
            await self._write(tx, ops)
            # Until COMMIT no other connection sees the batch and reads take it from `pending()`; only the COMMIT
            # itself must not fall inside a read (between its snapshot and its look at `pending()`), so reads wait
            # for that alone, not for the batch's statements (BENCHMARKS.md, state: /discover by stage).
            async with self._gate.commit():
                await tx.commit()
                self.writer.settled()  # before reads go on: closing the connection below still yields

    async def _write(self, tx: Transaction, ops: Sequence[Op]) -> None:
        """The batch's statements in its transaction, not committed yet."""
        await tx.run(batch.commit, self._sql, ops, self._clock())

    # -- reads (the database, then what is not committed yet) ---------------------------------------------------

    async def _read(self, work: Callable[[AsyncConnection], Any], fallback: Any) -> tuple[Any, list[Op]]:
        """`work` on the database and the writes not committed yet, as one consistent view."""
        try:
            async with asyncio.timeout(self.read_timeout), self._gate.read(), self._reads.connect() as conn:
                result = await work(conn)
                pending = self.writer.pending()
        except READ_ERRORS as exc:
            if self._read_ok:
                log.warning("state store unreadable (%r): answering from this process's pending writes", exc)
            self._read_ok = False
            return fallback, self.writer.pending()
        self._read_ok = True
        return result, pending

    async def _direct_read(self, statement: Any, params: dict[str, Any]) -> tuple[list[Any], list[Op]] | None:
        """`statement` through `DirectReads` (SQLite) with the pending writes, as one view; None: use `_read`."""
        if self._direct is None:
            return None
        if self._gate.committing:
            async with self._gate.read():
                rows, pending = self._direct.rows(statement, params), self.writer.pending()
        else:  # no await from here to `pending()`: no COMMIT can land in between (see `ReadCommitGate.committing`)
            rows, pending = self._direct.rows(statement, params), self.writer.pending()
        if rows is None:
            return None
        self._read_ok = True
        return rows, pending

    async def _read_rows(
        self,
        statement: Any,
        params: dict[str, Any],
        parse: Callable[[Sequence[Any]], T | None],
        fallback: T,
        slow: Callable[[AsyncConnection], Awaitable[T]] | None = None,
    ) -> tuple[T, list[Op]]:
        """One statement's rows, parsed, with the pending writes: on SQLite straight through `DirectReads`, else
        (or when the file is busy, or `parse` says the rows are not enough: None) by `slow` or the statement."""
        direct = await self._direct_read(statement, params)
        if direct is not None and (found := parse(direct[0])) is not None:
            return found, direct[1]

        async def load(conn: AsyncConnection) -> T | None:
            return parse((await conn.execute(statement, params)).all())

        read: tuple[T, list[Op]] = await self._read(slow or load, fallback)
        return read

    async def profile(self, user_id: str) -> UserProfile:
        def parse(rows: Sequence[Any]) -> UserProfile | None:
            if not rows:
                return UserProfile(user_id=user_id)
            return None if rows[0][0] is None else profiles.decode(user_id, rows[0][0])  # None: rebuild (slow)

        async def slow(conn: AsyncConnection) -> UserProfile:
            return await conn.run_sync(profiles.read, user_id)

        fallback = UserProfile(user_id=user_id)
        base, pending = await self._read_rows(profiles.READ, {"user_id": user_id}, parse, fallback, slow)
        return with_pending(base, pending)

    async def shown_since(self, user_id: str, since: float) -> frozenset[str]:
        async def load(conn: AsyncConnection) -> set[str]:
            return await _shown(conn, user_id, since)

        found, pending = await self._read(load, set())
        return _shown_with(found, pending, user_id, since)

    async def listener(self, user_id: str, shown_since: float | None = None) -> Listener:
        """One statement (the users row and the shown tracks) where /discover made three reads; on SQLite it runs
        on the loop's own thread (`DirectReads`), elsewhere as any read."""
        statement = _LISTENER if shown_since is None else _LISTENER_SHOWN
        params = {"user_id": user_id, "since": shown_since}
        direct = await self._direct_read(statement, params)
        read, prefs, shown = _listener_parts(user_id, direct[0] if direct else [])
        if direct is not None and read is not None:
            profile, pending = read, direct[1]
        else:  # no direct reads here, or the database was busy, or the profile must be rebuilt from its events

            async def load(conn: AsyncConnection) -> tuple[UserProfile, UserPrefs, set[str]]:
                found, choices, recent = _listener_parts(user_id, (await conn.execute(statement, params)).all())
                return found if found is not None else await conn.run_sync(profiles.read, user_id), choices, recent

            fallback = (UserProfile(user_id=user_id), UserPrefs(user_id), set[str]())
            (profile, prefs, shown), pending = await self._read(load, fallback)
        return Listener(
            with_pending(profile, pending),
            _prefs_with(prefs, pending, user_id),
            frozenset() if shown_since is None else _shown_with(shown, pending, user_id, shown_since),
        )

    async def load_answer(self, key: str) -> SavedAnswer | None:
        def parse(rows: Sequence[Any]) -> list[SavedAnswer]:
            return [
                SavedAnswer(
                    key=str(found), user_id=str(user_id), query=decode_query(json.loads(query)),
                    shown=tuple(json.loads(shown)), count=int(count), page=int(page), created=float(created),
                )
                for found, user_id, query, shown, count, page, created in rows
            ]  # fmt: skip

        found, pending = await self._read_rows(_ANSWER, {"key": key}, parse, list[SavedAnswer]())
        for op in reversed(pending):
            if isinstance(op, SaveAnswer) and op.answer.key == key:
                return op.answer
        return found[0] if found else None

    async def prefs(self, user_id: str) -> UserPrefs:
        def parse(rows: Sequence[Any]) -> UserPrefs:
            return prefs_of(user_id, rows[0]) if rows else UserPrefs(user_id)

        found, pending = await self._read_rows(_PREFS, {"user_id": user_id}, parse, UserPrefs(user_id))
        return _prefs_with(found, pending, user_id)

    async def guild_settings(self, guild_id: str) -> GuildSettings:
        def parse(rows: Sequence[Any]) -> dict[str, Any]:
            return {str(key): json.loads(value) for key, value in rows}

        values, pending = await self._read_rows(_SETTINGS, {"guild_id": guild_id}, parse, dict[str, Any]())
        for op in pending:
            if isinstance(op, ChangeSetting) and op.guild_id == guild_id:
                values[op.key] = None if op.value is None else json.loads(op.value)
        return settings_from(guild_id, values)

    async def _report(self, work: Callable[[AsyncConnection], Any]) -> Any:
        """A read for admins and reports: what is pending is committed first; the database must answer."""
        await self.writer.flush(within=2.0)
        try:
            async with asyncio.timeout(30.0), self.engine.connect() as conn:
                return await work(conn)
        except READ_ERRORS as exc:
            raise StorageError(
                f"report failed: {exc!r}", user_message="The database is not reachable right now; try again soon."
            ) from exc

    async def settings_audit(self, guild_id: str, limit: int = 20) -> list[AuditEntry]:
        found: list[AuditEntry] = await self._report(lambda conn: analytics.audit(conn, guild_id, limit))
        return found

    async def trending(self, guild_id: str, since: float) -> Trending:
        found: Trending = await self._report(lambda conn: analytics.trending(conn, guild_id, since))
        return found

    async def analytics(self, since: float, until: float) -> AnalyticsReport:
        found: AnalyticsReport = await self._report(lambda conn: analytics.report(conn, since, until))
        return found

    async def likes_since(self, after: int, limit: int) -> list[LikeSignal]:
        try:
            async with asyncio.timeout(self.read_timeout * 5), self.engine.connect() as conn:
                rows = await conn.execute(_LIKES, {"after": after, "limit": limit})
                return [LikeSignal(int(i), str(u), str(k), t) for i, u, k, t in rows]
        except READ_ERRORS as exc:
            log.info("community feed unreadable (%r); trying again later", exc)
            return []

    async def listening_channels(self) -> frozenset[str]:
        async def load(conn: AsyncConnection) -> set[str]:
            rows = await conn.execute(
                select(t.listening_channels.c.channel_id).where(t.listening_channels.c.enabled.is_(True))
            )
            return {row[0] for row in rows}

        channels, pending = await self._read(load, set())
        for op in pending:
            if isinstance(op, SetListening):
                (channels.add if op.enabled else channels.discard)(op.channel_id)
        return frozenset(channels)

    async def is_listening(self, channel_id: str) -> bool:
        def parse(rows: Sequence[Any]) -> bool:
            return bool(rows and rows[0][0])

        listening, pending = await self._read_rows(_LISTENING, {"channel_id": channel_id}, parse, False)
        for op in reversed(pending):
            if isinstance(op, SetListening) and op.channel_id == channel_id:
                return op.enabled
        return bool(listening)

    # -- upkeep -------------------------------------------------------------------------------------------------

    async def cleanup(self) -> int:
        """Delete saved answers past their TTL, shown tracks past the history retention, and old analytics."""
        now = self._clock()
        try:
            async with self.engine.begin() as conn:
                answers = await conn.execute(
                    delete(t.saved_answers).where(t.saved_answers.c.created_at < now - self.answer_ttl)
                )
                shown = await conn.execute(delete(t.shown).where(t.shown.c.created_at < now - self.history_retention))
                old = now - self.analytics_retention
                events = await conn.execute(delete(t.events).where(t.events.c.created_at < old))
                subjects = await conn.execute(delete(t.event_subjects).where(t.event_subjects.c.created_at < old))
                for rollup in (t.event_days, t.subject_days, t.guild_subject_days, t.user_days):
                    await conn.execute(delete(rollup).where(rollup.c.day < int(old // DAY)))
        except READ_ERRORS as exc:
            log.warning("state cleanup skipped: %r", exc)
            return 0
        return sum(int(r.rowcount or 0) for r in (answers, shown, events, subjects))

    async def flush(self) -> None:
        await self.writer.flush(within=30.0)

    async def close(self) -> None:
        await self.writer.close()
        await self._writes.close()
        if self._direct is not None:
            self._direct.close()
        await self.engine.dispose()


# -- what a read lays on top of the database: this process's writes not committed yet ----------------------------


async def _shown(conn: AsyncConnection, user_id: str, since: float) -> set[str]:
    rows = await conn.execute(_SHOWN_SINCE, {"user_id": user_id, "since": since})
    return {row[0] for row in rows}


def _listener_parts(user_id: str, rows: Sequence[Any]) -> tuple[UserProfile | None, UserPrefs, set[str]]:
    """`_LISTENER_SHOWN`'s rows as a profile (None: a users row without a snapshot), prefs and shown tracks."""
    profile: UserProfile | None = UserProfile(user_id=user_id)
    prefs, shown = UserPrefs(user_id), set()
    for part, value, _requests, *choices in rows:
        if part == 0:
            profile = None if value is None else profiles.decode(user_id, value)
            prefs = prefs_of(user_id, choices)
        else:
            shown.add(value)
    return profile, prefs, shown


def _shown_with(found: set[str], pending: Sequence[Op], user_id: str, since: float) -> frozenset[str]:
    for op in pending:
        if isinstance(op, RecordShown) and op.user_id == user_id and op.at >= since:
            found.update(op.track_ids)
        elif isinstance(op, DeleteUser) and op.user_id == user_id:
            found.clear()
    return frozenset(found)


def _prefs_with(found: UserPrefs, pending: Sequence[Op], user_id: str) -> UserPrefs:
    for op in pending:
        if isinstance(op, SetPrefs) and op.prefs.user_id == user_id:
            found = op.prefs
        elif isinstance(op, DeleteUser) and op.user_id == user_id:
            found = UserPrefs(user_id)
    return found


__all__ = ["SqlStateStore", "database_url", "make_engine"]
