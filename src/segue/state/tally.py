"""The analytics report and a server's trending week computed in Python, for `MemoryStateStore`.

The same figures as `analytics` computes in SQL, from the same inputs; the contract suite checks they agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from segue.domain import Feedback
from segue.state.analytics import POPULAR_KINDS, TOP, day_range, iso_day
from segue.state.records import (
    DAY,
    AnalyticsEvent,
    AnalyticsReport,
    CommandFigures,
    Ranked,
    Trending,
    latency_bucket,
    percentile,
)


def _top(counts: Counter[str], limit: int = TOP) -> tuple[Ranked, ...]:
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(Ranked(name, n) for name, n in ordered[:limit])


def report(events: Iterable[AnalyticsEvent], since: float, until: float) -> AnalyticsReport:
    """`analytics.report`, over events held in memory (whole days, like the rollups)."""
    first, last = day_range(since, until)
    chosen = [e for e in events if first <= e.at // DAY <= last]
    popular: dict[str, Counter[str]] = defaultdict(Counter)
    users_by_day: dict[int, set[str]] = defaultdict(set)
    per_day: Counter[int] = Counter()
    sources: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in chosen:
        for kind, value in e.subjects:
            if kind in POPULAR_KINDS:
                popular[kind][value[:200]] += 1
        for name, ok in e.sources:
            sources[name][0 if ok else 1] += 1
        day = int(e.at // DAY)
        users_by_day[day].add(e.user_id)
        per_day[day] += 1
    week = {e.user_id for e in chosen if e.at // DAY >= last - 6}
    return AnalyticsReport(
        since=since,
        until=until,
        events=len(chosen),
        popular={k: _top(popular[k]) for k in POPULAR_KINDS if popular[k]},
        daily_active=tuple(Ranked(iso_day(d), len(users_by_day[d])) for d in sorted(users_by_day)),
        weekly_active=len(week),
        commands_per_day=tuple(Ranked(iso_day(d), per_day[d]) for d in sorted(per_day)),
        rate_limited=sum(1 for e in chosen if e.outcome == "rate_limited"),
        errors=_top(Counter(e.error_type for e in chosen if e.error_type)),
        commands=_commands(chosen),
        sources={k: (v[0], v[1]) for k, v in sorted(sources.items())},
    )


def _commands(events: Sequence[AnalyticsEvent]) -> tuple[CommandFigures, ...]:
    by_command: dict[str, list[AnalyticsEvent]] = defaultdict(list)
    for e in events:
        by_command[e.command[:32]].append(e)
    out = []
    for command, mine in sorted(by_command.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        buckets = Counter(latency_bucket(e.latency_ms) for e in mine if e.latency_ms is not None)
        known = [e.cache_hit for e in mine if e.cache_hit is not None]
        out.append(
            CommandFigures(
                command=command,
                count=len(mine),
                p50_ms=percentile(list(buckets.items()), 0.5),
                p95_ms=percentile(list(buckets.items()), 0.95),
                cache_hit_rate=round(sum(known) / len(known), 3) if known else None,
            )
        )
    return tuple(out)


def trending(
    events: Iterable[AnalyticsEvent], likes: Iterable[tuple[float, Feedback]], guild_id: str, since: float, limit: int
) -> Trending:
    """`analytics.trending`, over events and timed feedback held in memory."""
    asked: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        if e.guild_id == guild_id and e.at // DAY >= since // DAY:
            for kind, value in e.subjects:
                asked[kind][value[:200]] += 1
    liked = [f for at, f in likes if f.guild_id == guild_id and at >= since and f.kind == "like"]
    return Trending(
        requested_artists=_top(asked["artist"], limit),
        requested_moods=_top(asked["mood"], limit),
        liked_artists=_top(Counter(f.artist_id for f in liked if f.artist_id), limit),
        liked_tracks=_top(Counter(f.track_id for f in liked if f.track_id), limit),
    )
