"""/settings show|set|reset: one server's settings, for members with Manage Server, every change audited.

Like /admin, the commands are hidden behind Manage Server by default and checked again when run (server admins
can re-grant hidden commands to anyone). Values are checked by `records.check_setting` before anything is
written, so a bad value gets its message and changes nothing.

While this extension is loaded the settings take effect: the tree refuses a server's disabled commands, the
gate applies its rate limits, and the commands read its default count (`bot.answers.servers`, a 30 s cache).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import Choice, Range
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.deps import BotDeps
from segue.bot.failures import AdminOnly
from segue.bot.speech import SPEAKER_KEY
from segue.engine.service import MAX_COUNT
from segue.i18n import N_, NP_, Speaker
from segue.infra.ratelimit import MINUTE, RequestRateLimit, Rule
from segue.state.records import SETTING_KEYS, AuditEntry, GuildSettings, check_setting

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
SETTINGS_FOOTER = N_("/settings set key value · /settings reset key")
"""Translated so its commands are named as the reader's client lists them (the speaker rewrites them)."""
NO_COMMANDS = NP_("commands", "none")
"""No command switched off (a context of its own: 'aucune' commande, where other lists say 'aucun')."""
KEY_CHOICES = [Choice(name=key, value=key) for key in SETTING_KEYS]


@dataclass(frozen=True, slots=True)
class Defaults:
    """What an unset setting means on this bot (its configuration), so /settings shows values, not 'default'."""

    default_count: int | None = None
    user_per_minute: int | None = None
    guild_per_minute: int | None = None


def configured(deps: BotDeps) -> Defaults:
    """The bot's own values: its default count and, for the request policy, its per-minute limits (another
    limiter, a test's, has no per-minute rule to read: those show as 'default')."""
    limiter = deps.limiter
    user = _per_minute(limiter.user) if isinstance(limiter, RequestRateLimit) else None
    guild = _per_minute(limiter.guild) if isinstance(limiter, RequestRateLimit) else None
    return Defaults(deps.service.default_count, user, guild)


def _per_minute(rules: Sequence[Rule]) -> int | None:
    return next((r.limit for r in rules if r.period == MINUTE and r.algorithm == "window"), None)


def setting_value(key: str, value: Any, say: Speaker, defaults: Defaults) -> str:
    """One setting as an admin reads it: a language by its name, numbers written locally, an unset setting as
    what it means here, marked as the default."""
    if value is None:
        meant = _default_meaning(key, say, defaults)
        return say.gettext("{value} (default)", value=meant) if meant is not None else say.gettext("default")
    if key == "language":
        return say.locale_name(str(value))
    if key == "disabled_commands":
        return ", ".join(value) or say.pgettext("commands", NO_COMMANDS)
    return say.number(value) if isinstance(value, int) else str(value)


def _default_meaning(key: str, say: Speaker, defaults: Defaults) -> str | None:
    if key == "disabled_commands":
        return say.pgettext("commands", NO_COMMANDS)
    if key == "language":
        return say.gettext("each member's own")
    numbers = {
        "default_count": defaults.default_count,
        "user_per_minute": defaults.user_per_minute,
        "guild_per_minute": defaults.guild_per_minute,
    }
    number = numbers.get(key)
    return say.number(number) if number is not None else None


def settings_rows(settings: GuildSettings, say: Speaker, defaults: Defaults) -> list[tuple[str, str]]:
    """Each setting with its effective value."""
    values: dict[str, Any] = {
        "disabled_commands": sorted(settings.disabled_commands) or None,
        "default_count": settings.default_count,
        "language": settings.language,
        "user_per_minute": settings.user_per_minute,
        "guild_per_minute": settings.guild_per_minute,
    }
    return [(key, setting_value(key, values[key], say, defaults)) for key in SETTING_KEYS]


def _audited(key: str, text: str, say: Speaker) -> str:
    """A value as the audit stored it (`records.shown_value`: 'default', 'none', 'fr'), in the reader's words."""
    if text in ("default", "none"):
        return say.gettext("default") if text == "default" else say.pgettext("commands", NO_COMMANDS)
    return say.locale_name(text) if key == "language" else text


def audit_line(entry: AuditEntry, names: Mapping[str, str], say: Speaker) -> str:
    """Who changed what, when (a Discord timestamp), from -> to. Embeds never carry live mentions (the builder
    breaks them), so the member is named when we know the name, else shown by id."""
    who = render.safe(names.get(entry.user_id) or f"member {entry.user_id}", 60)
    old, new = _audited(entry.key, entry.old, say), _audited(entry.key, entry.new, say)
    change = f"{render.safe(old, 80)} → {render.safe(new, 80)}"
    return f"<t:{int(entry.at)}:R> {who}: **{render.safe(entry.key, 40)}** {change}"


def settings_embed(
    settings: GuildSettings,
    audit: list[AuditEntry],
    listening: list[int],
    names: Mapping[str, str],
    say: Speaker,
    defaults: Defaults,
) -> discord.Embed:
    rows = render.table(settings_rows(settings, say, defaults))
    builder = render.EmbedBuilder(title=say.gettext("Server settings"), description=rows, say=say)
    channels = " ".join(f"<#{c}>" for c in listening[:LISTENING_SHOWN])
    builder.add_field(say.gettext("Free-text channels"), channels or say.gettext("None (change with /admin listen)."))
    recent = "\n".join(audit_line(e, names, say) for e in audit) or say.gettext("None yet.")
    builder.add_field(say.gettext("Recent changes"), recent)
    builder.footer = say.gettext(SETTINGS_FOOTER)
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
        embed = settings_embed(settings, audit, listening, names, say, configured(self.bot.deps))
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
        before = await self.bot.deps.state.guild_settings(guild_id)
        after = await self.servers.change(guild_id, key, value, interaction.user.id)
        if key == "language":  # the reply already speaks the server's new language (unless the member chose one)
            interaction.extras.pop(SPEAKER_KEY, None)
        say = await self.bot.speech.for_interaction(interaction)
        defaults = configured(self.bot.deps)
        was, now = (dict(settings_rows(s, say, defaults))[key] for s in (before, after))
        explained = say.gettext(HELP[key], n=MAX_COUNT)
        text = f"**{key}**: {render.safe(was, 200)} → {render.safe(now, 200)}\n*{explained}*"
        await self._say(interaction, say.gettext("Setting changed"), text)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Settings(bot))
