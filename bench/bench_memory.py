"""Memory benchmark: the bot's RSS over 100,000 interactions, sampled every 10,000, to show where it levels off.

The same real `segue run` process and stand-in as `bench/bench_bot.py` (its harness, users and request texts),
driven closed-loop at 64 in flight with the bot benchmark's memory mix (8 /ping, 1 /recommend, 1 mention in
10). Every /recommend and mention text is new, so every bounded cache fills rather than hits. The table beside the
curve lists what the process keeps that grows with traffic and the bound each keeps to.
"""

from __future__ import annotations

import asyncio
import os
import time

from bench.bench_bot import (
    MEMORY_MIX,
    Kind,
    Meter,
    Results,
    closed_loop,
    cold_start,
    ensure_catalog,
    hosted,
    load_settings,
    settle_heap,
    start_bot,
)

BATCHES = 10
BATCH = 10_000
IN_FLIGHT = 64
PLATEAU_MB = 10.0
"""Growth over the last 30,000 interactions below this reads as a plateau (a few MB are allocator noise)."""

BOUNDS = (
    ("catalog: tracks, artists, base titles read", "16,384 each (`functools.lru_cache`)"),
    ("parser: name probes", "50,000 (`engine/query/names.py`)"),
    ("normalized names (`normalize_name`)", "16,384 (`lru_cache`, `segue/text.py`)"),
    ("display strings and select labels (`safe`, `option_label`)", "16,384 each (`lru_cache`, `bot/render.py`)"),
    ("genre columns of a genre name", "4,096 each for include and exclude (`lru_cache`)"),
    ("answer and source caches (L1)", "each namespace its `maxsize` entries and TTL (`infra/cache.py`)"),
    ("rate limiter keys (in process)", "100,000 per rule, least recently used first out, stale heads dropped"),
    ("state operations waiting for the batched writer", "`max_pending` 100,000, refused beyond it"),
    ("bot's recent errors", "50 (`RECENT_ERRORS`, `bot/stats.py`)"),
    ("discord.py message cache", "none (`max_messages=None`)"),
    ("discord.py users and members", "one per user seen (2,048 here): grows with an audience, not with traffic"),
)


async def measure() -> tuple[list[tuple[int, float, float]], dict[str, float], tuple[int | None, float]]:
    """(interactions so far, RSS MB, seconds) after start-up and each batch; cold-start milestones; exit."""
    settings = load_settings()
    ensure_catalog(settings)
    results = Results()
    curve: list[tuple[int, float, float]] = []
    async with hosted(settings) as (fake, driver):
        bot = await start_bot(settings, fake)
        try:
            await cold_start(bot, fake, driver, results)
            meter = Meter(bot)
            mix = [Kind(name) for name, weight in MEMORY_MIX for _ in range(weight)]
            began = time.monotonic()
            curve.append((0, bot.rss_mb(), 0.0))
            for batch in range(1, BATCHES + 1):
                settle_heap()
                await closed_loop(driver, meter, mix, IN_FLIGHT, seconds=0, total=BATCH)
                await asyncio.sleep(0.5)
                curve.append((batch * BATCH, bot.rss_mb(), time.monotonic() - began))
        finally:
            stopped = await bot.stop()
    return curve, results.cold, stopped


def run() -> str:
    curve, _, stopped = asyncio.run(measure())
    load = os.getloadavg()
    rows = [f"| {n:,} | {rss:.0f} | {rss - curve[0][1]:+.0f} | {secs:.0f} |" for n, rss, secs in curve]
    tail = curve[-1][1] - curve[-4][1] if len(curve) >= 4 else float("nan")
    first = curve[min(3, len(curve) - 1)][1] - curve[0][1]
    verdict = "plateaus" if tail <= PLATEAU_MB else "still grows"
    return "\n".join(
        [
            "## Memory: the bot's RSS over 100,000 interactions (`bench/bench_memory.py`)",
            "",
            f"The real `segue run` on the full catalog against the embedded stand-in (as in the bot benchmark), "
            f"{BATCHES} batches of {BATCH:,} interactions closed-loop at {IN_FLIGHT} in flight, each batch 8 "
            "/ping, 1 /recommend and 1 mention in 10, every request text new; RSS (`VmRSS`) after each batch.",
            "",
            "| interactions | RSS MB | since start-up MB | seconds |",
            "|---:|---:|---:|---:|",
            *rows,
            "",
            f"First 30,000 interactions: {first:+.0f} MB; last 30,000: {tail:+.0f} MB: **{verdict}** (a plateau "
            f"here is under {PLATEAU_MB:.0f} MB over the last 30,000). Bot exit code {stopped[0]} after "
            f"{stopped[1]:.1f} s. Load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}.",
            "",
            "What the process keeps that grows with traffic, and its bound:",
            "",
            "| kept | bound |",
            "|---|---|",
            *[f"| {what} | {bound} |" for what, bound in BOUNDS],
        ]
    )


if __name__ == "__main__":
    print(run())
