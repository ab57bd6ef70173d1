"""Requests of set I (a blind fan evaluation), on the real catalog: a short answer of five acts, not four and a
second song; an abbreviation's full stop inside a title; a name with a letter added is another act; Spanish words
the requests used ('pesado', 'puro', "pa'l", 'despecho')."""

from __future__ import annotations

from collections import Counter

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    "text",
    [
        "bands like arctic monkeys",
        "recommend me stuff like daft punk",
        "like metallica",
        "something like Fleetwood Mac",
        "songs like hey ya by outkast",
        "músicas para treinar",
    ],
)
async def test_five_songs_are_five_acts_when_enough_fit(service: RecommendationService, text: str) -> None:
    """Five songs 'like the Strokes' were four bands and the Strokes again (63 of 168 answers of the request sets
    repeated an act); a fan asked for five bands."""
    answer = await service.ask(text, count=5)
    acts = Counter(r.track.artists[0] for r in answer.results)
    assert len(answer.results) == 5
    assert max(acts.values()) == 1, acts


async def test_songs_by_one_act_still_come_from_it(service: RecommendationService) -> None:
    answer = await service.ask("songs by daft punk", count=5)
    assert {r.track.artists[0] for r in answer.results} == {"Daft Punk"}


@pytest.mark.parametrize(
    "text", ["songs like mr. brightside", "anything similar to 'mr. brightside' - the killers", "like Mr. Brightside"]
)
def test_a_full_stop_after_an_abbreviation_is_inside_the_title(service: RecommendationService, text: str) -> None:
    """'mr.' in lower case ended a sentence: the act 'Mr.' was seeded and 'brightside' ignored."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Mr. Brightside - The Killers"]
    assert not query.seed_artists
    assert not query.ignored


def test_a_name_with_a_letter_added_is_another_act(service: RecommendationService) -> None:
    """'songs by davido' played the act David: a different last letter added is another name, not a slip; one
    letter wrong, missing or doubled still is."""
    assert not service.parse("songs by davido").seed_artists
    assert [a.name for a in service.parse("songs like deftonez").seed_artists] == ["Deftones"]
    assert [a.name for a in service.parse("like eminemm").seed_artists] == ["Eminem"]


def test_spanish_words_of_the_requests_are_read(service: RecommendationService) -> None:
    gym = service.parse("rolas pa'l gym, puro rock pesado")
    assert gym.language == "es"
    assert not gym.ignored
    assert "rock" in gym.genres
    assert service.parse("rock pesado para el gym").language == "es"  # 'pesado' was Portuguese only
    heartbreak = service.parse("canciones de despecho")
    assert "sad" in heartbreak.moods
    assert not heartbreak.unresolved


def test_french_a_la_is_read_as_french(service: RecommendationService) -> None:
    """'chanson française à la jacques brel' tied French with German (which says 'à la' too) and was answered in
    English; 'des chansons à la mode' seeded Depeche Mode."""
    brel = service.parse("chanson française à la jacques brel")
    assert brel.language == "fr"
    assert [a.name for a in brel.seed_artists] == ["Jacques Brel"]
    fashionable = service.parse("des chansons à la mode")
    assert fashionable.language == "fr"
    assert not fashionable.seed_artists
    assert fashionable.novelty.value == "familiar"
