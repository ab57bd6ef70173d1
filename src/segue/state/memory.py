"""The process-local `StateStore`: dicts plus a bounded LRU of saved answers. Lost on exit (flush is a no-op).

Kept as the fast test double and for one-off commands; the bot runs on `SqlStateStore` (SQLite by default).
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from typing import Any

from segue.domain import Feedback
from segue.state.model import (
    HISTORY_MAX,
    SAVED_ANSWERS_MAX,
    Listener,
    SavedAnswer,
    UserProfile,
    answer_json,
    apply_feedback,
    profile_json,
)
from segue.state.records import (
    LIKE_KINDS,
    AnalyticsEvent,
    AnalyticsReport,
    AuditEntry,
    GuildSettings,
    LikeSignal,
    Trending,
    UserPrefs,
    settings_from,
    shown_value,
)
from segue.state.tally import report, trending

EVENTS_MAX = 100_000
"""Analytics events a memory store keeps (the newest); a test double, so a bound rather than a retention."""


class MemoryStateStore:
    """Process-local `StateStore`: dicts plus a bounded LRU of saved answers. Lost on exit (flush is a no-op)."""

    def __init__(
        self,
        *,
        history_max: int = HISTORY_MAX,
        answers_max: int = SAVED_ANSWERS_MAX,
        answer_ttl: float = 7 * 24 * 3600.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._profiles: dict[str, UserProfile] = {}
        self._answers: OrderedDict[str, SavedAnswer] = OrderedDict()
        self._listening: set[str] = set()
        self._shown_at: dict[str, list[tuple[float, tuple[str, ...]]]] = {}
        self._history_max = history_max
        self._answers_max = answers_max
        self._answer_ttl = answer_ttl
        self._clock = clock
        self._prefs: dict[str, UserPrefs] = {}
        self._settings: dict[str, dict[str, Any]] = {}
        self._audit: list[AuditEntry] = []
        self._events: deque[AnalyticsEvent] = deque(maxlen=EVENTS_MAX)
        self._feedback: deque[tuple[int, float, Feedback]] = deque(maxlen=EVENTS_MAX)
        self._feedback_id = 0
        self.closed = False

    @property
    def healthy(self) -> bool:
        return not self.closed

    async def profile(self, user_id: str) -> UserProfile:
        return self._profiles.get(user_id) or UserProfile(user_id=user_id)

    async def apply_feedback(self, feedback: Feedback) -> UserProfile:
        updated = apply_feedback(await self.profile(feedback.user_id), feedback)
        self._feedback_id += 1
        self._feedback.append((self._feedback_id, self._clock(), feedback))
        self._profiles[feedback.user_id] = updated
        return updated

    async def record_answer(self, user_id: str, shown_track_ids: Sequence[str]) -> None:
        current = await self.profile(user_id)
        history = tuple(t for t in current.history if t not in set(shown_track_ids)) + tuple(shown_track_ids)
        self._profiles[user_id] = replace(current, history=history[-self._history_max :], requests=current.requests + 1)
        times = self._shown_at.setdefault(user_id, [])
        times.append((self._clock(), tuple(shown_track_ids)))
        del times[: -self._history_max]

    async def shown_since(self, user_id: str, since: float) -> frozenset[str]:
        return frozenset(t for at, ids in self._shown_at.get(user_id, ()) if at >= since for t in ids)

    async def listener(self, user_id: str, shown_since: float | None = None) -> Listener:
        shown = frozenset() if shown_since is None else await self.shown_since(user_id, shown_since)
        return Listener(await self.profile(user_id), await self.prefs(user_id), shown)

    async def save_answer(self, answer: SavedAnswer) -> None:
        self._answers[answer.key] = answer
        self._answers.move_to_end(answer.key)
        while len(self._answers) > self._answers_max:
            self._answers.popitem(last=False)

    async def load_answer(self, key: str) -> SavedAnswer | None:
        return self._answers.get(key)

    async def set_listening(self, channel_id: str, enabled: bool) -> None:
        if enabled:
            self._listening.add(channel_id)
        else:
            self._listening.discard(channel_id)

    async def is_listening(self, channel_id: str) -> bool:
        return channel_id in self._listening

    async def listening_channels(self) -> frozenset[str]:
        return frozenset(self._listening)

    async def cleanup(self) -> int:
        """Drop saved answers older than the TTL; returns how many went."""
        cutoff = self._clock() - self._answer_ttl
        stale = [k for k, a in self._answers.items() if a.created < cutoff]
        for key in stale:
            del self._answers[key]
        return len(stale)

    async def export_user(self, user_id: str) -> dict[str, Any]:
        answers = [answer_json(a) for a in self._answers.values() if a.user_id == user_id]
        prefs = asdict(await self.prefs(user_id))
        return {"user_id": user_id, "profile": profile_json(await self.profile(user_id)), "prefs": prefs,
                "saved_answers": answers}  # fmt: skip

    async def delete_user(self, user_id: str) -> None:
        self._profiles.pop(user_id, None)
        self._prefs.pop(user_id, None)
        self._audit = [a for a in self._audit if a.user_id != user_id]
        self._events = deque((e for e in self._events if e.user_id != user_id), maxlen=EVENTS_MAX)
        self._feedback = deque((f for f in self._feedback if f[2].user_id != user_id), maxlen=EVENTS_MAX)
        self._shown_at.pop(user_id, None)
        for key in [k for k, a in self._answers.items() if a.user_id == user_id]:
            del self._answers[key]

    async def prefs(self, user_id: str) -> UserPrefs:
        return self._prefs.get(user_id) or UserPrefs(user_id=user_id)

    async def set_prefs(self, prefs: UserPrefs) -> None:
        self._prefs[prefs.user_id] = prefs

    async def guild_settings(self, guild_id: str) -> GuildSettings:
        return settings_from(guild_id, self._settings.get(guild_id, {}))

    async def change_setting(self, guild_id: str, key: str, value: Any, by: str) -> GuildSettings:
        values = self._settings.setdefault(guild_id, {})
        old = values.get(key)
        if value is None:
            values.pop(key, None)
        else:
            values[key] = json.loads(json.dumps(value))
        self._audit.append(AuditEntry(self._clock(), guild_id, by, key, shown_value(old), shown_value(value)))
        return await self.guild_settings(guild_id)

    async def settings_audit(self, guild_id: str, limit: int = 20) -> list[AuditEntry]:
        return [a for a in reversed(self._audit) if a.guild_id == guild_id][:limit]

    async def record_event(self, event: AnalyticsEvent) -> None:
        self._events.append(event)

    async def trending(self, guild_id: str, since: float) -> Trending:
        return trending(self._events, ((at, f) for _, at, f in self._feedback), guild_id, since, 5)

    async def likes_since(self, after: int, limit: int) -> list[LikeSignal]:
        return [
            LikeSignal(i, f.user_id, f.kind, f.track_id)
            for i, _, f in self._feedback
            if i > after and f.kind in LIKE_KINDS and f.track_id
        ][:limit]

    async def analytics(self, since: float, until: float) -> AnalyticsReport:
        return report(self._events, since, until)

    async def flush(self) -> None:
        return None

    async def close(self) -> None:
        self.closed = True
