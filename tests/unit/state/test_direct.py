"""Direct SQLite reads: the same rows as the engine's path, an immediate None (never a wait) when the database is
busy or missing, and a store that falls back to its ordinary reads when they fail."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import create_async_engine

from segue.domain import Feedback, Query
from segue.state import SavedAnswer, SqlStateStore, UserProfile, make_engine
from segue.state import tables as t
from segue.state.direct import DirectReads
from segue.state.records import GuildSettings, UserPrefs

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


async def test_every_hot_read_answers_the_same_directly_and_through_the_engine(tmp_path: Path) -> None:
    """Profile, preferences, server settings, a saved answer and a channel: the direct rows parse to what the
    engine's rows do, committed and pending alike (the second store reads the same file without direct reads)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 's.db'}"
    store = SqlStateStore(make_engine(url), window=0.0)
    await store.ensure_schema()
    engine_only = SqlStateStore(make_engine(url), window=0.0, direct_reads=False)
    await store.apply_feedback(Feedback("u", "like", track_id="t1"))
    await store.record_answer("u", ["s1", "s2"])
    await store.set_prefs(UserPrefs("u", novelty="familiar", language="fr"))
    await store.change_setting("g", "default_count", 7, by="admin")
    await store.save_answer(SavedAnswer("k1", "u", Query(text="x", moods=("chill",)), ("s1",), 5, 1, 10.0))
    await store.set_listening("c", True)
    await store.flush()

    async def reads(on: SqlStateStore) -> tuple[object, ...]:
        return (
            await on.profile("u"), await on.profile("nobody"), await on.prefs("u"), await on.prefs("nobody"),
            await on.guild_settings("g"), await on.load_answer("k1"), await on.load_answer("none"),
            await on.is_listening("c"), await on.is_listening("d"),
        )  # fmt: skip

    committed = await reads(engine_only)
    assert await reads(store) == committed
    assert committed[0] == UserProfile("u", liked_tracks=("t1",), history=("s1", "s2"), requests=1, feedback=1)
    assert committed[4] == GuildSettings("g", default_count=7)
    await engine_only.close()
    await store.close()


async def test_a_direct_read_during_a_commit_waits_for_it(tmp_path: Path) -> None:
    """Outside a COMMIT a direct read takes no gate (it cannot yield before `pending()`); during one it waits."""
    store = SqlStateStore(make_engine(f"sqlite+aiosqlite:///{tmp_path / 's.db'}"), window=0.0)
    await store.ensure_schema()
    await store.record_answer("u", ["s1"])
    await store.flush()
    gate = store._gate
    async with gate.commit():
        assert gate.committing
        read = asyncio.create_task(store.profile("u"))
        await asyncio.sleep(0.05)
        assert not read.done()
    assert not gate.committing
    assert (await read).requests == 1
    await store.close()
