"""Direct SQLite reads: the same rows as the engine's path, an immediate None (never a wait) when the database is
busy or missing, and a store that falls back to its ordinary reads when they fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import create_async_engine

from segue.domain import Feedback
from segue.state import SqlStateStore, make_engine
from segue.state import tables as t
from segue.state.direct import DirectReads
from segue.state.records import UserPrefs

PROFILE = select(t.users.c.user_id, t.users.c.novelty).where(t.users.c.user_id == bindparam("user_id"))


async def test_direct_rows_are_the_engines_rows(tmp_path: Path) -> None:
    store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}"), window=0.0)
    await store.ensure_schema()
    await store.set_prefs(UserPrefs("u", novelty="familiar"))
    await store.flush()
    direct = DirectReads.for_engine(store.engine)
    assert direct is not None
    async with store.engine.connect() as conn:
        expected = [tuple(row) for row in await conn.execute(PROFILE, {"user_id": "u"})]
    assert direct.rows(PROFILE, {"user_id": "u"}) == expected == [("u", "familiar")]
    assert direct.rows(PROFILE, {"user_id": "nobody"}) == []
    direct.close()
    await store.close()


def test_a_locked_or_missing_database_answers_none_at_once(tmp_path: Path) -> None:
    path = tmp_path / "locked.db"
    setup = sqlite3.connect(path)
    setup.execute("CREATE TABLE users (user_id TEXT, novelty TEXT)")
    setup.commit()
    setup.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO users VALUES ('u', NULL)")
    assert DirectReads(str(path)).rows(PROFILE, {"user_id": "u"}) is None  # busy timeout 0: no wait
    holder.close()
    assert DirectReads(str(tmp_path / "no" / "such" / "dir.db")).rows(PROFILE, {"user_id": "u"}) is None


def test_only_a_sqlite_file_gets_direct_reads(tmp_path: Path) -> None:
    assert DirectReads.for_engine(make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}")) is not None
    assert DirectReads.for_engine(create_async_engine("sqlite+aiosqlite:///:memory:")) is None
    assert DirectReads.for_engine(make_engine("postgresql+asyncpg://postgres@127.0.0.1:5432/test")) is None


async def test_the_store_reads_through_the_engine_when_direct_reads_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}"), window=0.0)
    await store.ensure_schema()
    await store.apply_feedback(Feedback("u", "like", track_id="t1"))
    await store.record_answer("u", ["s1"])
    await store.flush()
    direct = await store.listener("u", shown_since=0.0)
    calls: list[str] = []

    def busy(self: DirectReads, *_: object) -> None:
        calls.append(self.path)

    monkeypatch.setattr(DirectReads, "rows", busy)
    assert await store.listener("u", shown_since=0.0) == direct
    assert calls  # the direct path was tried, and the engine answered the same
    assert direct.profile.liked_tracks == ("t1",)
    assert direct.shown == frozenset({"s1"})
    assert store.healthy
    await store.close()
