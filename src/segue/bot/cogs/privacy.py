"""/privacy export (everything stored about you, as a JSON file) and /privacy delete (after a confirm button).

Both are private, act only on the member who runs them, and work in DMs too.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.views import ForgetButton
from segue.i18n import N_

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

CONFIRM = N_(
    "This deletes everything Segue stores about you: likes, dislikes, blocked artists, your preferences (taste "
    "sharing too), what you were shown and your saved answers (their buttons stop working). It can't be undone. "
    "Want a copy first? Use /privacy export."
)


class Privacy(commands.GroupCog, group_name="privacy", group_description="See or delete what Segue stores about you."):
    """Export and delete a member's own data."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="export", description="Everything Segue stores about you, as a JSON file.")
    async def export(self, interaction: discord.Interaction[Any]) -> None:
        say = await self.bot.speech.for_interaction(interaction)
        data = await self.bot.answers.export(str(interaction.user.id))
        file = discord.File(io.BytesIO(data), filename="segue-my-data.json")
        text = say.gettext("Here is everything I store about you.")
        await respond.send(interaction, content=text, files=[file], ephemeral=True)

    @app_commands.command(name="delete", description="Delete everything Segue stores about you (asks first).")
    async def delete(self, interaction: discord.Interaction[Any]) -> None:
        say = await self.bot.speech.for_interaction(interaction)
        view = discord.ui.View(timeout=None)
        view.add_item(ForgetButton(str(interaction.user.id), say=say))
        embed = render.notice_embed(say.gettext("Delete your data?"), say.gettext(CONFIRM), error=True)
        await respond.send(interaction, embeds=[embed], view=view, ephemeral=True)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Privacy(bot))
