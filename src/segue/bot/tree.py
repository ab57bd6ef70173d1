"""The command tree: the tree-level error handler, the shutdown gate, and in-flight tracking for slash commands.

`on_error` is the single place slash-command errors become words (via `Failures`); no command or cog defines its
own error handler. While draining for shutdown, `interaction_check` refuses new commands with a friendly message
(autocomplete keeps working: it is cheap and cannot be refused politely).
"""

from __future__ import annotations

from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from segue.bot.failures import Failures, ShuttingDown, TooLate
from segue.bot.stats import BotStats

ANSWER_WINDOW = 2.9
"""Seconds after which an interaction can no longer get its first response (Discord allows 3)."""
CLOCK_SANITY = 60.0


class SegueTree(app_commands.CommandTree[commands.AutoShardedBot]):
    """`CommandTree` with one error handler; `bind` gives it the bot's failures and stats."""

    failures: Failures
    stats: BotStats

    def bind(self, failures: Failures, stats: BotStats) -> None:
        self.failures = failures
        self.stats = stats

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True
        if self.stats.inflight.draining:
            raise ShuttingDown("draining")
        age = (discord.utils.utcnow() - interaction.created_at).total_seconds()
        # Past ~3 s Discord refuses the first answer; work on it is pure waste that deepens an overload. The upper
        # bound ignores clocks that disagree wildly (a stand-in with a manual clock), where age means nothing.
        if ANSWER_WINDOW < age < CLOCK_SANITY:
            raise TooLate(f"waited {age:.1f} s")
        command = interaction.command
        self.stats.commands[command.qualified_name if command is not None else "?"] += 1
        return True

    async def _call(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is not discord.InteractionType.application_command:
            await super()._call(interaction)
            return
        async with self.stats.inflight.track():
            await super()._call(interaction)

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /) -> None:
        await self.failures.interaction(interaction, error)
