"""One analytics event per handled request: which command, how long, from cache or not, what it asked for, and how
it ended. Cogs leave the reply in `interaction.extras` and the error handler leaves the error kind there; the tree
records once the interaction is done, so nothing on the answer path waits for it (the store's writer batches it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import discord

from segue.domain import Answer, Query
from segue.state import StateStore
from segue.state.records import AnalyticsEvent

REPLY = "segue.answer"
"""`interaction.extras` key: the `Answer` a command showed."""
FAILED = "segue.failed"
"""`interaction.extras` key: (error kind, outcome) the error handler met."""
SOURCE_USED = frozenset({"ok", "cached", "timeout", "error", "open-circuit"})
"""Source statuses that mean the source was part of this answer (not disabled or idle)."""


def subjects(query: Query) -> tuple[tuple[str, str], ...]:
    """What a request asked for, for the popular-requests report."""
    return (
        *(("artist", r.name) for r in query.seed_artists),
        *(("track", r.name) for r in query.seed_tracks),
        *(("genre", g) for g in query.genres),
        *(("mood", m) for m in query.moods),
    )


def answer_facts(answer: Answer | None) -> dict[str, Any]:
    """Subjects, live sources and cache hit of an answer, as `AnalyticsEvent` fields."""
    if answer is None:
        return {}
    statuses = answer.sources.values()
    sources = tuple(
        (name, status in ("ok", "cached")) for name, status in answer.sources.items() if status in SOURCE_USED
    )
    return {
        "subjects": subjects(answer.query),
        "sources": sources,
        "cache_hit": ("cached" in statuses) if answer.sources else None,
        "outcome": "ok" if answer.results else "empty",
    }


class EventRecorder:
    """Turns finished interactions and messages into `AnalyticsEvent`s for the state store."""

    def __init__(self, state: StateStore, *, clock: Callable[[], float] = time.time) -> None:
        self.state = state
        self._clock = clock
        self.observe: Callable[[str, float], None] | None = None
        """Also hand (command, seconds) to a latency histogram (set by `bot.ops.operations`; None: not exported)."""

    async def interaction(self, interaction: discord.Interaction[Any], started: float) -> None:
        """Record a finished slash command (`started` is its `time.perf_counter()` on arrival)."""
        command = interaction.command.qualified_name if interaction.command is not None else "?"
        await self._record(
            command, interaction.user.id, interaction.guild_id, started, interaction.extras.get(REPLY),
            interaction.extras.get(FAILED),
        )  # fmt: skip

    async def message(
        self, author_id: int, guild_id: int | None, started: float, answer: Answer | None, failed: Any = None
    ) -> None:
        """Record a free-text request (a mention, a DM, an opted-in channel)."""
        await self._record("mention", author_id, guild_id, started, answer, failed)

    async def _record(
        self, command: str, user_id: int, guild_id: int | None, started: float, answer: Any, failed: Any
    ) -> None:
        facts = answer_facts(answer if isinstance(answer, Answer) else None)
        if isinstance(failed, tuple):
            facts["error_type"], facts["outcome"] = failed
        seconds = time.perf_counter() - started
        if self.observe is not None:
            self.observe(command, seconds)
        event = AnalyticsEvent(
            at=self._clock(),
            command=command,
            user_id=str(user_id),
            guild_id=None if guild_id is None else str(guild_id),
            latency_ms=seconds * 1000.0,
            **facts,
        )
        await self.state.record_event(event)  # queued: never waits on the database
