"""The thirty-sixth session's readings: genres written as one word or named by a listener tag among other words, and
requests that ask for music in everyday words ('what do you have', 'something I don't know yet', 'a good ol song')
that came back empty."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("madchester but not oasis", "madchester"),
        ("powerpop like big star", "power pop"),
        ("dreampop for a rainy night", "dream pop"),
        ("some darkwave for a goth night", "dark wave"),
        ("horrorpunk but not the misfits", "horror punk"),
        ("riot grrrl bands, no bikini kill", "riot grrrl"),
        ("ragtime piano for a silent film", "ragtime"),
        ("90s psytrance for a forest party", "psy-trance"),
    ],
)
def test_a_genre_tag_is_read_among_other_words(service: RecommendationService, text: str, genre: str) -> None:
    """'madchester' alone was the tag, and beside 'but not oasis' an unknown name with the tag itself suggested
    ('Did you mean madchester?'); one-word spellings ('dreampop', 'horrorpunk') were unknown in any request."""
    query = service.parse(text)
    assert genre in query.genres, query.interpretation()
    assert not query.unresolved, query.interpretation()


def test_a_genre_word_the_tree_knows_keeps_its_own_tags(service: RecommendationService) -> None:
    """'hardcore' is a genre of its own, not the spaced 'hard core' a one-word spelling stands for."""
    query = service.parse("something for the gym, thrash or hardcore")
    assert "hardcore" in query.genres, query.interpretation()
    assert "hard core" not in query.genres


@pytest.mark.parametrize(
    "text",
    [
        "What do you have that is good? I am not difficult, I like many things.",
        "whatcha got",
        "i like all kinds of music",
        "Something I don't know yet, but that I will probably like.",
    ],
)
async def test_asking_for_music_in_everyday_words_is_a_mix(service: RecommendationService, text: str) -> None:
    """Each was the help text or an unknown name ('know yet') and an empty answer."""
    answer = await service.ask(text, count=10)
    assert answer.query.surprise, answer.query.interpretation()
    assert not answer.query.unresolved
    assert len(answer.results) == 10


def test_what_you_have_like_an_act_is_the_act(service: RecommendationService) -> None:
    query = service.parse("what do you have like radiohead")
    assert [a.name for a in query.seed_artists] == ["Radiohead"], query.interpretation()
    assert not query.surprise


def test_something_not_known_yet_is_new_to_me(service: RecommendationService) -> None:
    assert service.parse("something I don't know yet").novelty == "deep"


@pytest.mark.parametrize(("text", "mood"), [("play me a good ol song", None), ("afterparty at 7am", "party")])
async def test_everyday_words_are_no_unknown_names(service: RecommendationService, text: str, mood: str | None) -> None:
    """'a good ol' and 'afterparty' were unknown names, and the answers empty."""
    answer = await service.ask(text, count=10)
    assert not answer.query.unresolved, answer.query.interpretation()
    assert mood is None or mood in answer.query.moods
    assert answer.results


def test_good_ol_songs_are_old(service: RecommendationService) -> None:
    query = service.parse("Songs by Willie Nelson, the good ol ones")
    assert query.year_max is not None, query.interpretation()
    assert query.year_max < 2000
    assert [a.name for a in query.by_artists] == ["Willie Nelson"]


def test_a_kind_said_with_sounding_is_the_kind(service: RecommendationService) -> None:
    query = service.parse("more traditional sounding country")
    assert "traditional country" in query.genres, query.interpretation()
    assert not query.unresolved


@pytest.mark.parametrize("text", ["du rock québécois le fun", "quebec rock", "chansons québécoises"])
def test_quebec_is_french_canadian(service: RecommendationService, text: str) -> None:
    """'québécois' was unread, and 'du rock' a song by The Rock (French 'du' before a genre is 'some')."""
    query = service.parse(text)
    assert not query.seed_artists, query.interpretation()
    assert any("canadian" in g for g in query.genres), query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["my kid's 8th birthday party, fun pop songs", "my daughter's 6th bday"])
def test_a_childs_birthday_is_for_kids(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "kids" in query.moods, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["catchy indie rock", "karaoke songs everybody knows"])
def test_catchy_is_the_songs_people_know(service: RecommendationService, text: str) -> None:
    """'catchy' and 'everybody knows' were unread words."""
    query = service.parse(text)
    assert query.novelty == "familiar", query.interpretation()
    assert not query.ignored
