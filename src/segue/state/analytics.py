"""Reports computed in the database: the analytics report, a server's trending week, and the settings audit.

Analytics figures are sums over the daily rollups (`rollup.py`; primary keys lead with the day), so a month of
millions of events is read as thousands of rows; percentiles come from the latency buckets, so the database never
sorts latencies. Likes are counted from the feedback log by its `(guild_id, created_at)` index. The same SQL runs
on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.ext.asyncio import AsyncConnection

from segue.state import tables as t
from segue.state.records import (
    DAY,
    AnalyticsReport,
    AuditEntry,
    CommandFigures,
    Ranked,
    Trending,
    percentile,
    shown_value,
)

TOP = 10
POPULAR_KINDS = ("artist", "track", "genre", "mood")


def iso_day(day: int) -> str:
    return dt.datetime.fromtimestamp(day * DAY, tz=dt.UTC).date().isoformat()


def day_range(since: float, until: float) -> tuple[int, int]:
    """The whole UTC days a report covers: the day of `since` through the day of `until`, both included."""
    return int(since // DAY), int(until // DAY)


async def _ranked(conn: AsyncConnection, column: Any, count: Any, where: Any, limit: int = TOP) -> tuple[Ranked, ...]:
    n = func.sum(count).label("n")
    rows = await conn.execute(
        select(column, n).where(where, column.is_not(None)).group_by(column).order_by(n.desc(), column).limit(limit)
    )
    return tuple(Ranked(str(name), int(total)) for name, total in rows)


async def report(conn: AsyncConnection, since: float, until: float) -> AnalyticsReport:
    """Everything `segue analytics` prints, for the whole days from `since` to `until`, from the daily rollups."""
    e, s, u = t.event_days, t.subject_days, t.user_days
    first, last = day_range(since, until)
    days = e.c.day.between(first, last)
    subject_days = s.c.day.between(first, last)
    total = int(await conn.scalar(select(func.coalesce(func.sum(e.c.n), 0)).where(days)) or 0)
    popular = {k: await _ranked(conn, s.c.value, s.c.n, and_(s.c.kind == k, subject_days)) for k in POPULAR_KINDS}
    daily = await conn.execute(
        select(u.c.day, func.count()).where(u.c.day.between(first, last)).group_by(u.c.day).order_by(u.c.day)
    )
    per_day = await conn.execute(select(e.c.day, func.sum(e.c.n)).where(days).group_by(e.c.day).order_by(e.c.day))
    week = u.c.day.between(max(first, last - 6), last)
    weekly = int(await conn.scalar(select(func.count(func.distinct(u.c.user_id))).where(week)) or 0)
    limited = await conn.scalar(select(func.sum(e.c.n)).where(days, e.c.outcome == "rate_limited"))
    return AnalyticsReport(
        since=since,
        until=until,
        events=total,
        popular={k: v for k, v in popular.items() if v},
        daily_active=tuple(Ranked(iso_day(int(d)), int(n)) for d, n in daily),
        weekly_active=weekly,
        commands_per_day=tuple(Ranked(iso_day(int(d)), int(n)) for d, n in per_day),
        rate_limited=int(limited or 0),
        errors=await _ranked(conn, e.c.error_type, e.c.n, and_(days, e.c.error_type != "")),
        commands=await _commands(conn, days),
        sources=await _sources(conn, and_(s.c.kind == "source", subject_days)),
    )


async def _commands(conn: AsyncConnection, days: Any) -> tuple[CommandFigures, ...]:
    e = t.event_days
    buckets: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rows = await conn.execute(
        select(e.c.command, e.c.latency_bucket, func.sum(e.c.n))
        .where(days, e.c.latency_bucket >= 0)
        .group_by(e.c.command, e.c.latency_bucket)
    )
    for command, bucket, n in rows:
        buckets[command].append((int(bucket), int(n)))
    total = func.sum(e.c.n)
    hits = func.sum(case((e.c.cache_hit == 1, e.c.n), else_=0))
    known = func.sum(case((e.c.cache_hit >= 0, e.c.n), else_=0))
    counts = await conn.execute(
        select(e.c.command, total, hits, known).where(days).group_by(e.c.command).order_by(total.desc(), e.c.command)
    )
    return tuple(
        CommandFigures(
            command=str(command),
            count=int(n),
            p50_ms=percentile(buckets[command], 0.5),
            p95_ms=percentile(buckets[command], 0.95),
            cache_hit_rate=round(int(hit or 0) / int(seen), 3) if seen else None,
        )
        for command, n, hit, seen in counts
    )


async def _sources(conn: AsyncConnection, where: Any) -> dict[str, tuple[int, int]]:
    s = t.subject_days
    out: dict[str, tuple[int, int]] = {}
    for value, n in await conn.execute(select(s.c.value, func.sum(s.c.n)).where(where).group_by(s.c.value)):
        name, _, state = str(value).rpartition(":")
        ok, failed = out.get(name, (0, 0))
        out[name] = (ok + int(n), failed) if state == "ok" else (ok, failed + int(n))
    return dict(sorted(out.items()))


async def trending(conn: AsyncConnection, guild_id: str, since: float, limit: int = 5) -> Trending:
    """A server's most requested artists and moods (whole days from `since`), and its most liked artists and tracks
    (since `since` exactly)."""
    g, f = t.guild_subject_days, t.feedback
    asked = and_(g.c.guild_id == guild_id, g.c.day >= int(since // DAY))
    liked = and_(f.c.guild_id == guild_id, f.c.created_at >= since, f.c.kind == "like")
    one = literal(1)
    return Trending(
        requested_artists=await _ranked(conn, g.c.value, g.c.n, and_(asked, g.c.kind == "artist"), limit),
        requested_moods=await _ranked(conn, g.c.value, g.c.n, and_(asked, g.c.kind == "mood"), limit),
        liked_artists=await _ranked(conn, f.c.artist_id, one, liked, limit),
        liked_tracks=await _ranked(conn, f.c.track_id, one, liked, limit),
    )


async def audit(conn: AsyncConnection, guild_id: str, limit: int) -> list[AuditEntry]:
    """The newest settings changes in a server, newest first."""
    a = t.settings_audit
    rows = await conn.execute(select(a).where(a.c.guild_id == guild_id).order_by(a.c.id.desc()).limit(limit))
    return [
        AuditEntry(
            at=float(r.created_at),
            guild_id=str(r.guild_id),
            user_id=str(r.user_id),
            key=str(r.key),
            old=shown_value(_json(r.old)),
            new=shown_value(_json(r.new)),
        )
        for r in rows
    ]


def _json(raw: str | None) -> Any:
    return None if raw is None else json.loads(raw)
