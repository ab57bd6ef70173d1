"""An analytics report as short plain-text sections, for `segue analytics` and `/admin analytics` alike, and the
"since" an operator types ("7d", "12h", "2026-11-01")."""

from __future__ import annotations

import datetime as dt
import re

from segue.errors import UserInputError
from segue.state.records import DAY, AnalyticsReport, Ranked
from segue.text import milliseconds

_AGO = re.compile(r"^\s*(\d{1,4})\s*([dhw])\s*$", re.IGNORECASE)
_UNIT = {"h": 3600.0, "d": DAY, "w": 7 * DAY}


def parse_since(text: str, now: float) -> float:
    """Epoch seconds for "7d", "12h", "2w" (ago) or an ISO date; a clear error for anything else."""
    ago = _AGO.match(text)
    if ago:
        return now - int(ago.group(1)) * _UNIT[ago.group(2).lower()]
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserInputError(
            f"bad since {text!r}", user_message="Since is a span like 7d, 12h or 2w, or a date like 2026-11-01."
        ) from None
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()


def _ranked(items: tuple[Ranked, ...], limit: int = 5) -> str:
    return ", ".join(f"{r.name} ({r.count:,})" for r in items[:limit]) or "none yet"


def sections(report: AnalyticsReport) -> list[tuple[str, list[str]]]:
    """(title, lines) pairs: activity, popular requests, commands, errors and limits, live sources."""
    start = dt.datetime.fromtimestamp(report.since, tz=dt.UTC).strftime("%Y-%m-%d %H:%M")
    days = report.daily_active
    activity = [
        f"{report.events:,} requests since {start} UTC",
        f"active members this week: {report.weekly_active:,}",
        "daily active: " + (", ".join(f"{r.name[5:]} {r.count}" for r in days[-7:]) or "none yet"),
        "requests per day: " + (", ".join(f"{r.name[5:]} {r.count}" for r in report.commands_per_day[-7:]) or "-"),
    ]
    popular = [f"{kind}s: {_ranked(report.popular.get(kind, ()))}" for kind in ("artist", "genre", "mood", "track")]
    commands = [
        f"/{c.command}: {c.count:,}, p50 {milliseconds(c.p50_ms)}, p95 {milliseconds(c.p95_ms)}"
        + ("" if c.cache_hit_rate is None else f", cache hits {c.cache_hit_rate:.0%}")
        for c in report.commands[:10]
    ] or ["none yet"]
    trouble = [f"rate-limited requests: {report.rate_limited:,}", "errors: " + _ranked(report.errors)]
    sources = [
        f"{name}: {ok:,} answered, {failed:,} failed ({failed / max(1, ok + failed):.0%})"
        for name, (ok, failed) in report.sources.items()
    ] or ["no live source was asked"]
    return [
        ("Activity", activity),
        ("Popular requests", popular),
        ("Commands", commands),
        ("Errors and limits", trouble),
        ("Live sources", sources),
    ]
