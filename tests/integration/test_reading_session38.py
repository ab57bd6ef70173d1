"""The thirty-eighth session's readings: an instrument said alone whose catalog tag sits on a handful of acts."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    ("text", "players"),
    [("music with banjo", {"Mumford & Sons", "Alison Krauss"}), ("violin covers", {"Lindsey Stirling"})],
)
async def test_a_thinly_tagged_instrument_is_its_players(
    service: RecommendationService, text: str, players: set[str]
) -> None:
    """The tags 'banjo' and 'violin' are on one and two acts here: 'music with banjo' and 'violin covers' were two
    songs each and a note that there was no more."""
    answer = await service.ask(text, count=8)
    artists = {a for r in answer.results for a in r.track.artists}
    assert players <= artists, artists
    assert len(answer.results) == 8


@pytest.mark.parametrize("instrument", ["violin", "banjo"])
def test_an_instrument_beside_a_named_act_is_its_colour(service: RecommendationService, instrument: str) -> None:
    """Read by its players, the instrument beside a named act would answer the players' own songs; it is a colour
    of the named act's sound the catalog cannot hear per song."""
    query = service.parse(f"like taylor swift but with more {instrument}")
    assert [a.name for a in query.seed_artists] == ["Taylor Swift"], query.interpretation()
    assert query.unheard == (instrument,)
    assert not query.played_by
