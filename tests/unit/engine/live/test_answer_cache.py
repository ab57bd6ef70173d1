"""Whole-answer caching: equivalent requests share an entry, personal ones never do, sources say `cached`."""

from __future__ import annotations

import json

import pytest

from segue.domain import Answer, EntityRef, Query, Reason, Recommendation
from segue.engine.live.answer_cache import KEYS_KEPT, AnswerCache, decode_recommendation, encode_recommendation
from segue.engine.recommend import Personal, TrackRecommender
from segue.engine.service import RecommendationService
from segue.engine.signals import CatalogSignals
from segue.infra.cache import MemoryCache, Namespace, NamespaceConfig
from segue.providers.links import track_links
from support.catalog import FakeCatalog


class CountingRecommender(TrackRecommender):
    """The real recommender, counting how often it is asked (a cache hit must not ask it)."""

    calls = 0

    def recommend(self, *args: object, **kwargs: object) -> list:  # type: ignore[override]
        CountingRecommender.calls += 1
        return super().recommend(*args, **kwargs)  # type: ignore[arg-type]


class TextParser:
    """Different wordings of one request parse to the same structured query."""

    def __init__(self, query: Query) -> None:
        self.query = query

    def parse(self, text: str) -> Query:
        from dataclasses import replace

        return replace(self.query, text=text)


@pytest.fixture
def setup() -> tuple[FakeCatalog, RecommendationService, AnswerCache]:
    catalog = FakeCatalog.build()
    volt = next(i for i, a in enumerate(catalog.artists) if a.name == "Volt")
    query = Query(seed_artists=(EntityRef(volt, catalog.artists[volt].id, "Volt"),))
    cache = MemoryCache({Namespace.RECOMMENDATIONS: NamespaceConfig(100, 60.0)})
    answers = AnswerCache(cache, catalog_version="v1")
    service = RecommendationService(
        catalog, TextParser(query), CountingRecommender(CatalogSignals(catalog)), answers=answers
    )
    CountingRecommender.calls = 0
    return catalog, service, answers


def test_a_recommendation_round_trips(setup: tuple[FakeCatalog, RecommendationService, AnswerCache]) -> None:
    catalog = setup[0]
    track = catalog.tracks[0]
    facts = {"names": ["Volt"], "share": 0.4}
    reason = Reason("colisten", "shares listeners with Volt", 0.4, facts)
    rec = Recommendation(track, 0.5, (reason,), track_links(track))
    assert decode_recommendation(encode_recommendation(rec)) == rec
    # As JSON too (the Redis layer), and every field of the track, its features and the reason kept.
    again = decode_recommendation(json.loads(json.dumps(encode_recommendation(rec))))
    assert again == rec
    assert again.track.features == track.features
    assert again.reasons[0].facts == facts


async def test_equivalent_requests_share_one_computation(
    setup: tuple[FakeCatalog, RecommendationService, AnswerCache],
) -> None:
    _, service, _ = setup
    first = await service.ask("something like Volt", count=4)
    second = await service.ask("Volt-ish please", count=4)
    assert CountingRecommender.calls == 1
    assert [r.track.id for r in second.results] == [r.track.id for r in first.results]
    assert second.query.text == "Volt-ish please"
    await service.ask("something like Volt", count=3)  # another count is another answer
    assert CountingRecommender.calls == 2


async def test_personal_and_excluding_requests_are_never_cached(
    setup: tuple[FakeCatalog, RecommendationService, AnswerCache],
) -> None:
    _, service, _ = setup
    first = await service.ask("something like Volt", count=4)
    await service.ask("something like Volt", count=4, exclude_track_ids=[first.results[0].track.id])
    await service.ask("something like Volt", count=4, exclude_track_ids=[first.results[0].track.id])
    assert CountingRecommender.calls == 3
    await service.discover(liked_track_ids=["t16"], count=3)
    await service.discover(liked_track_ids=["t16"], count=3)
    assert CountingRecommender.calls == 5


async def test_sources_of_a_cached_answer_say_cached_and_degraded_answers_are_not_kept(
    setup: tuple[FakeCatalog, RecommendationService, AnswerCache],
) -> None:
    catalog, _, answers = setup
    rec = Recommendation(catalog.tracks[0], 1.0, (), track_links(catalog.tracks[0]), source="lastfm+local")
    query = Query(text="x", genres=("house",))
    await answers.put(Answer(query, (rec,), sources={"lastfm": "ok", "spotify": "disabled"}), 5)
    hit = await answers.get(query, 5)
    assert hit is not None
    assert hit.sources == {"lastfm": "cached", "spotify": "disabled"}
    assert hit.results[0].source == "lastfm+local"
    outage = Query(text="y", genres=("folk",))
    await answers.put(Answer(outage, (rec,), sources={"lastfm": "timeout"}, degraded=True), 5)
    assert await answers.get(outage, 5) is None


async def test_members_without_likes_share_the_cached_answer(
    setup: tuple[FakeCatalog, RecommendationService, AnswerCache],
) -> None:
    """Issue 7.7: the bot always passes a `Personal` (dislikes, blocks); one with no likes must still hit."""
    catalog, service, _ = setup
    first = await service.ask("something like Volt", count=4, personal=Personal())
    again = await service.ask("something like Volt", count=4, personal=Personal())
    assert CountingRecommender.calls == 1
    assert [r.track.id for r in again.results] == [r.track.id for r in first.results]
    shown = {r.track.id for r in first.results}
    elsewhere = next(i for i, t in enumerate(catalog.tracks) if t.id not in shown)
    unrelated = Personal(disliked_tracks=(elsewhere,))
    await service.ask("something like Volt", count=4, personal=unrelated)
    assert CountingRecommender.calls == 1  # their dislike is not in the shared answer: it serves them as is


async def test_an_exclusion_that_hits_the_shared_answer_is_computed_and_not_shared(
    setup: tuple[FakeCatalog, RecommendationService, AnswerCache],
) -> None:
    catalog, service, _ = setup
    first = await service.ask("something like Volt", count=4)
    top = catalog.track_index(first.results[0].track.id)
    assert top is not None
    theirs = await service.ask("something like Volt", count=4, personal=Personal(disliked_tracks=(top,)))
    assert CountingRecommender.calls == 2
    assert first.results[0].track.id not in {r.track.id for r in theirs.results}
    blocked = catalog.artist_index(first.results[0].track.artist_ids[0])
    assert blocked is not None
    without = await service.ask("something like Volt", count=4, personal=Personal(blocked_artists=(blocked,)))
    assert first.results[0].track.artist_ids[0] not in {a for r in without.results for a in r.track.artist_ids}
    everyone = await service.ask("something like Volt", count=4)
    assert CountingRecommender.calls == 3
    assert [r.track.id for r in everyone.results] == [r.track.id for r in first.results]
    await service.ask("something like Volt", count=4, personal=Personal(liked_tracks=(top,)))
    assert CountingRecommender.calls == 4  # likes steer the ranking: never from the shared answer


def test_a_kept_key_is_the_key_computed_afresh() -> None:
    """`key` keeps recent requests' keys by object; a kept key must be the one a fresh computation gives, for the
    same object, an equal one, another count, and after older entries were evicted."""
    cache = MemoryCache({Namespace.RECOMMENDATIONS: NamespaceConfig(100, 60.0)})
    answers, fresh = AnswerCache(cache, catalog_version="v1"), AnswerCache(cache, catalog_version="v1")
    queries = [Query(genres=(f"genre {i}",), moods=("chill",)) for i in range(KEYS_KEPT + 10)]
    first = [answers.key(q, 10) for q in queries]
    again = [answers.key(q, 10) for q in queries]
    assert again == first == [AnswerCache(cache, catalog_version="v1").key(q, 10) for q in queries]
    assert len(set(first)) == len(queries)
    assert answers.key(queries[-1], 5) == fresh.key(queries[-1], 5) != first[-1]
    assert answers.key(Query(genres=("genre 0",), moods=("chill",)), 10) == first[0]
