"""What happens when someone clicks: feedback, the track panel, more like, less mainstream, next page.

Policy: feedback and the track panel answer privately at once (well inside 3 s). The person who asked may page
and refine their public answer in place; anyone else gets the refinement privately, so clicks never spam a
channel. Answers that produce new music are rate limited like commands. Every failure goes to `Failures`, so a
click never ends in "This interaction failed".
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import discord

from segue.bot import render, respond
from segue.bot.answers import Answers, FeedbackDone, Reply
from segue.bot.custom_ids import FeedbackKind
from segue.bot.deps import BotDeps
from segue.bot.failures import Failures, RateLimited, ShuttingDown
from segue.bot.gate import RequestGate
from segue.bot.panels import present, track_panel
from segue.errors import UserInputError
from segue.i18n import N_, Speaker

FORGOTTEN = N_("🗑️ Done: I've deleted your likes, dislikes, history and saved answers. Your next request starts fresh.")


def confirmation(done: FeedbackDone, say: Speaker) -> str:
    """One line saying what changed and what it will do to the next answers."""
    title = render.safe(done.track.title, 120)
    artist = render.safe(done.artist_name, 80)
    if done.kind == "like":
        return say.gettext("👍 Liked **{title}**. Your /discover picks and blends will lean this way.", title=title)
    if done.kind == "dislike":
        return say.gettext("👎 Got it: I won't show **{title}** again.", title=title)
    if done.kind == "known":
        return say.gettext("🙋 Noted that you know **{title}**; I'll skip it and look further.", title=title)
    return say.gettext("🚫 I won't recommend **{artist}** to you again.", artist=artist)


class ButtonActions:
    """Handlers for every persistent component; one instance per bot, built with its collaborators."""

    def __init__(self, deps: BotDeps, answers: Answers, gate: RequestGate, failures: Failures) -> None:
        self.deps = deps
        self.answers = answers
        self.gate = gate
        self.failures = failures

    async def _run(self, interaction: discord.Interaction[Any], name: str, work: Callable[[], Awaitable[None]]) -> None:
        stats = self.deps.stats
        stats.components[name] += 1
        try:
            if stats.inflight.draining:
                raise ShuttingDown("draining")
            async with stats.inflight.track():
                await work()
        except Exception as exc:  # every error gets words; nothing escapes to discord.py's logger
            await self.failures.interaction(interaction, exc)

    async def _admit(self, interaction: discord.Interaction[Any]) -> None:
        admission = await self.gate.admit(interaction.user.id, interaction.guild_id)
        if not admission.allowed:
            raise RateLimited(admission)

    async def _budget(self, interaction: discord.Interaction[Any], work: Awaitable[Reply], *, update: bool) -> Reply:
        return await respond.within_budget(
            interaction,
            work,
            budget=self.deps.options.defer_after,
            stats=self.deps.stats,
            ephemeral=not update,
            update=update,
        )

    async def _say(self, interaction: discord.Interaction[Any]) -> Speaker:
        return await self.failures.speech.for_interaction(interaction)

    async def _show(self, interaction: discord.Interaction[Any], reply: Reply, *, in_place: bool) -> None:
        embeds, view = present(reply, await self._say(interaction))
        if in_place:
            await respond.edit(interaction, embeds=embeds, view=view)
        else:
            await respond.send(interaction, embeds=embeds, view=view, ephemeral=True)

    # -- handlers ------------------------------------------------------------------------------------------------

    async def feedback(self, interaction: discord.Interaction[Any], kind: FeedbackKind, track_id: str) -> None:
        async def work() -> None:
            guild = None if interaction.guild_id is None else str(interaction.guild_id)
            done = await self.answers.feedback(str(interaction.user.id), kind, track_id, guild_id=guild)
            say = await self._say(interaction)
            said = render.content(confirmation(done, say))
            panel = interaction.message
            if panel is not None and panel.flags.ephemeral:
                # The private panel itself says what was done, its button ticked and disabled (no second message).
                await respond.edit(
                    interaction, content=said, embeds=panel.embeds, view=track_panel(done.track, say, rated=kind)
                )
            else:
                await respond.send(interaction, content=said, ephemeral=True)

        await self._run(interaction, f"feedback:{kind}", work)

    async def pick(self, interaction: discord.Interaction[Any], key: str, track_id: str) -> None:
        async def work() -> None:
            track = self.answers.track(track_id)
            if track is None:
                raise UserInputError("unknown track", user_message=N_("I can't find that track any more."))
            say = await self._say(interaction)
            year = f" ({track.year})" if track.year else ""
            text = f"**{render.safe(track.title, 200)}** — {render.safe(', '.join(track.artists), 200)}{year}"
            embed = render.notice_embed(say.gettext("What do you think?"), text)
            await respond.send(interaction, embeds=[embed], view=track_panel(track, say), ephemeral=True)

        await self._run(interaction, "pick", work)

    async def more_like(self, interaction: discord.Interaction[Any], track_id: str) -> None:
        async def work() -> None:
            await self._admit(interaction)
            reply = await self._budget(
                interaction, self.answers.more_like(str(interaction.user.id), track_id), update=False
            )
            await self._show(interaction, reply, in_place=False)

        await self._run(interaction, "more", work)

    def _owns(self, interaction: discord.Interaction[Any], owner: str) -> bool:
        """Whether a click may change the message itself: a private one (only its viewer can click) or one's own."""
        message = interaction.message
        if message is None:
            return False
        return message.flags.ephemeral or owner == str(interaction.user.id)

    async def deeper(self, interaction: discord.Interaction[Any], key: str) -> None:
        async def work() -> None:
            await self._admit(interaction)
            saved = await self.answers.saved(key)
            in_place = self._owns(interaction, saved.user_id)
            reply = await self._budget(interaction, self.answers.deeper(str(interaction.user.id), key), update=in_place)
            await self._show(interaction, reply, in_place=in_place)

        await self._run(interaction, "deeper", work)

    async def forget(self, interaction: discord.Interaction[Any], user_id: str) -> None:
        """The /privacy delete confirmation: only the member it names can press it, and only then is data deleted."""

        async def work() -> None:
            if str(interaction.user.id) != user_id:
                raise UserInputError(
                    "forget: not the owner", user_message=N_("That button isn't yours; nothing was deleted.")
                )
            await self.answers.forget(user_id)
            self.failures.speech.forget(user_id)
            await respond.edit(interaction, content=(await self._say(interaction)).gettext(FORGOTTEN))

        await self._run(interaction, "forget", work)

    async def next_page(self, interaction: discord.Interaction[Any], key: str, page: int) -> None:
        async def work() -> None:
            await self._admit(interaction)
            saved = await self.answers.saved(key)
            in_place = self._owns(interaction, saved.user_id)
            reply = await self._budget(
                interaction, self.answers.next_page(str(interaction.user.id), key, page), update=in_place
            )
            if not reply.has_results:
                said = (await self._say(interaction)).gettext("That's everything I have for this one.")
                await respond.send(interaction, content=said, ephemeral=True)
                return
            await self._show(interaction, reply, in_place=in_place)

        await self._run(interaction, "page", work)
