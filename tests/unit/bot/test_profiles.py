"""/profile's logic without Discord: name and country checks, partial updates, likes and blocks taken back,
playlists, and the stored preferences used as defaults by /recommend and /discover."""

from __future__ import annotations

import json
from collections.abc import Awaitable
from typing import Any

import pytest

from segue.bot.answers import Answers
from segue.bot.profiles import NO_LIKES, Profiles, check_country, check_lastfm_name
from segue.domain import Answer, Feedback, Novelty, Query
from segue.errors import UserInputError
from segue.state import MemoryStateStore
from segue.state.records import UserPrefs
from support.bot import make_service


@pytest.mark.parametrize("name", ["rj", "RJ_2", "a-b_c", "Listener123456x", "  padded  "])
def test_lastfm_names_by_lastfms_rule(name: str) -> None:
    assert check_lastfm_name(name) == name.strip()


@pytest.mark.parametrize("name", ["a", "1abc", "_abc", "toolongname12345", "has space", "ünï", "x@y", "<@123>", ""])
def test_bad_lastfm_names_get_a_friendly_message(name: str) -> None:
    with pytest.raises(UserInputError) as info:
        check_lastfm_name(name)
    assert "Last.fm user name" in info.value.user_message


def test_country_codes() -> None:
    assert check_country("gb") == "GB"
    assert check_country(" BR ") == "BR"
    for bad in ("UK", "XX", "USA", "1", ""):
        with pytest.raises(UserInputError) as info:
            check_country(bad)
        assert "two-letter code" in info.value.user_message


@pytest.fixture
def state() -> MemoryStateStore:
    return MemoryStateStore()


@pytest.fixture
def profiles(state: MemoryStateStore) -> Profiles:
    return Profiles(make_service(), state)


async def test_update_changes_only_what_was_given_and_checks_everything_first(
    profiles: Profiles, state: MemoryStateStore
) -> None:
    await profiles.update("u", novelty="adventurous", language=None, country="de")
    await profiles.update("u", novelty=None, language="fr", country=None)
    assert await state.prefs("u") == UserPrefs("u", novelty="adventurous", language="fr", country="DE")
    with pytest.raises(UserInputError):
        await profiles.update("u", novelty="familiar", language=None, country="ZZ")  # the country is bad...
    assert (await state.prefs("u")).novelty == "adventurous"  # ...so the novelty was not written either
    with pytest.raises(UserInputError):
        await profiles.update("u", novelty="wild", language=None, country=None)
    with pytest.raises(UserInputError) as info:
        await profiles.update("u", novelty=None, language=None, country=None)
    assert "Tell me what to change" in info.value.user_message


async def test_update_sets_whether_others_may_use_the_taste_alone(profiles: Profiles, state: MemoryStateStore) -> None:
    await profiles.update("u", novelty="familiar", language=None, country=None)
    prefs = await profiles.update("u", novelty=None, language=None, country=None, share_taste=False)
    assert prefs == await state.prefs("u") == UserPrefs("u", novelty="familiar", share_taste=False)
    await profiles.update("u", novelty=None, language="de", country=None)
    assert (await state.prefs("u")).share_taste is False
    with pytest.raises(UserInputError):
        await profiles.update("u", novelty=None, language=None, country="ZZ", share_taste=True)
    assert (await state.prefs("u")).share_taste is False


async def test_lastfm_link_and_unlink(profiles: Profiles, state: MemoryStateStore) -> None:
    await profiles.update("u", novelty="familiar", language=None, country=None)
    await profiles.link_lastfm("u", " rj ")
    assert (await state.prefs("u")).lastfm_user == "rj"
    with pytest.raises(UserInputError):
        await profiles.link_lastfm("u", "not a name")
    assert (await state.prefs("u")).lastfm_user == "rj"
    assert await profiles.unlink_lastfm("u") == "rj"
    assert await profiles.unlink_lastfm("u") is None
    assert await state.prefs("u") == UserPrefs("u", novelty="familiar")


async def refused(work: Awaitable[object]) -> str:
    """The words a member would read for a refused request."""
    with pytest.raises(UserInputError) as info:
        await work
    return info.value.user_message


async def like(state: MemoryStateStore, user: str, *tracks: str) -> None:
    for track in tracks:
        await state.apply_feedback(Feedback(user, "like", track_id=track, artist_id="a0"))


async def test_summary_names_likes_newest_first_and_blocked_artists(
    profiles: Profiles, state: MemoryStateStore
) -> None:
    await like(state, "u", "t0", "t5", "gone")
    await state.apply_feedback(Feedback("u", "dislike", track_id="t9"))
    await state.record_answer("u", ["t12"])  # Neon Song 0: the block is given under a shown track
    await state.apply_feedback(Feedback("u", "block_artist", artist_id="a3", track_id="t12"))
    summary = await profiles.summary("u")
    assert (summary.likes, summary.dislikes, summary.blocks) == (3, 1, 1)
    assert summary.latest_likes == ("Pulse Song 1 — Pulse", "Volt Song 0 — Volt")  # 'gone' left the catalog
    assert summary.blocked == ("Neon",)


async def test_unlike_and_unblock_touch_only_the_members_own_data(profiles: Profiles, state: MemoryStateStore) -> None:
    await like(state, "u", "t0", "t5")
    await like(state, "other", "t0")
    await state.record_answer("u", ["t12"])
    await state.apply_feedback(Feedback("u", "block_artist", artist_id="a3", track_id="t12"))
    assert [v for _, v in await profiles.like_choices("u", "pulse")] == ["t5"]
    assert [n for n, _ in await profiles.block_choices("u", "")] == ["Neon"]
    assert await profiles.unlike("u", "t0") == "Volt Song 0 - Volt"
    assert await profiles.unlike("u", "pulse song 1 - pulse") == "Pulse Song 1 - Pulse"  # typed, not picked
    assert (await state.profile("u")).liked_tracks == ()
    assert (await state.profile("other")).liked_tracks == ("t0",)
    assert "isn't in your likes" in await refused(profiles.unlike("u", "t0"))
    assert "isn't in your likes" in await refused(profiles.unlike("other", "t5"))  # not yours to remove
    assert await profiles.unblock("u", "a3") == "Neon"
    assert (await state.profile("u")).blocked_artists == ()
    assert "blocked list" in await refused(profiles.unblock("u", "a3"))


async def test_playlist_of_likes_and_none_without(profiles: Profiles, state: MemoryStateStore) -> None:
    assert await profiles.playlist("u", "jspf", creator="alice") is None
    assert "liked any tracks" in NO_LIKES
    await like(state, "u", "t0", "t5")
    made = await profiles.playlist("u", "jspf", creator="alice")
    assert made is not None
    name, data, count = made
    assert (name, count) == ("segue-likes.jspf", 2)
    tracks = json.loads(data)["playlist"]["track"]
    assert [t["title"] for t in tracks] == ["Volt Song 0", "Pulse Song 1"]  # in the order they were liked


class Spy:
    """The service, recording what /discover and /recommend were asked."""

    def __init__(self) -> None:
        self.inner = make_service()
        self.calls: list[dict[str, Any]] = []
        self.queries: list[Query] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def recommend(self, query: Query, **kwargs: Any) -> Answer:
        self.queries.append(query)
        return await self.inner.recommend(query, **kwargs)

    async def discover(self, **kwargs: Any) -> Answer:
        self.calls.append(kwargs)
        return await self.inner.discover(**kwargs)


async def test_stored_preferences_are_the_defaults_for_recommend_and_discover(state: MemoryStateStore) -> None:
    spy = Spy()
    answers = Answers(spy, state)  # type: ignore[arg-type]
    await state.set_prefs(UserPrefs("u", novelty="adventurous", lastfm_user="rj"))
    await answers.answer("u", Query(text="x"), prefer=True)
    await answers.answer("u", Query(text="x", novelty=Novelty.FAMILIAR), prefer=True)  # what was asked wins
    await answers.answer("nobody", Query(text="x"), prefer=True)
    await answers.answer("u", Query(text="x"))  # a button's follow-up: the query as it was saved
    assert [q.novelty for q in spy.queries] == [Novelty.DEEP, Novelty.FAMILIAR, Novelty.BALANCED, Novelty.BALANCED]
    await answers.discover("u")
    await answers.discover("u", novelty=Novelty.FAMILIAR, lastfm_user="someone")
    with pytest.raises(UserInputError):  # nothing liked, nothing linked: a how-to, not a discovery
        await answers.discover("nobody")
    picked = [(c["novelty"], c["lastfm_user"]) for c in spy.calls]
    assert picked == [(Novelty.DEEP, "rj"), (Novelty.FAMILIAR, "someone")]
