"""/recommend, /similar, /mood, /discover and /blend: parse the options, ask `Answers`, show the result.

Each command is rate limited per user and guild (the cog's `interaction_check`), answers publicly, and defers
only when the work runs past the budget. Errors go to the tree's handler, which answers privately. /blend runs in
servers only and blends another member's likes only when they are in that server and share their taste
(`taste.check_company`).
"""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.analytics import REPLY
from segue.bot.answers import BOTS_KEEP_NO_TASTE, Reply
from segue.bot.door import admit_slash, ticket_of
from segue.bot.failures import RateLimited
from segue.bot.panels import present
from segue.bot.taste import Company, check_company
from segue.domain import Novelty
from segue.errors import UserInputError
from segue.i18n import N_

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

NOVELTY_CHOICES = [
    Choice(name="familiar", value=Novelty.FAMILIAR.value),
    Choice(name="balanced", value=Novelty.BALANCED.value),
    Choice(name="deep cuts", value=Novelty.DEEP.value),
]
T = TypeVar("T")
AUTOCOMPLETE_MAX = 25
CHOICE_MAX = 100


def _novelty(value: str | None) -> Novelty | None:
    """The novelty dial from its choice value; anything else (a hand-made request) is a friendly error."""
    if value is None:
        return None
    try:
        return Novelty(value)
    except ValueError:
        raise UserInputError("bad novelty", user_message=N_("Novelty is familiar, balanced or deep cuts.")) from None


def _choices(names: list[str]) -> list[Choice[str]]:
    """Autocomplete choices: names and values clipped to Discord's 100 characters, duplicates dropped."""
    seen: dict[str, Choice[str]] = {}
    for name in names:
        value = name[:CHOICE_MAX]
        if value and value not in seen:
            seen[value] = Choice(name=render.clip(name, CHOICE_MAX), value=value)
    return list(seen.values())[:AUTOCOMPLETE_MAX]


class Music(commands.Cog):
    """The recommendation commands."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.answers = bot.answers
        self.service = bot.deps.service

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        admission = await self.bot.gate.admit(interaction.user.id, interaction.guild_id)
        if not admission.allowed:
            raise RateLimited(admission)
        await admit_slash(self.bot.door, interaction)
        return True

    async def _work(self, interaction: discord.Interaction[Any], work: Awaitable[T]) -> T:
        """The command's work in a door slot; deferred if waiting for the slot and working run past the budget."""
        options = self.bot.deps.options
        queued = self.bot.door.run(ticket_of(interaction), work)
        return await respond.within_budget(interaction, queued, budget=options.defer_after, stats=self.bot.deps.stats)

    async def _count(self, interaction: discord.Interaction[Any], count: int | None) -> int | None:
        """The member's count, else the server's default count (/settings), else None (the bot's default)."""
        return await self.answers.servers.count(interaction.guild_id, count)

    async def _show(self, interaction: discord.Interaction[Any], work: Awaitable[Reply]) -> None:
        reply = await self._work(interaction, work)
        interaction.extras[REPLY] = reply.answer
        embeds, view = present(reply, await self.bot.speech.for_interaction(interaction))
        await respond.send(interaction, embeds=embeds, view=view)

    # -- autocomplete --------------------------------------------------------------------------------------------

    async def artist_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(self.service.autocomplete_artists(current, limit=AUTOCOMPLETE_MAX))

    async def track_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(self.service.autocomplete_tracks(current, limit=AUTOCOMPLETE_MAX))

    async def genre_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(self.service.autocomplete_genres(current, limit=AUTOCOMPLETE_MAX))

    # -- commands ------------------------------------------------------------------------------------------------

    @app_commands.command(
        name="recommend", description="Music for you: from words, an artist, a track, a genre or a mood."
    )
    @app_commands.describe(
        query="What you want in your own words, e.g. 'something like Daft Punk but chill'",
        artist="An artist to start from",
        track="A track to start from, as 'Title - Artist'",
        genre="A genre to stay in",
        mood="A mood, e.g. chill, happy, dark, upbeat",
        count="How many tracks (1-10)",
        novelty="How far from the mainstream to go",
    )
    @app_commands.choices(novelty=NOVELTY_CHOICES)
    @app_commands.autocomplete(artist=artist_names, track=track_names, genre=genre_names)
    async def recommend(
        self,
        interaction: discord.Interaction[Any],
        query: Range[str, 1, 300] | None = None,
        artist: Range[str, 1, 100] | None = None,
        track: Range[str, 1, 200] | None = None,
        genre: Range[str, 1, 100] | None = None,
        mood: Range[str, 1, 100] | None = None,
        count: Range[int, 1, 10] | None = None,
        novelty: Range[str, 1, 20] | None = None,
    ) -> None:
        async def work() -> Reply:
            user = str(interaction.user.id)
            built = self.answers.build_query(
                text=query, artist=artist, track=track, genre=genre, mood=mood, novelty=_novelty(novelty)
            )
            asked = await self._count(interaction, count)
            return await self.answers.answer(user, built, count=asked, prefer=novelty is None)

        await self._show(interaction, work())

    @app_commands.command(name="similar", description="Artists like an artist, or tracks like a track.")
    @app_commands.describe(
        artist="Find artists similar to this one",
        track="Find tracks similar to this one, as 'Title - Artist'",
        count="How many results (1-10)",
    )
    @app_commands.autocomplete(artist=artist_names, track=track_names)
    async def similar(
        self,
        interaction: discord.Interaction[Any],
        artist: Range[str, 1, 100] | None = None,
        track: Range[str, 1, 200] | None = None,
        count: Range[int, 1, 10] | None = None,
    ) -> None:
        user = str(interaction.user.id)
        if bool(artist and artist.strip()) == bool(track and track.strip()):
            raise UserInputError("similar needs one of artist/track", user_message=N_("Give me an artist or a track."))
        count = await self._count(interaction, count)
        if track:
            await self._show(interaction, self.answers.similar_track(user, track, count=count))
            return
        answer = await self._work(interaction, self.answers.similar_artists(user, artist or "", count=count))
        say = await self.bot.speech.for_interaction(interaction)
        await respond.send(interaction, embeds=[render.artists_embed(answer, say)])

    @app_commands.command(name="mood", description="Tracks that fit a mood or an activity.")
    @app_commands.describe(
        text="The mood or moment, e.g. 'rainy sunday morning' or 'late night drive'", count="How many tracks (1-10)"
    )
    async def mood(
        self,
        interaction: discord.Interaction[Any],
        text: Range[str, 1, 200],
        count: Range[int, 1, 10] | None = None,
    ) -> None:
        async def work() -> Reply:
            query = self.answers.parse(text)
            if not query.moods and not query.features:
                raise UserInputError(
                    "no mood found",
                    user_message=N_("I couldn't find a mood in that. Try chill, happy, dark or upbeat."),
                )
            asked = await self._count(interaction, count)
            return await self.answers.answer(str(interaction.user.id), query, count=asked, title=N_("For the mood"))

        await self._show(interaction, work())

    @app_commands.command(name="discover", description="New music picked from your likes and what you've heard.")
    @app_commands.describe(
        count="How many tracks (1-10)",
        novelty="How far from the mainstream to go",
        lastfm_user="A Last.fm user name to start from (default: the one you linked with /profile lastfm)",
    )
    @app_commands.rename(lastfm_user="lastfm-user")
    @app_commands.choices(novelty=NOVELTY_CHOICES)
    async def discover(
        self,
        interaction: discord.Interaction[Any],
        count: Range[int, 1, 10] | None = None,
        novelty: Range[str, 1, 20] | None = None,
        lastfm_user: Range[str, 1, 64] | None = None,
    ) -> None:
        work = self.answers.discover(
            str(interaction.user.id),
            count=await self._count(interaction, count),
            novelty=_novelty(novelty),
            lastfm_user=lastfm_user,
        )
        await self._show(interaction, work)

    @app_commands.command(name="blend", description="One list for a group of 2-5 people, from everyone's likes.")
    @app_commands.describe(
        member1="First person in the blend",
        member2="Second person in the blend",
        member3="Third person (optional)",
        member4="Fourth person (optional)",
        member5="Fifth person (optional)",
        count="How many tracks (1-10)",
    )
    @app_commands.guild_only()
    async def blend(
        self,
        interaction: discord.Interaction[Any],
        member1: discord.User,
        member2: discord.User,
        member3: discord.User | None = None,
        member4: discord.User | None = None,
        member5: discord.User | None = None,
        count: Range[int, 1, 10] | None = None,
    ) -> None:
        people = [m for m in (member1, member2, member3, member4, member5) if m is not None]
        if any(m.bot for m in people):
            raise UserInputError("blend with a bot", user_message=BOTS_KEEP_NO_TASTE)
        company = [Company(str(m.id), m.display_name, isinstance(m, discord.Member)) for m in people]
        await check_company(self.bot.deps.state, str(interaction.user.id), company, blend=True)
        members = [(str(m.id), m.display_name) for m in people]
        await self._show(interaction, self.answers.blend(str(interaction.user.id), members, count=count))


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Music(bot))
