"""Answering an interaction exactly once, and deferring only when the work is actually slow.

Discord allows one initial response per interaction (a second raises `InteractionResponded`, the bug in
discord.py's own basic example); everything after it is a follow-up or an edit. `send` and `edit` pick the right
call from `interaction.response.is_done()` (Red's respond-once helper). `within_budget` starts the work, waits up
to the budget (1.5 s by default, half of Discord's 3 s window) and only then defers, so fast answers arrive in
one step and slow ones never show "This interaction failed".
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

import discord
from discord import app_commands

from segue.bot.stats import BotStats

T = TypeVar("T")
NO_PINGS = discord.AllowedMentions.none()


def _payload(content: str | None, embeds: Sequence[discord.Embed], view: discord.ui.View | None) -> dict[str, Any]:
    payload: dict[str, Any] = {"allowed_mentions": NO_PINGS}
    if content is not None:
        payload["content"] = content
    if embeds:
        payload["embeds"] = list(embeds)
    if view is not None:
        payload["view"] = view
    return payload


async def send(
    interaction: discord.Interaction[Any],
    *,
    content: str | None = None,
    embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
    files: Sequence[discord.File] = (),
) -> None:
    """Send the answer: the initial response if none was made yet, else a follow-up."""
    if interaction.type is discord.InteractionType.autocomplete:
        if not interaction.response.is_done():
            await interaction.response.autocomplete([])
        return
    payload = _payload(content, embeds, view)
    if files:
        payload["files"] = list(files)
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, **payload)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **payload)


async def edit(
    interaction: discord.Interaction[Any],
    *,
    content: str | None = None,
    embeds: Sequence[discord.Embed] = (),
    view: discord.ui.View | None = None,
) -> None:
    """Replace the message a component sits on (the response, or an edit after `defer()`)."""
    payload = _payload(content, embeds, view)
    if view is None:
        payload["view"] = None
    if interaction.response.is_done():
        await interaction.edit_original_response(**payload)
    else:
        await interaction.response.edit_message(**payload)


class TooLate(app_commands.CheckFailure):
    """The interaction waited past Discord's answer window in our queue: answering is impossible, so the work is
    skipped (load shedding) rather than spent on an answer Discord would reject with 10062."""


ANSWER_WINDOW = 2.9
"""Seconds after which an interaction can no longer get its first response (Discord allows 3)."""
CLOCK_SANITY = 60.0
"""Ages beyond this mean the clocks disagree (a stand-in on a manual clock), not that we are late."""


def age_of(interaction: discord.Interaction[Any] | discord.Message) -> float:
    """Seconds since the member acted (0 when the clocks disagree, as with a stand-in on a manual clock)."""
    age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return age if 0.0 <= age < CLOCK_SANITY else 0.0


def ensure_fresh(interaction: discord.Interaction[Any]) -> None:
    """Raise `TooLate` when the interaction waited past the answer window: work on it would be wasted (Discord
    refuses the answer with 10062) and would deepen the overload that made it late."""
    age = age_of(interaction)
    if age > ANSWER_WINDOW and not interaction.response.is_done():
        raise TooLate(f"waited {age:.1f} s")


async def within_budget(
    interaction: discord.Interaction[Any],
    work: Awaitable[T],
    *,
    budget: float,
    stats: BotStats,
    ephemeral: bool = False,
    update: bool = False,
) -> T:
    """Run `work`; if it is not done after `budget` seconds, defer first (`update` = will edit the message).

    Under overload the work can wait in the event loop past Discord's window; it is then skipped (`TooLate`)
    rather than computed for an answer nobody can receive (measured: at 600 /recommend/s, 2,352 of 2,936 were
    computed and then refused).
    """

    async def fresh_work() -> T:
        try:
            ensure_fresh(interaction)
        except TooLate:
            if inspect.iscoroutine(work):
                work.close()  # never started: close it so it is not reported as "never awaited"
            raise
        return await work

    async def defer() -> None:
        if not interaction.response.is_done():
            stats.deferred += 1
            if update:
                await interaction.response.defer()
            else:
                await interaction.response.defer(ephemeral=ephemeral, thinking=True)

    return await after_budget(asyncio.ensure_future(fresh_work()), budget - age_of(interaction), defer)


async def after_budget(work: asyncio.Future[T], budget: float, acknowledge: Callable[[], Awaitable[None]]) -> T:
    """The work's result, `acknowledge` first (a defer, a typing indicator) when it is not done within `budget`
    seconds, so a member never waits without a sign of life; cancelled while waiting, the work is cancelled too.
    The budget runs from the member's action, not from our receipt: events replayed after a RESUME arrive with part
    of Discord's window gone (deferring 1.5 s after receipt answered them late; RELIABILITY.md, faults)."""
    try:
        done, _ = await asyncio.wait({work}, timeout=max(0.0, budget))
    except asyncio.CancelledError:
        work.cancel()
        raise
    if not done:
        await acknowledge()
    return await work
