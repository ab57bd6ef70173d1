"""The writes a durable store queues, and how each one changes a profile (for snapshots and read-your-writes).

One `fold` is used twice: by the writer, to keep each user's profile snapshot current in the same transaction as
the events, and by reads, to lay writes not committed yet on top of the snapshot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from segue.domain import Feedback
from segue.state.model import HISTORY_MAX, SavedAnswer, UserProfile, apply_feedback
from segue.state.records import AnalyticsEvent, UserPrefs


@dataclass(frozen=True, slots=True)
class AddFeedback:
    feedback: Feedback
    at: float


@dataclass(frozen=True, slots=True)
class RecordShown:
    user_id: str
    track_ids: tuple[str, ...]
    at: float


@dataclass(frozen=True, slots=True)
class SaveAnswer:
    answer: SavedAnswer


@dataclass(frozen=True, slots=True)
class SetListening:
    channel_id: str
    enabled: bool
    at: float


@dataclass(frozen=True, slots=True)
class DeleteUser:
    """Ordered like every write, so nothing the user did before asking can land after the delete."""

    user_id: str


@dataclass(frozen=True, slots=True)
class SetPrefs:
    prefs: UserPrefs
    at: float


@dataclass(frozen=True, slots=True)
class ChangeSetting:
    """One server setting set (value as JSON text, None = back to the default) and audited in the same commit."""

    guild_id: str
    key: str
    value: str | None
    by: str
    at: float


@dataclass(frozen=True, slots=True)
class RecordEvent:
    event: AnalyticsEvent


Op = AddFeedback | RecordShown | SaveAnswer | SetListening | DeleteUser | SetPrefs | ChangeSetting | RecordEvent


def user_of(op: Op) -> str | None:
    """The user whose profile an operation changes (None for answers and channels)."""
    if isinstance(op, AddFeedback):
        return op.feedback.user_id
    if isinstance(op, RecordShown | DeleteUser):
        return op.user_id
    return None


def dedupe_tail(track_ids: Sequence[str]) -> tuple[str, ...]:
    """Oldest-first ids with repeats kept at their latest position, the newest `HISTORY_MAX` only."""
    last = {tid: i for i, tid in enumerate(track_ids)}
    kept = [tid for i, tid in enumerate(track_ids) if last[tid] == i]
    return tuple(kept[-HISTORY_MAX:])


def fold(profile: UserProfile, op: Op) -> UserProfile:
    """The profile after one operation (operations for other users or other data leave it as it is)."""
    if user_of(op) != profile.user_id:
        return profile
    if isinstance(op, DeleteUser):
        return UserProfile(user_id=profile.user_id)
    if isinstance(op, AddFeedback):
        return apply_feedback(profile, op.feedback)
    if isinstance(op, RecordShown):
        return replace(profile, history=dedupe_tail((*profile.history, *op.track_ids)), requests=profile.requests + 1)
    return profile


def with_pending(profile: UserProfile, ops: Sequence[Op]) -> UserProfile:
    """A profile read from the database, plus this user's writes not committed yet (read your own writes)."""
    for op in ops:
        profile = fold(profile, op)
    return profile
