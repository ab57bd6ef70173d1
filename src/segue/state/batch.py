"""One writer batch as a handful of statements: every table's rows in one executemany, not a statement per op.

Order still holds where it matters: a `DeleteUser` splits the batch, so what a member did before asking to be
forgotten is written (and then deleted) first, and what they do after lands after the delete. Saved answers and
listening channels keep the last write per key, as the ops would one by one.

The code is synchronous, on a plain `Connection`: the store runs a whole batch in one call, on SQLite in one hop
to its writer thread (not a hop per cursor call), on PostgreSQL through `AsyncConnection.run_sync`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from segue.state import profiles
from segue.state import tables as t
from segue.state.model import UserProfile, encode_query
from segue.state.ops import (
    AddFeedback,
    ChangeSetting,
    DeleteUser,
    Op,
    RecordEvent,
    RecordShown,
    SaveAnswer,
    SetListening,
    SetPrefs,
    fold,
    user_of,
)
from segue.state.records import DAY, latency_bucket
from segue.state.rollup import Rollup, event_subjects
from segue.state.statements import PREF_COLUMNS, Statements


def commit(conn: Connection, sql: Statements, ops: Sequence[Op], now: float) -> None:
    """Write a batch in its transaction: events, answers, channels, and the users' snapshots under a row lock."""
    locked = profiles.lock(conn, sql, (u for op in ops if (u := user_of(op)) is not None), now)
    snapshots: dict[str, UserProfile | None] = dict(locked)
    segment: list[Op] = []
    for op in ops:
        uid = user_of(op)
        if isinstance(op, DeleteUser):
            _write(conn, sql, segment)
            segment = []
            for table in t.metadata.sorted_tables:
                if "user_id" in table.c:
                    conn.execute(delete(table).where(table.c.user_id == op.user_id))
            snapshots[op.user_id] = None
            continue
        segment.append(op)
        if uid is not None:
            snapshots[uid] = fold(snapshots.get(uid) or UserProfile(user_id=uid), op)
    _write(conn, sql, segment)
    profiles.store(conn, sql, snapshots, now)


def _write(conn: Connection, sql: Statements, ops: Sequence[Op]) -> None:
    feedback = [
        {"user_id": o.feedback.user_id, "kind": o.feedback.kind, "track_id": o.feedback.track_id,
         "artist_id": o.feedback.artist_id, "guild_id": o.feedback.guild_id, "answer_key": o.feedback.answer_key,
         "created_at": o.at}
        for o in ops if isinstance(o, AddFeedback)
    ]  # fmt: skip
    shown = [
        {"user_id": o.user_id, "track_id": tid, "created_at": o.at}
        for o in ops
        if isinstance(o, RecordShown)
        for tid in o.track_ids
    ]
    answers = {o.answer.key: _answer_row(o) for o in ops if isinstance(o, SaveAnswer)}
    channels = {
        o.channel_id: {"channel_id": o.channel_id, "enabled": o.enabled, "updated_at": o.at}
        for o in ops
        if isinstance(o, SetListening)
    }
    if feedback:
        conn.execute(sql.feedback, feedback)
    if shown:
        conn.execute(sql.shown, shown)
    if answers:
        conn.execute(sql.answers, list(answers.values()))
    if channels:
        conn.execute(sql.channels, list(channels.values()))
    _write_prefs(conn, sql, [o for o in ops if isinstance(o, SetPrefs)])
    _write_settings(conn, sql, [o for o in ops if isinstance(o, ChangeSetting)])
    _write_events(conn, sql, [o for o in ops if isinstance(o, RecordEvent)])


def _write_prefs(conn: Connection, sql: Statements, ops: Sequence[SetPrefs]) -> None:
    rows = {
        o.prefs.user_id: {"user_id": o.prefs.user_id, "requests": 0, "created_at": o.at, "updated_at": o.at,
                          **{c: getattr(o.prefs, c) for c in PREF_COLUMNS}}
        for o in ops
    }  # fmt: skip
    if rows:
        conn.execute(sql.prefs, list(rows.values()))


def _write_settings(conn: Connection, sql: Statements, ops: Sequence[ChangeSetting]) -> None:
    """Each change in order, audited with the value it replaced (read in this transaction)."""
    table = t.guild_settings
    for op in ops:
        where = (table.c.guild_id == op.guild_id) & (table.c.key == op.key)
        old = conn.scalar(select(table.c.value).where(where))
        if op.value is None:
            conn.execute(delete(table).where(where))
        else:
            stmt = sql.upsert(table).values(guild_id=op.guild_id, key=op.key, value=op.value, updated_at=op.at)
            changed = {"value": stmt.excluded.value, "updated_at": stmt.excluded.updated_at}
            conn.execute(stmt.on_conflict_do_update(index_elements=["guild_id", "key"], set_=changed))
        conn.execute(
            insert(t.settings_audit).values(
                guild_id=op.guild_id, user_id=op.by, key=op.key, old=old, new=op.value, created_at=op.at
            )
        )


def _write_events(conn: Connection, sql: Statements, ops: Sequence[RecordEvent]) -> None:
    """Raw events (for exports and retention) and the daily rollups the reports read, in the same transaction."""
    events: list[dict[str, Any]] = []
    subjects: list[dict[str, Any]] = []
    rollup = Rollup()
    for op in ops:
        e = op.event
        events.append(
            {"created_at": e.at, "day": int(e.at // DAY), "command": e.command[:32], "user_id": e.user_id,
             "guild_id": e.guild_id, "outcome": e.outcome, "error_type": e.error_type, "cache_hit": e.cache_hit,
             "latency_bucket": None if e.latency_ms is None else latency_bucket(e.latency_ms)}
        )  # fmt: skip
        subjects.extend(
            {"created_at": e.at, "user_id": e.user_id, "guild_id": e.guild_id, "kind": kind, "value": value}
            for kind, value in event_subjects(e)
        )
        rollup.add(e)
    if events:
        conn.execute(sql.events, events)
    if subjects:
        conn.execute(sql.subjects, subjects)
    rollup.write(conn, sql)


def _answer_row(op: SaveAnswer) -> dict[str, Any]:
    a = op.answer
    return {
        "key": a.key,
        "user_id": a.user_id,
        "query": json.dumps(encode_query(a.query), ensure_ascii=False),
        "shown": json.dumps(list(a.shown)),
        "count": a.count,
        "page": a.page,
        "created_at": a.created,
    }
