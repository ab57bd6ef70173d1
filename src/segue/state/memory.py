"""The process-local `StateStore`: dicts plus a bounded LRU of saved answers. Lost on exit (flush is a no-op).

Kept as the fast test double and for one-off commands; the bot runs on `SqlStateStore` (SQLite by default).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from segue.domain import Feedback
from segue.state.model import (
    HISTORY_MAX,
    SAVED_ANSWERS_MAX,
    SavedAnswer,
    UserProfile,
    answer_json,
    apply_feedback,
    profile_json,
)


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
        self.closed = False

    @property
    def healthy(self) -> bool:
        return not self.closed

    async def profile(self, user_id: str) -> UserProfile:
        return self._profiles.get(user_id) or UserProfile(user_id=user_id)

    async def apply_feedback(self, feedback: Feedback) -> UserProfile:
        updated = apply_feedback(await self.profile(feedback.user_id), feedback)
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
        return {"user_id": user_id, "profile": profile_json(await self.profile(user_id)), "saved_answers": answers}

    async def delete_user(self, user_id: str) -> None:
        self._profiles.pop(user_id, None)
        self._shown_at.pop(user_id, None)
        for key in [k for k, a in self._answers.items() if a.user_id == user_id]:
            del self._answers[key]

    async def flush(self) -> None:
        return None

    async def close(self) -> None:
        self.closed = True
