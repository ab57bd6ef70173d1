"""The in-memory StateStore: feedback rules, bounded history and saved answers, the query codec."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from segue.domain import EntityRef, FeatureRange, Feedback, Novelty, Query
from segue.state import MemoryStateStore, SavedAnswer, answer_key, decode_query, encode_query


async def test_feedback_rules() -> None:
    store = MemoryStateStore()
    await store.apply_feedback(Feedback("u", "like", track_id="t1"))
    await store.apply_feedback(Feedback("u", "known", track_id="t1"))
    profile = await store.apply_feedback(Feedback("u", "block_artist", artist_id="a1"))
    assert profile.liked_tracks == ("t1",)
    assert profile.known_tracks == ("t1",)
    assert profile.blocked_artists == ("a1",)
    assert profile.feedback == 3
    profile = await store.apply_feedback(Feedback("u", "dislike", track_id="t1"))
    assert profile.liked_tracks == ()
    assert profile.disliked_tracks == ("t1",)
    assert (await store.profile("other")).liked_tracks == ()


async def test_history_is_bounded_newest_last_and_counts_requests() -> None:
    store = MemoryStateStore(history_max=5)
    await store.record_answer("u", ["a", "b", "c"])
    await store.record_answer("u", ["d", "a", "e", "f"])
    profile = await store.profile("u")
    assert profile.history == ("c", "d", "a", "e", "f")
    assert profile.requests == 2


async def test_saved_answers_are_bounded_and_expire() -> None:
    now = [1000.0]
    store = MemoryStateStore(answers_max=2, answer_ttl=60, clock=lambda: now[0])
    for key in ("k1", "k2", "k3"):
        await store.save_answer(SavedAnswer(key, "u", Query(), created=now[0]))
    assert await store.load_answer("k1") is None
    assert await store.load_answer("k3") is not None
    now[0] += 61
    assert await store.cleanup() == 2
    assert await store.load_answer("k3") is None


async def test_listening_channels() -> None:
    store = MemoryStateStore()
    await store.set_listening("c1", True)
    assert await store.is_listening("c1")
    assert await store.listening_channels() == frozenset({"c1"})
    await store.set_listening("c1", False)
    assert not await store.is_listening("c1")


names = st.text(max_size=20)
refs = st.builds(EntityRef, st.integers(0, 10**6), names, names)
ranges = st.builds(
    FeatureRange,
    st.sampled_from(["energy", "valence"]),
    st.none() | st.floats(0, 1),
    st.none() | st.floats(0, 1),
    st.none() | st.floats(0, 1),
    names,
)
queries = st.builds(
    Query,
    text=names,
    seed_artists=st.tuples(refs) | st.just(()),
    seed_tracks=st.tuples(refs, refs) | st.just(()),
    genres=st.lists(names, max_size=3).map(tuple),
    moods=st.lists(names, max_size=3).map(tuple),
    features=st.lists(ranges, max_size=3).map(tuple),
    year_min=st.none() | st.integers(1900, 2030),
    year_max=st.none() | st.integers(1900, 2030),
    seconds_min=st.none() | st.integers(10, 3600),
    seconds_max=st.none() | st.integers(10, 3600),
    artists_from=st.none() | st.integers(1900, 2030),
    sung_in=st.none() | st.just("en"),
    novelty=st.sampled_from(Novelty),
    exclude_genres=st.lists(names, max_size=2).map(tuple),
    exclude_artists=st.lists(refs, max_size=2).map(tuple),
    exclude_tracks=st.lists(refs, max_size=2).map(tuple),
    exclude_eras=st.lists(st.tuples(st.integers(1900, 2030), st.integers(1900, 2030)), max_size=2).map(tuple),
    examples=st.lists(refs, max_size=3).map(tuple),
    topics=st.lists(names, max_size=2).map(tuple),
    exclude_topics=st.lists(names, max_size=2).map(tuple),
    free_to_use=st.booleans(),
    count=st.none() | st.integers(1, 10),
    unresolved=st.lists(names, max_size=2).map(tuple),
    suggestions=st.lists(names, max_size=2).map(tuple),
    language=st.sampled_from(["en", "es", "fr", "de", "pt-BR"]) | st.none(),
)


@given(query=queries)
def test_query_codec_round_trips(query: Query) -> None:
    assert decode_query(encode_query(query)) == query


def test_answer_keys_are_short_stable_and_distinct() -> None:
    q = Query(text="x", genres=("house",))
    assert answer_key("u", q) == answer_key("u", q)
    assert len(answer_key("u", q)) == 16
    assert answer_key("u", q) != answer_key("v", q)
    assert answer_key("u", q, "t1") != answer_key("u", q, "t2")
