"""Scripted in-process live sources for hub, fusion and service tests that need exact answers and failures but
no HTTP (the HTTP path is covered against the stand-ins in `support.sources`)."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

STALLED = "stalled"


def scripted(name: str, *capabilities: str, enabled: bool = True, **script: Any) -> Any:
    """A MusicSource named `name` whose answers are scripted: `script[f"{method}:{argument}"]` is a list of items
    (tracks or artists), an exception to raise, or STALLED (wait until cancelled). Unscripted calls find nothing.
    `cached=True` in the script marks every answer as served from the cache."""
    from segue.providers.base import Capability, Fetched, MusicSource

    cached = bool(script.pop("cached", False))
    declared = frozenset(Capability(c) for c in capabilities)

    class Scripted(MusicSource):
        calls: Counter[str]

        def __init__(self) -> None:
            self.calls = Counter()

        @property
        def enabled(self) -> bool:
            return enabled

        async def _answer(self, key: str) -> Any:
            self.calls[key] += 1
            value = script.get(key)
            if value == STALLED:
                await asyncio.Event().wait()
            if isinstance(value, BaseException):
                raise value
            if value is None:
                return Fetched(found=False, cached=cached)
            return Fetched(tuple(value), cached=cached)

        async def similar_artists(self, artist: str, **_: Any) -> Any:
            return await self._answer(f"similar_artists:{artist}")

        async def similar_tracks(self, title: str, artist: str, **_: Any) -> Any:
            return await self._answer(f"similar_tracks:{title}")

        async def artist_radio(self, artist: str, **_: Any) -> Any:
            return await self._answer(f"artist_radio:{artist}")

        async def tag_tracks(self, tag: str, **_: Any) -> Any:
            return await self._answer(f"tag_tracks:{tag}")

        async def user_top_artists(self, user: str, **_: Any) -> Any:
            return await self._answer(f"user_top_artists:{user}")

        async def search_tracks(self, title: str, artist: str, **_: Any) -> Any:
            return await self._answer(f"search_tracks:{title}")

        async def artist_ids(self, artist: str, **_: Any) -> Any:
            return await self._answer(f"artist_ids:{artist}")

        async def find_song(self, title: str, **_: Any) -> Any:
            return await self._answer(f"find_song:{title}")

    Scripted.name = name
    Scripted.capabilities = declared
    return Scripted()
