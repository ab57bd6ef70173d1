"""Engine benchmarks on the full catalog: load time, request latency, name lookup, peak RSS of `segue ask`."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from segue.app import ensure_catalog, open_core, serving_threads
from segue.catalog.store import Catalog
from segue.config import load_settings

TEMPLATES = (
    "something like {artist}",
    "{artist} but chill",
    "songs like {artist} from the 2010s",
    "{mood} {genre}",
    "80s {genre}",
    "{mood} songs",
    "deep cuts like {artist}",
    "popular {genre} no rap",
    "5 {mood} songs like {artist}",
    "{genre} from the 90s",
)
MOODS = ("chill", "sad", "happy", "workout", "party", "focus", "sleep", "acoustic", "instrumental", "energetic")
GENRES = ("rock", "pop", "hip hop", "edm", "latin", "r&b", "jazz", "ambient", "techno", "synth-pop", "indie")


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    """p50, p99 and max in milliseconds."""
    arr = np.asarray(samples) * 1000
    return float(np.percentile(arr, 50)), float(np.percentile(arr, 99)), float(arr.max())


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


class Clocks:
    """Wall and this thread's CPU time of each call: on a shared machine the wall carries other processes' time
    slices, the CPU time what the call itself cost."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __call__(self, fn: Callable[[], object]) -> None:
        start, cpu = time.perf_counter(), time.thread_time()
        fn()
        self.cpu.append(time.thread_time() - cpu)
        self.wall.append(time.perf_counter() - start)

    def row(self, name: str) -> str:
        p50, p99, mx = percentiles(self.wall)
        c50, c99, _ = percentiles(self.cpu)
        return f"| {name} | {p50:.3f} | {p99:.3f} | {mx:.3f} | {c50:.3f} | {c99:.3f} |"


def typo(name: str, rng: random.Random) -> str:
    """Drop, swap or duplicate one letter, the way people mistype names."""
    if len(name) < 4:
        return name.lower()
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice(("drop", "swap", "dup", "lower"))
    if op == "drop":
        return name[:i] + name[i + 1 :]
    if op == "swap":
        return name[: i - 1] + name[i] + name[i - 1] + name[i + 1 :]
    if op == "dup":
        return name[:i] + name[i] + name[i:]
    return name.lower()


ASK = ("something like Daft Punk but chill", "--json")
ASK_RUNS = 5
ASK_TARGET = 0.4
"""Issue 14: `segue ask` as a process within 0.4 s wall on a warm page cache."""


@dataclass(frozen=True, slots=True)
class AskRuns:
    """`segue ask` as fresh processes, one after another: wall and CPU seconds each, peak RSS, exit codes."""

    wall: list[float]
    cpu: list[float]
    peak_mb: float
    exits: list[int]

    def summary(self) -> str:
        wall, cpu = statistics.median(self.wall), statistics.median(self.cpu)
        verdict = "met" if wall <= ASK_TARGET else "missed"
        return (
            f'`segue ask "{ASK[0]}" --json` as a fresh process, {len(self.wall)} runs after one warm-up run '
            f"(page cache and bytecode warm, as an installed package has them): median {wall:.2f} s wall "
            f"(fastest {min(self.wall):.2f} s), {cpu:.2f} s CPU, peak RSS {self.peak_mb:.0f} MiB, exit codes "
            f"{sorted(set(self.exits))}. Target <= {ASK_TARGET} s wall: **{verdict}**."
        )


# Started from a small launcher process: a child forked from this one (the catalog open, hundreds of MB) would
# count that memory in its own peak RSS until it execs.
LAUNCHER = """
import json, os, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
out = []
for _ in range(runs):
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    out.append([time.perf_counter() - started, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                os.waitstatus_to_exitcode(status)])
print(json.dumps(out))
"""


def ask_processes(runs: int = ASK_RUNS) -> AskRuns:
    """Each run's own wall time and rusage (`os.wait4`), after one warm-up run (it writes the bytecode a source
    checkout lacks and fills the page cache)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-c", LAUNCHER, str(runs + 1), sys.executable, "-m", "segue", "ask", *ASK]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    rows = json.loads(done.stdout)[1:]
    return AskRuns(
        [r[0] for r in rows], [r[1] for r in rows], max(r[2] for r in rows) / 1024, [int(r[3]) for r in rows]
    )


def run() -> str:
    serving_threads()  # as the bot serves: one BLAS thread
    settings = load_settings()
    ensure_catalog(settings)
    loads = timed(lambda: Catalog.open(settings.catalog_dir), 5)
    core = open_core(settings)
    catalog, service = core.catalog, core.service
    catalog.warm_up()  # as the bot's runner does after start-up: name indexes built, start-up heap frozen
    gc.collect()
    gc.freeze()
    rng = random.Random(42)
    popular = np.argsort(-np.asarray(catalog.artist_popularity))[:2000]
    artists = [catalog.artist(int(a)).name for a in popular if catalog.tracks_of(int(a)).size]
    texts = [
        rng.choice(TEMPLATES).format(artist=rng.choice(artists), mood=rng.choice(MOODS), genre=rng.choice(GENRES))
        for _ in range(1000)
    ]
    queries = [service.parser.parse(t) for t in texts]
    recommender = service.recommender
    for q in queries[:50]:  # warm caches (numpy, sqlite page cache)
        recommender.recommend(q, count=10)
    engine, parse, full, lookup, auto = Clocks(), Clocks(), Clocks(), Clocks(), Clocks()
    for q in queries:
        engine(lambda q=q: recommender.recommend(q, count=10))  # type: ignore[misc]
    for t in texts:
        parse(lambda t=t: service.parser.parse(t))  # type: ignore[misc]
    loop = asyncio.new_event_loop()
    for t in texts:
        full(lambda t=t: loop.run_until_complete(service.ask(t, count=10)))  # type: ignore[misc]
    loop.close()
    names = [typo(rng.choice(artists), rng) for _ in range(1000)]
    for n in names:
        lookup(lambda n=n: catalog.search_artists(n, limit=5))  # type: ignore[misc]
    prefixes = [rng.choice(artists)[: rng.randint(2, 6)] for _ in range(1000)]
    for p in prefixes:
        auto(lambda p=p: catalog.search_artists(p, limit=25))  # type: ignore[misc]
    hits = sum(1 for n in names if catalog.search_artists(n, limit=1))
    asks = ask_processes()
    mean_results = statistics.mean(len(recommender.recommend(q, count=10)) for q in queries[:200])
    opened = percentiles(loads)
    rows = [
        f"| `Catalog.open` (warm page cache), 5 runs | {opened[0]:.3f} | {opened[1]:.3f} | {opened[2]:.3f} | - | - |",
        engine.row("engine only (`TrackRecommender.recommend`, 10 results)"),
        parse.row("parsing only (`QueryParser.parse`)"),
        full.row("full `RecommendationService.ask` (parse + engine + tracks + links)"),
        lookup.row("name lookup, typo'd artist (`search_artists`, 5)"),
        auto.row("autocomplete prefix (`search_artists`, 25)"),
    ]
    lines = [
        "## Engine (full catalog)",
        "",
        f"Catalog: {catalog.n_tracks:,} tracks, {catalog.n_artists:,} artists, {len(catalog.tag_names):,} tags. "
        f"1,000 varied requests from templates (artist seeds, moods, genres, eras, novelty, exclusions); "
        f"lookups on 1,000 typo'd artist names ({hits} returned a match). "
        "Targets (issue 14): engine p50 <= 0.4 ms and p99 <= 0.8 ms, with parsing <= 1 ms; lookup p99 <= 5 ms. "
        "CPU columns: the measuring thread's own CPU time (`time.thread_time`), which other work on the shared "
        "cores does not inflate; the wall columns do carry it (see the load average below).",
        "",
        "| measure | p50 ms | p99 ms | max ms | CPU p50 ms | CPU p99 ms |",
        "|---|---|---|---|---|---|",
        *rows,
        "",
        asks.summary(),
        f"Mean results per request: {mean_results:.1f}.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
