"""`make proof`: never lose an interaction. Bursts of mixed interactions against the real `segue run` process,
every one classified by what the member saw, written to RELIABILITY.md with machine, commit and load.

Each burst sends N interactions (2/7 /ping, 3/7 /recommend, 2/7 mentions; every /recommend a different request,
so nothing comes from a cache) as Poisson arrivals at a fixed rate through the Discord stand-in hosted here, then
waits for each to settle. What a member saw:
- answered: the tracks (or Pong) as the first response;
- deferred, answered: an acknowledgement first ("Segue is thinking..." or a typing indicator), the tracks later;
- busy: "try again in N s" at once;
- late: the bot's first response came after Discord's 3 s and was refused (the member saw "did not respond");
- lost: nothing at all within the drain limit;
- other: any other first response (an error notice, a hint).
Targets (issue 11): 0 late and 0 lost at 200/s and 500/s; busy notices within 1 s.

`python -m bench.proof [--short]` (`--short`: 300 interactions per rate, for a quick look).
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.bench_bot import (
    DRAIN_LIMIT,
    Driver,
    Kind,
    first_answer,
    hosted,
    settle_heap,
    settled,
    start_bot,
    warm_up,
)
from fakediscord import CallbackType, Channel, ErrorCode, InteractionResponse, Message, User
from segue.app import ensure_catalog
from segue.config import load_settings
from segue.reports import machine_line, update_file

MIX = (Kind.PING, Kind.RECOMMEND, Kind.MENTION, Kind.RECOMMEND, Kind.PING, Kind.MENTION, Kind.RECOMMEND)
RATES = (200, 500)
TOTAL = 10_000
SHORT = 300
OUTPUT = Path("RELIABILITY.md")
BUSY_WORDS = "try again in"
SEEN = ("answered", "deferred, answered", "busy", "late", "lost", "other")


@dataclass(frozen=True, slots=True)
class Seen:
    """What one member saw: the class, seconds to the first response, and to the final answer (None: never)."""

    what: str
    first: float | None
    final: float | None


def _text(message: Message | None) -> str:
    if message is None:
        return ""
    return " ".join([message.content or "", *(e.description or "" for e in message.embeds)])


def classify_slash(kind: Kind, response: InteractionResponse | None) -> Seen:
    """A slash command's outcome from the stand-in's record of its responses."""
    if response is None or response.type is None:
        late = response is not None and any(r.code == ErrorCode.UNKNOWN_INTERACTION for r in response.rejections)
        return Seen("late" if late else "lost", None, None)
    first = response.delay
    final = response.messages[-1] if response.messages else response.original
    if BUSY_WORDS in _text(final):
        return Seen("busy", first, first)
    good = ("Pong" in _text(final)) if kind is Kind.PING else bool(final is not None and final.embeds)
    if not good:
        return Seen("other", first, first)
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
        return Seen("deferred, answered", first, None)
    return Seen("answered", first, first)


class ProofDriver(Driver):
    """The benchmark's simulated members, keeping what each one saw."""

    async def see(self, kind: Kind) -> Seen:
        user, channel = self.seat()
        sent = time.monotonic()
        if kind is Kind.MENTION:
            return await self._see_mention(user, channel, sent)
        options = {"query": self.texts.next()} if kind is Kind.RECOMMEND else {}
        handle = await self.fake.invoke_command(user, channel, kind.value, options)
        try:
            response = await handle.wait_until(settled, timeout=DRAIN_LIMIT, what="a settled response")
        except TimeoutError:
            return classify_slash(kind, handle.response())
        seen = classify_slash(kind, response)
        if seen.what == "deferred, answered":
            return Seen(seen.what, seen.first, time.monotonic() - sent)
        return seen

    async def _see_mention(self, user: User, channel: Channel, sent: float) -> Seen:
        future: asyncio.Future[tuple[float, Message]] = asyncio.get_running_loop().create_future()
        asked = await self.fake.post_message(user, channel, f"{self.fake.bot.mention} {self.texts.next()}")
        self._replies[asked.id] = future
        try:
            answered, reply = await asyncio.wait_for(future, DRAIN_LIMIT)
        except TimeoutError:
            self._replies.pop(asked.id, None)
            return Seen("lost", None, None)
        took = answered - sent
        if BUSY_WORDS in _text(reply):
            return Seen("busy", took, took)
        return Seen("answered" if reply.embeds else "other", took, took)


@dataclass
class Burst:
    rate: int
    total: int
    seen: list[Seen] = field(default_factory=list)
    offered: float = 0.0
    rss: tuple[float, float] = (0.0, 0.0)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)

    def count(self, what: str) -> int:
        return sum(1 for s in self.seen if s.what == what)

    def pct(self, q: float, attr: str) -> str:
        values = [getattr(s, attr) if getattr(s, attr) is not None else math.inf for s in self.seen]
        value = float(np.percentile(np.asarray(values), q, method="higher"))
        return "never" if math.isinf(value) else f"{value * 1000:,.0f} ms"


async def burst(driver: ProofDriver, rate: int, total: int, seed: int) -> Burst:
    """`total` interactions of the mix as Poisson arrivals at `rate` per second; waits until each settles."""
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    tasks: list[asyncio.Task[Seen]] = []
    start = due = loop.time()
    for i in range(total):
        due += rng.expovariate(rate)
        if (wait := due - loop.time()) > 0:
            await asyncio.sleep(wait)
        tasks.append(asyncio.create_task(driver.see(MIX[i % len(MIX)])))
    window = loop.time() - start
    result = Burst(rate, total, list(await asyncio.gather(*tasks)), offered=total / window)
    result.load = os.getloadavg()
    return result


async def prove(total: int) -> list[Burst]:
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
            for n, rate in enumerate(RATES):
                before = bot.rss_mb()
                result = await burst(driver, rate, total, seed=n)
                result.rss = (before, bot.rss_mb())
                results.append(result)
                print(f"[proof] {rate}/s: {Counter(s.what for s in result.seen)}", file=sys.stderr)
                await asyncio.sleep(2.0)
                settle_heap()
        finally:
            await bot.stop()
    return results


def render(results: list[Burst], took: float) -> str:
    header = (
        "| offered | sent | "
        + " | ".join(SEEN)
        + " | first response p50 / p99 | final answer p50 / p99 | RSS before -> after | load |"
    )
    rows = [
        f"| {r.rate}/s ({r.offered:.0f}/s) | {r.total:,} | "
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


def main(argv: list[str]) -> int:
    total = SHORT if "--short" in argv else TOTAL
    started = time.monotonic()
    results = asyncio.run(prove(total))
    update_file(OUTPUT, render(results, time.monotonic() - started), "proof-bursts", title="Reliability")
    lost = sum(r.count("lost") + r.count("late") for r in results)
    print(f"[proof] written to {OUTPUT}; {lost} interactions late or lost", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
