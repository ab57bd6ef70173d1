"""Two `segue run` processes, shard 0 and shard 1 of 2, on one Redis and one PostgreSQL, against the stand-in.

What the processes share is shown by its effects, each through the other process: a member limited on one shard
is limited on the other; a like given through shard 0 changes /discover on shard 1; a button under an answer
shard 0 gave works through shard 1; shard 1 answers from the cache shard 0 filled; and when the holder of the
singleton-jobs lease is killed (SIGKILL, no goodbye), the other process takes the lease and runs the jobs.

The stand-in routes a guild's events to shard `(guild_id >> 22) % 2`, so each guild below belongs to one process.
Isolation from other test runs: a fresh PostgreSQL database, a lease name of its own, and Redis keys that are
scoped by this session's catalog build (answers) or by this run's user ids (limits), deleted afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from fakediscord import CallbackType, Channel, FakeDiscord, Guild, ManualClock, Message, User
from segue.catalog.store import Catalog
from segue.domain import Query
from segue.infra.redis_client import make_redis_client
from segue.state import SavedAnswer, SqlStateStore, make_engine
from support.ci import require
from support.e2e import component, text_of, track_titles
from support.net import free_port

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(600)]

REDIS_URL = os.environ.get("SEGUE_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PG_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
LEASE_TTL = 3.0
WAIT = 60.0
"""Generous: every wait below ends as soon as its condition holds; this only bounds a broken run."""
START_WAIT = 300.0
"""Two processes open the full catalog at once on a shared machine."""


async def eventually(probe: Callable[[], Awaitable[Any]], what: str, *, within: float = WAIT) -> Any:
    """The first truthy result of `probe`, tried every 0.1 s; fails the test after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        result = await probe()
        if result:
            return result
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting {within:.0f} s for {what}")
        await asyncio.sleep(0.1)


def samples(exposition: str, name: str, **labels: str) -> list[float]:
    """Values of the series of one metric whose labels include `labels` (read by prometheus-client's parser)."""
    return [
        s.value
        for family in text_string_to_metric_families(exposition)
        for s in family.samples
        if s.name == name and labels.items() <= s.labels.items()
    ]


def metric(exposition: str, name: str, **labels: str) -> float:
    """The sum of a metric's series that carry `labels` (and maybe more, e.g. the process's shard)."""
    return sum(samples(exposition, name, **labels))


@dataclass
class Shard:
    """One `segue run` child process and its ops endpoint."""

    shard_id: int
    port: int
    log: Path
    http: aiohttp.ClientSession
    process: asyncio.subprocess.Process | None = None

    async def health(self) -> dict[str, Any] | None:
        try:
            async with self.http.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                return dict(await response.json()) if response.status == 200 else None
        except (aiohttp.ClientError, OSError):
            return None

    async def lease(self) -> dict[str, Any]:
        health = await self.health()
        assert health is not None, f"shard {self.shard_id} stopped answering /healthz\n{self.tail()}"
        return dict(health["lease"])

    async def metrics(self) -> str:
        async with self.http.get(f"http://127.0.0.1:{self.port}/metrics") as response:
            return await response.text()

    def tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class World:
    fake: FakeDiscord
    guilds: tuple[Guild, Guild]
    channels: tuple[Channel, Channel]
    users: dict[str, User]


async def ask(fake: FakeDiscord, user: User, channel: Channel, name: str, options: dict[str, Any] | None = None) -> Any:
    handle = await fake.invoke_command(user, channel, name, options or {})
    return await handle.wait_answer(timeout=WAIT)


@contextlib.asynccontextmanager
async def fresh_database() -> AsyncIterator[str]:
    """A PostgreSQL database of this run's own (a lease's advisory lock and every table are per database)."""
    server = create_async_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    name = f"segue_shards_{uuid.uuid4().hex[:12]}"
    try:
        async with asyncio.timeout(5.0), server.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        await server.dispose()
        require(False, f"PostgreSQL on 127.0.0.1:5432 (database test, trust auth): {exc!r}")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        async with server.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await server.dispose()


@contextlib.asynccontextmanager
async def redis_checked(catalog_version: str, lease_key: str, ids: list[int]) -> AsyncIterator[None]:
    client = make_redis_client(REDIS_URL, timeout=2.0)
    try:
        await client.ping()
    except Exception as exc:
        await client.aclose()
        require(False, f"Redis not reachable at {REDIS_URL}: {exc!r}")
    try:
        yield
    finally:
        patterns = [f"segue:cache:*{catalog_version}*", lease_key] + [f"segue:rl:*:{i}" for i in ids]
        for pattern in patterns:
            async for key in client.scan_iter(match=pattern, count=500):
                await client.unlink(key)
        await client.aclose()


@dataclass(frozen=True)
class Setup:
    data_dir: Path
    database_url: str
    lease_name: str
    lease_backend: str
    logs: Path


def shard_env(fake: FakeDiscord, setup: Setup, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") and k != "DISCORD_TOKEN"}
    return env | {
        "SEGUE_DISCORD_TOKEN": fake.token,
        "SEGUE_DISCORD_API_BASE": fake.api_base,
        "SEGUE_DISCORD_GATEWAY_URL": fake.gateway_url,
        "SEGUE_DATA_DIR": str(setup.data_dir),
        "SEGUE_METRICS_PORT": str(port),
        "SEGUE_REDIS_URL": REDIS_URL,
        "SEGUE_REDIS_TIMEOUT": "1.0",  # a busy two-core machine: the bot's 0.25 s would open breakers here
        "SEGUE_DATABASE_URL": setup.database_url,
        "SEGUE_LEASE_BACKEND": setup.lease_backend,
        "SEGUE_LEASE_NAME": setup.lease_name,
        "SEGUE_LEASE_TTL": str(LEASE_TTL),
        "SEGUE_CLEANUP_EVERY": "1",
    }


@contextlib.asynccontextmanager
async def shard_processes(fake: FakeDiscord, setup: Setup) -> AsyncIterator[list[Shard]]:
    async with aiohttp.ClientSession() as http:
        shards = [Shard(i, free_port(), setup.logs / f"shard{i}.log", http) for i in (0, 1)]
        try:
            for shard in shards:
                with shard.log.open("wb") as out:
                    shard.process = await asyncio.create_subprocess_exec(
                        sys.executable,
                        "-m",
                        "segue",
                        "run",
                        "--shard-ids",
                        str(shard.shard_id),
                        "--shard-count",
                        "2",
                        env=shard_env(fake, setup, shard.port),
                        stdout=out,
                        stderr=asyncio.subprocess.STDOUT,
                    )
            yield shards
        finally:
            for shard in shards:
                if shard.process is not None and shard.process.returncode is None:
                    shard.process.kill()
                    await shard.process.wait()


def build_world(fake: FakeDiscord) -> World:
    guilds = (fake.create_guild("Shard Zero", shard=(0, 2)), fake.create_guild("Shard One", shard=(1, 2)))
    users = {name: fake.create_user(name) for name in ("alice", "bob", "carol", "dave")}
    for guild in guilds:
        for user in users.values():
            fake.add_member(guild, user)
    return World(fake, guilds, (guilds[0].channel("general"), guilds[1].channel("general")), users)


async def wait_ready(shards: list[Shard]) -> None:
    for shard in shards:

        async def ready(shard: Shard = shard) -> bool:
            assert shard.process is not None
            assert shard.process.returncode is None, f"shard {shard.shard_id} exited\n{shard.tail()}"
            health = await shard.health()
            return bool(health and health["ok"])

        await eventually(ready, f"shard {shard.shard_id} to be ready", within=START_WAIT)


@pytest.mark.parametrize("lease_backend", ["redis", "postgres"])
async def test_two_shard_processes_share_limits_state_cache_and_the_singleton_jobs(
    built_catalog: Catalog, tmp_path: Path, lease_backend: str
) -> None:
    lease_name = f"shards-test-{uuid.uuid4().hex[:10]}"
    catalog_version = str(built_catalog.manifest.get("built_at"))
    async with contextlib.AsyncExitStack() as stack:
        fake = await stack.enter_async_context(FakeDiscord(clock=ManualClock()))
        world = build_world(fake)
        database_url = await stack.enter_async_context(fresh_database())
        await stack.enter_async_context(
            redis_checked(
                catalog_version,
                f"segue:lease:{lease_name}",
                [u.id for u in world.users.values()] + [g.id for g in world.guilds],
            )
        )
        store = SqlStateStore(make_engine(database_url.replace("postgresql:", "postgresql+asyncpg:")), window=0.0)
        # Migrated once here: this test is about sharing, not about two processes migrating an empty database at once.
        await store.ensure_schema()
        stack.push_async_callback(store.close)
        setup = Setup(built_catalog.path.parent, database_url, lease_name, lease_backend, tmp_path)
        shards = await stack.enter_async_context(shard_processes(fake, setup))
        await fake.wait_for_bot(shards=[0, 1], timeout=START_WAIT)
        await wait_ready(shards)

        holder, other = await exactly_one_runs_the_singleton_jobs(shards, lease_backend)
        await limits_are_shared(world, shards)
        await a_like_through_shard_0_changes_discover_on_shard_1(world, store)
        await a_button_answered_by_shard_0_works_through_shard_1(world, store, shards)
        await shard_1_hits_the_cache_shard_0_filled(world, shards)
        took = await killing_the_holder_moves_the_singleton_jobs(holder, other, store)
        print(f"\n{lease_backend} lease taken over {took:.2f} s after SIGKILL of its holder (TTL {LEASE_TTL} s)")
        assert fake.stats().interactions_unanswered == 0
        await the_survivor_stops_cleanly_and_frees_the_lease(other, setup)


async def exactly_one_runs_the_singleton_jobs(shards: list[Shard], backend: str) -> tuple[Shard, Shard]:
    async def settled() -> tuple[Shard, Shard] | None:
        leases = [await s.lease() for s in shards]
        holders = [s for s, lease in zip(shards, leases, strict=True) if lease["held"]]
        if len(holders) != 1 or leases[shards.index(holders[0])]["singleton_runs"] < 2:
            return None
        return holders[0], next(s for s in shards if s is not holders[0])

    holder, other = await eventually(settled, "one process to hold the lease and sweep twice")
    before = (await holder.lease())["singleton_runs"]
    await asyncio.sleep(3 * LEASE_TTL)  # several renewals and sweeps (one a second) later...
    held, idle = await holder.lease(), await other.lease()
    assert held["held"]
    assert held["singleton_runs"] > before, "the holder stopped sweeping"
    assert held["backend"] == idle["backend"] == backend
    assert not idle["held"]
    assert idle["singleton_runs"] == 0, "the process without the lease ran the singleton jobs"
    return holder, other


async def limits_are_shared(world: World, shards: list[Shard]) -> None:
    """carol spends her burst (5) on shard 0; her next request, on shard 1, is refused there."""
    fake, carol, dave = world.fake, world.users["carol"], world.users["dave"]
    for _ in range(5):
        answer = await ask(fake, carol, world.channels[0], "recommend", {"genre": "folk", "count": 1})
        assert answer.original is not None
        assert len(track_titles(answer.original)) == 1, text_of(answer.original)
    refused = await ask(fake, carol, world.channels[1], "recommend", {"genre": "folk", "count": 1})
    assert refused.ephemeral
    assert "going a bit fast" in text_of(refused.original), text_of(refused.original)
    assert metric(await shards[1].metrics(), "segue_bot_rate_limited") == 1
    assert metric(await shards[0].metrics(), "segue_bot_rate_limited") == 0
    # Each process exposes its own endpoint, every series labelled with the shards it runs.
    assert samples(await shards[1].metrics(), "segue_bot_uptime_seconds", shard=str(shards[1].shard_id))
    # Shard 1 itself answers: the refusal is carol's, not the shard's.
    fine = await ask(fake, dave, world.channels[1], "recommend", {"genre": "folk", "count": 1})
    assert fine.original is not None
    assert len(track_titles(fine.original)) == 1


async def a_like_through_shard_0_changes_discover_on_shard_1(world: World, store: SqlStateStore) -> None:
    fake, alice = world.fake, world.users["alice"]
    before = await ask(fake, alice, world.channels[1], "discover", {"count": 3})
    assert "I don't know your taste yet" in text_of(before.original)
    assert track_titles(before.original) == []
    first = await ask(fake, alice, world.channels[0], "recommend", {"genre": "metal", "count": 3})
    message: Message = first.original
    picker = component(message, "sg:pick:")
    panel = await (
        await fake.select(alice, message, [picker.options[0].value], custom_id=picker.custom_id)
    ).wait_answer(timeout=WAIT)
    liked = await (await fake.click(alice, panel.original, label="Like")).wait_answer(timeout=WAIT)
    assert liked.content.startswith("👍 Liked"), liked.content

    async def stored() -> bool:
        return bool((await store.profile(str(alice.id))).liked_tracks)

    await eventually(stored, "shard 0's like to reach PostgreSQL")
    after = await ask(fake, alice, world.channels[1], "discover", {"count": 3})
    assert after.original is not None
    assert len(track_titles(after.original)) == 3, text_of(after.original)
    assert "I don't know your taste yet" not in text_of(after.original)


async def a_button_answered_by_shard_0_works_through_shard_1(
    world: World, store: SqlStateStore, shards: list[Shard]
) -> None:
    """bob's answer from shard 0, shown in shard 1's guild (as a forwarded or re-posted message would be)."""
    fake, bob = world.fake, world.users["bob"]
    answer = await ask(fake, bob, world.channels[0], "recommend", {"genre": "electronic", "count": 3})
    original: Message = answer.original
    key = component(original, "sg:pick:").custom_id.split(":")[2]

    async def saved() -> SavedAnswer | None:
        return await store.load_answer(key)

    await eventually(saved, "shard 0's saved answer to reach PostgreSQL")
    copy = fake.seed_message(world.channels[1], embeds=original.raw["embeds"], components=original.raw["components"])
    clicks_on_0 = metric(await shards[0].metrics(), "segue_bot_components", action="page")
    page = await (await fake.click(bob, copy, label="Next page")).wait_answer(timeout=WAIT)
    assert page.type is CallbackType.UPDATE_MESSAGE, text_of(page.original) if page.original else page
    edited = fake.message(copy.id)
    assert edited.embeds[0].title == "Recommendations · page 2"
    assert track_titles(edited)[0].startswith("4. ")
    assert not set(track_titles(edited)) & set(track_titles(original))
    assert metric(await shards[1].metrics(), "segue_bot_components", action="page") == 1
    assert metric(await shards[0].metrics(), "segue_bot_components", action="page") == clicks_on_0


async def shard_1_hits_the_cache_shard_0_filled(world: World, shards: list[Shard]) -> None:
    fake, dave = world.fake, world.users["dave"]
    options = {"query": "80s synth-pop", "count": 4}
    hits_before = metric(await shards[1].metrics(), "segue_cache_hits_total", ns="recommendations")
    first = await ask(fake, dave, world.channels[0], "recommend", options)
    second = await ask(fake, dave, world.channels[1], "recommend", options)
    assert first.original is not None
    assert second.original is not None
    assert len(track_titles(first.original)) == 4
    assert track_titles(second.original) == track_titles(first.original)
    hits_after = metric(await shards[1].metrics(), "segue_cache_hits_total", ns="recommendations")
    assert hits_after == hits_before + 1, "shard 1 computed the answer instead of reading shard 0's"


async def killing_the_holder_moves_the_singleton_jobs(holder: Shard, other: Shard, store: SqlStateStore) -> float:
    assert holder.process is not None
    runs_before = (await other.lease())["singleton_runs"]
    assert runs_before == 0
    holder.process.send_signal(signal.SIGKILL)
    killed_at = time.monotonic()
    await holder.process.wait()

    async def taken() -> bool:
        return bool((await other.lease())["held"])

    await eventually(taken, "the other process to take the lease over")
    took = time.monotonic() - killed_at
    # What the jobs do now happens in the survivor: an answer saved long ago is swept.
    stale = SavedAnswer(key="0123456789abcdef", user_id="ghost", query=Query(text="x"), shown=(), created=1.0)
    await store.save_answer(stale)
    await store.flush()
    assert await store.load_answer(stale.key) is not None

    async def swept() -> bool:
        return await store.load_answer(stale.key) is None

    await eventually(swept, "the survivor's cleanup to delete an expired saved answer")
    assert (await other.lease())["singleton_runs"] > runs_before
    assert took < WAIT
    return took


async def the_survivor_stops_cleanly_and_frees_the_lease(survivor: Shard, setup: Setup) -> None:
    assert survivor.process is not None
    survivor.process.send_signal(signal.SIGTERM)
    await asyncio.wait_for(survivor.process.wait(), timeout=WAIT)
    assert survivor.process.returncode == 0, survivor.tail()
    log = survivor.log.read_text(errors="replace")
    assert "shut down cleanly" in log
    assert f"lease {setup.lease_name} released" in log
    if setup.lease_backend == "redis":
        client = make_redis_client(REDIS_URL, timeout=2.0)
        try:
            assert await client.exists(f"segue:lease:{setup.lease_name}") == 0, "the lease outlived a clean stop"
        finally:
            await client.aclose()
