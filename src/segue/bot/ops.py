"""Operations glue for the bot process: bot counters mirrored into metrics, the health and status reports, the
system monitor and watchdog, the recent-log ring, cache clearing.

Kept out of the cogs: `operations()` wires these once for the bot and the playground alike, and `/metrics`,
`/healthz`, `/status`, `/admin` and `segue ctl` read the same numbers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from segue.bot.stats import BotStats
from segue.config import Settings
from segue.i18n import Speaker
from segue.infra.cache import Cache
from segue.infra.metrics import MetricsRegistry
from segue.infra.system import LoopLag, SystemProbe
from segue.infra.watchdog import Monitor, Thresholds, Watchdog
from segue.logs import RingHandler
from segue.state import StateStore
from segue.state.records import AnalyticsReport

if TYPE_CHECKING:
    from segue.bot.client import SegueBot

log = logging.getLogger(__name__)
Report = Callable[[], Awaitable[dict[str, Any]]]
PERFORMANCE_WINDOW = 3600.0


COMMAND_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0, 60.0)
"""Seconds: Discord's 3 s window and the door's deferral budget (1.5 s) fall on bucket edges."""


def mirror_admission(bot: SegueBot, metrics: MetricsRegistry) -> None:
    """Per-command answer time (a histogram fed as each request ends) and the door's backlog and verdicts."""
    seconds = metrics.histogram(
        "segue_command_seconds", "Seconds from receiving a request to its answer", ["command"], COMMAND_BUCKETS
    )
    bot.segue_tree.recorder.observe = lambda command, took: seconds.labels(command).observe(took)
    admitted = metrics.gauge("segue_admission_admitted", "Requests admitted and not finished (queued or running)")
    verdicts = metrics.gauge(
        "segue_admission_verdicts", "Door verdicts since start (shed, expired: at the gateway)", ["verdict"]
    )

    def collect() -> None:
        admitted.set(float(bot.door.admitted))
        for verdict in ("now", "defer", "busy", "shed", "expired"):
            verdicts.labels(verdict).set(float(bot.door.verdicts[verdict]))

    metrics.add_collector(collect)


def mirror_bot_stats(stats: BotStats, metrics: MetricsRegistry) -> None:
    """Expose the bot's counters on every scrape (they are gauges here: BotStats owns the counting)."""
    commands = metrics.gauge("segue_bot_commands", "Slash commands handled since start", ["command"])
    components = metrics.gauge("segue_bot_components", "Button and menu clicks handled since start", ["action"])
    messages = metrics.gauge("segue_bot_messages", "Free-text messages handled since start", ["outcome"])
    errors = metrics.gauge("segue_bot_errors", "Errors turned into user messages since start", ["kind"])
    limited = metrics.gauge("segue_bot_rate_limited", "Requests refused by a rate limit since start", ["scope"])
    inflight = metrics.gauge("segue_bot_inflight", "Interactions being answered right now")
    uptime = metrics.gauge("segue_bot_uptime_seconds", "Seconds since the bot process started")

    def collect() -> None:
        for gauge, counts in (
            (commands, stats.commands),
            (components, stats.components),
            (messages, stats.messages),
            (errors, stats.errors),
            (limited, stats.rate_limited),
        ):
            for label, value in counts.items():
                gauge.labels(str(label)).set(float(value))
        inflight.set(float(stats.inflight.count))
        uptime.set(stats.uptime)

    metrics.add_collector(collect)


@dataclass(slots=True)
class CacheClearer:
    """Adapts the tiered cache to `/admin cache-clear` (every namespace, both layers)."""

    cache: Cache
    namespaces: tuple[str, ...]
    name: str = "answers and sources"

    async def clear_all(self) -> int:
        for ns in self.namespaces:
            await self.cache.clear(ns)
        return len(self.namespaces)

    def expire(self) -> int:
        """Drop expired in-process entries now (Redis expires its own); returns the entries left."""
        return sum(s.size or 0 for s in self.cache.stats().values())


def health_report(
    *,
    ready: Callable[[], bool],
    shared: dict[str, Callable[[], Awaitable[bool]]],
    stats: BotStats,
    watchdog: Watchdog | None = None,
) -> Report:
    """The /healthz body: ready when connected to Discord and no hard watchdog alarm (disk full, gateway gone);
    Redis-backed parts report whether they are shared.

    Each shared part is asked (a PING through its breaker), not assumed: a part nobody used since Redis died
    would otherwise still say "shared". A Redis outage degrades (in-process fallback) but does not make the
    process unready: it keeps answering. Cheap on purpose (probes call it often): the watchdog's last verdict
    is read, not recomputed.
    """

    async def report() -> dict[str, Any]:
        parts = {name: ("shared" if await check() else "local-fallback") for name, check in shared.items()}
        hard = watchdog.hard if watchdog is not None else ()
        body: dict[str, Any] = {
            "ok": ready() and not hard,
            "discord": "connected" if ready() else "connecting",
            "degraded": any(v == "local-fallback" for v in parts.values()),
            "shared_state": parts,
            "in_flight": stats.inflight.count,
            "uptime_s": round(stats.uptime, 1),
        }
        if hard:
            body["unhealthy"] = [a.detail for a in hard]
        return body

    return report


def build_monitor(
    settings: Settings, *, metrics: MetricsRegistry, connected: Callable[[], bool], errors_total: Callable[[], int]
) -> Monitor:
    """The system probe, loop-lag sampler and watchdog with Settings' thresholds."""
    thresholds = Thresholds(
        rss_mb=settings.watchdog_rss_mb,
        disk_free_mb=settings.watchdog_disk_free_mb,
        disk_free_percent=settings.watchdog_disk_free_percent,
        loop_lag_ms=settings.watchdog_loop_lag_ms,
        errors_per_minute=settings.watchdog_errors_per_minute,
        gateway_down_s=settings.watchdog_gateway_down_s,
    )
    return Monitor(
        SystemProbe(settings.data_dir),
        Watchdog(thresholds, metrics=metrics),
        metrics=metrics,
        connected=connected,
        errors_total=errors_total,
        lag=LoopLag(),
        every=settings.watchdog_every,
    )


class RecentPerformance:
    """The last hour's analytics from the state store, recomputed at most every `refresh` seconds: `segue ctl
    monitor` polls /status each second, and the report is a handful of GROUP BYs."""

    def __init__(
        self,
        state: StateStore,
        *,
        window: float = PERFORMANCE_WINDOW,
        refresh: float = 10.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.state = state
        self.window = window
        self.refresh = refresh
        self._clock = clock
        self._last: tuple[float, AnalyticsReport] | None = None

    async def report(self) -> AnalyticsReport:
        now = self._clock()
        if self._last is None or now - self._last[0] >= self.refresh:
            self._last = (now, await self.state.analytics(now - self.window, now))
        return self._last[1]


def performance_json(report: AnalyticsReport) -> dict[str, Any]:
    """Per-command p50/p95 and cache hits, overall cache hit rate, throughput and live sources, as plain JSON."""
    cached = [(c.cache_hit_rate, c.count) for c in report.commands if c.cache_hit_rate is not None]
    weight = sum(n for _, n in cached)
    minutes = max(1.0, (report.until - report.since) / 60.0)
    return {
        "window_s": round(report.until - report.since),
        "requests": report.events,
        "per_minute": round(report.events / minutes, 2),
        "cache_hit_rate": round(sum(r * n for r, n in cached) / weight, 3) if weight else None,
        "commands": [
            {
                "command": c.command,
                "count": c.count,
                "p50_ms": c.p50_ms,
                "p95_ms": c.p95_ms,
                "cache_hit_rate": c.cache_hit_rate,
            }
            for c in report.commands
        ],
        "rate_limited": report.rate_limited,
        "sources": {name: {"answered": ok, "failed": failed} for name, (ok, failed) in report.sources.items()},
    }


def system_rows(monitor: Monitor | None, say: Speaker) -> list[tuple[str, str]]:
    """The machine and process, as rows for `/admin status` and `/admin performance` (the watchdog's own alarm
    details stay as the watchdog words them)."""
    if monitor is None:
        return [(say.gettext("System"), say.gettext("not monitored in this process"))]
    f = monitor.current()
    alarms = "; ".join(a.detail for a in monitor.watchdog.alarms) or say.gettext("all checks fine")
    process = say.gettext(
        "CPU {cpu}%, RSS {rss} MB, {fds} fds, {threads} threads",
        cpu=say.number(f.cpu_percent, 1),
        rss=round(f.rss_mb),
        fds=f.open_fds,
        threads=f.threads,
    )
    machine = say.gettext(
        "load {load}, memory {memory}% used", load=say.number(f.load_1m, 2), memory=round(f.memory_percent)
    )
    disk = say.gettext(
        "{free} MB free ({percent}%)", free=round(f.disk_free_mb), percent=say.number(f.disk_free_percent, 1)
    )
    loop = say.gettext(
        "{now} ms late now, {worst} ms worst (1 min)",
        now=say.number(monitor.lag.last * 1000, 1),
        worst=say.number(monitor.lag.worst * 1000, 1),
    )
    return [
        (say.gettext("Process"), process),
        (say.gettext("Machine"), machine),
        (say.gettext("Disk (data)"), disk),
        (say.gettext("Event loop"), loop),
        (say.gettext("Watchdog"), alarms),
    ]


def health_summary(monitor: Monitor | None, say: Speaker) -> tuple[str, bool] | None:
    """One line for members' `/health` and whether it is fine: "failing: ..." on a hard alarm, "strained: ..." on
    a soft one (both still fine for the overall verdict only when soft), else ok with the figures."""
    if monitor is None:
        return None
    f = monitor.current()
    alarms = monitor.watchdog.alarms
    if any(a.hard for a in alarms):
        return say.gettext("failing: {details}", details="; ".join(a.detail for a in alarms if a.hard)), False
    if alarms:
        return say.gettext("strained: {details}", details="; ".join(a.detail for a in alarms)), True
    figures = say.gettext(
        "ok (CPU {cpu}%, {rss} MB, loop {loop} ms)",
        cpu=round(f.cpu_percent),
        rss=round(f.rss_mb),
        loop=round(monitor.lag.worst * 1000),
    )
    return figures, True


def bot_facts(bot: SegueBot, mode: str) -> dict[str, Any]:
    """Who this process is: version, mode, shards with their gateway latency, servers."""
    latencies = {
        str(sid): round(s.latency * 1000, 1) for sid, s in sorted(bot.shards.items()) if s.latency == s.latency
    }
    return {
        "version": bot.deps.options.shown_version,
        "mode": mode,
        "shards": {"ids": list(bot.shard_ids or []), "count": bot.shard_count, "latency_ms": latencies},
        "guilds": len(bot.guilds),
    }


def status_report(
    *,
    health: Report,
    monitor: Monitor,
    stats: BotStats,
    performance: RecentPerformance,
    facts: Callable[[], dict[str, Any]],
) -> Report:
    """The /status body: everything `segue ctl status` and `monitor` show, in one JSON document."""

    async def report() -> dict[str, Any]:
        healthz = await health()
        try:
            recent: dict[str, Any] | None = performance_json(await performance.report())
        except Exception:  # the figures are a nicety: a database hiccup must not fail the status
            log.warning("status: analytics unavailable", exc_info=True)
            recent = None
        return {
            "ok": healthz.get("ok", False),
            "pid": os.getpid(),
            "uptime_s": round(stats.uptime, 1),
            **facts(),
            "health": healthz,
            "in_flight": stats.inflight.count,
            "draining": stats.inflight.draining,
            "rate_limited": dict(stats.rate_limited),
            "errors": sum(stats.errors.values()),
            "performance": recent,
            **monitor.snapshot(),
        }

    return report


@contextlib.asynccontextmanager
async def operations(
    settings: Settings,
    bot: SegueBot,
    *,
    metrics: MetricsRegistry,
    shared: dict[str, Callable[[], Awaitable[bool]]],
    mode: str,
    wrap_health: Callable[[Report], Report] | None = None,
) -> AsyncIterator[int | None]:
    """Monitor, watchdog, log ring and the ops endpoint for one bot, for the block's lifetime; yields the port.

    The bot and the playground both come through here, so `segue ctl` sees the same figures in either mode.
    """
    from segue.infra.web import serve_ops

    stats = bot.deps.stats
    monitor = build_monitor(
        settings, metrics=metrics, connected=bot.is_ready, errors_total=lambda: stats.unexpected_errors
    )
    ring = RingHandler(settings.log_ring_lines)
    root = logging.getLogger()
    root.addHandler(ring)
    bot.deps.monitor, bot.deps.log_ring = monitor, ring
    mirror_bot_stats(stats, metrics)
    mirror_admission(bot, metrics)
    health = health_report(ready=bot.is_ready, shared=shared, stats=stats, watchdog=monitor.watchdog)
    if wrap_health is not None:
        health = wrap_health(health)
    status = status_report(
        health=health,
        monitor=monitor,
        stats=stats,
        performance=RecentPerformance(bot.deps.state),
        facts=lambda: bot_facts(bot, mode),
    )
    sampling = asyncio.create_task(monitor.run(), name="segue-monitor")
    try:
        async with serve_ops(
            metrics, health, status=status, host=settings.metrics_host, port=settings.metrics_port
        ) as port:
            if port is not None:
                log.info(
                    "metrics, health and status on http://%s:%d/metrics, /healthz, /status", settings.metrics_host, port
                )
            yield port
    finally:
        sampling.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await sampling
        root.removeHandler(ring)
