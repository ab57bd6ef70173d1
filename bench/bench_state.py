"""State store benchmarks: batched writes per second, profile reads and /discover at 10,000 users and 1,000,000
feedback rows, and migration time, on SQLite (a file) and PostgreSQL (the machine's server, a scratch schema).

Targets from the storage issue: /discover p99 <= 20 ms at that size.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import insert, text

from segue.app import Core, ensure_catalog, open_core
from segue.bot.answers import Answers
from segue.config import load_settings
from segue.domain import Feedback
from segue.state import SqlStateStore, UserProfile, apply_feedback, make_engine, profiles
from segue.state import tables as t
from segue.state.migrate import upgrade

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
USERS = 10_000
ROWS = 1_000_000
WRITES = 20_000
READS = 1_000
DISCOVERS = 300
CHUNK = 20_000


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _timed(calls: list[Callable[[], Awaitable[object]]]) -> list[float]:
    out = []
    for call in calls:
        started = time.perf_counter()
        await call()
        out.append((time.perf_counter() - started) * 1000)
    return out


async def _fill(store: SqlStateStore, track_ids: list[str], rng: random.Random) -> float:
    """1M feedback rows over 10k users and their profile snapshots, written straight through SQL in chunks (the
    state a long-running bot reaches; seeding, not the thing measured)."""
    started = time.perf_counter()
    kinds = ("like", "like", "dislike", "known")
    built = {str(u): UserProfile(user_id=str(u)) for u in range(USERS)}
    for start in range(0, ROWS, CHUNK):
        rows = [
            {"user_id": str(rng.randrange(USERS)), "kind": rng.choice(kinds), "track_id": rng.choice(track_ids),
             "artist_id": None, "created_at": time.time()}
            for _ in range(min(CHUNK, ROWS - start))
        ]  # fmt: skip
        for row in rows:
            uid = row["user_id"]
            built[uid] = apply_feedback(built[uid], Feedback(uid, row["kind"], row["track_id"]))
        async with store.engine.begin() as conn:
            await conn.execute(insert(t.feedback), rows)
    users = [
        {"user_id": uid, "requests": 0, "profile": profiles.encode(p), "created_at": 0.0, "updated_at": 0.0}
        for uid, p in built.items()
    ]
    async with store.engine.begin() as conn:
        await conn.execute(insert(t.users), users)
    return time.perf_counter() - started


async def _writes(store: SqlStateStore, track_ids: list[str]) -> float:
    """Shown-track records (what every answer writes) from 500 users, submitted as fast as the loop allows."""
    started = time.perf_counter()
    for i in range(WRITES):
        await store.record_answer(f"w{i % 500}", track_ids[i % len(track_ids) : i % len(track_ids) + 5])
    await store.flush()
    return WRITES / (time.perf_counter() - started)


async def _one_backend(name: str, url: str, schema: str | None, core: Core) -> str:
    rng = random.Random(7)
    engine = make_engine(url, schema=schema)
    started = time.perf_counter()
    await upgrade(engine)
    migrate_empty = (time.perf_counter() - started) * 1000
    store = SqlStateStore(engine)
    answers = Answers(core.service, store)
    catalog = core.catalog
    track_ids = [catalog.track(rng.randrange(catalog.n_tracks)).id for _ in range(5_000)]
    writes_per_s = await _writes(store, track_ids)
    fill_s = await _fill(store, track_ids, rng)
    started = time.perf_counter()
    await upgrade(engine)
    migrate_full = (time.perf_counter() - started) * 1000
    users = [str(rng.randrange(USERS)) for _ in range(READS)]
    reads = await _timed([lambda u=u: store.profile(u) for u in users])  # type: ignore[misc]
    discovers = await _timed([lambda u=u: answers.discover(u, count=10) for u in users[:DISCOVERS]])  # type: ignore[misc]
    await store.close()
    cells = [
        name,
        f"{writes_per_s:,.0f}",
        f"{fill_s:.1f}",
        *(f"{v:.2f}" for v in (statistics.median(reads), _pct(reads, 0.99))),
        *(f"{v:.2f}" for v in (statistics.median(discovers), _pct(discovers, 0.99))),
        f"{migrate_empty:.0f}",
        f"{migrate_full:.0f}",
    ]
    return "| " + " | ".join(cells) + " |"


async def _pg_schema() -> str | None:
    import asyncpg

    try:
        conn = await asyncio.wait_for(asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test"), 3.0)
    except (OSError, TimeoutError):
        return None
    schema = f"segue_bench_{uuid.uuid4().hex[:8]}"
    await conn.execute(f'CREATE SCHEMA "{schema}"')
    await conn.close()
    return schema


async def _drop(schema: str) -> None:
    engine = make_engine(PG_URL)
    async with engine.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await engine.dispose()


async def _run() -> str:
    settings = load_settings()
    ensure_catalog(settings)
    core = open_core(settings)
    rows = []
    with TemporaryDirectory() as tmp:
        rows.append(
            await _one_backend("SQLite (WAL, one file)", f"sqlite+aiosqlite:///{Path(tmp) / 's.db'}", None, core)
        )
    schema = await _pg_schema()
    note = ""
    if schema is None:
        note = "_PostgreSQL at 127.0.0.1:5432 was not reachable: its row is missing._"
    else:
        try:
            rows.append(await _one_backend("PostgreSQL 127.0.0.1 (asyncpg)", PG_URL, schema, core))
        finally:
            await _drop(schema)
    return "\n".join(
        [
            "## State store",
            "",
            f"Writes: {WRITES:,} answers recorded (5 shown tracks each, 500 users) through `SqlStateStore` (batched "
            "writer, one transaction per batch, profile snapshots updated in it), "
            "timed to the end of the flush. Then the tables are seeded to "
            f"{USERS:,} users and {ROWS:,} feedback rows (seeding time shown), and {READS:,} profile reads and "
            f"{DISCOVERS} `/discover` answers (`Answers.discover`: profile read + the engine on the full catalog) "
            "run for random users. Migration: empty database to head, and a no-op upgrade on the full one. "
            "Target: /discover p99 <= 20 ms.",
            "",
            "| database | writes/s | seed 1M rows (s) | profile p50 ms | profile p99 ms | /discover p50 ms "
            "| /discover p99 ms | migrate empty (ms) | migrate full, no-op (ms) |",
            "|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            note,
        ]
    )


def run() -> str:
    """Run the state benchmarks and return the Markdown section."""
    return asyncio.run(_run())


if __name__ == "__main__":
    print(run())
