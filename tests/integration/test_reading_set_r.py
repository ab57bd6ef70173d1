"""Requests a second helper wrote as a 19-year-old Discord member in the twenty-fourth session, before trying any
(set R), on the real catalog: chat that asks for anything, what is hot now from a catalog that ended in 2020, an act
someone only listens to, alt r&b, a game to get hyped for."""

from __future__ import annotations

import pytest

from segue.engine.service import CATALOG_ENDS, RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize("text", ["yo bot whats the move", "help my playlist is mid", "put me on"])
async def test_chat_that_asks_for_anything_gets_a_mix(service: RecommendationService, text: str) -> None:
    """'yo bot whats the move' got the help text and no song; 'help my playlist is mid' said 'I don't know mid'."""
    answer = await service.ask(text, count=5)
    assert answer.query.surprise
    assert len(answer.results) == 5
    assert not answer.query.unresolved


@pytest.mark.parametrize("text", ["whats hot rn", "what's hot right now", "trending songs", "latest hip hop"])
async def test_now_from_a_catalog_that_ended_is_said(service: RecommendationService, text: str) -> None:
    """'whats hot rn' said 'hot' unread and gave the help text; 'trending' answered 2019's hits as today's, unsaid."""
    answer = await service.ask(text, count=5)
    newest = service.newest_year
    assert newest is not None
    assert CATALOG_ENDS.format(year=newest) in answer.notes
    assert all(r.track.year is not None and r.track.year >= newest - 2 for r in answer.results)
    assert not answer.query.ignored


@pytest.mark.parametrize(
    ("text", "act"), [("i only listen to drake help", "Drake"), ("i only listen to taylor swift", "Taylor Swift")]
)
async def test_an_act_someone_only_listens_to_is_a_seed(service: RecommendationService, text: str, act: str) -> None:
    """'i only listen to drake help' was five more Drake songs: the member wants to branch out."""
    answer = await service.ask(text, count=6)
    assert [a.name for a in answer.query.seed_artists] == [act]
    assert not answer.query.by_artists
    assert act not in {r.track.artists[0] for r in answer.results}


@pytest.mark.parametrize("text", ["alt r&b", "alternative rnb"])
async def test_alt_rnb_is_its_acts(service: RecommendationService, text: str) -> None:
    """'alt r&b' left 'alt' unread and answered 90s r&b (TLC, Brian McKnight, Ginuwine), the opposite."""
    answer = await service.ask(text, count=8)
    heard = {r.track.artists[0] for r in answer.results}
    assert len(heard & {"Frank Ocean", "SZA", "Daniel Caesar", "Solange", "The Weeknd", "Miguel", "Jhené Aiko"}) >= 3
    assert not heard & {"TLC", "Brian McKnight", "Ginuwine"}, heard


def test_hype_for_a_game_is_no_act(service: RecommendationService) -> None:
    """'hype for a game 🔥' was five songs of The Game ('game' beside the emoji's bangers read as the act's)."""
    query = service.parse("hype for a game 🔥")
    assert not query.seed_artists
    assert not query.by_artists
    assert "workout" in query.moods


@pytest.mark.parametrize("text", ["songs like travis scott and the weeknd together", "sza and frank ocean combined"])
def test_two_acts_together_are_blended(service: RecommendationService, text: str) -> None:
    """'together' was said unread and the answer alternated two lists."""
    query = service.parse(text)
    assert len(query.seed_artists) == 2
    assert query.blend
    assert not query.ignored


@pytest.mark.parametrize("text", ["road trip with the squad", "gym pr songs"])
def test_chat_words_around_an_occasion_are_read(service: RecommendationService, text: str) -> None:
    """'squad' and 'pr' (a personal record) were said unread."""
    query = service.parse(text)
    assert query.moods
    assert not query.ignored
