"""How requests are read, on the real catalog: words, names, titles and places a music lover types (issue 9's
"every word accounted for"), each test a request that was misread or answered nothing."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from segue.catalog.store import Catalog
from segue.domain import Answer, Novelty, Query
from segue.engine.service import RecommendationService
from segue.engine.signals import title_forms
from segue.text import normalize_name, song_key

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "title", "own_songs"),
    [
        ("anything by Fleetwood Mac that isn't Dreams", "dreams", True),
        ("fleetwood mac songs except dreams", "dreams", True),
        ("songs like radiohead except creep", "creep", False),
        ("songs by the doors but not light my fire", "light my fire", True),
    ],
)
async def test_a_song_named_after_a_negation_is_left_out(
    service: RecommendationService, text: str, title: str, own_songs: bool
) -> None:
    """'Fleetwood Mac that isn't Dreams' led with 'Dreams - 2004 Remaster' and said "Not used: 'Dreams'": a song of
    the named artist after 'not' / 'except' is left out, every version of it, and said in the interpretation."""
    answer = await service.ask(text, count=10)
    assert [t.name.split(" - ")[0].casefold() for t in answer.query.exclude_tracks] == [title]
    assert not answer.query.ignored
    assert answer.results
    assert all(song_key(r.track.title) != song_key(title) for r in answer.results), answer.results
    if own_songs:
        assert len(answer.results) == 10


@pytest.mark.parametrize(
    ("text", "place", "at_least"),
    [("parecido com Caetano Veloso", "brazilian", 5), ("songs like Daft Punk", "french", 6)],
)
async def test_a_seed_from_a_home_scene_is_answered_from_it(
    service: RecommendationService, text: str, place: str, at_least: int
) -> None:
    """The 2011 listening pairs artists across languages: Caetano Veloso's neighbours were Bob Dylan, Elton John and
    She & Him, Daft Punk's Gorillaz, Calvin Harris and Avicii beside Justice. Artists of the seed's own scene lead."""
    answer = await service.ask(text, count=10)
    signals = service.recommender.signals
    column = service.catalog.tag_index(place)
    assert column is not None
    weight = signals.artist_tag_weight([column])
    home = [r for r in answer.results if weight[service.catalog.track_index(r.track.id) or 0] > 0]
    assert len(home) >= at_least, [r.track.display for r in answer.results]


@pytest.mark.parametrize(
    ("text", "artist"),
    [("top 5 queen songs", "Queen"), ("journey hits", "Journey"), ("greatest eagles songs", "Eagles")],
)
async def test_a_famous_band_named_by_an_everyday_word_before_songs(
    service: RecommendationService, text: str, artist: str
) -> None:
    """'top 5 queen songs' ignored 'queen' and answered a mix across genres: an everyday word that is a famous band,
    right before 'songs' or 'hits', is the band's own songs; 'top N' asks for the best known."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.by_artists] == [artist]
    assert answer.query.novelty is Novelty.FAMILIAR
    assert not answer.query.ignored
    assert {a for r in answer.results for a in r.track.artists} == {artist}
    for words in ("love songs", "sad songs", "party songs"):  # a mood stays a mood
        assert not service.parse(words).seed_artists, words


async def test_a_place_after_from_and_moods_after_not_in_the_mood(service: RecommendationService) -> None:
    """'any good indie bands from the uk' was indie plus an unknown 'the uk' (UGK?), 'music from brazil' came back
    empty, 'not in the mood for anything sad' answered sad songs, 'somthing' was an unknown word."""
    uk = service.parse("any good indie bands from the uk")
    assert (uk.genres, uk.unresolved, uk.ignored) == (("british indie",), (), ())
    assert service.parse("rock from germany").genres == ("german rock",)
    assert service.parse("rock from seattle").genres == ("seattle rock",)  # a city listeners tag a scene with
    assert service.parse("bands from manchester").genres == ("manchester",)
    brazil = await service.ask("music from brazil", count=5)
    assert brazil.query.genres == ("brazilian",)
    assert len(brazil.results) == 5
    assert service.parse("hip hop from the 90s").year_min == 1990, "'from the 90s' stays an era"
    not_sad = service.parse("not in the mood for anything sad")
    assert "sad" not in not_sad.moods
    assert [f.because for f in not_sad.features]
    assert all(f.because == "not sad" for f in not_sad.features)
    assert not service.parse("somthing like raddiohead").ignored


@pytest.mark.parametrize(
    ("text", "genre"),
    [("pop francés", "french pop"), ("rap alemán", "german rap"), ("pop coreano", "k-pop"), ("korean pop", "k-pop")],
)
def test_a_place_after_its_genre_is_the_scene(service: RecommendationService, text: str, genre: str) -> None:
    """Spanish, French and Portuguese put the place after the genre: 'pop francés' was pop and 'french' mixed (any
    pop, any French song), 'pop coreano' pop with 'coreano' unused."""
    query = service.parse(text)
    assert (query.genres, query.ignored) == ((genre,), ())
    chanson = service.parse("chanson française")  # a small genre is the place's own: narrowed it held 2 songs
    assert chanson.genres == ("chanson", "french")


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("cuban music", "cuba"),
        ("music from cuba", "cuba"),
        ("colombian music", "colombia"),
        ("argentine rock", ""),
        ("música cubana", "cuba"),
        ("musique cubaine", "cuba"),
        ("kubanische musik", "cuba"),
    ],
)
def test_a_place_is_read_by_the_name_listeners_tag_it_with(
    service: RecommendationService, text: str, genre: str
) -> None:
    """Listeners tag Cuba's and Colombia's music by the country ('cuba'), not the adjective: "cuban music" was "I
    don't know 'cuban'", and 'argentine rock' plain rock (the tree's stand-in) where 'rock argentino' was the scene."""
    query = service.parse(text)
    assert not query.unresolved
    assert not query.ignored
    if genre:
        assert query.genres == (genre,)
    else:
        assert query.genres == service.parse("rock argentino").genres != ("rock",)


@pytest.mark.parametrize("text", ["beach day vibes", "summer day vibes", "sunny day vibes"])
def test_an_everyday_word_after_a_reading_is_no_act_before_vibes(service: RecommendationService, text: str) -> None:
    """'beach day vibes' was songs like the act DAY (obscure Brazilian pop): 'day' continues 'beach'. An act's name
    alone before 'vibes' is still that act."""
    assert not service.parse(text).seed_artists
    assert [a.name for a in service.parse("air vibes").seed_artists] == ["Air"]
    assert [a.name for a in service.parse("chill Air vibes").seed_artists] == ["Air"]


@pytest.mark.parametrize(
    ("text", "mood", "unused"),
    [
        ("just got fired lol need something to feel better", "happy", ("fired",)),
        ("sum songs to make my bf feel loved 🥺", "romantic", ()),
    ],
)
def test_feelings_asked_in_passing_and_everyday_words_beside_them(
    service: RecommendationService, text: str, mood: str, unused: tuple[str, ...]
) -> None:
    """Both came back empty: 'feel better' and 'feel loved' were no mood, and 'fired' and 'loved' were offered as
    names ("Did you mean Fredo, The Field, Red?"). An everyday word beside a reading is unused, not a missing name."""
    query = service.parse(text)
    assert query.moods == (mood,)
    assert (query.unresolved, query.suggestions, query.ignored) == ((), (), unused)


@pytest.mark.parametrize(
    ("text", "seeds"),
    [
        ("outkast and sade mix", ["OutKast", "Sade"]),
        ("the weeknd radio", ["The Weeknd"]),
        ("frank ocean station", ["Frank Ocean"]),
    ],
)
def test_a_streaming_services_words_for_songs_like_an_act(
    service: RecommendationService, text: str, seeds: list[str]
) -> None:
    """'outkast and sade mix' left Sade out ("Not used: 'sade mix'"), 'the weeknd radio' said 'radio' unused."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == seeds
    assert (query.ignored, query.unresolved) == ((), ())


async def test_an_instrument_beside_a_named_act_does_not_replace_it(service: RecommendationService) -> None:
    """'like taylor swift but with more guitar' was Hendrix, Stevie Ray Vaughan and Clapton: the tag 'guitar' (on the
    guitar heroes) filtered the answer. Beside a named act the instrument cannot be heard per song; it is said so, and
    the answer is like the act. Alone, 'guitar' still asks for guitar music."""
    answer = await service.ask("like taylor swift but with more guitar", count=10)
    assert (answer.query.genres, answer.query.unheard) == ((), ("guitar",))
    assert any("'guitar'" in note for note in answer.notes), answer.notes
    assert not {"Jimi Hendrix", "Stevie Ray Vaughan"} & {a for r in answer.results for a in r.track.artists}
    assert service.parse("guitar").genres == ("guitar",)


def test_afro_beats_is_afrobeats_not_instrumental_beats(service: RecommendationService) -> None:
    """'chill afro beats' read 'afro' as afrobeats and 'beats' again as instrumental hip hop: Flying Lotus, Madlib."""
    query = service.parse("chill afro beats")
    assert query.genres == ()
    assert "Burna Boy" in [a.name for a in query.seed_artists]


async def test_an_unknown_name_is_not_read_as_a_distant_one(service: RecommendationService) -> None:
    """'músicas tipo Marília Mendonça' (a singer the catalog lacks) was read as Maria Mena (similarity 77) and
    answered Dido and Sia; a misspelling people make ('the beetles', 85) is still read as the band."""
    unknown = await service.ask("me indica umas músicas tipo Marília Mendonça", count=5)
    assert not unknown.query.seed_artists
    assert "Marília Mendonça" in unknown.query.unresolved
    typo = await service.ask("the beetles", count=5)
    assert [a.name for a in typo.query.seed_artists] == ["The Beatles"]


def test_time_of_day_words_in_activities(service: RecommendationService) -> None:
    """'late night study session' was the night-drive mood (Bedoes, Polish rap); German 'Abend' was an unknown
    name and the answer empty."""
    study = service.parse("late night study session")
    assert (study.moods, study.ignored) == (("focus",), ())
    evening = service.parse("Musik für den Abend")
    assert (evening.unresolved, evening.moods) == ((), ("chill",))


def test_a_negated_era_and_activities_that_hold_other_words(service: RecommendationService) -> None:
    """'like Kanye but not his new stuff' asked for his new stuff (2016 on); 'rock but not from the 80s' for the
    80s; 'music for getting over someone' was an unknown 'getting' and empty; 'dark academia playlist' was dark gym
    music (the Portuguese 'academia' is a gym)."""
    older = service.parse("songs like Kanye but not his new stuff")
    assert older.year_min is None
    assert older.year_max is not None
    assert older.year_max < 2016
    eighties = service.parse("rock but not from the 80s")
    assert (eighties.year_min, eighties.year_max, eighties.ignored) == (None, None, ())
    assert eighties.exclude_eras == ((1980, 1989),)  # said unread until the thirty-eighth session
    assert service.parse("music for getting over someone").moods == ("sad",)
    academia = service.parse("dark academia playlist")
    assert (academia.genres, academia.moods) == (("classical",), ())
    assert "workout" in service.parse("músicas para academia").moods


@pytest.mark.parametrize(
    ("text", "artists", "tracks", "ignored"),
    [
        ("songs like Queen's Bohemian Rhapsody", [], ["Bohemian Rhapsody"], []),
        (  # an album the catalog has: its songs are the seeds (`QueryParser._album_era`)
            "something like Daft Punk's Random Access Memories",
            ["Daft Punk"],
            ["Instant Crush", "Get Lucky", "Lose Yourself to Dance"],
            [],
        ),
        ("recommend something like pink floyd's dark side of the moon", ["Pink Floyd"], [], ["dark side of the moon"]),
        ("something like Pink Floyd's music", ["Pink Floyd"], [], []),
        ("deep cuts like Jane's Addiction", ["Jane's Addiction"], [], []),
    ],
)
def test_an_artists_possessive_names_their_song_or_album(
    service: RecommendationService, text: str, artists: list[str], tracks: list[str], ignored: list[str]
) -> None:
    """ "Daft Punk's Random Access Memories" was one unknown name and an empty answer; "pink floyd's dark side of the
    moon" read 'dark' as a mood; "Queen's Bohemian Rhapsody" missed the song. An album the catalog lacks is said
    unused."""
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == artists
    assert sorted(t.name.split(" - ")[0] for t in query.seed_tracks) == sorted(tracks)  # best known first
    assert list(query.ignored) == ignored
    assert not query.moods


def test_vibing_halloween_and_anime_are_read(service: RecommendationService) -> None:
    """'something to vibe to' seeded the song 'Vibe' by Frank Pierce; 'halloween party songs' left 'halloween'
    unused; 'anime openings' was an unknown name and an empty answer."""
    assert service.parse("something to vibe to").moods == ("chill",)
    halloween = service.parse("halloween party songs")
    assert (dict(halloween.played_by).keys(), halloween.ignored) == ({"Halloween"}, ())
    anime = service.parse("anime openings")
    assert (anime.genres, anime.unresolved) == (("anime",), ())


def test_y2k_is_an_era(service: RecommendationService) -> None:
    """'y2k pop' seeded the producer Y2K beside pop."""
    query = service.parse("songs from the y2k era")
    assert (query.year_min, query.year_max, query.seed_artists, query.ignored) == (1998, 2004, (), ())
    assert service.parse("genre: shoegaze").ignored == ()


@pytest.mark.parametrize(
    ("text", "moods", "genres"),
    [
        ("chil musik", ("chill",), ()),
        ("reggea", (), ("reggae",)),
        ("sleeep music", ("sleep",), ()),
        ("clasical music for studying", ("focus",), ("classical",)),
    ],
)
async def test_a_misspelt_mood_or_genre_word_is_read_and_said(
    service: RecommendationService, text: str, moods: tuple[str, ...], genres: tuple[str, ...]
) -> None:
    """'chil musik' and 'reggea' were unknown names and empty answers, 'sleeep music' the band Sleep."""
    answer = await service.ask(text, count=5)
    assert (answer.query.moods, answer.query.genres, answer.query.seed_artists) == (moods, genres, ())
    assert answer.query.meant
    assert len(answer.results) == 5
    assert any("took it to mean" in note for note in answer.notes), answer.notes
    sade = service.parse("songs like sade")
    assert [a.name for a in sade.seed_artists] == ["Sade"]


@pytest.mark.parametrize(
    ("text", "mood"), [("🔥🔥🔥", "bangers"), ("songs for 🌧 days", "rainy"), ("💪 music", "workout")]
)
def test_a_mood_said_by_emoji(service: RecommendationService, text: str, mood: str) -> None:
    """'🔥🔥🔥' asked for nothing the parser could see; the request keeps the emoji as typed."""
    query = service.parse(text)
    assert mood in query.moods
    assert query.text == text


def test_a_voice_or_a_comparative_genre_after_but(service: RecommendationService) -> None:
    """'like drake but female' and 'like kendrick but jazzier' left the last word unused."""
    female = service.parse("like drake but female")
    assert (female.genres, female.ignored) == (("female vocalists",), ())
    assert service.parse("like kendrick but jazzier").genres == ("jazz rap",)  # the comparative, in his own genre
    assert service.parse("female").genres == ("female",), "alone it is the listener tag, as before"


async def test_a_scene_leads_with_the_artists_listeners_file_under_it(service: RecommendationService) -> None:
    """'Deutschrap' led with two netlabel acts (TAPETE, Sichtbeton: three release styles each, 'german' among them)
    and had no Haftbefehl or Bushido: listeners spell the scene 'german hiphop', which was not the scene's own tag."""
    answer = await service.ask("Deutschrap", count=5)
    artists = [r.track.artists[0] for r in answer.results]
    assert artists[0] in {"Haftbefehl", "Bushido", "Nate57", "Fler", "Azad"}, artists
    assert {"Haftbefehl", "Bushido"} & set(artists), artists


async def test_a_voice_scene_needs_artists_filed_under_the_genre(service: RecommendationService) -> None:
    """'female rappers' had Halestorm and The Pretty Reckless: one song each on a rap playlist."""
    artists = {r.track.artists[0] for r in (await service.ask("female rappers", count=10)).results}
    assert not {"Halestorm", "The Pretty Reckless"} & artists, artists


async def test_no_west_coast_leaves_out_artists_listeners_file_there(service: RecommendationService) -> None:
    """'90s hip hop but not west coast' left 'west coast' unused and kept 2Pac and Snoop Dogg."""
    answer = await service.ask("90s hip hop but not west coast", count=10)
    assert answer.query.exclude_genres == ("west coast",)
    artists = {r.track.artists[0] for r in answer.results}
    assert not {"2Pac", "Snoop Dogg", "Ice Cube", "Dr. Dre"} & artists, artists
    assert len(answer.results) == 10


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("algo para escuchar en la playa", "summer"),
        ("música para escuchar mientras estudio", "focus"),
        ("Musik zum Hören beim Kochen", "background"),
        ("quelque chose à écouter en voiture", "driving"),
        ("algo pra ouvir na praia", "summer"),
    ],
)
def test_listen_and_while_in_other_languages(service: RecommendationService, text: str, mood: str) -> None:
    """'escuchar', 'beim', 'mientras estudio' were unused or unknown names ('mientras estudio' answered nothing)."""
    query = service.parse(text)
    assert mood in query.moods
    assert (query.ignored, query.unresolved) == ((), ())


@pytest.mark.parametrize(
    ("text", "moods", "novelty"),
    [
        ("yo segue gimme some bangers", ("bangers",), Novelty.FAMILIAR),
        ("hey segue, something chill", ("chill",), Novelty.BALANCED),
        ("songs nobody knows", (), Novelty.DEEP),
    ],
)
def test_the_bots_name_and_chat_words_are_no_request(
    service: RecommendationService, text: str, moods: tuple[str, ...], novelty: Novelty
) -> None:
    """'yo segue gimme some bangers' seeded the artist Segue, 'songs nobody knows' the artist nobodyknows+, and
    'segue what should i listen to rn' looked up 'rn' as a name."""
    query = service.parse(text)
    assert (query.seed_artists, query.moods, query.novelty) == ((), moods, novelty)
    chat = service.parse("segue what should i listen to rn")
    assert (chat.seed_artists, chat.unresolved) == ((), ())
    assert [a.name for a in service.parse("songs like segue").seed_artists] == ["Segue"], "asked for, the artist"


async def test_a_word_in_the_title_and_songs_featuring(service: RecommendationService) -> None:
    """'songs with love in the title' was the artist 'The Title' and the romantic mood; 'featuring' was unused."""
    titled = await service.ask("songs with love in the title", count=5)
    assert (titled.query.topics, titled.query.seed_artists, titled.query.moods) == (("love",), (), ())
    assert all("love" in r.track.title.lower() for r in titled.results), [r.track.title for r in titled.results]
    featuring = service.parse("songs featuring Pharrell")
    assert ([a.name for a in featuring.by_artists], featuring.ignored) == (["Pharrell Williams"], ())


@pytest.mark.parametrize(
    "text", ["me recomenda umas músicas boas", "musique pour faire du sport", "algunas canciones buenas para bailar"]
)
def test_good_and_doing_sport_in_other_languages(service: RecommendationService, text: str) -> None:
    """Portuguese 'boas' (good) was corrected to 'bops' (party songs); French 'faire' was unused."""
    query = service.parse(text)
    assert (query.meant, query.ignored, query.unresolved) == ((), (), ())


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("songs around 120 bpm", 112.0, 128.0),
        ("slow songs under 80 bpm", None, 80.0),
        ("fast songs over 150 bpm", 150.0, None),
        ("house music between 120 and 125 bpm", 120.0, 125.0),
        ("90-100 bpm hip hop", 90.0, 100.0),
    ],
)
async def test_a_tempo_in_bpm_bounds_the_answer(
    service: RecommendationService, text: str, low: float | None, high: float | None
) -> None:
    """'songs around 120 bpm' was an unknown name and an empty answer; 'under 80 bpm' left 'bpm' unused."""
    answer = await service.ask(text, count=5)
    tempo = [f for f in answer.query.features if f.feature == "tempo" and "bpm" in f.because]
    assert [(f.low, f.high) for f in tempo] == [(low, high)]
    assert (answer.query.ignored, answer.query.unresolved) == ((), ())
    assert len(answer.results) == 5
    for r in answer.results:
        assert r.track.features.tempo is not None
        assert low is None or r.track.features.tempo >= low
        assert high is None or r.track.features.tempo <= high


def test_a_word_glossed_in_one_language_stays_a_name(service: RecommendationService) -> None:
    """Glossing Portuguese 'boa' (good) took the seed out of 'something like BoA'."""
    for text in ("something like BoA", "algo parecido com BoA"):
        assert [a.name for a in service.parse(text).seed_artists] == ["BoA"], text


def test_who_the_songs_are_for_is_no_artist(service: RecommendationService) -> None:
    """'songs for my grandma' seeded the band Grandma; written as a name it still is one."""
    for text in ("songs for my grandma", "something for my girlfriend"):
        assert not service.parse(text).seed_artists, text
    assert [a.name for a in service.parse("songs like Grandma").seed_artists] == ["Grandma"]


@pytest.mark.parametrize(("text", "genre"), [("vaporwave", "chillwave"), ("cottagecore vibes", "indie folk")])
async def test_a_genre_the_catalog_lacks_is_read_as_its_nearest_with_a_note(
    service: RecommendationService, text: str, genre: str
) -> None:
    """'vaporwave', 'cottagecore', 'drill' were unknown names and empty answers."""
    answer = await service.ask(text, count=5)
    assert answer.query.genres == (genre,)
    assert answer.results
    assert any("nearest genre" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("songs for when you feel lonely", "sad"),
        ("im feeling sad", "sad"),
        ("when i feel down", "sad"),
        ("music that makes you feel good", "happy"),
    ],
)
async def test_how_the_listener_feels_is_the_mood_not_an_unknown_word(
    service: RecommendationService, text: str, mood: str
) -> None:
    """'im feeling sad' said "Not used: 'feeling'", and 'when i feel down' answered nothing."""
    answer = await service.ask(text, count=5)
    assert answer.query.moods == (mood,)
    assert not answer.query.ignored
    assert not answer.query.unresolved
    assert len(answer.results) == 5
    assert [a.name for a in service.parse("songs like The Feeling").seed_artists] == ["The Feeling"]


@pytest.mark.parametrize(
    ("text", "seeds"),
    [
        ("taylor swift meets paramore", {"Taylor Swift", "Paramore"}),
        ("Gorillaz crossed with MF DOOM", {"Gorillaz", "MF DOOM"}),
        ("nirvanna type beat", {"Nirvana"}),
        ("drake type beat", {"Drake"}),
        ("gorillaz type beat lol", {"Gorillaz"}),  # 'beat' was said unused before the chat word
        ("play the doors then the cure", {"The Doors", "The Cure"}),  # 'then' lost The Cure
    ],
)
def test_names_joined_by_meets_crossed_with_or_type_beat_are_all_seeds(
    service: RecommendationService, text: str, seeds: set[str]
) -> None:
    """'meets' was reported unused, 'Gorillaz crossed with MF DOOM' lost Gorillaz, 'nirvanna type beat' (the
    producers' idiom) was one unknown name and an empty answer."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == seeds
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("something to listen to on a train ride", ("chill",)),
        ("rooftop bar vibes", ("cocktail",)),  # an occasion of its own since set O
        ("music to paint to", ("focus",)),
        ("songs that make me feel like the main character", ("happy",)),
        ("music for studying late at night", ("focus",)),
        ("songs for a long drive at night", ("night drive",)),
        ("leg day music, the heavier the better", ("workout", "aggressive")),
        ("need sad boi hours music", ("sad",)),
        ("songs to cook to", ("background",)),
    ],
)
def test_everyday_situations_are_moods_not_unknown_names(
    service: RecommendationService, text: str, moods: tuple[str, ...]
) -> None:
    """'rooftop bar vibes' was an unknown name and an empty answer; 'music to paint to' and 'on a train ride' a
    mix across genres with the situation said unused."""
    query = service.parse(text)
    assert query.moods == moods
    assert not query.ignored
    assert not query.unresolved
    assert not query.surprise


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("sum sad shit pls", {"moods": ("sad",)}),
        ("ok bot impress me", {"surprise": True}),
        ("something nobody in this server has heard of", {"novelty": Novelty.DEEP}),
        ("similar vibe to Gasolina", {"seed_tracks": ("Gasolina - Daddy Yankee",)}),
        ("similar artists to Zach Bryan", {"unresolved": ("Zach Bryan",)}),
        ("more like Fred again..", {"seed_artists": ()}),
    ],
)
def test_chat_words_and_similarity_cues(service: RecommendationService, text: str, expect: dict[str, object]) -> None:
    """'sum sad shit pls' seeded the band Sum, 'impress me' was an empty answer, 'similar vibe to Gasolina' read
    'vibe to' as chill and dropped the song, and 'Fred again..' was corrected to the band Free."""
    query = service.parse(text)
    for field, value in expect.items():
        got = getattr(query, field)
        if field == "seed_tracks":
            got = tuple(t.name for t in got)
        elif field in ("seed_artists",):
            got = tuple(a.name for a in got)
        assert got == value, (field, got)
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "composer"), [("anything like Debussy", "Claude Debussy"), ("like bach", "Johann Sebastian Bach")]
)
async def test_a_composer_is_asked_for_by_surname(service: RecommendationService, text: str, composer: str) -> None:
    """'anything like Debussy' said "I don't know 'Debussy'. Did you mean debussy?" and answered nothing."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == [composer]
    assert len(answer.results) == 5


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("rap but nothing about money or cars", ("money", "cars")),
        ("country songs but nothing about trucks or beer", ("trucks", "beer")),
        ("rap pero nada sobre dinero", ("dinero",)),
    ],
)
async def test_what_the_songs_must_not_be_about_is_left_out(
    service: RecommendationService, text: str, topics: tuple[str, ...]
) -> None:
    """'rap but nothing about money or cars' read the topics as wanted and led with 'Money In The Grave', 'Get
    Money' and 'Got Your Money': the opposite of the request."""
    answer = await service.ask(text, count=10)
    assert answer.query.exclude_topics == topics
    assert not answer.query.topics
    assert len(answer.results) == 10
    forms = {form for topic in topics for form in title_forms(topic.lower())}
    assert not [r.track.title for r in answer.results if forms & set(normalize_name(r.track.title).split())]
    assert any("left out songs with" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "genres", "ignored"),
    [
        ("90s seattle grunge", ("seattle grunge",), ()),
        ("brooklyn rap", ("brooklyn rap",), ()),
        ("modern jazz from the london scene", ("london jazz",), ()),
        ("afrobeat from nigeria", ("afrobeat",), ("nigeria",)),
    ],
)
def test_a_city_before_a_genre_or_a_scene_after_from_is_the_place(
    service: RecommendationService, text: str, genres: tuple[str, ...], ignored: tuple[str, ...]
) -> None:
    """'seattle' in '90s seattle grunge' was unused, 'from the london scene' seeded the band London, and
    'afrobeat(s) from nigeria' asked "Did you mean Ligeia?" about the country."""
    query = service.parse(text)
    assert query.genres == genres
    assert query.ignored == ignored
    assert not query.seed_artists
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "track"),
    [
        ("dreams fleetwood mac", "Dreams - Fleetwood Mac"),
        ("gasolina daddy yankee", "Gasolina - Daddy Yankee"),
        ("dancing queen abba", "Dancing Queen - ABBA"),
        ("somebody that i used to kno gotye", "Somebody That I Used To Know - Gotye"),
        ("creep radiohead acoustic", "Creep - Radiohead"),
        ("toxic britney", "Toxic - Britney Spears"),
        ("heroes bowie", "Heroes - David Bowie"),
        ("sunflower post malone", "Sunflower - Spider-Man: Into the Spider-Verse - Post Malone"),
    ],
)
def test_a_song_typed_next_to_its_artist_is_the_song(service: RecommendationService, text: str, track: str) -> None:
    """Without 'by' or a dash, 'dreams fleetwood mac' was Fleetwood Mac with "Not used: 'dreams'", 'somebody that
    i used to know gotye' seeded The Used, and 'september earth wind and fire' answered nothing."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == [track]
    assert not query.ignored
    assert [a.name for a in service.parse("september earth wind and fire").seed_artists] == ["Earth, Wind & Fire"]


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("70s soul but not the super famous stuff", {"novelty": Novelty.DEEP}),
        ("grunge but the deep cuts, not the nirvana hits", {"novelty": Novelty.DEEP}),
        ("2000s pop punk but songs that werent singles", {"novelty": Novelty.DEEP}),
        ("kanye before 2010", {"seed_artists": ("Kanye West",)}),
        ("rock in spanish", {"genres": ("spanish rock",)}),
        ("turkish psych rock", {"genres": ("turkish psychedelic rock",)}),
        ("first day at a new job tomorrow, need confidence", {"moods": ("happy",)}),
        ("afrobeat from the fela era", {"moods": ()}),
    ],
)
def test_second_round_of_typed_requests(service: RecommendationService, text: str, expect: dict[str, object]) -> None:
    """From 220 more requests as typed: 'not the super famous stuff' and 'not the nirvana hits' asked for hits,
    'kanye before 2010' dropped Kanye, 'rock in spanish' was any rock or any Spanish song, 'psych' read as a
    dance mood and 'fela' (a name before 'era') as sleep music."""
    query = service.parse(text)
    for field, value in expect.items():
        got = getattr(query, field)
        if field == "seed_artists":
            got = tuple(a.name for a in got)
        assert got == value, (field, got)
    assert not query.meant


@pytest.mark.parametrize(
    "text",
    ["more like the 3rd one", "again but faster", "any others by the same artist?", "can you give me the links"],
)
async def test_a_request_pointing_at_an_earlier_answer_says_how_to_go_on_from_one(
    service: RecommendationService, text: str
) -> None:
    """'again but faster' seeded Fetty Wap's 'Again', 'the same artist' the band The The, 'the links' Big Boi's
    'Lines': a message cannot see the answer it points at, so the answer says to use that answer's buttons."""
    answer = await service.ask(text, count=5)
    assert answer.query.follow_up
    assert not answer.query.seed_artists
    assert not answer.query.seed_tracks
    assert any("reply to one of my answers" in note for note in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("~~sad~~ happy songs", {"moods": ("happy",)}),
        ("manda umas músicas de mpb pra ouvir no domingo", {"genres": ("mpb",), "seed_tracks": ()}),
        ("alguma coisa tipo los hermanos", {"seed_artists": ("Los Hermanos",)}),
        ("sertanejo sofrência pra chorar kkkkk", {"genres": ("sertanejo",)}),
        ("canzoni italiane anni 80 per favore", {"genres": ("italian",)}),
        ("hat jemand gute deutschrap empfehlungen? nicht so mainstream", {"novelty": Novelty.DEEP}),
        ("my parents anniversary playlist", {"moods": ("romantic",)}),
    ],
)
def test_chat_and_other_languages_as_typed(
    service: RecommendationService, text: str, expect: dict[str, object]
) -> None:
    """'no domingo' (on Sunday) seeded the song 'Domingo' by Reykon, a struck-through '~~sad~~' was still asked for,
    and 'kkkkk', 'per favore', 'empfehlungen', 'alguma' were reported unused."""
    query = service.parse(text)
    for field, value in expect.items():
        got = getattr(query, field)
        if field in ("seed_artists", "seed_tracks"):
            got = tuple(a.name for a in got)
        assert got == value, (field, got)
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "track"),
    [
        ("hotel california acoustic version pls", "Hotel California - Eagles"),
        ("sweater weather but a remix", "Sweater Weather - The Neighbourhood"),
    ],
)
def test_a_song_followed_by_how_it_is_wanted_is_the_song(service: RecommendationService, text: str, track: str) -> None:
    """'hotel california acoustic version pls' said "Not used: 'hotel california'", and 'sweater weather but a
    remix' answered nothing: the song opens the request, the rest says how it is wanted."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == [track]
    assert not query.ignored
    assert not query.unresolved


def test_baroque_is_a_genre_however_it_is_asked(service: RecommendationService) -> None:
    """'baroque era' was an unknown name and 'baroque era classical' read 'baroque' as a focus mood by meaning."""
    for text in ("baroque era", "baroque period music", "baroque era classical"):
        assert "baroque" in service.parse(text).genres, text


def test_filler_words_of_a_negation_stay_part_of_names_after_a_cue(service: RecommendationService) -> None:
    """'super' read past as filler after any cue broke 'something like Super Yei' into 'Super' and 'Yei'."""
    assert [a.name for a in service.parse("something like Super Yei").seed_artists] == ["Super Yei"]


def test_a_misspelt_famous_name_stays_a_name(service: RecommendationService) -> None:
    """'like mariah carry' was the artist Mariah with 'carry' unused, and 'like drak' was respelled into the mood
    'dark': a slip from a famous name is that name (said), not the vocabulary word one edit away."""
    assert [a.name for a in service.parse("like mariah carry").seed_artists] == ["Mariah Carey"]
    drak = service.parse("like drak")
    assert not drak.moods
    assert drak.unresolved == ("drak",)
    assert service.parse("chil musik").moods == ("chill",)  # vocabulary words are still respelled


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("acoustic heart", "Heart"),
        ("sad the cure", "The Cure"),
        ("late night the national", "The National"),
        ("old kiss, the makeup era", "KISS"),
        ("upbeat madness ska", "Madness"),
    ],
)
def test_a_famous_act_named_by_everyday_words_after_what_describes_it(
    service: RecommendationService, text: str, artist: str
) -> None:
    """'sad the cure' said "Not used: 'cure'", 'old kiss' dropped KISS: right after a mood, era or genre, a famous
    act's everyday-word name is the act; elsewhere ('something to heal my heart') the words stay words."""
    assert [a.name for a in service.parse(text).seed_artists] == [artist]
    assert not service.parse("something to heal my heart").seed_artists


def test_early_queen_is_queen_in_its_first_years(service: RecommendationService) -> None:
    """'early queen' said "Not used: 'early queen'", then "Not used: 'early'"; now the band's first years."""
    query = service.parse("early queen")
    assert [a.name for a in query.seed_artists] == ["Queen"]
    assert query.year_max == 1978
    assert not query.ignored


@pytest.mark.parametrize(
    "text", ["hit me", "shuffle", "song of the day", "what are you listening to", "top songs this week"]
)
def test_chat_openers_ask_for_a_pick(service: RecommendationService, text: str) -> None:
    """'shuffle' and 'what are you listening to' were unknown names with nothing answered; 'top songs this week'
    one unknown name."""
    query = service.parse(text)
    assert query.surprise
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "seeds"),
    [
        ("songs like the who", ["The Who"]),
        ("something like the who but newer", ["The Who"]),
        ("songs like yes", ["Yes"]),
        ("the band ghost", ["Ghost"]),
        ("ghost the band, the swedish one", ["Ghost"]),
        ("logic the rapper", ["Logic"]),
        ("I love the band Yes and the band Low", ["Yes", "Low"]),
    ],
)
async def test_a_famous_act_named_by_little_words_or_said_to_be_an_act(
    service: RecommendationService, text: str, seeds: list[str]
) -> None:
    """'songs like the who' and 'songs like yes' were empty answers (names of little words only counted when
    capitalized); 'the band ghost' left 'ghost' unused and answered nothing."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == seeds
    assert answer.results
    assert not answer.query.ignored


@pytest.mark.parametrize("text", ["more like this yes", "like the band the band", "songs like the band"])
def test_little_words_stay_words_unless_a_famous_name_closes_them(service: RecommendationService, text: str) -> None:
    seeds = [a.name for a in service.parse(text).seed_artists]
    assert "Yes" not in seeds
    assert "Like" not in seeds


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("my cat died yesterday", "sad"),
        ("my best friend is moving away", "sad"),
        ("walking home alone at night", "night drive"),
        ("just quit my job lmao", "happy"),
        ("stuck in traffic and losing my mind", "calm"),
        ("songs for taking out the garbage lol", "upbeat"),  # seeded the band Garbage
        ("first date jitters lmao calm me down", "calm"),
        ("something to keep me awake", "energetic"),
    ],
)
async def test_what_happened_to_the_listener_is_the_mood(service: RecommendationService, text: str, mood: str) -> None:
    """What people tell a bot ('my cat died yesterday', 'walking home alone at night') was an unknown name and an
    empty answer, or an artist: The Quit for 'just quit my job', Traffic for 'stuck in traffic'; 'my best friend'
    asked for the best-known songs."""
    answer = await service.ask(text, count=5)
    assert answer.query.moods == (mood,)
    assert not answer.query.seed_artists
    assert not answer.query.unresolved
    assert answer.query.novelty is Novelty.BALANCED
    assert len(answer.results) == 5


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("future bass", "Flume"),
        ("2010s soundcloud rap", "Lil Peep"),
        ("baile funk", "Anitta"),
        ("phonk", "Ghostemane"),
        ("drill", "Pop Smoke"),  # read as trap: Terror and Skrillex
        ("give me 5 uk drill tracks", "Headie One"),  # read as grime: Tinie Tempah's 'Girls Like'
        ("synthwave / retrowave", "Kavinsky"),  # read as its nearest catalog genre: netlabel electronica
        ("cumbia", "Los Angeles Azules"),  # read as latin: Pitbull, Jason Derulo
    ],
)
async def test_a_genre_no_song_is_filed_under_is_music_like_its_known_acts(
    service: RecommendationService, text: str, act: str
) -> None:
    """'future bass' and 'phonk' were unknown words and empty answers, 'soundcloud rap' any rap and 'baile funk'
    American funk: now songs like the acts that made the genre known, said in a note."""
    answer = await service.ask(text, count=8)
    assert act in [a.name for a in answer.query.seed_artists]
    assert not answer.query.ignored
    assert not answer.query.genres
    assert len(answer.results) == 8
    # The note names the acts whose songs the answer holds, first (it named Anitta beside no song of hers).
    heard = [r.track.artists[0] for r in answer.results if r.track.artists[0] in acts_read(answer)]
    said = [note for note in answer.notes if note.startswith("I have no ")]
    assert said, answer.notes
    assert any(act in said[0] for act in heard), (heard, said)
    assert len([note for note in answer.notes if note.startswith("I have no ")]) == 1
    # Their own songs lead ('drill' had no Pop Smoke, 'synthwave' no 'Nightcall'), and the note says so.
    acts = {a.name for a in answer.query.seed_artists}
    assert answer.results[0].track.artists[0] in acts
    assert any("these are by and like the artists" in note for note in answer.notes), answer.notes


def acts_read(answer: Answer) -> set[str]:
    """The acts a genre was read through (the query's seed artists)."""
    return {a.name for a in answer.query.seed_artists}


def test_no_genre_leaves_out_its_known_acts(service: RecommendationService) -> None:
    query = service.parse("trap but no phonk")
    assert "Ghostemane" not in [a.name for a in query.seed_artists]  # trap is read by its own acts
    assert "Ghostemane" in [a.name for a in query.exclude_artists]


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("like kendrick but jazzier", "jazz rap"),
        ("like green day but more blues", "blues rock"),
        ("like hilary duff but more latin", "latin pop"),
        ("like taylor swift but rock", "rock"),  # her blend ('rock-pop') has too few songs to stand for it
        ("like adele but more funk", "funk"),  # a netlabel style ('funk / soul') is no blend
    ],
)
async def test_a_genre_beside_a_seed_is_asked_of_the_seeds_own_genre(
    service: RecommendationService, text: str, genre: str
) -> None:
    """'like kendrick but jazzier' answered Anita Baker and Michael Bublé: the jazz in it, nothing of Kendrick."""
    answer = await service.ask(text, count=8)
    assert answer.query.genres == (genre,)
    assert len(answer.results) == 8
    if genre == "jazz rap":
        rappers = {"J. Cole", "The Pharcyde", "Joey Bada$$", "Jurassic 5", "A Tribe Called Quest", "Digable Planets"}
        assert rappers & {r.track.artists[0] for r in answer.results}


@pytest.mark.parametrize(
    ("text", "own_songs", "latest"),
    [
        ("early queen", True, 1978),
        ("early taylor swift, country era only", True, 2011),
        ("songs like early coldplay", False, 2005),
    ],
)
async def test_early_names_the_acts_first_years(
    service: RecommendationService, text: str, own_songs: bool, latest: int
) -> None:
    """'early queen' said 'early' unused and answered like Queen from any year; 'songs like early coldplay' was one
    unknown name and an empty answer. Early: within five years of the act's first song."""
    answer = await service.ask(text, count=6)
    assert answer.query.year_max == latest
    assert bool(answer.query.by_artists) is own_songs
    assert not answer.query.ignored
    assert len(answer.results) == 6
    assert all(r.track.year is None or r.track.year <= latest for r in answer.results)
    assert service.parse("early 2000s pop").year_min == 2000


@pytest.mark.parametrize(
    ("text", "own_songs"),
    [
        ("70s bowie", True),
        ("bowie in the 70s", True),
        ("bowie de los 70", True),
        ("songs like 70s bowie", False),
        ("80s taylor swift", False),  # no song of hers then: music like hers from the 80s
    ],
)
async def test_a_decade_beside_one_act_is_the_acts_songs_from_then(
    service: RecommendationService, text: str, own_songs: bool
) -> None:
    """'70s bowie' answered Queen and Pink Floyd from the 70s and no Bowie."""
    answer = await service.ask(text, count=5)
    assert bool(answer.query.by_artists) is own_songs
    assert len(answer.results) == 5
    bowie = [r for r in answer.results if r.track.artists[0] == "David Bowie"]
    if own_songs:
        assert len(bowie) == 5
        assert all(r.track.year is not None and 1970 <= r.track.year <= 1979 for r in bowie)
    else:
        assert not bowie


async def test_lofi_is_the_beats_and_a_mix_holds_both_genres(service: RecommendationService) -> None:
    """'lofi hip hop' was read as the indie 'lo-fi' tag (Toro y Moi, Yo La Tengo); and 'a mix of jazz and lofi hip
    hop' was ten jazz songs, the netlabel beats never reaching the pool the chart's jazz standards filled."""
    assert service.parse("lofi hip hop").genres == ("lo-fi hip hop",)
    assert service.parse("lofi").genres == ("lo-fi hip hop",)
    assert service.parse("lo-fi").genres == ("lo-fi",)  # as spelt by the indie tag
    answer = await service.ask("a mix of jazz and lofi hip hop", count=10)
    said = [r.reasons[0].text for r in answer.results if r.reasons]
    assert said.count("jazz") >= 4
    assert said.count("lo-fi hip hop") >= 4


async def test_the_surprise_mix_spreads_over_its_genres(service: RecommendationService) -> None:
    """The surprise mix named five genres and answered nine r&b songs: 'soul' beside 'r&b' (one family) undid
    the sharing between all five."""
    for draw in range(5):  # the five genres are drawn at random: a few draws, each repeatable
        random.seed(draw)
        answer = await service.ask("what should i listen to rn", count=10)
        assert answer.query.surprise
        genres = {r.reasons[0].text for r in answer.results if r.reasons}
        assert len(genres) >= 3, (answer.query.genres, genres)


def test_chat_shorthand_is_read(service: RecommendationService) -> None:
    """'w/o lyrics' was the unknown words 'w o' (and 'lyrics' then asked for sung songs); 'idk something new' and
    'recommend a song idk' seeded the rapper IDK, who stays reachable by a cue."""
    study = service.parse("music to study w/o lyrics")
    assert "instrumental" in study.moods
    assert not study.ignored
    assert [a.name for a in service.parse("songs w/ a saxophone solo").seed_artists] == []
    assert not service.parse("idk something new").seed_artists
    assert service.parse("recommend a song idk").surprise
    assert [a.name for a in service.parse("songs like idk").seed_artists] == ["IDK"]
    assert [a.name for a in service.parse("more like IDK").seed_artists] == ["IDK"]


@pytest.mark.parametrize(
    "text", ["something like karma police", "something like the song karma police", 'like the song "karma police"']
)
def test_a_title_of_everyday_words_after_a_cue_is_the_song(service: RecommendationService, text: str) -> None:
    """'something like karma police' seeded the artist Karma and said 'police' unused; 'like the song X' read 'song'
    as an artist."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == ["Karma Police - Radiohead"]
    assert not query.seed_artists
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "genres"),
    [
        ("indie rock but no male vocals", ("female indie rock",)),
        ("rap but no male rappers", ("female rap",)),
        ("songs with no male vocals", ("female vocalists",)),
    ],
)
def test_no_male_vocals_asks_for_the_other_voice(
    service: RecommendationService, text: str, genres: tuple[str, ...]
) -> None:
    """'indie rock but no male vocals' left out a tag few bands carry and answered The Strokes."""
    query = service.parse(text)
    assert query.genres == genres
    assert not query.exclude_genres


@pytest.mark.parametrize(
    ("text", "artist", "song"),
    [
        ("something like pink moon by nick drake", "Nick Drake", "pink moon"),  # 'pink' was P!nk, 'moon' unused
        ("i love heat waves by glass animals, give me more like it", "Glass Animals", "heat waves"),
    ],
)
def test_a_missing_song_of_everyday_words_after_a_cue_is_reported(
    service: RecommendationService, text: str, artist: str, song: str
) -> None:
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == [artist]
    assert not query.by_artists  # music like it, not only the act's own songs
    assert any(u.startswith(f"{song} by") for u in query.unresolved), query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("angry music to vent", ("angry",)),
        ("hype songs before a soccer game", ("workout", "stadium")),
        ("heartbroken but trying to move on", ("sad",)),
        ("songs to dance in my kitchen", ("dance",)),
    ],
)
def test_situations_are_read_without_words_said_unused(
    service: RecommendationService, text: str, moods: tuple[str, ...]
) -> None:
    query = service.parse(text)
    assert query.moods == moods
    assert not query.ignored


@pytest.mark.parametrize("text", ["im bored recommend me something", "what r u listening to"])
def test_chat_that_asks_for_anything_is_a_pick(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert query.surprise
    assert not query.ignored
    assert not query.unresolved


def test_hello_by_adele_is_her_song_and_sowas_wie_is_like(service: RecommendationService) -> None:
    """'similar to hello by adele' said "I don't have the song 'similar to hello'"; 'sowas wie' (German
    'something like') was said unused."""
    assert [t.name for t in service.parse("similar to hello by adele").seed_tracks] == ["Hello - Adele"]
    assert [a.name for a in service.parse("sowas wie Rammstein").seed_artists] == ["Rammstein"]
    assert not service.parse("sowas wie Rammstein").ignored


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("my grandma's funeral is tomorrow", ("sad",)),  # the band Grandma was seeded, 'funeral' said unused
        ("missing someone who lives far away", ("sad",)),  # 'lives' was the live-recordings mood
        ("walking home in the snow at night", ("mellow",)),  # one unknown name and an empty answer
    ],
)
def test_what_happened_to_the_listener_is_a_mood_not_a_name(
    service: RecommendationService, text: str, moods: tuple[str, ...]
) -> None:
    query = service.parse(text)
    assert query.moods[: len(moods)] == moods
    assert "live" not in query.moods
    assert not query.seed_artists
    assert not query.unresolved


def test_an_everyday_owner_is_the_listeners_not_a_band_unless_famous(service: RecommendationService) -> None:
    assert [a.name for a in service.parse("queen's greatest hits").seed_artists] == ["Queen"]
    rhapsody = service.parse("queen's bohemian rhapsody").seed_tracks
    assert [t.name.split(" - ")[0] for t in rhapsody] == ["Bohemian Rhapsody"]
    assert not service.parse("my dad's old records").ignored


@pytest.mark.parametrize("text", ["lol ok more pls", "that was mid, try again", "can u do better than that lol"])
def test_a_reply_to_an_earlier_answer_says_how_to_go_on(service: RecommendationService, text: str) -> None:
    """These were unknown names or the help text; a message cannot see the answer it replies to."""
    query = service.parse(text)
    assert query.follow_up
    assert not query.unresolved


def test_the_same_vibe_as_a_song_is_a_seed_not_a_reply(service: RecommendationService) -> None:
    query = service.parse("anything with the same vibe as 'bad guy'")
    assert [t.name for t in query.seed_tracks] == ["bad guy - Billie Eilish"]
    assert not query.follow_up
    assert [t.name for t in service.parse("songs like try again by aaliyah").seed_tracks] == ["Try Again - Aaliyah"]


async def test_songs_about_a_place_named_in_two_words(service: RecommendationService) -> None:
    """'songs about new york' read 'new' as 2016 on and answered the 2019 charts with 'york' unused."""
    answer = await service.ask("songs about new york", count=3)
    assert answer.query.topics == ("new york",)
    assert answer.query.year_min is None
    assert all("new york" in r.track.title.lower() for r in answer.results), [r.track.title for r in answer.results]
    assert any("in the title come first" in note for note in answer.notes), answer.notes
    assert service.parse("new songs").year_min is not None
    assert service.parse("songs about los angeles").topics == ("los angeles",)  # the Spanish 'los' was 'the'
    assert not service.parse("new orleans jazz").seed_artists  # the band Orleans


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("hooked on a feeling", "Hooked on a Feeling - Blue Swede"),  # was 'Hooked' by Notion
        ("livin on a prayer", "Livin' On A Prayer - Bon Jovi"),  # was the band The Prayer, 'livin' unused
        ("born to run", "Born to Run - Bruce Springsteen"),  # was the running mood, 'born' unused
    ],
)
def test_a_title_through_little_words_asked_alone_is_the_song(
    service: RecommendationService, text: str, song: str
) -> None:
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == [song]
    assert not query.ignored
    assert service.parse("rock from the 80s").genres == ("rock",)


def test_a_quoted_missing_song_with_its_artist_after_it_is_reported(service: RecommendationService) -> None:
    """'stuff like "space song" beach house' read 'beach house' as the genre house and a beach mood."""
    query = service.parse('stuff like "space song" beach house')
    assert [a.name for a in query.seed_artists] == ["Beach House"]
    assert query.unresolved == ("space song by Beach House",)
    assert not query.genres
    assert not query.moods
    styles = service.parse('like "as it was" harry styles')  # respelling 'styles' into 'style' lost the song
    assert styles.unresolved == ("as it was by Harry Styles",)
    assert not styles.ignored
    assert [t.name for t in service.parse("songs like 'redbone' childish gambino").seed_tracks] == [
        "Redbone - Childish Gambino"
    ]


async def test_an_hour_that_contradicts_the_mood_only_says_when(service: RecommendationService) -> None:
    """'cant sleep its 4am' asked for sleep music (energy at most 0.45) and night-drive music (0.5 and up) at
    once; an hour that agrees with the mood keeps its colour ('chill late night vibes')."""
    answer = await service.ask("cant sleep its 4am and my brain wont shut up", count=5)
    assert answer.query.moods == ("sleep",)
    assert all(f.because != "4am" for f in answer.query.features)
    assert len(answer.results) == 5
    assert not any("as well, so the rest" in note for note in answer.notes), answer.notes
    assert service.parse("chill late night vibes").moods == ("chill", "night drive")


def test_like_those_of_in_italian_names_the_seed(service: RecommendationService) -> None:
    """'canzoni come quelle di Lucio Battisti' (songs like those of) was one unknown name and an empty answer."""
    query = service.parse("canzoni come quelle di Lucio Battisti")
    assert [a.name for a in query.seed_artists] == ["Lucio Battisti"]
    assert not query.unresolved
    assert query.language == "it"


@pytest.mark.parametrize(("text", "title"), [("stay", "stay"), ("closer", "closer"), ("dreams", "dreams")])
async def test_everyday_words_asked_alone_are_a_songs_title(
    service: RecommendationService, text: str, title: str
) -> None:
    """'stay', 'closer' and 'dreams' asked alone said the word unused and answered nothing."""
    answer = await service.ask(text, count=5)
    assert [t.name.split(" - ")[0].split(" (")[0].casefold() for t in answer.query.seed_tracks] == [title]
    assert not answer.query.ignored
    assert len(answer.results) == 5
    assert service.parse("music").surprise  # a request noun alone is still a mix


def test_everyday_words_with_a_mood_stay_the_mood(service: RecommendationService) -> None:
    query = service.parse("happy")
    assert query.moods == ("happy",)
    assert not query.seed_tracks


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("punk songs under 3 minutes", 180),
        ("fast punk songs under 2 minutes", 120),
        ("20 songs for a 1 hour run", None),
    ],
)
def test_a_number_of_minutes_is_no_band(service: RecommendationService, text: str, seconds: int | None) -> None:
    """'under 3 minutes' seeded the band 3, 'under 2 minutes' the band 2%: a length is read, or said unused."""
    query = service.parse(text)
    assert not query.seed_artists
    assert query.seconds_max == seconds
    assert seconds is not None or "1 hour" in query.ignored


@pytest.mark.parametrize("text", ["whats everyone listening to", "something for the vc", "hmm"])
def test_chat_about_listening_is_no_unknown_name(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(("text", "low", "high"), [("punk songs under 3 minutes", 0, 180), ("long songs", 360, 10**6)])
async def test_a_length_asked_for_bounds_every_song(
    service: RecommendationService, built_catalog: Catalog, text: str, low: int, high: int
) -> None:
    """'punk songs under 3 minutes' seeded the band 3 and read no length; now every song is within it."""
    answer = await service.ask(text, count=8)
    assert len(answer.results) == 8
    seconds = [(r.track.duration_ms or 0) / 1000 for r in answer.results]
    assert all(low <= round(s) <= high for s in seconds), seconds


@pytest.mark.parametrize(
    ("text", "artist"), [("angel by massive attack", "Massive Attack"), ("hurt by johnny cash", "Johnny Cash")]
)
async def test_a_missing_song_named_by_everyday_words_is_said_missing(
    service: RecommendationService, text: str, artist: str
) -> None:
    """'angel by massive attack' said "Not used: 'angel'" (the catalog lacks the song): its artist stands in, and
    the answer says the song is missing."""
    answer = await service.ask(text, count=5)
    assert [a.name for a in answer.query.seed_artists] == [artist]
    assert not answer.query.ignored
    assert any(note.startswith("I don't have the song") for note in answer.notes)
    assert service.parse("songs by massive attack").by_artists  # a request noun is no title


@pytest.mark.parametrize(
    ("text", "title"),
    [("un son qui ressemble à 'la vie en rose'", "la vie en rose"), ("something like 'la bamba' but faster", None)],
)
def test_a_quoted_title_is_kept_whole_in_any_language(
    service: RecommendationService, text: str, title: str | None
) -> None:
    """The French reader rewrote the quoted title ('the vie in rose', then the artist LaVive and Vengaboys); a quoted
    song the catalog lacks was cut into an obscure act 'La' and an unread 'bamba'. Now: the song, or said whole."""
    query = service.parser.parse(text)
    if title is not None:
        assert not query.seed_artists
        assert [t.name.split(" - ")[0].casefold() for t in query.seed_tracks] == [title]
    else:  # said whole, or (since albums are read by title) Los Lobos' 'La Bamba - 45 Version' from their album
        whole = [t.name.split(" - ")[0].casefold() for t in query.seed_tracks] == ["la bamba"]
        assert query.unresolved == ("la bamba",) or whole, query
        assert [a.name for a in query.seed_artists] == ([t.name.rsplit(" - ", 1)[-1] for t in query.seed_tracks])


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("músicas pra ouvir no trânsito", "Transit"),
        ("axé dos anos 90 pra carnaval", "Carnaval"),
        ("whats good metal for a beginner", "Beginner"),
        ("songs like 'chill indie' stuff", "Stuff"),
    ],
)
def test_an_everyday_word_of_a_request_is_no_band(service: RecommendationService, text: str, unwanted: str) -> None:
    """'no trânsito' (in traffic), 'carnaval', 'a beginner', 'stuff' were read as the bands Transit, Carnaval,
    Beginner and Stuff, and the answer was theirs."""
    query = service.parser.parse(text)
    assert unwanted not in [a.name for a in query.seed_artists]
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "mood", "misread"),
    [
        ("samba de raiz das antigas", None, "rainy"),
        ("du métal qui tape fort", "energetic", None),
        ("jsuis triste mets moi un truc qui fait pleurer", "sad", "fast"),
        ("des chansons d'amour pour ma meuf", "romantic", None),
    ],
)
def test_a_foreign_word_is_not_respelt_into_an_english_one(
    service: RecommendationService, text: str, mood: str | None, misread: str | None
) -> None:
    """'raiz' was respelt 'rain' (a rainy mood on old samba), 'fait' 'fast' (a 140 BPM floor on crying songs),
    'fort' 'for'; 'qui tape fort' (hits hard) and 'ma meuf' (my girlfriend) were unread."""
    query = service.parser.parse(text)
    if mood is not None:
        assert mood in query.moods
    if misread is not None:
        assert misread not in query.moods
    assert not query.meant
    assert not query.ignored


@pytest.mark.parametrize(
    "text", ["metal for beginners", "k-pop recs? im new to it", "new to jazz, where to start", "just getting into punk"]
)
def test_a_newcomer_asks_for_the_well_known(service: RecommendationService, text: str) -> None:
    """'metal for a beginner' seeded the band Beginner (chiptune metal), 'im new to it' asked for songs from 2016 on:
    a newcomer wants the genre's best-known songs, from any year."""
    query = service.parser.parse(text)
    assert query.novelty is Novelty.FAMILIAR
    assert query.year_min is None
    assert not query.seed_artists


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("rock nacional anos 80 tipo legião urbana", "brazilian rock"),
        ("rock nacional de los 80 como soda stereo", "argentina rock"),
        ("c-pop", "chinese"),
        ("pagodão", "pagode"),
    ],
)
def test_a_local_genre_reads_as_its_own_scene(service: RecommendationService, text: str, genre: str) -> None:
    """'rock nacional' is Brazilian rock to a Brazilian and Argentine rock to an Argentine (the request was read as
    Spanish: the name's 'ã' tells); c-pop is Chinese ('c' unused and pop), 'pagodão' was
    the band Pagoda."""
    query = service.parser.parse(text)
    assert query.genres == (genre,)
    assert not query.seed_artists or "tipo" in text or "como" in text


async def test_neue_deutsche_welle_is_german_new_wave(service: RecommendationService) -> None:
    """'neue deutsche welle' was German rap from 2016 on ('neue' read as new, 'welle' unused): it is new wave by
    German acts (Nena, Falco, Alphaville, Peter Schilling), as 'german new wave' reads."""
    answer = await service.ask("musik aus den 80ern, neue deutsche welle", count=8)
    assert answer.query.genres == ("german new wave",)
    assert {"Nena", "Alphaville"} <= {r.track.artists[0] for r in answer.results}


@pytest.mark.parametrize("text", ["boleros para una cena romantica"])
async def test_a_scene_without_a_tag_is_answered_by_its_acts(service: RecommendationService, text: str) -> None:
    """Boleros were tropical house: now music by and like the acts that made them known (Luis Miguel)."""
    answer = await service.ask(text, count=10)
    assert answer.query.played_by
    assert answer.results
    assert answer.results[0].track.artists[0] in {"Nena", "Falco", "Luis Miguel"}


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("emo songs from the 2000s like mcr", "My Chemical Romance"),
        ("something like rhcp", "Red Hot Chili Peppers"),
        ("soad but softer", "System Of A Down"),
        ("stuff like qotsa", "Queens of the Stone Age"),
    ],
)
def test_a_famous_band_is_asked_for_by_its_initials(service: RecommendationService, text: str, band: str) -> None:
    """'like mcr' was an unknown name (and 'rhcp', 'soad', 'qotsa' too): fans write a long name's initials."""
    assert [a.name for a in service.parser.parse(text).seed_artists] == [band]


@pytest.mark.parametrize("text", ["top songs", "way too sad", "bad songs"])
def test_initials_that_spell_a_word_are_the_word(service: RecommendationService, text: str) -> None:
    """Twenty One Pilots, Wisin & Yandel and Brooks & Dunn have initials that are everyday words: never a seed."""
    assert not service.parser.parse(text).seed_artists


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("canciones como la flaca de jarabe de palo", "La Flaca - Acousique - Jarabe De Palo"),
        ("songs wie major tom von peter schilling", "Major Tom - Coming Home - Peter Schilling"),
        ("major tom by peter schilling", "Major Tom - Coming Home - Peter Schilling"),
    ],
)
def test_a_song_named_with_its_artist_in_any_language_is_found(
    service: RecommendationService, text: str, song: str
) -> None:
    """'la flaca de Jarabe de Palo' read 'de' as 'of' and said the whole request unknown; 'major tom by peter
    schilling' said the song missing, the catalog's title being longer ('Major Tom - Coming Home')."""
    query = service.parser.parse(text)
    assert [t.name for t in query.seed_tracks] == [song]
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "moods", "genres", "novelty"),
    [
        ("du rap fr des années 2000", (), ("french rap",), None),
        ("des sons comme Stromae mais moins connus", (), (), Novelty.DEEP),
        ("orelsan mais en plus vénère", ("angry",), (), None),
        ("j'ai le seum je viens de me faire larguer", ("sad",), (), None),
        ("algo tipo Arctic Monkeys mas nacional", (), ("brazilian",), None),
        ("to com o coração partido mas com raiva", ("sad", "angry"), (), None),
        ("algo como bad bunny pero más tranqui", ("calm",), (), None),
        ("traurige lieder nach der trennung", ("sad",), (), None),
        ("80s synth stuff but not the super obvious ones", (), ("synthpop", "synth"), Novelty.DEEP),
        ("something like the weeknd but not the radio stuff", (), (), Novelty.DEEP),
    ],
)
def test_a_local_qualifier_or_slang_is_read(
    service: RecommendationService,
    text: str,
    moods: tuple[str, ...],
    genres: tuple[str, ...],
    novelty: Novelty | None,
) -> None:
    """Words set D found unread or misread: 'rap fr', 'moins connus', 'vénère', 'le seum' and 'larguer' (the whole
    request unknown), 'mas nacional', 'coração partido', 'tranqui', 'trennung', and 'but not the obvious ones' or
    'the radio stuff' ('but not' took them as something to leave out)."""
    query = service.parser.parse(text)
    assert query.moods == moods
    assert query.genres == genres
    if novelty is not None:
        assert query.novelty is novelty
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "morning"),
    [
        ("motivation fürs lernen, prüfung morgen", False),
        ("necesito motivación para el examen de mañana", False),
        ("chillige musik für sonntag morgen", True),
        ("musica para la mañana", True),
    ],
)
def test_tomorrow_is_not_the_morning(service: RecommendationService, text: str, morning: bool) -> None:
    """'prüfung morgen', 'el examen de mañana' (tomorrow's exam) asked for morning music; 'sonntag morgen' and 'la
    mañana' still do."""
    assert ("morning" in service.parser.parse(text).moods) is morning


def test_a_short_name_before_a_twist_is_the_artist(service: RecommendationService) -> None:
    """'kendrick but happier' said 'kendrick' unknown (Kendrick Lamar answered 'kendrick lamar but happier'): what a
    'but' twists is an artist, as after 'like'."""
    assert [a.name for a in service.parser.parse("kendrick but happier lol").seed_artists] == ["Kendrick Lamar"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("stuff from when my parents were young", (1975, 1999)),
        ("musicas da época dos meus pais", (1975, 1999)),
        ("music my grandma would dance to", (1950, 1975)),
    ],
)
def test_a_generation_is_an_era(service: RecommendationService, text: str, years: tuple[int, int]) -> None:
    """'when my parents were young' and 'da época dos meus pais' came back empty ('young' unused, 'época' an unknown
    name), 'my grandma would dance to' as club tracks: a generation's music is its years, shown as such."""
    query = service.parser.parse(text)
    assert (query.year_min, query.year_max) == years
    assert not query.unresolved


def test_from_now_is_an_era_not_a_band(service: RecommendationService) -> None:
    """'take on me but from now' led with the obscure act Now: 'from now' asks for recent songs like it."""
    query = service.parser.parse("take on me but from now")
    assert not query.seed_artists
    assert query.year_min is not None
    assert query.year_min >= 2010


def test_indie_sleaze_is_read_by_its_acts(service: RecommendationService) -> None:
    """'indie sleaze' was the obscure artist Sleaze and indie pop: the scene is read by the acts that made it."""
    query = service.parser.parse("indie sleaze")
    assert {"MGMT", "Yeah Yeah Yeahs"} <= {a.name for a in query.seed_artists}
    assert "Sleaze" not in {a.name for a in query.seed_artists}


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("arctic monkeys AM era", "Do I Wanna Know? - Arctic Monkeys"),
        ("frank ocean blonde era", "Nights - Frank Ocean"),
        ("taylor swift 1989 era", "Blank Space - Taylor Swift"),
    ],
)
def test_an_album_era_of_an_act_seeds_with_that_album(service: RecommendationService, text: str, song: str) -> None:
    """'AM era' was dropped unsaid, 'Blonde' read as an artist of its own, '1989' as the year: the words before
    'era' that name one of the act's albums make that album's songs the seeds, beside the act."""
    query = service.parser.parse(text)
    assert song in [t.name for t in query.seed_tracks]
    assert len(query.seed_artists) == 1
    assert query.year_min is None
    assert not query.ignored


def test_a_left_out_song_may_hold_a_cue_word(service: RecommendationService) -> None:
    """'daft punk songs that arent get lucky or one more time' left 'One More Time' in and asked for one song:
    the title's 'more' is a cue word, which cut the span at 'one'."""
    query = service.parser.parse("daft punk songs that arent get lucky or one more time")
    assert [t.name for t in query.exclude_tracks] == ["Get Lucky - Daft Punk", "One More Time - Daft Punk"]
    assert query.count is None


def test_bro_country_is_left_out_by_its_acts(service: RecommendationService) -> None:
    """'country but not the bro country stuff' dropped the exclusion without a word: it leaves out the acts that
    made bro-country known."""
    query = service.parser.parse("country but not the bro country stuff")
    assert query.genres == ("country",)
    assert {"Florida Georgia Line", "Luke Bryan"} <= {a.name for a in query.exclude_artists}


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("yo bot gimme some tswift deep cuts, not the radio stuff pls", ["Taylor Swift"]),
        ("kdot but more chill", ["Kendrick Lamar"]),
        ("anything like ye's 808s era, sad but not depressing", ["Kanye West"]),
        ("mgk pop punk era songs plz", ["Machine Gun Kelly"]),
        ("rhcp and mcr deep cuts", ["Red Hot Chili Peppers", "My Chemical Romance"]),
        ("uk garage 2 step like craig david", ["Craig David", "Mis-Teeq", "Disclosure"]),  # and UK garage's acts
        ("post punk revival like interpol n the strokes", ["Interpol", "The Strokes"]),
        ("the 1975 vibes but less cringe lol", ["The 1975"]),
        ("like kanye 808s era, sad", ["Kanye West"]),
    ],
)
def test_an_act_called_as_fans_call_it_is_read(service: RecommendationService, text: str, acts: list[str]) -> None:
    """Set E: 'tswift', 'kdot' unknown; 'ye' the band Yes; 'rhcp and mcr' one unknown name; '2' the act 2%;
    'revival' Creedence Clearwater Revival; 'the 1975' the year; 'like kanye 808s era' lost Kanye."""
    query = service.parser.parse(text)
    assert [a.name for a in query.seed_artists] == acts
    assert query.year_min is None


@pytest.mark.parametrize(
    ("text", "song"),
    [("mac miller swimming vibes", "Ladders - Mac Miller"), ("like drake views era", "One Dance - Drake")],
)
def test_an_album_named_beside_its_act_seeds_with_it(service: RecommendationService, text: str, song: str) -> None:
    """'mac miller swimming vibes' said 'swimming' unknown (did you mean Swing?): an unread word beside an act
    that names one of its albums makes that album's songs the seeds."""
    query = service.parser.parse(text)
    assert song in [t.name for t in query.seed_tracks]
    assert not query.unresolved
    assert not query.suggestions


@pytest.mark.parametrize(
    "text",
    [
        "canciones de desamor pero que no sean tan deprimentes",
        "cumbia para el cumple de mi tía",
        "traurige lieder aber nicht zu depressiv",
        "musicas tristes pra chorar depois do termino",
        "trap br tipo matuê",
        "musique pour réviser mes partiels, calme et sans paroles stp",
    ],
)
def test_set_e_words_in_other_languages_are_read(service: RecommendationService, text: str) -> None:
    """'deprimentes', 'cumple', 'depressiv', 'término', 'br', 'partiels' were unread; 'mi tía' was the act TIA."""
    query = service.parser.parse(text)
    assert not query.ignored
    assert not query.unresolved
    assert "TIA" not in [a.name for a in query.seed_artists]


@pytest.mark.parametrize(
    ("text", "genres", "excluded"),
    [
        ("underrated 90s alt rock bands??", ("alternative rock", "alt rock"), ()),
        ("sertanejo universitario mas sem ser mt brega kkkk", ("sertanejo",), ("brega",)),
    ],
)
def test_set_e_genres_are_read_as_meant(
    service: RecommendationService, text: str, genres: tuple[str, ...], excluded: tuple[str, ...]
) -> None:
    """'alt rock' was a near-empty tag of its own (noise tracks answered); 'mas sem ser mt brega' (but not too
    cheesy) asked for brega, and the unread 'ser' was reported as 'sertanejo universitario'."""
    query = service.parser.parse(text)
    assert query.genres == genres
    assert query.exclude_genres == excluded
    assert not query.unresolved


@pytest.mark.parametrize(("text", "act"), [("emo rap", "Juice WRLD"), ("brazilian funk", "MC Fioti")])
def test_a_scene_of_two_genres_the_catalog_files_nothing_under_is_read_by_its_acts(
    service: RecommendationService, text: str, act: str
) -> None:
    """'emo rap' was emo x rap, which held Hollywood Undead and answered rapcore; 'brazilian funk' answered The
    Jacksons: a two-word scene with no tag of its own is read by the acts that made it known."""
    query = service.parser.parse(text)
    assert act in [a.name for a in query.seed_artists]
    assert query.played_by


@pytest.mark.parametrize(
    ("text", "moods", "year_min", "excluded"),
    [
        ("late beatles stuff, not the early love songs", (), None, ()),
        ("queen but not early", (), 1979, ()),
        ("songs like mr brightside but not by the killers", (), None, ("The Killers",)),
    ],
)
def test_what_is_left_out_is_left_out(
    service: RecommendationService,
    text: str,
    moods: tuple[str, ...],
    year_min: int | None,
    excluded: tuple[str, ...],
) -> None:
    """'not the early love songs' asked for love songs ('early' stood between 'not' and the mood); 'queen but not
    early' was early Queen; 'but not by the killers' made 'mr brightside but not' a title and said it unknown."""
    query = service.parser.parse(text)
    assert query.moods == moods
    assert query.year_min == year_min
    assert tuple(a.name for a in query.exclude_artists) == excluded
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("songs for late nights", "night drive"),
        ("music for sunday", "chill"),
        ("musique pour dimanche", "chill"),
        ("música para cocinar un domingo", "chill"),
        ("chillige musik für regentage", "rainy"),
        ("j'ai le coeur brisé, des chansons svp", "sad"),
        ("partymusik für heute abend", "party"),
    ],
)
def test_set_f_words_for_when_and_how_are_read(service: RecommendationService, text: str, mood: str) -> None:
    """'late nights', 'domingo', 'dimanche', 'regentage' were unread; 'j'ai le coeur brisé' was looked up as an
    artist (an empty answer); 'heute abend' (tonight) was an evening's chill beside the party."""
    query = service.parser.parse(text)
    assert mood in query.moods, query.moods
    assert not query.ignored
    assert not query.unresolved
    assert "party" not in query.moods or "chill" not in query.moods


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("songs for my grandma", (1950, 1975)),
        ("canciones para mi abuela", (1950, 1975)),
        ("80s rock for my grandpa", (1980, 1989)),  # her taste is said: the generation is no guess
        ("boleros para mi abuela", (None, None)),
    ],
)
def test_for_my_grandma_is_her_generation_only_when_nothing_else_is_asked(
    service: RecommendationService, text: str, era: tuple[int | None, int | None]
) -> None:
    """'para mi abuela' was an unknown word; beside boleros her era kept Luis Miguel's kin from before his time."""
    query = service.parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert not query.ignored


def test_a_mix_in_other_languages_and_less_commercial_are_read(service: RecommendationService) -> None:
    """'un mélange de pnl et de nekfeu' was read as Italian, 'mélange de pnl' an unknown name and 'de nekfeu' as
    songs by Nekfeu; 'pero menos comercial' left out an artist called The Commercials."""
    mix = service.parser.parse("un mélange de pnl et de nekfeu")
    assert [a.name for a in mix.seed_artists] == ["PNL", "Nekfeu"]
    assert not mix.by_artists
    assert not mix.unresolved
    assert mix.language == "fr"
    karol = service.parser.parse("songs like karol g pero menos comercial")
    assert not karol.exclude_artists
    assert karol.novelty is Novelty.DEEP


def test_an_unknown_act_after_like_suggests_acts(service: RecommendationService) -> None:
    """'qqch comme angèle' suggested the songs 'Angel - Akon' and 'Angel - Loyle Carner' for a French singer."""
    query = service.parser.parse("qqch comme angèle")
    assert query.unresolved == ("angèle",)
    assert not query.ignored
    assert query.suggestions
    assert not any(" - " in s for s in query.suggestions), query.suggestions


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("des sons pour la salle sans rap", "workout"),
        ("un truc qui bouge comme Aya Nakamura", "upbeat"),
        ("algo calminho pra dormir", "calm"),
        ("musica para el gym con mucha energia", "energetic"),
        ("was zum grillen mit freunden", "summer"),
        ("sofrência pra quem levou chifre", "sad"),
    ],
)
def test_set_g_words_in_other_languages_are_read(service: RecommendationService, text: str, mood: str) -> None:
    """'la salle' (the gym), 'qui bouge', 'calminho', 'mucha energía', 'Grillen' (a name: an empty answer) and
    'levou chifre' were unread."""
    query = service.parser.parse(text)
    assert mood in query.moods, query.moods
    assert not query.ignored
    assert not query.unresolved


def test_set_g_scenes_are_read_as_listeners_there_mean_them(service: RecommendationService) -> None:
    """In Brazil 'funk' is funk carioca (was Kool & the Gang); 'pop latino' is latin pop (was pop or latin: Coldplay);
    'moins déprimant' is less sad (was sad: 'moins' unread); 'surprends moi' a surprise (was an unknown song)."""
    funk = service.parser.parse("funk pro rolê de sexta")
    assert "MC Fioti" in [a.name for a in funk.seed_artists]
    assert "funk" not in funk.genres
    assert service.parser.parse("pop latino sin reggaeton").genres == ("latin pop",)
    less_sad = service.parser.parse("qqch comme PNL mais moins déprimant")
    assert "sad" not in less_sad.moods
    assert not less_sad.ignored
    assert service.parser.parse("jsp quoi écouter, surprends moi").surprise


@pytest.mark.parametrize(
    ("text", "song"),
    [("songs like seven nation army", "Seven Nation Army"), ("like two princes for the gym", "Two Princes")],
)
def test_set_h_a_song_title_opening_with_a_number_is_a_song(
    service: RecommendationService, text: str, song: str
) -> None:
    """'songs like seven nation army' read 'seven' as a count and answered nothing."""
    query = service.parse(text)
    assert [t.name.split(" - ")[0] for t in query.seed_tracks] == [song]
    assert query.count is None
    assert not query.ignored


def test_set_h_a_song_by_its_artist_after_not_is_left_out(service: RecommendationService) -> None:
    """'slow song for our first dance but not perfect by ed sheeran' seeded the answer with 'Perfect'."""
    query = service.parse("slow song for our first dance but not perfect by ed sheeran")
    assert not query.seed_tracks
    assert [t.name for t in query.exclude_tracks] == ["Perfect - Ed Sheeran"]
    assert service.parse("like perfect by ed sheeran").seed_tracks[0].name == "Perfect - Ed Sheeran"


@pytest.mark.parametrize(("text", "act"), [("bands like deftonez", "Deftones"), ("like metallika", "Metallica")])
def test_set_h_an_act_typed_with_one_wrong_letter_is_read(service: RecommendationService, text: str, act: str) -> None:
    """'bands like deftonez but newer' said "did you mean Deftones?" and answered 2019 chart pop."""
    assert [a.name for a in service.parse(text).seed_artists] == [act]


def test_set_h_brazilian_words_for_feelings_and_hours_are_read(service: RecommendationService) -> None:
    """'pra sofrer' was respelt 'softer' (calm), 'de madrugada' seeded the band Madrugada, 'modão de viola' the
    artist Viola (then Ariana Grande)."""
    suffer = service.parse("piseiro pra sofrer")
    assert "sad" in suffer.moods
    assert "calm" not in suffer.moods
    assert not suffer.meant
    late = service.parse("chill vibes pra codar de madrugada")
    assert not late.seed_artists
    assert not late.unresolved
    assert "focus" in late.moods
    country = service.parse("modão de viola raiz")
    assert country.genres == ("sertanejo",)
    assert "Viola" not in {a.name for a in country.seed_artists}  # the genre's acts may seed it, not the act Viola


@pytest.mark.parametrize(
    "text", ["sad songs in english", "des chansons tristes en anglais", "canciones tristes en inglés", "rap in english"]
)
def test_set_h_in_english_is_the_language_songs_are_sung_in(service: RecommendationService, text: str) -> None:
    """'des chansons tristes en anglais' read the listener tag 'english' (80s new wave, Craig David) and lost 'sad'."""
    query = service.parse(text)
    assert query.sung_in == "en"
    assert not [g for g in query.genres if "english" in g]
    assert not query.ignored
    assert service.parse("english rock bands").genres == ("english rock",)  # a scene: bands from England


def test_set_h_a_male_voice_is_the_tag_listeners_use(service: RecommendationService) -> None:
    """'billie eilish vibes but male singer' filtered on the tag 'male vocals' (23 artists): Great White, Billy
    Squier, five songs. Listeners say 'male vocalists' (649)."""
    assert service.parse("billie eilish vibes but male singer").genres == ("male vocalists",)


@pytest.mark.parametrize(
    ("text", "mood"),
    [("songs for a 2am existential crisis", "melancholic"), ("songs to cry in the shower at 3am", "sad")],
)
def test_set_h_an_hour_beside_sorrow_only_dates_it(service: RecommendationService, text: str, mood: str) -> None:
    """The night-drive energy of '2am' and '3am' gave 'Party Rock Anthem' and Jason Mraz's 'Lucky' to sorrow."""
    query = service.parse(text)
    assert mood in query.moods
    assert "night drive" not in query.moods
    assert not [f for f in query.features if f.feature == "energy" and f.low is not None]


def test_set_h_acts_listed_without_commas_are_each_read(service: RecommendationService) -> None:
    """'pop brasileiro atual tipo anitta ludmilla luisa sonza' read Anitta and left the rest unused."""
    query = service.parse("pop brasileiro atual tipo anitta ludmilla luisa sonza")
    assert [a.name for a in query.seed_artists] == ["Anitta", "Ludmilla"]
    assert query.year_min is not None  # 'atual': recent
    assert [a.name for a in service.parse("like drake love songs").seed_artists] == ["Drake"]  # a mood, no list


def test_set_h_a_little_known_one_word_act_inside_an_unknown_name_is_not_it(service: RecommendationService) -> None:
    """'agronejo tipo ana castela' seeded the trance artist Ana; the singer is not in the catalog, so say so."""
    query = service.parse("agronejo tipo ana castela")
    assert "Ana" not in {a.name for a in query.seed_artists}  # sertanejo's own acts may seed it
    assert query.unresolved == ("ana castela",)
    assert query.genres == ("sertanejo",)
    assert [a.name for a in service.parse("like drake lol").seed_artists] == ["Drake"]
    assert [a.name for a in service.parse("rap nacional das antigas tipo racionais").seed_artists] == ["Racionais MC's"]


@pytest.mark.parametrize("text", ["running music but not too fast", "elektropop zum joggen, nicht zu schnell"])
def test_set_i_a_bound_said_with_not_beats_an_activity_it_contradicts(
    service: RecommendationService, text: str
) -> None:
    """Jogging's 150-185 BPM beside 'not too fast' (at most 140) left no song with both: EDM and trap at 170 BPM."""
    tempo = [f for f in service.parse(text).features if f.feature == "tempo"]
    assert tempo
    assert all(f.low is None for f in tempo), tempo


@pytest.mark.parametrize(
    ("text", "check"),
    [
        ("temazos pa la previa", lambda q: "party" in q.moods),
        ("algo como mon laferte pero mas rockero", lambda q: q.genres == ("rock",)),
        ("algo nuevo q no conozca de pop latino", lambda q: q.year_min is not None),
        ("rap fr actuel", lambda q: q.genres == ("french rap",) and q.year_min is not None),
        ("du zouk love pour danser collé-serré", lambda q: "romantic" in q.moods),
    ],
)
def test_set_i_chat_words_in_spanish_and_french_are_read(
    service: RecommendationService, text: str, check: Callable[[Query], bool]
) -> None:
    """'previa', 'rockero', 'q no conozca', 'actuel', 'collé-serré' were said unused or unknown."""
    query = service.parse(text)
    assert check(query), query
    assert not [w for w in query.ignored if w in text], query.ignored
    assert not [w for w in query.unresolved if w in ("previa", "rockero", "actuel", "collé serré")], query.unresolved


def test_set_i_acts_and_their_scene_in_french_are_read(service: RecommendationService) -> None:
    """'des sons d'aya nakamura ou dadju, afro pop' filtered on the genre 'pop' and held none of their songs; a known
    act beside one the catalog lacks stays a seed ('genre iam ntm')."""
    own = service.parse("des sons d'aya nakamura ou dadju, afro pop")
    assert [a.name for a in own.by_artists] == ["Aya Nakamura", "Dadju"]
    assert not own.genres
    assert [a.name for a in service.parse("du rap français old school genre iam ntm").seed_artists] == ["IAM"]


def test_set_i_scene_and_playlist_words_are_read(service: RecommendationService) -> None:
    """'not the songs on every 80s playlist' asked for the playlists' songs, 'tiktok' was unused, 'aggro berlin' was
    the label as an artist (obscure acts first)."""
    assert service.parse("80s new wave but not the songs on every 80s playlist").novelty is Novelty.DEEP
    assert service.parse("tiktok songs from 2020").novelty is Novelty.FAMILIAR
    aggro = service.parse("aggro berlin zeug")
    assert {"Bushido", "Fler"} <= {a.name for a in aggro.seed_artists}
    assert not aggro.ignored


def test_set_i_a_mood_said_not_to_be_is_dropped_whichever_word_asked_for_it(service: RecommendationService) -> None:
    """'i just got dumped but im not sad im ANGRY' kept the sadness of 'got dumped': Russian acoustic songs."""
    query = service.parse("i just got dumped but im not sad im ANGRY")
    assert "sad" not in query.moods
    assert "angry" in query.moods
    assert not [f for f in query.features if f.feature == "valence" and f.high is not None and f.high <= 0.3]


def test_set_h_anos_without_a_tilde_is_portuguese(service: RecommendationService) -> None:
    """'rock nacional anos 80' was Argentine rock: 'anos' counted for Spanish as much as for Portuguese, and the tie
    fell to Spanish. Spanish written with its 'de los' stays Spanish."""
    assert service.parse("rock nacional anos 80").genres == ("brazilian rock",)
    assert service.parse("rock nacional de los anos 80").genres == ("argentina rock",)


def test_set_i_reading_and_night_are_read(service: RecommendationService) -> None:
    """'music to read fantasy books to' seeded the band The Books and read 'epic' alone; 'driving through tokyo at
    night' left 'night' unused."""
    books = service.parse("music to read fantasy books to, epic but no lyrics")
    assert "focus" in books.moods
    assert not books.seed_artists
    assert [a.name for a in service.parse("songs like the books").seed_artists] == ["The Books"]
    assert "night drive" in service.parse("driving through tokyo at night").moods


@pytest.mark.parametrize(
    ("text", "seeded"),
    [
        ("something like the strokes but with a girl singing", True),
        ("the strokes but a girl sings", True),
        ("indie rock with a woman singing", False),
    ],
)
def test_a_voice_singing_is_a_voice(service: RecommendationService, text: str, seeded: bool) -> None:
    """'something like the strokes but with a girl singing' left 'girl' unused and read 'singing' as 'not
    instrumental': The Killers and Franz Ferdinand, only male bands."""
    query = service.parse(text)
    assert not query.ignored
    assert [g for g in query.genres if g.startswith("female")], query.genres
    assert bool(query.seed_artists) is seeded


def test_night_alone_is_night_music_and_beside_a_calm_mood_only_when(service: RecommendationService) -> None:
    """'chill rnb for a rainy night' left 'night' unused ('night' was no mood, nor the moon emoji's word)."""
    for text in ("chill rnb for a rainy night", "sad night", "jazz for a quiet night"):
        query = service.parse(text)
        assert not query.ignored, text
        assert "night drive" not in query.moods, text
        assert not [f for f in query.features if f.feature == "energy" and f.low is not None], text
    assert service.parse("music for the night").moods == ("night drive",)
    assert "night drive" in service.parse("party night").moods


def test_a_one_word_act_after_like_is_the_act_not_the_word_it_spells(service: RecommendationService) -> None:
    """'krautrock like Neu!' read 'neu' as German for new: songs from 2016 on, one krautrock song."""
    for text in ("krautrock like Neu!", "music like neu!", "so was wie Neu!"):
        query = service.parse(text)
        assert [a.name for a in query.seed_artists] == ["Neu!"], text
        assert query.year_min is None, text
    for text in ("musik wie neu", "neue lieder wie kraftwerk"):  # the word, lower case and without its '!'
        assert service.parse(text).year_min is not None, text
    assert [a.name for a in service.parse("algo tipo tom jobim").seed_artists] == ["Antônio Carlos Jobim"]


@pytest.mark.parametrize(
    "text",
    [
        "une voix féminine douce pour m'endormir",
        "voz feminina suave tipo marisa monte",
        "canciones con voz femenina",
        "rock mit weiblicher stimme",
    ],
)
def test_set_j_a_female_voice_in_each_language(service: RecommendationService, text: str) -> None:
    """'voix féminine', 'voz feminina' were unused (only the plurals were in the tables), and 'm'endormir' too."""
    query = service.parse(text)
    assert not query.ignored, text
    assert [g for g in query.genres if g.startswith("female")], text


def test_set_j_words_of_set_j(service: RecommendationService) -> None:
    """'piseiro pra tocar no paredão' was forró (no song: Emicida), 'pas trop commerciale' left out the band The
    Commercials, 'funk mais leve' was respelt 'live' (live recordings), 'festif pour un mariage' was unused and its
    wedding's slow romance beside a party emptied the answer into 80s power ballads."""
    piseiro = service.parse("piseiro pra tocar no paredão")
    assert [a.name for a in piseiro.seed_artists] == ["Os Barões Da Pisadinha"]
    assert "party" in piseiro.moods
    assert not piseiro.ignored
    house = service.parse("de la house pour un after mais pas trop commerciale")
    assert not house.exclude_artists
    assert house.novelty is Novelty.DEEP
    funk = service.parse("funk mais leve pra festa")
    assert "live" not in funk.moods
    assert "mellow" in funk.moods
    for text in ("qqch de festif pour un mariage", "party songs for a wedding"):
        wedding = service.parse(text)
        assert wedding.moods == ("party",), text
        assert not wedding.ignored, text
    assert service.parse("wedding songs").moods == ("romantic",)


def test_set_j_what_follows_a_turn_after_a_comma_is_wanted(service: RecommendationService) -> None:
    """'breakup songs that arent too sad, more empowering' left out empowering songs too ('not' ran on past the
    comma), and 'empowering' was an unknown word: current chart hits. 'no rap, metal or country' left out the
    genre rap metal, not rap and metal."""
    query = service.parse("breakup songs that arent too sad, more empowering")
    assert not query.ignored
    assert not [f for f in query.features if f.because.startswith("not empower")]
    assert [f for f in query.features if f.because in ("empowering", "more empowering") and f.low is not None]
    assert service.parse("no rap, metal or country").exclude_genres == ("rap", "metal", "country")
    assert service.parse("no rap or metal").exclude_genres == ("rap", "metal")


def test_set_j_brazilian_and_french_words(service: RecommendationService) -> None:
    """'mpb classica tipo caetano' was MPB or classical music (Bocelli) and 'caetano' unknown; 'il pleut depuis ce
    matin' a bright morning; 'indie pop francophone' left 'francophone' unused."""
    mpb = service.parse("mpb classica tipo caetano")
    assert mpb.genres == ("mpb",)
    assert [a.name for a in mpb.seed_artists] == ["Caetano Veloso"]
    rain = service.parse("il pleut depuis ce matin, des chansons mélancoliques")
    assert "rainy" in rain.moods
    assert "morning" not in rain.moods
    assert not service.parse("des trucs peu connus en indie pop francophone").ignored


@pytest.mark.parametrize(
    "text", ['algo tipo "Evidências" do chitãozinho e xororó', 'something like "Evidências" by chitãozinho e xororó']
)
def test_set_j_a_quoted_song_by_an_act_the_catalog_lacks_is_not_another_acts(
    service: RecommendationService, text: str
) -> None:
    """'"Evidências" do chitãozinho e xororó' seeded Baby Rasta & Gringo's 'Evidencia': reggaeton for sertanejo."""
    query = service.parse(text)
    assert not query.seed_tracks
    assert query.unresolved
    assert query.unresolved[0].startswith("evidências by chitãozinho")
    assert not query.ignored
    assert [t.name for t in service.parse('songs like "Dreams" by fleetwood mac').seed_tracks] == [
        "Dreams - Fleetwood Mac"
    ]


def test_a_country_name_before_a_genre_is_its_scene(service: RecommendationService) -> None:
    """'uk grime', 'uk rap' left 'uk' unused: US rap for 'uk rap'. 'us' stays a pronoun ('play us some rap'). A
    place's own genre is itself ('uk grime', 'japanese city pop': Omega Tribe is tagged city pop, not Japanese)."""
    assert "Stormzy" in {a.name for a in service.parse("uk rap").seed_artists}  # its acts: no tag says British
    assert service.parse("uk grime").genres == ("grime",)
    assert service.parse("japanese city pop from the 80s").genres == ("city pop",)
    assert service.parse("japan rock").genres == ("japanese rock",)
    assert service.parse("play us some rap").genres == ("rap",)
    assert "Craig David" in {a.name for a in service.parse("uk garage").seed_artists}


def test_set_k_a_deep_voice_and_german_summer_hits(service: RecommendationService) -> None:
    """'songs with a really deep male voice' left 'deep' unused (Jay Sean, David Archuleta); 'sommerhits für den
    baggersee' was one unknown name and an empty answer."""
    deep = service.parse("songs with a really deep male voice")
    assert not deep.ignored
    assert {"Leonard Cohen", "Tom Waits"} <= {a.name for a in deep.seed_artists}
    assert service.parse("deep house").genres == ("deep house",)
    summer = service.parse("sommerhits für den baggersee")
    assert "summer" in summer.moods
    assert not summer.unresolved


def test_set_k_basslines_to_move_to_are_not_the_uk_genre(service: RecommendationService) -> None:
    """'funk with sick basslines' added the UK genre bassline (Sitezen's ambient dubstep) and left 'sick' unused."""
    query = service.parse("funk with sick basslines")
    assert query.genres == ("funk",)
    assert "dance" in query.moods
    assert not query.ignored
    assert service.parse("bassline").genres == ("uk garage",)


def test_plutot_is_rather(service: RecommendationService) -> None:
    """'musique pour un dîner entre amis, plutôt jazz' said 'plutôt' unused (tried as a user after the session)."""
    query = service.parse("musique pour un dîner entre amis, plutôt jazz")
    assert not query.ignored
    assert query.genres == ("jazz",)


def test_set_l_more_before_a_mood_compares_with_the_seed(service: RecommendationService) -> None:
    """'bon iver vibes but with more energy' asked for energy 0.87 and up whatever Bon Iver's own (Death Grips,
    Kanye): 'more' before a mood word makes it a comparative, a step beyond the seed's own sound."""
    for text in ("like bon iver but with more energy", "like bon iver but more energetic"):
        query = service.recommender.twisted(service.parse(text))
        floor = [f for f in query.features if f.feature == "energy" and f.low is not None]
        assert floor, text
        assert floor[0].because.startswith("more"), text
        assert (floor[0].low or 1.0) < 0.6, (text, floor)
    assert all(not f.because.startswith("more") for f in service.parse("play more sad songs").features)


def test_set_l_newer_than_an_old_act_reaches_this_century(service: RecommendationService) -> None:
    """'like queen but more modern' answered with Guns N' Roses and Bon Jovi (artists ten years on), 'joy division
    but newer' with late-80s acts; a young act stays ten years on. 'moderner', 'moderno' are read."""
    assert (service.parse("like queen but more modern").artists_from or 0) >= 1995
    assert (service.parse("like joy division but newer").artists_from or 0) >= 2000
    strokes = service.parse("like the strokes but newer").artists_from or 0
    assert 2005 <= strokes <= 2015
    german = service.parse("wie kraftwerk aber moderner")
    assert (german.artists_from or 0) >= 1995
    assert not german.ignored
    spanish = service.parse("como soda stereo pero más moderno")
    assert spanish.artists_from is not None
    assert not spanish.meant


def test_set_l_a_qualified_genre_left_out_is_its_head(service: RecommendationService) -> None:
    """'coldplay without the piano ballads' asked for ballads and left out piano (Latin ballads): the genre the
    first qualifies is what is left out."""
    query = service.parse("coldplay without the piano ballads")
    assert query.exclude_genres == ("ballad",)
    assert not query.genres
    assert service.parse("no rap metal").exclude_genres == ("rap metal",)
    assert service.parse("no rap or metal").exclude_genres == ("rap", "metal")


def test_set_l_twist_words(service: RecommendationService) -> None:
    """'less dramatic', 'more accessible' and 'mais dançante' were unread ('did you mean access?', 'DIAMANTE?')."""
    dramatic = service.parse("like muse but less dramatic lol")
    assert not dramatic.ignored
    assert [f for f in dramatic.features if f.feature == "energy" and f.high is not None]
    accessible = service.parse("like john coltrane but more accessible")
    assert accessible.novelty is Novelty.FAMILIAR
    assert not accessible.unresolved
    dancing = service.parse("musicas tipo djavan mas mais dançante")
    assert not dancing.unresolved
    assert [f for f in dancing.features if f.feature == "danceability"]


def test_set_l_a_male_singer_beside_a_voiced_seed_keeps_its_scene(service: RecommendationService) -> None:
    """'like portishead but with a male singer' filtered on the tag 'male vocalists' (James Blunt, Jay Sean): beside
    a seed listeners tagged with a voice, it is the seed's scene without women's voices."""
    query = service.parse("like portishead but with a male singer")
    assert not query.genres
    assert query.exclude_genres == ("female vocalists",)
    assert service.parse("billie eilish vibes but male singer").genres == ("male vocalists",)


def test_set_l_a_decade_long_after_the_act_asks_for_its_own_acts(service: RecommendationService) -> None:
    """'abba but from the 2010s' answered with songs dated then: 'Time After Time' (2014), 'Thriller' (2017),
    'Rebel Rebel - Remastered' (2016). A decade well after the act began asks for artists of that decade."""
    query = service.parse("like abba but from the 2010s")
    assert (query.year_min, query.year_max) == (2010, 2019)
    assert (query.artists_from or 0) >= 1990
    assert service.parse("like the strokes from the 2010s").artists_from is None


def test_classics_are_songs_that_lasted(service: RecommendationService) -> None:
    """'timeless classics' and 'karaoke night' answered with 2019's charts (Dance Monkey, The Box): popularity is
    what a streaming service measured in 2020. A classic or a singalong is familiar and at least ten years old."""
    newest = service.parser.reference_year
    for text in (
        "timeless classics",
        "karaoke night",
        "songs everyone knows",
        "les grands classiques",
        "die größten Klassiker",
        "clássicos que todo mundo conhece",
        "canciones que todo el mundo conoce",
    ):
        query = service.parse(text)
        assert query.novelty is Novelty.FAMILIAR, text
        assert query.year_max is not None, text
        assert query.year_max <= newest - 10, text
        assert not query.unresolved, text
        assert not query.ignored, text
    assert service.parse("road trip singalongs").novelty is Novelty.FAMILIAR
    assert service.parse("classic drake songs").year_max is None  # his own best known, any year
    assert service.parse("karaoke night").moods == ("vocal",)  # an event, not night-drive music
    girls = service.parse("girls night")  # an event, not night music: its anthems (thirty-seventh session)
    assert "night drive" not in girls.moods
    assert "Destiny's Child" in {a.name for a in girls.seed_artists}
    assert (service.parse("the greatest hip hop songs").year_max or 9999) <= newest - 10
    assert not service.parse("best songs ever").ignored


def test_set_o_girl_groups_and_boy_bands_are_groups(service: RecommendationService) -> None:
    """'girl groups' was any woman singing (Leona Lewis, Tracy Chapman) and 'boy bands' left 'boy' unused: the
    listeners' own tags for the groups, never widened to 'group' (Shinedown)."""
    assert service.parse("girl groups").genres == ("girl groups", "girl group")
    assert service.parse("90s boy bands").genres == ("boybands", "boyband")
    assert service.parse("female singers").genres == ("female vocalists",)
    assert service.recommender._genres.voiced(("girl groups",))


@pytest.mark.parametrize(
    "text",
    [
        "sad songs by women",
        "songs sung by women",
        "musica triste de chicas tipo Lana del Rey",
        "chansons tristes par des femmes",
    ],
)
def test_set_o_songs_by_women_are_sung_by_women(service: RecommendationService, text: str) -> None:
    """'sad songs by women' seeded the band Women, and 'de chicas' the artist Chicas (Bon Iver, Bill Callahan)."""
    query = service.parse(text)
    assert "female vocalists" in query.genres, query.genres
    assert not {"Women", "Chicas"} & {a.name for a in query.seed_artists}


def test_a_birth_year_is_the_year_with_its_words_accounted_for(service: RecommendationService) -> None:
    """'songs from the year i was born 1999' left 'year' and 'born' unused."""
    for text in ("songs from the year i was born 1999", "what was popular when i was born, 1999"):
        query = service.parse(text)
        assert (query.year_min, query.year_max) == (1999, 1999), text
        assert not query.ignored, text


def test_set_p_a_negated_length_or_a_maximum_bounds_the_answer(service: RecommendationService) -> None:
    """Set P: 'no songs over 4 minutes' asked for songs over four minutes (the negation stopped at 'songs'), 'max
    10 lieder' seeded the artist MAX, 'rap but no songs with autotune' asked for the autotune acts."""
    assert service.parse("upbeat pop songs, no songs over 4 minutes").seconds_max == 240
    assert service.parse("upbeat pop songs, no songs over 4 minutes").seconds_min is None
    counted = service.parse("nur instrumentale stücke zum einschlafen, max 10 lieder")
    assert counted.count == 10
    assert not counted.seed_artists
    autotune = service.parse("rap but no songs with autotune")
    assert not autotune.seed_artists
    assert "T-Pain" in [a.name for a in autotune.exclude_artists]


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("rock songs but only women artists", "female rock"),
        ("canciones de mujeres, solo artistas femeninas, pop latino", "female latin pop"),
        ("que des artistes féminines, pop francophone svp", "female french pop"),
        ("so mulheres, musica brasileira, pode ser de qlq epoca", "female brazilian"),
    ],
)
def test_set_p_only_women_narrows_the_genre_to_women(service: RecommendationService, text: str, genre: str) -> None:
    """Set P: 'rock songs but only women artists' was rock or any woman singing (Leona Lewis); the Spanish,
    French and Portuguese words for women were unused (Luis Miguel, Martin Solveig, Emicida)."""
    query = service.parse(text)
    assert query.genres == (genre,)
    assert not query.ignored
    assert not query.unresolved


def test_set_p_everyday_words_are_not_misread(service: RecommendationService) -> None:
    """Set P: 'they were teens in the 80s' read 1980-2019 ('teens' as the 2010s), 'the year i graduated, 2016'
    was happy music with 'year' unused, 'but not the usual edm stuff' asked for edm and obscure music, 'pero q no
    sea lofi' for lo-fi, 'old crooners' for dance music (Depeche Mode, Madonna)."""
    parents = service.parse("music my parents would like, they were teens in the 80s")
    assert (parents.year_min, parents.year_max) == (1980, 1989)
    graduated = service.parse("top songs from the year i graduated, 2016")
    assert (graduated.year_min, graduated.year_max, graduated.moods) == (2016, 2016, ())
    assert not graduated.ignored
    gym = service.parse("gym playlist but not the usual edm stuff, more like heavy rock")
    assert gym.exclude_genres == ("edm",)
    assert "edm" not in gym.genres
    assert gym.novelty is Novelty.BALANCED
    study = service.parse("algo para estudiar sin letra pero q no sea lofi")
    assert "lo-fi hip hop" in study.exclude_genres
    assert not study.ignored
    crooners = service.parse("my grandma loves old crooners, frank sinatra type, any others?")
    assert "Michael Bublé" in [a.name for a in crooners.seed_artists]
    assert "dance" not in crooners.moods


@pytest.mark.parametrize(
    "text",
    [
        "my dad only listens to classic rock",
        "songs from the 60s for a vintage themed party, danceable",
        "musica para una carne asada con mis tios, cumbia y algo de rancheras",
        "musik zum zocken, so elektronisch und treibend aber ohne gesang",
        "songs under 3 min for a tiktok edit",
    ],
)
def test_set_p_everyday_words_are_read_or_passed_over(service: RecommendationService, text: str) -> None:
    """Set P: 'listens' was guessed to mean loud music, 'themed', 'tios', 'zocken' and 'edit' were said unused,
    'treibend' (driving, propulsive) was unknown."""
    query = service.parse(text)
    assert "loud" not in query.moods
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("songs like the guardians of the galaxy soundtrack", "Redbone"),
        ("music like the stranger things soundtrack", "Kate Bush"),
        ("music from gta san andreas radio", "Dr. Dre"),
        ("canciones como la banda sonora de stranger things", "Kate Bush"),
        ("des sons comme la bande originale de pulp fiction", "Stealers Wheel"),
        ("music from the guardians of the galaxy movies", "Blue Swede"),
    ],
)
def test_set_p_a_films_music_is_its_soundtracks_acts(service: RecommendationService, text: str, act: str) -> None:
    """Set P: every 'songs like the X soundtrack' was one stock list filed under 'soundtrack' (Zac Efron, Rakim,
    High School Musical), 'gta san andreas radio' an empty answer, 'banda sonora' the artist Sonora."""
    query = service.parse(text)
    assert act in [a.name for a in query.seed_artists], query.seed_artists
    assert "soundtrack" not in query.genres
    assert not query.ignored
    assert not query.unresolved


async def test_set_p_a_films_music_says_it_is_like_its_acts(service: RecommendationService) -> None:
    answer = await service.ask("music like the stranger things soundtrack", count=10)
    assert any("music of stranger things itself" in n for n in answer.notes), answer.notes
    assert "Kate Bush" in {r.track.artists[0] for r in answer.results}


def test_set_p_introducing_someone_to_a_genre_is_its_known_songs(service: RecommendationService) -> None:
    """Set P: '3 songs to introduce someone to shoegaze' read 'introduce' as music to focus to; 'was lief so im
    radio als ich jung war' left its words unused."""
    shoegaze = service.parse("3 songs to introduce someone to shoegaze")
    assert (shoegaze.genres, shoegaze.moods, shoegaze.novelty) == (("shoegaze",), (), Novelty.FAMILIAR)
    radio = service.parse("was lief so im radio als ich jung war, so 2000-2005 in deutschland")
    assert (radio.year_min, radio.year_max, radio.novelty) == (2000, 2005, Novelty.FAMILIAR)
    assert not radio.ignored
    assert not radio.moods


def test_blind_round_a_sound_beside_a_named_genre_does_not_widen_it(service: RecommendationService) -> None:
    """The blind round's start wins: 'stoner rock w fuzzy riffs' became hard rock and metal at large (Wind of
    Change) once 'w' read as 'with' and 'riffs' as their genres; 'songs that go hard' became 2019's chart hits
    (Lizzo, Katy Perry) as bangers, where a fan wants aggressive rap and rock."""
    assert service.parse("yo segue any stoner rock w fuzzy riffs").genres == ("stoner rock",)
    assert service.parse("songs with sick riffs").genres == ("hard rock", "heavy metal")
    assert service.parse("rock w heavy riffs").genres == ("rock",)
    hard = service.parse("songs that go hard")
    assert hard.moods == ("aggressive",)
    assert hard.novelty is Novelty.BALANCED


def test_set_p_a_common_word_is_no_misspelling(service: RecommendationService) -> None:
    """Set P: 'musicas de abertura de anime, tipo naruto e bleach' read 'bleach' as the beach (summer music): a word
    this common is a word, while 'chil musik' is still chill music."""
    anime = service.parse("musicas de abertura de anime, tipo naruto e bleach")
    assert "summer" not in anime.moods
    assert not anime.meant
    assert "anime" in anime.genres
    assert service.parse("chil musik").moods == ("chill",)


def test_set_o_underrated_in_french_is_not_soul(service: RecommendationService) -> None:
    """'du rap français des années 90 sous-coté' read 'sous' as soul and left 'coté' unused."""
    query = service.parse("du rap français des années 90 sous-coté")
    assert query.genres == ("french rap",)
    assert query.novelty is Novelty.DEEP
    assert not query.ignored


def test_set_o_bangers_hit_hard_in_any_genre(service: RecommendationService) -> None:
    """'rock bangers' and 'indie bangers' were danceable party songs (Smashing Pumpkins' '1979', Yes): a banger hits
    hard and is known, so the genre keeps its loud hits (Sweet Child O' Mine, Last Nite); 'hidden' turns it deep
    ('hidden bangers' was the song 'Hidden')."""
    for text in ("rock bangers", "indie bangers"):
        query = service.parse(text)
        assert query.moods == ("bangers",), text
        assert query.novelty is Novelty.FAMILIAR, text
        assert query.year_max is None, text  # hits of any year, not only classics
        assert not any(f.feature == "danceability" and (f.low or 0) >= 0.7 for f in query.features), text
    hidden = service.parse("hidden bangers")
    assert hidden.novelty is Novelty.DEEP
    assert not hidden.seed_tracks


def test_stadium_and_picnic_are_read_as_occasions(service: RecommendationService) -> None:
    """'stadium anthems for the big game' was euphoric trance with 'stadium' and 'big game' said unused (a crowd
    wants what it knows: Bon Jovi, Queen); 'picnic in the park' was read as a title search."""
    for text in ("stadium anthems for the big game", "game day hype songs", "canciones para el estadio"):
        query = service.parse(text)
        assert "stadium" in query.moods, text
        assert query.novelty is Novelty.FAMILIAR, text
        assert not query.ignored, text
    picnic = service.parse("picnic in the park")
    assert picnic.moods == ("morning",)
    assert not picnic.unresolved


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("songs with horns", "ska"),
        ("songs with a sick bassline", "funk"),
        ("des sons avec une grosse basse bien funky", "funk"),
        ("songs with a choir", "gospel"),
        ("des chansons avec des choeurs", "gospel"),
        ("songs in weird time signatures", "math rock"),
        ("songs with strings", "baroque pop"),
        ("songs with a sick drop", "edm"),
        ("Lieder mit geilem Gitarrensolo", "guitar"),
        ("canciones con un buen solo de saxofon", "saxophone"),
        ("rock w heavy riffs", "rock"),
        ("acoustic fingerpicking songs", None),
        ("songs that sound like a 2000s skate video", "skate punk"),
        ("music for a road trip through the desert, kinda western vibes", "americana"),
        ("songs that feel like a coming of age movie", "indie rock"),
    ],
)
def test_set_o_an_instrument_is_read_by_the_genres_built_on_it(
    service: RecommendationService, text: str, genre: str | None
) -> None:
    """Set O: 'songs with horns' was loud 2019 pop, 'a sick bassline' UK garage, 'a choir' a remix titled 'Choir',
    'a sick drop' an unknown word; the Spanish, French and German words for them were unread; 'riffs' after chat's
    'w' (with) and 'fingerpicking' were unused."""
    query = service.parse(text)
    assert genre is None or genre in query.genres, (text, query.genres)
    assert not query.ignored, query.ignored
    assert not query.unresolved, query.unresolved
    assert not query.seed_tracks


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("songs with falsetto", "Bee Gees"),
        ("musicas com falsete pra ouvir de noite", "Prince"),
        ("raspy male vocals", "Tom Waits"),
        ("autotune heavy tracks", "T-Pain"),
        ("ukulele songs", "Jason Mraz"),
    ],
)
def test_set_o_a_voice_or_an_instrument_no_tag_names_is_read_by_its_acts(
    service: RecommendationService, text: str, act: str
) -> None:
    """Set O: 'songs with falsetto' and 'ukulele songs' were unknown words and empty answers, 'raspy male vocals'
    Jay Sean with 'raspy' unused, 'autotune heavy tracks' metalcore."""
    query = service.parse(text)
    assert act in [a.name for a in query.seed_artists], query.seed_artists
    assert query.played_by
    assert not query.ignored
    assert not query.unresolved
    if "male" in text:
        assert "female vocalists" in query.exclude_genres  # who sings still narrows it


def test_an_acts_greatest_hits_are_its_own_songs(service: RecommendationService) -> None:
    """'queen greatest hits' left 'queen' unused and answered a mix across genres ('queen hits' was Queen)."""
    for text in ("queen greatest hits", "abba best songs", "the beatles essentials"):
        query = service.parse(text)
        assert query.by_artists, text
        assert not query.ignored, text


def test_dancing_at_a_wedding_is_its_party(service: RecommendationService) -> None:
    """'songs to dance to at a wedding' kept the wedding's slow romance (energy at most 0.6) beside 'dance' and
    answered with Usher's 'Nice & Slow'; 'wedding dance floor' left 'floor' unused; as the party mood it was 2019's
    club EDM (Topic, Tiësto). It is the wedding floor's acts (Whitney Houston, Bruno Mars). A first dance stays slow."""
    for text in ("songs to dance to at a wedding", "wedding dance floor", "wedding dance songs"):
        query = service.parse(text)
        assert dict(query.played_by) == {"floor filler": "Bruno Mars, Michael Jackson, Whitney Houston"}, text
        assert not [f for f in query.features if f.feature == "energy" and f.high is not None], text
        assert not query.ignored, text
    assert "romantic" in service.parse("wedding first dance").moods


def test_set_m_occasions_are_read(service: RecommendationService) -> None:
    """Set M (100 occasion requests): 'prom' was prog rock, 'tailgate' and 'at a bar' unused, 'new years eve' half
    read, 'sleepover' a summer day, 'canciones clásicas' and 'musicas brasileiras classicas' classical music
    (Bocelli), 'not the cheesy ones' unused, yoga music led with sung songs."""
    prom = service.parse("slow dance at prom")
    assert not prom.genres
    assert prom.moods == ("romantic",)
    tailgate = service.parse("country songs for a tailgate")  # the songs everyone knows, not the party's bounds
    assert tailgate.novelty is Novelty.FAMILIAR
    assert not tailgate.features
    assert not tailgate.unresolved
    for text, mood in (("songs to play at a bar", "dive bar"), ("new years eve party", "party")):
        query = service.parse(text)
        assert mood in query.moods, text  # a bar's jukebox, its own occasion since set O
        assert not query.ignored, text
        assert not query.unresolved, text
    assert service.parse("sleepover playlist").moods == ("upbeat",)
    for text in ("canciones clásicas", "musicas brasileiras classicas"):
        classic = service.parse(text)
        assert not [g for g in classic.genres if "classical" in g], text
        assert classic.novelty is Novelty.FAMILIAR, text
    assert service.parse("música clásica").genres == ("classical",)
    assert service.parse("classical songs").genres == ("classical",)
    assert service.parse("christmas songs but not the cheesy ones").novelty is Novelty.DEEP
    yoga = service.parse("yoga music")
    assert [f for f in yoga.features if f.feature == "instrumentalness" and f.target]


def test_two_genres_said_the_other_way_round(service: RecommendationService) -> None:
    """'country but not the pop country stuff' left out country itself (read at the end, held-out split): 'pop
    country' is country pop; a genre the request wants is never the one left out."""
    query = service.parse("country but not the pop country stuff")
    assert query.genres == ("country",)
    assert query.exclude_genres == ("country pop",)
    assert service.parse("pop country songs").genres == ("country pop",)
    assert service.parse("house deep cuts").genres == ("house",)
    trap = service.parse("hip hop but no trap hip hop")
    assert trap.genres == ("hip hop",)
    assert trap.exclude_genres == ("trap",)


def test_set_n_the_way_into_an_act_is_its_own_songs(service: RecommendationService) -> None:
    """Set N: 'where do i start with radiohead' answered with Muse and Coldplay, 'canciones esenciales de juan
    gabriel' left 'esenciales' unread, 'cumbia clasica' was classical music (Bublé, Brahms)."""
    for text in (
        "where do i start with radiohead",
        "bowie for beginners",
        "canciones esenciales de juan gabriel",
        "par où commencer avec daft punk",
        "beatles für anfänger",
    ):
        query = service.parse(text)
        assert query.by_artists, text
        assert query.novelty is Novelty.FAMILIAR, text
        assert not query.ignored, text
        assert not query.unresolved, text
    assert not service.parse("songs like radiohead for beginners").by_artists
    cumbia = service.parse("cumbia clasica")
    assert not [g for g in cumbia.genres if "classical" in g]
    assert cumbia.novelty is Novelty.FAMILIAR


async def test_an_acts_essentials_lead_with_its_songs_of_the_year_round(service: RecommendationService) -> None:
    """Stevie Wonder's essentials led with three Christmas songs; they come after his others now (a blind judge
    preferred seven of his songs, Christmas ones included, to four and six like his)."""
    answer = await service.ask("stevie wonder essentials", count=10)
    titles = [r.track.title for r in answer.results if r.track.artists[0] == "Stevie Wonder"]
    festive = [i for i, t in enumerate(titles) if "Christmas" in t]
    assert festive
    assert min(festive) > max(i for i, t in enumerate(titles) if "Christmas" not in t), titles
    caetano = await service.ask("músicas essenciais de caetano veloso", count=5)
    assert any("no songs by Caetano Veloso" in note for note in caetano.notes), caetano.notes
    assert not service.parse("essential folk songs from the 60s revival").by_artists


def test_set_n_yacht_rock_and_outlaw_country_by_their_acts(service: RecommendationService) -> None:
    """'yacht rock' was soft rock without Steely Dan, 'outlaw country' plain country with Taylor Swift first: no song
    is filed under either, so each is read by the acts that made it known."""
    yacht = service.parse("yacht rock")
    assert "Steely Dan" in [a.name for a in yacht.seed_artists]
    assert not yacht.genres
    assert "Willie Nelson" in [a.name for a in service.parse("outlaw country").seed_artists]


def test_the_act_after_a_way_in_is_cued(service: RecommendationService) -> None:
    """'where should i start with the smiths' left 'start' and 'smiths' unread and came back empty (tried as a user
    would, not tuned on): lowercase 'the smiths' alone is two everyday words, so the act after a way-in phrase is
    read as a named act is after 'like'."""
    for text, act in (
        ("where should i start with the smiths", "The Smiths"),
        ("getting into the cure", "The Cure"),
        ("new to the smiths", "The Smiths"),
    ):
        query = service.parse(text)
        assert [a.name for a in query.by_artists] == [act], text
        assert not query.ignored, text
    jazz = service.parse("getting into jazz")
    assert (jazz.genres, jazz.by_artists, jazz.novelty) == (("jazz",), (), Novelty.FAMILIAR)


@pytest.mark.parametrize("text", ["not Air & ", "no rap and", "without drake,"])
def test_a_negation_ending_on_a_connector_is_read(service: RecommendationService, text: str) -> None:
    """Hypothesis found 'not Air & ' raising IndexError: a connector that ends the request joins nothing."""
    query = service.parse(text)
    assert not query.seed_artists


def test_after_set_q_negations_read_past_what_they_met(service: RecommendationService) -> None:
    """Set Q (kept for measuring, fixed after it): 'shoegaze thats not mbv or slowdive' asked for Slowdive (a name
    not found ended the exclusion), 'no sudden loud parts' for loud music, 'jazzy but not elevator music' for
    background music; 'maximo 6', 'algo q me anime' (cheer me up, read as anime) and 'fin 90' were misread."""
    shoegaze = service.parse("reccomend some shoegaze thats not mbv or slowdive, preferrably newer")
    assert "Slowdive" in [a.name for a in shoegaze.exclude_artists]
    assert not shoegaze.seed_artists
    assert "loud" not in service.parse("fall asleep music. rain sounds ok. no sudden loud parts").moods
    assert "easy listening" in service.parse("something jazzy but not elevator music").exclude_genres
    assert service.parse("canciones tristes en español, maximo 6").count == 6
    cheer = service.parse("necesito musica pa limpiar la casa un domingo, algo q me anime")
    assert "anime" not in cheer.genres
    assert "happy" in cheer.moods
    assert service.parse("du rap français old school, fin 90").year_min == 1996


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("need something w no lyrics that wont put me to sleep", "sleep"),
        ("songs that won't make me cry", "sad"),
        ("something that doesnt sound sad", "sad"),
    ],
)
def test_after_set_q_a_mood_after_wont_or_doesnt_is_left_out(
    service: RecommendationService, text: str, mood: str
) -> None:
    """Set Q (fixed after its measurement): 'no lyrics that wont put me to sleep' asked for sleep music."""
    query = service.parse(text)
    assert mood not in query.moods
    assert not query.ignored
