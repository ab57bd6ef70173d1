"""The forty-first session's readings, from a punk drummer's and a yoga teacher's requests (sets BA and BB): the
band's van and drums, the pit's two-step, a yoga class's words, a voice or a sound that describes the acts named,
the listening's minutes, a low week, words of taste a negation reads past, and Russian on the real catalog."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


def _names(refs: object) -> list[str]:
    return [r.name for r in refs]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "not_seeded"),
    [
        ("bands like the ramones for the van ride to pittsburgh", "Van Halen"),
        ("pissed off after work, need something fast and loud to scream along to in the van", "Van"),
        ("hype music before band practice, stuff that makes me hit the drums harder", "The Drums"),
        ("songs to mosh to", "Mösh"),
        ("chill acoustic songs but no Ed Sheeran, I've heard Perfect at every studio in town", "Perfect"),
        ("upbeat music for a power vinyasa but not edm, nothing with a drop", "DROP"),
    ],
)
def test_everyday_words_seed_no_act(service: RecommendationService, text: str, not_seeded: str) -> None:
    query = service.parse(text)
    assert not_seeded not in _names(query.seed_artists), _names(query.seed_artists)
    assert not_seeded not in _names(query.exclude_artists), _names(query.exclude_artists)


def test_the_van_is_the_road_and_anger_after_work_stays_anger(service: RecommendationService) -> None:
    query = service.parse("pissed off after work, need something fast and loud to scream along to in the van")
    assert "angry" in query.moods
    assert "relaxing" not in query.moods  # 'after work' averaged the anger into unwinding
    assert "driving" in service.parse("bands like the ramones for the van ride to pittsburgh").moods


def test_two_step_is_the_pits_dance_where_hardcore_is_said(service: RecommendationService) -> None:
    """'nyhc ... stuff to two-step to' was George Strait and Brooks & Dunn; alone it stays the country dance."""
    pit = service.parse("nyhc, agnostic front, cro-mags, stuff to two-step to")
    assert "George Strait" not in _names(pit.seed_artists)
    assert "aggressive" in pit.moods
    assert "George Strait" in _names(service.parse("songs to two step to").seed_artists)


@pytest.mark.parametrize(
    "text",
    ["music for savasana", "something for my yin class", "slow flow playlist", "music for a restorative class"],
)
def test_a_yoga_class_is_read(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert "meditation" in query.moods, query.moods
    assert not query.unresolved
    assert not query.ignored


def test_a_voice_beside_an_act_named_is_how_it_sings(service: RecommendationService) -> None:
    """'similar to Bon Iver? I love that hushed, fragile falsetto' led with Frank Ocean and Prince."""
    query = service.parse("artists similar to Bon Iver? I love that hushed falsetto")
    assert _names(query.seed_artists) == ["Bon Iver"]
    assert "falsetto" in query.unheard
    assert "Prince" in _names(service.parse("songs with falsetto").seed_artists)  # alone, its singers


def test_a_sound_describing_a_song_or_a_genre_adds_no_genre(service: RecommendationService) -> None:
    song = service.parse("anything like Chan Chan by Buena Vista Social Club? that warm Cuban guitar sound")
    assert not song.genres, song.genres
    ska = service.parse("third wave ska. 90s, horns, checkered vans, the works")
    assert list(ska.genres) == ["ska"]
    assert "background" not in ska.moods  # 'the works' read as music for work


def test_minutes_of_a_class_are_the_listenings(service: RecommendationService) -> None:
    assert service.parse("the last 15 minutes of my slow flow").seconds_max is None
    assert service.parse("5 songs for savasana, about 20 minutes").seconds_max is None
    assert service.parse("songs under 3 minutes").seconds_max == 180


def test_a_heavy_week_is_low_not_loud(service: RecommendationService) -> None:
    query = service.parse("had a really heavy week, I need music that helps me let go and maybe cry a little")
    assert "sad" in query.moods
    assert "aggressive" not in query.moods
    assert "aggressive" in service.parse("rock for heavy day at the gym").moods  # the gym's heaviest lifts


def test_a_negation_reads_past_a_word_of_taste(service: RecommendationService) -> None:
    query = service.parse("indie folk please but nothing too twangy or country")
    assert (list(query.genres), list(query.exclude_genres)) == (["indie folk"], ["country"])
    assert "country" in service.parse("country but nothing twangy").genres


def test_desert_blues_is_its_acts(service: RecommendationService) -> None:
    query = service.parse("desert blues and malian guitar")
    assert "Tinariwen" in _names(query.seed_artists)
    assert "blues" not in query.genres


def test_a_yoga_class_in_spanish_and_portuguese_is_no_act(service: RecommendationService) -> None:
    for text in ("canciones en español para una clase de yoga", "MPB tranquila pra aula de yoga de domingo"):
        query = service.parse(text)
        assert "Yoga" not in _names(query.seed_artists), text
        assert "meditation" in query.moods, text
        assert "language practice" not in query.moods, text


async def test_russian_requests_are_answered_as_their_english(service: RecommendationService) -> None:
    russian = await service.ask("грустные песни 80-х", count=5)
    english = await service.ask("sad songs from the 80s", count=5)
    assert russian.query.language == "ru"
    assert [r.track.id for r in russian.results] == [r.track.id for r in english.results]
    queen = service.parse("песни Queen")
    assert _names(queen.by_artists) == ["Queen"]


@pytest.mark.parametrize(
    ("text", "not_seeded"),
    [
        ("any bands like the pogues? celtic punk before thursday's session", "Thursday"),
        ("feeling grand today, sox won and the sun's out! give me some happy jigs and reels", "The Sun"),
        ("the emigrant songs, leaving ireland on a boat and never going back", "BOAT"),
        ("what should I listen to tonight? you all know me by now", "Now"),
    ],
)
def test_a_fiddlers_words_seed_no_act(service: RecommendationService, text: str, not_seeded: str) -> None:
    assert not_seeded not in _names(service.parse(text).seed_artists)


def test_irish_trad_is_its_acts_and_trad_jazz_is_jazz(service: RecommendationService) -> None:
    """'happy foot-tapping jigs and reels' was Pitbull and Jason Derulo; 'pipes, fiddles, bodhrán' were unread."""
    assert "Niamh De Barra" in _names(service.parse("happy foot-tapping jigs and reels").seed_artists)
    jazz = service.parse("trad jazz")
    assert list(jazz.genres) == ["jazz"]
    assert not jazz.seed_artists


def test_a_heart_broken_and_a_break_between_sets_are_no_breakbeat(service: RecommendationService) -> None:
    heart = service.parse("british folk rock, a woman's voice that breaks your heart")
    assert "breaks" not in heart.genres
    assert "sad" in heart.moods
    gig = service.parse("st patrick's day gig, need a playlist for the breaks between our sets")
    assert "breaks" not in gig.genres
    chills = service.parse("songs like i'm shipping up to boston, I still get chills")
    assert "chill" not in chills.moods


def test_a_theatre_kids_words(service: RecommendationService) -> None:
    """Set BD: 'hamilton' was Anthony Hamilton's album, 'before an audition' the band The Audition, 'the cast
    party' the band Cast, German 'vor meinem Vorsingen' Eminem, 'something theatrical' an empty answer."""
    assert "Lin-Manuel Miranda" in _names(service.parse("top 5 hamilton songs pls").seed_artists)
    assert "Anthony Hamilton" in _names(service.parse("songs like anthony hamilton").seed_artists)
    for text, act in (
        ("give me 5 songs to warm up my belt before an audition", "The Audition"),
        ("15 bangers for the cast party playlist", "Cast"),
        ("dramatische Power-Balladen zum Einsingen vor meinem Vorsingen", "Eminem"),
    ):
        assert act not in _names(service.parse(text).seed_artists), text
    assert "Whitney Houston" in _names(service.parse("big belty voices for my warm-up").seed_artists)
    assert service.parse("something theatrical pls?").seed_artists


def test_a_manner_beside_an_act_and_an_act_typed_beside_a_mood_of_acts(service: RecommendationService) -> None:
    brel = service.parse("music similar to Jacques Brel, strong words, lots of emotion, a bit theatrical")
    assert _names(brel.seed_artists) == ["Jacques Brel"]
    adele = service.parse("anyone similar to adele? proper heartbreak ballads for the piano bar")
    assert "Adele" in _names(adele.seed_artists)
    assert "dance" not in service.parse("songs like shallow, that duet build where it explodes").moods


def test_disney_and_not_just(service: RecommendationService) -> None:
    """'disney singalong night!! frozen, moana, encanto' read nothing; 'not just pop covers' left out pop, and with
    it every Broadway act (all filed pop); 'disney songs but not frozen' was the album Frozen's songs as seeds."""
    assert "High School Musical Cast" in _names(service.parse("disney singalong night, moana, encanto").seed_artists)
    cast = service.parse("west end cast recordings pls, proper musical theatre, not just pop covers")
    assert "pop" not in cast.exclude_genres
    assert not service.parse("disney songs but not frozen").seed_tracks
    assert "Iron Maiden" in _names(service.parse("nwobhm deep cuts, not just maiden and priest").exclude_artists)


@pytest.mark.parametrize(
    "text",
    [
        "canciones para una fiesta de cumpleaños de mi abuela",
        "música pra festa de aniversário da minha avó",
        "chansons pour l'anniversaire de ma grand-mère",
        "music for my grandmother's birthday",
    ],
)
def test_a_grandparents_birthday_said_any_way_is_their_youths_music(service: RecommendationService, text: str) -> None:
    """'the birthday of my grandma' is how Spanish, Portuguese and French say 'my grandma's birthday', which reads
    as her generation's songs; said so, it was reggaeton's party songs."""
    query = service.parse(text)
    assert query.year_max is not None
    assert query.year_max <= 1980
    assert not query.ignored


def test_a_voice_beside_an_era_alone_is_still_its_singers(service: RecommendationService) -> None:
    assert "Prince" in _names(service.parse("80s songs with falsetto").seed_artists)


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("включи что-то похожее на Билли Айлиш", "Billie Eilish"),
        ("как у Металлики но потяжелее", "Metallica"),
        ("что-нибудь типа Линкин Парк", "Linkin Park"),
        ("Эминем для качалки", "Eminem"),
    ],
)
def test_a_western_act_typed_in_cyrillic_is_found(service: RecommendationService, text: str, act: str) -> None:
    query = service.parse(text)
    assert act in _names(query.seed_artists), _names(query.seed_artists)
    assert query.language == "ru"
    assert not query.unresolved
