"""Reports computed in the database: the analytics report, a server's trending week, and the settings audit.

Every figure is a GROUP BY over an indexed time range (`events.created_at`, `event_subjects(kind, created_at)`,
`feedback(guild_id, created_at)`); percentiles come from the stored latency buckets, so the database never sorts
a million latencies. The same SQL runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import and_, case, func, select
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


async def _ranked(conn: AsyncConnection, column: Any, where: Any, limit: int = TOP) -> tuple[Ranked, ...]:
    n = func.count().label("n")
    rows = await conn.execute(
        select(column, n).where(where, column.is_not(None)).group_by(column).order_by(n.desc(), column).limit(limit)
    )
    return tuple(Ranked(str(name), int(count)) for name, count in rows)


async def report(conn: AsyncConnection, since: float, until: float) -> AnalyticsReport:
    """Everything `segue analytics` prints for events in [since, until)."""
    e, s = t.events, t.event_subjects
    in_range = and_(e.c.created_at >= since, e.c.created_at < until)
    subjects_in_range = and_(s.c.created_at >= since, s.c.created_at < until)
    total = int(await conn.scalar(select(func.count()).select_from(e).where(in_range)) or 0)
    popular = {
        kind: await _ranked(conn, s.c.value, and_(s.c.kind == kind, subjects_in_range)) for kind in POPULAR_KINDS
    }
    daily = await conn.execute(
        select(e.c.day, func.count(func.distinct(e.c.user_id))).where(in_range).group_by(e.c.day).order_by(e.c.day)
    )
    per_day = await conn.execute(select(e.c.day, func.count()).where(in_range).group_by(e.c.day).order_by(e.c.day))
    week = and_(e.c.created_at >= max(since, until - 7 * DAY), e.c.created_at < until)
    weekly = int(await conn.scalar(select(func.count(func.distinct(e.c.user_id))).where(week)) or 0)
    limited = await conn.scalar(select(func.count()).where(in_range, e.c.outcome == "rate_limited"))
    return AnalyticsReport(
        since=since,
        until=until,
        events=total,
        popular={k: v for k, v in popular.items() if v},
        daily_active=tuple(Ranked(iso_day(int(d)), int(n)) for d, n in daily),
        weekly_active=weekly,
        commands_per_day=tuple(Ranked(iso_day(int(d)), int(n)) for d, n in per_day),
        rate_limited=int(limited or 0),
        errors=await _ranked(conn, e.c.error_type, in_range),
        commands=await _commands(conn, in_range),
        sources=await _sources(conn, and_(s.c.kind == "source", subjects_in_range)),
    )


async def _commands(conn: AsyncConnection, in_range: Any) -> tuple[CommandFigures, ...]:
    e = t.events
    buckets: dict[str, list[tuple[int, int]]] = defaultdict(list)
    rows = await conn.execute(
        select(e.c.command, e.c.latency_bucket, func.count())
        .where(in_range, e.c.latency_bucket.is_not(None))
        .group_by(e.c.command, e.c.latency_bucket)
    )
    for command, bucket, n in rows:
        buckets[command].append((int(bucket), int(n)))
    hits = func.sum(case((e.c.cache_hit.is_(True), 1), else_=0))
    counts = await conn.execute(
        select(e.c.command, func.count(), hits, func.count(e.c.cache_hit))
        .where(in_range)
        .group_by(e.c.command)
        .order_by(func.count().desc(), e.c.command)
    )
    return tuple(
        CommandFigures(
            command=str(command),
            count=int(n),
            p50_ms=percentile(buckets[command], 0.5),
            p95_ms=percentile(buckets[command], 0.95),
            cache_hit_rate=round(int(hit or 0) / int(known), 3) if known else None,
        )
        for command, n, hit, known in counts
    )


async def _sources(conn: AsyncConnection, where: Any) -> dict[str, tuple[int, int]]:
    s = t.event_subjects
    out: dict[str, tuple[int, int]] = {}
    for value, n in await conn.execute(select(s.c.value, func.count()).where(where).group_by(s.c.value)):
        name, _, state = str(value).rpartition(":")
        ok, failed = out.get(name, (0, 0))
        out[name] = (ok + int(n), failed) if state == "ok" else (ok, failed + int(n))
    return dict(sorted(out.items()))


async def trending(conn: AsyncConnection, guild_id: str, since: float, limit: int = 5) -> Trending:
    """A server's most requested artists and moods, and its most liked artists and tracks, since `since`."""
    s, f = t.event_subjects, t.feedback
    asked = and_(s.c.guild_id == guild_id, s.c.created_at >= since)
    liked = and_(f.c.guild_id == guild_id, f.c.created_at >= since, f.c.kind == "like")
    return Trending(
        requested_artists=await _ranked(conn, s.c.value, and_(asked, s.c.kind == "artist"), limit),
        requested_moods=await _ranked(conn, s.c.value, and_(asked, s.c.kind == "mood"), limit),
        liked_artists=await _ranked(conn, f.c.artist_id, liked, limit),
        liked_tracks=await _ranked(conn, f.c.track_id, liked, limit),
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
