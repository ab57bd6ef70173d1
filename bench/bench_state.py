"""State store benchmarks: batched writes per second, profile reads and /discover at 10,000 users and 1,000,000
feedback rows, the analytics report and a server's trending week over 1,000,000 events, and migration time on that
data, on SQLite (a file) and PostgreSQL (the machine's server, a scratch schema).

Targets from the storage issue: /discover p99 <= 20 ms, the analytics report <= 1 s, at that size.
"""

from __future__ import annotations

import asyncio
import gc
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import insert, text

from segue.app import Core, ensure_catalog, open_core, serving_threads
from segue.bot.answers import Answers
from segue.bot.runner import GC_GEN0_THRESHOLD
from segue.config import load_settings
from segue.domain import EntityRef, Feedback, Query
from segue.state import SavedAnswer, SqlStateStore, UserProfile, answer_key, apply_feedback, make_engine, profiles
from segue.state import tables as t
from segue.state.batch import commit as commit_batch
from segue.state.migrate import upgrade
from segue.state.ops import RecordEvent
from segue.state.records import DAY, AnalyticsEvent
from segue.state.statements import Statements

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
USERS = 10_000
ROWS = 1_000_000
WRITES = 20_000
READS = 1_000
DISCOVERS = 1_000
CHUNK = 20_000
EVENTS = 1_000_000
GUILDS = 200
COMMANDS = ("recommend", "recommend", "recommend", "mention", "mention", "discover", "similar", "mood")
MOODS = ("chill", "sad", "happy", "party", "focus", "sleep", "angry", "romantic")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _as_the_bot_serves(core: Core) -> None:
    """The process set up as the bot's runner does (`segue.bot.runner`): one BLAS thread, the catalog's name indexes
    built, the start-up heap frozen out of the collector and its gen0 threshold raised. Without it, collections
    over the catalog's objects, which the bot never makes, land in /discover's p99."""
    serving_threads()
    core.catalog.warm_up()
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_GEN0_THRESHOLD, 20, 20)


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


async def _fill_events(store: SqlStateStore, artists: list[str], rng: random.Random) -> float:
    """1M analytics events over 30 days (with their subjects), through the writer's own batch code, in chunks."""
    started, now = time.perf_counter(), time.time()
    sql = Statements.build(store.engine.dialect.name)
    for start in range(0, EVENTS, CHUNK):
        ops = []
        for _ in range(min(CHUNK, EVENTS - start)):
            outcome = rng.choices(("ok", "empty", "rate_limited", "error"), (90, 5, 4, 1))[0]
            ops.append(
                RecordEvent(
                    AnalyticsEvent(
                        at=now - rng.random() * 30 * DAY, command=rng.choice(COMMANDS),
                        user_id=str(rng.randrange(USERS)), guild_id=str(rng.randrange(GUILDS)),
                        latency_ms=rng.lognormvariate(3.0, 0.8), outcome=outcome,
                        error_type="ProviderError" if outcome == "error" else None, cache_hit=rng.random() < 0.3,
                        subjects=(("artist", rng.choice(artists)), ("mood", rng.choice(MOODS))),
                        sources=(("deezer", rng.random() < 0.97),),
                    )
                )
            )  # fmt: skip
        async with store.engine.begin() as conn:
            await conn.run_sync(commit_batch, sql, ops, now)
    return time.perf_counter() - started


async def _reports(store: SqlStateStore) -> tuple[float, float, float]:
    """Seconds for the 7-day and the 30-day analytics report, and one server's trending week (best of 3 each)."""
    now = time.time()
    week = min([await _seconds(store.analytics(now - 7 * DAY, now)) for _ in range(3)])
    month = min([await _seconds(store.analytics(now - 31 * DAY, now)) for _ in range(3)])
    trending = min([await _seconds(store.trending("7", now - 7 * DAY)) for _ in range(3)])
    return week, month, trending


async def _seconds(work: Awaitable[object]) -> float:
    started = time.perf_counter()
    await work
    return time.perf_counter() - started


async def _writes(store: SqlStateStore, track_ids: list[str]) -> float:
    """Shown-track records (what every answer writes) from 500 users, submitted as fast as the loop allows."""
    started = time.perf_counter()
    for i in range(WRITES):
        await store.record_answer(f"w{i % 500}", track_ids[i % len(track_ids) : i % len(track_ids) + 5])
    await store.flush()
    return WRITES / (time.perf_counter() - started)


async def _one_backend(name: str, url: str, schema: str | None, core: Core) -> tuple[str, str]:
    rng = random.Random(7)
    engine = make_engine(url, schema=schema)
    started = time.perf_counter()
    await upgrade(engine, "0002")  # the schema before settings and analytics, so 0003 migrates real data below
    migrate_empty = (time.perf_counter() - started) * 1000
    store = SqlStateStore(engine)
    answers = Answers(core.service, store)
    catalog = core.catalog
    track_ids = [catalog.track(rng.randrange(catalog.n_tracks)).id for _ in range(5_000)]
    fill_s = await _fill(store, track_ids, rng)
    started = time.perf_counter()
    await upgrade(engine)  # 0002 -> head on 1M feedback rows (0003 indexes them by server)
    migrate_full = (time.perf_counter() - started) * 1000
    writes_per_s = await _writes(store, track_ids)
    artists = [catalog.artist(rng.randrange(catalog.n_artists)).name for _ in range(2_000)]
    events_s = await _fill_events(store, artists, rng)
    week_s, month_s, trending_s = await _reports(store)
    users = [str(rng.randrange(USERS)) for _ in range(READS)]
    reads = await _timed([lambda u=u: store.profile(u) for u in users])  # type: ignore[misc]
    stages: dict[str, list[float]] = {}
    undo = [_stage_timer(store, STAGES, stages), _stage_timer(core.service, ("discover",), stages)]
    discovers = await _timed([lambda u=u: answers.discover(u, count=10) for u in users[:DISCOVERS]])  # type: ignore[misc]
    for step in undo:
        step()
    await store.close()
    cells = [
        name,
        f"{writes_per_s:,.0f}",
        f"{fill_s:.1f}",
        *(f"{v:.2f}" for v in (statistics.median(reads), _pct(reads, 0.99))),
        *(f"{v:.2f}" for v in (statistics.median(discovers), _pct(discovers, 0.99))),
        f"{migrate_empty:.0f}",
        f"{migrate_full:.0f}",
        f"{events_s:.0f}",
        f"{week_s:.2f}",
        f"{month_s:.2f}",
        f"{trending_s * 1000:.0f}",
    ]
    return "| " + " | ".join(cells) + " |", _stage_row(name, discovers, stages)


def _stage_row(name: str, total: list[float], stages: dict[str, list[float]]) -> str:
    """One /discover row by stage: the engine, the member's read, and the rest (the answer's writes queued, the
    loop's other work, such as the writer committing earlier answers' writes)."""
    engine, read = stages.get("discover", []), stages.get("listener", [])
    cells = [name]
    for got in (total, engine, read):
        cells.append(f"{statistics.median(got):.2f} / {_pct(got, 0.99):.2f}" if got else "-")
    if len(engine) == len(read) == len(total):
        rest = [t - e - r for t, e, r in zip(total, engine, read, strict=True)]
        cells.append(f"{statistics.median(rest):.2f} / {_pct(rest, 0.99):.2f}")
    else:
        cells.append("-")
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
    _as_the_bot_serves(core)
    done = []
    with TemporaryDirectory() as tmp:
        done.append(
            await _one_backend("SQLite (WAL, one file)", f"sqlite+aiosqlite:///{Path(tmp) / 's.db'}", None, core)
        )
    schema = await _pg_schema()
    note = ""
    if schema is None:
        note = "_PostgreSQL at 127.0.0.1:5432 was not reachable: its row is missing._"
    else:
        try:
            done.append(await _one_backend("PostgreSQL 127.0.0.1 (asyncpg)", PG_URL, schema, core))
        finally:
            await _drop(schema)
    rows, stage_rows = [row for row, _ in done], [stage for _, stage in done]
    return "\n".join(
        [
            "## State store",
            "",
            f"Writes: {WRITES:,} answers recorded (5 shown tracks each, 500 users) through `SqlStateStore` (batched "
            "writer, one transaction per batch, profile snapshots updated in it), "
            "timed to the end of the flush. Then the tables are seeded to "
            f"{USERS:,} users and {ROWS:,} feedback rows (seeding time shown), and {READS:,} profile reads and "
            f"{DISCOVERS:,} `/discover` answers (`Answers.discover`: the member's read + the engine on the full "
            "catalog, run inline on the event loop; the process set up as the bot's runner does: one BLAS thread, the "
            "start-up heap frozen out of the collector, its gen0 threshold raised) "
            "run for random users. Migration: an empty database to revision 0002, and 0002 to head on the seeded "
            f"one (0003 adds the settings and analytics tables and indexes the 1M feedback rows). Then {EVENTS:,} "
            f"analytics events over 30 days ({GUILDS} servers, two subjects and one source each) are written through "
            "the writer's batch code, and the analytics report for the last 7 and 30 days and one server's trending "
            "week are timed (best of 3). Targets: /discover p99 <= 20 ms, analytics report <= 1 s.",
            "",
            "| database | writes/s | seed 1M rows (s) | profile p50 ms | profile p99 ms | /discover p50 ms "
            "| /discover p99 ms | migrate empty (ms) | migrate 0002->head on 1M rows (ms) | write 1M events (s) "
            "| report 7 d (s) | report 30 d (s) | trending (ms) |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
            *rows,
            "",
            note,
            "",
            "/discover by stage, p50 / p99 ms: the engine (`RecommendationService.discover`), the member's read "
            "(`StateStore.listener`: profile, preferences and the tracks shown within the repeat window), and the "
            "rest (the answer's two writes queued, and the loop's other work meanwhile: the writer committing "
            "earlier answers). `python -m bench.bench_state discover [sqlite] [pg]` runs only this, in 3 rounds.",
            "",
            "| database | /discover | engine | member read | rest |",
            "|---|---|---|---|---|",
            *stage_rows,
        ]
    )


def run() -> str:
    """Run the state benchmarks and return the Markdown section."""
    return asyncio.run(_run())


# -- a focused /discover mode: where its time goes -----------------------------------------------------------------

STAGES = ("listener", "profile", "prefs", "shown_since", "save_answer", "record_answer")
"""The store calls /discover may make (`listener` is the one read that replaced `profile`, `prefs`, `shown_since`)."""


def _stage_timer(target: object, names: tuple[str, ...], into: dict[str, list[float]]) -> Callable[[], None]:
    """Wrap `target`'s coroutine methods so each call's milliseconds land in `into[name]`; returns the undo."""
    originals = {name: getattr(target, name) for name in names if hasattr(target, name)}

    def wrap(name: str, method: Callable[..., Awaitable[object]]) -> Callable[..., Awaitable[object]]:
        async def timed(*args: object, **kwargs: object) -> object:
            started = time.perf_counter()
            try:
                return await method(*args, **kwargs)
            finally:
                into.setdefault(name, []).append((time.perf_counter() - started) * 1000)

        return timed

    for name, method in originals.items():
        setattr(target, name, wrap(name, method))

    def undo() -> None:
        for name in originals:
            delattr(target, name)  # the instance attribute goes; the class's method shows again

    return undo


async def _focus_backend(name: str, url: str, schema: str | None, core: Core, rounds: int) -> list[str]:
    """Seed as the full run does, then `rounds` rounds of DISCOVERS answers, each call's stages timed."""
    rng = random.Random(7)
    engine = make_engine(url, schema=schema)
    await upgrade(engine)
    store = SqlStateStore(engine)
    answers = Answers(core.service, store)
    catalog = core.catalog
    track_ids = [catalog.track(rng.randrange(catalog.n_tracks)).id for _ in range(5_000)]
    await _fill(store, track_ids, rng)
    warm_up = 200
    users = [str(rng.randrange(USERS)) for _ in range(warm_up + DISCOVERS * rounds)]
    for u in users[:warm_up]:  # caches, pool connections, the first answers' writes
        await answers.discover(u, count=10)
    out = []
    for r in range(rounds):
        stages: dict[str, list[float]] = {}
        undo_store = _stage_timer(store, STAGES, stages)
        undo_engine = _stage_timer(core.service, ("discover",), stages)
        batch = users[warm_up + DISCOVERS * r : warm_up + DISCOVERS * (r + 1)]
        stages["total"] = await _timed([lambda u=u: answers.discover(u, count=10) for u in batch])  # type: ignore[misc]
        undo_store()
        undo_engine()
        cells = [name, str(r + 1)]
        for stage in ("total", "discover", *STAGES):
            got = stages.get(stage)
            cells.append(f"{statistics.median(got):.2f} / {_pct(got, 0.99):.2f}" if got else "-")
        out.append("| " + " | ".join(cells) + " |")
    await store.close()
    return out


async def _focus(rounds: int, backends: tuple[str, ...]) -> str:
    settings = load_settings()
    ensure_catalog(settings)
    core = open_core(settings)
    _as_the_bot_serves(core)
    rows: list[str] = []
    if "sqlite" in backends:
        with TemporaryDirectory() as tmp:
            rows += await _focus_backend("SQLite", f"sqlite+aiosqlite:///{Path(tmp) / 's.db'}", None, core, rounds)
    schema = await _pg_schema() if "pg" in backends else None
    if schema is not None:
        try:
            rows += await _focus_backend("PostgreSQL", PG_URL, schema, core, rounds)
        finally:
            await _drop(schema)
    head = " | ".join(f"{s} p50 / p99 ms" for s in ("total", "engine", *STAGES))
    return "\n".join([f"| database | round | {head} |", "|" + "---|" * (2 + 1 + 1 + len(STAGES)), *rows])


def focus(rounds: int = 3, backends: tuple[str, ...] = ("sqlite", "pg")) -> str:
    """Only /discover, split by stage (state reads and writes, the engine): `python -m bench.bench_state discover`."""
    return asyncio.run(_focus(rounds, backends))


# -- state store CPU per /recommend: the member's read and the answer's three writes, at the bot's pace ------------

CPU_USERS = 2_048
CPU_RATE = 50.0
"""Requests per second: about what the bot answers at 16 users on two cores (BENCHMARKS.md, bot), so the writer's
batches hold what they hold in the bot (a 50 ms window: two or three answers each)."""


def _track(rng: random.Random) -> str:
    return f"t{rng.getrandbits(64):016x}"


def _recommend_calls(rng: random.Random, user: str) -> tuple[SavedAnswer, tuple[str, ...], AnalyticsEvent]:
    """What one answered /recommend hands the store: a saved answer, 10 shown tracks and an analytics event."""
    shown = tuple(_track(rng) for _ in range(10))
    query = Query(text="something like daft punk", seed_artists=(EntityRef(1, "a1", "Daft Punk"),), moods=("chill",))
    answer = SavedAnswer(answer_key(user, query, ",".join(shown)), user, query, shown, 10, 0)
    event = AnalyticsEvent(
        at=time.time(), command="recommend", user_id=user, guild_id=str(int(user) % 32), latency_ms=12.0,
        outcome="ok", cache_hit=False, subjects=(("artist", "Daft Punk"), ("mood", "chill")),
        sources=(("deezer", True),),
    )  # fmt: skip
    return answer, shown, event


async def _paced(store: SqlStateStore | None, seconds: float, rng: random.Random) -> tuple[int, float]:
    """Requests at CPU_RATE for `seconds` (None: the same pacing and objects, no store); (requests, CPU seconds)."""

    async def one(user: str) -> None:
        answer, shown, event = _recommend_calls(rng, user)
        if store is not None:
            await store.listener(user)
            await store.save_answer(answer)
            await store.record_answer(user, shown)
            await store.record_event(event)

    n, tasks = int(CPU_RATE * seconds), []
    cpu, start = time.process_time(), time.perf_counter()
    for i in range(n):
        await asyncio.sleep(max(0.0, start + i / CPU_RATE - time.perf_counter()))
        tasks.append(asyncio.create_task(one(str(rng.randrange(CPU_USERS)))))
    await asyncio.gather(*tasks)
    if store is not None:
        await store.flush()
    return n, time.process_time() - cpu


async def _cpu_backend(url: str, schema: str | None, history: int, seconds: float) -> tuple[float, float]:
    """Process CPU ms per request (every thread: the loop, the writer's, the driver's), and the pacing's own."""
    rng = random.Random(7)
    engine = make_engine(url, schema=schema)
    await upgrade(engine)
    store = SqlStateStore(engine)
    rows = [
        {"user_id": str(u), "requests": 1, "created_at": 0.0, "updated_at": 0.0,
         "profile": profiles.encode(UserProfile(str(u), history=tuple(_track(rng) for _ in range(history))))}
        for u in range(CPU_USERS)
    ]  # fmt: skip
    async with engine.begin() as conn:
        await conn.execute(insert(t.users), rows)
    await _paced(store, 2.0, rng)  # warm: connections, compiled statements
    n, used = await _paced(store, seconds, rng)
    idle_n, idle = await _paced(None, seconds, rng)
    await store.close()
    return used / n * 1000, idle / idle_n * 1000


async def _cpu(backends: tuple[str, ...], seconds: float) -> str:
    lines = [
        f"State store CPU per /recommend ({CPU_RATE:.0f}/s for {seconds:.0f} s, {CPU_USERS:,} members with snapshots; "
        "the member's read and the answer's three writes; process CPU less the pacing's own):",
        "",
        "| database | history per member | state CPU ms per /recommend | pacing alone ms |",
        "|---|---|---|---|",
    ]
    for history in (40, 500):
        if "sqlite" in backends:
            with TemporaryDirectory() as tmp:
                used, idle = await _cpu_backend(f"sqlite+aiosqlite:///{Path(tmp) / 's.db'}", None, history, seconds)
            lines.append(f"| SQLite | {history} | {used - idle:.2f} | {idle:.2f} |")
        schema = await _pg_schema() if "pg" in backends else None
        if schema is not None:
            try:
                used, idle = await _cpu_backend(PG_URL, schema, history, seconds)
            finally:
                await _drop(schema)
            lines.append(f"| PostgreSQL | {history} | {used - idle:.2f} | {idle:.2f} |")
    return "\n".join(lines)


def cpu(backends: tuple[str, ...] = ("sqlite", "pg"), seconds: float = 10.0) -> str:
    """`python -m bench.bench_state cpu [sqlite] [pg]`: the state store's CPU per /recommend, alone."""
    return asyncio.run(_cpu(backends, seconds))


if __name__ == "__main__":
    import sys

    picked = tuple(a for a in sys.argv[2:] if a in ("sqlite", "pg")) or ("sqlite", "pg")
    if sys.argv[1:2] == ["discover"]:
        print(focus(backends=picked))
    elif sys.argv[1:2] == ["cpu"]:
        print(cpu(backends=picked))
    else:
        print(run())
