"""One contract for every `StateStore`: memory, SQLite (a real file) and PostgreSQL (the machine's server).

Durable stores are also reopened on the same database, which is what a restart or a second shard sees.
The backends and their fixtures are in support/state.py and conftest.py.
"""

from __future__ import annotations

import asyncio
import json
import time

from sqlalchemy import func, insert, select
from sqlalchemy import text as sql_text

from segue.domain import EntityRef, Feedback, Novelty, Query
from segue.state import SavedAnswer, SqlStateStore, tables
from segue.state.migrate import current_revision, head_revision, upgrade
from segue.state.migrations import HEAD_REVISION
from support.state import Backend


def query(text: str = "folk") -> Query:
    return Query(text=text, genres=("folk",), seed_artists=(EntityRef(3, "a3", "Anvil"),), novelty=Novelty.DEEP)


async def test_feedback_rules_hold(backend: Backend) -> None:
    store = await backend.open()
    await store.apply_feedback(Feedback("u", "like", track_id="t1", artist_id="a1"))
    await store.apply_feedback(Feedback("u", "known", track_id="t1"))
    profile = await store.apply_feedback(Feedback("u", "block_artist", artist_id="a9", track_id="t9"))
    assert profile.liked_tracks == ("t1",)
    assert profile.known_tracks == ("t1",)
    assert profile.blocked_artists == ("a9",)
    assert profile.feedback == 3
    profile = await store.apply_feedback(Feedback("u", "dislike", track_id="t1"))
    assert profile.liked_tracks == ()
    assert profile.disliked_tracks == ("t1",)
    assert (await store.profile("other")).liked_tracks == ()


async def test_history_is_newest_last_without_repeats_and_counts_requests(backend: Backend) -> None:
    store = await backend.open()
    await store.record_answer("u", ["a", "b", "c"])
    await store.record_answer("u", ["d", "a", "e"])
    profile = await store.profile("u")
    assert profile.history == ("b", "c", "d", "a", "e")
    assert profile.requests == 2


async def test_saved_answers_round_trip_and_update(backend: Backend) -> None:
    store = await backend.open()
    saved = SavedAnswer("0123456789abcdef", "u", query(), ("t1", "t2"), 2, 0)
    await store.save_answer(saved)
    assert await store.load_answer(saved.key) == saved
    moved = SavedAnswer(saved.key, "u", saved.query, ("t1", "t2", "t3", "t4"), 2, 1, created=saved.created)
    await store.save_answer(moved)
    assert await store.load_answer(saved.key) == moved
    assert await store.load_answer("ffffffffffffffff") is None


async def test_listening_channels(backend: Backend) -> None:
    store = await backend.open()
    await store.set_listening("c1", True)
    await store.set_listening("c2", True)
    await store.set_listening("c2", False)
    assert await store.is_listening("c1")
    assert not await store.is_listening("c2")
    assert await store.listening_channels() == frozenset({"c1"})


async def test_cleanup_drops_expired_answers_only(backend: Backend) -> None:
    store = await backend.open()
    old = SavedAnswer("aaaaaaaaaaaaaaaa", "u", query(), ("t1",), 1, 0, created=1.0)
    new = SavedAnswer("bbbbbbbbbbbbbbbb", "u", query(), ("t2",), 1, 0)
    await store.save_answer(old)
    await store.save_answer(new)
    await store.flush()
    assert await store.cleanup() >= 1
    assert await store.load_answer(old.key) is None
    assert await store.load_answer(new.key) == new


async def test_what_was_written_survives_a_restart(durable: Backend) -> None:
    first = await durable.open()
    await first.apply_feedback(Feedback("u", "like", track_id="t1", artist_id="a1"))
    await first.record_answer("u", ["t5", "t6"])
    saved = SavedAnswer("0123456789abcdef", "u", query(), ("t5", "t6"), 2, 0)
    await first.save_answer(saved)
    await first.set_listening("c1", True)
    await first.close()  # a graceful stop flushes
    second = await durable.open()
    profile = await second.profile("u")
    assert profile.liked_tracks == ("t1",)
    assert profile.history == ("t5", "t6")
    assert profile.requests == 1
    assert await second.load_answer(saved.key) == saved
    assert await second.is_listening("c1")


async def test_two_stores_on_one_database_see_each_others_writes(durable: Backend) -> None:
    shard0, shard1 = await durable.open(), await durable.open()
    await shard0.apply_feedback(Feedback("u", "dislike", track_id="t3"))
    await shard0.flush()
    assert (await shard1.profile("u")).disliked_tracks == ("t3",)


async def test_migrations_reach_head(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    assert await current_revision(store.engine) == head_revision() == HEAD_REVISION
    await upgrade(store.engine)  # idempotent
    assert await current_revision(store.engine) == head_revision()


async def test_only_a_database_at_head_skips_alembic(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    assert await store._at_head()
    async with store.engine.begin() as conn:
        await conn.execute(sql_text("UPDATE alembic_version SET version_num = '0003'"))
    assert not await store._at_head()  # an older schema goes through Alembic
    async with store.engine.begin() as conn:
        await conn.execute(sql_text("DROP TABLE alembic_version"))
    assert not await store._at_head()  # so does a database never migrated


async def test_export_holds_what_the_user_did_and_nobody_else(backend: Backend) -> None:
    store = await backend.open()
    await store.apply_feedback(Feedback("alice", "like", track_id="t1", artist_id="a1"))
    await store.apply_feedback(Feedback("bob", "like", track_id="t2", artist_id="a2"))
    await store.save_answer(SavedAnswer("0123456789abcdef", "alice", query(), ("t1",), 1, 0))
    exported = await store.export_user("alice")
    assert exported["user_id"] == "alice"
    assert exported["profile"]["liked_tracks"] == ["t1"]
    assert [a["key"] for a in exported["saved_answers"]] == ["0123456789abcdef"]
    assert "t2" not in json.dumps(exported)
    json.dumps(exported)  # JSON-safe as it is


async def test_delete_forgets_the_user_even_writes_still_pending(backend: Backend) -> None:
    store = await backend.open()
    await store.apply_feedback(Feedback("alice", "like", track_id="t1", artist_id="a1"))
    await store.record_answer("alice", ["t5"])
    await store.save_answer(SavedAnswer("0123456789abcdef", "alice", query(), ("t5",), 1, 0))
    await store.apply_feedback(Feedback("bob", "like", track_id="t2", artist_id="a2"))
    await store.delete_user("alice")
    assert await store.profile("alice") == type(await store.profile("alice"))(user_id="alice")
    assert await store.load_answer("0123456789abcdef") is None
    assert (await store.profile("bob")).liked_tracks == ("t2",)


async def test_delete_leaves_no_row_in_any_table(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    await store.apply_feedback(Feedback("alice", "like", track_id="t1", artist_id="a1"))
    await store.record_answer("alice", ["t5"])
    await store.save_answer(SavedAnswer("0123456789abcdef", "alice", query(), ("t5",), 1, 0))
    await store.flush()
    await store.delete_user("alice")
    async with store.engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            if "user_id" not in table.c:
                continue
            left = await conn.scalar(select(func.count()).select_from(table).where(table.c.user_id == "alice"))
            assert left == 0, table.name


async def test_two_shards_writing_for_one_user_lose_nothing(durable: Backend) -> None:
    shard0, shard1 = await durable.open(), await durable.open()
    for i in range(40):
        await (shard0 if i % 2 else shard1).apply_feedback(Feedback("u", "like", track_id=f"t{i}", artist_id="a"))
        await (shard1 if i % 2 else shard0).record_answer("u", [f"s{i}"])
    await asyncio.gather(shard0.flush(), shard1.flush())
    reader = await durable.open()
    profile = await reader.profile("u")
    assert sorted(profile.liked_tracks) == sorted(f"t{i}" for i in range(40))
    assert profile.requests == 40
    assert len(profile.history) == 40


async def test_users_written_before_snapshots_are_rebuilt_from_their_events(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    async with store.engine.begin() as conn:  # what revision 0001 left: events and a users row without a snapshot
        await conn.execute(
            insert(tables.feedback),
            [{"user_id": "old", "kind": k, "track_id": t, "artist_id": None, "created_at": 1.0}
             for k, t in (("like", "t1"), ("like", "t2"), ("dislike", "t1"))],
        )  # fmt: skip
        await conn.execute(insert(tables.shown), [{"user_id": "old", "track_id": "s1", "created_at": 1.0}])
        await conn.execute(insert(tables.users).values(user_id="old", requests=1, created_at=1.0, updated_at=1.0))
    profile = await store.profile("old")
    assert profile.liked_tracks == ("t2",)
    assert profile.disliked_tracks == ("t1",)
    assert profile.history == ("s1",)
    assert profile.requests == 1
    await store.apply_feedback(Feedback("old", "like", track_id="t3"))
    await store.flush()
    assert (await (await durable.open()).profile("old")).liked_tracks == ("t2", "t3")


async def test_shown_since_is_what_was_shown_in_the_window(backend: Backend) -> None:
    store = await backend.open()
    await store.record_answer("u", ["t1", "t2"])
    await store.record_answer("other", ["t9"])
    now = time.time()
    assert await store.shown_since("u", now - 60) == frozenset({"t1", "t2"})
    assert await store.shown_since("u", now + 60) == frozenset()
    await store.flush()
    assert await store.shown_since("u", now - 60) == frozenset({"t1", "t2"})
    await store.delete_user("u")
    assert await store.shown_since("u", 0.0) == frozenset()
