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
from segue.bot.speech import SPEAKER_KEY
from segue.i18n import N_, Speaker
from segue.state.records import LANGUAGES, NOVELTIES, UserPrefs

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

AUTOCOMPLETE_MAX = 25
CHOICE_MAX = 100
NOVELTY_HELP = {"familiar": N_("well-known tracks"), "balanced": N_("a mix"), "adventurous": N_("deep cuts")}
NOVELTY_NAMES = {"familiar": N_("familiar"), "balanced": N_("balanced"), "adventurous": N_("adventurous")}
LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt-BR": "Português (Brasil)"}
"""Each language by its own name, as a member looking for theirs expects to find it."""
SHARING = {
    None: N_("yes (default): other members' /taste and /blend may use your likes"),
    True: N_("yes: other members' /taste and /blend may use your likes"),
    False: N_("no: your likes stay out of other members' /taste and /blend"),
}
"""`share_taste` as /profile reads it back: what others may do, with '(default)' when the member never chose."""
FOOTER = N_("/profile set · /profile unlike · /profile unblock · /profile playlist")
"""The commands that change what the card shows, named as the reader's client lists them (`Speaker.commands`)."""


def _choices(found: list[tuple[str, str]]) -> list[Choice[str]]:
    """Autocomplete choices (shown name, value), clipped to Discord's 100 characters."""
    return [Choice(name=render.clip(name, CHOICE_MAX), value=value[:CHOICE_MAX]) for name, value in found][
        :AUTOCOMPLETE_MAX
    ]


def prefs_lines(prefs: UserPrefs, say: Speaker) -> str:
    unset = say.gettext("not set")
    if prefs.novelty:
        name = say.gettext(NOVELTY_NAMES.get(prefs.novelty, prefs.novelty))
        novelty = f"{name} ({say.gettext(NOVELTY_HELP.get(prefs.novelty, ''))})"
    else:
        novelty = say.gettext("not set (balanced)")
    language = LANGUAGE_NAMES.get(prefs.language or "", prefs.language or unset)
    rows = [
        (say.gettext("Novelty"), novelty),
        (say.gettext("Language"), language),
        (say.gettext("Country for links"), prefs.country or unset),
        ("Last.fm", prefs.lastfm_user or say.gettext("not linked")),
        (say.gettext("Share your taste"), say.gettext(SHARING[prefs.share_taste])),
    ]
    return render.table(rows)


def summary_embed(summary: Summary, say: Speaker) -> discord.Embed:
    """The /profile show card; every name from the catalog or the member is made inert by `render.safe`."""
    builder = render.EmbedBuilder(
        title=say.gettext("Your Segue profile"), description=prefs_lines(summary.prefs, say), say=say
    )
    counts = " · ".join(
        (
            say.gettext("👍 {n} liked", n=summary.likes),
            say.gettext("👎 {n} disliked", n=summary.dislikes),
            say.ngettext("🚫 {n} blocked artist", "🚫 {n} blocked artists", summary.blocks),
        )
    )
    builder.add_field(say.gettext("Taste"), counts)
    likes = "\n".join(f"• {render.safe(line, 150)}" for line in summary.latest_likes)
    builder.add_field(say.gettext("Latest likes"), likes or say.gettext("None yet: press 👍 under an answer."))
    blocked = "\n".join(f"• {render.safe(name, 100)}" for name in summary.blocked)
    builder.add_field(say.gettext("Blocked artists"), blocked or say.gettext("None."))
    builder.footer = say.gettext(FOOTER)
    return builder.build()


class Profile(commands.GroupCog, group_name="profile", group_description="Your preferences, likes and playlists."):
    """A member's own profile."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.profiles = Profiles(bot.deps.service, bot.deps.state)
        super().__init__()

    async def _say(self, interaction: discord.Interaction[Any], title: str, text: str) -> None:
        """A private notice; `title` is a catalog message, `text` already in the member's language."""
        say = await self.bot.speech.for_interaction(interaction)
        await respond.send(interaction, embeds=[render.notice_embed(say.gettext(title), text)], ephemeral=True)

    async def _speaker(self, interaction: discord.Interaction[Any]) -> Speaker:
        return await self.bot.speech.for_interaction(interaction)

    # -- autocomplete --------------------------------------------------------------------------------------------

    async def liked_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(await self.profiles.like_choices(str(interaction.user.id), current))

    async def blocked_names(self, interaction: discord.Interaction[Any], current: str) -> list[Choice[str]]:
        return _choices(await self.profiles.block_choices(str(interaction.user.id), current))

    # -- commands ------------------------------------------------------------------------------------------------

    @app_commands.command(name="show", description="Your preferences, likes and blocked artists.")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        summary = await self.profiles.summary(str(interaction.user.id))
        await respond.send(
            interaction, embeds=[summary_embed(summary, await self._speaker(interaction))], ephemeral=True
        )

    @app_commands.command(name="set", description="Change your preferences (only the options you give change).")
    @app_commands.describe(
        novelty="How far from the mainstream your answers go by default",
        language="The language you'd like Segue to answer in",
        country="Your country for listening links, as a two-letter code (e.g. US, GB, DE)",
        share_taste="Whether other members may use your likes in /taste and /blend",
    )
    @app_commands.rename(share_taste="share-taste")
    @app_commands.choices(
        novelty=[Choice(name=f"{n} ({NOVELTY_HELP[n]})", value=n) for n in NOVELTIES],
        language=[Choice(name=LANGUAGE_NAMES.get(code, code), value=code) for code in LANGUAGES],
    )
    async def set_(
        self,
        interaction: discord.Interaction[Any],
        novelty: Range[str, 1, 20] | None = None,
        language: Range[str, 1, 10] | None = None,
        country: Range[str, 1, 10] | None = None,
        share_taste: bool | None = None,
    ) -> None:
        prefs = await self.profiles.update(
            str(interaction.user.id), novelty=novelty, language=language, country=country, share_taste=share_taste
        )
        if language is not None:  # answer in the new language from this very reply on
            self.bot.speech.remember(str(interaction.user.id), prefs.language)
            interaction.extras.pop(SPEAKER_KEY, None)
        await self._say(interaction, N_("Preferences saved"), prefs_lines(prefs, await self._speaker(interaction)))

    @app_commands.command(name="lastfm", description="Link your Last.fm name, so /discover can start from it.")
    @app_commands.describe(name="Your Last.fm user name")
    async def lastfm(self, interaction: discord.Interaction[Any], name: Range[str, 1, 40]) -> None:
        prefs = await self.profiles.link_lastfm(str(interaction.user.id), name)
        shown = render.safe(prefs.lastfm_user or "", 20)
        say = await self._speaker(interaction)
        text = say.gettext("Linked **{name}**. /discover will start from it.", name=shown)
        await self._say(interaction, N_("Last.fm linked"), text)

    @app_commands.command(name="lastfm-unlink", description="Forget your linked Last.fm name.")
    async def lastfm_unlink(self, interaction: discord.Interaction[Any]) -> None:
        was = await self.profiles.unlink_lastfm(str(interaction.user.id))
        say = await self._speaker(interaction)
        if was:
            text = say.gettext("I forgot **{name}**.", name=render.safe(was, 20))
        else:
            text = say.gettext("No Last.fm name was linked.")
        await self._say(interaction, "Last.fm", text)

    @app_commands.command(name="unlike", description="Take back one of your likes.")
    @app_commands.describe(track="One of your liked tracks")
    @app_commands.autocomplete(track=liked_names)
    async def unlike(self, interaction: discord.Interaction[Any], track: Range[str, 1, 200]) -> None:
        name = await self.profiles.unlike(str(interaction.user.id), track)
        say = await self._speaker(interaction)
        text = say.gettext("Removed **{name}** from your likes.", name=render.safe(name, 200))
        await self._say(interaction, N_("Like removed"), text)

    @app_commands.command(name="unblock", description="Let an artist you blocked back into your answers.")
    @app_commands.describe(artist="One of your blocked artists")
    @app_commands.autocomplete(artist=blocked_names)
    async def unblock(self, interaction: discord.Interaction[Any], artist: Range[str, 1, 200]) -> None:
        name = await self.profiles.unblock(str(interaction.user.id), artist)
        say = await self._speaker(interaction)
        text = say.gettext("**{name}** can come up again.", name=render.safe(name, 200))
        await self._say(interaction, N_("Artist unblocked"), text)

    @app_commands.command(name="playlist", description="Your liked tracks as a playlist file.")
    @app_commands.describe(fmt="jspf for ListenBrainz, m3u for music players, csv for spreadsheets")
    @app_commands.rename(fmt="format")
    @app_commands.choices(fmt=[Choice(name=f, value=f) for f in FORMATS])
    async def playlist(self, interaction: discord.Interaction[Any], fmt: Range[str, 1, 10]) -> None:
        chosen = cast(PlaylistFormat, check_choice(fmt, FORMATS, "format"))
        made = await self.profiles.playlist(str(interaction.user.id), chosen, creator=interaction.user.display_name)
        say = await self._speaker(interaction)
        if made is None:
            await self._say(interaction, N_("No likes yet"), say.gettext(NO_LIKES))
            return
        name, data, count = made
        file = discord.File(io.BytesIO(data), filename=name)
        text = say.ngettext(
            "Your {n} liked track as {format}.", "Your {n} liked tracks as {format}.", count, format=chosen.upper()
        )
        await respond.send(interaction, content=text, files=[file], ephemeral=True)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Profile(bot))
