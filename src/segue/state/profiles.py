"""Per-user profile snapshots: one row read per request instead of replaying every event.

Events (feedback, shown tracks) stay append-only for exports and analytics; the writer folds each batch into the
users' snapshots in the same transaction, under a row lock (`SELECT ... FOR UPDATE` on PostgreSQL; SQLite
serializes writers), so two shards writing for one user never lose an update. A user whose snapshot is missing
(written before snapshots existed) is rebuilt once from the events.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, select

from segue.domain import Feedback
from segue.state import tables as t
from segue.state.model import HISTORY_MAX, UserProfile, apply_feedback
from segue.state.ops import dedupe_tail
from segue.state.statements import Statements


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


FEEDBACK = (
    select(t.feedback.c.kind, t.feedback.c.track_id, t.feedback.c.artist_id)
    .where(t.feedback.c.user_id == bindparam("user_id"))
    .order_by(t.feedback.c.id)
)
SHOWN = (
    select(t.shown.c.track_id)
    .where(t.shown.c.user_id == bindparam("user_id"))
    .order_by(t.shown.c.id.desc())
    .limit(HISTORY_MAX * 2)
)
"""Built once, like `READ`: a row without a snapshot is every new member's (the writer creates it in the batch that
first writes for them), and building these two per batch user cost more than running them (BENCHMARKS.md, issue 14,
the bot's own CPU per answer)."""


def replay(conn: Connection, user_id: str, requests: int = 0) -> UserProfile:
    """A profile rebuilt from the user's events (for rows without a snapshot)."""
    events = conn.execute(FEEDBACK, {"user_id": user_id})
    recent = conn.execute(SHOWN, {"user_id": user_id})
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


READ = select(t.users.c.profile, t.users.c.requests).where(t.users.c.user_id == bindparam("user_id"))
"""Built once: a statement per request costs more in SQLAlchemy's construction than in SQLite."""


def read(conn: Connection, user_id: str) -> UserProfile:
    """The committed profile: the snapshot, else the events, else an empty profile (async callers: `run_sync`)."""
    row = conn.execute(READ, {"user_id": user_id}).first()
    if row is None:
        return UserProfile(user_id=user_id)
    return decode(user_id, row.profile) if row.profile is not None else replay(conn, user_id, int(row.requests or 0))


def lock(conn: Connection, sql: Statements, user_ids: Iterable[str], at: float) -> dict[str, UserProfile]:
    """Every user's committed profile, their rows created if new and locked until the transaction ends."""
    ids = sorted(set(user_ids))  # a fixed order: two shards locking the same users cannot deadlock
    if not ids:
        return {}
    conn.execute(sql.users_create, [{"user_id": uid, "requests": 0, "created_at": at, "updated_at": at} for uid in ids])
    out: dict[str, UserProfile] = {}
    for uid, raw, requests in conn.execute(sql.users_locked, {"ids": ids}).all():
        out[uid] = decode(uid, raw) if raw is not None else replay(conn, uid, int(requests or 0))
    return out


def store(conn: Connection, sql: Statements, profiles: dict[str, UserProfile | None], at: float) -> None:
    """Write the snapshots back (None: the user was deleted in this batch and did nothing after)."""
    rows = [
        {"user_id": uid, "profile": encode(p), "requests": p.requests, "created_at": at, "updated_at": at}
        for uid, p in profiles.items()
        if p is not None
    ]
    if rows:
        conn.execute(sql.users_store, rows)
