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
from segue.i18n import N_, Speaker
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
        """A private notice; `title` is a catalog message, `text` already in the member's language."""
        say = await self._speaker(interaction)
        await respond.send(interaction, embeds=[render.notice_embed(say.gettext(title), text)], ephemeral=True)

    async def _speaker(self, interaction: discord.Interaction[Any]) -> Speaker:
        return await self.bot.speech.for_interaction(interaction)

    @app_commands.command(name="status", description="Shards, servers, latency, work in flight and uptime.")
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        bot = self.bot
        say = await self._speaker(interaction)
        stats = bot.deps.stats
        shards = ", ".join(f"#{sid}: {s.latency * 1000:.0f} ms" for sid, s in sorted(bot.shards.items()))
        listening = await bot.deps.state.listening_channels()
        yes, no = say.gettext("yes"), say.gettext("no")
        rows = [
            (say.gettext("Shards"), shards or say.gettext("none")),
            (say.gettext("Servers"), say.number(len(bot.guilds))),
            (say.gettext("In flight"), say.number(max(stats.inflight.count - 1, 0))),  # not this /admin status
            (say.gettext("Draining"), yes if stats.inflight.draining else no),
            (say.gettext("Uptime"), say.duration(stats.uptime)),
            (say.gettext("Free text"), say.gettext("on") if bot.deps.options.free_text else say.gettext("off")),
            (say.gettext("Listening channels"), say.number(len(listening))),
            (say.gettext("Singleton jobs"), bot.background.singleton_status()),
            *system_rows(bot.deps.monitor, say),
        ]
        await self._say(interaction, N_("Status"), render.table(rows))

    @app_commands.command(name="metrics", description="Counters: commands, buttons, messages, errors, rate limits.")
    async def metrics(self, interaction: discord.Interaction[Any]) -> None:
        snapshot = json.dumps(self.bot.deps.stats.snapshot(), indent=1, sort_keys=True)
        await self._say(interaction, N_("Metrics"), f"```json\n{render.clip(snapshot, 3900)}\n```")

    @app_commands.command(name="errors", description="The most recent errors (type, where, what the user saw).")
    async def errors(self, interaction: discord.Interaction[Any]) -> None:
        recent = list(self.bot.deps.stats.recent)[-SHOWN_ERRORS:]
        say = await self._speaker(interaction)
        if not recent:
            await self._say(interaction, N_("Recent errors"), say.gettext("None. 🎉"))
            return
        lines = [
            f"<t:{int(e.at)}:R> **{render.safe(e.kind, 60)}** in `{render.safe(e.where, 60)}`"
            f"{'' if e.expected else ' ⚠️'} — {render.clip(e.shown, 120)}"
            for e in reversed(recent)
        ]
        counts = ", ".join(f"{k}: {v}" for k, v in self.bot.deps.stats.errors.most_common(8))
        totals = say.gettext("*Totals:* {counts}", counts=render.safe(counts, 500))
        await self._say(interaction, N_("Recent errors"), "\n".join(lines) + "\n\n" + totals)

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
        say = await self._speaker(interaction)
        embed = discord.Embed(title=say.gettext("Analytics"), colour=render.notice_embed("", "").colour)
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
        say = await self._speaker(interaction)
        perf = performance_json(report)
        hits = perf["cache_hit_rate"]
        per_minute = say.gettext("{n}/min", n=say.number(perf["per_minute"], 1))
        summary = [
            (say.gettext("Requests"), f"{say.number(perf['requests'])} ({per_minute})"),
            (say.gettext("Cache hit rate"), "-" if hits is None else f"{say.number(100 * hits)} %"),
            (say.gettext("Rate-limited"), say.number(perf["rate_limited"])),
        ]
        commands = [
            f"/{render.safe(c['command'], 40)}: {c['count']:,}, "
            f"p50 {milliseconds(c['p50_ms'])}, p95 {milliseconds(c['p95_ms'])}"
            + ("" if c["cache_hit_rate"] is None else f", cache {c['cache_hit_rate']:.0%}")
            for c in perf["commands"][:12]
        ] or [say.gettext("none yet")]
        title = say.gettext("Performance (last hour)")
        embed = discord.Embed(title=title, colour=render.notice_embed("", "").colour)
        embed.add_field(name=say.gettext("Throughput"), value=render.table(summary), inline=False)
        latency = render.clip("\n".join(commands), 1000)
        embed.add_field(name=say.gettext("Latency by command"), value=latency, inline=False)
        system = render.clip(render.table(system_rows(deps.monitor, say)), 1000)
        embed.add_field(name=say.gettext("System"), value=system, inline=False)
        await respond.send(interaction, embeds=[embed], ephemeral=True)

    @app_commands.command(name="logs", description="Recent log lines as a file (secrets masked).")
    @app_commands.describe(lines="How many recent lines (default 200)", level="The lowest level to include")
    @app_commands.choices(level=[app_commands.Choice(name=n.lower(), value=v) for n, v in LEVELS.items()])
    async def logs(
        self, interaction: discord.Interaction[Any], lines: Range[int, 1, 5000] = 200, level: int = logging.INFO
    ) -> None:
        ring = self.bot.deps.log_ring
        say = await self._speaker(interaction)
        if ring is None:
            await self._say(interaction, N_("Logs"), say.gettext("This process keeps no recent log lines."))
            return
        picked = ring.recent(lines, level)
        name = logging.getLevelName(level).lower()
        if not picked:
            await self._say(
                interaction, N_("Logs"), say.gettext("No {level} lines or worse in the recent log.", level=name)
            )
            return
        data = ("\n".join(picked) + "\n").encode("utf-8")
        file = discord.File(io.BytesIO(data), filename="segue-recent.log")
        text = say.ngettext(
            "The last {n} line at {level} or above.", "The last {n} lines at {level} or above.", len(picked), level=name
        )
        await respond.send(interaction, content=text, files=[file], ephemeral=True)

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
        say = await self._speaker(interaction)
        rows: list[tuple[str, object]] = [
            (name, say.ngettext("{n} expired entry removed", "{n} expired entries removed", removed))
            for name, removed in swept
        ]
        rows += [
            (render.safe(c.name, 60), say.gettext("expired entries dropped, {n} left", n=c.expire()))
            for c in deps.caches
        ]
        rows.append((say.gettext("Garbage collector"), say.gettext("{n} objects freed", n=gc.collect())))
        if deps.monitor is not None and before is not None:
            deps.monitor.tick()
            after = deps.monitor.current().rss_mb
            memory = say.gettext("{before} MB before, {after} MB after", before=round(before), after=round(after))
            rows.append((say.gettext("Resident memory"), memory))
        await self._say(interaction, N_("Cleanup done"), render.table(rows))

    @app_commands.command(name="cache-clear", description="Empty Segue's caches (answers are recomputed).")
    async def cache_clear(self, interaction: discord.Interaction[Any]) -> None:
        caches = self.bot.deps.caches
        say = await self._speaker(interaction)
        if not caches:
            await self._say(interaction, N_("Caches"), say.gettext("No caches are configured in this process."))
            return
        lines = [
            say.gettext("{name}: {n} cleared", name=render.safe(c.name, 60), n=await c.clear_all()) for c in caches
        ]
        await self._say(interaction, N_("Caches cleared"), "\n".join(lines))

    @app_commands.command(name="sync", description="Publish the slash-command list to Discord again.")
    async def sync(self, interaction: discord.Interaction[Any]) -> None:
        options = self.bot.deps.options
        synced = await respond.within_budget(
            interaction, self.bot.tree.sync(), budget=options.defer_after, stats=self.bot.deps.stats, ephemeral=True
        )
        say = await self._speaker(interaction)
        published = say.ngettext("{n} command published.", "{n} commands published.", len(synced))
        await self._say(interaction, N_("Commands synced"), published)

    @app_commands.command(name="reload", description="Reload Segue's command modules without restarting.")
    async def reload(self, interaction: discord.Interaction[Any]) -> None:
        names = list(self.bot.extension_names)
        say = await self._speaker(interaction)
        reloading = say.ngettext("Reloading {n} module…", "Reloading {n} modules…", len(names))
        await respond.send(interaction, content=reloading, ephemeral=True)
        for name in names:
            await self.bot.reload_extension(name)
        done = say.gettext("Reloaded: {names}", names=", ".join(n.rsplit(".", 1)[-1] for n in names))
        await respond.send(interaction, content=done, ephemeral=True)

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
        say = await self._speaker(interaction)
        if not self.bot.deps.options.free_text:
            text = say.gettext("Free-text listening is turned off for this bot.")
            await self._say(interaction, N_("Free text is off"), text)
            return
        target_id = channel.id if channel is not None else interaction.channel_id
        if target_id is None:
            await self._say(interaction, N_("Which channel?"), say.gettext("Pick a channel to change."))
            return
        await self.bot.deps.state.set_listening(str(target_id), enabled)
        where = f"<#{target_id}>"
        if enabled:
            text = say.gettext("I'll listen to every message in {channel}.", channel=where)
        else:
            text = say.gettext("I'll only answer mentions in {channel}.", channel=where)
        await self._say(interaction, N_("Free text"), text)


async def setup(bot: SegueBot) -> None:
    await bot.add_cog(Admin(bot))
