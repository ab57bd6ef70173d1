"""/settings show|set|reset: one server's settings, for members with Manage Server, every change audited.

Like /admin, the commands are hidden behind Manage Server by default and checked again when run (server admins
can re-grant hidden commands to anyone). Values are checked by `records.check_setting` before anything is
written, so a bad value gets its message and changes nothing.

While this extension is loaded the settings take effect: the tree refuses a server's disabled commands, the
gate applies its rate limits, and the commands read its default count (`bot.answers.servers`, a 30 s cache).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.failures import AdminOnly
from segue.bot.speech import SPEAKER_KEY
from segue.engine.service import MAX_COUNT
from segue.i18n import N_, Speaker
from segue.state.records import SETTING_KEYS, AuditEntry, GuildSettings, check_setting, shown_value

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

AUDIT_SHOWN = 5
LISTENING_SHOWN = 20
HELP = {
    "disabled_commands": N_("commands switched off here, e.g. 'blend, chat' ('none' switches all back on)"),
    "default_count": N_("tracks per answer when a member gives no count (an answer holds at most {n})"),
    "language": N_("the server's language (en, es, fr, de or pt-BR): answers here use it unless a member chose theirs"),
    "user_per_minute": N_("requests one member may make per minute here"),
    "guild_per_minute": N_("requests the whole server may make per minute"),
}
KEY_CHOICES = [Choice(name=key, value=key) for key in SETTING_KEYS]


def settings_rows(settings: GuildSettings) -> list[tuple[str, str]]:
    """Each setting as an admin reads it ("default" when unset)."""
    values: dict[str, Any] = {
        "disabled_commands": sorted(settings.disabled_commands) or None,
        "default_count": settings.default_count,
        "language": settings.language,
        "user_per_minute": settings.user_per_minute,
        "guild_per_minute": settings.guild_per_minute,
    }
    return [(key, shown_value(values[key])) for key in SETTING_KEYS]


def audit_line(entry: AuditEntry, names: Mapping[str, str]) -> str:
    """Who changed what, when (a Discord timestamp), from -> to. Embeds never carry live mentions (the builder
    breaks them), so the member is named when we know the name, else shown by id."""
    who = render.safe(names.get(entry.user_id) or f"member {entry.user_id}", 60)
    change = f"{render.safe(entry.old, 80)} → {render.safe(entry.new, 80)}"
    return f"<t:{int(entry.at)}:R> {who}: **{render.safe(entry.key, 40)}** {change}"


def settings_embed(
    settings: GuildSettings, audit: list[AuditEntry], listening: list[int], names: Mapping[str, str], say: Speaker
) -> discord.Embed:
    builder = render.EmbedBuilder(
        title=say.gettext("Server settings"), description=render.table(settings_rows(settings)), say=say
    )
    channels = " ".join(f"<#{c}>" for c in listening[:LISTENING_SHOWN])
    builder.add_field(say.gettext("Free-text channels"), channels or say.gettext("None (change with /admin listen)."))
    recent = "\n".join(audit_line(e, names) for e in audit) or say.gettext("None yet.")
    builder.add_field(say.gettext("Recent changes"), recent)
    builder.footer = "/settings set key value · /settings reset key"
    return builder.build()


def _names(interaction: discord.Interaction[Any], user_ids: set[str]) -> dict[str, str]:
    """Display names of the audit's members that this process knows without asking Discord (the one running
    the command, members in the cache)."""
    names = {str(interaction.user.id): interaction.user.display_name}
    guild = interaction.guild
    for user_id in user_ids - names.keys():
        member = guild.get_member(int(user_id)) if guild is not None and user_id.isdecimal() else None
        if member is not None:
            names[user_id] = member.display_name
    return names


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Settings(commands.GroupCog, group_name="settings", group_description="This server's Segue settings."):
    """Show, change and reset a server's settings."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        self.servers = bot.answers.servers
        super().__init__()

    async def cog_load(self) -> None:
        """Settings take effect while this extension is loaded (a reload keeps the same cache)."""
        self.bot.segue_tree.servers = self.servers
        self.bot.gate.servers = self.servers

    async def cog_unload(self) -> None:
        self.bot.segue_tree.servers = None
        self.bot.gate.servers = None

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.guild is None or not interaction.permissions.manage_guild:
            raise AdminOnly("manage_guild required")
        return True

    async def _say(self, interaction: discord.Interaction[Any], title: str, text: str) -> None:
        await respond.send(interaction, embeds=[render.notice_embed(title, text)], ephemeral=True)

    def _listening_here(self, guild: discord.Guild | None, channels: frozenset[str]) -> list[int]:
        if guild is None:
            return []
        ids = sorted(int(c) for c in channels if c.isdecimal())
        return [c for c in ids if guild.get_channel_or_thread(c) is not None]

    @app_commands.command(name="show", description="Every setting, the free-text channels and the recent changes.")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        guild_id = str(interaction.guild_id)
        state = self.bot.deps.state
        settings = await state.guild_settings(guild_id)
        audit = await state.settings_audit(guild_id, limit=AUDIT_SHOWN)
        listening = self._listening_here(interaction.guild, await state.listening_channels())
        names = _names(interaction, {e.user_id for e in audit})
        say = await self.bot.speech.for_interaction(interaction)
        embed = settings_embed(settings, audit, listening, names, say)
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="set", description="Change one setting for this server.")
    @app_commands.describe(key="The setting to change", value="Its new value ('default' resets it)")
    @app_commands.choices(key=KEY_CHOICES)
    async def set_(
        self, interaction: discord.Interaction[Any], key: Range[str, 1, 40], value: Range[str, 1, 200]
    ) -> None:
        checked = check_setting(key, value)  # raises with the admin's message; nothing is written
        await self._change(interaction, key, checked)

    @app_commands.command(name="reset", description="Put one setting back to the bot's default.")
    @app_commands.describe(key="The setting to reset")
    @app_commands.choices(key=KEY_CHOICES)
    async def reset(self, interaction: discord.Interaction[Any], key: Range[str, 1, 40]) -> None:
        check_setting(key, "default")  # an unknown key (a hand-made request) gets the same message as in set
        await self._change(interaction, key, None)

    async def _change(self, interaction: discord.Interaction[Any], key: str, value: Any) -> None:
        guild_id = str(interaction.guild_id)
        before = dict(settings_rows(await self.bot.deps.state.guild_settings(guild_id)))[key]
        after = dict(settings_rows(await self.servers.change(guild_id, key, value, interaction.user.id)))[key]
        if key == "language":  # the reply already speaks the server's new language (unless the member chose one)
            interaction.extras.pop(SPEAKER_KEY, None)
        say = await self.bot.speech.for_interaction(interaction)
        explained = say.gettext(HELP[key], n=MAX_COUNT)
        text = f"**{key}**: {render.safe(before, 200)} → {render.safe(after, 200)}\n*{explained}*"
        await self._say(interaction, say.gettext("Setting changed"), text)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Settings(bot))
