"""The thirty-fourth session's readings: a Brazilian fan's requests (set AJ, `tests/data/fan_requests_aj.json`) and
what they showed of every member's: 'and' in another tongue between names, an era word after the genre it dates,
an angry breakup, and the songs everyone sings along to."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("emecida e racionais mcs", {"Emicida", "Racionais MC's"}),
        ("racionais e emecida", {"Emicida", "Racionais MC's"}),
        ("bad bunny y j balvin", {"Bad Bunny", "J Balvin"}),
        ("pagode e r&b, vibe dilsinho e vitão", {"Dilsinho", "Vitão"}),
        ("matue, wiu e orochii", {"Matuê", "WIU", "Orochi"}),
    ],
)
def test_and_in_another_tongue_joins_two_names(service: RecommendationService, text: str, acts: set[str]) -> None:
    """'emecida e racionais mcs' seeded Racionais alone (Tyga and netlabel rap, as nobody co-listens to them) and
    said 'emecida e' unused: a request with no other Portuguese word is read as English, where 'e' joins nothing."""
    query = service.parse(text)
    assert {a.name for a in query.seed_artists} == acts, query.interpretation()
    assert not query.ignored, query.interpretation()


@pytest.mark.parametrize("text", ["songs like y by coldplay", "e girl songs", "sad y something"])
def test_a_lone_foreign_and_beside_no_name_is_left_as_it_was(service: RecommendationService, text: str) -> None:
    """The foreign 'and' is a link only beside a name found: after a cue ('like') or a mood it seeds nothing."""
    query = service.parse(text)
    assert len(query.seed_artists) <= 1, query.interpretation()


@pytest.mark.parametrize(
    ("text", "genre", "era"),
    [
        ("rock mas nada de rock velho", "rock", (2000, None)),
        ("no old rock", "rock", (2000, None)),
        ("reggaeton pero nada de reggaeton viejo", "reggaeton", (2011, None)),
    ],
)
def test_an_era_word_after_the_genre_it_dates(
    service: RecommendationService, text: str, genre: str, era: tuple[int | None, int | None]
) -> None:
    """'nada de rock velho' ('no rock old' once read) left rock out and asked for old songs (Coolio, Lou Bega); as
    'no old rock' reads, the genre stays and its old years go."""
    query = service.parse(text)
    assert genre in query.genres, query.interpretation()
    assert genre not in query.exclude_genres
    assert (query.year_min, query.year_max) == era


def test_a_decade_after_a_left_out_genre_still_dates_what_is_left_out(service: RecommendationService) -> None:
    """'no rock from the 80s' leaves rock out: only a word that leaves one end open ('old', 'new') turns it."""
    query = service.parse("no rock from the 80s")
    assert "rock" in query.exclude_genres
    assert "rock" not in query.genres


@pytest.mark.parametrize(
    "text",
    [
        "angry breakup songs",
        "songs for when you are mad at your ex",
        "musica pra qnd vc ta com raiva do ex kkkk 😤",
    ],
)
async def test_an_angry_breakup_is_the_breakup_anthem(service: RecommendationService, text: str) -> None:
    """Read as the sad and angry moods these were nu-metal (System Of A Down, Slipknot, Breaking Benjamin) and 'ex'
    was unused: the fierce breakup songs are pop's (Kelly Clarkson, Olivia Rodrigo, Ariana Grande)."""
    answer = await service.ask(text, count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert not heard & {"System Of A Down", "Slipknot", "Breaking Benjamin", "Linkin Park"}, heard
    assert len(heard & {"Kelly Clarkson", "Ariana Grande", "Dua Lipa", "Taylor Swift", "Lizzo", "P!nk"}) >= 3, heard
    assert not answer.query.ignored, answer.query.interpretation()


@pytest.mark.parametrize(
    "text", ["singalong songs", "karaoke night", "easy songs to sing along to", "mscs em ingles faceis de cantar junto"]
)
async def test_singalongs_are_the_songs_everyone_knows(service: RecommendationService, text: str) -> None:
    """The 'sing along' tag is on 26 acts (Eurodance, Take That), so every other act had the untagged artist's prior
    or nothing: Coolio, Lou Bega and Danza Kuduro led, Queen and Michael Jackson came after."""
    answer = await service.ask(text, count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert len(heard & {"Queen", "Michael Jackson", "a-ha", "TOTO", "Eagles", "The Police", "Journey"}) >= 3, heard
    assert not heard & {"Lou Bega", "Coolio"}, heard
    assert not answer.query.ignored, answer.query.interpretation()


@pytest.mark.parametrize(
    ("text", "genre"),
    [("house music", "house"), ("pop music", "pop"), ("soul music", "soul"), ("world music", "world")],
)
def test_a_genre_said_with_music_after_it_is_the_genre(service: RecommendationService, text: str, genre: str) -> None:
    """'house music' was the few listeners' tag of that name (Corona, 2 Brothers On The 4th Floor; Daft Punk's
    genre score 0), 'pop music' likewise, 'world music' two songs; 'bass music', a genre of its own with more
    songs than 'bass', stays."""
    assert service.parse(text).genres == (genre,)
    assert service.parse("bass music").genres == ("bass music",)


@pytest.mark.parametrize("text", ["korean music", "songs in korean", "canciones en coreano"])
async def test_korean_music_holds_its_pop(service: RecommendationService, text: str) -> None:
    """Only acts listeners of 2011 tagged 'korean' counted: five songs (SHINee, 4Minute, BoA, f(x)), no BTS."""
    answer = await service.ask(text, count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert heard & {"BTS", "BLACKPINK", "TWICE", "Mamamoo", "CHUNG HA", "Red Velvet"}, heard


@pytest.mark.parametrize("text", ["basketball warmup songs", "hype songs before a basketball game", "warm up songs"])
def test_a_warmup_is_the_gyms_hype(service: RecommendationService, text: str) -> None:
    """'basketball warmup songs' was an empty answer ('I don't know basketball warmup'); before a basketball game
    the stadium's rock (Bon Jovi, KISS): an arena's warm-up is the gym's anthems, hip hop beside rock."""
    query = service.parse(text)
    assert "workout" in query.moods, query.interpretation()
    assert not query.unresolved, query.interpretation()
    assert not query.ignored, query.interpretation()


def test_a_voice_warmup_is_songs_to_sing(service: RecommendationService) -> None:
    query = service.parse("songs to warm up my voice")
    assert query.moods == ("vocal",), query.interpretation()


@pytest.mark.parametrize(("text", "topic"), [("songs about mom", "mom"), ("songs about my dad", "dad")])
def test_the_people_of_a_life_are_topics(service: RecommendationService, text: str, topic: str) -> None:
    """'songs about mom' was a mix across genres with 'mom' neither read nor said unused (a function word)."""
    query = service.parse(text)
    assert query.topics == (topic,), query.interpretation()
    assert not query.surprise


@pytest.mark.parametrize("text", ["musica pra festa", "resenha com os amigos hj em casa, oq toca?"])
async def test_a_party_asked_in_portuguese_leans_to_songs_sung_in_it(service: RecommendationService, text: str) -> None:
    """The lean to the request's language counted only acts listeners tagged, and Brazil's chart acts carry no tag:
    'musica pra festa' was Calvin Harris, Missy Elliott, Eiffel 65 and no Brazilian song."""
    answer = await service.ask(text, count=10)
    sung = answer.query.language
    assert sung == "pt-BR", answer.query.interpretation()
    heard = {r.track.artists[0] for r in answer.results}
    brazil = {"Dennis DJ", "WC no Beat", "Pabllo Vittar", "MC Cabelinho", "Os Barões Da Pisadinha", "1Kilo", "Sidoka"}
    assert len(heard & brazil) >= 3, heard


async def test_a_party_asked_in_spanish_keeps_its_genres_lean(service: RecommendationService) -> None:
    """Spanish says its lean by its dance genres; titles guessed Spanish had added freestyle acts (Lil Suzy)."""
    answer = await service.ask("canciones para la fiesta", count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert not heard & {"Lil Suzy", "Nice & Wild", "Freestylers", "Pretty Poison"}, heard


def test_both_languages_mixed_are_either(service: RecommendationService) -> None:
    """'rap em ingles e portugues misturado' was rap sung in English only: Portuguese is read as Brazil's scene,
    which the check for 'english and X' did not know."""
    assert service.parse("rap em ingles e portugues misturado").sung_in is None


@pytest.mark.parametrize(
    "text",
    [
        "give me 15 floor fillers for a wedding",
        "surprise me, something for a wedding",
        "what do i play when the floor dies",
        "songs that always work idk",
        "wedding reception songs",
    ],
)
async def test_a_wedding_floor_is_its_acts(service: RecommendationService, text: str) -> None:
    """A mobile DJ's words (set AK): 'wedding' was the romantic mood's 80s power ballads (Bryan Adams, Pat Benatar,
    Air Supply), 'floor fillers' unread, 'when the floor dies' the sad songs of Damien Rice."""
    answer = await service.ask(text, count=10)
    heard = {r.track.artists[0] for r in answer.results}
    floor = {"Whitney Houston", "Bruno Mars", "Mark Ronson", "Beyoncé", "Michael Jackson", "Kool & The Gang"}
    assert len(heard & floor) >= 3, heard
    assert not heard & {"Bryan Adams", "Pat Benatar", "Air Supply", "Damien Rice"}, heard


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("jazz for a wedding cocktail hour", "jazz"),
        ("kygo meets bob marley for a beach wedding", "Kygo"),
        ("mix of bruno mars and daddy yankee for a bilingual wedding", "Bruno Mars"),
    ],
)
def test_a_wedding_beside_what_is_asked_is_only_where_it_plays(
    service: RecommendationService, text: str, kept: str
) -> None:
    """Beside a genre, named acts or a mood the wedding is the setting: its floor's acts led 'jazz for a wedding
    cocktail hour' with Bruno Mars. An act typed that the floor also names stays a seed."""
    query = service.parse(text)
    assert not query.played_by, query.interpretation()
    assert kept in (*query.genres, *(a.name for a in query.seed_artists)), query.interpretation()


@pytest.mark.parametrize("text", ["top 8 line dance songs", "that song everyone does the hand motions to at weddings"])
async def test_line_dances_are_their_acts(service: RecommendationService, text: str) -> None:
    """'top 8 line dance songs' was club EDM and K-pop ('line' unread); 'hand motions' unread."""
    answer = await service.ask(text, count=8)
    heard = {r.track.artists[0] for r in answer.results}
    line = {"Cupid", "DJ Casper", "Los Del Rio", "V.I.C.", "Marcia Griffiths", "Village People"}
    assert len(heard & line) >= 3, heard


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("mid-tempo feel good stuff for cocktail hour", "mid tempo"),
        ("slow songs for the last dance", "romantic"),
        ("that song at the end of every wedding where everybody sings", "vocal"),
    ],
)
def test_a_djs_words_for_pace_and_moment(service: RecommendationService, text: str, mood: str) -> None:
    """'mid-tempo' was unused, 'the last dance' read 'dance' as the danceable mood (Sean Paul), 'everybody sings'
    was unread beside the wedding's power ballads."""
    query = service.parse(text)
    assert mood in query.moods, query.interpretation()
    assert "dance" not in query.moods


def test_a_title_may_end_on_a_genre_word(service: RecommendationService) -> None:
    """'songs like uptown funk' found Drake's 'Uptown' and the genre funk: the span stopped at the genre word."""
    query = service.parse("songs like uptown funk, the whole room sings it")
    assert [t.name for t in query.seed_tracks] == ["Uptown Funk - Mark Ronson"]
    assert not query.genres
    assert not query.ignored


@pytest.mark.parametrize(
    "text",
    [
        "hype but clean songs for a middle school dance",
        "corporate holiday party, keep it hr safe lol",
        "no explicit songs",
    ],
)
async def test_clean_lyrics_leave_out_swearing_titles_and_say_what_they_cannot_check(
    service: RecommendationService, text: str
) -> None:
    """'clean' was said unused (or, alone, read nothing); the catalog knows no explicit flag, so a clean answer
    leaves out titles with swearing and says it could not check the lyrics."""
    answer = await service.ask(text, count=10)
    assert answer.query.clean, answer.query.interpretation()
    assert not answer.query.ignored, answer.query.interpretation()
    assert any("clean versions" in n for n in answer.notes), answer.notes
    titles = " ".join(r.track.title.casefold() for r in answer.results)
    assert "fuck" not in titles
    assert "bitch" not in titles


def test_cleaning_music_is_no_clean_lyrics(service: RecommendationService) -> None:
    assert not service.parse("music to clean my room").clean


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("songs like teen spirit", "Smells Like Teen Spirit - Nirvana"),
        ("like stairway but newer", "Stairway to Heaven - Led Zeppelin"),
        ("songs like bohemian", "Bohemian Rhapsody - Queen"),
        ("like hotline", "Hotline Bling - Drake"),
    ],
)
def test_a_famous_song_by_part_of_its_title(service: RecommendationService, text: str, song: str) -> None:
    """'songs like teen spirit' was an empty answer ('teen spirit' unused), 'like stairway' the netlabel's
    'Stairways' (94 against the whole titles): members shorten the songs everyone knows."""
    query = service.parse(text)
    assert [t.name for t in query.seed_tracks] == [song], query.interpretation()
    assert not query.ignored


@pytest.mark.parametrize("text", ["songs like rolling stones", "like yellow", "songs like toxic", "like creep"])
def test_whole_titles_and_names_are_read_as_before(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert len(query.seed_tracks) + len(query.seed_artists) == 1, query.interpretation()
    assert not any("Rolling in the Deep" in t.name for t in query.seed_tracks)


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("beautiful songs", "calm"),
        ("emotional songs", "melancholic"),
        ("canciones para el vals de quinceañera, algo bonito", "romantic"),
    ],
)
def test_everyday_words_for_a_feeling(service: RecommendationService, text: str, mood: str) -> None:
    """'beautiful songs' was said unused (a mix across genres), 'emotional songs' the listener tag 'emotional' read
    as a genre (three songs, two of Mr. Mister), 'vals' and 'bonito' unread."""
    query = service.parse(text)
    assert mood in query.moods, query.interpretation()
    assert not query.genres
    assert not query.ignored


def test_the_couples_dance_in_spanish_is_spanish_love_songs(service: RecommendationService) -> None:
    """'el baile de los novios' said "I don't know 'de los novios'. Did you mean Knolios?"; read as the first dance
    it led with John Legend and Ed Sheeran: in Spanish it is the language's love songs."""
    query = service.parse("algo romántico en español para el baile de los novios")
    assert not query.unresolved, query.interpretation()
    assert "romantic" in query.moods
    assert "spanish" in query.genres
    assert "John Legend" not in {a.name for a in query.seed_artists}
    floor = service.parse("first dance songs for our wedding")  # the moment asked, not the floor's acts too
    assert dict(floor.played_by).keys() == {"first dance"}, floor.interpretation()


def test_emotional_rap_is_sad_raps_acts(service: RecommendationService) -> None:
    """Read as rap and the melancholic mood it was Pashanim, Mr. Käfer and Disclosure beside Trippie Redd."""
    query = service.parse("emotional rap")
    assert "emotional rap" in dict(query.played_by), query.interpretation()
    assert "Juice WRLD" in {a.name for a in query.seed_artists}


def test_the_brides_mom_is_no_band(service: RecommendationService) -> None:
    """'wedding floor fillers but no rap, bride's mom asked' seeded the band The Brides (Danzig, Warren Zevon)."""
    query = service.parse("wedding floor fillers but no rap, bride's mom asked 🙄")
    assert not [a for a in query.seed_artists if "Bride" in a.name], query.interpretation()
    assert dict(query.played_by).keys() == {"floor filler"}


async def test_a_line_dance_left_out_is_its_song(service: RecommendationService) -> None:
    """'line dance songs but not the cha cha slide again' left out every line dance act (the dance's name was read
    as the line dance itself): the song is what is left out."""
    answer = await service.ask("line dance songs but not the cha cha slide again", count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert not answer.query.exclude_artists, answer.query.interpretation()
    assert len(heard & {"Cupid", "V.I.C.", "Los Del Rio", "Marcia Griffiths"}) >= 3, heard
    assert "Cha Cha Slide" not in {r.track.title for r in answer.results}


def test_a_mood_that_gave_way_keeps_the_floor(service: RecommendationService) -> None:
    """'bangers to pack the floor right after dinner': the dinner gave way to the bangers, so the floor's acts stay
    (it was Foo Fighters, FISHER and 21 Savage)."""
    query = service.parse("high energy bangers to pack the floor right after dinner")
    assert dict(query.played_by).keys() == {"floor filler"}, query.interpretation()


@pytest.mark.parametrize("text", ["walking down the aisle songs", "music for a wedding ceremony"])
def test_the_ceremony_is_as_tender_as_the_first_dance(service: RecommendationService, text: str) -> None:
    """'walking down the aisle songs' was an empty answer, 'music for a wedding ceremony' the band Ceremony."""
    query = service.parse(text)
    assert dict(query.played_by).keys() == {"first dance"}, query.interpretation()
    assert "Ceremony" not in {a.name for a in query.seed_artists}


@pytest.mark.parametrize(("text", "genre"), [("clean rap for kids", "rap"), ("clean country songs", "country")])
def test_clean_before_a_genre_is_its_lyrics(service: RecommendationService, text: str, genre: str) -> None:
    query = service.parse(text)
    assert query.clean, query.interpretation()
    assert genre in query.genres
    assert not query.ignored


async def test_an_acts_songs_of_a_genre_they_do_not_play_say_so(service: RecommendationService) -> None:
    """'queen songs and some disco' said 'I have only a few songs by Queen' (the catalog has over a hundred)."""
    answer = await service.ask("queen songs and some disco", count=5)
    assert "Few songs by Queen are disco; the rest are like them." in answer.notes, answer.notes
    assert not any("only a few songs by Queen" in n for n in answer.notes)


async def test_music_like_studio_ghibli_is_its_sound(service: RecommendationService) -> None:
    """'music like studio ghibli' was an empty answer ('I don't know studio ghibli'); Joe Hisaishi is not here, and
    the note names the sound, not the films' own artists."""
    answer = await service.ask("music like studio ghibli", count=10)
    heard = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert heard & {"Ryuichi Sakamoto", "Akira Kosemura", "Nils Frahm"}, heard
    assert any("gentle film piano" in n for n in answer.notes), answer.notes


@pytest.mark.parametrize(
    ("text", "act"), [("minecraft music", "Akira Kosemura"), ("k-drama ost", "TAEYEON"), ("kdrama songs", "Ailee")]
)
async def test_a_game_or_a_dramas_music_is_its_sound(service: RecommendationService, text: str, act: str) -> None:
    """'minecraft music' and 'k-drama ost' were empty answers ('I don't know')."""
    answer = await service.ask(text, count=10)
    assert len(answer.results) == 10
    assert act in {r.track.artists[0] for r in answer.results}
    assert not any("songs songs" in n for n in answer.notes), answer.notes


async def test_halloween_is_its_spooky_titles(service: RecommendationService) -> None:
    """'halloween party songs' was nine songs listeners tagged 'halloween' (two Bobby Brown hits, no 'Thriller');
    no lyrics here, so spooky titles lead beside the Halloween acts, said by a few of the words."""
    answer = await service.ask("halloween party songs", count=10)
    titles = {r.track.title for r in answer.results}
    assert "Ghostbusters" in titles, titles
    assert any("Werewolves" in t or "Halloween" in t for t in titles), titles
    assert not {r.track.artists[0] for r in answer.results} & {"Bobby Brown"}
    assert len(answer.results) == 10
    assert any("'halloween', 'ghostbusters', 'thriller', 'monster'…" in n for n in answer.notes), answer.notes


async def test_an_acts_songs_of_other_years_say_so(service: RecommendationService) -> None:
    """'old taylor swift' said 'I have only a few songs by Taylor Swift': the catalog has many, few from then."""
    answer = await service.ask("old taylor swift", count=6)
    assert "Few songs by Taylor Swift are from those years; the rest are like them." in answer.notes, answer.notes


def test_a_place_before_a_wedding_is_its_music(service: RecommendationService) -> None:
    """'songs for a mexican wedding' said "I don't know 'mexican wedding'": the place joined the wedding floor's
    phrase as a scene no tag holds."""
    query = service.parse("songs for a mexican wedding")
    assert "mexican" in query.genres, query.interpretation()
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "language"),
    [("canciones para una boda", "es"), ("música para casamento", "pt-BR"), ("chansons pour un mariage", "fr")],
)
def test_a_wedding_asked_in_another_language_is_its_party(
    service: RecommendationService, text: str, language: str
) -> None:
    """The wedding floor's acts sing in English: 'canciones para una boda' was The Black Eyed Peas and Flo Rida."""
    query = service.parse(text)
    assert query.language == language, query.interpretation()
    assert not query.played_by
    assert "party" in query.moods


def test_clean_before_an_occasion_is_its_lyrics(service: RecommendationService) -> None:
    assert service.parse("clean party songs for a school dance").clean
    assert not service.parse("music to clean to").clean


def test_a_title_part_beats_a_lesser_act_that_opens_it(service: RecommendationService) -> None:
    """'songs like sweet child but newer' was the band Sweet with 'child' said unused."""
    query = service.parse("songs like sweet child but newer")
    assert [t.name for t in query.seed_tracks] == ["Sweet Child O' Mine - Guns N' Roses"], query.interpretation()
    assert not query.ignored
    assert [a.name for a in service.parse("like sweet").seed_artists] == ["Sweet"]
