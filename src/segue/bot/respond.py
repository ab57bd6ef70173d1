"""Answering an interaction exactly once, and deferring only when the work is actually slow.

Discord allows one initial response per interaction (a second raises `InteractionResponded`, the bug in
discord.py's own basic example); everything after it is a follow-up or an edit. `send` and `edit` pick the right
call from `interaction.response.is_done()` (Red's respond-once helper). `within_budget` starts the work, waits up
to the budget (1.5 s by default, half of Discord's 3 s window) and only then defers, so fast answers arrive in
one step and slow ones never show "This interaction failed".
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

import discord

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
) -> None:
    """Send the answer: the initial response if none was made yet, else a follow-up."""
    if interaction.type is discord.InteractionType.autocomplete:
        if not interaction.response.is_done():
            await interaction.response.autocomplete([])
        return
    payload = _payload(content, embeds, view)
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


async def within_budget(
    interaction: discord.Interaction[Any],
    work: Awaitable[T],
    *,
    budget: float,
    stats: BotStats,
    ephemeral: bool = False,
    update: bool = False,
) -> T:
    """Run `work`; if it is not done after `budget` seconds, defer first (`update` = will edit the message)."""
    task: asyncio.Future[T] = asyncio.ensure_future(work)
    try:
        done, _ = await asyncio.wait({task}, timeout=budget)
    except asyncio.CancelledError:
        task.cancel()
        raise
    if not done and not interaction.response.is_done():
        stats.deferred += 1
        if update:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    return await task
