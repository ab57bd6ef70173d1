"""The one place that turns any error into a short friendly message, logs it with context and counts it.

Slash commands (via `CommandTree.on_error`), buttons and select menus (via their callbacks) and message triggers
all end up here. Each interaction is answered once: ephemerally, as a follow-up when a response already went
out. Expected errors (bad input, rate limits, permissions) log one line; everything else logs a traceback.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, cast

import discord
from discord import app_commands

from segue.bot import render, respond
from segue.bot.analytics import FAILED
from segue.bot.door import Busy
from segue.bot.gate import Admission
from segue.bot.respond import TooLate
from segue.bot.speech import Speech
from segue.bot.stats import BotStats
from segue.errors import PermissionDeniedError, RateLimitedError, SegueError, UnknownSeedError, UserInputError
from segue.i18n import N_, Speaker, retell

log = logging.getLogger(__name__)

STILL_WAITING = N_("⏳ Still cooling down.")
UNKNOWN_INTERACTION = 10062
"""Discord's code for an interaction whose token expired (answered too late or twice)."""


class RateLimited(app_commands.CheckFailure):
    """A cog check refused the request; carries the gate's admission (retry_after, first notice)."""

    def __init__(self, admission: Admission) -> None:
        super().__init__(f"rate limited ({admission.scope}) for {admission.retry_after:.1f}s")
        self.admission = admission


class AdminOnly(app_commands.CheckFailure):
    """The member lacks Manage Server where they ran an admin command (checked again at run time)."""


class OperatorOnly(AdminOnly):
    """A bot-wide admin command run by someone who is not the bot's owner, team member or configured operator."""


BUSY = N_("I'm swamped with requests right now. Please try again in {seconds} s.")
OPERATOR_ONLY = N_("Only the bot's operators can run this: it acts on every server the bot is in.")


class ShuttingDown(app_commands.CheckFailure):
    """The bot is draining for a restart and takes no new work."""


SHEDDING = (RateLimited, RateLimitedError, Busy, ShuttingDown)
"""Refusals under load: said in the member's language without reading the store (`Speech.for_interaction`)."""
USER_MESSAGE_MAX = 1000
"""An error's words are a sentence or two; a longer one quotes far too much of the input."""


@dataclass(frozen=True, slots=True)
class Explained:
    """What to show, how to count it, and whether it is the user's doing."""

    text: str
    kind: str
    expected: bool
    quiet: bool = False
    """Repeated rate-limit hits: a minimal ephemeral for interactions, silence for messages."""


def unwrap(error: BaseException) -> BaseException:
    """The exception a command actually raised (`CommandInvokeError.original`, `TransformerError.__cause__`)."""
    if isinstance(error, app_commands.CommandInvokeError):
        return error.original
    return error


def explain(error: BaseException, say: Speaker) -> Explained:
    """Words for an error; never includes `str(error)` of unexpected errors (it may carry URLs or tokens)."""
    err = unwrap(error)
    kind = type(err).__name__
    if isinstance(err, RateLimited):
        admission = err.admission
        if not admission.first_notice:
            return Explained(say.gettext(STILL_WAITING), kind, True, quiet=True)
        text = say.gettext("You're going a bit fast. Try again in {seconds} s.", seconds=admission.retry_seconds)
        return Explained(text, kind, True)
    if isinstance(err, RateLimitedError):
        return Explained(retell(say, err.user_message), kind, True)
    if isinstance(err, Busy):
        return Explained(say.gettext(BUSY, seconds=err.verdict.retry_seconds), kind, True)
    if isinstance(err, OperatorOnly):
        return Explained(say.gettext(OPERATOR_ONLY), kind, True)
    if isinstance(err, AdminOnly | app_commands.MissingPermissions):
        return Explained(say.gettext(PermissionDeniedError.default_message), kind, True)
    if isinstance(err, app_commands.NoPrivateMessage):
        return Explained(say.gettext("This command only works in a server."), kind, True)
    if isinstance(err, app_commands.BotMissingPermissions):
        missing = ", ".join(p.replace("_", " ") for p in err.missing_permissions)
        return Explained(say.gettext("I need these permissions here: {names}.", names=missing), kind, True)
    if isinstance(err, app_commands.CommandOnCooldown):
        seconds = max(1, round(err.retry_after))
        return Explained(say.gettext("Slow down a little: try again in {seconds} s.", seconds=seconds), kind, True)
    if isinstance(err, ShuttingDown):
        return Explained(say.gettext("I'm restarting right now. Please try again in a few seconds."), kind, True)
    if isinstance(err, app_commands.TransformerError):
        value = render.safe(err.value, 80)
        return Explained(say.gettext("I couldn't read the value '{value}'.", value=value), kind, True)
    if isinstance(err, app_commands.CheckFailure):
        return Explained(say.gettext("You can't use that here."), kind, True)
    if isinstance(err, UnknownSeedError):
        return Explained(render.safe(unknown_seed(err, say), USER_MESSAGE_MAX), kind, True)
    if isinstance(err, SegueError):
        # User messages quote what was typed ("I don't know the artist '[x](http://evil)'"): always inert text.
        shown = render.safe(retell(say, err.user_message), USER_MESSAGE_MAX)
        return Explained(shown, kind, isinstance(err, UserInputError | PermissionDeniedError))
    return Explained(say.gettext(SegueError.default_message), kind, False)


UNKNOWN_SEED = {
    "artist": (
        N_("I don't know the artist '{name}'."),
        N_("I don't know the artist '{name}'. Did you mean {options}?"),
    ),
    "track": (N_("I don't know the track '{name}'."), N_("I don't know the track '{name}'. Did you mean {options}?")),
    "genre": (N_("I don't know the genre '{name}'."), N_("I don't know the genre '{name}'. Did you mean {options}?")),
}


def unknown_seed(err: UnknownSeedError, say: Speaker) -> str:
    """'No conozco al artista «X». ¿Quisiste decir A, B o C?' from the error's own fields."""
    plain, hinted = UNKNOWN_SEED.get(err.kind, (None, None))
    if plain is None or hinted is None:
        return retell(say, err.user_message)
    if err.suggestions:
        return say.gettext(hinted, name=err.name, options=say.join(err.suggestions[:3], either=True))
    return say.gettext(plain, name=err.name)


def outcome(error: BaseException) -> tuple[str, str]:
    """(error kind, outcome) for the analytics event of a request that ended in `error`."""
    err = unwrap(error)
    kind = type(err).__name__
    if isinstance(err, RateLimited | RateLimitedError):
        return kind, "rate_limited"
    if isinstance(err, TooLate | ShuttingDown | Busy):
        return kind, "busy"
    if isinstance(err, UserInputError | PermissionDeniedError | app_commands.CheckFailure):
        return kind, "refused"
    return kind, "error"


def _context(interaction: discord.Interaction[Any]) -> str:
    command = interaction.command.qualified_name if interaction.command is not None else None
    data = cast(dict[str, Any], interaction.data or {})
    what = command or data.get("custom_id") or interaction.type.name
    return f"{what} user={interaction.user.id} guild={interaction.guild_id} channel={interaction.channel_id}"


class Failures:
    """Answers, logs and counts errors."""

    def __init__(self, stats: BotStats, speech: Speech) -> None:
        self.stats = stats
        self.speech = speech

    def _record(self, where: str, error: BaseException, said: Explained) -> None:
        if isinstance(unwrap(error), RateLimited):
            self.stats.rate_limited[where.split(" ", 1)[0]] += 1
        self.stats.error(where.split(" ", 1)[0], said.kind, said.text, expected=said.expected)
        if said.expected:
            log.info("%s: %s (%s)", where, said.kind, said.text)
        else:
            err = unwrap(error)
            log.error("%s failed: %s", where, said.kind, exc_info=(type(err), err, err.__traceback__))

    async def interaction(self, interaction: discord.Interaction[Any], error: BaseException) -> None:
        """Answer an interaction that failed (once; follow-up when already answered)."""
        err = unwrap(error)
        where = _context(interaction)
        interaction.extras[FAILED] = outcome(error)
        if isinstance(err, TooLate):
            self.stats.error(where.split(" ", 1)[0], "ShedTooLate", "", expected=True)
            log.warning("%s: skipped, it waited past the answer window (overloaded)", where)
            return
        if isinstance(err, discord.NotFound) and err.code == UNKNOWN_INTERACTION:
            self.stats.error(where.split(" ", 1)[0], "ExpiredInteraction", "", expected=False)
            log.warning("%s: the interaction expired before we answered", where)
            return
        say = await self.speech.for_interaction(interaction, shedding=isinstance(err, SHEDDING))
        said = explain(error, say)
        self._record(where, error, said)
        try:
            if said.quiet:
                await respond.send(interaction, content=said.text, ephemeral=True)
            else:
                embed = render.notice_embed(say.gettext("Hmm"), said.text, error=True)
                await respond.send(interaction, embeds=[embed], ephemeral=True)
        except discord.HTTPException as exc:
            log.warning("%s: could not tell the user about %s: %s", where, said.kind, exc)

    async def message(self, message: discord.Message, error: BaseException) -> None:
        """Answer a message trigger that failed: a reply, or nothing for repeated rate-limit hits."""
        where = f"message user={message.author.id} guild={message.guild.id if message.guild else None}"
        say = await self.speech.for_message(message)
        said = explain(error, say)
        self._record(where, error, said)
        if said.quiet:
            return
        try:
            await message.reply(
                embed=render.notice_embed(say.gettext("Hmm"), said.text, error=True),
                mention_author=False,
                allowed_mentions=respond.NO_PINGS,
            )
        except discord.HTTPException as exc:
            log.warning("%s: could not reply about %s: %s", where, said.kind, exc)
