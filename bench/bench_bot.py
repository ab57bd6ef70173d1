"""Bot benchmark: the real `segue run` process on the full catalog, driven through the Discord stand-in hosted here.

The bot runs as its own process (as in production); the stand-in and the load generator run in this one, so they
do not share a GIL, and each process's CPU time per request says where the time goes. Measured in one run: cold
start to the first answered /ping; the bot's RSS after 10,000 and 20,000 interactions (then 10,000 /ping alone);
closed-loop throughput and open-loop (Poisson) latency of /ping, /recommend (a different query each time, so
nothing is cached) and a free-text mention. The bot's rate limits are at their maximum and requests rotate over
2,048 users in 32 guilds, so no limit answers instead of the bot. About 3 minutes on two cores.

`python -m bench.bench_bot` prints the section. Diagnostics for the owners, not part of `make bench`:
`--profile` runs the bot with its garbage collector and its event loop's lag (a 5 ms timer) timed per phase,
and samples both processes with py-spy (`pip install py-spy`) at the end; `--freeze-gc` times the collector with
the catalog's objects frozen (`Catalog.warm_up()` then `gc.freeze()` after `open_core`), to size that fix.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import math
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Literal

import numpy as np
import psutil

from fakediscord import (
    Activity,
    CallbackType,
    Channel,
    ErrorCode,
    FakeDiscord,
    FakeDiscordConfig,
    InteractionResponse,
    Message,
    User,
)
from segue.app import ensure_catalog
from segue.catalog.store import Catalog
from segue.config import Settings, load_settings

GUILDS, MEMBERS = 32, 64
"""2,048 users in 32 guilds: with the limits at their maximum, no user or guild comes near one."""
CONCURRENCY = (1, 16, 64)
RATES = (100, 300, 600)
CLOSED_SECONDS = 4.0
OPEN_SECONDS = 5.0
MEMORY_BATCH = 10_000
MEMORY_MIX = (("ping", 8), ("recommend", 1), ("mention", 1))
"""Interactions in the memory run: mostly /ping so 20,000 fit the time budget, a fifth through the engine."""
ANSWER_TIMEOUT = 30.0
DRAIN_LIMIT = 60.0
"""At most this long to wait for an open-loop request: above capacity the bot works through a backlog."""
WINDOW = 3.0
"""Discord's window for the first response; later ones are refused with 10062."""
RATE_LIMITS = {
    "SEGUE_RATE_USER_PER_MINUTE": "10000",
    "SEGUE_RATE_USER_BURST": "1000",
    "SEGUE_RATE_GUILD_PER_MINUTE": "100000",
}
TEMPLATES = (
    "something like {artist}",
    "{artist} but chill",
    "songs like {artist} from the 2010s",
    "{mood} songs like {artist}",
    "deep cuts like {artist}",
    "{genre} like {artist}",
    "like {artist} but {mood}",
    "popular tracks like {artist} no rap",
)
MOODS = ("chill", "sad", "happy", "party", "focus", "acoustic", "energetic", "dark")
GENRES = ("rock", "pop", "hip hop", "electronic", "jazz", "indie", "metal", "folk", "soul")
CLK_TCK = os.sysconf("SC_CLK_TCK")
MILESTONES = {"catalog ready": "catalog ready in", "on_ready": "ready as ", "engine workers": "engine workers ready"}
"""Log lines of `segue run` whose time (since process start) the cold-start table shows."""
PROFILE_DIR = Path(tempfile.gettempdir()) / "segue-bench-bot-profile"
PROFILE_HZ = 200


class Kind(StrEnum):
    """What a simulated user sends."""

    PING = "ping"
    RECOMMEND = "recommend"
    MENTION = "mention"

    @property
    def label(self) -> str:
        return "mention (free text)" if self is Kind.MENTION else f"/{self.value}"


Status = Literal["ok", "error", "late", "lost"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One request: how it ended, and seconds from the stand-in's event to the bot's first response."""

    status: Status
    latency: float | None = None


@dataclass(slots=True)
class Usage:
    """CPU seconds of both processes, seconds their main threads waited for a CPU, and wall time over one phase."""

    bot_cpu: float = 0.0
    here_cpu: float = 0.0
    bot_wait: float = 0.0
    here_wait: float = 0.0
    wall: float = 0.0
    bot_rss: float = 0.0
    """The bot's RSS (MB) at the end."""
    bot_gc: GcReport | None = None


@dataclass(slots=True)
class Run:
    """A phase's outcomes and what it cost."""

    outcomes: list[Outcome]
    elapsed: float
    usage: Usage
    offered: float = 0.0
    window: float = 0.0
    lag: list[float] = field(default_factory=list)
    """How late this process's event loop woke a 5 ms timer, sampled during the run (seconds)."""

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def throughput(self) -> float:
        return self.count("ok") / self.elapsed if self.elapsed > 0 else 0.0

    def percentile(self, q: float) -> float:
        """Latency percentile in ms over every request sent; late and lost ones count as infinitely slow."""
        values = [o.latency if o.latency is not None else math.inf for o in self.outcomes]
        if not values:
            return math.nan
        return float(np.percentile(np.asarray(values), q, method="higher")) * 1000

    def cpu_ms(self) -> tuple[float, float]:
        """CPU ms per request sent: (bot process, stand-in + load generator)."""
        n = max(1, len(self.outcomes))
        return self.usage.bot_cpu / n * 1000, self.usage.here_cpu / n * 1000


# -- the bot process --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GcReport:
    """The bot's garbage collector: (collections, seconds) per generation, and the longest pause in a window."""

    totals: tuple[tuple[int, float], ...]
    longest: float
    """Since the previous report."""
    worst: float
    """Since the start."""
    lag: tuple[float, float, float] = (0.0, 0.0, 0.0)
    """The bot's event loop since the previous report: p50, p99 and max seconds late waking a 5 ms timer."""

    @classmethod
    def parse(cls, text: str) -> GcReport:
        data = json.loads(text)
        totals = tuple((int(n), float(t)) for n, t in data["totals"])
        lag = data.get("lag") or (0.0, 0.0, 0.0)
        return cls(totals, float(data["longest"]), float(data["worst"]), (float(lag[0]), float(lag[1]), float(lag[2])))

    def since(self, earlier: GcReport) -> GcReport:
        """What happened between `earlier` and this report."""
        return GcReport(
            tuple((n - n0, t - t0) for (n, t), (n0, t0) in zip(self.totals, earlier.totals, strict=True)),
            self.longest,
            self.longest,
            self.lag,
        )

    def describe(self) -> str:
        parts = ", ".join(f"gen{g}: {n:,} collections, {t * 1e3:,.0f} ms" for g, (n, t) in enumerate(self.totals))
        return f"{parts}; longest pause {self.worst * 1e3:,.0f} ms"


@dataclass(eq=False)
class BotProcess:
    """`segue run` as a child process; its log lines are read (and timestamped) as they come."""

    proc: asyncio.subprocess.Process
    started: float
    seen: dict[str, float] = field(default_factory=dict)
    tail: deque[str] = field(default_factory=lambda: deque(maxlen=40))
    warnings: Counter[str] = field(default_factory=Counter)
    warning_texts: dict[str, str] = field(default_factory=dict)
    reader: asyncio.Task[None] | None = None
    gc_probe: bool = False
    gc_reports: asyncio.Queue[GcReport] = field(default_factory=asyncio.Queue)
    gc_last: GcReport | None = None

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def read(self) -> None:
        assert self.proc.stdout is not None
        async for raw in self.proc.stdout:
            now = time.monotonic()
            line = raw.decode(errors="replace").rstrip()
            self.tail.append(line)
            if line.startswith("BENCH-GC "):
                self.gc_last = GcReport.parse(line.removeprefix("BENCH-GC "))
                self.gc_reports.put_nowait(self.gc_last)
            for name, needle in MILESTONES.items():
                if name not in self.seen and needle in line:
                    self.seen[name] = now - self.started
            parts = line.split(maxsplit=4)
            if len(parts) >= 4 and parts[2] in ("WARNING", "ERROR", "CRITICAL"):
                key = f"{parts[2]} {parts[3].rstrip(':')}"
                self.warnings[key] += 1
                self.warning_texts.setdefault(key, parts[4][:160] if len(parts) > 4 else "")

    async def gc_now(self) -> GcReport | None:
        """The collector's totals so far (the longest pause is since the previous report); None without the probe."""
        if not self.gc_probe or self.proc.returncode is not None:
            return None
        self.proc.send_signal(signal.SIGUSR1)
        try:
            self.gc_last = await asyncio.wait_for(self.gc_reports.get(), 10)
        except TimeoutError:
            return None
        return self.gc_last

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def cpu_seconds(self) -> float:
        """The bot's CPU time, its engine worker processes' included (`SEGUE_ENGINE_PROCESSES`)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        own = (int(fields[11]) + int(fields[12])) / CLK_TCK
        return own + sum(cpu for cpu, _ in self.workers())

    def workers(self) -> list[tuple[float, float]]:
        """(CPU seconds, RSS MB) of each live child process of the bot (engine workers, their resource tracker)."""
        out = []
        with contextlib.suppress(psutil.Error):
            for child in psutil.Process(self.pid).children(recursive=True):
                with contextlib.suppress(psutil.Error):
                    times = child.cpu_times()
                    out.append((times.user + times.system, child.memory_info().rss / 2**20))
        return out

    def run_queue_seconds(self) -> float:
        return _run_queue_seconds(self.pid)

    async def stop(self, within: float = 60.0) -> tuple[int | None, float]:
        """SIGTERM (a graceful shutdown); the exit code and how long it took."""
        started = time.monotonic()
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), within)
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        if self.reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self.reader
        return self.proc.returncode, time.monotonic() - started


def bot_environment(settings: Settings, fake: FakeDiscord) -> dict[str, str]:
    """The caller's environment (its SEGUE_* settings included), pointed at the stand-in, limits at their maximum."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "SEGUE_SHARD_IDS", "SEGUE_SHARD_COUNT")}
    env |= RATE_LIMITS
    env |= {
        "SEGUE_DISCORD_TOKEN": fake.token,
        "SEGUE_DISCORD_API_BASE": fake.api_base,
        "SEGUE_DISCORD_GATEWAY_URL": fake.gateway_url,
        "SEGUE_DATA_DIR": str(settings.data_dir.resolve()),
        "SEGUE_LOG_LEVEL": "INFO",
        "SEGUE_FREE_TEXT": "true",
        "SEGUE_SYNC_COMMANDS": "true",
    }
    if settings.datasets_dir is not None:
        env["SEGUE_DATASETS_DIR"] = str(settings.datasets_dir.resolve())
    return env


GC_PROBE = """
import atexit, gc, json, os, signal, sys, time
totals = [[0, 0.0] for _ in range(3)]  # per generation: collections, seconds
longest = [0.0, 0.0]  # since the last report, over the whole run
began = [0.0]
def timed(phase, info):
    if phase == "start":
        began[0] = time.perf_counter()
        return
    took = time.perf_counter() - began[0]
    totals[info["generation"]][0] += 1
    totals[info["generation"]][1] += took
    longest[0], longest[1] = max(longest[0], took), max(longest[1], took)
lags = []  # how late the loop woke a 5 ms timer, since the last report
def quantiles():
    if not lags:
        return [0.0, 0.0, 0.0]
    ordered = sorted(lags)
    return [ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], ordered[-1]]
def report(*_):
    stats = {"totals": totals, "longest": longest[0], "worst": longest[1], "lag": quantiles()}
    line = "BENCH-GC " + json.dumps(stats) + "\\n"
    longest[0] = 0.0
    lags.clear()
    os.write(1, line.encode())  # one write: never interleaved with a log line, safe in a signal handler
gc.callbacks.append(timed)
atexit.register(report)
signal.signal(signal.SIGUSR1, report)
import asyncio
import segue.bot.runner
serving = segue.bot.runner.serve
async def serve(bot, token):
    async def probe():
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + 0.005
            await asyncio.sleep(0.005)
            lags.append(loop.time() - due)
    task = asyncio.create_task(probe())
    try:
        await serving(bot, token)
    finally:
        task.cancel()
segue.bot.runner.serve = serve
if "--freeze-gc" in sys.argv:
    sys.argv.remove("--freeze-gc")
    import segue.app
    opened = segue.app.open_core
    def open_core(*args, **kwargs):
        core = opened(*args, **kwargs)
        core.catalog.warm_up()
        gc.collect()
        gc.freeze()
        return core
    segue.app.open_core = open_core
from segue.cli import main
main()
"""
"""`segue run` with the collector's pauses timed, reported on SIGUSR1 and at exit. With --freeze-gc, the catalog's
name indexes are built and `gc.freeze()` is called once it is open (an experiment for the owners: those objects then
stay out of every full collection)."""


async def start_bot(
    settings: Settings,
    fake: FakeDiscord,
    *,
    gc_probe: bool = False,
    freeze: bool = False,
    extra_env: dict[str, str] | None = None,
) -> BotProcess:
    """`segue run` pointed at the stand-in; `extra_env` on top (bench_cold runs another tree by PYTHONPATH)."""
    started = time.monotonic()
    entry = (
        ("-c", GC_PROBE, "run", *(["--freeze-gc"] if freeze else [])) if gc_probe or freeze else ("-m", "segue", "run")
    )
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *entry,
        env=bot_environment(settings, fake) | (extra_env or {}),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(proc, started, gc_probe=gc_probe or freeze)
    bot.reader = asyncio.create_task(bot.read())
    return bot


# -- simulated users ----------------------------------------------------------------------------------------------


class Texts:
    """Requests that never repeat (within 8 x the artist count), so no answer can come from a cache."""

    def __init__(self, artists: Sequence[str]) -> None:
        self._artists = list(artists)
        self._n = 0

    def next(self) -> str:
        i, self._n = self._n, self._n + 1
        template = TEMPLATES[i % len(TEMPLATES)]
        artist = self._artists[(i // len(TEMPLATES)) % len(self._artists)]
        return template.format(artist=artist, mood=MOODS[i % len(MOODS)], genre=GENRES[i % len(GENRES)])


def popular_artists(settings: Settings, limit: int = 3000) -> list[str]:
    """The most popular artists that have tracks (names a user would type)."""
    with Catalog.open(settings.catalog_dir) as catalog:
        order = np.argsort(-np.asarray(catalog.artist_popularity))
        names: list[str] = []
        for index in order:
            if catalog.tracks_of(int(index)).size:
                names.append(catalog.artist(int(index)).name)
            if len(names) >= limit:
                break
        return names


def _visible(response: InteractionResponse) -> bool:
    """Past a defer: the answer a user would see."""
    if response.type is None:
        return False
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
        return bool(response.followups) or (response.original is not None and not response.original.loading)
    return True


def settled(response: InteractionResponse) -> bool:
    """Refused, or showing what a member would see (a deferred answer once its placeholder is replaced)."""
    return _visible(response) or bool(response.rejections)


class Driver:
    """Acts as the users: one request at a time per call, waiting for the bot's answer."""

    def __init__(self, fake: FakeDiscord, seats: Sequence[tuple[User, Channel]], texts: Texts) -> None:
        self.fake = fake
        self._seats = seats
        self._next_seat = 0
        self.texts = texts
        self._replies: dict[int, asyncio.Future[tuple[float, Message]]] = {}
        self.message_rejections: Counter[int] = Counter()
        self.odd_answers: Counter[str] = Counter()
        """What the bot said when it did not answer with recommendations (first line, by count)."""
        self.trackless: Counter[Kind] = Counter()
        """Answers with an embed but no tracks (an unknown name, nothing matching)."""
        fake.listen(self._on_activity)

    def _on_activity(self, activity: Activity) -> None:
        """Replies resolve the mention that asked for them; refused message sends are counted."""
        if activity.kind == "rejected" and activity.rejection is not None:
            if activity.rejection.interaction_id is None:
                self.message_rejections[activity.rejection.code] += 1
            return
        message = activity.message
        if activity.kind != "message_created" or message is None or message.reply_to is None:
            return
        future = self._replies.pop(message.reply_to, None)
        if future is not None and not future.done():
            future.set_result((time.monotonic(), message))

    @property
    def sent(self) -> int:
        return self._next_seat

    def seat(self) -> tuple[User, Channel]:
        seat = self._seats[self._next_seat % len(self._seats)]
        self._next_seat += 1
        return seat

    async def send(self, kind: Kind, within: float = ANSWER_TIMEOUT) -> Outcome:
        user, channel = self.seat()
        if kind is Kind.MENTION:
            return await self._mention(user, channel, within)
        options = {"query": self.texts.next()} if kind is Kind.RECOMMEND else {}
        handle = await self.fake.invoke_command(user, channel, kind.value, options)
        try:
            response = await handle.wait_until(settled, timeout=within, what=f"{kind.label} to settle")
        except TimeoutError:
            return Outcome("lost")
        if response.type is None:
            late = any(r.code == ErrorCode.UNKNOWN_INTERACTION for r in response.rejections)
            return Outcome("late" if late else "error")
        if kind is Kind.PING:
            ok = response.ephemeral and "Pong" in response.content
        else:
            ok = not response.ephemeral and bool(response.embeds)
            if ok and not response.embeds[0].fields:
                self.trackless[kind] += 1
        if not ok:
            self._odd(kind, response.content, response.embeds[0].description if response.embeds else None)
        return Outcome("ok" if ok else "error", response.delay)

    def _odd(self, kind: Kind, content: str, description: str | None) -> None:
        said = (content or description or "(nothing)").strip().splitlines()[0][:120]
        self.odd_answers[f"{kind.label}: {said}"] += 1

    async def _mention(self, user: User, channel: Channel, within: float) -> Outcome:
        future: asyncio.Future[tuple[float, Message]] = asyncio.get_running_loop().create_future()
        sent = time.monotonic()
        asked = await self.fake.post_message(user, channel, f"{self.fake.bot.mention} {self.texts.next()}")
        self._replies[asked.id] = future  # post_message does not yield, so no reply can come before this
        try:
            answered, reply = await asyncio.wait_for(future, within)
        except TimeoutError:
            self._replies.pop(asked.id, None)
            return Outcome("lost")
        if not reply.embeds:  # the hint for a request it did not understand: an answer, but noted
            self._odd(Kind.MENTION, reply.content, None)
        elif not reply.embeds[0].fields:
            self.trackless[Kind.MENTION] += 1
        return Outcome("ok", answered - sent)


# -- phases ----------------------------------------------------------------------------------------------------------


class Meter:
    """CPU time, CPU waits and (with the probe) garbage collection of both processes over a block."""

    def __init__(self, bot: BotProcess) -> None:
        self.bot = bot

    @contextlib.asynccontextmanager
    async def measure(self) -> AsyncIterator[Usage]:
        usage = Usage()
        gc0 = await self.bot.gc_now()
        bot0, here0, wall0 = self.bot.cpu_seconds(), _own_cpu(), time.monotonic()
        bot_wait0, here_wait0 = self.bot.run_queue_seconds(), _run_queue_seconds(os.getpid())
        try:
            yield usage
        finally:
            usage.bot_cpu = self.bot.cpu_seconds() - bot0
            usage.here_cpu = _own_cpu() - here0
            usage.bot_wait = self.bot.run_queue_seconds() - bot_wait0
            usage.here_wait = _run_queue_seconds(os.getpid()) - here_wait0
            usage.wall = time.monotonic() - wall0
            usage.bot_rss = self.bot.rss_mb()
            gc1 = await self.bot.gc_now()
            if gc0 is not None and gc1 is not None:
                usage.bot_gc = gc1.since(gc0)


def _own_cpu() -> float:
    times = os.times()
    return times.user + times.system


def _run_queue_seconds(pid: int) -> float:
    """Time the process's main thread (its event loop) was runnable but waiting for a CPU (schedstat)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, IndexError, ValueError):
        return 0.0


@contextlib.asynccontextmanager
async def loop_lag(every: float = 0.005) -> AsyncIterator[list[float]]:
    """Sample how late this event loop wakes a timer (the stand-in's own delay to what it timestamps)."""
    samples: list[float] = []
    loop = asyncio.get_running_loop()

    async def probe() -> None:
        while True:
            due = loop.time() + every
            await asyncio.sleep(every)
            samples.append(loop.time() - due)

    task = asyncio.create_task(probe())
    try:
        yield samples
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def closed_loop(
    driver: Driver, meter: Meter, mix: Sequence[Kind], users: int, *, seconds: float, total: int | None = None
) -> Run:
    """`users` virtual users, each sending the next request when the previous answer arrives."""
    outcomes: list[Outcome] = []
    loop = asyncio.get_running_loop()
    sent = 0

    async def user() -> None:
        nonlocal sent
        while (total is None and loop.time() < deadline) or (total is not None and sent < total):
            i, sent = sent, sent + 1
            outcomes.append(await driver.send(mix[i % len(mix)]))

    async with meter.measure() as usage:
        deadline = loop.time() + seconds
        await asyncio.gather(*(user() for _ in range(users)))
    return Run(outcomes, usage.wall, usage)


async def open_loop(driver: Driver, meter: Meter, kind: Kind, rate: float, seconds: float, seed: int) -> Run:
    """Poisson arrivals at `rate` per second for `seconds`, then wait for every answer (or its failure)."""
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    tasks: list[asyncio.Task[Outcome]] = []
    async with meter.measure() as usage:
        async with loop_lag() as lag:
            start = due = loop.time()
            while (due := due + rng.expovariate(rate)) - start <= seconds:
                if (wait := due - loop.time()) > 0:
                    await asyncio.sleep(wait)
                tasks.append(asyncio.create_task(driver.send(kind, DRAIN_LIMIT)))
            window = loop.time() - start
        outcomes = list(await asyncio.gather(*tasks))
    return Run(outcomes, usage.wall, usage, offered=len(tasks) / window, window=window, lag=lag)


async def first_answer(driver: Driver, kind: Kind, *, within: float) -> float:
    """Send `kind` until one is answered; the moment (monotonic) it was."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        outcome = await driver.send(kind, WINDOW + 0.5)
        if outcome.status == "ok":
            return time.monotonic()
    raise TimeoutError(f"no answer to {kind.label} within {within:g}s")


# -- the run ----------------------------------------------------------------------------------------------------------


@dataclass
class Results:
    cold: dict[str, float] = field(default_factory=dict)
    closed: dict[tuple[Kind, int], Run] = field(default_factory=dict)
    opened: dict[tuple[Kind, int], Run] = field(default_factory=dict)
    rss: list[tuple[str, float]] = field(default_factory=list)
    memory_runs: list[Run] = field(default_factory=list)
    loads: list[tuple[str, tuple[float, float, float]]] = field(default_factory=list)
    exit: tuple[int | None, float] = (None, 0.0)
    warnings: Counter[str] = field(default_factory=Counter)
    warning_texts: dict[str, str] = field(default_factory=dict)
    message_rejections: Counter[int] = field(default_factory=Counter)
    odd_answers: Counter[str] = field(default_factory=Counter)
    trackless: Counter[Kind] = field(default_factory=Counter)
    unknown_routes: tuple[str, ...] = ()
    took: float = 0.0
    profile: str = ""
    gc_total: GcReport | None = None


@contextlib.asynccontextmanager
async def hosted(settings: Settings) -> AsyncIterator[tuple[FakeDiscord, Driver]]:
    """The stand-in with 32 guilds of 64 members, and a driver that acts as them."""
    config = FakeDiscordConfig(interaction_timeout=WINDOW, replay_buffer=1000)
    async with FakeDiscord(config) as fake:
        seats: list[tuple[User, Channel]] = []
        for g in range(GUILDS):
            guild = fake.create_guild(f"Bench {g}")
            channel = guild.channel("general")
            for m in range(MEMBERS):
                user = fake.create_user(f"listener{g}_{m}")
                fake.add_member(guild, user)
                seats.append((user, channel))
        order = random.Random(7).sample(seats, len(seats))  # consecutive requests from different guilds
        yield fake, Driver(fake, order, Texts(popular_artists(settings)))


async def measure(*, profile: bool = False, freeze_gc: bool = False) -> Results:
    """The whole benchmark; `profile` adds py-spy samples and GC pauses, `freeze_gc` runs the GC experiment."""
    settings = load_settings()
    ensure_catalog(settings)
    results = Results()
    began = time.monotonic()
    async with hosted(settings) as (fake, driver):
        results.loads.append(("start", os.getloadavg()))
        bot = await start_bot(settings, fake, gc_probe=profile, freeze=freeze_gc)
        try:
            await cold_start(bot, fake, driver, results)
            meter = Meter(bot)
            results.rss.append(("after start-up (first /ping and /recommend)", bot.rss_mb()))
            await memory(driver, meter, bot, results)
            results.loads.append(("after the memory run", os.getloadavg()))
            await warm_up(driver)
            await throughput(driver, meter, results)
            results.loads.append(("after closed loop", os.getloadavg()))
            await latency(driver, meter, results)
            results.loads.append(("after open loop", os.getloadavg()))
            await asyncio.sleep(0.5)
            results.rss.append((f"after the whole run ({driver.sent:,} requests)", bot.rss_mb()))
            if profile:
                results.profile = await sample_profiles(driver, meter, bot)
        finally:
            results.exit = await bot.stop()
            results.warnings, results.warning_texts = bot.warnings, bot.warning_texts
            if results.exit[0] not in (0, None):
                print("\n".join(bot.tail), file=sys.stderr)
        if bot.gc_last is not None:
            results.gc_total = bot.gc_last
        results.message_rejections = driver.message_rejections
        results.odd_answers, results.trackless = driver.odd_answers, driver.trackless
        results.unknown_routes = fake.stats().unknown_routes
    results.took = time.monotonic() - began
    return results


async def cold_start(bot: BotProcess, fake: FakeDiscord, driver: Driver, results: Results) -> None:
    """Process start -> catalog loaded -> gateway IDENTIFY -> first answered /ping (and /recommend)."""
    await fake.wait_for_bot(timeout=120)
    results.cold["IDENTIFY on the gateway"] = time.monotonic() - bot.started
    results.cold["first /ping answered"] = await first_answer(driver, Kind.PING, within=60) - bot.started
    results.cold["first /recommend answered"] = await first_answer(driver, Kind.RECOMMEND, within=60) - bot.started
    for _ in range(100):  # discord.py's on_ready waits guild_ready_timeout (2 s) after the last GUILD_CREATE
        if "on_ready" in bot.seen:
            break
        await asyncio.sleep(0.1)
    if "catalog ready" in bot.seen:
        results.cold["catalog loaded (log line)"] = bot.seen["catalog ready"]
    if "on_ready" in bot.seen:
        results.cold["on_ready (log line)"] = bot.seen["on_ready"]


def settle_heap() -> None:
    """Collect, then freeze what survives: the stand-in keeps every record, and without this its full collections
    (hundreds of ms late in a run) would show up as the bot's latency."""
    gc.collect()
    gc.freeze()


async def warm_up(driver: Driver) -> None:
    """Lazy indexes and first-use paths of each request kind, before anything is timed."""
    for kind in Kind:
        await asyncio.gather(*(driver.send(kind) for _ in range(16)))


async def throughput(driver: Driver, meter: Meter, results: Results) -> None:
    for kind in Kind:
        for users in CONCURRENCY:
            settle_heap()
            results.closed[kind, users] = await closed_loop(driver, meter, [kind], users, seconds=CLOSED_SECONDS)


async def latency(driver: Driver, meter: Meter, results: Results) -> None:
    for k, kind in enumerate(Kind):
        for r, rate in enumerate(RATES):
            settle_heap()
            results.opened[kind, rate] = await open_loop(driver, meter, kind, rate, OPEN_SECONDS, seed=100 * k + r)


def _memory_label(batch: int) -> str:
    return f"after {batch * MEMORY_BATCH:,} interactions" if batch < 3 else f"after {MEMORY_BATCH:,} more, /ping alone"


async def memory(driver: Driver, meter: Meter, bot: BotProcess, results: Results) -> None:
    """RSS after 10,000 and 20,000 interactions at 64 in flight (MEMORY_MIX), then after 10,000 /ping alone.

    The /ping-only batch tells growth in discord.py and aiohttp apart from growth in the engine and the state.
    """
    mix = [Kind(name) for name, weight in MEMORY_MIX for _ in range(weight)]
    for batch, kinds in ((1, mix), (2, mix), (3, [Kind.PING])):
        settle_heap()
        results.memory_runs.append(await closed_loop(driver, meter, kinds, 64, seconds=0, total=MEMORY_BATCH))
        await asyncio.sleep(0.5)
        results.rss.append((_memory_label(batch), bot.rss_mb()))


async def sample_profiles(driver: Driver, meter: Meter, bot: BotProcess, seconds: int = 8) -> str:
    """py-spy on the bot and on this process during closed-loop runs at 16 users; where each spends its time."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    PROFILE_DIR.mkdir(parents=True, exist_ok=True)
    out = [f"Raw stacks (py-spy --format raw) in {PROFILE_DIR}."]
    for kind in (Kind.RECOMMEND, Kind.PING, Kind.MENTION):
        files = {"bot": (bot.pid, PROFILE_DIR / f"{kind.value}-bot.txt")}
        files["stand-in + load generator"] = (os.getpid(), PROFILE_DIR / f"{kind.value}-stand-in.txt")
        spies = [
            await asyncio.create_subprocess_exec(
                *(spy, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", str(PROFILE_HZ)),
                *("--format", "raw", "--nonblocking", "-o", str(path)),
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )
            for pid, path in files.values()
        ]
        run = await closed_loop(driver, meter, [kind], 16, seconds=seconds)
        for proc in spies:
            await proc.wait()
        out.append(f"\n### {kind.label}, 16 users: {run.throughput:,.0f}/s\n")
        out += [f"- {who}: {summarize_stacks(path, seconds * PROFILE_HZ)}" for who, (_, path) in files.items()]
    return "\n".join(out)


# Where a sample's time goes: the first marker found walking its stack from the innermost frame outwards.
PLACES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("idle (waiting in epoll)", ("EpollSelector.select (",)),
    ("query parsing", ("QueryParser.", "segue/engine/query")),
    ("engine scoring (numpy/scipy)", ("TrackRecommender.", "CatalogSignals.", "segue/engine/")),
    ("catalog reads (SQLite rows)", ("Catalog.", "segue/catalog/")),
    ("embeds and views", ("segue/bot/views.py", "segue/bot/render.py")),
    ("answers and state", ("segue/bot/answers.py", "segue/state.py", "segue/infra/ratelimit")),
    ("bench load generator", ("bench/bench_bot.py", "fakediscord/handles.py", "fakediscord/waiting.py")),
    ("stand-in gateway send (JSON + zstd)", ("Connection.write_loop", "ZstdStreamEncoder")),
    ("stand-in REST and events", ("segue/playground/",)),
    ("discord.py REST calls + aiohttp client", ("discord/http.py", "discord/webhook/", "aiohttp/client")),
    ("discord.py gateway receive + parse", ("discord/gateway.py", "discord/state.py", "discord/utils.py")),
    ("discord.py commands and models", ("discord/",)),
    ("aiohttp server", ("aiohttp/web",)),
    ("aiohttp other", ("aiohttp/",)),
    ("asyncio event loop", ("asyncio/",)),
)


def place_of(frames: Sequence[str]) -> str:
    for frame in reversed(frames):
        for name, markers in PLACES:
            if any(m in frame for m in markers):
                return name
    return "other"


def summarize_stacks(path: Path, expected: float) -> str:
    """Share of busy samples per place, from py-spy's raw output (`stack;stack;... count` per line)."""
    if not path.is_file():
        return "no samples (py-spy could not attach)"
    places: Counter[str] = Counter()
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        if count_text.isdigit():
            places[place_of(stack.split(";"))] += int(count_text)
    idle = places.pop("idle (waiting in epoll)", 0)
    busy = sum(places.values())
    parts = ", ".join(f"{name} {n / max(1, busy):.0%}" for name, n in places.most_common(8) if n / busy >= 0.02)
    return f"on CPU {busy / expected:.0%} of the time ({idle / expected:.0%} in epoll); of that: {parts}"


CLOSED_COLUMNS = (
    "request",
    "users",
    "answered/s",
    "p50 ms",
    "p99 ms",
    "not ok",
    "bot CPU ms/req",
    "stand-in CPU ms/req",
    "bot on CPU",
    "bot waiting for a CPU",
    "stand-in on CPU",
    "bot RSS MB after",
)
OPEN_COLUMNS = (
    "request",
    "offered/s (achieved)",
    "sent",
    "answered/s",
    "p50 ms",
    "p99 ms",
    "late (10062)",
    "errors",
    "lost",
    "bot CPU ms/req",
    "bot waiting for a CPU",
    "stand-in timer lag p99 ms",
    "bot RSS MB after",
)


# -- the section ---------------------------------------------------------------------------------------------------


def _ms(value: float) -> str:
    return "> 3,000 (late)" if math.isinf(value) else f"{value:,.1f}"


def _yes(ok: bool) -> str:
    return "**met**" if ok else "**missed**"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(r) + " |" for r in rows)]


def _share(part: float, whole: float) -> str:
    return f"{part / whole:.0%}" if whole > 0 else "-"


def target_lines(results: Results) -> list[str]:
    first_ping = results.cold.get("first /ping answered", math.inf)
    lines = [f"- Cold start to the first answered /ping <= 3 s: {_yes(first_ping <= 3.0)} ({first_ping:.2f} s)."]
    for users in CONCURRENCY:
        ping, rec = results.closed[Kind.PING, users], results.closed[Kind.RECOMMEND, users]
        ratio = rec.throughput / ping.throughput if ping.throughput else 0.0
        lines.append(
            f"- /recommend throughput >= 50% of /ping's, {users} user{'s' if users > 1 else ''}: {_yes(ratio >= 0.5)} "
            f"({rec.throughput:,.0f} vs {ping.throughput:,.0f}/s = {ratio:.0%})."
        )
    for rate in RATES:
        p_ping, p_rec = (
            results.opened[Kind.PING, rate].percentile(99),
            results.opened[Kind.RECOMMEND, rate].percentile(99),
        )
        met = not math.isinf(p_rec) and p_rec <= 2 * p_ping
        lines.append(f"- /recommend p99 <= 2x /ping's at {rate}/s: {_yes(met)} ({_ms(p_rec)} vs {_ms(p_ping)} ms).")
    rss = dict(results.rss)
    first, second, pings = (rss.get(_memory_label(batch)) for batch in (1, 2, 3))
    if first is not None and second is not None:
        lines.append(f"- RSS after {MEMORY_BATCH:,} interactions <= 300 MB: {_yes(first <= 300)} ({first:,.0f} MB).")
        alone = "" if pings is None else f"; a further {MEMORY_BATCH:,} /ping alone: {pings - second:+,.1f} MB"
        lines.append(
            f"- No growth over the next {MEMORY_BATCH:,}: {_yes(second - first <= 1.0)} ({second - first:+,.1f} MB"
            f"{alone})."
        )
    return lines


def render(results: Results) -> str:
    closed_rows = []
    for (kind, users), run in results.closed.items():
        bot_ms, here_ms = run.cpu_ms()
        use = run.usage
        closed_rows.append((
            kind.label, str(users), f"{run.throughput:,.0f}", _ms(run.percentile(50)), _ms(run.percentile(99)),
            str(len(run.outcomes) - run.count("ok")), f"{bot_ms:.2f}", f"{here_ms:.2f}",
            _share(use.bot_cpu, use.wall), _share(use.bot_wait, use.wall), _share(use.here_cpu, use.wall),
            f"{use.bot_rss:,.0f}",
        ))  # fmt: skip
    open_rows = []
    for (kind, rate), run in results.opened.items():
        lag = float(np.percentile(run.lag, 99)) * 1000 if run.lag else math.nan
        open_rows.append((
            kind.label, f"{rate} ({run.offered:,.0f})", f"{len(run.outcomes):,}", f"{run.throughput:,.0f}",
            _ms(run.percentile(50)), _ms(run.percentile(99)), str(run.count("late")), str(run.count("error")),
            str(run.count("lost")), f"{run.cpu_ms()[0]:.2f}", _share(run.usage.bot_wait, run.usage.wall), f"{lag:.1f}",
            f"{run.usage.bot_rss:,.0f}",
        ))  # fmt: skip
    mix = ", ".join(f"{weight} {Kind(name).label}" for name, weight in MEMORY_MIX)
    memory_rates = " and ".join(f"{run.throughput:,.0f}/s" for run in results.memory_runs)
    failed = sum(len(run.outcomes) - run.count("ok") for run in results.memory_runs)
    code, took = results.exit
    warnings = (
        "; ".join(
            f"{name} x{n} (first: {results.warning_texts.get(name, '')!r})"
            for name, n in results.warnings.most_common(5)
        )
        or "none"
    )
    lines = [
        "## Bot through the Discord stand-in (full catalog)",
        "",
        "The real `segue run` as a child process (full catalog, catalog-only engine) against the embedded stand-in, "
        "which runs with the load generator in the benchmark process; the two processes share the machine's 2 cores "
        f"with whatever else runs on it. {GUILDS * MEMBERS:,} users in {GUILDS} guilds take turns; the bot's rate "
        "limits are at their maximum (10,000/min and a burst of 1,000 per user, 100,000/min per guild), so none "
        "refused a request. `/recommend query:` differs every time (8 templates x the 3,000 most popular artists), "
        "and the mention is `@Segue <such a query>`. Latency: from the stand-in's INTERACTION_CREATE (or "
        "MESSAGE_CREATE) to the bot's first response (callback or reply), timed by the stand-in; a request "
        "answered after Discord's 3 s (refused, 10062) or never counts as infinitely slow in the percentiles.",
        "",
        "Load average (1 / 5 / 15 min): "
        + "; ".join(f"{name} {a:.1f} / {b:.1f} / {c:.1f}" for name, (a, b, c) in results.loads)
        + ".",
        "",
        "### Targets",
        "",
        *target_lines(results),
        "",
        "### Cold start (from process start)",
        "",
        *_table(
            ("milestone", "seconds"), [(n, f"{t:.2f}") for n, t in sorted(results.cold.items(), key=lambda x: x[1])]
        ),
        "",
        "The catalog is in the page cache (warm). `on_ready` waits for discord.py's `guild_ready_timeout` (2 s after "
        "the last GUILD_CREATE); the bot answers interactions before it.",
        "",
        f"### Throughput, closed loop ({CLOSED_SECONDS:g} s per row; N users, each sends on the previous answer)",
        "",
        *_table(CLOSED_COLUMNS, closed_rows),
        "",
        f"### Latency, open loop (Poisson arrivals for {OPEN_SECONDS:g} s per row, then the backlog drains)",
        "",
        *_table(OPEN_COLUMNS, open_rows),
        "",
        '"Bot waiting for a CPU": share of the wall time the bot\'s event-loop thread was runnable but not running '
        '(`/proc/<pid>/schedstat`), i.e. CPU contention. "Stand-in timer lag": how late the benchmark\'s own loop '
        "woke a 5 ms timer, which delays what the stand-in timestamps.",
        "",
        "### Memory (bot process RSS, `/proc/<pid>/status` VmRSS)",
        "",
        *_table(("when", "RSS MB"), [(name, f"{mb:,.0f}") for name, mb in results.rss]),
        "",
        f"The memory run comes first: 2 x {MEMORY_BATCH:,} interactions at 64 in flight, in the mix {mix} of every "
        f"10, then {MEMORY_BATCH:,} /ping ({memory_rates}; {failed} not answered cleanly). The last column of the "
        "throughput and latency tables is the RSS after each later phase: an overloaded open-loop run leaves "
        "thousands of interactions queued in the bot, and the heap keeps that high-water mark.",
        "",
        f"SIGTERM: exit code {code} after {took:.1f} s. Bot log warnings and errors: {warnings}.",
    ]
    if results.trackless:
        counts = ", ".join(f"{kind.label} {n}" for kind, n in results.trackless.items())
        lines.append(f"Answers without tracks (an unknown name, or nothing matched; counted as answered): {counts}.")
    if results.odd_answers:
        said = "; ".join(f"{text!r} x{n}" for text, n in results.odd_answers.most_common(4))
        lines.append(f"Answers that were not recommendations (what the bot said): {said}.")
    if results.message_rejections:
        lines.append(f"Refused message sends (by code): {dict(results.message_rejections)}.")
    if results.unknown_routes:
        lines.append(f"Unknown stand-in routes hit: {sorted(set(results.unknown_routes))[:5]}.")
    return "\n".join(lines)


def run() -> str:
    """The BENCHMARKS.md section (the bench runner writes it)."""
    return render(asyncio.run(measure()))


def gc_section(results: Results) -> str:
    """The bot's garbage collection per phase (only with the probe: --profile or --freeze-gc)."""
    phases: list[tuple[str, Usage]] = [(f"memory batch {i}", run.usage) for i, run in enumerate(results.memory_runs, 1)]
    phases += [(f"closed {kind.label} x{users}", run.usage) for (kind, users), run in results.closed.items()]
    phases += [(f"open {kind.label} {rate}/s", run.usage) for (kind, rate), run in results.opened.items()]
    rows = []
    for name, usage in phases:
        if usage.bot_gc is None:
            continue
        (n0, t0), (n1, t1), (n2, t2) = usage.bot_gc.totals
        rows.append((
            name, f"{usage.wall:.1f}", f"{n0:,} / {n1:,} / {n2:,}", f"{(t0 + t1 + t2) * 1e3:,.0f}",
            f"{t2 * 1e3:,.0f}", f"{usage.bot_gc.longest * 1e3:,.0f}", _share(t0 + t1 + t2, usage.wall),
            " / ".join(f"{x * 1e3:.1f}" for x in usage.bot_gc.lag),
        ))  # fmt: skip
    if not rows:
        return ""
    header = (
        "phase", "wall s", "collections gen0 / 1 / 2", "GC ms", "gen2 ms", "longest pause ms", "share of wall",
        "loop lag p50 / p99 / max ms",
    )  # fmt: skip
    total = "" if results.gc_total is None else f"\n\nWhole run: {results.gc_total.describe()}."
    title = "## Garbage collection and event-loop lag in the bot, per phase"
    return "\n".join([title, "", *_table(header, rows)]) + total


def main(argv: Sequence[str]) -> int:
    from segue.reports import machine_line

    results = asyncio.run(measure(profile="--profile" in argv, freeze_gc="--freeze-gc" in argv))
    print(render(results))
    print(f"\n_Machine: {machine_line()}. Command: `python -m bench.bench_bot`, {results.took:.0f} s._")
    if results.profile:
        print("\n## Profiles (py-spy, 200 Hz)\n")
        print(results.profile)
    if gc_text := gc_section(results):
        print("\n" + gc_text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
