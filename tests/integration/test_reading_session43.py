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
