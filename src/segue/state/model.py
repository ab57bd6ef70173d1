"""What the bot remembers, as plain data: profiles, saved answers, the `StateStore` Protocol, and their codecs.

The bot records feedback (like, dislike, know it, never this artist), the tracks it showed (history), the answers
its buttons may page through later, and which channels an admin opted in to free-text listening. Every store
(`memory.MemoryStateStore`, `sql.SqlStateStore`) implements the same Protocol and passes one contract suite.
Nothing here imports discord: ids are strings, answers are domain objects.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from segue.domain import EntityRef, FeatureRange, Feedback, Novelty, Query
from segue.state.records import (
    AnalyticsEvent,
    AnalyticsReport,
    AuditEntry,
    GuildSettings,
    LikeSignal,
    Trending,
    UserPrefs,
)

HISTORY_MAX = 500
"""Recently shown tracks kept per user: enough to keep /discover fresh for weeks of normal use."""
SAVED_ANSWERS_MAX = 20_000
"""Answers whose buttons can still page; at ~1 KB each the in-memory store stays around 20 MB."""


@dataclass(frozen=True, slots=True)
class UserProfile:
    """What one listener told us, as catalog ids (newest last); `requests` counts answered requests."""

    user_id: str
    liked_tracks: tuple[str, ...] = ()
    disliked_tracks: tuple[str, ...] = ()
    known_tracks: tuple[str, ...] = ()
    blocked_artists: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    requests: int = 0
    feedback: int = 0


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    """An answer a button may come back to: its query, who asked, what was shown so far, and how many per page."""

    key: str
    user_id: str
    query: Query
    shown: tuple[str, ...] = ()
    count: int = 5
    page: int = 0
    created: float = field(default_factory=time.time)


@dataclass(frozen=True, slots=True)
class Listener:
    """What /discover needs about one member, read together: taste, /profile choices, tracks shown lately."""

    profile: UserProfile
    prefs: UserPrefs
    shown: frozenset[str] = frozenset()
    """Tracks shown at or after the `shown_since` asked for (empty when none was asked)."""


class StateStore(Protocol):
    """Durable per-user and per-channel state; every method is a coroutine so SQL and Redis stores fit."""

    @property
    def healthy(self) -> bool:
        """False while the backing database cannot be read or written (the store then answers from memory)."""
        ...

    async def profile(self, user_id: str) -> UserProfile: ...

    async def apply_feedback(self, feedback: Feedback) -> UserProfile: ...

    async def record_answer(self, user_id: str, shown_track_ids: Sequence[str]) -> None: ...

    async def shown_since(self, user_id: str, since: float) -> frozenset[str]:
        """Tracks shown to the user at or after `since` (epoch seconds): what must not come back yet."""
        ...

    async def listener(self, user_id: str, shown_since: float | None = None) -> Listener:
        """`profile`, `prefs` and (when `shown_since` is given) `shown_since` in one read: /discover's hot path."""
        ...

    async def save_answer(self, answer: SavedAnswer) -> None: ...

    async def load_answer(self, key: str) -> SavedAnswer | None: ...

    async def set_listening(self, channel_id: str, enabled: bool) -> None: ...

    async def is_listening(self, channel_id: str) -> bool: ...

    async def listening_channels(self) -> frozenset[str]: ...

    async def cleanup(self) -> int: ...

    async def export_user(self, user_id: str) -> dict[str, Any]:
        """Everything stored about one user, JSON-safe (the privacy export)."""
        ...

    async def delete_user(self, user_id: str) -> None:
        """Forget one user everywhere, including writes not committed yet (the privacy delete)."""
        ...

    async def prefs(self, user_id: str) -> UserPrefs: ...

    async def set_prefs(self, prefs: UserPrefs) -> None: ...

    async def guild_settings(self, guild_id: str) -> GuildSettings: ...

    async def change_setting(self, guild_id: str, key: str, value: Any, by: str) -> GuildSettings:
        """Set one server setting (a value `records.check_setting` returned; None resets it) and audit who did."""
        ...

    async def settings_audit(self, guild_id: str, limit: int = 20) -> list[AuditEntry]: ...

    async def record_event(self, event: AnalyticsEvent) -> None:
        """Queue one analytics event (never waits)."""
        ...

    async def trending(self, guild_id: str, since: float) -> Trending: ...

    async def analytics(self, since: float, until: float) -> AnalyticsReport: ...

    async def likes_since(self, after: int, limit: int) -> list[LikeSignal]:
        """Committed likes, unlikes and dislikes with id > `after`, oldest first: community learning's feed,
        shared by every shard (an unreachable database reads as nothing new)."""
        ...

    async def flush(self) -> None: ...

    async def close(self) -> None: ...


def profile_json(profile: UserProfile) -> dict[str, Any]:
    """A profile as plain JSON (lists, not tuples), for exports."""
    return {
        "liked_tracks": list(profile.liked_tracks),
        "disliked_tracks": list(profile.disliked_tracks),
        "known_tracks": list(profile.known_tracks),
        "blocked_artists": list(profile.blocked_artists),
        "recently_shown": list(profile.history),
        "requests": profile.requests,
        "feedback_given": profile.feedback,
    }


def answer_json(answer: SavedAnswer) -> dict[str, Any]:
    """A saved answer as plain JSON, for exports."""
    return {
        "key": answer.key,
        "request": encode_query(answer.query),
        "shown": list(answer.shown),
        "page": answer.page,
        "created_at": answer.created,
    }


def _toggle(items: tuple[str, ...], item: str | None, on: bool) -> tuple[str, ...]:
    if item is None:
        return items
    kept = tuple(x for x in items if x != item)
    return (*kept, item) if on else kept


def apply_feedback(profile: UserProfile, feedback: Feedback) -> UserProfile:
    """The profile after one signal. Like and dislike exclude each other; 'know it' stays beside either; unlike and
    unblock (from /profile) take a like or a block back."""
    track, artist = feedback.track_id, feedback.artist_id
    if feedback.kind == "like":
        profile = replace(
            profile,
            liked_tracks=_toggle(profile.liked_tracks, track, True),
            disliked_tracks=_toggle(profile.disliked_tracks, track, False),
        )
    elif feedback.kind == "dislike":
        profile = replace(
            profile,
            disliked_tracks=_toggle(profile.disliked_tracks, track, True),
            liked_tracks=_toggle(profile.liked_tracks, track, False),
        )
    elif feedback.kind == "known":
        profile = replace(profile, known_tracks=_toggle(profile.known_tracks, track, True))
    elif feedback.kind == "unlike":
        profile = replace(profile, liked_tracks=_toggle(profile.liked_tracks, track, False))
    elif feedback.kind == "unblock_artist":
        profile = replace(profile, blocked_artists=_toggle(profile.blocked_artists, artist, False))
    else:
        profile = replace(profile, blocked_artists=_toggle(profile.blocked_artists, artist, True))
    return replace(profile, feedback=profile.feedback + 1)


# -- keys and codecs -----------------------------------------------------------------------------------------------


def answer_key(user_id: str, query: Query, salt: str = "") -> str:
    """A short stable key (16 hex chars) naming one user's answer to one query; fits in a button's custom_id."""
    doc = json.dumps([user_id, encode_query(query), salt], sort_keys=True, ensure_ascii=False)
    return hashlib.blake2b(doc.encode("utf-8"), digest_size=8).hexdigest()


def _ref(ref: EntityRef) -> list[Any]:
    return [ref.index, ref.id, ref.name]


def _unref(raw: Sequence[Any]) -> EntityRef:
    return EntityRef(int(raw[0]), str(raw[1]), str(raw[2]))


def encode_query(query: Query) -> dict[str, Any]:
    """A JSON-safe dict for durable stores (the inverse is `decode_query`)."""
    return {
        "text": query.text,
        "seed_artists": [_ref(r) for r in query.seed_artists],
        "seed_tracks": [_ref(r) for r in query.seed_tracks],
        "examples": [_ref(r) for r in query.examples],
        "genres": list(query.genres),
        "moods": list(query.moods),
        "features": [[f.feature, f.low, f.high, f.target, f.because] for f in query.features],
        "year_min": query.year_min,
        "year_max": query.year_max,
        "seconds_min": query.seconds_min,
        "seconds_max": query.seconds_max,
        "artists_from": query.artists_from,
        "sung_in": query.sung_in,
        "novelty": query.novelty.value,
        "exclude_genres": list(query.exclude_genres),
        "exclude_artists": [_ref(r) for r in query.exclude_artists],
        "exclude_tracks": [_ref(r) for r in query.exclude_tracks],
        "exclude_eras": [list(e) for e in query.exclude_eras],
        "topics": list(query.topics),
        "exclude_topics": list(query.exclude_topics),
        "free_to_use": query.free_to_use,
        "clean": query.clean,
        "count": query.count,
        "asked_count": query.asked_count,
        "ignored": list(query.ignored),
        "unresolved": list(query.unresolved),
        "suggestions": list(query.suggestions),
        "language": query.language,
    }


def decode_query(doc: dict[str, Any]) -> Query:
    """Rebuild a `Query` from `encode_query`'s dict."""
    return Query(
        text=str(doc.get("text", "")),
        seed_artists=tuple(_unref(r) for r in doc.get("seed_artists", ())),
        seed_tracks=tuple(_unref(r) for r in doc.get("seed_tracks", ())),
        examples=tuple(_unref(r) for r in doc.get("examples", ())),
        genres=tuple(doc.get("genres", ())),
        moods=tuple(doc.get("moods", ())),
        features=tuple(FeatureRange(f[0], f[1], f[2], f[3], f[4]) for f in doc.get("features", ())),
        year_min=doc.get("year_min"),
        year_max=doc.get("year_max"),
        seconds_min=doc.get("seconds_min"),
        seconds_max=doc.get("seconds_max"),
        artists_from=doc.get("artists_from"),
        sung_in=doc.get("sung_in"),
        novelty=Novelty(doc.get("novelty", Novelty.BALANCED.value)),
        exclude_genres=tuple(doc.get("exclude_genres", ())),
        exclude_artists=tuple(_unref(r) for r in doc.get("exclude_artists", ())),
        exclude_tracks=tuple(_unref(r) for r in doc.get("exclude_tracks", ())),
        exclude_eras=tuple((int(e[0]), int(e[1])) for e in doc.get("exclude_eras", ())),
        topics=tuple(doc.get("topics", ())),
        exclude_topics=tuple(doc.get("exclude_topics", ())),
        free_to_use=bool(doc.get("free_to_use", False)),
        clean=bool(doc.get("clean", False)),
        count=doc.get("count"),
        asked_count=doc.get("asked_count"),
        ignored=tuple(doc.get("ignored", ())),
        unresolved=tuple(doc.get("unresolved", ())),
        suggestions=tuple(doc.get("suggestions", ())),
        language=doc.get("language", "en"),
    )
