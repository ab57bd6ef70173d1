"""Cold start of `segue run`, repeated: process start -> catalog loaded -> IDENTIFY -> first /ping -> first /recommend.

One start is noise on a shared machine, so this starts the bot N times (a fresh stand-in each time, catalog and
bytecode warm after one unmeasured start) and reports each milestone's median. Given several source trees
(`--tree DIR`, each a checkout's `src`), the starts of the trees are interleaved, so a before/after comparison
sees the same load: `python -m bench.bench_cold --runs 7 --tree /tmp/before/src --tree src`. A tree whose catalog
schema differs reads its own data directory: `--tree /tmp/before/src,/tmp/before/data`.

`python -m bench cold` writes the section for this tree alone (5 starts).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bench.bench_bot import Kind, Results, first_answer, hosted, start_bot
from segue.app import ensure_catalog
from segue.config import Settings, load_settings

MILESTONES = (
    "catalog loaded (log line)",
    "IDENTIFY on the gateway",
    "first /ping answered",
    "engine workers ready (log line)",
    "first /recommend answered",
    "on_ready (log line)",
)
LOG_MILESTONES = {
    "catalog loaded (log line)": "catalog ready",
    "engine workers ready (log line)": "engine workers",
    "on_ready (log line)": "on_ready",
}
TARGET = 0.8
"""Issue 14: the first /recommend answered within 0.8 s of process start."""


async def one_start(settings: Settings, tree: str | None) -> dict[str, float]:
    """One cold start against a fresh stand-in; seconds since process start per milestone."""
    source, _, data = (tree or "").partition(",")
    extra = ({"PYTHONPATH": source} | ({"SEGUE_DATA_DIR": data} if data else {})) if tree else None
    async with hosted(settings) as (fake, driver):
        bot = await start_bot(settings, fake, extra_env=extra)
        results = Results()
        try:
            await fake.wait_for_bot(timeout=120)
            results.cold["IDENTIFY on the gateway"] = time.monotonic() - bot.started
            results.cold["first /ping answered"] = await first_answer(driver, Kind.PING, within=60) - bot.started
            answered = await first_answer(driver, Kind.RECOMMEND, within=60)
            results.cold["first /recommend answered"] = answered - bot.started
            for _ in range(60):  # on_ready comes guild_ready_timeout (2 s) after the last GUILD_CREATE
                if "on_ready" in bot.seen:
                    break
                await asyncio.sleep(0.1)
        finally:
            code, _ = await bot.stop()
        if code != 0:
            print("\n".join(bot.tail), file=sys.stderr)
            raise RuntimeError(f"segue run exited {code}")
        for name, key in LOG_MILESTONES.items():
            if key in bot.seen:
                results.cold[name] = bot.seen[key]
        return results.cold


async def compare(trees: Sequence[str | None], runs: int) -> tuple[dict[str | None, list[dict[str, float]]], list]:
    """`runs` interleaved starts of each tree after one warm-up start each; the load average around each round."""
    settings = load_settings()
    ensure_catalog(settings)
    for tree in trees:
        await one_start(settings, tree)  # bytecode, page cache, the state store's schema
    seen: dict[str | None, list[dict[str, float]]] = {tree: [] for tree in trees}
    loads = [os.getloadavg()[0]]
    for _ in range(runs):
        for tree in trees:
            seen[tree].append(await one_start(settings, tree))
        loads.append(os.getloadavg()[0])
    return seen, loads


def render(seen: dict[str | None, list[dict[str, float]]], loads: Sequence[float]) -> str:
    """One column of medians (min-max) per tree."""
    names = [str(tree or "this tree") for tree in seen]
    lines = ["| milestone (s since process start) | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for milestone in MILESTONES:
        cells = []
        for starts in seen.values():
            values = [s[milestone] for s in starts if milestone in s]
            cells.append(f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})" if values else "-")
        lines.append(f"| {milestone} | " + " | ".join(cells) + " |")
    runs = len(next(iter(seen.values())))
    lines.append("")
    lines.append(
        f"Medians (fastest-slowest) of {runs} starts each, interleaved, after one warm-up start each; catalog in the "
        f"page cache; load average (1 min) {min(loads):.1f}-{max(loads):.1f}. Target: first /recommend <= "
        f"{TARGET} s."
    )
    return "\n".join(lines)


def run() -> str:
    """The BENCHMARKS.md section (the bench runner writes it): five starts of this tree."""
    seen, loads = asyncio.run(compare([None], 5))
    return "## Cold start of `segue run` (`bench/bench_cold.py`)\n\n" + render(seen, loads)


def main(argv: Sequence[str]) -> int:
    args = list(argv)
    runs, trees = 5, []
    while args:
        flag = args.pop(0)
        if flag == "--runs":
            runs = int(args.pop(0))
        elif flag == "--tree":
            source, comma, data = args.pop(0).partition(",")
            trees.append(str(Path(source).resolve()) + (comma + str(Path(data).resolve()) if data else ""))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    seen, loads = asyncio.run(compare(trees or [None], runs))
    print(render(seen, loads))
    for tree, starts in seen.items():
        for i, start in enumerate(starts):
            ordered = sorted(start.items(), key=lambda item: item[1])
            print(f"# {tree} run {i}: " + ", ".join(f"{name} {t:.3f}" for name, t in ordered))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
