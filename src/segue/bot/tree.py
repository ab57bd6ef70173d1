"""The command tree: the tree-level error handler, the shutdown gate, in-flight tracking and one analytics event
per slash command.

`on_error` is the single place slash-command errors become words (via `Failures`); no command or cog defines its
own error handler. While draining for shutdown, `interaction_check` refuses new commands with a friendly message
(autocomplete keeps working: it is cheap and cannot be refused politely). Once `servers` is set (by the /settings
extension), it also refuses a command an admin switched off in that server, through the same error path.
"""

from __future__ import annotations

import time
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from segue.bot import respond
from segue.bot.analytics import EventRecorder
from segue.bot.door import ticket_of
from segue.bot.failures import Failures, ShuttingDown
from segue.bot.servers import ServerSettings
from segue.bot.stats import BotStats
from segue.errors import PermissionDeniedError

Command = app_commands.Command[Any, ..., Any] | app_commands.ContextMenu


class SegueTree(app_commands.CommandTree[commands.AutoShardedBot]):
    """`CommandTree` with one error handler; `bind` gives it the bot's failures, stats and analytics recorder."""

    failures: Failures
    stats: BotStats
    servers: ServerSettings | None = None
    recorder: EventRecorder

    def bind(self, failures: Failures, stats: BotStats, recorder: EventRecorder) -> None:
        self.failures = failures
        self.stats = stats
        self.recorder = recorder

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.type is not discord.InteractionType.application_command:
            return True
        if self.stats.inflight.draining:
            raise ShuttingDown("draining")
        respond.ensure_fresh(interaction)
        command = interaction.command
        self.stats.commands[command.qualified_name if command is not None else "?"] += 1
        if self.servers is not None and command is not None:
            await self._refuse_disabled(interaction, command)
        return True

    async def _refuse_disabled(self, interaction: discord.Interaction[Any], command: Command) -> None:
        """Refuse a command an admin switched off in this server (/settings disabled_commands), privately."""
        name = (command.root_parent or command).name if isinstance(command, app_commands.Command) else command.name
        if self.servers is not None and await self.servers.disabled(interaction.guild_id, name):
            say = await self.failures.speech.for_interaction(interaction)
            said = say.gettext(
                "The server's admins have switched /{name} off here. It still works in other servers.", name=name
            )
            refused = PermissionDeniedError(f"/{name} disabled", user_message=said)
            raise app_commands.CommandInvokeError(command, refused)

    async def _call(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is not discord.InteractionType.application_command:
            await super()._call(interaction)
            return
        started = time.perf_counter()
        async with self.stats.inflight.track():
            try:
                await super()._call(interaction)
            finally:
                ticket = ticket_of(interaction)
                if ticket is not None:  # a command that failed before its work still leaves the count
                    ticket.release()
                await self.recorder.interaction(interaction, started)

    async def on_error(self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError, /) -> None:
        await self.failures.interaction(interaction, error)
