"""Community learning on the request path: every shard follows the shared feedback log into its own `CoLikes`, and
/discover widens a member's likes with the tracks other members liked alongside them.

The log is read in commit order from the last id seen, at most `batch` rows per refresh and only when the last
refresh is older than `max_age`, so a request never waits on more than one small indexed read. A privacy delete
is applied at once in the process that ran it; other shards drop the member when they next `rebuild`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from segue.cf.colikes import CoLikes
from segue.domain import Answer, Reason, Recommendation
from segue.engine.protocols import CatalogView
from segue.providers.links import track_links
from segue.state import StateStore

BATCH = 5_000
MAX_AGE = 5.0
"""Seconds a shard's view of the community may lag behind the log."""
REBUILD_EVERY = 3600.0
"""Seconds between rebuilds from the log, the bound on how long another shard keeps a deleted member's likes."""
REASON = Reason("community", "liked by members who like what you like")


class Community:
    """A `CoLikes` kept in step with the store's like feed."""

    def __init__(
        self,
        state: StateStore,
        *,
        batch: int = BATCH,
        max_age: float = MAX_AGE,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.state = state
        self.batch = batch
        self.max_age = max_age
        self._clock = clock
        self.model = CoLikes()
        self.last_id = 0
        self._refreshed = float("-inf")
        self._reading = asyncio.Lock()
        """One reader at a time: two overlapping reads from the same id would count those likes twice."""

    async def refresh(self, *, force: bool = False) -> int:
        """Apply the next batch of the feed when due; how many signals were applied."""
        if not force and self._clock() - self._refreshed < self.max_age:
            return 0
        async with self._reading:
            return await self._read_batch()

    async def _read_batch(self) -> int:
        self._refreshed = self._clock()
        signals = await self.state.likes_since(self.last_id, self.batch)
        for signal in signals:
            if signal.track_id is None:
                continue
            if signal.kind == "like":
                self.model.like(signal.user_id, signal.track_id)
            else:
                self.model.unlike(signal.user_id, signal.track_id)
        if signals:
            self.last_id = signals[-1].id
        return len(signals)

    async def drain(self) -> int:
        """Read the whole feed now (at start-up, and in the evaluation); how many signals were applied."""
        total = 0
        while applied := await self.refresh(force=True):
            total += applied
        return total

    async def rebuild(self) -> int:
        """Start over from the log, aside, then swap (drops members deleted on other shards)."""
        fresh = Community(self.state, batch=self.batch)
        total = await fresh.drain()
        async with self._reading:
            self.model, self.last_id = fresh.model, fresh.last_id
        return total

    async def follow(self, rebuild_every: float = REBUILD_EVERY) -> None:
        """Run for the life of the bot: read what was liked before start, then rebuild every `rebuild_every` s."""
        await self.drain()
        while True:
            await asyncio.sleep(rebuild_every)
            await self.rebuild()

    def forget(self, user_id: str) -> None:
        self.model.forget(user_id)

    def suggest(self, liked: Sequence[str], k: int, *, exclude: Sequence[str] = ()) -> tuple[str, ...]:
        """Up to `k` track ids the community liked alongside `liked`, best first."""
        return tuple(item for item, _ in self.model.related(liked, k, exclude=exclude))


def blend_in(
    answer: Answer, picks: Sequence[str], catalog: CatalogView, *, blocked_artists: Sequence[str] = ()
) -> Answer:
    """The answer with community picks alternated in (a pick first), one track per artist, same length.

    Measured on a HetRec fold (EVALUATION.md, community learning): alternating the two rankings beats either alone,
    while adding the picks to the engine's seeds does worse than the engine by itself.
    """
    size = len(answer.results)
    if not size or not picks:
        return answer
    taken = {a for rec in answer.results for a in rec.track.artist_ids[:1]} | set(blocked_artists)
    shown = {rec.track.id for rec in answer.results}
    own: list[Recommendation] = []
    for track_id in picks:
        index = catalog.track_index(track_id)
        track = None if index is None else catalog.track(index)
        if track is None or track.id in shown or taken.intersection(track.artist_ids):
            continue
        taken.update(track.artist_ids[:1])  # one pick per artist, and none by an artist the engine already shows
        own.append(Recommendation(track, 0.0, (REASON,), track_links(track), source="community"))
    merged = [x for pair in zip(own, answer.results, strict=False) for x in pair]
    merged += own[len(answer.results) :] + list(answer.results[len(own) :])
    return replace(answer, results=tuple(merged[:size]))
