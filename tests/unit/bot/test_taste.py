"""/taste and /blend without Discord: which artists two members share, from their stored likes, and whose likes
may be read at all."""

from __future__ import annotations

from typing import Literal

import pytest

from segue.bot.taste import Company, TasteReader, check_company
from segue.domain import Feedback
from segue.errors import UserInputError
from segue.state import MemoryStateStore
from segue.state.records import UserPrefs
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


async def test_only_members_here_who_share_their_taste_are_compared_or_blended() -> None:
    state = MemoryStateStore()
    await state.set_prefs(UserPrefs("alice", share_taste=False))
    await state.set_prefs(UserPrefs("bob", share_taste=False))
    await state.set_prefs(UserPrefs("cy", share_taste=True))
    alice, bob, cy, dee = (Company(uid, uid, here=True) for uid in ("alice", "bob", "cy", "dee"))
    await check_company(state, "dee", [cy], blend=False)  # cy said yes, and a member who never chose shares:
    await check_company(state, "cy", [dee, cy], blend=True)
    await check_company(state, "alice", [alice, cy], blend=True)  # her own taste is hers to use
    refusals = {
        (("dee", "alice"), False): "alice keeps their taste private, so I can't compare it with yours.",
        (("dee", "alice", "cy"), True): "alice keeps their taste private, so it stays out of blends.",
        (("dee", "alice", "bob"), True): "alice, bob keep their tastes private, so they stay out of blends.",
        (("bob", "alice", "bob"), True): "alice keeps their taste private, so it stays out of blends.",
    }
    members = {"alice": alice, "bob": bob, "cy": cy, "dee": dee}
    for ((asker, *named), blend), said in refusals.items():
        with pytest.raises(UserInputError) as refused:
            await check_company(state, asker, [members[m] for m in named], blend=blend)
        assert said in refused.value.user_message
    with pytest.raises(UserInputError) as away:  # asked before anyone's preferences are read
        await check_company(state, "dee", [Company("eve", "eve", here=False), alice], blend=True)
    assert away.value.user_message.startswith("Not in this server: eve.")
