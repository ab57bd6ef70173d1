"""/profile: see and change your preferences, link Last.fm, take back likes and blocks, export likes as a playlist.

Every reply is private and every command acts only on the member who runs it (their id comes from the
interaction; no option names another member). The logic lives in `bot/profiles.py`; this cog is the Discord glue.
Works in servers and DMs alike.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.playlists import FORMATS, PlaylistFormat
from segue.bot.profiles import NO_LIKES, Profiles, Summary, check_choice
from segue.state.records import LANGUAGES, NOVELTIES, UserPrefs

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

AUTOCOMPLETE_MAX = 25
CHOICE_MAX = 100
NOVELTY_HELP = {"familiar": "well-known tracks", "balanced": "a mix", "adventurous": "deep cuts"}


def _choices(found: list[tuple[str, str]]) -> list[Choice[str]]:
    """Autocomplete choices (shown name, value), clipped to Discord's 100 characters."""
    return [Choice(name=render.clip(name, CHOICE_MAX), value=value[:CHOICE_MAX]) for name, value in found][
        :AUTOCOMPLETE_MAX
    ]


def prefs_lines(prefs: UserPrefs) -> str:
    novelty = f"{prefs.novelty} ({NOVELTY_HELP.get(prefs.novelty, '')})" if prefs.novelty else "not set (balanced)"
    rows = [
        ("Novelty", novelty),
        ("Language", prefs.language or "not set"),
        ("Country for links", prefs.country or "not set"),
        ("Last.fm", prefs.lastfm_user or "not linked"),
    ]
    return render.table(rows)


def summary_embed(summary: Summary) -> discord.Embed:
    """The /profile show card; every name from the catalog or the member is made inert by `render.safe`."""
    builder = render.EmbedBuilder(title="Your Segue profile", description=prefs_lines(summary.prefs))
    artists = "artist" if summary.blocks == 1 else "artists"
    counts = f"👍 {summary.likes} liked · 👎 {summary.dislikes} disliked · 🚫 {summary.blocks} blocked {artists}"
    builder.add_field("Taste", counts)
    likes = "\n".join(f"• {render.safe(line, 150)}" for line in summary.latest_likes)
    builder.add_field("Latest likes", likes or "None yet: press 👍 under an answer.")
    blocked = "\n".join(f"• {render.safe(name, 100)}" for name in summary.blocked)
    builder.add_field("Blocked artists", blocked or "None.")
    builder.footer = "/profile set · /profile unlike · /profile unblock · /profile playlist"
    return builder.build()


class Profile(commands.GroupCog, group_name="profile", group_description="Your preferences, likes and playlists."):
    """A member's own profile."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.profiles = Profiles(bot.deps.service, bot.deps.state)
        super().__init__()

    async def _say(self, interaction: discord.Interaction[Any], title: str, text: str) -> None:
        await respond.send(interaction, embeds=[render.notice_embed(title, text)], ephemeral=True)

    # -- autocomplete --------------------------------------------------------------------------------------------

    async def liked_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(await self.profiles.like_choices(str(interaction.user.id), current))

    async def blocked_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(await self.profiles.block_choices(str(interaction.user.id), current))

    # -- commands ------------------------------------------------------------------------------------------------

    @app_commands.command(name="show", description="Your preferences, likes and blocked artists.")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        summary = await self.profiles.summary(str(interaction.user.id))
        await respond.send(interaction, embeds=[summary_embed(summary)], ephemeral=True)

    @app_commands.command(name="set", description="Change your preferences (only the options you give change).")
    @app_commands.describe(
        novelty="How far from the mainstream your answers go by default",
        language="The language you'd like Segue to answer in",
        country="Your country for listening links, as a two-letter code (e.g. US, GB, DE)",
    )
    @app_commands.choices(
        novelty=[Choice(name=f"{n} ({NOVELTY_HELP[n]})", value=n) for n in NOVELTIES],
        language=[Choice(name=code, value=code) for code in LANGUAGES],
    )
    async def set_(
        self,
        interaction: discord.Interaction[Any],
        novelty: Range[str, 1, 20] | None = None,
        language: Range[str, 1, 10] | None = None,
        country: Range[str, 1, 10] | None = None,
    ) -> None:
        prefs = await self.profiles.update(
            str(interaction.user.id), novelty=novelty, language=language, country=country
        )
        await self._say(interaction, "Preferences saved", prefs_lines(prefs))

    @app_commands.command(name="lastfm", description="Link your Last.fm name, so /discover can start from it.")
    @app_commands.describe(name="Your Last.fm user name")
    async def lastfm(self, interaction: discord.Interaction[Any], name: Range[str, 1, 40]) -> None:
        prefs = await self.profiles.link_lastfm(str(interaction.user.id), name)
        shown = render.safe(prefs.lastfm_user or "", 20)
        await self._say(interaction, "Last.fm linked", f"Linked **{shown}**. /discover will start from it.")

    @app_commands.command(name="lastfm-unlink", description="Forget your linked Last.fm name.")
    async def lastfm_unlink(self, interaction: discord.Interaction[Any]) -> None:
        was = await self.profiles.unlink_lastfm(str(interaction.user.id))
        text = f"I forgot **{render.safe(was, 20)}**." if was else "No Last.fm name was linked."
        await self._say(interaction, "Last.fm", text)

    @app_commands.command(name="unlike", description="Take back one of your likes.")
    @app_commands.describe(track="One of your liked tracks")
    @app_commands.autocomplete(track=liked_names)
    async def unlike(self, interaction: discord.Interaction[Any], track: Range[str, 1, 200]) -> None:
        name = await self.profiles.unlike(str(interaction.user.id), track)
        await self._say(interaction, "Like removed", f"Removed **{render.safe(name, 200)}** from your likes.")

    @app_commands.command(name="unblock", description="Let an artist you blocked back into your answers.")
    @app_commands.describe(artist="One of your blocked artists")
    @app_commands.autocomplete(artist=blocked_names)
    async def unblock(self, interaction: discord.Interaction[Any], artist: Range[str, 1, 200]) -> None:
        name = await self.profiles.unblock(str(interaction.user.id), artist)
        await self._say(interaction, "Artist unblocked", f"**{render.safe(name, 200)}** can come up again.")

    @app_commands.command(name="playlist", description="Your liked tracks as a playlist file.")
    @app_commands.describe(fmt="jspf for ListenBrainz, m3u for music players, csv for spreadsheets")
    @app_commands.rename(fmt="format")
    @app_commands.choices(fmt=[Choice(name=f, value=f) for f in FORMATS])
    async def playlist(self, interaction: discord.Interaction[Any], fmt: Range[str, 1, 10]) -> None:
        chosen = cast(PlaylistFormat, check_choice(fmt, FORMATS, "format"))
        made = await self.profiles.playlist(str(interaction.user.id), chosen, creator=interaction.user.display_name)
        if made is None:
            await self._say(interaction, "No likes yet", NO_LIKES)
            return
        name, data, count = made
        file = discord.File(io.BytesIO(data), filename=name)
        text = f"Your {count} liked track{'s' if count != 1 else ''} as {chosen.upper()}."
        await respond.send(interaction, content=text, files=[file], ephemeral=True)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Profile(bot))
