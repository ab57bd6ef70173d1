"""Requests tried in the twenty-second session, on the real catalog: a decade beside a word for now is the decade's
sound in today's songs ('modern songs with an 80s vibe'), not the decade's own songs."""

from __future__ import annotations

import pytest

from segue.domain import Novelty
from segue.engine.query.played_by import PLAYED_BY, RETRO_FROM
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "sound"),
    [
        ("modern songs with an 80s vibe", "80s revival"),
        ("songs that sound like the 80s but are new", "80s revival"),
        ("80s inspired modern pop", "80s revival"),
        ("new music that sounds like the 70s", "70s revival"),
        ("new 60s style music", "retro soul"),
        ("recent songs that sound 90s", "90s revival"),
    ],
)
async def test_a_decade_beside_a_word_for_now_is_its_sound_in_todays_songs(
    service: RecommendationService, text: str, sound: str
) -> None:
    """'modern songs with an 80s vibe' answered Bon Jovi, TOTO and AC/DC from the 80s: the two eras shut each other
    out and the decade won without a word. Now songs from this century by and like the acts of its revival."""
    answer = await service.ask(text, count=10)
    query = answer.query
    assert (query.year_min, query.year_max) == (RETRO_FROM, None)
    assert [typed for typed, _ in query.played_by] == [sound]
    assert {a.name for a in query.seed_artists} <= set(PLAYED_BY[sound])
    assert not query.ignored, query.ignored  # 'vibe', 'inspired', 'style', 'sound' were read with the decade
    assert len(answer.results) == 10
    assert all((r.track.year or 0) >= RETRO_FROM for r in answer.results)
    acts = {a.name for a in query.seed_artists}
    assert sum(r.track.artists[0] in acts for r in answer.results) >= 4, [r.track.artists for r in answer.results]
    assert any("these are by and like the artists" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("80s music", (1980, 1989)),
        ("new songs", None),
        ("80s songs from after 2010", None),  # a year, not a word for now: the years as asked
        ("like the weeknd but modern", None),  # an act's own sound: no decade to hear
    ],
)
def test_the_years_stay_years_without_both_a_decade_and_a_word_for_now(
    service: RecommendationService, text: str, years: tuple[int, int] | None
) -> None:
    query = service.parse(text)
    assert not query.played_by
    if years is not None:
        assert (query.year_min, query.year_max) == years


async def test_sad_but_not_too_depressing_is_bittersweet(service: RecommendationService) -> None:
    """It answered ELO's 'Mr. Blue Sky' and Katy Perry: 'not depressing' dropped sad and read the rest as upbeat."""
    answer = await service.ask("sad songs but not too depressing", count=10)
    assert answer.query.moods == ("sad",)
    assert len(answer.results) == 10
    valences = [v for r in answer.results if (v := r.track.features.valence) is not None]
    assert valences
    assert all(0.2 <= v <= 0.4 for v in valences), valences


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        ("sad female songs", "female vocalists"),
        ("female sad songs", "female vocalists"),
        ("female empowerment anthems", "female vocalists"),
        ("chill songs female", "female vocalists"),
        ("male sad songs", "male vocalists"),
    ],
)
def test_female_or_male_beside_the_songs_or_a_mood_is_who_sings(
    service: RecommendationService, text: str, voice: str
) -> None:
    """'female' was dropped unread beside a mood or 'songs' (it was read only before a genre or a voice noun)."""
    query = service.parse(text)
    assert voice in query.genres
    assert query.moods
    assert not query.ignored


def test_songs_about_girls_stay_a_topic(service: RecommendationService) -> None:
    assert service.parse("songs about girls").topics == ("girls",)
    assert not service.parse("songs about girls").genres


async def test_girl_power_is_sung_by_the_acts_known_for_it(service: RecommendationService) -> None:
    """'girl power anthems' left 'girl power' unread and answered trance ('anthems' alone)."""
    answer = await service.ask("girl power songs", count=10)
    acts = set(PLAYED_BY["girl power"])
    assert not answer.query.ignored
    assert sum(r.track.artists[0] in acts for r in answer.results) >= 4, [r.track.artists for r in answer.results]


@pytest.mark.parametrize("text", ["songs my dad would like", "music for my mom", "something my parents would like"])
def test_music_for_a_parent_is_their_generations_hits(service: RecommendationService, text: str) -> None:
    """'songs my dad would like' was a mix across genres: nothing in it was read."""
    query = service.parse(text)
    assert (query.year_min, query.year_max) == (1975, 1999)
    assert query.novelty is Novelty.FAMILIAR
    assert not query.surprise
    assert (service.parse("rock songs my dad would like").year_min, query.novelty) == (None, Novelty.FAMILIAR)


@pytest.mark.parametrize(
    ("text", "composer"),
    [
        ("mozart", "Wolfgang Amadeus Mozart"),
        ("beethoven", "Ludwig van Beethoven"),  # was read as the netlabel act Beatoven
        ("chopin", "Frédéric Chopin"),
        ("bach", "Johann Sebastian Bach"),
    ],
)
def test_a_composer_asked_for_by_surname_alone_is_the_composer(
    service: RecommendationService, text: str, composer: str
) -> None:
    """'mozart' alone was "I don't know 'mozart'. Did you mean Muzart, Mart?" (only 'like mozart' read him)."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [composer]
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "genres"),
    [
        ("country music but not too country", ("country pop",)),
        ("rap but not too rap", ("pop rap",)),
    ],
)
def test_a_genre_and_then_not_too_itself_is_its_milder_side(
    service: RecommendationService, text: str, genres: tuple[str, ...]
) -> None:
    """'country music but not too country' left country out and answered a mix across every other genre."""
    query = service.parse(text)
    assert query.genres == genres
    assert not query.exclude_genres
    assert service.parse("pop but no country").exclude_genres == ("country",)  # 'no' is still none of it


def test_a_game_played_to_a_calm_sound_is_that_sound(service: RecommendationService) -> None:
    """'chill music for gaming' averaged chill and gaming's hype into mid energy (Mamamoo, Krept & Konan, Rick
    Ross); then gaming's mood tags led with rock. The calm sound is what was asked; the game gives way (since the
    thirty-eighth session gaming alone is its acts, an occasion: beside a mood asked it is only where it plays)."""
    query = service.parse("chill music for gaming")
    assert query.moods == ("chill",)
    assert not query.played_by
    assert all(f.high is not None for f in query.features if f.feature == "energy")
    assert [said for said, _ in service.parse("music for gaming").played_by] == ["gaming"]


def test_an_album_with_spelt_letters_is_its_songs_and_nothing_else(service: RecommendationService) -> None:
    """'kendrick lamar good kid maad city' matched 'good kid' only ('m.A.A.d' keys as 'm a a d'), so 'city' went
    unread, and 'maad' respelt as 'mad' added an angry mood beside the album's songs."""
    query = service.parse("something like kendrick lamar good kid maad city")
    assert "m.A.A.d city - Kendrick Lamar" in [t.name for t in query.seed_tracks]
    assert not query.moods
    assert not query.features
    assert not query.ignored
    assert not query.meant


def test_an_album_word_is_not_also_read_as_a_mood(service: RecommendationService) -> None:
    """'music like tame impala currents' took the album's songs and also read 'currents' by meaning as a mood's
    bounds: Nena, Coldplay and Robbie Williams."""
    query = service.parse("music like tame impala currents")
    assert any("Tame Impala" in t.name for t in query.seed_tracks)
    assert not query.features
    assert not query.moods


@pytest.mark.parametrize(
    ("text", "act", "album"),
    [
        ("albums like in rainbows", "Radiohead", "in rainbows"),  # was the band Rainbow: Deep Purple, Dio
        ("something like the album in rainbows", "Radiohead", "in rainbows"),  # 'rainbows' was left unread
        ("stuff like in rainbows by radiohead", "Radiohead", "in rainbows"),
        ("songs like rumours", "Fleetwood Mac", "rumours"),  # was the song 'Rumours' by Ffion
        ("songs like old town road", "Lil Nas X", "old town road"),  # 'old' was an era: Queen, AC/DC
    ],
)
async def test_an_album_named_after_a_cue_is_its_songs_said_as_such(
    service: RecommendationService, text: str, act: str, album: str
) -> None:
    answer = await service.ask(text, count=5)
    query = answer.query
    assert [a.name for a in query.seed_artists] == [act]
    assert query.seed_tracks
    assert all(t.name.endswith(f" - {act}") for t in query.seed_tracks)
    assert (query.year_min, query.year_max, query.unresolved, query.ignored) == (None, None, (), ())
    assert len(answer.results) == 5
    if album != "old town road" and act.lower() not in text:  # a single's title is the song's; a named act is said
        assert any(f"I read '{album}' as the album" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize("text", ["songs like metallica", "like rainbow", "songs like thriller", "songs like yellow"])
def test_an_act_or_a_song_of_the_name_stays_what_it_was(service: RecommendationService, text: str) -> None:
    """An act's exact name is the act before its self-titled album; a famous song keeps its reading."""
    query = service.parse(text)
    assert len(query.seed_artists) + len(query.seed_tracks) == 1


def test_words_that_describe_a_blend_are_not_names(service: RecommendationService) -> None:
    """'a playlist that blends lofi hip hop with jazz and a little bit of soul' seeded the act Blends and left
    'little' unread."""
    query = service.parse("a playlist that blends lofi hip hop with jazz and a little bit of soul")
    assert not query.seed_artists
    assert set(query.genres) == {"lo-fi hip hop", "jazz", "soul"}
    assert not query.ignored
    assert [a.name for a in service.parse("little mix").seed_artists] == ["Little Mix"]


async def test_power_ballads_are_the_love_songs_of_the_acts_known_for_them(service: RecommendationService) -> None:
    """'80s power ballads' left 'power' unread and read 'ballad' as a label of Whitney Houston's and Luis Miguel's
    songs, four each."""
    answer = await service.ask("80s power ballads", count=10)
    query = answer.query
    assert not query.ignored
    assert query.moods == ("romantic",)
    assert {a.name for a in query.seed_artists} <= set(PLAYED_BY["power ballads"])
    artists = [r.track.artists[0] for r in answer.results]
    assert len(set(artists)) >= 8, artists
    assert sum(a in PLAYED_BY["power ballads"] for a in artists) >= 4, artists


@pytest.mark.parametrize(
    "text",
    [
        "anything similar to radiohead but not creep pls i've heard it a million times",
        "similar to radiohead but not creep i've heard it",
    ],
)
def test_a_song_left_out_ends_where_the_chat_begins(service: RecommendationService, text: str) -> None:
    """'but not creep pls i've heard it a million times' left 'creep' unread: the title was looked for in the
    whole span up to the end."""
    query = service.parse(text)
    assert [t.name for t in query.exclude_tracks] == ["Creep - Radiohead"]
    assert not query.ignored


def test_what_to_play_next_is_chat_not_the_band_next(service: RecommendationService) -> None:
    """'... what do i play next' asked for songs by the R&B group Next."""
    query = service.parse("just finished listening to queen what do i play next")
    assert [a.name for a in query.seed_artists] == ["Queen"]
    assert not query.by_artists
    assert not query.unresolved
    assert [a.name for a in service.parse("songs by next").by_artists] == ["Next"]


async def test_good_lyrics_are_the_songwriters_known_for_theirs(service: RecommendationService) -> None:
    """'songs with good lyrics' read only 'vocal' and answered Masterboy and Whigfield; beside a genre ('rap with good
    lyrics') the songwriters are no answer, and the words are said unread."""
    answer = await service.ask("songs with good lyrics", count=10)
    acts = set(PLAYED_BY["good lyrics"])
    assert sum(r.track.artists[0] in acts for r in answer.results) >= 4, [r.track.artists for r in answer.results]
    query = service.parse("rap with good lyrics")
    assert query.genres == ("rap",)
    assert not {a.name for a in query.seed_artists} & acts
    assert query.ignored == ("good lyrics",)


@pytest.mark.parametrize("text", ["something upbeat but not cheesy", "upbeat songs, nothing cheesy"])
async def test_not_cheesy_leaves_the_cheesy_genres_out(service: RecommendationService, text: str) -> None:
    """The upbeat answer was Aqua, Scatman John, O-Zone and Eiffel 65: 'not cheesy' only turned the novelty dial."""
    answer = await service.ask(text, count=10)
    assert "eurodance" in answer.query.exclude_genres
    assert not {"Aqua", "Scatman John"} & {r.track.artists[0] for r in answer.results}
    assert service.parse("cheesy pop").exclude_genres == ()


def test_clean_vocals_are_metal_without_the_screamed_kinds(service: RecommendationService) -> None:
    """'metal songs with clean vocals' left 'clean' unread; it is 'metal but no screaming'."""
    query = service.parse("metal songs with clean vocals")
    assert query.genres == ("metal",)
    assert {"death metal", "metalcore", "screamo"} <= set(query.exclude_genres)
    assert not query.ignored
    assert service.parse("metalcore with clean vocals").genres == ("metalcore",)  # the genre asked stays


def test_lofi_girl_is_the_beats_to_study_to(service: RecommendationService) -> None:
    query = service.parse("something like lofi girl")
    assert query.genres == ("lo-fi hip hop",)
    assert not query.ignored


def test_a_title_holding_a_genre_word_is_read_whole(service: RecommendationService) -> None:
    """'songs like take me home country roads' was 'Take Me Home' by KAAZE, the genre country and 'roads' unread."""
    query = service.parse("songs like take me home country roads")
    assert [t.name for t in query.seed_tracks] == ["Take Me Home, Country Roads - Rerecorded - John Denver"]
    assert not query.genres
    assert not query.ignored
    assert service.parse("like take me home country").genres == ("country",)  # the genre after a title stays


def test_the_cheesy_stuff_left_out_is_read_not_said_unused(service: RecommendationService) -> None:
    query = service.parse("upbeat indie without the cheesy stuff")
    assert "eurodance" in query.exclude_genres
    assert not query.ignored
