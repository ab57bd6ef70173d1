"""The bot's use of the service and the state store, without Discord: feedback changes the next answers."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from segue.bot.answers import EXPIRED, NOTHING_TO_DISCOVER_FROM, STALE, Answers, interleave, understood
from segue.bot.followups import FollowUp, Move, Referent, Twist
from segue.domain import Answer, Feedback, Links, Novelty, Query, Recommendation, Track
from segue.errors import UnknownSeedError, UserInputError
from segue.state import MemoryStateStore
from segue.state.records import UserPrefs
from segue.text import song_key
from support.bot import make_service
from support.catalog import FakeCatalog


@pytest.fixture
def catalog() -> FakeCatalog:
    return FakeCatalog.build()


@pytest.fixture
def answers(catalog: FakeCatalog) -> Answers:
    return Answers(make_service(catalog, default_count=3), MemoryStateStore())


def artists_of(reply_tracks: tuple[str, ...], catalog: FakeCatalog) -> set[str]:
    return {catalog.track(catalog.track_index(t) or 0).artists[0] for t in reply_tracks}


async def test_build_query_merges_options_and_resolves_names(answers: Answers) -> None:
    query = answers.build_query(text="chill", artist="Volt", genre="hous", novelty=Novelty.DEEP)
    assert [a.name for a in query.seed_artists] == ["Volt"]
    assert query.genres == ("house",)
    assert query.moods == ("chill",)
    assert query.novelty is Novelty.DEEP
    assert query.text == "chill · Volt · hous"


async def test_build_query_errors_are_friendly(answers: Answers) -> None:
    with pytest.raises(UserInputError) as none:
        answers.build_query()
    assert "at least one of" in none.value.user_message
    with pytest.raises(UnknownSeedError) as unknown:
        answers.build_query(artist="Nobody")
    assert "I don't know the artist 'Nobody'" in unknown.value.user_message
    with pytest.raises(UnknownSeedError) as genre:
        answers.build_query(genre="zydeco")
    assert "I don't know the genre 'zydeco'" in genre.value.user_message
    with pytest.raises(UserInputError) as mood:
        answers.build_query(mood="purple")
    assert "I don't know that mood" in mood.value.user_message
    with pytest.raises(UserInputError) as long:
        answers.parse("x" * 501)
    assert "under 500 characters" in long.value.user_message
    with pytest.raises(UserInputError):
        answers.parse("   ")


async def test_dislike_known_and_block_are_never_shown_again(answers: Answers, catalog: FakeCatalog) -> None:
    query = answers.build_query(genre="metal")
    first = await answers.answer("u1", query, count=3)
    shown = [r.track.id for r in first.answer.results]
    await answers.feedback("u1", "dislike", shown[0])
    await answers.feedback("u1", "known", shown[1])
    blocked = await answers.feedback("u1", "block", shown[2])
    again = await answers.answer("u1", query, count=10)
    ids = {r.track.id for r in again.answer.results}
    assert not ids & set(shown)
    assert blocked.artist_name not in artists_of(tuple(ids), catalog)
    # Someone else still gets them: feedback is per user.
    other = await answers.answer("u2", query, count=3)
    assert [r.track.id for r in other.answer.results] == shown


async def test_an_answer_hands_the_members_choices_it_read_to_heard(answers: Answers) -> None:
    """Whether or not the stored novelty applies, the one row read for taste also gives the member's language to
    `heard` (the bot's Speech then reads it no second time: issue 14)."""
    await answers.state.set_prefs(UserPrefs("u7", language="fr", novelty="adventurous"))
    heard: list[UserPrefs] = []
    answers.heard = heard.append
    query = answers.build_query(genre="metal")
    preferred = await answers.answer("u7", query, count=3, prefer=True)
    assert preferred.answer.query.novelty is Novelty.DEEP  # the stored dial still applies
    await answers.answer("u7", query, count=3)
    assert [p.language for p in heard] == ["fr", "fr"]


async def test_likes_drive_discover_and_are_not_repeated(answers: Answers, catalog: FakeCatalog) -> None:
    with pytest.raises(UserInputError) as nothing_liked:  # a private how-to, not an empty public answer
        await answers.discover("u1")
    assert nothing_liked.value.user_message == NOTHING_TO_DISCOVER_FROM
    folk = next(t.id for t in catalog.tracks if t.artists == ("Willow",))
    done = await answers.feedback("u1", "like", folk)
    assert done.profile.liked_tracks == (folk,)
    found = await answers.discover("u1", count=3)
    assert found.has_results
    assert folk not in {r.track.id for r in found.answer.results}
    assert artists_of(tuple(r.track.id for r in found.answer.results), catalog) <= {
        "Willow",
        "Creek",
        "Meadow",
        "Hollow",
    }
    # Discover skips what it already showed, so asking again brings new music.
    again = await answers.discover("u1", count=3)
    assert not {r.track.id for r in again.answer.results} & {r.track.id for r in found.answer.results}


async def test_like_then_dislike_moves_the_track(answers: Answers) -> None:
    await answers.feedback("u1", "like", "t0")
    done = await answers.feedback("u1", "dislike", "t0")
    assert done.profile.liked_tracks == ()
    assert done.profile.disliked_tracks == ("t0",)


async def test_feedback_on_an_unknown_track_is_a_friendly_error(answers: Answers) -> None:
    with pytest.raises(UserInputError) as err:
        await answers.feedback("u1", "like", "nope")
    assert "can't find that track" in err.value.user_message


async def test_pages_never_repeat_and_end_politely(answers: Answers) -> None:
    first = await answers.answer("u1", answers.build_query(genre="folk"), count=3)
    assert first.key is not None
    seen = {r.track.id for r in first.answer.results}
    page = 1
    while True:
        nxt = await answers.next_page("u1", first.key, page)
        if not nxt.has_results:
            assert "everything" in nxt.answer.notes[0]
            break
        ids = {r.track.id for r in nxt.answer.results}
        assert not ids & seen
        assert nxt.offset == len(seen)
        seen |= ids
        page += 1
    assert page > 1


async def test_pages_never_repeat_a_song_in_another_version(answers: Answers) -> None:
    """'Blister In The Sun' on page 1 came back as 'Blister in the Sun - 2002 Remastered Version' on page 2."""
    first = await answers.answer("u1", answers.build_query(genre="electronic"), count=2)
    assert first.key is not None
    songs = [(r.track.artists[0], song_key(r.track.title)) for r in first.answer.results]
    page = 1
    while (nxt := await answers.next_page("u1", first.key, page)).has_results:
        songs += [(r.track.artists[0], song_key(r.track.title)) for r in nxt.answer.results]
        page += 1
    assert ("Pulse", "pulse song 0") in songs  # the catalog's remaster of it was shown
    assert len(songs) == len(set(songs))


async def test_quick_clicks_on_one_next_page_show_the_page_it_names(answers: Answers) -> None:
    """Three clicks on page 2's button before the first was answered landed on page 4; each shows page 2 now."""
    first = await answers.answer("u1", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    ranked = answers.service.recommend

    async def on_a_thread(query: Query, **options: Any) -> Answer:
        await asyncio.sleep(0)  # the ranking runs off the event loop: the other clicks come in meanwhile
        return await ranked(query, **options)

    answers.service.recommend = on_a_thread  # type: ignore[method-assign]
    clicks = await asyncio.gather(*(answers.next_page("u1", first.key, 1) for _ in range(3)))
    again = await answers.next_page("u1", first.key, 1)
    shown = {tuple(r.track.id for r in c.answer.results) for c in (*clicks, again)}
    assert len(shown) == 1
    assert {(c.page, c.offset, c.key) for c in (*clicks, again)} == {(1, 2, first.key)}
    saved = await answers.state.load_answer(first.key)
    assert saved is not None
    assert saved.page == 1
    profile = await answers.state.profile("u1")
    assert (profile.history, profile.requests) == (saved.shown, 2)  # the first page, then page 2 once
    assert (await answers.next_page("u1", first.key, 2)).offset == 4


async def test_a_page_clicked_again_after_a_restart_shows_its_stored_tracks(answers: Answers) -> None:
    first = await answers.answer("u1", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    made = await answers.next_page("u1", first.key, 1)
    restarted = Answers(answers.service, answers.state)  # nothing kept in the process
    again = await restarted.next_page("u1", first.key, 1)
    assert [r.track.id for r in again.answer.results] == [r.track.id for r in made.answer.results]
    assert (again.page, again.offset) == (1, 2)


async def test_another_members_click_shows_the_page_its_button_names(answers: Answers) -> None:
    """Bob's click on page 2's button, answered after Alice's own made page 2, gave Bob page 3."""
    first = await answers.answer("alice", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    alices = await answers.next_page("alice", first.key, 1)
    bobs = await answers.next_page("bob", first.key, 1)
    assert (bobs.page, bobs.offset) == (1, 2)
    assert bobs.key != first.key
    assert [r.track.id for r in bobs.answer.results] == [r.track.id for r in alices.answer.results]


async def test_deeper_turns_the_novelty_dial(answers: Answers) -> None:
    first = await answers.answer("u1", answers.build_query(genre="electronic"), count=3)
    assert first.key is not None
    deeper = await answers.deeper("u1", first.key)
    assert deeper.answer.query.novelty is Novelty.DEEP
    assert deeper.key is not None
    with pytest.raises(UserInputError) as deep:
        await answers.deeper("u1", deeper.key)
    assert "already deep cuts" in deep.value.user_message


async def test_buttons_of_a_forgotten_answer_say_so(answers: Answers) -> None:
    with pytest.raises(UserInputError) as err:
        await answers.next_page("u1", "0" * 16, 1)
    assert err.value.user_message == EXPIRED


async def test_more_like_seeds_from_the_track(answers: Answers, catalog: FakeCatalog) -> None:
    anvil = next(t.id for t in catalog.tracks if t.artists == ("Anvil",))
    reply = await answers.more_like("u1", anvil, count=3)
    assert [t.id for t in reply.answer.query.seed_tracks] == [anvil]
    assert artists_of(tuple(r.track.id for r in reply.answer.results), catalog) <= {"Anvil", "Forge", "Hammer"}


async def test_blend_interleaves_members_and_names_them(answers: Answers, catalog: FakeCatalog) -> None:
    folk = next(t.id for t in catalog.tracks if t.artists == ("Willow",))
    metal = next(t.id for t in catalog.tracks if t.artists == ("Anvil",))
    await answers.feedback("a", "like", folk)
    await answers.feedback("b", "like", metal)
    reply = await answers.blend("a", [("a", "Ann"), ("b", "Bob"), ("c", "Cy")], count=4)
    assert reply.for_whom is not None
    assert len(reply.for_whom) == len(reply.answer.results) == 4
    assert reply.for_whom[:2] == ("Ann", "Bob")
    assert "No likes yet from Cy" in reply.answer.notes[0]
    with pytest.raises(UserInputError) as size:
        await answers.blend("a", [("a", "Ann"), ("a", "Ann")])
    assert "2 to 5 different members" in size.value.user_message
    nobody = await answers.blend("c", [("c", "Cy"), ("d", "Di")])
    assert not nobody.has_results
    assert "None of you" in nobody.answer.notes[0]


async def test_blend_respects_everyones_blocks(answers: Answers, catalog: FakeCatalog) -> None:
    folk = [t.id for t in catalog.tracks if t.artists == ("Willow",)]
    await answers.feedback("a", "like", folk[0])
    await answers.feedback("b", "like", folk[1])
    creek = next(t.id for t in catalog.tracks if t.artists == ("Creek",))
    await answers.feedback("b", "block", creek)
    reply = await answers.blend("a", [("a", "Ann"), ("b", "Bob")], count=6)
    assert "Creek" not in artists_of(tuple(r.track.id for r in reply.answer.results), catalog)


def test_interleave_credits_shared_picks() -> None:
    def rec(tid: str) -> Recommendation:
        return Recommendation(Track(id=tid, title=tid, artists=("x",), artist_ids=("a",)), 1.0, (), Links())

    picks, who = interleave([("Ann", [rec("1"), rec("2")]), ("Bob", [rec("2"), rec("3")])], 3)
    assert [p.track.id for p in picks] == ["1", "2", "3"]
    assert who == ["Ann", "Ann & Bob", "Bob"]


def test_understood() -> None:
    assert not understood(Query(text="hello"))
    assert understood(Query(moods=("chill",)))
    assert understood(Query(year_min=1990))


async def test_discover_passes_a_linked_lastfm_user_to_the_service(catalog: FakeCatalog) -> None:
    """`/discover lastfm-user:` reaches the service (which asks Last.fm for that user's top artists)."""
    seen: list[str | None] = []
    service = make_service(catalog)
    inner = service.discover

    async def spy(**kwargs: object) -> object:
        seen.append(kwargs.get("lastfm_user"))  # type: ignore[arg-type]
        return await inner(**kwargs)  # type: ignore[arg-type]

    service.discover = spy  # type: ignore[method-assign,assignment]
    answers = Answers(service, MemoryStateStore())
    reply = await answers.discover("u9", lastfm_user="rj")
    assert seen == ["rj"]
    assert not reply.has_results  # no Last.fm configured and no likes yet: the friendly note, not an error


async def test_another_members_page_click_never_moves_the_owners_answer(answers: Answers) -> None:
    """Issue 7.1: Bob clicking Alice's "Next page" gets his own copy; Alice's saved answer is untouched."""
    first = await answers.answer("alice", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    before = await answers.state.load_answer(first.key)
    bobs = await answers.next_page("bob", first.key, 1)
    assert bobs.has_results
    assert bobs.key is not None
    assert bobs.key != first.key
    assert bobs.owner == "bob"
    assert await answers.state.load_answer(first.key) == before
    fork = await answers.state.load_answer(bobs.key)
    assert fork is not None
    assert (fork.user_id, fork.page) == ("bob", 1)
    assert before is not None
    assert (await answers.state.profile("alice")).history == before.shown
    alices = await answers.next_page("alice", first.key, 1)
    assert alices.page == 1
    assert alices.key == first.key


async def test_forged_or_stale_page_ids_are_refused_before_anything_changes(answers: Answers) -> None:
    first = await answers.answer("alice", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    before = await answers.state.load_answer(first.key)
    for user, key, page in (
        ("alice", first.key, 99),  # a forged jump far ahead
        ("bob", first.key, 99),
        ("alice", first.key, 0),
        ("alice", first.key, 100),
        ("alice", first.key, -1),
        ("alice", "../../etc/passwd", 1),
        ("alice", first.key.upper(), 1),
    ):
        with pytest.raises(UserInputError) as err:
            await answers.next_page(user, key, page)
        assert err.value.user_message == STALE, (user, key, page)
    assert await answers.state.load_answer(first.key) == before
    assert (await answers.state.profile("bob")).requests == 0


async def test_discover_does_not_repeat_what_it_showed_within_the_window(catalog: FakeCatalog) -> None:
    """Issue 10: a track is not shown to the same member again within SEGUE_REPEAT_WINDOW_DAYS."""
    now = [1_000_000.0]
    state = MemoryStateStore(clock=lambda: now[0])
    answers = Answers(make_service(catalog, default_count=3), state, repeat_window=3600.0, clock=lambda: now[0])
    seed = next(t.id for t in catalog.tracks if t.artists == ("Volt",))
    await state.apply_feedback(Feedback("u1", "like", track_id=seed))
    first = await answers.discover("u1", count=3)
    shown = {r.track.id for r in first.answer.results}
    assert shown
    second = await answers.discover("u1", count=3)
    assert not shown & {r.track.id for r in second.answer.results}
    now[0] += 7200.0  # the window has passed: nothing is held back by it any more
    assert await state.shown_since("u1", now[0] - 3600.0) == frozenset()


async def test_a_follow_up_pages_as_the_button_does(answers: Answers) -> None:
    first = await answers.answer("alice", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    nxt, language = await answers.follow("alice", Referent(first.key, 0), FollowUp(Move.PAGE))
    assert (nxt.page, nxt.offset, nxt.key, language) == (1, 2, first.key, "en")
    latest, _ = await answers.follow("alice", Referent(first.key), FollowUp(Move.PAGE))  # no page known: the latest
    assert latest.page == 2
    bobs, _ = await answers.follow("bob", Referent(first.key, 0), FollowUp(Move.PAGE))  # a copy of his own
    assert bobs.key != first.key
    assert [r.track.id for r in bobs.answer.results] == [r.track.id for r in nxt.answer.results]


async def test_a_follow_up_naming_a_track_is_more_like_it(answers: Answers) -> None:
    first = await answers.answer("alice", answers.build_query(genre="metal"), count=3)
    assert first.key is not None
    second = first.answer.results[1].track
    more, _ = await answers.follow("bob", Referent(first.key, 0), FollowUp(Move.PICK, position=2))
    assert [t.id for t in more.answer.query.seed_tracks] == [second.id]
    assert more.title == "More like this"


async def test_a_twist_asks_the_stored_request_again_twisted_for_new_music(answers: Answers) -> None:
    first = await answers.answer("alice", answers.parse("algo de folk 70s"), count=3)  # Spanish, says the fake parser
    assert first.key is not None
    deeper, language = await answers.follow(
        "alice", Referent(first.key, 0), FollowUp(Move.TWIST, twists=(Twist.LESS_POPULAR,))
    )
    assert language == "es"
    assert deeper.title == "Less mainstream"
    assert deeper.answer.query.novelty is Novelty.DEEP
    assert deeper.answer.query.genres == ("folk",)
    assert deeper.answer.results
    assert not {r.track.id for r in deeper.answer.results} & {r.track.id for r in first.answer.results}
    older, _ = await answers.follow("alice", Referent(first.key, 0), FollowUp(Move.TWIST, twists=(Twist.OLDER,)))
    assert (older.answer.query.year_min, older.answer.query.year_max) == (1960, 1969)
    assert older.title == "Older"
    assert older.key is not None  # its own buttons go on from the twisted request
    saved = await answers.saved(older.key)
    assert (saved.query.year_min, saved.query.genres) == (1960, ("folk",))


async def test_forgetting_a_member_forgets_where_their_answers_are(answers: Answers) -> None:
    first = await answers.answer("alice", answers.build_query(genre="folk"), count=2)
    assert first.key is not None
    answers.recent.remember("alice", 1, Referent(first.key, 0), message_id=10)
    await answers.forget("alice")
    assert answers.recent.latest("alice", 1) is None
    assert answers.recent.shown_in(10) is None


async def test_a_twist_on_an_answer_to_no_request_is_music_like_its_songs(answers: Answers) -> None:
    """/discover reads no request: 'older' twisted its empty reading into 'Tell me an artist...' and no songs."""
    await answers.feedback("alice", "like", "t0")
    found = await answers.discover("alice")
    assert found.key is not None
    calmer, _ = await answers.follow("alice", Referent(found.key, 0), FollowUp(Move.TWIST, twists=(Twist.CALMER,)))
    assert [t.id for t in calmer.answer.query.seed_tracks] == [r.track.id for r in found.answer.results]
    assert calmer.answer.query.moods == ("calm",)
    assert calmer.answer.results
    assert not calmer.answer.notes  # no 'I took X to be the song by Y': the songs are named with their acts
