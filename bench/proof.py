"""`make proof`: never lose an interaction. Bursts of mixed interactions against the real `segue run` process,
every one classified by what the member saw, written to RELIABILITY.md with machine, commit and load.

Each burst sends N interactions (2/7 /ping, 3/7 /recommend, 2/7 mentions; every /recommend a different request,
so nothing comes from a cache) as Poisson arrivals at a fixed rate through the Discord stand-in hosted here, then
waits for each to settle; the next burst is offered at the stand-in's maximum send rate, measured first (1,000
interactions sent back to back without waiting for answers), and the last at 200/s again while another process
keeps one core busy (a spinning `python`). What a member saw:
- answered: the tracks (or Pong) as the first response;
- deferred, answered: an acknowledgement first ("Segue is thinking..." or a typing indicator), the tracks later;
- busy: "try again in N s" at once (busy, or a rate limit);
- late: the bot's first response came after Discord's 3 s and was refused (the member saw "did not respond");
- lost: no answer within the drain limit (120 s, past the door's 60 s maximum wait), an acknowledgement alone
  included;
- other: any other first response (an error notice, a hint).
Targets (issue 11): 0 late and 0 lost at 200/s and 500/s; >= 99% answered at 200/s with one core busy; busy
notices within 1 s.

`python -m bench.proof [--short] [--bursts] [--faults [NAME,...]] [--fuzz] [--soak MINUTES] [--json PATH]
[--no-write]`: everything by default (bursts, faults: bench/proof_faults.py, fuzz: bench/proof_fuzz.py); `--bursts`,
`--faults` or `--fuzz` runs only the parts named; `--soak` runs only the soak (bench/proof_soak.py); `--short` is
the quick version (300 interactions per burst, 6 s per fault, a tenth of the fuzz); `--json` writes the fault rows
or the soak for a test to read; `--no-write` leaves RELIABILITY.md alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bench import proof_faults, proof_fuzz, proof_soak
from bench.bench_bot import Kind, first_answer, hosted, settle_heap, start_bot, warm_up
from bench.proof_load import MIX, SEEN, Burst, ProofDriver, offer
from segue.app import ensure_catalog
from segue.config import load_settings
from segue.reports import machine_line, update_file

RATES = (200, 500)
MAX_RATE_SAMPLE = 1_000
"""Interactions sent back to back to measure the stand-in's maximum send rate."""
TOTAL = 10_000
SHORT = 300
OUTPUT = Path("RELIABILITY.md")
LOADED_RATE = 200
"""The burst repeated while another process keeps one core busy."""


@contextlib.contextmanager
def one_core_busy() -> Iterator[None]:
    """Another process spinning on one core for as long as the block runs (a neighbour's build, say)."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        yield
    finally:
        spinner.kill()
        spinner.wait()


async def prove(total: int) -> list[Burst]:
    """The bursts at each rate, then at the stand-in's measured maximum send rate."""
    settings = load_settings()
    ensure_catalog(settings)
    results: list[Burst] = []
    async with hosted(settings) as (fake, plain):
        driver = ProofDriver(fake, plain._seats, plain.texts)
        bot = await start_bot(settings, fake)
        try:
            await fake.wait_for_bot(timeout=180)
            await first_answer(driver, Kind.PING, within=120)
            await first_answer(driver, Kind.RECOMMEND, within=60)
            await warm_up(driver)
            settle_heap()
            ceiling = await max_send_rate(driver)
            print(f"[proof] the stand-in sends at most {ceiling:,.0f} interactions/s", file=sys.stderr)
            plan = [(rate, False) for rate in (*RATES, ceiling)] + [(LOADED_RATE, True)]
            for n, (rate, loaded) in enumerate(plan):
                before = bot.rss_mb()
                with one_core_busy() if loaded else contextlib.nullcontext():
                    result = await offer(driver, rate, total, seed=n)
                result.rss = (before, bot.rss_mb())
                result.ceiling = rate == ceiling
                result.loaded = loaded
                results.append(result)
                print(f"[proof] {rate:.0f}/s{' loaded' if loaded else ''}: {Counter(s.what for s in result.seen)}",
                      file=sys.stderr)  # fmt: skip
                if driver.odd_answers:  # what 'other' was: the bot's words, most frequent first
                    print(f"[proof]   other: {driver.odd_answers.most_common(3)}", file=sys.stderr)
                    driver.odd_answers.clear()
                await asyncio.sleep(2.0)
                settle_heap()
        finally:
            await bot.stop()
    return results


async def max_send_rate(driver: ProofDriver, count: int = MAX_RATE_SAMPLE) -> float:
    """Interactions per second the stand-in (and this load generator) can put on the gateway, sent back to back
    without waiting for answers: the mix of slash commands and mentions, each one dispatched to the bot."""
    fake = driver.fake
    started = time.perf_counter()
    for i in range(count):
        user, channel = driver.seat()
        kind = MIX[i % len(MIX)]
        if kind is Kind.MENTION:
            await fake.post_message(user, channel, f"{fake.bot.mention} {driver.texts.next()}")
        else:
            options = {"query": driver.texts.next()} if kind is Kind.RECOMMEND else {}
            await fake.invoke_command(user, channel, kind.value, options)
        if i % 50 == 49:
            await asyncio.sleep(0)  # let the gateway's writer put the frames on the socket
    rate = count / (time.perf_counter() - started)
    await asyncio.sleep(30.0)  # the bot answers or sheds these before the bursts start
    return rate


def render(results: list[Burst], took: float) -> str:
    header = (
        "| offered | sent | "
        + " | ".join(SEEN)
        + " | first response p50 / p99 | final answer p50 / p99 | RSS before -> after | load |"
    )
    rows = [
        f"| {'max ' if r.ceiling else ''}{r.rate}/s{', one core busy' if r.loaded else ''} ({r.offered:.0f}/s) | "
        f"{r.total:,} | "
        + " | ".join(f"{r.count(w):,}" for w in SEEN)
        + f" | {r.pct(50, 'first')} / {r.pct(99, 'first')} | {r.pct(50, 'final')} / {r.pct(99, 'final')} | "
        f"{r.rss[0]:.0f} -> {r.rss[1]:.0f} MB | {' '.join(f'{x:.1f}' for x in r.load)} |"
        for r in results
    ]
    return "\n".join(
        [
            "## Bursts",
            "",
            __doc__.split("\n\n")[1].strip() if __doc__ else "",
            "",
            header,
            "|" + "---|" * (header.count("|") - 1),
            *rows,
            "",
            f"_Machine: {machine_line()}. Command: `make proof` (`python -m bench.proof`), {took:.0f} s._",
        ]
    )


def _option(argv: list[str], name: str) -> str | None:
    """The value after `name` (None when absent; "" when it is last or followed by another option)."""
    if name not in argv:
        return None
    i = argv.index(name)
    return argv[i + 1] if i + 1 < len(argv) and not argv[i + 1].startswith("--") else ""


def main(argv: list[str]) -> int:
    short = "--short" in argv
    write = "--no-write" not in argv
    faults, soak, dump = _option(argv, "--faults"), _option(argv, "--soak"), _option(argv, "--json")
    only = faults is not None or soak is not None or "--bursts" in argv or "--fuzz" in argv
    settings = load_settings()
    if soak is not None:
        return proof_soak.main(settings, float(soak or "30"), OUTPUT if write else None, Path(dump) if dump else None)
    if not only or "--bursts" in argv:
        started = time.monotonic()
        results = asyncio.run(prove(SHORT if short else TOTAL))
        if write:
            update_file(OUTPUT, render(results, time.monotonic() - started), "proof-bursts", title="Reliability")
        lost = sum(r.count("lost") + r.count("late") for r in results)
        print(f"[proof] bursts: {lost} interactions late or lost", file=sys.stderr)
    if not only or faults is not None:
        names = tuple(n for n in (faults or "").split(",") if n) or proof_faults.FAULTS
        unknown = set(names) - set(proof_faults.FAULTS)
        if unknown:
            print(f"unknown faults {sorted(unknown)}; known: {', '.join(proof_faults.FAULTS)}", file=sys.stderr)
            return 2
        timing = proof_faults.SHORT if short else proof_faults.FULL
        started = time.monotonic()
        ensure_catalog(settings)
        rows = asyncio.run(proof_faults.run_faults(settings, names, timing))
        if dump:
            proof_faults.dump(rows, Path(dump))
        if write:
            section = proof_faults.render(rows, timing, machine_line(), time.monotonic() - started)
            update_file(OUTPUT, section, "proof-faults", title="Reliability")
    if not only or "--fuzz" in argv:
        reports, codes, took = proof_fuzz.run(short)
        if write:
            update_file(OUTPUT, proof_fuzz.render(reports, codes, machine_line(), took), "proof-fuzz",
                        title="Reliability")  # fmt: skip
        print(f"[proof] fuzz: {reports}", file=sys.stderr)
    if write:
        print(f"[proof] written to {OUTPUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
