"""Free text: DMs, mentions and opted-in channels are read as requests and answered in a reply.

The decisions (is it for us, is it worth answering) live in `freetext.py`; this listener only reads the message,
applies the rate limit after the message proved to be a request (chatter costs nobody their quota), and
replies without pinging anyone. Errors go to `Failures.message` (repeated rate-limit hits stay silent). A server
whose admins disabled "chat" (/settings) gets no free-text answers. A mention or DM that follows up an answer
('more', 'older', 'more like the 3rd one': `followups.py`) acts on the answer it replies to, else on the member's
last one in that channel; with neither it is read as any request.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import discord
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.answers import Reply
from segue.bot.door import Busy
from segue.bot.failures import RateLimited, ShuttingDown, outcome
from segue.bot.followups import FollowUp, Referent, read_follow_up, referent_in
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
        follow = self._follow_up(message, via, text)
        if follow is not None:
            ask, to = follow
            stats.messages["follow_up"] += 1
            # English words ('more', 'older') tell little: a member writing Spanish says them too. The answer they
            # continue speaks then, as the parser's 'en' (found nothing else) lets the member's language speak.
            foreign = ask.language if ask.language != "en" else None
            return await self._serve(message, via, lambda: bot.answers.follow(user, to, ask), foreign)
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
        asked = query

        async def work() -> tuple[Reply, str | None]:
            return await bot.answers.answer(user, asked), asked.language

        return await self._serve(message, via, work, None)

    def _follow_up(self, message: discord.Message, via: Route, text: str) -> tuple[FollowUp, Referent] | None:
        """A follow-up and the answer it acts on: the one replied to, else the member's last one here (within the
        window). Never in an opted-in channel's chatter; never another member's private answer (a reply can only
        point at a message its author sees, and the memory holds each member's own)."""
        if via is Route.CHANNEL:
            return None
        ask = read_follow_up(text)
        if ask is None:
            return None
        recent = self.bot.answers.recent
        to = self._replied_to(message) or recent.latest(str(message.author.id), message.channel.id)
        return None if to is None else (ask, to)

    def _replied_to(self, message: discord.Message) -> Referent | None:
        """The answer of ours a reply points at: read from the message's buttons, which name its saved answer and
        page (so it holds after a restart), else from what this process remembers of that message."""
        ref, me = message.reference, self.bot.user
        if ref is None or ref.message_id is None or me is None or ref.channel_id != message.channel.id:
            return None  # a forward names a message elsewhere
        shown = ref.resolved if isinstance(ref.resolved, discord.Message) else ref.cached_message
        if shown is not None:
            if shown.author.id != me.id or shown.flags.ephemeral:
                return None
            ids = (getattr(c, "custom_id", None) for row in shown.components for c in getattr(row, "children", ()))
            found = referent_in(i for i in ids if isinstance(i, str))
            if found is not None:
                return found
        return self.bot.answers.recent.shown_in(ref.message_id)

    async def _serve(
        self,
        message: discord.Message,
        via: Route,
        make: Callable[[], Awaitable[tuple[Reply, str | None]]],
        written_in: str | None,
    ) -> Answer | None:
        """Admit a request (rate limit, door), run it with a sign of life, and reply with the answer, in the language
        the words were written in (else the one of the request they continue), never pinging anyone."""
        bot = self.bot
        stats = bot.deps.stats
        user = str(message.author.id)
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
        work = bot.door.run(at_door.ticket, make())
        reply, language = await self._with_sign_of_life(message, work, typed=at_door.kind == "defer")
        say = await bot.speech.for_message(message, written_in=written_in or language)
        embeds, view = present(reply, say)
        if view is None:
            sent = await message.reply(embeds=embeds, mention_author=False, allowed_mentions=respond.NO_PINGS)
        else:
            sent = await message.reply(
                embeds=embeds, view=view, mention_author=False, allowed_mentions=respond.NO_PINGS
            )
        if reply.key is not None:
            bot.answers.recent.remember(user, message.channel.id, Referent(reply.key, reply.page), message_id=sent.id)
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
