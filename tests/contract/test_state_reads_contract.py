"""The contract for reads: `listener` (/discover's one read) is the three reads it replaced, and a read taken while
the writer commits sees each write exactly once, on memory, SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from segue.domain import Feedback
from segue.state import Listener, SqlStateStore, StateStore
from segue.state.records import UserPrefs
from segue.state.transaction import Transaction
from support.state import Backend


async def separately(store: StateStore, user_id: str, since: float) -> Listener:
    return Listener(await store.profile(user_id), await store.prefs(user_id), await store.shown_since(user_id, since))


async def test_listener_is_profile_prefs_and_shown_since_read_together(backend: Backend) -> None:
    store = await backend.open()
    since = time.time() - 60
    assert await store.listener("u", shown_since=since) == Listener(
        await store.profile("u"), UserPrefs("u"), frozenset()
    )
    await store.apply_feedback(Feedback("u", "like", track_id="t1", artist_id="a1"))
    await store.apply_feedback(Feedback("u", "block_artist", artist_id="a9"))
    await store.set_prefs(UserPrefs("u", novelty="adventurous", lastfm_user="rj"))
    await store.record_answer("u", ["s1", "s2"])
    await store.record_answer("other", ["s9"])
    pending = await store.listener("u", shown_since=since)  # some of it may not be committed yet
    assert pending == await separately(store, "u", since)
    assert pending.profile.liked_tracks == ("t1",)
    assert pending.prefs.lastfm_user == "rj"
    assert pending.shown == frozenset({"s1", "s2"})
    await store.flush()
    assert await store.listener("u", shown_since=since) == pending
    assert (await store.listener("u")).shown == frozenset()  # no window asked: the shown tracks are not read
    assert (await store.listener("u", shown_since=time.time() + 60)).shown == frozenset()
    await store.delete_user("u")
    assert await store.listener("u", shown_since=0.0) == Listener(await store.profile("u"), UserPrefs("u"))


async def test_a_second_shard_reads_what_the_first_wrote(durable: Backend) -> None:
    shard0, shard1 = await durable.open(), await durable.open()
    await shard1.listener("u", shown_since=0.0)  # shard 1 has read the member before: nothing may be kept stale
    await shard0.apply_feedback(Feedback("u", "like", track_id="t1"))
    await shard0.set_prefs(UserPrefs("u", novelty="familiar"))
    await shard0.record_answer("u", ["s1"])
    await shard0.flush()
    seen = await shard1.listener("u", shown_since=0.0)
    assert seen.profile.liked_tracks == ("t1",)
    assert seen.prefs.novelty == "familiar"
    assert seen.shown == frozenset({"s1"})


async def test_reads_between_commits_count_every_write_once(backend: Backend) -> None:
    """The writer commits in the background while the member keeps asking; each read sees every write submitted
    before it exactly once (neither lost between the database and the pending writes, nor counted in both)."""
    store = await backend.open()
    for i in range(150):
        await store.record_answer("u", [f"s{i}"])
        if i % 2:
            await store.apply_feedback(Feedback("u", "like", track_id=f"t{i}"))
        seen = await store.listener("u", shown_since=0.0)
        assert store.healthy, "the read gave up on the database"
        assert seen.profile.requests == i + 1
        assert seen.profile.feedback == (i + 1) // 2
        assert len(seen.shown) == i + 1
        assert await store.profile("u") == seen.profile  # the plain read, direct on SQLite too
        await asyncio.sleep(0)  # let the writer start a commit now and then


async def test_a_read_does_not_wait_for_a_batch_still_being_written(
    durable: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Until its COMMIT no other connection sees a batch, so a read takes it from the pending writes and goes on:
    it waits for the COMMIT alone, not for the batch's statements (/discover's tail in BENCHMARKS.md)."""
    store = await durable.open()
    assert isinstance(store, SqlStateStore)
    written, release = asyncio.Event(), asyncio.Event()
    original: Callable[..., Awaitable[None]] = store._write

    async def held(*args: Any) -> None:
        await original(*args)
        written.set()
        await release.wait()  # the batch's statements ran; its transaction stays open

    await store.apply_feedback(Feedback("u", "like", track_id="t0"))
    await store.flush()  # committed: a read that gave up on the database would miss it
    monkeypatch.setattr(store, "_write", held)
    await store.record_answer("u", ["s1"])
    await store.apply_feedback(Feedback("u", "like", track_id="t1"))
    await asyncio.wait_for(written.wait(), 10.0)
    # Were reads held off for the whole transaction, this one would time out and answer without the database.
    seen = await store.listener("u", shown_since=0.0)
    assert store.healthy
    assert seen.profile.requests == 1
    assert seen.profile.liked_tracks == ("t0", "t1")
    assert seen.shown == frozenset({"s1"})
    release.set()
    await store.flush()
    after = await store.listener("u", shown_since=0.0)
    assert after == seen


async def test_a_read_after_a_commit_while_its_connection_closes_counts_the_batch_once(
    durable: Backend, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closing the writer's connection yields after its COMMIT; a read in between finds the batch in the database
    and must not find it among the pending writes as well."""
    store = await durable.open()
    committed, release = asyncio.Event(), asyncio.Event()
    writers: set[int] = set()
    original_commit, original_close = Transaction.commit, Transaction.close

    async def commit(tx: Transaction) -> None:
        await original_commit(tx)
        writers.add(id(tx))
        committed.set()

    async def close(tx: Transaction) -> None:
        if id(tx) in writers:
            writers.discard(id(tx))
            await release.wait()
        await original_close(tx)

    monkeypatch.setattr(Transaction, "commit", commit)
    monkeypatch.setattr(Transaction, "close", close)
    await store.record_answer("u", ["s1"])
    await asyncio.wait_for(committed.wait(), 10.0)
    seen = await store.listener("u", shown_since=0.0)
    release.set()
    assert store.healthy
    assert seen.profile.requests == 1
    assert seen.profile.history == ("s1",)
    await store.flush()
    assert (await store.listener("u")).profile.requests == 1
