"""Where the engine's ranking runs: inline, on a thread pool, or in worker processes (`segue.engine.processes`).

The service asks a `Scoring` for ranked tracks or artists and never knows which kind it holds; the composition root
chooses. Calls carry plain, picklable values (a `Query`, a `Personal`, indices) so a worker process can answer
them with its own engine built from the same catalog.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Protocol, TypeVar

from segue.domain import Query
from segue.engine.recommend import Personal, ScoredArtist, ScoredTrack, TrackRecommender

__all__ = ["LocalScoring", "Scoring"]

T = TypeVar("T")


class Scoring(Protocol):
    """Ranked tracks and artists for the service, computed wherever this scoring runs its engine."""

    async def recommend(
        self, query: Query, *, count: int, personal: Personal | None = None, exclude_tracks: Sequence[int] = ()
    ) -> list[ScoredTrack]:
        """`TrackRecommender.recommend`."""
        ...

    async def similar_artists(self, artist: int, *, count: int) -> list[ScoredArtist]:
        """`TrackRecommender.similar_artists`."""
        ...

    def close(self) -> None:
        """Stop what this scoring started (threads or processes); idempotent."""
        ...


class LocalScoring:
    """The engine of this process: inline (tests, one-off commands) or on `executor`'s threads, so the event loop
    stays free to acknowledge arrivals while numpy releases the GIL for most of the work."""

    def __init__(self, recommender: TrackRecommender, executor: Executor | None = None) -> None:
        self.recommender = recommender
        self.executor = executor

    async def _run(self, work: Callable[[], T]) -> T:
        if self.executor is None:
            return work()
        return await asyncio.get_running_loop().run_in_executor(self.executor, work)

    async def recommend(
        self, query: Query, *, count: int, personal: Personal | None = None, exclude_tracks: Sequence[int] = ()
    ) -> list[ScoredTrack]:
        work = functools.partial(
            self.recommender.recommend, query, count=count, personal=personal, exclude_tracks=exclude_tracks
        )
        return await self._run(work)

    async def similar_artists(self, artist: int, *, count: int) -> list[ScoredArtist]:
        return await self._run(functools.partial(self.recommender.similar_artists, artist, count=count))

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False, cancel_futures=True)
