"""Free text: DMs, mentions and opted-in channels are read as requests and answered in a reply.

The decisions (is it for us, is it worth answering) live in `freetext.py`; this listener only reads the message,
applies the rate limit after the message proved to be a request (chatter costs nobody their quota), and
replies without pinging anyone. Errors go to `Failures.message` (repeated rate-limit hits stay silent). A server
whose admins disabled "chat" (/settings) gets no free-text answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.door import Busy
from segue.bot.failures import RateLimited, ShuttingDown, outcome
from segue.bot.freetext import HINT, SHORT_HINT, Incoming, Route, Verdict, route, strip_mentions, verdict
from segue.bot.panels import present
from segue.domain import Answer
from segue.errors import UserInputError

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

T = TypeVar("T")


class Listen(commands.Cog):
    """The on_message listener."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.recorder = bot.segue_tree.recorder

    def _mentions_me(self, message: discord.Message) -> bool:
        me = self.bot.user
        if me is None:
            return False
        return any(u.id == me.id for u in message.mentions) or f"<@{me.id}>" in message.content

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        # Counted from the first await: a shutdown that starts while the settings below are read still waits for
        # this message, instead of closing the connection under its reply (a mention was lost to SIGTERM so).
        async with self.bot.deps.stats.inflight.track():
            await self._on_message(message)

    async def _on_message(self, message: discord.Message) -> None:
        bot = self.bot
        me = bot.user
        if not bot.deps.options.free_text or me is None or message.author.id == me.id:
            return
        if message.author.bot or message.webhook_id is not None:
            return
        is_dm = message.guild is None
        mentioned = self._mentions_me(message)
        listening = False
        if not is_dm and not mentioned:
            listening = await bot.deps.state.is_listening(str(message.channel.id))
        via = route(Incoming(message.content, message.author.bot, is_dm, mentioned, listening))
        if via is None:
            return
        if await bot.answers.servers.disabled(message.guild.id if message.guild else None, "chat"):
            await self._chat_is_off(message, via)
            return
        started, answer, failed = time.perf_counter(), None, None
        try:
            answer = await self._handle(message, via, strip_mentions(message.content, me.id))
        except Exception as exc:  # one error path for message triggers
            failed = outcome(exc)
            await bot.failures.message(message, exc)
        if answer is not None or failed is not None:
            guild = message.guild.id if message.guild else None
            await self.recorder.message(message.author.id, guild, started, answer, failed)

    async def _handle(self, message: discord.Message, via: Route, text: str) -> Answer | None:
        """The answer shown, or None when the message was chatter or got the hint."""
        bot = self.bot
        stats = bot.deps.stats
        user = str(message.author.id)
        try:
            query = bot.answers.parse(text)
        except UserInputError:
            if via is Route.CHANNEL:
                return None  # long chatter in a listening channel is not a request
            if text.strip():
                raise
            query = None
        decision = verdict(query, via) if query is not None else Verdict.HINT
        if decision is Verdict.IGNORE:
            stats.messages["ignored"] += 1
            return None
        if decision is Verdict.HINT or query is None:
            stats.messages["hint"] += 1
            hint = HINT if bot.hints.should_hint(user) else SHORT_HINT
            if hint is SHORT_HINT and not (await bot.gate.admit(message.author.id, guild_of(message))).allowed:
                return None  # repeated nonsense past the rate limit: the member already heard how to ask
            say = await bot.speech.for_message(message)
            await message.reply(
                content=render.content(say.gettext(hint)), mention_author=False, allowed_mentions=respond.NO_PINGS
            )
            return None
        if stats.inflight.draining:  # a request while restarting is told so, like a slash command
            raise ShuttingDown("draining")
        admission = await bot.gate.admit(message.author.id, message.guild.id if message.guild else None)
        if not admission.allowed:
            raise RateLimited(admission)
        at_door = bot.door.admit(user)
        if at_door.kind == "busy":
            raise Busy(at_door)
        try:
            if at_door.kind == "defer":
                await message.channel.typing()  # a sign of life now; the answer follows in its turn
        except BaseException:
            if at_door.ticket is not None:
                at_door.ticket.release()
            raise
        stats.messages[via.value] += 1
        work = bot.door.run(at_door.ticket, bot.answers.answer(user, query))
        reply = await self._with_sign_of_life(message, work, typed=at_door.kind == "defer")
        embeds, view = present(reply, await bot.speech.for_message(message, written_in=query.language))
        if view is None:
            await message.reply(embeds=embeds, mention_author=False, allowed_mentions=respond.NO_PINGS)
        else:
            await message.reply(embeds=embeds, view=view, mention_author=False, allowed_mentions=respond.NO_PINGS)
        return reply.answer

    async def _with_sign_of_life(self, message: discord.Message, work: Awaitable[T], *, typed: bool) -> T:
        """The work's result, with a typing indicator once it runs past the defer budget if none was sent: the door
        judges by an estimate, which a burst or a slow source outruns, and a member must not wait with no sign of
        life (a slash command is deferred the same way, `respond.within_budget`)."""
        task = asyncio.ensure_future(work)
        if typed:
            return await task

        async def typing() -> None:
            with contextlib.suppress(discord.HTTPException):
                await message.channel.typing()

        try:
            return await respond.after_budget(task, self.bot.deps.options.defer_after - respond.age_of(message), typing)
        except BaseException:
            task.cancel()
            raise

    async def _chat_is_off(self, message: discord.Message, via: Route) -> None:
        """An admin switched chat off here (/settings): a direct mention hears so (at most once per hint cooldown),
        channel chatter is left alone."""
        self.bot.deps.stats.messages["disabled"] += 1
        if via is Route.MENTION and self.bot.hints.should_hint(str(message.author.id)):
            say = await self.bot.speech.for_message(message)
            text = say.gettext("Chat requests are switched off in this server. Try /recommend instead.")
            await message.reply(content=text, mention_author=False, allowed_mentions=respond.NO_PINGS)


def guild_of(message: discord.Message) -> int | None:
    return message.guild.id if message.guild else None


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Listen(bot))
