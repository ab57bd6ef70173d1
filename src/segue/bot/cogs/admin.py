"""/admin ...: guild-only, hidden behind Manage Server by default, and checked again when run.

Default permissions only hide commands in Discord's UI (server admins can re-grant them), so `interaction_check`
verifies Manage Server on every call. Commands that affect or show the whole bot (sync, reload, cache-clear,
metrics, errors, analytics, performance, logs, cleanup) are limited to operators: the application's owner or team
members, plus SEGUE_OPERATOR_IDS.
"""

from __future__ import annotations

import gc
import io
import json
import logging
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.app_commands import Range
from discord.ext import commands

from segue.bot import render, respond
from segue.bot.failures import AdminOnly, OperatorOnly
from segue.bot.ops import PERFORMANCE_WINDOW, performance_json, system_rows
from segue.state.summary import parse_since, sections
from segue.text import milliseconds

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

BOT_WIDE = frozenset(
    {"sync", "reload", "cache-clear", "metrics", "errors", "analytics", "performance", "logs", "cleanup"}
)
SHOWN_ERRORS = 10
LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING, "ERROR": logging.ERROR}


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Admin(commands.GroupCog, group_name="admin", group_description="Segue administration (Manage Server)."):
    """Status, metrics, errors, cache, command sync, reload and free-text channels."""

    def __init__(self, bot: SegueBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.guild is None or not interaction.permissions.manage_guild:
            raise AdminOnly("manage_guild required")
        command = interaction.command
        if command is not None and command.name in BOT_WIDE and not await self.bot.is_operator(interaction.user):
            raise OperatorOnly("operator required")
        return True

    async def _say(self, interaction: discord.Interaction[Any], title: str, text: str) -> None:
        await respond.send(interaction, embeds=[render.notice_embed(title, text)], ephemeral=True)

    @app_commands.command(name="status", description="Shards, servers, latency, work in flight and uptime.")
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        stats = bot.deps.stats
        shards = ", ".join(f"#{sid}: {s.latency * 1000:.0f} ms" for sid, s in sorted(bot.shards.items())) or "none"
        listening = await bot.deps.state.listening_channels()
        rows = [
            ("Shards", shards),
            ("Servers", len(bot.guilds)),
            ("In flight", max(stats.inflight.count - 1, 0)),  # not counting this /admin status itself
            ("Draining", "yes" if stats.inflight.draining else "no"),
            ("Uptime", f"{stats.uptime:.0f} s"),
            ("Free text", "on" if bot.deps.options.free_text else "off"),
            ("Listening channels", len(listening)),
            ("Singleton jobs", bot.background.singleton_status()),
            *system_rows(bot.deps.monitor),
        ]
        await self._say(interaction, "Status", render.table(rows))

    @app_commands.command(name="metrics", description="Counters: commands, buttons, messages, errors, rate limits.")
    async def metrics(self, interaction: discord.Interaction[Any]) -> None:
        snapshot = json.dumps(self.bot.deps.stats.snapshot(), indent=1, sort_keys=True)
        await self._say(interaction, "Metrics", f"```json\n{render.clip(snapshot, 3900)}\n```")

    @app_commands.command(name="errors", description="The most recent errors (type, where, what the user saw).")
    async def errors(self, interaction: discord.Interaction[Any]) -> None:
        recent = list(self.bot.deps.stats.recent)[-SHOWN_ERRORS:]
        if not recent:
            await self._say(interaction, "Recent errors", "None. 🎉")
            return
        lines = [
            f"<t:{int(e.at)}:R> **{render.safe(e.kind, 60)}** in `{render.safe(e.where, 60)}`"
            f"{'' if e.expected else ' ⚠️'} — {render.clip(e.shown, 120)}"
            for e in reversed(recent)
        ]
        counts = ", ".join(f"{k}: {v}" for k, v in self.bot.deps.stats.errors.most_common(8))
        await self._say(interaction, "Recent errors", "\n".join(lines) + f"\n\n*Totals:* {render.safe(counts, 500)}")

    @app_commands.command(
        name="analytics", description="Popular requests, active members, latency, errors (all servers)."
    )
    @app_commands.describe(since="From when: 7d, 12h, 2w or a date like 2026-11-01 (default 7d)")
    async def analytics(self, interaction: discord.Interaction[Any], since: Range[str, 1, 20] = "7d") -> None:
        start = parse_since(since, time.time())
        options = self.bot.deps.options
        report = await respond.within_budget(
            interaction,
            self.bot.deps.state.analytics(start, time.time()),
            budget=options.defer_after,
            stats=self.bot.deps.stats,
            ephemeral=True,
        )
        embed = discord.Embed(title="Analytics", colour=render.notice_embed("", "").colour)
        for title, lines in sections(report):
            embed.add_field(name=title, value=render.clip("\n".join(render.safe(x) for x in lines), 1000), inline=False)
        data = json.dumps(report.to_json(), indent=2, ensure_ascii=False).encode("utf-8")
        file = discord.File(io.BytesIO(data), filename="segue-analytics.json")
        await respond.send(interaction, embeds=[embed], files=[file], ephemeral=True)

    @app_commands.command(
        name="performance", description="Latency per command, cache hits and throughput (last hour), and the machine."
    )
    async def performance(self, interaction: discord.Interaction[Any]) -> None:
        deps, now = self.bot.deps, time.time()
        report = await respond.within_budget(
            interaction,
            deps.state.analytics(now - PERFORMANCE_WINDOW, now),
            budget=deps.options.defer_after,
            stats=deps.stats,
            ephemeral=True,
        )
        perf = performance_json(report)
        hits = perf["cache_hit_rate"]
        summary = [
            ("Requests", f"{perf['requests']:,} ({perf['per_minute']:.1f}/min)"),
            ("Cache hit rate", "-" if hits is None else f"{hits:.0%}"),
            ("Rate-limited", f"{perf['rate_limited']:,}"),
        ]
        commands = [
            f"/{render.safe(c['command'], 40)}: {c['count']:,}, "
            f"p50 {milliseconds(c['p50_ms'])}, p95 {milliseconds(c['p95_ms'])}"
            + ("" if c["cache_hit_rate"] is None else f", cache {c['cache_hit_rate']:.0%}")
            for c in perf["commands"][:12]
        ] or ["none yet"]
        embed = discord.Embed(title="Performance (last hour)", colour=render.notice_embed("", "").colour)
        embed.add_field(name="Throughput", value=render.table(summary), inline=False)
        embed.add_field(name="Latency by command", value=render.clip("\n".join(commands), 1000), inline=False)
        embed.add_field(name="System", value=render.clip(render.table(system_rows(deps.monitor)), 1000), inline=False)
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="logs", description="Recent log lines as a file (secrets masked).")
    @app_commands.describe(lines="How many recent lines (default 200)", level="The lowest level to include")
    @app_commands.choices(level=[app_commands.Choice(name=n.lower(), value=v) for n, v in LEVELS.items()])
    async def logs(
        self, interaction: discord.Interaction[Any], lines: Range[int, 1, 5000] = 200, level: int = logging.INFO
    ) -> None:
        ring = self.bot.deps.log_ring
        if ring is None:
            await self._say(interaction, "Logs", "This process keeps no recent log lines.")
            return
        picked = ring.recent(lines, level)
        name = logging.getLevelName(level).lower()
        if not picked:
            await self._say(interaction, "Logs", f"No {name} lines or worse in the recent log.")
            return
        data = ("\n".join(picked) + "\n").encode("utf-8")
        file = discord.File(io.BytesIO(data), filename="segue-recent.log")
        await respond.send(
            interaction, content=f"The last {len(picked)} lines at {name} or above.", files=[file], ephemeral=True
        )

    @app_commands.command(name="cleanup", description="Expire caches and old state now, and say what was freed.")
    async def cleanup(self, interaction: discord.Interaction[Any]) -> None:
        deps = self.bot.deps
        before = deps.monitor.current().rss_mb if deps.monitor is not None else None
        swept = await respond.within_budget(
            interaction,
            self.bot.background.sweep(),
            budget=deps.options.defer_after,
            stats=deps.stats,
            ephemeral=True,
        )
        rows: list[tuple[str, object]] = [(name, f"{removed:,} expired entries removed") for name, removed in swept]
        rows += [(render.safe(c.name, 60), f"expired entries dropped, {c.expire():,} left") for c in deps.caches]
        rows.append(("Garbage collector", f"{gc.collect():,} objects freed"))
        if deps.monitor is not None and before is not None:
            deps.monitor.tick()
            rows.append(("Resident memory", f"{before:.0f} MB before, {deps.monitor.current().rss_mb:.0f} MB after"))
        await self._say(interaction, "Cleanup done", render.table(rows))

    @app_commands.command(name="cache-clear", description="Empty Segue's caches (answers are recomputed).")
    async def cache_clear(self, interaction: discord.Interaction[Any]) -> None:
        caches = self.bot.deps.caches
        if not caches:
            await self._say(interaction, "Caches", "No caches are configured in this process.")
            return
        lines = [f"{render.safe(c.name, 60)}: {await c.clear_all()} cleared" for c in caches]
        await self._say(interaction, "Caches cleared", "\n".join(lines))

    @app_commands.command(name="sync", description="Publish the slash-command list to Discord again.")
    async def sync(self, interaction: discord.Interaction[Any]) -> None:
        options = self.bot.deps.options
        synced = await respond.within_budget(
            interaction, self.bot.tree.sync(), budget=options.defer_after, stats=self.bot.deps.stats, ephemeral=True
        )
        await self._say(interaction, "Commands synced", f"{len(synced)} commands published.")

    @app_commands.command(name="reload", description="Reload Segue's command modules without restarting.")
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        names = list(self.bot.extension_names)
        await respond.send(interaction, content=f"Reloading {len(names)} modules…", ephemeral=True)
        for name in names:
            await self.bot.reload_extension(name)
        await respond.send(
            interaction, content="Reloaded: " + ", ".join(n.rsplit(".", 1)[-1] for n in names), ephemeral=True
        )

    @app_commands.command(name="listen", description="Turn free-text requests on or off in a channel.")
    @app_commands.describe(
        enabled="Read every message in the channel as a possible request",
        channel="The channel (default: this one)",
    )
    async def listen(
        self,
        interaction: discord.Interaction[Any],
        enabled: bool,
        channel: discord.TextChannel | None = None,
    ) -> None:
        if not self.bot.deps.options.free_text:
            await self._say(interaction, "Free text is off", "Free-text listening is turned off for this bot.")
            return
        target_id = channel.id if channel is not None else interaction.channel_id
        if target_id is None:
            await self._say(interaction, "Which channel?", "Pick a channel to change.")
            return
        await self.bot.deps.state.set_listening(str(target_id), enabled)
        state = "listen to every message in" if enabled else "only answer mentions in"
        await self._say(interaction, "Free text", f"I'll {state} <#{target_id}>.")


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Admin(bot))
