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
