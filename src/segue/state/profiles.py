"""Per-user profile snapshots: one row read per request instead of replaying every event.

Events (feedback, shown tracks) stay append-only for exports and analytics; the writer folds each batch into the
users' snapshots in the same transaction, under a row lock (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite
serializes writers), so two shards writing for one user never lose an update. A user whose snapshot is missing
(written before snapshots existed) is rebuilt once from the events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncConnection

from segue.domain import Feedback
from segue.state import tables as t
from segue.state.model import HISTORY_MAX, UserProfile, apply_feedback
from segue.state.ops import dedupe_tail


def encode(profile: UserProfile) -> str:
    return json.dumps(
        {
            "liked": list(profile.liked_tracks),
            "disliked": list(profile.disliked_tracks),
            "known": list(profile.known_tracks),
            "blocked": list(profile.blocked_artists),
            "history": list(profile.history),
            "requests": profile.requests,
            "feedback": profile.feedback,
        },
        separators=(",", ":"),
    )


def decode(user_id: str, raw: str) -> UserProfile:
    doc: dict[str, Any] = json.loads(raw)
    return UserProfile(
        user_id=user_id,
        liked_tracks=tuple(doc.get("liked", ())),
        disliked_tracks=tuple(doc.get("disliked", ())),
        known_tracks=tuple(doc.get("known", ())),
        blocked_artists=tuple(doc.get("blocked", ())),
        history=tuple(doc.get("history", ())),
        requests=int(doc.get("requests", 0)),
        feedback=int(doc.get("feedback", 0)),
    )


async def replay(conn: AsyncConnection, user_id: str, requests: int = 0) -> UserProfile:
    """A profile rebuilt from the user's events (for rows without a snapshot)."""
    events = await conn.execute(
        select(t.feedback.c.kind, t.feedback.c.track_id, t.feedback.c.artist_id)
        .where(t.feedback.c.user_id == user_id)
        .order_by(t.feedback.c.id)
    )
    recent = await conn.execute(
        select(t.shown.c.track_id)
        .where(t.shown.c.user_id == user_id)
        .order_by(t.shown.c.id.desc())
        .limit(HISTORY_MAX * 2)
    )
    profile = UserProfile(user_id=user_id, requests=requests)
    for kind, track_id, artist_id in events:
        profile = apply_feedback(profile, Feedback(user_id, kind, track_id, artist_id))
    return UserProfile(
        user_id=user_id,
        liked_tracks=profile.liked_tracks,
        disliked_tracks=profile.disliked_tracks,
        known_tracks=profile.known_tracks,
        blocked_artists=profile.blocked_artists,
        history=dedupe_tail([row[0] for row in recent][::-1]),
        requests=requests,
        feedback=profile.feedback,
    )


_READ = select(t.users.c.profile, t.users.c.requests).where(t.users.c.user_id == bindparam("user_id"))
"""Built once: a statement per request costs more in SQLAlchemy's construction than in SQLite."""


async def read(conn: AsyncConnection, user_id: str) -> UserProfile:
    """The committed profile: the snapshot, else the events, else an empty profile."""
    row = (await conn.execute(_READ, {"user_id": user_id})).first()
    if row is None:
        return UserProfile(user_id=user_id)
    return await from_row(conn, user_id, row.profile, row.requests)


async def from_row(conn: AsyncConnection, user_id: str, snapshot: str | None, requests: int | None) -> UserProfile:
    """A users row's profile: its snapshot, else rebuilt from the events."""
    if snapshot is not None:
        return decode(user_id, snapshot)
    return await replay(conn, user_id, int(requests or 0))


async def lock(
    conn: AsyncConnection, upsert: Callable[..., Any], user_ids: Iterable[str], at: float
) -> dict[str, UserProfile]:
    """Every user's committed profile, their rows created if new and locked until the transaction ends."""
    ids = sorted(set(user_ids))  # a fixed order: two shards locking the same users cannot deadlock
    if not ids:
        return {}
    rows = [{"user_id": uid, "requests": 0, "created_at": at, "updated_at": at} for uid in ids]
    await conn.execute(upsert(t.users).values(rows).on_conflict_do_nothing(index_elements=["user_id"]))
    found = await conn.execute(
        select(t.users.c.user_id, t.users.c.profile, t.users.c.requests)
        .where(t.users.c.user_id.in_(ids))
        .order_by(t.users.c.user_id)
        .with_for_update()
    )
    out: dict[str, UserProfile] = {}
    for uid, raw, requests in found:
        out[uid] = decode(uid, raw) if raw is not None else await replay(conn, uid, int(requests or 0))
    return out


async def store(
    conn: AsyncConnection, upsert: Callable[..., Any], profiles: dict[str, UserProfile | None], at: float
) -> None:
    """Write the snapshots back (None: the user was deleted in this batch and did nothing after)."""
    rows = [
        {"user_id": uid, "profile": encode(p), "requests": p.requests, "created_at": at, "updated_at": at}
        for uid, p in profiles.items()
        if p is not None
    ]
    if rows:
        stmt = upsert(t.users)
        changed = {k: stmt.excluded[k] for k in ("profile", "requests", "updated_at")}
        await conn.execute(stmt.on_conflict_do_update(index_elements=["user_id"], set_=changed), rows)
