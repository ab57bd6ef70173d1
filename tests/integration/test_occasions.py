"""Occasions on the real catalog: each gathering gets its own music, not its mood's one list (issue 9, set O)."""

from __future__ import annotations

import itertools

import pytest

from segue.catalog.store import Catalog
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


async def _tracks(service: RecommendationService, text: str) -> list[tuple[str, str]]:
    answer = await service.ask(text, count=10)
    return [(r.track.id, r.track.artists[0]) for r in answer.results]


def _genres(catalog: Catalog, artist: str) -> set[str]:
    match = catalog.search_artists(artist, 1)
    return set(catalog.artist(match[0].index).genres) if match else set()


async def test_unrelated_occasions_get_their_own_songs(service: RecommendationService) -> None:
    """A dive bar, a frat party, St Patrick's Day, a kids' party and New Year's Eve all read as 'party' and got the
    same ten songs; a long flight and a snow day the same calm list."""
    texts = ("songs for a dive bar", "frat party", "st paddys day", "songs for kids", "new years eve party")
    answers = {text: {track for track, _ in await _tracks(service, text)} for text in texts}
    for a, b in itertools.combinations(texts, 2):
        assert len(answers[a]) == len(answers[b]) == 10, (a, b)
        assert len(answers[a] & answers[b]) <= 2, (a, b)
    flight = {track for track, _ in await _tracks(service, "music for a long flight")}
    snow = {track for track, _ in await _tracks(service, "cozy snow day")}
    assert len(flight & snow) <= 2


@pytest.mark.parametrize(
    ("text", "styles", "least"),
    [
        ("frat party", {"crunk", "dirty south", "southern hip hop"}, 5),  # was K-pop and Smashing Pumpkins
        ("songs for a dive bar", {"classic rock", "hard rock", "garage rock", "punk", "punk rock"}, 6),  # was EDM
        ("songs for kids", {"disney", "soundtrack"}, 5),  # was a random mix across genres
        ("hiking playlist", {"folk", "folk rock", "country", "singer-songwriter"}, 5),  # was Travis Scott, DaBaby
    ],
)
async def test_an_occasion_leads_with_its_own_styles(
    service: RecommendationService, built_catalog: Catalog, text: str, styles: set[str], least: int
) -> None:
    artists = [artist for _, artist in await _tracks(service, text)]
    fitting = [a for a in artists if _genres(built_catalog, a) & styles]
    assert len(fitting) >= least, (text, artists)


async def test_a_holiday_named_by_its_date_is_understood(service: RecommendationService) -> None:
    """'4th of july' was "I don't know '4th'" and nothing at all."""
    answer = await service.ask("4th of july", count=10)
    assert len(answer.results) == 10
    assert answer.query.moods == ("fourth of july",)
    assert not answer.query.unresolved


@pytest.mark.parametrize("text", ["st paddys day", "sunday morning church songs"])
async def test_an_occasion_that_is_a_style_leaves_out_songs_nobody_tagged(
    service: RecommendationService, built_catalog: Catalog, text: str
) -> None:
    """An artist nobody tagged was presumed to fit halfway: Post Malone and Alok filled St Patrick's Day, Roddy
    Ricch's 'The Box' came ninth among the gospel. Every song now carries some of the occasion's styles."""
    from segue.engine.mood_tags import MoodEvidence

    answer = await service.ask(text, count=10)
    heard = MoodEvidence(service.recommender.signals).heard(answer.query.moods)
    assert heard is not None
    for r in answer.results:
        index = built_catalog.track_index(r.track.id)
        assert index is not None
        assert heard[index] > 0, (text, r.track.artists, r.track.title)
