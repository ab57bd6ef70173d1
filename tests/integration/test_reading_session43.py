"""The forty-third session's readings, from requests typed by hand and from members' sets: a film's or a game's
score named by its title."""

from __future__ import annotations

import pytest

from segue.engine.query.screen import FILM_SCORE, SCORE_ACTS
from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    "text",
    ["music like the witcher soundtrack", "songs like the interstellar soundtrack", "lotr music for studying"],
)
async def test_a_scored_title_is_film_scores(service: RecommendationService, text: str) -> None:
    """The first seeded a name with no songs whose listeners play metal (System Of A Down, Pantera); the others read
    the genre 'soundtrack' (Zac Efron, Huey Lewis, Rakim)."""
    query = service.parse(text)
    assert FILM_SCORE in query.genres
    assert "soundtrack" not in query.genres
    answer = await service.ask(text, count=5)
    assert {r.track.artists[0] for r in answer.results} <= set(SCORE_ACTS), [r.track.artists for r in answer.results]


def test_a_scored_title_that_is_a_song_stays_the_song(service: RecommendationService) -> None:
    assert [t.name for t in service.parse("halo").seed_tracks] == ["Halo - Beyoncé"]


async def test_vietnamese_and_ukrainian_requests_are_answered_as_their_english(service: RecommendationService) -> None:
    """Each was an empty answer or a misreading: 'nhạc' and 'bài' were unknown words, 'sau 2010' the year 2010,
    'музика' the act MIKA, and an act named in Ukrainian Cyrillic unknown."""
    for foreign, english in [
        ("nhac buon thap nien 80", "sad music from the 80s"),
        ("сумні пісні 90-х без репу", "sad songs from the 90s without rap"),
    ]:
        theirs, ours = service.parse(foreign), service.parse(english)
        assert (theirs.moods, theirs.year_min, theirs.year_max, theirs.exclude_genres) == (
            ours.moods,
            ours.year_min,
            ours.year_max,
            ours.exclude_genres,
        )
        assert len((await service.ask(foreign, count=5)).results) == 5
    query = service.parse("10 треків як у Емінема")
    assert ([a.name for a in query.seed_artists], query.count) == (["Eminem"], 10)
    assert [a.name for a in service.parse("щось на кшталт Нірвани").seed_artists] == ["Nirvana"]
