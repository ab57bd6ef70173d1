"""The contract for what the community features store: member preferences, server settings and their audit,
analytics events and the reports computed from them, on memory, SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, insert, select, text

from segue.domain import Feedback
from segue.state import SqlStateStore, make_engine, tables
from segue.state.migrate import current_revision, head_revision, upgrade
from segue.state.records import DAY, TASTE_SHARED_BY_DEFAULT, AnalyticsEvent, Ranked, UserPrefs
from support.ci import require
from support.state import PG_URL, Backend, pg_available, pg_schema

T0 = 20_000 * DAY  # a fixed day boundary, so daily figures do not depend on when the test runs


def event(at: float, user: str, command: str = "recommend", **kw: object) -> AnalyticsEvent:
    return AnalyticsEvent(at=at, command=command, user_id=user, **kw)  # type: ignore[arg-type]


async def test_preferences_round_trip_and_reset_on_delete(backend: Backend) -> None:
    store = await backend.open()
    assert await store.prefs("u") == UserPrefs("u")
    mine = UserPrefs("u", novelty="adventurous", lastfm_user="rj", language="fr", country="FR")
    await store.set_prefs(mine)
    assert await store.prefs("u") == mine
    assert await store.prefs("other") == UserPrefs("other")
    await store.flush()
    assert await store.prefs("u") == mine
    await store.delete_user("u")
    assert await store.prefs("u") == UserPrefs("u")


async def test_preferences_and_settings_survive_a_restart(durable: Backend) -> None:
    first = await durable.open()
    await first.set_prefs(UserPrefs("u", novelty="familiar"))
    await first.change_setting("g", "default_count", 7, by="admin")
    await first.close()
    second = await durable.open()
    assert (await second.prefs("u")).novelty == "familiar"
    assert (await second.guild_settings("g")).default_count == 7


async def test_whether_others_may_use_a_members_taste_is_kept_exported_and_cleared(backend: Backend) -> None:
    """/taste and /blend read anyone's likes: a member's 'no' is stored with their preferences, read by every read
    of them, kept across a restart, exported, and forgotten (back to the default) with the rest of their data."""
    store = await backend.open()
    assert (await store.prefs("u")).share_taste is None
    assert (await store.prefs("u")).shares_taste is TASTE_SHARED_BY_DEFAULT
    await store.set_prefs(UserPrefs("u", novelty="familiar", share_taste=False))
    assert (await store.prefs("u")).share_taste is False  # read before the write is committed
    await store.flush()
    for prefs in (await store.prefs("u"), (await store.listener("u", shown_since=0.0)).prefs):
        assert prefs == UserPrefs("u", novelty="familiar", share_taste=False)
        assert prefs.share_taste is False  # a bool, not SQLite's 0
        assert not prefs.shares_taste
    if backend.durable:
        assert (await (await backend.open()).prefs("u")).share_taste is False
    exported = await store.export_user("u")
    assert exported["prefs"]["share_taste"] is False
    json.dumps(exported)
    await store.set_prefs(UserPrefs("v", share_taste=True))
    assert (await store.prefs("v")).shares_taste
    await store.delete_user("u")
    assert await store.prefs("u") == UserPrefs("u")


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def test_members_stored_before_the_choice_existed_keep_their_preferences_and_the_default(
    kind: str, tmp_path: Path
) -> None:
    async with contextlib.AsyncExitStack() as stack:
        if kind == "sqlite":
            engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
        else:
            require(await pg_available(), "PostgreSQL on 127.0.0.1:5432 (database test, trust auth)")
            engine = make_engine(PG_URL, schema=await stack.enter_async_context(pg_schema()))
        await upgrade(engine, "0004")
        async with engine.begin() as conn:  # a member as revision 0004 stored them
            await conn.execute(
                text(
                    "INSERT INTO users (user_id, requests, novelty, created_at, updated_at) "
                    "VALUES ('u', 0, 'familiar', 0, 0)"
                )
            )
        await upgrade(engine)
        store = SqlStateStore(engine)
        prefs = await store.prefs("u")
        assert prefs == UserPrefs("u", novelty="familiar")
        assert prefs.shares_taste is TASTE_SHARED_BY_DEFAULT
        await store.close()


async def test_unlike_and_unblock_take_a_signal_back(backend: Backend) -> None:
    store = await backend.open()
    await store.apply_feedback(Feedback("u", "like", track_id="t1", artist_id="a1"))
    await store.apply_feedback(Feedback("u", "like", track_id="t2", artist_id="a2"))
    await store.apply_feedback(Feedback("u", "block_artist", artist_id="a9"))
    await store.apply_feedback(Feedback("u", "unlike", track_id="t1"))
    profile = await store.apply_feedback(Feedback("u", "unblock_artist", artist_id="a9"))
    assert profile.liked_tracks == ("t2",)
    assert profile.blocked_artists == ()


async def test_settings_change_reset_and_are_audited_newest_first(backend: Backend) -> None:
    store = await backend.open()
    settings = await store.change_setting("g", "disabled_commands", ["blend", "mood"], by="ada")
    assert settings.disabled_commands == frozenset({"blend", "mood"})
    await store.change_setting("g", "default_count", 8, by="ada")
    settings = await store.change_setting("g", "default_count", None, by="bo")
    assert settings.default_count is None
    assert (await store.guild_settings("other")).disabled_commands == frozenset()
    audit = await store.settings_audit("g")
    assert [(a.user_id, a.key, a.old, a.new) for a in audit] == [
        ("bo", "default_count", "8", "default"),
        ("ada", "default_count", "default", "8"),
        ("ada", "disabled_commands", "default", "blend, mood"),
    ]
    assert await store.settings_audit("other") == []


async def test_the_analytics_report_counts_what_happened(backend: Backend) -> None:
    store = await backend.open()
    day2 = T0 + DAY
    for i in range(20):  # day 1: 20 fast recommends by two members, half from cache
        await store.record_event(
            event(T0 + i, f"u{i % 2}", latency_ms=10.0, cache_hit=i % 2 == 0,
                  subjects=(("artist", "Daft Punk"),), sources=(("deezer", i != 0),))
        )  # fmt: skip
    await store.record_event(event(day2, "u2", subjects=(("artist", "Air"), ("mood", "chill")), latency_ms=200.0))
    await store.record_event(event(day2 + 1, "u3", outcome="rate_limited", latency_ms=300.0))
    await store.record_event(event(day2 + 2, "u3", command="similar", outcome="error", error_type="ProviderError"))
    await store.record_event(event(T0 - 1, "u9", subjects=(("artist", "Too Early"),)))
    report = await store.analytics(T0, T0 + 2 * DAY)
    assert report.events == 23
    assert report.popular["artist"] == (Ranked("Daft Punk", 20), Ranked("Air", 1))
    assert report.popular["mood"] == (Ranked("chill", 1),)
    assert [r.count for r in report.daily_active] == [2, 2]
    assert report.weekly_active == 4
    assert [r.count for r in report.commands_per_day] == [20, 3]
    assert report.rate_limited == 1
    assert report.errors == (Ranked("ProviderError", 1),)
    recommend = report.commands[0]
    assert (recommend.command, recommend.count, recommend.cache_hit_rate) == ("recommend", 22, 0.5)
    assert recommend.p50_ms is not None
    assert 10.0 <= recommend.p50_ms <= 10.5
    assert recommend.p95_ms is not None
    assert 200.0 <= recommend.p95_ms <= 210.0
    assert report.sources == {"deezer": (19, 1)}
    assert report.to_json()["commands"][1]["command"] == "similar"


async def test_trending_is_one_servers_week(backend: Backend) -> None:
    store = await backend.open()
    now = time.time()
    for user, artist in (("a", "Björk"), ("b", "Björk"), ("c", "Air")):
        await store.record_event(event(now, user, guild_id="g", subjects=(("artist", artist), ("mood", "chill"))))
    await store.record_event(event(now, "d", guild_id="elsewhere", subjects=(("artist", "Elsewhere"),)))
    await store.record_event(event(now - 30 * DAY, "e", guild_id="g", subjects=(("artist", "Last Month"),)))
    for user in ("a", "b"):
        await store.apply_feedback(Feedback(user, "like", track_id="t1", artist_id="bjork", guild_id="g"))
    await store.apply_feedback(Feedback("c", "like", track_id="t2", artist_id="air", guild_id="elsewhere"))
    await store.apply_feedback(Feedback("c", "dislike", track_id="t3", artist_id="air", guild_id="g"))
    week = await store.trending("g", now - 7 * DAY)
    assert week.requested_artists == (Ranked("Björk", 2), Ranked("Air", 1))
    assert week.requested_moods == (Ranked("chill", 3),)
    assert week.liked_artists == (Ranked("bjork", 2),)
    assert week.liked_tracks == (Ranked("t1", 2),)


async def test_delete_removes_events_settings_audit_and_prefs_too(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    await store.set_prefs(UserPrefs("alice", novelty="familiar"))
    await store.record_event(event(time.time(), "alice", guild_id="g", subjects=(("artist", "Air"),)))
    await store.change_setting("g", "default_count", 3, by="alice")
    await store.apply_feedback(Feedback("alice", "like", track_id="t1", artist_id="a1", guild_id="g"))
    await store.flush()
    await store.delete_user("alice")
    async with store.engine.connect() as conn:
        for table in tables.metadata.sorted_tables:
            if "user_id" in table.c:
                left = await conn.scalar(select(func.count()).select_from(table).where(table.c.user_id == "alice"))
                assert left == 0, table.name
    assert (await store.guild_settings("g")).default_count == 3  # the server's setting is the server's


async def test_cleanup_applies_the_analytics_retention(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    now = time.time()
    await store.record_event(event(now - store.analytics_retention - DAY, "u", subjects=(("artist", "Old"),)))
    await store.record_event(event(now, "u", subjects=(("artist", "New"),)))
    await store.flush()
    assert await store.cleanup() >= 2
    report = await store.analytics(0.0, now + 1)
    assert report.events == 1
    assert report.popular["artist"] == (Ranked("New", 1),)


async def test_the_migrated_schema_is_the_declared_one(durable: Backend) -> None:
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    async with store.engine.connect() as conn:
        diff = await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), tables.metadata))
    assert diff == []


async def test_the_like_feed_is_in_commit_order_and_resumable(backend: Backend) -> None:
    store = await backend.open()
    await store.apply_feedback(Feedback("a", "like", track_id="t1", artist_id="x"))
    await store.apply_feedback(Feedback("a", "known", track_id="t1"))
    await store.apply_feedback(Feedback("b", "like", track_id="t2"))
    await store.apply_feedback(Feedback("a", "dislike", track_id="t1"))
    await store.flush()
    feed = await store.likes_since(0, 10)
    assert [(s.user_id, s.kind, s.track_id) for s in feed] == [
        ("a", "like", "t1"),
        ("b", "like", "t2"),
        ("a", "dislike", "t1"),
    ]
    assert await store.likes_since(feed[0].id, 1) == feed[1:2]
    assert await store.likes_since(feed[-1].id, 10) == []


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def test_events_stored_before_the_rollups_are_folded_in_by_the_migration(kind: str, tmp_path: Path) -> None:
    async with contextlib.AsyncExitStack() as stack:
        if kind == "sqlite":
            engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
        else:
            require(await pg_available(), "PostgreSQL on 127.0.0.1:5432 (database test, trust auth)")
            engine = make_engine(PG_URL, schema=await stack.enter_async_context(pg_schema()))
        await upgrade(engine, "0003")
        at = T0 + 3600.5
        async with engine.begin() as conn:  # what revision 0003's writer stored: raw events only
            await conn.execute(
                insert(tables.events),
                [{"created_at": at, "day": int(at // DAY), "command": "recommend", "user_id": u, "guild_id": "g",
                  "latency_bucket": 60, "outcome": "ok", "error_type": None, "cache_hit": u == "a"}
                 for u in ("a", "b")],
            )  # fmt: skip
            await conn.execute(
                insert(tables.event_subjects),
                [{"created_at": at, "user_id": u, "guild_id": "g", "kind": "artist", "value": "Air"} for u in "ab"],
            )
        await upgrade(engine)
        store = SqlStateStore(engine)
        report = await store.analytics(T0, T0 + DAY - 1)
        assert (report.events, report.weekly_active) == (2, 2)
        assert report.popular["artist"] == (Ranked("Air", 2),)
        assert report.commands[0].cache_hit_rate == 0.5
        assert (await store.trending("g", T0)).requested_artists == (Ranked("Air", 2),)
        await store.close()


@pytest.mark.postgres
async def test_two_processes_migrating_one_fresh_database_at_once_both_succeed() -> None:
    require(await pg_available(), "PostgreSQL on 127.0.0.1:5432 (database test, trust auth)")
    async with pg_schema() as schema:
        first, second = make_engine(PG_URL, schema=schema), make_engine(PG_URL, schema=schema)
        await asyncio.gather(upgrade(first), upgrade(second))
        assert await current_revision(first) == head_revision()
        await first.dispose()
        await second.dispose()
