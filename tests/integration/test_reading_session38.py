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


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("tunes like just like honey by the jesus and mary chain, that sweet fuzzy noise", "Just Like Honey"),
        ("something in the vein of into the black by chromatics", "Into The Black"),
    ],
)
def test_a_title_holding_a_cue_or_opening_with_into(service: RecommendationService, text: str, song: str) -> None:
    """'like just like honey' looked for 'honey' after the last cue, and 'into' could not open a title: each left a
    missing song and the act standing in; 'that sweet fuzzy noise' describes the song, not the genre noise."""
    query = service.parse(text)
    assert [t.name.split(" - ")[0] for t in query.seed_tracks] == [song], query.interpretation()
    assert not query.unresolved
    assert not query.genres


def test_bleak_is_a_feeling_not_a_title(service: RecommendationService) -> None:
    """'something bleak but beautiful' seeded a netlabel song titled 'Bleak'."""
    query = service.parse("walking home in the rain at 3am, something bleak but beautiful")
    assert not query.seed_tracks, query.interpretation()
    assert "melancholic" in query.moods


def test_a_city_is_not_read_as_a_bath(service: RecommendationService) -> None:
    """'bath' (a mood word of meditation, and a city) drew 'edinburgh' to meditation music by its word vector."""
    query = service.parse("scottish post-punk and new wave, the glasgow n edinburgh lot")
    assert "meditation" not in query.moods, query.interpretation()
    assert not query.meant


async def test_a_genre_spelt_as_one_word_or_two_is_one_genre(service: RecommendationService) -> None:
    """Listeners put 'darkwave' on Deine Lakaien and Blutengel and 'dark wave' on three acts; 'darkwave' read as the
    second alone, so the German darkwave acts never came."""
    answer = await service.ask("german darkwave n neue deutsche todeskunst", count=10)
    artists = {a for r in answer.results for a in r.track.artists}
    assert {"Deine Lakaien", "Blutengel"} <= artists, artists
    assert not artists & {"Fler", "Capital Bra", "RAF Camora"}, artists


def test_gothic_in_spanish(service: RecommendationService) -> None:
    """'gótico' was unread: 'rock gótico de los 80' was 80s rock (Queen, Mötley Crüe, Bon Jovi)."""
    query = service.parse("rock gótico de los 80 por favor")
    assert query.genres == ("gothic rock",), query.interpretation()
    assert not query.ignored


async def test_a_home_scene_is_the_seeds_scene_not_their_country(service: RecommendationService) -> None:
    """The seeds' country counted for any act of it: 'like einstürzende neubauten' had Fler and Haftbefehl, German
    gangster rap sharing only the tag 'german' with the industrial band."""
    answer = await service.ask("einsturzende neubaten and stuff like that", count=10)
    artists = {a for r in answer.results for a in r.track.artists}
    assert not artists & {"Fler", "Haftbefehl", "Capital Bra", "Bushido"}, artists
    assert {"Eisbrecher", "OOMPH!"} <= artists
