"""`python -m bench.proof --soak MINUTES`: steady mixed load for a long time; nothing may grow without bound.

The real `segue run` process takes the burst mix at 50/s through the stand-in. Every minute the bot's RSS, open file
descriptors and asyncio tasks are sampled (tasks through a probe around the same entry point: SIGUSR1 writes
`len(asyncio.all_tasks())` to a file), with the p50/p99 to first response of the interactions sent that minute.
The curve (a table) goes to RELIABILITY.md. A short version runs in the test suite (tests/integration/
test_faults_soak.py) with limits on counts, not times.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.bench_bot import BotProcess, Kind, first_answer, hosted, settle_heap, warm_up
from bench.proof_load import ProofDriver, Seen, launch, offer, open_fds, percentile
from segue.app import ensure_catalog
from segue.config import Settings
from segue.reports import machine_line, update_file

RATE = 50.0
PROBE = """
import asyncio, os, signal
def report(*_):
    try:
        tasks = len(asyncio.all_tasks(asyncio.get_running_loop()))
    except RuntimeError:
        tasks = -1
    with open(os.environ["PROOF_TASKS_FILE"], "w") as out:
        out.write(str(tasks))
signal.signal(signal.SIGUSR1, report)
from segue.cli import main
main()
"""
"""`segue run` with a task counter on SIGUSR1 (a signal handler runs on the main thread, inside the event loop)."""


@dataclass
class Sample:
    """The bot at the end of one interval, and the interactions sent during it."""

    minute: float
    rss_mb: float
    fds: int
    tasks: int
    load: float
    sent: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    p50_ms: float = float("nan")
    p99_ms: float = float("nan")


@dataclass
class Soak:
    minutes: float
    interval: float
    baseline: Sample
    samples: list[Sample]
    offered: float
    exit: int | None
    took: float

    def totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for s in self.samples:
            total.update(s.counts)
        return total


def _read_count(path: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError):
        return int(path.read_text())
    return None


async def tasks_of(bot: BotProcess, path: Path) -> int:
    """The bot's asyncio tasks right now (-1: the probe did not answer within 2 s)."""
    path.unlink(missing_ok=True)  # noqa: ASYNC240 - a tmpfs file, microseconds
    bot.proc.send_signal(signal.SIGUSR1)
    for _ in range(100):
        await asyncio.sleep(0.02)
        if (count := _read_count(path)) is not None:
            return count
    return -1


async def sample(bot: BotProcess, path: Path, minute: float) -> Sample:
    return Sample(minute, bot.rss_mb(), open_fds(bot.pid), await tasks_of(bot, path), os.getloadavg()[0])


@contextlib.asynccontextmanager
async def probed_bot(settings: Settings, fake: object) -> AsyncIterator[tuple[BotProcess, Path]]:
    with tempfile.TemporaryDirectory(prefix="segue-soak-") as tmp:
        path = Path(tmp) / "tasks"
        env = {"PROOF_TASKS_FILE": str(path), "SEGUE_DATABASE_URL": f"sqlite:///{Path(tmp) / 'segue.db'}"}
        bot = await launch(settings, fake, env=env, code=PROBE)  # type: ignore[arg-type]
        try:
            yield bot, path
        finally:
            await bot.stop()


async def soak(settings: Settings, minutes: float, interval: float = 60.0) -> Soak:
    began = time.monotonic()
    async with hosted(settings) as (fake, plain):
        driver = ProofDriver(fake, plain._seats, plain.texts)
        async with probed_bot(settings, fake) as (bot, path):
            await fake.wait_for_bot(timeout=180)
            await first_answer(driver, Kind.PING, within=120)
            await first_answer(driver, Kind.RECOMMEND, within=60)
            await warm_up(driver)
            settle_heap()
            await asyncio.sleep(2.0)
            baseline = await sample(bot, path, 0.0)
            seen: dict[int, list[Seen]] = defaultdict(list)
            samples: list[Sample] = []

            def note(at: float, what: Seen) -> None:
                seen[int(at // interval)].append(what)

            async def sampler() -> None:
                for n in range(1, round(minutes * 60 / interval) + 1):
                    await asyncio.sleep(max(0.0, began_load + n * interval - time.monotonic()))
                    samples.append(await sample(bot, path, n * interval / 60))

            began_load = time.monotonic()
            sampling = asyncio.create_task(sampler())
            burst = await offer(driver, RATE, int(RATE * minutes * 60), seed=4242, on_seen=note)
            await sampling
            for n, s in enumerate(samples):
                s.sent = len(seen[n])
                s.counts = dict(Counter(x.what for x in seen[n]))
                firsts = [x.first for x in seen[n]]
                s.p50_ms, s.p99_ms = percentile(firsts, 50) * 1000, percentile(firsts, 99) * 1000
            code, _ = await bot.stop()
    return Soak(minutes, interval, baseline, samples, burst.offered, code, time.monotonic() - began)


def render(result: Soak, machine: str) -> str:
    header = "| minute | sent | answered | deferred, answered | busy | late + lost | other | first response p50 / p99 | RSS | open fds | asyncio tasks | load (1 min) |"  # noqa: E501
    b = result.baseline
    rows = [f"| start | | | | | | | | {b.rss_mb:.0f} MB | {b.fds} | {b.tasks} | {b.load:.1f} |"]
    for s in result.samples:
        c = s.counts
        rows.append(
            f"| {s.minute:g} | {s.sent:,} | {c.get('answered', 0):,} | {c.get('deferred, answered', 0):,} | "
            f"{c.get('busy', 0):,} | {c.get('late', 0) + c.get('lost', 0):,} | {c.get('other', 0):,} | "
            f"{_ms(s.p50_ms)} / {_ms(s.p99_ms)} | {s.rss_mb:.0f} MB | {s.fds} | {s.tasks} | {s.load:.1f} |"
        )
    total = result.totals()
    return "\n".join(
        [
            "## Soak",
            "",
            f"{RATE:.0f}/s of the burst mix for {result.minutes:g} minutes ({sum(total.values()):,} interactions, "
            f"offered {result.offered:.1f}/s) against one `segue run` process; each row is one minute: what the "
            "members who asked during it saw, and the bot at its end. Target (issue 11): RSS, open file descriptors, "
            "tasks and p99 flat over time.",
            "",
            header,
            "|" + "---|" * (header.count("|") - 1),
            *rows,
            "",
            f"In all: {', '.join(f'{n:,} {w}' for w, n in total.most_common())}; the bot exited with "
            f"{result.exit} on SIGTERM.",
            "",
            f"_Machine: {machine}. Command: `python -m bench.proof --soak {result.minutes:g}`, {result.took:.0f} s._",
        ]
    )


def _ms(value: float) -> str:
    return "never" if value == float("inf") else f"{value:,.0f} ms"


def main(settings: Settings, minutes: float, output: Path | None, dump: Path | None = None) -> int:
    ensure_catalog(settings)
    interval = 60.0 if minutes >= 2 else max(1.0, minutes * 60 / 5)
    result = asyncio.run(soak(settings, minutes, interval))
    if dump is not None:
        dump.write_text(json.dumps(asdict(result), indent=1))
    if output is not None:
        update_file(output, render(result, machine_line()), "proof-soak", title="Reliability")
    lost = sum(s.counts.get("lost", 0) + s.counts.get("late", 0) for s in result.samples)
    print(f"[proof] soak: {dict(result.totals())}; {lost} late or lost; exit {result.exit}", file=sys.stderr)
    return 0 if result.exit == 0 else 1
