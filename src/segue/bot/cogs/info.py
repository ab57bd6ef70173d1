"""/help, /ping, /info, /stats (your own usage and rate-limit headroom) and /health; all private and instant."""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.ops import health_summary
from segue.i18n import N_, Speaker

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

HELP = N_("""\
**/recommend** — music from words, an artist, a track, a genre or a mood (with count and novelty)
**/similar** — artists like an artist, or tracks like a track
**/mood** — tracks for a mood or a moment
**/discover** — new picks from your 👍 and what you've heard
**/blend** — one list for 2-5 people · **/taste** — how your taste meets a member's
**/trending** — this server's most requested and liked music this week
**/profile** — your preferences, likes, Last.fm name and playlist export · **/settings** — server options (admins)
**/stats** — your usage · **/privacy** — export or delete your data · **/ping** · **/info** · **/health**

Or just talk to me: mention me (or DM me) with *something like Daft Punk but chill*.
Under each answer, pick a track to 👍 👎 🙋 or 🚫 it; your next answers change accordingly.""")


def latency_ms(bot: SegueBot, say: Speaker) -> str:
    value = bot.latency
    return say.gettext("n/a") if not math.isfinite(value) else say.gettext("{ms} ms", ms=say.number(value * 1000))


class Info(commands.Cog):
    """Help and status commands."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Segue can do and how to ask.")
    async def show_help(self, interaction: discord.Interaction[Any]) -> None:
        say = await self.bot.speech.for_interaction(interaction)
        embed = render.notice_embed(say.gettext("Segue — music recommendations"), say.gettext(HELP))
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="ping", description="Check that Segue is awake, with its gateway latency.")
    async def ping(self, interaction: discord.Interaction[Any]) -> None:
        say = await self.bot.speech.for_interaction(interaction)
        text = say.gettext("🏓 Pong! Gateway latency: {latency}.", latency=latency_ms(self.bot, say))
        await respond.send(interaction, content=text, ephemeral=True)

    @app_commands.command(name="info", description="About Segue: catalog size, version, servers and uptime.")
    async def info(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        say = await bot.speech.for_interaction(interaction)
        service = bot.deps.service
        tracks = say.ngettext("{n} track", "{n} tracks", service.n_tracks)
        artists = say.ngettext("{n} artist", "{n} artists", service.n_artists)
        rows = [
            (say.gettext("Version"), bot.deps.options.shown_version),
            (say.gettext("Catalog"), say.gettext("{tracks} by {artists}", tracks=tracks, artists=artists)),
            (say.gettext("Servers"), say.number(len(bot.guilds))),
            (say.gettext("Shards"), say.number(bot.shard_count or 1)),
            (say.gettext("Uptime"), say.duration(bot.deps.stats.uptime)),
            (say.gettext("Data"), say.gettext("open datasets; links to Spotify, YouTube and Deezer search")),
        ]
        embed = render.notice_embed(say.gettext("About Segue"), render.table(rows))
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="stats", description="Your own usage of Segue and how many requests you have left.")
    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        say = await self.bot.speech.for_interaction(interaction)
        profile = await self.bot.deps.state.profile(str(interaction.user.id))
        remaining = await self.bot.gate.headroom(interaction.user.id, interaction.guild_id)
        rows = [
            (say.gettext("Requests answered"), say.number(profile.requests)),
            (say.gettext("Liked"), say.number(len(profile.liked_tracks))),
            (say.gettext("Not for you"), say.number(len(profile.disliked_tracks))),
            (say.gettext("Known"), say.number(len(profile.known_tracks))),
            (say.gettext("Blocked artists"), say.number(len(profile.blocked_artists))),
            (say.gettext("Tracks heard (recent)"), say.number(len(profile.history))),
            (
                say.gettext("Requests left right now"),
                say.gettext("unknown") if remaining is None else say.number(remaining),
            ),
        ]
        embed = render.notice_embed(say.gettext("Your Segue"), render.table(rows))
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="health", description="Whether Segue's parts are working right now.")
    async def health(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        say = await bot.speech.for_interaction(interaction)
        checks: list[tuple[str, str, bool]] = []
        checks.append(
            (
                say.gettext("Catalog"),
                say.gettext("ok") if bot.deps.service.n_tracks > 0 else say.gettext("empty"),
                bot.deps.service.n_tracks > 0,
            )
        )
        gateway = (
            say.gettext("ok, {latency}", latency=latency_ms(bot, say)) if not bot.is_closed() else say.gettext("closed")
        )
        checks.append((say.gettext("Gateway"), gateway, not bot.is_closed()))
        started = time.perf_counter()
        store = say.gettext("State store")
        try:
            await bot.deps.state.profile(str(interaction.user.id))
            took = say.gettext("{ms} ms", ms=say.number((time.perf_counter() - started) * 1000, 1))
            if bot.deps.state.healthy:
                checks.append((store, say.gettext("ok, {latency}", latency=took), True))
            else:
                away = say.gettext("failing: the database is away; what you do is kept and saved later")
                checks.append((store, away, False))
        except Exception as exc:  # health reports failures instead of raising them
            checks.append((store, say.gettext("failing ({kind})", kind=type(exc).__name__), False))
        headroom = await bot.gate.headroom(interaction.user.id, interaction.guild_id)
        limiter = say.gettext("ok") if headroom is not None else say.gettext("failing (see logs)")
        checks.append((say.gettext("Rate limiter"), limiter, headroom is not None))
        stats = bot.deps.stats
        checks.append((say.gettext("In flight"), say.number(max(stats.inflight.count - 1, 0)), True))  # not this one
        machine = health_summary(bot.deps.monitor, say)  # a short line: members see "strained", operators more
        if machine is not None:
            checks.append((say.gettext("Machine"), *machine))
        if stats.inflight.draining:
            checks.append((say.gettext("Status"), say.gettext("shutting down"), True))
        healthy = all(ok for _, _, ok in checks)
        title = say.gettext("✅ Healthy") if healthy else say.gettext("⚠️ Degraded")
        table = render.table((name, value) for name, value, _ in checks)
        await respond.send(interaction, embeds=[render.notice_embed(title, table)], ephemeral=True)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Info(bot))
