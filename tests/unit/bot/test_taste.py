"""/taste without Discord: which artists two members share, from their stored likes."""

from __future__ import annotations

from typing import Literal

from segue.bot.taste import TasteReader
from segue.domain import Feedback
from segue.state import MemoryStateStore
from support.bot import make_service
from support.catalog import FakeCatalog


def track_of(catalog: FakeCatalog, title: str) -> str:
    return next(t.id for t in catalog.tracks if t.title == title)


async def rate(
    state: MemoryStateStore, catalog: FakeCatalog, user: str, kind: Literal["like", "dislike"], title: str
) -> None:
    track = catalog.track(catalog.track_index(track_of(catalog, title)) or 0)
    await state.apply_feedback(Feedback(user, kind, track.id, track.artist_ids[0]))


async def test_shared_artists_are_the_ones_both_members_liked() -> None:
    """Bob liked Volt, Alice liked Pulse and disliked Circuit: 'Artists you share' listed all three and Neon."""
    catalog, state = FakeCatalog.build(), MemoryStateStore()
    reader = TasteReader(make_service(catalog), state)
    await rate(state, catalog, "bob", "like", "Volt Song 0")
    await rate(state, catalog, "alice", "like", "Pulse Song 1")
    await rate(state, catalog, "alice", "dislike", "Circuit Song 0")
    apart = await reader.compare("bob", "alice")
    assert apart.score > 0  # their neighbourhoods still meet: the same scene
    assert apart.shared == ()
    await rate(state, catalog, "alice", "like", "Volt Song 2")
    await rate(state, catalog, "bob", "like", "Circuit Song 1")
    met = await reader.compare("bob", "alice")
    assert met.shared == ("Volt",)
