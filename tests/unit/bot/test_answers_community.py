"""/discover with community learning: what other members liked beside your likes comes in, and goes on delete."""

from __future__ import annotations

import pytest

from segue.bot.answers import Answers
from segue.domain import Feedback
from segue.engine.community import Community
from segue.errors import UserInputError
from segue.state import MemoryStateStore
from support.bot import make_service
from support.catalog import FakeCatalog


async def test_discover_blends_in_what_members_with_the_same_likes_liked() -> None:
    catalog = FakeCatalog.build()
    service, state = make_service(catalog, default_count=4), MemoryStateStore()
    answers = Answers(service, state, community=Community(state))
    with pytest.raises(UserInputError):  # nothing liked yet: a private how-to, no answer
        await answers.discover("alice", count=4)
    await state.apply_feedback(Feedback("alice", "like", track_id="t0"))
    engine_only = await Answers(service, MemoryStateStore()).service.discover(liked_track_ids=["t0"], count=4)
    shown = {r.track.artist_ids[0] for r in engine_only.results} | {"a0"}
    elsewhere = next(t.id for t in reversed(catalog.tracks) if t.artist_ids and t.artist_ids[0] not in shown)
    for track in ("t0", elsewhere):
        await state.apply_feedback(Feedback("bob", "like", track_id=track))
    found = await answers.discover("alice", count=4)
    picks = [r.track.id for r in found.answer.results if r.source == "community"]
    assert picks == [elsewhere]
    assert len(found.answer.results) == 4
    await state.apply_feedback(Feedback("carol", "like", track_id="t0"))
    await answers.forget("bob")  # carol asks after bob deleted his data: nothing of his may come back
    after = await answers.discover("carol", count=4)
    assert all(r.source != "community" for r in after.answer.results)
    assert len(after.answer.results) == 4
