"""How `segue ctl status` and `segue ctl monitor` show the /status document: one rich table, shared by both."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text

from segue.text import duration, milliseconds


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _health(doc: dict[str, Any]) -> Text:
    health = doc.get("health") or {}
    if doc.get("ok"):
        label = "healthy, degraded (Redis fallback)" if health.get("degraded") else "healthy"
        return Text(label, style="yellow" if health.get("degraded") else "green")
    reasons = health.get("unhealthy") or [f"Discord {health.get('discord', '?')}"]
    return Text("unhealthy: " + "; ".join(str(r) for r in reasons), style="red")


def _shards(doc: dict[str, Any]) -> str:
    shards = doc.get("shards") or {}
    ids = shards.get("ids") or []
    latency = shards.get("latency_ms") or {}
    which = ",".join(str(i) for i in ids) if ids else "all"
    lat = ", ".join(f"#{k} {v:.0f} ms" for k, v in latency.items()) or "no gateway latency yet"
    return f"{which} of {shards.get('count') or '?'} ({lat}); {doc.get('guilds', 0)} servers"


def _performance(doc: dict[str, Any]) -> list[tuple[str, str]]:
    perf = doc.get("performance")
    if not perf:
        return [("Requests (1 h)", "unavailable")]
    rows = [
        ("Requests (1 h)", f"{perf['requests']:,} ({perf['per_minute']:.1f}/min)"),
        ("Cache hit rate", _rate(perf.get("cache_hit_rate"))),
    ]
    commands = perf.get("commands") or []
    latency = "; ".join(
        f"/{c['command']} p50 {milliseconds(c['p50_ms'])} p95 {milliseconds(c['p95_ms'])} ({c['count']:,})"
        for c in commands[:5]
    )
    rows.append(("Latency p50/p95", latency or "no requests yet"))
    refusals = sum((doc.get("rate_limited") or {}).values())
    rows.append(("Rate-limit refusals", f"{refusals:,} since start, {perf.get('rate_limited', 0):,} in the last hour"))
    sources = perf.get("sources") or {}
    rows.append(
        (
            "Live sources (1 h)",
            ", ".join(f"{name} {s['answered']} ok / {s['failed']} failed" for name, s in sources.items())
            or "none asked",
        )
    )
    return rows


def _system(doc: dict[str, Any]) -> list[tuple[str, str]]:
    system = doc.get("system") or {}
    lag = doc.get("loop_lag_ms") or {}
    if not system:
        return []
    return [
        (
            "Resources",
            f"CPU {system['cpu_percent']:.1f}%, RSS {system['rss_mb']:.0f} MB, "
            f"{system['open_fds']} fds, {system['threads']} threads",
        ),
        (
            "Machine",
            f"load {system['load_1m']:.2f}, memory {system['memory_percent']:.0f}% used "
            f"({system['memory_available_mb']:,.0f} MB free)",
        ),
        ("Disk (data dir)", f"{system['disk_free_mb']:,.0f} MB free ({system['disk_free_percent']:.1f}%)"),
        ("Event-loop lag", f"{lag.get('last', 0):.1f} ms now, {lag.get('max_1m', 0):.1f} ms worst in the last minute"),
    ]


def status_table(doc: dict[str, Any], *, title: str = "Segue") -> Table:
    """Every figure of a /status document, one row each."""
    table = Table(title=title, show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column()
    table.add_row("Process", f"pid {doc.get('pid')}, up {duration(doc.get('uptime_s', 0))}, {doc.get('mode', '?')}")
    table.add_row("Version", str(doc.get("version", "?")))
    table.add_row("Health", _health(doc))
    table.add_row("Shards", _shards(doc))
    table.add_row("In flight", f"{doc.get('in_flight', 0)}{' (draining)' if doc.get('draining') else ''}")
    for name, value in _performance(doc):
        table.add_row(name, value)
    table.add_row("Errors since start", f"{doc.get('errors', 0):,}")
    system = _system(doc)
    for name, value in system:
        table.add_row(name, value)
    alarms = doc.get("alarms") or []
    table.add_row(
        "Watchdog",
        Text("; ".join(a["detail"] for a in alarms), style="red") if alarms else Text("all checks fine", style="green"),
    )
    return table
