"""What `make proof` shares: members who keep what they saw, Poisson arrivals with timed actions, the bot process.

Every interaction ends in one class, from the stand-in's record of it:
- answered: the tracks (or Pong) as the first response;
- deferred, answered: an acknowledgement first ("Segue is thinking..." or a typing indicator), the tracks later;
- busy: "try again in N s" at once;
- late: the bot's first response came after Discord's 3 s and was refused (the member saw "did not respond");
- lost: the bot had the event and no answer came within the drain limit (an acknowledgement alone is not one);
- undelivered: no gateway session could take the event (the bot was gone or re-identifying); Discord shows the
  member "did not respond" and no bot can see it, so it is counted apart from lost;
- other: any other first response (an error notice, a hint).
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import os
import random
import re
import sys
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from bench.bench_bot import BotProcess, Driver, Kind, Texts, bot_environment, settled
from fakediscord import CallbackType, Channel, ErrorCode, FakeDiscord, InteractionResponse, Message, User
from segue.config import Settings

MIX = (Kind.PING, Kind.RECOMMEND, Kind.MENTION, Kind.RECOMMEND, Kind.PING, Kind.MENTION, Kind.RECOMMEND)
"""2/7 /ping, 3/7 /recommend, 2/7 mentions (issue 11's mix)."""
BUSY = re.compile(r"try again in (\d+ s|a few seconds)", re.IGNORECASE)
"""A busy, rate-limit or restarting notice; "Something went wrong ... try again in a moment" is an error (other)."""
DRAIN = 120.0
"""Seconds an interaction may take to settle before it counts as lost: past the door's 60 s maximum expected wait
(SEGUE_ADMISSION_MAX_WAIT), so a deferred answer that comes in its turn is not counted lost."""
SEEN = ("answered", "deferred, answered", "busy", "late", "lost", "other")
RESPONDED = ("answered", "deferred, answered", "busy", "other")


@dataclass(frozen=True, slots=True)
class Seen:
    """What one member saw: the class, seconds to the first response, and to the final answer (None: never)."""

    what: str
    first: float | None
    final: float | None
    kind: str = ""
    """ping, recommend or mention (set by `offer`)."""


def _text(message: Message | None) -> str:
    if message is None:
        return ""
    return " ".join([message.content or "", *(e.description or "" for e in message.embeds)])


ERROR_COLOR = 0xE0533D
"""The colour of the bot's error notices (segue.bot.render)."""


def _tracks(message: Message | None) -> bool:
    return message is not None and bool(message.embeds) and message.embeds[0].color != ERROR_COLOR


def classify_slash(kind: Kind, response: InteractionResponse | None) -> Seen:
    """A slash command's outcome from the stand-in's record of its responses."""
    if response is None or response.type is None:
        late = response is not None and any(r.code == ErrorCode.UNKNOWN_INTERACTION for r in response.rejections)
        return Seen("late" if late else "lost", None, None)
    first = response.delay
    final = response.messages[-1] if response.messages else response.original
    if BUSY.search(_text(final)):
        return Seen("busy", first, first)
    good = ("Pong" in _text(final)) if kind is Kind.PING else _tracks(final)
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE and (final is None or final.loading):
        return Seen("lost", first, None)  # acknowledged, but the answer never came within the drain
    if not good:
        return Seen("other", first, first)
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
        return Seen("deferred, answered", first, None)
    return Seen("answered", first, first)


class ProofDriver(Driver):
    """The benchmark's simulated members, keeping what each one saw."""

    def __init__(self, fake: FakeDiscord, seats: Sequence[tuple[User, Channel]], texts: Texts) -> None:
        super().__init__(fake, seats, texts)
        self.drain = DRAIN
        """Seconds to wait for one interaction to settle (a fault run waits less: it only needs a verdict)."""

    def _undelivered(self) -> int:
        return self.fake.gateway_stats().events_undelivered  # not stats(): it scans every interaction

    async def see(self, kind: Kind) -> Seen:
        user, channel = self.seat()
        sent = time.monotonic()
        if kind is Kind.MENTION:
            return await self._see_mention(user, channel, sent)
        options = {"query": self.texts.next()} if kind is Kind.RECOMMEND else {}
        handle = await self.fake.invoke_command(user, channel, kind.value, options)
        if not handle.delivered:
            return Seen("undelivered", None, None)
        try:
            response = await handle.wait_until(settled, timeout=self.drain, what="a settled response")
        except TimeoutError:
            return classify_slash(kind, handle.response())
        seen = classify_slash(kind, response)
        if seen.what == "other":
            self.said(kind, response.messages[-1] if response.messages else response.original)
        if seen.what == "deferred, answered":
            return Seen(seen.what, seen.first, time.monotonic() - sent)
        return seen

    async def _see_mention(self, user: User, channel: Channel, sent: float) -> Seen:
        future: asyncio.Future[tuple[float, Message]] = asyncio.get_running_loop().create_future()
        before = self._undelivered()
        asked = await self.fake.post_message(user, channel, f"{self.fake.bot.mention} {self.texts.next()}")
        if self._undelivered() > before:  # post_message does not yield: the count moved for this message alone
            return Seen("undelivered", None, None)
        self._replies[asked.id] = future
        try:
            answered, reply = await asyncio.wait_for(future, self.drain)
        except TimeoutError:
            self._replies.pop(asked.id, None)
            return Seen("lost", None, None)
        took = answered - sent
        if BUSY.search(_text(reply)):
            return Seen("busy", took, took)
        if not reply.embeds or reply.embeds[0].color == ERROR_COLOR:
            self.said(Kind.MENTION, reply)
            return Seen("other", took, took)
        return Seen("answered", took, took)

    def said(self, kind: Kind, message: Message | None) -> None:
        """Keep what the bot said when it neither answered nor said busy (first line, by count)."""
        said = (_text(message).strip() or "(nothing)").splitlines()[0][:100]
        self.odd_answers[f"{kind.label}: {said}"] += 1


@dataclass
class Burst:
    """One run of arrivals and what each member saw."""

    rate: int
    total: int
    seen: list[Seen] = field(default_factory=list)
    offered: float = 0.0
    rss: tuple[float, float] = (0.0, 0.0)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    ceiling: bool = False
    """Offered at the stand-in's measured maximum send rate."""
    loaded: bool = False
    """Offered while another process kept one core busy."""

    def count(self, what: str) -> int:
        return sum(1 for s in self.seen if s.what == what)

    def pct(self, q: float, attr: str) -> str:
        value = percentile([getattr(s, attr) for s in self.seen], q)
        return "never" if math.isinf(value) else f"{value * 1000:,.0f} ms"


def percentile(values: Sequence[float | None], q: float) -> float:
    """Seconds; None counts as never (infinite), so lost requests push the tail up instead of vanishing."""
    if not values:
        return math.nan
    data = np.asarray([math.inf if v is None else v for v in values])
    return float(np.percentile(data, q, method="higher"))


Action = Callable[[], Awaitable[object]]


async def offer(
    driver: ProofDriver,
    rate: float,
    total: int,
    seed: int,
    *,
    actions: Mapping[float, Action] | None = None,
    on_seen: Callable[[float, Seen], None] | None = None,
) -> Burst:
    """`total` interactions of the mix as Poisson arrivals at `rate`/s; `actions` run at their offsets (seconds
    after the first arrival) alongside; waits until every interaction and action has settled.
    `on_seen(sent_offset, seen)` is called as each one settles (the soak's per-minute curve)."""
    rng = random.Random(seed)
    loop = asyncio.get_running_loop()
    tasks: list[asyncio.Task[Seen]] = []
    start = due = loop.time()
    pending = sorted((actions or {}).items())
    fired: list[asyncio.Task[object]] = []

    async def one(kind: Kind, at: float) -> Seen:
        seen = dataclasses.replace(await driver.see(kind), kind=kind.value)
        if on_seen is not None:
            on_seen(at, seen)
        return seen

    for i in range(total):
        due += rng.expovariate(rate)
        while pending and pending[0][0] <= due - start:
            fired.append(asyncio.create_task(pending.pop(0)[1]()))
        if (wait := due - loop.time()) > 0:
            await asyncio.sleep(wait)
        tasks.append(asyncio.create_task(one(MIX[i % len(MIX)], due - start)))
    window = loop.time() - start
    fired += [asyncio.create_task(action()) for _, action in pending]
    result = Burst(int(rate), total, list(await asyncio.gather(*tasks)), offered=total / window)
    await asyncio.gather(*fired)
    result.load = os.getloadavg()
    return result


async def launch(
    settings: Settings, fake: FakeDiscord, *, env: Mapping[str, str] | None = None, code: str | None = None
) -> BotProcess:
    """`segue run` as a child process pointed at the stand-in, with `env` on top of the bench's environment;
    `code` runs instead of `-m segue` (a probe around the same entry point) with `run` as its argument."""
    started = time.monotonic()
    entry = ("-c", code, "run") if code is not None else ("-m", "segue", "run")
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *entry,
        env=bot_environment(settings, fake) | dict(env or {}),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    bot = BotProcess(proc, started)
    bot.reader = asyncio.create_task(bot.read())
    return bot


def open_fds(pid: int) -> int:
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return 0
