"""Whole answers cached per normalized request: the `recommendations` cache namespace.

The key is the *interpretation* of a request, not its wording, so "chill like Daft Punk" and "Daft Punk but chill"
share one entry; it is scoped by the catalog build so a rebuilt catalog never serves old answers. Only answers that
depend on nothing personal (no likes, no exclusions) and that were not degraded are stored: a fallback answer must
not outlive the outage that caused it. Values are plain JSON so the Redis layer can share them across shards.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from typing import Any

from segue.domain import Answer, AudioFeatures, Links, Query, Reason, Recommendation, Track
from segue.infra.cache import MISS, NOT_FOUND, Cache, Namespace, cache_key

CACHED = "cached"
KEYS_KEPT = 64
"""Recent requests whose cache key is kept: a request asks for its key on `get` and again on `put`, with other
requests' look-ups in between while its engine call runs."""


_FIELDS = {cls: tuple(f.name for f in fields(cls)) for cls in (Track, Links, Reason)}


def _plain(value: Track | Links | Reason) -> dict[str, Any]:
    return {name: getattr(value, name) for name in _FIELDS[type(value)]}


def encode_recommendation(rec: Recommendation) -> dict[str, Any]:
    """A JSON-safe dict of one recommendation (round-trips through `decode_recommendation`).

    Built field by field: `dataclasses.asdict` deep-copies every value, which cost more per answer than reading the
    request (BENCHMARKS.md, issue 14). Values are immutable (tuples, numbers, text) but a reason's `facts`, which
    nothing changes once the reason is made.
    """
    track = _plain(rec.track)
    track["features"] = rec.track.features.to_dict()
    return {"track": track, "score": rec.score, "reasons": [_plain(r) for r in rec.reasons],
            "links": _plain(rec.links), "source": rec.source}  # fmt: skip


def decode_recommendation(raw: dict[str, Any]) -> Recommendation:
    """Rebuild a recommendation from `encode_recommendation`'s dict."""
    track = dict(raw["track"])
    track["features"] = AudioFeatures(**track["features"])
    for name in ("artists", "artist_ids", "genres"):
        track[name] = tuple(track[name])
    return Recommendation(
        track=Track(**track),
        score=float(raw["score"]),
        reasons=tuple(Reason(**r) for r in raw["reasons"]),
        links=Links(**raw["links"]),
        source=str(raw["source"]),
    )


class AnswerCache:
    """Get and put whole answers in the shared tiered cache."""

    def __init__(self, cache: Cache, *, catalog_version: str) -> None:
        self.cache = cache
        self.catalog_version = catalog_version
        self._keys: dict[int, tuple[Query, int, str]] = {}

    def key(self, query: Query, count: int) -> str:
        """The entry's key; the same query object asks twice (get, then put), and its interpretation's JSON was
        ~1.5% of the bot's loop per /recommend each time (BENCHMARKS.md, issue 14)."""
        kept = self._keys.get(id(query))
        if kept is not None and kept[0] is query and kept[1] == count:  # the entry holds the query: its id is its own
            return kept[2]
        interpretation = json.dumps(query.interpretation(), sort_keys=True, ensure_ascii=False)
        digest = hashlib.blake2b(interpretation.encode(), digest_size=12).hexdigest()
        key = cache_key("answers", self.catalog_version, "recommend", digest, count=count)
        if len(self._keys) >= KEYS_KEPT:
            del self._keys[next(iter(self._keys))]
        self._keys[id(query)] = (query, count, key)
        return key

    async def get(self, query: Query, count: int) -> Answer | None:
        """The stored answer for this request, its sources marked `cached` (they were not asked this time)."""
        raw = await self.cache.get(Namespace.RECOMMENDATIONS, self.key(query, count))
        if raw is MISS or raw is NOT_FOUND or not isinstance(raw, dict):
            return None
        return Answer(
            query=query,
            results=tuple(decode_recommendation(r) for r in raw["results"]),
            notes=tuple(raw["notes"]),
            sources={
                name: CACHED if outcome in {"ok", CACHED} else outcome for name, outcome in raw["sources"].items()
            },
            degraded=False,
        )

    async def put(self, answer: Answer, count: int) -> None:
        """Store a complete, non-degraded answer."""
        if answer.degraded or not answer.results:
            return
        value = {
            "results": [encode_recommendation(r) for r in answer.results],
            "notes": list(answer.notes),
            "sources": dict(answer.sources),
        }
        await self.cache.set(Namespace.RECOMMENDATIONS, self.key(answer.query, count), value)
