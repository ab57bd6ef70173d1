"""Community learning on the request path: following the like feed, and blending picks into /discover."""

from __future__ import annotations

import asyncio

from segue.domain import Answer, Feedback, Query
from segue.engine.community import REASON, Community, blend_in
from segue.state import MemoryStateStore
from support.bot import make_service
from support.catalog import FakeCatalog


async def like(state: MemoryStateStore, user: str, *tracks: str) -> None:
    for track in tracks:
        await state.apply_feedback(Feedback(user, "like", track_id=track))


async def test_the_feed_is_followed_once_even_by_overlapping_readers() -> None:
    state = MemoryStateStore()
    await like(state, "a", "t0", "t1")
    await like(state, "b", "t0", "t1", "t2")
    community = Community(state, batch=2)
    await asyncio.gather(community.drain(), community.drain(), community.refresh(force=True))
    related = dict(community.model.related(["t0"], 5))
    assert related["t1"] > related["t2"]  # two members liked t0 with t1, one with t2
    assert community.model.related(["t0"], 5) == community.model.related(["t0"], 5)
    await state.apply_feedback(Feedback("b", "dislike", track_id="t2"))
    assert await community.refresh() == 0  # not due yet: a request never waits on the feed twice in max_age
    assert await community.refresh(force=True) == 1
    assert "t2" not in dict(community.model.related(["t0"], 5))


async def test_blend_alternates_picks_in_without_repeating_an_artist_or_growing() -> None:
    catalog = FakeCatalog.build()
    service = make_service(catalog)
    engine = await service.discover(liked_track_ids=["t0"], count=4)
    shown_artists = {r.track.artist_ids[0] for r in engine.results}
    one_each = {t.artist_ids[0]: t.id for t in reversed(catalog.tracks) if t.artist_ids[0] not in shown_artists}
    far = sorted(one_each.values(), key=lambda tid: catalog.track_index(tid) or 0)[:3]  # three other artists
    same_artist = next(t.id for t in catalog.tracks if t.artist_ids[0] == engine.results[0].track.artist_ids[0])
    blocked = catalog.track(catalog.track_index(far[1]) or 0).artist_ids[0]
    blended = blend_in(engine, [same_artist, far[0], far[1], far[2]], catalog, blocked_artists=[blocked])
    assert len(blended.results) == len(engine.results)
    sources = [r.source for r in blended.results]
    assert sources[0] == "community"
    assert sources[1] == "local"
    picked = [r.track.id for r in blended.results if r.source == "community"]
    assert same_artist not in picked  # the engine already shows that artist
    assert far[1] not in picked  # blocked artist
    assert picked[0] == far[0]
    assert blended.results[0].reasons == (REASON,)
    assert blend_in(Answer(query=Query(), results=()), far, catalog).results == ()


async def test_a_rebuild_drops_members_deleted_through_another_shard() -> None:
    state = MemoryStateStore()
    await like(state, "a", "t0", "t1")
    this_shard = Community(state)
    await this_shard.drain()
    await state.delete_user("a")  # asked on another shard: this one only learns it from the log
    assert this_shard.suggest(["t0"], 5) == ("t1",)
    assert await this_shard.rebuild() == 0
    assert this_shard.suggest(["t0"], 5) == ()
