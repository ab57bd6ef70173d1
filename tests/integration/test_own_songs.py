"""An act named by its short name, then its own songs ('bowie deep cuts'), on the real catalog (the scan)."""

from __future__ import annotations

import pytest

from segue.domain import Novelty
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "artist", "novelty"),
    [
        ("bowie deep cuts", "David Bowie", Novelty.DEEP),  # was Iggy Pop, Bryan Ferry, Morrissey
        ("bowie songs", "David Bowie", Novelty.BALANCED),  # was Queen
        ("bieber hits", "Justin Bieber", Novelty.FAMILIAR),  # was Bruno Mars
        ("stones b-sides", "The Rolling Stones", Novelty.DEEP),  # was Cream
    ],
)
async def test_a_short_name_then_its_songs_asks_for_the_acts_own(
    service: RecommendationService, text: str, artist: str, novelty: Novelty
) -> None:
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.by_artists] == [artist]
    assert answer.query.novelty is novelty
    assert answer.results
    assert all(artist in r.track.artists for r in answer.results), [r.track.artists for r in answer.results]


async def test_deep_cuts_like_an_act_stay_its_neighbours(service: RecommendationService) -> None:
    answer = await service.ask("deep cuts like bowie", count=5)
    assert not answer.query.by_artists
    assert [a.name for a in answer.query.seed_artists] == ["David Bowie"]


@pytest.mark.parametrize("text", ["rhcp and mcr songs", "radiohead, bowie deep cuts"])
async def test_the_last_of_a_list_of_acts_does_not_take_the_songs_alone(
    service: RecommendationService, text: str
) -> None:
    """'rhcp and mcr songs' asked for My Chemical Romance's own songs beside music like both: a list stays seeds."""
    answer = await service.ask(text, count=5)
    assert not answer.query.by_artists
    assert len(answer.query.seed_artists) == 2
