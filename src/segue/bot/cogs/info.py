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
from segue.text import duration

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

HELP = """\
**/recommend** — music from words, an artist, a track, a genre or a mood (with count and novelty)
**/similar** — artists like an artist, or tracks like a track
**/mood** — tracks for a mood or a moment
**/discover** — new picks from your 👍 and what you've heard
**/blend** — one list for 2-5 people · **/taste** — how your taste meets a member's
**/trending** — this server's most requested and liked music this week
**/profile** — your preferences, likes, Last.fm name and playlist export · **/settings** — server options (admins)
**/stats** — your usage · **/privacy** — export or delete your data · **/ping** · **/info** · **/health**

Or just talk to me: mention me (or DM me) with *something like Daft Punk but chill*.
Under each answer, pick a track to 👍 👎 🙋 or 🚫 it; your next answers change accordingly."""


def latency_ms(bot: SegueBot) -> str:
    value = bot.latency
    return "n/a" if not math.isfinite(value) else f"{value * 1000:.0f} ms"


class Info(commands.Cog):
    """Help and status commands."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What Segue can do and how to ask.")
    async def show_help(self, interaction: discord.Interaction[Any]) -> None:
        await respond.send(
            interaction, embeds=[render.notice_embed("Segue — music recommendations", HELP)], ephemeral=True
        )

    @app_commands.command(name="ping", description="Check that Segue is awake, with its gateway latency.")
    async def ping(self, interaction: discord.Interaction[Any]) -> None:
        await respond.send(interaction, content=f"🏓 Pong! Gateway latency: {latency_ms(self.bot)}.", ephemeral=True)

    @app_commands.command(name="info", description="About Segue: catalog size, version, servers and uptime.")
    async def info(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        service = bot.deps.service
        rows = [
            ("Version", bot.deps.options.version),
            ("Catalog", f"{service.n_tracks:,} tracks by {service.n_artists:,} artists"),
            ("Servers", f"{len(bot.guilds):,}"),
            ("Shards", f"{bot.shard_count or 1}"),
            ("Uptime", duration(bot.deps.stats.uptime, minutes_after_days=False)),
            ("Data", "open datasets; links to Spotify, YouTube and Deezer search"),
        ]
        await respond.send(interaction, embeds=[render.notice_embed("About Segue", render.table(rows))], ephemeral=True)

    @app_commands.command(name="stats", description="Your own usage of Segue and how many requests you have left.")
    async def stats(self, interaction: discord.Interaction[Any]) -> None:
        profile = await self.bot.deps.state.profile(str(interaction.user.id))
        remaining = await self.bot.gate.headroom(interaction.user.id, interaction.guild_id)
        rows = [
            ("Requests answered", profile.requests),
            ("Liked", len(profile.liked_tracks)),
            ("Not for you", len(profile.disliked_tracks)),
            ("Known", len(profile.known_tracks)),
            ("Blocked artists", len(profile.blocked_artists)),
            ("Tracks heard (recent)", len(profile.history)),
            ("Requests left right now", "unknown" if remaining is None else remaining),
        ]
        await respond.send(interaction, embeds=[render.notice_embed("Your Segue", render.table(rows))], ephemeral=True)

    @app_commands.command(name="health", description="Whether Segue's parts are working right now.")
    async def health(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        checks: list[tuple[str, str]] = []
        checks.append(("Catalog", "ok" if bot.deps.service.n_tracks > 0 else "empty"))
        checks.append(("Gateway", f"ok, {latency_ms(bot)}" if not bot.is_closed() else "closed"))
        started = time.perf_counter()
        try:
            await bot.deps.state.profile(str(interaction.user.id))
            took = f"{(time.perf_counter() - started) * 1000:.1f} ms"
            if bot.deps.state.healthy:
                checks.append(("State store", f"ok, {took}"))
            else:
                checks.append(("State store", "failing: the database is away; what you do is kept and saved later"))
        except Exception as exc:  # health reports failures instead of raising them
            checks.append(("State store", f"failing ({type(exc).__name__})"))
        headroom = await bot.gate.headroom(interaction.user.id, interaction.guild_id)
        checks.append(("Rate limiter", "ok" if headroom is not None else "failing (see logs)"))
        stats = bot.deps.stats
        checks.append(("In flight", str(max(stats.inflight.count - 1, 0))))  # not counting this /health itself
        machine = health_summary(bot.deps.monitor)  # a short line: members see "strained", operators /admin status
        if machine is not None:
            checks.append(("Machine", machine))
        if stats.inflight.draining:
            checks.append(("Status", "shutting down"))
        healthy = all(not v.startswith(("failing", "empty", "closed")) for _, v in checks)
        title = "✅ Healthy" if healthy else "⚠️ Degraded"
        await respond.send(interaction, embeds=[render.notice_embed(title, render.table(checks))], ephemeral=True)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Info(bot))
