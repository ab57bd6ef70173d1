"""The bot's own CPU per answer: the real `segue run` against the stand-in, split into engine and everything else.

Issue 14 asks for a /recommend that costs the bot little more than a /ping. The throughput bench (`bench_bot.py`)
shows the total; this one says where it goes. The bot runs as its own process with a probe (`PROBE`, run by
`python -c`) that times, on the bot's main thread, every call into `RecommendationService` (parse, name look-ups,
recommend: only the slices that run on that thread, never the awaits in between) with `time.thread_time`. The
main thread's CPU less that is discord.py, our handlers, rendering, JSON and HTTP; the bot's other threads (named
in /proc by the probe: the state writer, the thread pools) and its engine worker processes are read apart.

Each run starts a fresh bot, waits for its start-up work to end, warms it up, then sends `--requests` /ping,
/recommend and mentions (a different query each time, so no cache answers) from 8 users at a time. Given several
trees (`--tree SRC[,DATA][+NAME=VALUE...]`: a checkout's `src`, its data directory when its catalog schema differs,
variables for the bot's environment), their runs are interleaved, so a before/after comparison sees the same load:
`python -m bench.bench_answer_path --runs 3 --tree /tmp/before/src,/tmp/before/data --tree src`. Diagnostics on
each tree's last run: `--profile` (cProfile of the main thread over /recommend and mentions, the heaviest functions
printed and the stats saved), `--spy` (py-spy raw stacks of the whole bot, `pip install py-spy`); with
SEGUE_BENCH_PATH_PLAIN=1 in a tree's variables the service is not timed (the probe's own cost, checked: within
the runs' spread). `python -m bench answer-path` writes the section (this tree, three runs).
"""

from __future__ import annotations

import asyncio
import json
import os
import pstats
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from bench.bench_bot import CLK_TCK, BotProcess, Driver, Kind, Meter, bot_environment, closed_loop, first_answer, hosted
from fakediscord import FakeDiscord
from segue.app import ensure_catalog
from segue.config import Settings, load_settings

REQUESTS = 400
USERS = 8
WARM_UP = 48
KINDS = (Kind.PING, Kind.RECOMMEND, Kind.MENTION)
PROFILED = (Kind.RECOMMEND, Kind.MENTION)
INDEXES_READY = "catalog name indexes ready"
REPORT_ENV = "SEGUE_BENCH_PATH_REPORT"
PROFILE_ENV = "SEGUE_BENCH_PATH_PROFILE"
PROBE = """
import cProfile, inspect, json, os, signal, threading, time
import segue.engine.service as service
MAIN = threading.main_thread().ident
spent = [0.0, 0]  # main-thread CPU seconds inside the service, calls
inside = [False]
def sync(fn):
    def timed(*args, **kwargs):
        if inside[0] or threading.get_ident() != MAIN:
            return fn(*args, **kwargs)
        inside[0], began = True, time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.thread_time() - began
            spent[1] += 1
            inside[0] = False
    return timed
class Slices:
    # Drives a coroutine step by step and times each step: the awaits between them are other tasks' time.
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        steps, value, error = self.coro.__await__(), None, None
        spent[1] += 1
        while True:
            nested, began = inside[0], time.thread_time()
            inside[0] = True
            try:
                out = steps.throw(error) if error is not None else steps.send(value)
            except StopIteration as stop:
                return stop.value
            finally:
                inside[0] = nested
                if not nested:
                    spent[0] += time.thread_time() - began
            value, error = None, None
            try:
                value = yield out
            except BaseException as exc:
                error = exc
def asynchronous(fn):
    def timed(*args, **kwargs):
        coro = fn(*args, **kwargs)
        return coro if inside[0] or threading.get_ident() != MAIN else Slices(coro)
    return timed
cls = service.RecommendationService
for name in dir(cls) if not os.environ.get("SEGUE_BENCH_PATH_PLAIN") else ():
    attr = inspect.getattr_static(cls, name)
    if name.startswith("_") or not inspect.isfunction(attr):
        continue
    setattr(cls, name, asynchronous(attr) if inspect.iscoroutinefunction(attr) else sync(attr))
import ctypes, threading as _threading
_run, _libc = _threading.Thread.run, ctypes.CDLL(None)
def named_run(self):
    _libc.prctl(15, self.name.encode()[:15], 0, 0, 0)  # PR_SET_NAME: /proc shows which thread spends the CPU
    _run(self)
_threading.Thread.run = named_run
profiler = [None]
def report(*_):
    path = os.environ["SEGUE_BENCH_PATH_REPORT"]
    with open(path + ".tmp", "w") as out:
        json.dump({"engine": spent[0], "calls": spent[1], "main": time.thread_time()}, out)
    os.replace(path + ".tmp", path)
def profile(*_):
    if profiler[0] is None:
        profiler[0] = cProfile.Profile()
        profiler[0].enable()
        return
    profiler[0].disable()
    profiler[0].dump_stats(os.environ["SEGUE_BENCH_PATH_PROFILE"])
    profiler[0] = None
    report()
signal.signal(signal.SIGUSR1, report)
signal.signal(signal.SIGUSR2, profile)
from segue.cli import main
main()
"""
"""`segue run` with the service's calls timed on the main thread; SIGUSR1 writes the totals to a file, SIGUSR2 starts
or stops (and dumps) a cProfile of the main thread."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """CPU seconds so far: the bot's main thread, inside the service on it, the whole process, its workers."""

    main: float
    engine: float
    process: float
    workers: float
    here: float
    threads: dict[str, float]
    """CPU seconds of the bot's threads other than the main one, by thread name."""


@dataclass(slots=True)
class Phase:
    """Per-request CPU ms of one kind in one run."""

    main: float
    engine: float
    threads: float
    workers: float
    here: float
    by_thread: dict[str, float] = field(default_factory=dict)

    @property
    def other(self) -> float:
        return self.main - self.engine


@dataclass(slots=True)
class Tree:
    """One tree's runs: per kind, one `Phase` per run."""

    name: str
    env: dict[str, str]
    phases: dict[Kind, list[Phase]] = field(default_factory=dict)
    profile: str = ""
    loads: list[float] = field(default_factory=list)


class Probe:
    """The running bot's probe: reads its totals through the report file."""

    def __init__(self, bot: BotProcess, folder: Path) -> None:
        self.bot = bot
        self.report = folder / "report.json"
        self.profile = folder / "profile.pstats"

    async def _ask(self, sig: signal.Signals) -> dict[str, float]:
        self.report.unlink(missing_ok=True)
        self.bot.proc.send_signal(sig)
        for _ in range(500):
            if self.report.exists():
                data: dict[str, float] = json.loads(self.report.read_text())
                return data
            await asyncio.sleep(0.01)
        raise TimeoutError("the probe did not report")

    async def snapshot(self) -> Snapshot:
        data = await self._ask(signal.SIGUSR1)
        process = process_cpu(self.bot.pid)
        workers = sum(cpu for cpu, _ in self.bot.workers())
        times = os.times()
        return Snapshot(data["main"], data["engine"], process, workers, times.user + times.system, self.threads())

    def threads(self) -> dict[str, float]:
        """CPU seconds of each named thread of the bot but the main one (same names summed)."""
        out: dict[str, float] = {}
        for task in Path(f"/proc/{self.bot.pid}/task").iterdir():
            if task.name == str(self.bot.pid):
                continue
            try:
                name, rest = task.joinpath("stat").read_text().split("(", 1)[1].rsplit(")", 1)
            except (OSError, ValueError):
                continue  # a thread that ended meanwhile
            fields = rest.split()
            out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / CLK_TCK
        return out

    def start_profile(self) -> None:
        self.bot.proc.send_signal(signal.SIGUSR2)

    async def stop_profile(self) -> pstats.Stats:
        await self._ask(signal.SIGUSR2)
        return pstats.Stats(str(self.profile))


def process_cpu(pid: int) -> float:
    """CPU seconds of a process's threads (its children not included)."""
    stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(stat[11]) + int(stat[12])) / CLK_TCK


def phase(before: Snapshot, after: Snapshot, n: int) -> Phase:
    per = 1000 / n
    main = (after.main - before.main) * per
    return Phase(
        main=main,
        engine=(after.engine - before.engine) * per,
        threads=(after.process - before.process) * per - main,
        workers=(after.workers - before.workers) * per,
        here=(after.here - before.here) * per,
        by_thread={k: (v - before.threads.get(k, 0.0)) * per for k, v in after.threads.items()},
    )


async def start_probed(settings: Settings, fake: FakeDiscord, env: dict[str, str], folder: Path) -> BotProcess:
    """`segue run` under the probe, pointed at the stand-in (`bench_bot.bot_environment`), `env` on top."""
    extra = env | {REPORT_ENV: str(folder / "report.json"), PROFILE_ENV: str(folder / "profile.pstats")}
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        PROBE,
        "run",
        env=bot_environment(settings, fake) | extra,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(proc, time.monotonic())
    bot.reader = asyncio.create_task(bot.read())
    return bot


async def one_run(settings: Settings, tree: Tree, requests: int, *, profile: bool, spy: bool = False) -> None:
    """A fresh bot of `tree`: warmed up, then `requests` of each kind, each kind's CPU read apart."""
    with tempfile.TemporaryDirectory(prefix="segue-answer-path-") as folder:
        async with hosted(settings) as (fake, driver):
            bot = await start_probed(settings, fake, tree.env, Path(folder))
            probe = Probe(bot, Path(folder))
            try:
                await fake.wait_for_bot(timeout=120)
                await first_answer(driver, Kind.PING, within=60)
                await first_answer(driver, Kind.RECOMMEND, within=60)
                await settled_start(bot)
                for kind in KINDS:
                    await asyncio.gather(*(driver.send(kind) for _ in range(WARM_UP)))
                tree.loads.append(os.getloadavg()[0])
                stats = await measure_kinds(driver, probe, tree, requests, profile=profile, spy=spy)
            finally:
                code, _ = await bot.stop()
            if code != 0:
                print("\n".join(bot.tail), file=sys.stderr)
                raise RuntimeError(f"segue run exited {code}")
            if stats is not None:
                kept = Path(tempfile.gettempdir()) / f"segue-answer-path-{_slug(tree.name)}.pstats"
                shutil.copyfile(probe.profile, kept)
                tree.profile += f"(saved as {kept})\n" + heaviest(stats)


async def settled_start(bot: BotProcess, within: float = 60.0) -> None:
    """Wait for the start-up's own work to end: on_ready, then the name indexes built on a thread after it
    (`runner.WarmUp`), which would otherwise be counted against the first kind measured."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if "on_ready" in bot.seen and any(INDEXES_READY in line for line in bot.tail):
            return
        await asyncio.sleep(0.05)
    raise TimeoutError("the bot's start-up did not settle")


async def measure_kinds(
    driver: Driver, probe: Probe, tree: Tree, requests: int, *, profile: bool, spy: bool = False
) -> pstats.Stats | None:
    """Each kind's phase; with `profile`, the main thread profiled over the profiled kinds (after their timing)."""
    meter = Meter(probe.bot)
    for kind in KINDS:
        before = await probe.snapshot()
        run = await closed_loop(driver, meter, [kind], USERS, seconds=0.0, total=requests)
        after = await probe.snapshot()
        if run.count("ok") < requests * 0.95:
            raise RuntimeError(f"{tree.name}: only {run.count('ok')} of {requests} {kind.label} answered")
        tree.phases.setdefault(kind, []).append(phase(before, after, requests))
    if spy:
        await spy_on(driver, meter, probe, tree)
    if not profile:
        return None
    probe.start_profile()
    for kind in PROFILED:
        await closed_loop(driver, meter, [kind], USERS, seconds=0.0, total=requests)
    return await probe.stop_profile()


async def spy_on(driver: Driver, meter: Meter, probe: Probe, tree: Tree, seconds: int = 6) -> None:
    """py-spy (raw stacks, no pauses) on the bot over `seconds` of each profiled kind, saved beside the pstats."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    for kind in PROFILED:
        path = Path(tempfile.gettempdir()) / f"segue-answer-path-{_slug(tree.name)}-{kind.value}.txt"
        proc = await asyncio.create_subprocess_exec(
            *(spy, "record", "--pid", str(probe.bot.pid), "--duration", str(seconds), "--rate", "250"),
            *("--format", "raw", "-o", str(path)),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await closed_loop(driver, meter, [kind], USERS, seconds=seconds)
        await proc.wait()
        tree.profile += f"py-spy stacks of {kind.label}: {path}\n"


def _slug(name: str) -> str:
    return name.strip("/.").replace("/", "-").replace(" ", "-") or "tree"


def heaviest(stats: pstats.Stats, top: int = 45) -> str:
    out = StringIO()
    stats.stream = out  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


async def compare(trees: Sequence[Tree], runs: int, requests: int, *, profile: bool, spy: bool = False) -> None:
    settings = load_settings()
    ensure_catalog(settings)
    for r in range(runs):
        for tree in trees:
            last = r == runs - 1
            await one_run(settings, tree, requests, profile=profile and last, spy=spy and last)
            print(f"[answer-path] {tree.name} run {r + 1} done", file=sys.stderr, flush=True)


def _median(phases: Sequence[Phase], part: str) -> str:
    values = [getattr(p, part) for p in phases]
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


PARTS = (
    ("main", "bot main thread"),
    ("engine", "  in the service (parse, look-ups, recommend)"),
    ("other", "  everything else (discord.py, handlers, render, JSON, HTTP)"),
    ("threads", "bot's other threads"),
    ("workers", "engine worker processes"),
    ("here", "stand-in and load generator"),
)


def render(trees: Sequence[Tree], requests: int) -> str:
    """One table per kind: CPU ms per request by part, a column per tree (median (min-max) of the runs)."""
    lines = []
    for kind in KINDS:
        lines += [f"**{kind.label}** (CPU ms per request)", ""]
        lines.append("| part | " + " | ".join(t.name for t in trees) + " |")
        lines.append("|---" * (len(trees) + 1) + "|")
        for part, label in PARTS:
            lines.append(f"| {label} | " + " | ".join(_median(t.phases[kind], part) for t in trees) + " |")
        lines.append("")
    runs = len(trees[0].phases[KINDS[0]])
    loads = [x for t in trees for x in t.loads]
    lines.append(
        f"Medians (min-max) of {runs} runs per tree, interleaved; each run a fresh `segue run` (one engine worker "
        f"process), {requests} requests of each kind from {USERS} users at a time after {WARM_UP} warm-up ones; "
        f"CPU time from `/proc` and `time.thread_time` (never wall time); load average (1 min) "
        f"{min(loads):.1f}-{max(loads):.1f}."
    )
    return "\n".join(lines)


def trees_from(specs: Sequence[str]) -> list[Tree]:
    """`SRC[,DATA][+NAME=VALUE...]` specs as trees (the pairs set in the bot's environment); none: this checkout."""
    out = []
    for spec in specs:
        where, *pairs = spec.split("+")
        source, _, data = where.partition(",")
        env = {"PYTHONPATH": str(Path(source).resolve())} | (
            {"SEGUE_DATA_DIR": str(Path(data).resolve())} if data else {}
        )
        env |= dict(pair.split("=", 1) for pair in pairs)
        out.append(Tree(spec, env))
    return out or [Tree("this tree", {})]


def run() -> str:
    """The BENCHMARKS.md section (the bench runner writes it): three runs of this tree."""
    trees = trees_from([])
    asyncio.run(compare(trees, 3, REQUESTS, profile=False))
    return "## The bot's own CPU per answer (`bench/bench_answer_path.py`)\n\n" + render(trees, REQUESTS)


def main(argv: Sequence[str]) -> int:
    args, specs = list(argv), []
    runs, requests, profile, spy = 3, REQUESTS, False, False
    while args:
        flag = args.pop(0)
        if flag == "--runs":
            runs = int(args.pop(0))
        elif flag == "--requests":
            requests = int(args.pop(0))
        elif flag == "--tree":
            specs.append(args.pop(0))
        elif flag == "--profile":
            profile = True
        elif flag == "--spy":
            spy = True
        else:
            print(__doc__, file=sys.stderr)
            return 2
    trees = trees_from(specs)
    asyncio.run(compare(trees, runs, requests, profile=profile, spy=spy))
    print(render(trees, requests))
    for tree in trees:
        for kind, phases in tree.phases.items():
            named = {k: statistics.median(p.by_thread.get(k, 0.0) for p in phases) for p in phases for k in p.by_thread}
            busy = ", ".join(f"{k} {v:.2f}" for k, v in sorted(named.items(), key=lambda kv: -kv[1]) if v >= 0.01)
            print(f"# {tree.name} {kind.label}: other threads (ms/request): {busy or 'none'}")
        if tree.profile:
            print(f"\n# main-thread profile of {tree.name}\n{tree.profile}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
