"""Operations glue for the bot process: bot counters mirrored into metrics, the health report, cache clearing.

Kept out of the cogs: the runner wires these once, and `/metrics`, `/healthz` and `/admin` read the same numbers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from segue.bot.stats import BotStats
from segue.infra.cache import Cache
from segue.infra.metrics import MetricsRegistry


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


def health_report(
    *, ready: Callable[[], bool], shared: dict[str, Callable[[], Awaitable[bool]]], stats: BotStats
) -> Callable[[], Awaitable[dict[str, Any]]]:
    """The /healthz body: ready when connected to Discord; Redis-backed parts report whether they are shared.

    Each shared part is asked (a PING through its breaker), not assumed: a part nobody used since Redis died
    would otherwise still say "shared". A Redis outage degrades (in-process fallback) but does not make the
    process unready: it keeps answering.
    """

    async def report() -> dict[str, Any]:
        parts = {name: ("shared" if await check() else "local-fallback") for name, check in shared.items()}
        return {
            "ok": ready(),
            "discord": "connected" if ready() else "connecting",
            "degraded": any(v == "local-fallback" for v in parts.values()),
            "shared_state": parts,
            "in_flight": stats.inflight.count,
            "uptime_s": round(stats.uptime, 1),
        }

    return report
