"""Requests of the twenty-sixth session on the real catalog: set U, requests a helper wrote as a 19-year-old in a
gaming Discord server before trying any (`tests/data/fan_requests_u.json`)."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


def _names(refs: tuple[object, ...]) -> list[str]:
    return [getattr(r, "name", "") for r in refs]


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("pregame hype songs 🔥🍻", {"party", "bangers"}),
        ("songs for a beach bonfire w the boys 🔥🌊", {"summer", "bangers"}),
        ("party songs, bangers", {"party", "bangers"}),
    ],
)
async def test_an_emoji_after_the_last_word_names_no_act(
    service: RecommendationService, text: str, moods: set[str]
) -> None:
    """'🔥' is 'bangers': after 'songs' it asked for the hits of an act called Song, after 'w the boys' for the punk
    band The Boys' (80s new jack swing for a beach bonfire)."""
    query = service.parse(text)
    assert not query.seed_artists, _names(query.seed_artists)
    assert not query.by_artists
    assert moods <= set(query.moods)


@pytest.mark.parametrize(
    "text", ["queen hits", "eminem songs", "radiohead deep cuts", "queen, greatest hits", "taylor swift, hits"]
)
async def test_an_acts_own_songs_still_read(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert len(query.by_artists) == 1


async def test_angry_at_the_world_is_no_world_music(service: RecommendationService) -> None:
    query = service.parse("angry at the world playlist, screamo or rap idc")
    assert "world" not in query.genres
    assert "angry" in query.moods
    assert {"screamo", "rap"} <= set(query.genres)


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("songs like redbone - childish gambino", "Redbone - Childish Gambino"),
        ("something like the night we met - lord huron", "The Night We Met - Lord Huron"),
        ("tame impala - the less i know the better", "The Less I Know The Better - Tame Impala"),
    ],
)
async def test_title_then_act_after_a_dash(service: RecommendationService, text: str, song: str) -> None:
    """'redbone - childish gambino' read the act Redbone and 'childish' as a dark mood."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == [song]
    assert not query.moods


async def test_a_missing_title_before_a_famous_act_and_a_dash(service: RecommendationService) -> None:
    """'good days - sza' (a song newer than the catalog) was 'I don't have the song sza by Days'."""
    answer = await service.ask("songs like good days - sza", count=10)
    assert _names(answer.query.seed_artists) == ["SZA"]
    assert answer.query.unresolved == ("good days by SZA",)
    assert any("good days" in note and "SZA" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize("text", ["Massive Attack - Teardrop vibes", "nick drake - pink moon vibes"])
async def test_a_missing_title_after_an_act_and_a_dash_still_reads(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert len(query.seed_artists) == 1
    assert query.unresolved
    assert " by " in query.unresolved[0]


@pytest.mark.parametrize("text", ["cigarettes after sex but more pls", "cigarettes after sex, more please"])
async def test_more_after_a_named_act_is_more_of_it(service: RecommendationService, text: str) -> None:
    """'but more pls' after an act was read as 'more like your last answer', which a message cannot see."""
    query = service.parse(text)
    assert _names(query.seed_artists) == ["Cigarettes After Sex"]
    assert not query.follow_up


async def test_more_alone_still_points_back(service: RecommendationService) -> None:
    assert service.parse("more pls").follow_up


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("if u like kanye, kid cudi and travis what else", ["Kanye West", "Kid Cudi", "Travis Scott"]),
        ("like sza and frank", ["SZA", "Frank Ocean"]),
        ("like tyler and frank", ["Frank Ocean", "Tyler, The Creator"]),
        ("like frank and ella fitzgerald", ["Frank Sinatra", "Ella Fitzgerald"]),
    ],
)
async def test_a_first_name_among_acts_is_the_one_they_point_to(
    service: RecommendationService, text: str, acts: list[str]
) -> None:
    """'kanye, kid cudi and travis' was the Scottish band Travis (Snow Patrol, Blur's 'Song 2'); 'sza and frank' an
    act called Frank; 'tyler' beside 'frank' was said unknown."""
    query = service.parse(text)
    assert _names(query.seed_artists) == acts
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("like travis and coldplay", ["Travis", "Coldplay"]),
        ("like drake and the weeknd", ["Drake", "The Weeknd"]),
        ("like future and drake", ["Future", "Drake"]),
        ("songs like drake and bon iver", ["Drake", "Bon Iver"]),
    ],
)
async def test_a_name_its_company_agrees_with_stays(service: RecommendationService, text: str, acts: list[str]) -> None:
    assert _names(service.parse(text).seed_artists) == acts


async def test_romanticize_my_life_is_dreamy_not_empty(service: RecommendationService) -> None:
    """'songs to romanticize my life to' was an empty answer ('I don't know romanticize my life')."""
    answer = await service.ask("songs to romanticize my life to 🌷", count=10)
    assert answer.query.moods == ("dreamy",)
    assert len(answer.results) == 10
    assert not answer.query.unresolved


@pytest.mark.parametrize("text", ["hot girl walk playlist 💅", "hot girl summer", "baddie playlist"])
async def test_a_hot_girl_walk_is_its_confident_acts(service: RecommendationService, text: str) -> None:
    """'hot girl walk playlist' was a mix across genres ('Hey There Delilah', The Verve), 'hot girl' unread."""
    answer = await service.ask(text, count=10)
    artists = [r.track.artists[0] for r in answer.results]
    assert len({"Lizzo", "Megan Thee Stallion", "Doja Cat", "Dua Lipa", "Normani", "Ariana Grande"} & set(artists)) >= 3
    assert not answer.query.ignored
    assert not answer.query.surprise
    # a curated list of acts, not a tag listeners gave: the note must not say listeners filed them there
    said = [n for n in answer.notes if "hot girl" in n or "baddie" in n]
    assert said, answer.notes
    assert all("artists known for them" in n and "listeners" not in n for n in said), said


@pytest.mark.parametrize(
    "text", ["breakup era but like the healing part, not the crying part", "songs for my healing era"]
)
async def test_the_healing_part_of_a_breakup_is_its_anthems(service: RecommendationService, text: str) -> None:
    """The healing part was the upbeat mood's 2008 pop (Jonas Brothers, 3OH!3) and 'did you mean the tea party?'."""
    answer = await service.ask(text, count=10)
    assert [said for said, _ in answer.query.played_by] == ["breakup anthem"]
    assert not answer.query.unresolved
    artists = [r.track.artists[0] for r in answer.results]
    assert len({"Kelly Clarkson", "Dua Lipa", "Lizzo", "Ariana Grande", "Taylor Swift"} & set(artists)) >= 3


@pytest.mark.parametrize("text", ["gaming music to lock in 🎮 no lyrics preferably", "music to lock in"])
async def test_locking_in_is_focus(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "focus" in query.moods
    assert not query.unresolved
    assert not query.ignored


async def test_two_albums_named_for_one_era(service: RecommendationService) -> None:
    """'the weeknd starboy / after hours era' read an act called Starboy and 'after hours' as a night drive."""
    query = service.parse("the weeknd starboy / after hours era")
    assert _names(query.seed_artists) == ["The Weeknd"]
    assert any(t.name.startswith("Starboy - ") for t in query.seed_tracks)
    assert not query.moods


async def test_a_deep_voice_alone_is_still_its_singers(service: RecommendationService) -> None:
    query = service.parse("songs with a really deep male voice")
    assert "Leonard Cohen" in _names(query.seed_artists)
    assert query.played_by


async def test_a_beach_bonfire_is_played_by_hand(service: RecommendationService) -> None:
    """The beach's dance-floor bounds under the bonfire's acoustic ones left reggaeton and sertanejo (Dalex,
    Diego & Victor Hugo): the setting gives way to the songs played by hand, and says so."""
    answer = await service.ask("songs for a beach bonfire", count=10)
    assert answer.query.gave_way == (("beach", "bonfire"),)
    assert all(f.because != "beach" for f in answer.query.features)
    artists = [r.track.artists[0] for r in answer.results]
    assert not {"Dalex", "Omy de Oro", "Diego & Victor Hugo", "Natti Natasha"} & set(artists), artists


@pytest.mark.parametrize("text", ["summer songs", "summer vibes", "beach songs"])
async def test_summer_is_not_latin_tropical(service: RecommendationService, text: str) -> None:
    """'tropical' is the playlists' Latin subgenre (salsa, bachata): as summer's evidence it led 'summer songs' with
    Gusttavo Lima, Aventura and Greeicy."""
    answer = await service.ask(text, count=10)
    artists = [r.track.artists[0] for r in answer.results]
    assert not {"Gusttavo Lima", "Aventura", "Greeicy", "Luis Enrique"} & set(artists), artists


@pytest.mark.parametrize("text", ["conscious rap", "conscious hip hop recs", "90s conscious hip hop"])
async def test_conscious_rap_is_its_acts(service: RecommendationService, text: str) -> None:
    """'conscious hip hop' was rap at large (read as its nearest genre), 'conscious rap' said 'conscious' unused."""
    answer = await service.ask(text, count=10)
    assert [said for said, _ in answer.query.played_by] == ["conscious rap"]
    assert not answer.query.ignored
    artists = [r.track.artists[0] for r in answer.results]
    acts = {"Kendrick Lamar", "Common", "Nas", "Public Enemy", "KRS-One", "J. Cole", "Joey Bada$$"}
    assert len(acts & set(artists)) >= 3
