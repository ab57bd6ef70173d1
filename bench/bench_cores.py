"""Both cores: the real `segue run` with its engine on threads (`SEGUE_ENGINE_PROCESSES=0`) against worker processes.

Each arm starts a fresh bot against the stand-in hosted here, waits until it answers (and, with workers, until the
workers have their engines), warms up, then runs closed loops of `/recommend` (a different request each time, so no
cache answers) at 16 users, arms interleaved round by round so the machine's load falls on both alike. Reported per
arm: answers per second, CPU per answer of the bot and its workers together, latency p50/p99, and RSS of the bot
and of each worker. Issue 14's target: throughput on 2 cores >= 1.7x one core's.

`python -m bench.bench_cores` prints the section; `make bench` writes it into BENCHMARKS.md.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field

from bench.bench_bot import Kind, Meter, closed_loop, first_answer, hosted, settle_heap, start_bot, warm_up
from segue.app import ensure_catalog
from segue.config import load_settings

ARMS = (0, 1, 2)
"""Engine worker processes per arm: 0 is the engine on the bot's threads."""
ROUNDS = 3
SECONDS = 8.0
USERS = 16
READY_LINE = "engine workers"


@dataclass
class Arm:
    processes: int
    throughput: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    p50: list[float] = field(default_factory=list)
    p99: list[float] = field(default_factory=list)
    bot_rss: float = 0.0
    worker_rss: list[float] = field(default_factory=list)

    def row(self) -> str:
        med = statistics.median
        label = "threads in the bot (0)" if self.processes == 0 else f"{self.processes} worker process(es)"
        workers = ", ".join(f"{r:.0f}" for r in self.worker_rss) or "-"
        return (
            f"| {label} | {med(self.throughput):.1f} ({min(self.throughput):.1f}-{max(self.throughput):.1f}) | "
            f"{med(self.cpu_ms):.1f} | {med(self.p50):.0f} / {med(self.p99):.0f} | {self.bot_rss:.0f} | {workers} |"
        )


async def _round(arm: Arm) -> None:
    settings = load_settings()
    os.environ["SEGUE_ENGINE_PROCESSES"] = str(arm.processes)
    async with hosted(settings) as (fake, driver):
        bot = await start_bot(settings, fake)
        try:
            await fake.wait_for_bot(timeout=120)
            await first_answer(driver, Kind.RECOMMEND, within=60)
            deadline = time.monotonic() + 60
            while arm.processes and READY_LINE not in bot.seen and time.monotonic() < deadline:  # noqa: ASYNC110
                await asyncio.sleep(0.2)
            await warm_up(driver)
            settle_heap()
            run = await closed_loop(driver, Meter(bot), [Kind.RECOMMEND], USERS, seconds=SECONDS)
            arm.throughput.append(run.throughput)
            arm.cpu_ms.append(run.cpu_ms()[0])
            arm.p50.append(run.percentile(50))
            arm.p99.append(run.percentile(99))
            arm.bot_rss = bot.rss_mb()
            arm.worker_rss = [rss for _, rss in bot.workers() if rss > 50]  # the resource tracker is ~12 MB
        finally:
            await bot.stop()


async def measure() -> list[Arm]:
    ensure_catalog(load_settings())
    arms = [Arm(n) for n in ARMS]
    for _ in range(ROUNDS):
        for arm in arms:
            await _round(arm)
    return arms


def run() -> str:
    os.environ.setdefault("SEGUE_LOG_LEVEL", "INFO")
    began, load0 = time.monotonic(), os.getloadavg()
    arms = asyncio.run(measure())
    base = statistics.median(arms[0].throughput)
    ratios = ", ".join(
        f"{a.processes} worker(s) {statistics.median(a.throughput) / base:.2f}x" for a in arms[1:] if base > 0
    )
    load1 = os.getloadavg()
    return "\n".join(
        [
            "## Both cores: the engine on threads or in worker processes (`bench/bench_cores.py`)",
            "",
            f"`/recommend` closed loop at {USERS} users, {SECONDS:.0f} s per round, {ROUNDS} rounds with the arms "
            "interleaved; a fresh bot per round (full catalog, catalog-only engine) against the stand-in hosted in "
            "the benchmark process, which shares the 2 cores. CPU per answer counts the bot and its engine workers. "
            "Medians over rounds (throughput range in brackets).",
            "",
            "| engine | answers/s | CPU ms per answer | latency p50 / p99 ms | bot RSS MB | worker RSS MB |",
            "|---|---|---|---|---|---|",
            *(a.row() for a in arms),
            "",
            f"Throughput against threads: {ratios}. Target (issue 14): >= 1.7x on 2 cores.",
            "",
            f"_Load average {load0[0]:.1f} at the start, {load1[0]:.1f} at the end; {time.monotonic() - began:.0f} s._",
        ]
    )


if __name__ == "__main__":
    print(run())
    sys.exit(0)
