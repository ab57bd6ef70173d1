"""A famous name typed with a slip keeps its words when a table word of another language is inside it (the parser's
name check for the request languages), on the real catalog."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("lana del ray vibes", "Lana Del Rey"),  # 'del' read as Spanish 'of': the act Ray, 'lana' unused
        ("songs like lana del ray", "Lana Del Rey"),  # "I don't have the song 'lana of' by Ray"
        ("la oreja de van gohg", "La Oreja de Van Gogh"),  # the act Van, "I don't have the song 'oreja'"
    ],
)
async def test_a_slip_in_a_name_with_a_foreign_word_is_still_the_name(
    service: RecommendationService, text: str, artist: str
) -> None:
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == [artist]
    assert not answer.query.unresolved
    assert not answer.query.ignored


async def test_a_request_in_the_language_stays_a_request(service: RecommendationService) -> None:
    answer = await service.ask("canciones de rock en espanol", count=5)
    assert not answer.query.seed_artists
    assert answer.query.language == "es"


@pytest.mark.parametrize(
    ("text", "act"),
    [
        (
            "something like Tom Pety and the Heartbrakers",
            "Tom Petty and the Heartbreakers",
        ),  # Tom Petty + The Heartbreakers
        ("like siouxsie and the banshes", "Siouxsie and the Banshees"),  # 'the banshes' said unknown
        ("songs like florence and the machin", "Florence + The Machine"),  # the song 'The Machine' by Take/Five
        ("songs like florence and the machine", "Florence + The Machine"),  # an entry with no songs
    ],
)
async def test_a_misspelt_name_running_through_and_is_one_act(
    service: RecommendationService, text: str, act: str
) -> None:
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [act], query
    assert not query.seed_tracks
    assert not query.unresolved
    answer = await service.ask(text, count=5)
    assert len(answer.results) == 5


async def test_two_misspelt_acts_stay_two(service: RecommendationService) -> None:
    """Two acts typed together match no one act's name that well."""
    assert [a.name for a in service.parse("like metalica and megadeth").seed_artists] == ["Metallica", "Megadeth"]
    assert [a.name for a in service.parse("like beyonse and rihana").seed_artists] == ["Beyoncé", "Rihanna"]
