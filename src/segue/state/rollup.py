"""Daily rollups of analytics events, counted in Python per writer batch and added to the tables in one upsert each.

A month of a busy bot is millions of events; the reports read these per-day counts instead (measured in
BENCHMARKS.md, state store). Days are whole UTC days since the epoch, so a report covers whole days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Executable

from segue.state.records import DAY, AnalyticsEvent, latency_bucket
from segue.state.statements import ROLLUP_KEYS, Statements

TRENDING_KINDS = frozenset({"artist", "mood"})
"""What /trending shows per server; only these are rolled up per server."""


def event_subjects(event: AnalyticsEvent) -> Iterator[tuple[str, str]]:
    """What an event asked for, plus its live sources as ("source", "deezer:ok"), values clipped to the column."""
    for kind, value in event.subjects:
        yield kind, value[:200]
    for name, ok in event.sources:
        yield "source", f"{name}:{'ok' if ok else 'failed'}"


def event_key(event: AnalyticsEvent) -> tuple[int, str, str, str, int, int]:
    """The `event_days` key of one event, with the sentinels that stand for unknowns."""
    hit = -1 if event.cache_hit is None else int(event.cache_hit)
    bucket = -1 if event.latency_ms is None else latency_bucket(event.latency_ms)
    return int(event.at // DAY), event.command[:32], event.outcome, event.error_type or "", hit, bucket


class Rollup:
    """One batch's counts, keyed like the rollup tables."""

    def __init__(self) -> None:
        self.events: Counter[tuple[int, str, str, str, int, int]] = Counter()
        self.subjects: Counter[tuple[int, str, str]] = Counter()
        self.guild_subjects: Counter[tuple[str, int, str, str]] = Counter()
        self.active: set[tuple[int, str]] = set()

    def add(self, event: AnalyticsEvent) -> None:
        day = int(event.at // DAY)
        self.events[event_key(event)] += 1
        self.active.add((day, event.user_id))
        for kind, value in event_subjects(event):
            self.subjects[day, kind, value] += 1
            if event.guild_id is not None and kind in TRENDING_KINDS:
                self.guild_subjects[event.guild_id, day, kind, value] += 1

    def write(self, conn: Connection, sql: Statements) -> None:
        for name, counts in (
            ("event_days", self.events), ("subject_days", self.subjects), ("guild_subject_days", self.guild_subjects)
        ):  # fmt: skip
            _add(conn, sql.rollups[name], ROLLUP_KEYS[name], counts)
        if self.active:
            conn.execute(sql.active, [{"day": day, "user_id": user} for day, user in sorted(self.active)])


def _add(conn: Connection, upsert: Executable, names: tuple[str, ...], counts: Counter[Any]) -> None:
    """Add `counts` to the table's `n`, creating the rows that are new (keys in a fixed order: no deadlocks)."""
    if counts:
        conn.execute(upsert, [{**dict(zip(names, key, strict=True)), "n": n} for key, n in sorted(counts.items())])
