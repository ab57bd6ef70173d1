"""The fortieth session's readings: what songs are about when the word is also a mood, a genre beside a setting, a
scene's acts from other years when none is from the years asked, 'retro', and 'hindi' as the language (Hinglish)."""

from __future__ import annotations

import pytest

from segue.engine.notes import ERA_FEW, ERA_NONE
from segue.engine.service import RecommendationService

_DRINKS = {"drinking", "drink", "drunk", "whiskey", "beer", "wine", "tequila"}


async def test_songs_about_drinking_are_the_drinks_in_their_titles(service: RecommendationService) -> None:
    """'sad country songs about drinking' read drinking as the party mood (danceable, bright) beside 'sad' and led
    with 'You Need To Calm Down'."""
    query = service.parse("sad country songs about drinking")
    assert "party" not in query.moods
    assert set(query.topics) >= _DRINKS
    answer = await service.ask("songs about drinking", count=10)
    titled = [r.track.title for r in answer.results if _DRINKS & set(r.track.title.lower().split())]
    assert len(titled) >= 5, [r.track.title for r in answer.results]


async def test_a_genre_beside_a_setting_is_the_genre(service: RecommendationService) -> None:
    """Beside a dinner party, classical was three songs of Michael Bublé and Andrea Bocelli, then Fleet Foxes and
    Scott Walker: the orchestras have no audio features for the dinner's bounds to pass."""
    answer = await service.ask("classical music for a dinner party", count=10)
    artists = [r.track.artists[0] for r in answer.results]
    assert "Fleet Foxes" not in artists, artists
    assert "Scott Walker" not in artists, artists
    assert len(answer.results) == 10


async def test_a_scene_none_of_whose_songs_are_from_the_years_asked_is_its_acts(
    service: RecommendationService,
) -> None:
    """'90s bollywood songs' were Gloria Estefan, Maná and Chayanne (the film songs' playlists are filed Latin pop)
    without a word that none was Bollywood."""
    acts = {a.name for a in service.parse("bollywood").seed_artists}
    answer = await service.ask("90s bollywood songs", count=10)
    artists = [r.track.artists[0] for r in answer.results]
    assert sum(a in acts for a in artists) >= 6, artists
    assert any(n == ERA_NONE or n.startswith(ERA_FEW.split("{")[0]) for n in answer.notes), answer.notes


def test_retro_songs_are_old_ones(service: RecommendationService) -> None:
    query = service.parse("retro songs")
    assert query.year_max is not None
    assert query.year_max <= 1999
    assert not query.ignored


def test_hindi_beside_english_is_the_language(service: RecommendationService) -> None:
    """Tagalog's 'hindi' (not) read 'hindi rap' as anything but rap, and 'old hindi songs' as 'old not songs'."""
    assert service.parse("hindi rap").played_by
    assert service.parse("old hindi songs").played_by
    assert "rap" not in service.parse("hindi rap").exclude_genres


@pytest.mark.parametrize(
    "text",
    [
        "what should i listen to after finishing in rainbows",
        "after finishing in rainbows what should i play",
        "just finished in rainbows, what next",
    ],
)
def test_an_album_just_finished_is_the_seed(service: RecommendationService, text: str) -> None:
    """'after finishing in rainbows' was the band Rainbow's songs ('listen to' read as 'by'), 'finishing' unknown."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == ["Radiohead"], query.interpretation()
    assert not query.by_artists
    assert not query.ignored


def test_finished_exams_are_no_seed(service: RecommendationService) -> None:
    query = service.parse("just finished my exams, need party music")
    assert not query.seed_artists
    assert "party" in query.moods


@pytest.mark.parametrize(
    ("text", "genre"),
    [("songs with a killer bassline", "funk"), ("bass heavy songs", "trap"), ("bass boosted songs for my car", "trap")],
)
def test_a_bass_to_feel_is_the_genres_built_on_it(service: RecommendationService, text: str, genre: str) -> None:
    """'a killer bassline' was the UK genre 'bassline' (UK garage); 'bass heavy songs' was metal, 'bass' unread."""
    query = service.parse(text)
    assert genre in query.genres, query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize(
    "text", ["party songs with the family", "canciones para una carne asada con la familia", "dinner with my family"]
)
def test_music_with_the_family_is_clean(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert query.clean
    assert not query.ignored


def test_boom_bap_is_its_acts(service: RecommendationService) -> None:
    """'boom bap' was hip hop at large: 2Pac, Drake and 50 Cent for a crate digger (set AZ)."""
    query = service.parse("boom bap but not the wu-tang stuff everyone already knows, deeper cuts")
    acts = {a.name for a in query.seed_artists}
    assert {"Gang Starr", "Mobb Deep", "Pete Rock & C.L. Smooth"} <= acts
    assert [a.name for a in query.exclude_artists] == ["Wu-Tang Clan"]
    assert query.novelty.value == "deep"
    assert not query.ignored


@pytest.mark.parametrize(("text", "act"), [("give me 5 j dilla joints", "J Dilla"), ("mf doom joints", "MF DOOM")])
def test_an_acts_joints_are_their_songs(service: RecommendationService, text: str, act: str) -> None:
    assert [a.name for a in service.parse(text).by_artists] == [act]


def test_a_citys_artists_are_its_scene(service: RecommendationService) -> None:
    """'detroit artists but not eminem' seeded the song 'Detroit' by Johnny Peraza (tech house)."""
    query = service.parse("detroit artists but not eminem")
    assert not query.seed_tracks
    assert {"Aretha Franklin", "J Dilla"} <= {a.name for a in query.seed_artists}
    assert [a.name for a in query.exclude_artists] == ["Eminem"]


def test_nothing_made_after_a_year_is_up_to_it(service: RecommendationService) -> None:
    """'r&b but nothing made after 2000' asked for 2001 on ('made' stood between the negation and the year)."""
    query = service.parse("r&b but nothing made after 2000")
    assert (query.year_min, query.year_max) == (None, 2000)


@pytest.mark.parametrize("text", ["something with more grit", "dark grimy piano loop"])
def test_grit_is_dark_not_grime(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "dark" in query.moods
    assert "grime" not in query.genres


def test_blaxploitation_is_its_acts(service: RecommendationService) -> None:
    query = service.parse("70s blaxploitation soundtrack type stuff")
    assert "Curtis Mayfield" in {a.name for a in query.seed_artists}
    assert "soundtrack" not in query.genres


@pytest.mark.parametrize(
    "text",
    [
        "worship songs",
        "quiet music for prayer time before service, nothing too loud please",
        "youth night songs, it's for the youth group",
    ],
)
async def test_church_music_is_the_churchs_genres(service: RecommendationService, text: str) -> None:
    """'worship songs' led with Earth, Wind & Fire and Daughtry (the occasion's tags only ranked); 'for the youth
    group' seeded the band Youth Group (set AY)."""
    query = service.parse(text)
    assert "worship" in query.moods
    assert "christian" in query.genres
    assert not query.seed_artists
    answer = await service.ask(text, count=10)
    assert "Earth, Wind & Fire" not in {r.track.artists[0] for r in answer.results}


@pytest.mark.parametrize(
    "text",
    [
        "¿Me recomiendan alabanzas en español para el culto del domingo?",
        "necesito canciones de adoración en español, lentas",
        "música cristiana",
        "rap cristiano en español, sin groserías por favor",
    ],
)
def test_christian_music_asked_in_spanish_is_sung_in_spanish(service: RecommendationService, text: str) -> None:
    """Their playlists file Spanish worship and Christian urbano 'latin hip hop': 'alabanzas en español para el culto'
    was Julieta Venegas and Zoé."""
    query = service.parse(text)
    assert {"Evan Craft", "Redimi2"} <= {a.name for a in query.seed_artists}, query.interpretation()


def test_christian_hip_hop_is_its_acts(service: RecommendationService) -> None:
    """It was Skillet and Red (the nearest tag, christian), then 50 Cent and Drake."""
    query = service.parse("christian hip hop but not NF")
    assert {"Andy Mineo", "TobyMac"} <= {a.name for a in query.seed_artists}
    assert [a.name for a in query.exclude_artists] == ["NF"]


async def test_a_mood_beside_a_seed_keeps_to_its_neighbours(service: RecommendationService) -> None:
    """'songs like Oceans by Hillsong United for a slow worship set' was Beyoncé, Justin Timberlake and Rihanna:
    slow songs that sound like Hillsong's one song here. Its neighbours' songs come first, the mood let go (said)."""
    answer = await service.ask("songs like Oceans by Hillsong United for a slow worship set", count=10)
    artists = {r.track.artists[0] for r in answer.results}
    assert not artists & {"Beyoncé", "Justin Timberlake", "Rihanna"}, artists
    assert any("Few tracks fit" in n for n in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("I need 15 tracks for a 60s psychedelia evening I'm running in the community room", set()),
        ("im running a dnd session tonight, need tavern music", set()),
        ("i'm running a 5k tomorrow", {"running"}),
    ],
)
def test_running_an_evening_is_no_run(service: RecommendationService, text: str, moods: set[str]) -> None:
    assert ("running" in service.parse(text).moods) == bool(moods)


def test_psychedelia_is_the_genre(service: RecommendationService) -> None:
    """'60s psychedelia' was The Psychedelic Furs, an 80s band, by its short name."""
    query = service.parse("60s psychedelia")
    assert not query.seed_artists
    assert query.genres == ("psychedelic",)


@pytest.mark.parametrize("text", ["got anything dusty?", "something i could sample tonight", "dusty soul samples"])
def test_dusty_is_old_soul_to_chop(service: RecommendationService, text: str) -> None:
    """A producer's 'dusty' was unread, and the answer a mix of today's genres."""
    query = service.parse(text)
    assert "classic soul" in query.genres, query.interpretation()
    assert "dusty" not in " ".join(query.ignored)


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("easter sunday celebration songs", "happy"),
        ("celebration songs", "happy"),
        ("celebration of life songs", "sad"),
    ],
)
def test_a_celebration_is_joyful_and_a_celebration_of_life_a_farewell(
    service: RecommendationService, text: str, mood: str
) -> None:
    """'celebration songs' seeded the act Celebration; 'big celebration' was unread."""
    query = service.parse(text)
    assert mood in query.moods
    assert not query.seed_artists
