"""One writer batch as a handful of statements: every table's rows in one executemany, not a statement per op.

Order still holds where it matters: a `DeleteUser` splits the batch, so what a member did before asking to be
forgotten is written (and then deleted) first, and what they do after lands after the delete. Saved answers and
listening channels keep the last write per key, as the ops would one by one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from segue.state import profiles
from segue.state import tables as t
from segue.state.model import UserProfile, encode_query
from segue.state.ops import AddFeedback, DeleteUser, Op, RecordShown, SaveAnswer, SetListening, fold, user_of


async def commit(conn: AsyncConnection, upsert: Callable[..., Any], ops: Sequence[Op], now: float) -> None:
    """Write a batch in its transaction: events, answers, channels, and the users' snapshots under a row lock."""
    locked = await profiles.lock(conn, upsert, (u for op in ops if (u := user_of(op)) is not None), now)
    snapshots: dict[str, UserProfile | None] = dict(locked)
    segment: list[Op] = []
    for op in ops:
        uid = user_of(op)
        if isinstance(op, DeleteUser):
            await _write(conn, upsert, segment)
            segment = []
            for table in t.metadata.sorted_tables:
                if "user_id" in table.c:
                    await conn.execute(delete(table).where(table.c.user_id == op.user_id))
            snapshots[op.user_id] = None
            continue
        segment.append(op)
        if uid is not None:
            snapshots[uid] = fold(snapshots.get(uid) or UserProfile(user_id=uid), op)
    await _write(conn, upsert, segment)
    await profiles.store(conn, upsert, snapshots, now)


async def _write(conn: AsyncConnection, upsert: Callable[..., Any], ops: Sequence[Op]) -> None:
    feedback = [
        {"user_id": o.feedback.user_id, "kind": o.feedback.kind, "track_id": o.feedback.track_id,
         "artist_id": o.feedback.artist_id, "created_at": o.at}
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
        await conn.execute(insert(t.feedback), feedback)
    if shown:
        await conn.execute(insert(t.shown), shown)
    if answers:
        stmt = upsert(t.saved_answers)
        changed = {k: stmt.excluded[k] for k in ("shown", "page", "count", "query")}
        await conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_=changed), list(answers.values()))
    if channels:
        stmt = upsert(t.listening_channels)
        changed = {k: stmt.excluded[k] for k in ("enabled", "updated_at")}
        await conn.execute(
            stmt.on_conflict_do_update(index_elements=["channel_id"], set_=changed), list(channels.values())
        )


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
