"""/taste @member (how two members' tastes meet) and /trending (the server's week): the features built on what
members taught the bot. Both are rate limited like the music commands, work in servers only and never ping anyone.

/taste answers the asker alone: it names songs the other member liked, and their leave to compare (the default,
`UserPrefs.shares_taste`) is leave to show the one member who asked, not to post their likes to a channel."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.door import admit_slash, ticket_of
from segue.bot.failures import RateLimited
from segue.bot.taste import Company, NamedTrending, TasteMatch, TasteReader, check_company
from segue.errors import UserInputError
from segue.i18n import N_, Speaker, mood_name
from segue.state.records import DAY, Ranked

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

NO_LIKES_YOU = N_("You have not liked any tracks yet: the 👍 button under any answer teaches me a taste.")
NO_LIKES_THEM = N_("{who} has not liked any tracks yet: the 👍 button under any answer teaches me a taste.")
CLOSE = 25
"""An overlap (percent) at which 'many of the same artists' is honest: a quarter of all the artists around both."""
NONE_SHARED = (
    (CLOSE, N_("None yet, though your likes lead to many of the same artists.")),
    (1, N_("None yet; your likes lead to a few of the same artists.")),
    (0, N_("None yet, and your likes lead to different artists so far.")),
)
"""What 'Artists you both liked' says when there are none, by overlap: no artist liked by both is not 'far apart'."""


def _both_liked(match: TasteMatch, say: Speaker) -> str:
    """The artists both members liked, else a line that agrees with the overlap shown above it."""
    if match.shared:
        return ", ".join(render.safe(a, 60) for a in match.shared)
    return say.gettext(next(text for least, text in NONE_SHARED if match.score >= least))


def _ranked(items: tuple[Ranked, ...], say: Speaker, name: Callable[[str], str] = str) -> str:
    """'1. Daft Punk (12)': each item's shown `name` and its count written the reader's way."""
    lines = (f"{i}. {render.safe(name(r.name), 90)} ({say.number(r.count)})" for i, r in enumerate(items, 1))
    return "\n".join(lines) or "—"


def taste_embed(match: TasteMatch, their_name: str, say: Speaker) -> discord.Embed:
    """The /taste answer: the score, shared artists, and one pick each way."""
    them = render.safe(their_name, 60)
    title = say.gettext("Your taste and {name}'s", name=them)
    embed = discord.Embed(title=title, colour=render.notice_embed("", "").colour)
    embed.description = say.gettext(
        "**{score}%** of the artists your likes and theirs lead to are the same for both of you "
        "(from your {mine} and their {theirs} likes).",
        score=match.score,
        mine=match.my_likes,
        theirs=match.their_likes,
    )
    embed.add_field(name=say.gettext("Artists you both liked"), value=_both_liked(match, say), inline=False)
    if match.pick_for_me is not None:
        mine = say.gettext("For you, from {name}'s likes", name=them)
        embed.add_field(name=mine, value=render.safe(match.pick_for_me.display, 200))
    if match.pick_for_them is not None:
        theirs = say.gettext("For {name}, from your likes", name=them)
        embed.add_field(name=theirs, value=render.safe(match.pick_for_them.display, 200))
    return embed


def trending_embed(week: NamedTrending, guild_name: str, say: Speaker) -> discord.Embed:
    """The /trending answer: four short ranked lists."""
    title = say.gettext("This week in {name}", name=render.safe(guild_name, 80))
    embed = discord.Embed(title=title, colour=render.notice_embed("", "").colour)
    moods = _ranked(week.requested_moods, say, lambda label: mood_name(say, label))  # stored as the parser's labels
    embed.add_field(name=say.gettext("Most requested artists"), value=_ranked(week.requested_artists, say))
    embed.add_field(name=say.gettext("Most requested moods"), value=moods)
    embed.add_field(name=say.gettext("Most liked artists"), value=_ranked(week.liked_artists, say), inline=False)
    embed.add_field(name=say.gettext("Most liked tracks"), value=_ranked(week.liked_tracks, say), inline=False)
    return embed


class Community(commands.Cog):
    """The commands that read stored tastes across members."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.reader = TasteReader(bot.deps.service, bot.deps.state)

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        admission = await self.bot.gate.admit(interaction.user.id, interaction.guild_id)
        if not admission.allowed:
            raise RateLimited(admission)
        if interaction.command is not None and interaction.command.name == "taste":
            await admit_slash(self.bot.door, interaction)
        return True

    @app_commands.command(name="taste", description="How your taste in music meets another member's.")
    @app_commands.describe(member="The member to compare with")
    @app_commands.guild_only()
    async def taste(self, interaction: discord.Interaction[Any], member: discord.User) -> None:
        if member.bot:
            raise UserInputError(
                "taste with a bot", user_message=N_("Bots don't keep a taste in music. Pick a member.")
            )
        if member.id == interaction.user.id:
            raise UserInputError(
                "taste with oneself", user_message=N_("That's you! /profile show lists your likes; pick someone else.")
            )
        company = [Company(str(member.id), member.display_name, isinstance(member, discord.Member))]
        await check_company(self.bot.deps.state, str(interaction.user.id), company, blend=False)
        options = self.bot.deps.options
        compared = self.reader.compare(str(interaction.user.id), str(member.id))
        work = self.bot.door.run(ticket_of(interaction), compared)
        match = await respond.within_budget(interaction, work, budget=options.defer_after, stats=self.bot.deps.stats)
        say = await self.bot.speech.for_interaction(interaction)
        if not match.my_likes or not match.their_likes:
            who = render.safe(member.display_name, 60)
            text = say.gettext(NO_LIKES_YOU) if not match.my_likes else say.gettext(NO_LIKES_THEM, who=who)
            await respond.send(interaction, content=text, ephemeral=True)
            return
        await respond.send(interaction, embeds=[taste_embed(match, member.display_name, say)], ephemeral=True)

    @app_commands.command(name="trending", description="This server's most requested and most liked music this week.")
    @app_commands.guild_only()
    async def trending(self, interaction: discord.Interaction[Any]) -> None:
        guild = interaction.guild
        if interaction.guild_id is None or guild is None:
            raise app_commands.NoPrivateMessage()
        say = await self.bot.speech.for_interaction(interaction)
        week = self.reader.named(await self.bot.deps.state.trending(str(interaction.guild_id), time.time() - 7 * DAY))
        if week.empty:
            text = say.gettext(
                "Nothing is trending here yet this week. Ask me for music (/recommend) and 👍 what you enjoy."
            )
            await respond.send(interaction, embeds=[render.notice_embed(say.gettext("This week"), text)])
            return
        await respond.send(interaction, embeds=[trending_embed(week, guild.name, say)])


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Community(bot))
