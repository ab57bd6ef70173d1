"""Admission control at the door: answer now, acknowledge now and answer later, or say "busy" now. Never silence.

Every request that costs engine time passes `Door.verdict` right after its rate limit, before any heavy work:
the expected wait is the work admitted and not finished times the recent time per request, over the slots that
run at once. Within `answer_within` it runs as usual; beyond, a slash command is deferred at once (a cheap ack,
answered by follow-up within the token's 15 minutes) and a mention gets a typing indicator; past `max_wait`, or
with `per_user` requests of that member already waiting, the member hears "busy, try again in N s" at once.

Admitted work then queues for a slot in arrival order (asyncio's semaphore is FIFO), so under a burst the event
loop holds a few engine calls at a time instead of thousands, and stays free to acknowledge new arrivals. An
admitted request holds a `Ticket` from the verdict on, so arrivals judged between two awaits see each other.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import discord
from discord import app_commands

T = TypeVar("T")
SERVICE_GUESS = 0.01
"""Seconds per request before any was measured (the engine's p99 is a few ms; live sources add more)."""
SMOOTHING = 0.2
"""Weight of the newest measurement in the moving average of the time per request."""


class Ticket:
    """One admitted request's place in the count; released exactly once (after its work, or when it ends early)."""

    def __init__(self, door: Door, user_id: str) -> None:
        self._door = door
        self.user_id = user_id
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._door._leave(self.user_id)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to do with one arrival, the wait it was judged by (seconds), and its ticket unless busy."""

    kind: Literal["now", "defer", "busy"]
    wait: float
    ticket: Ticket | None = None

    @property
    def retry_seconds(self) -> int:
        """When to try again, for the busy notice: the expected wait, at least 5 s, never zero."""
        return max(5, math.ceil(self.wait))


class Busy(app_commands.CheckFailure):
    """The door refused a request because the bot is overloaded; carries the verdict for the notice."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(f"busy: expected wait {verdict.wait:.1f} s")
        self.verdict = verdict


class Door:
    """Counts admitted work, measures its time, and rations the slots."""

    def __init__(
        self,
        *,
        slots: int = 4,
        answer_within: float = 1.5,
        max_wait: float = 60.0,
        per_user: int = 3,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.slots = slots
        self.answer_within = answer_within
        self.max_wait = max_wait
        self.per_user = per_user
        self._clock = clock
        self._free = asyncio.Semaphore(slots)
        self.admitted = 0
        """Requests admitted and not finished (waiting for a slot or in one)."""
        self.seconds_per_request = SERVICE_GUESS
        self._mine: Counter[str] = Counter()
        self.verdicts: Counter[str] = Counter()

    def expected_wait(self) -> float:
        return self.admitted * self.seconds_per_request / self.slots

    def admit(self, user_id: str) -> Verdict:
        """Judge one arrival and, unless busy, count it in at once (no await between: arrivals cannot race)."""
        wait = self.expected_wait()
        if wait > self.max_wait or self._mine[user_id] >= self.per_user:
            self.verdicts["busy"] += 1
            return Verdict("busy", wait)
        kind: Literal["now", "defer"] = "defer" if wait > self.answer_within else "now"
        self.verdicts[kind] += 1
        self.admitted += 1
        self._mine[user_id] += 1
        return Verdict(kind, wait, Ticket(self, user_id))

    def _leave(self, user_id: str) -> None:
        self.admitted -= 1
        self._mine[user_id] -= 1
        if self._mine[user_id] <= 0:
            del self._mine[user_id]

    async def run(self, ticket: Ticket | None, work: Awaitable[T]) -> T:
        """`work` awaited in a slot, in arrival order; the ticket is released after it (a request that came in
        without one, as in tests that skip the check, takes one here)."""
        ticket = ticket or self.admit_anyway()
        try:
            async with self._free:
                started = self._clock()
                try:
                    return await work
                finally:
                    spent = self._clock() - started
                    self.seconds_per_request += SMOOTHING * (spent - self.seconds_per_request)
        finally:
            ticket.release()

    def admit_anyway(self) -> Ticket:
        """A ticket without a verdict (work that must run whatever the load)."""
        self.admitted += 1
        self._mine[""] += 1
        return Ticket(self, "")


TICKET = "segue.ticket"
"""`interaction.extras` key of a slash command's ticket; the tree releases it when the interaction ends."""


async def admit_slash(door: Door, interaction: discord.Interaction[Any]) -> None:
    """The door for a slash command (after its rate limit): busy raises `Busy`; a long wait defers at once."""
    if interaction.type is not discord.InteractionType.application_command:
        return  # autocomplete is cheap and cannot be deferred
    verdict = door.admit(str(interaction.user.id))
    if verdict.kind == "busy":
        raise Busy(verdict)
    interaction.extras[TICKET] = verdict.ticket
    if verdict.kind == "defer" and not interaction.response.is_done():
        await interaction.response.defer(thinking=True)


def ticket_of(interaction: discord.Interaction[Any]) -> Ticket | None:
    found = interaction.extras.get(TICKET)
    return found if isinstance(found, Ticket) else None
