"""Words the parser used to drop or misread (issue 9): typos of cue words, non-English request words, scenes that
combine a place or a genre with a genre, misspelt names made of everyday words, titles opening with a function
word, and a bare 'music' that asked for something."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from segue.domain import EntityRef, NameMatch, Novelty, Query
from segue.engine.query.genres import GenreTree
from segue.engine.query.parser import QueryParser
from support.names import load_fake


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("simlar to led zepplin", "Led Zeppelin"),
        ("similiar to radiohead", "Radiohead"),
        ("musc like daft punk", "Daft Punk"),
    ],
)
def test_a_misspelt_cue_word_still_cues(parser: QueryParser, text: str, artist: str) -> None:
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] == [artist]
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "moods", "genres"),
    [
        ("música triste", ["sad"], []),
        ("músicas para treinar", ["workout"], []),
        ("chill musik zum entspannen", ["chill", "relaxing"], []),
        ("música clásica para estudiar", ["focus"], ["classical"]),
        ("canciones románticas", ["romantic"], []),
    ],
)
def test_common_non_english_request_words_are_read(
    parser: QueryParser, text: str, moods: list[str], genres: list[str]
) -> None:
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert list(query.genres) == genres
    assert not query.unresolved
    assert not query.ignored


def test_a_place_before_a_genre_is_a_scene_not_a_dropped_word(parser: QueryParser) -> None:
    german = parser.parse("deutsche rap musik")
    assert list(german.genres) == ["german rap"]
    assert not german.ignored
    assert next(iter(parser.parse("russian rock").genres)).startswith("russian")
    assert list(parser.parse("brazilian songs").genres) == ["brazilian"]


def test_a_genre_pair_the_catalog_lacks_stays_a_scene(parser: QueryParser) -> None:
    # The tree's nearest broader genre alone ("rap") answered "jazz rap" with gangsta rap.
    assert list(parser.parse("jazz rap").genres) == ["jazz rap"]


def test_prog_rock_means_progressive_rock(parser: QueryParser) -> None:
    assert "progressive rock" in parser.parse("70s prog rock").genres


def test_city_pop_is_its_own_genre_from_the_playlist_that_names_it(parser: QueryParser) -> None:
    query = parser.parse("japanese city pop")
    assert query.genres == ("city pop",)  # Japan's own genre: no narrower scene of it (PLACE_GENRES)
    assert not query.ignored
    assert parser.parse("city pop").genres == ("city pop",)


def test_a_misspelt_name_of_everyday_words_reads_as_the_artist(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("songs like the weekend").seed_artists] == ["The Weeknd"]
    assert not parser.parse("songs like the funny story").seed_artists  # no clear winner: a phrase stays a phrase


def test_a_courtesy_word_after_a_name_of_everyday_words_is_not_part_of_it(parser: QueryParser) -> None:
    for text in ("music like the band pls", "like the band plz", "like the weekend pls", "music like the band lol"):
        assert len(parser.parse(text).seed_artists) == 1, text  # 'the band pls' was looked up whole: nothing
    assert [a.name for a in parser.parse("music like the band pls").seed_artists] == ["The Band"]


def test_an_exact_short_name_inside_a_longer_misspelt_one_yields(parser: QueryParser) -> None:
    query = parser.parse("similar to red hot chilli peppers")
    assert [a.name for a in query.seed_artists] == ["Red Hot Chili Peppers"]
    assert not query.ignored


def test_a_title_may_open_with_a_function_word(parser: QueryParser) -> None:
    query = parser.parse("songs like hey ya by outkast")
    assert [t.name.split(" - ")[0].casefold() for t in query.seed_tracks] == ["hey ya!"]
    assert not query.unresolved


def test_a_bare_request_for_music_is_a_surprise(parser: QueryParser) -> None:
    assert parser.parse("music").surprise
    assert parser.parse("some songs pls").surprise
    assert not parser.parse("hello").surprise


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("cleaning the house", "upbeat"),
        ("summer bbq playlist", "summer"),
        ("wedding first dance songs", "romantic"),
        ("angry music to let off some steam", "angry"),
        ("road trip singalongs", "vocal"),
        ("music for a dinner party", "dinner"),
    ],
)
def test_activities_are_moods_even_when_they_hold_a_genre_word(parser: QueryParser, text: str, mood: str) -> None:
    query = parser.parse(text)
    assert mood in query.moods
    assert "house" not in query.genres  # "cleaning the house" is chores, not the genre
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "artists"),
    [
        ("queen + david bowie", {"Queen", "David Bowie"}),
        ("kendrick lamar x bon iver", {"Kendrick Lamar", "Bon Iver"}),
        ("a mix of Daft Punk and Nujabes", {"Daft Punk", "Nujabes"}),
        ("blend of tame impala and mac demarco", {"Tame Impala", "Mac DeMarco"}),
        ("something between radiohead and portishead", {"Radiohead", "Portishead"}),
    ],
)
def test_several_seeds_joined_by_a_link_or_a_blend_word(parser: QueryParser, text: str, artists: set[str]) -> None:
    query = parser.parse(text)
    assert {a.name for a in query.seed_artists} == artists
    assert not query.ignored  # neither 'queen', 'x' nor 'mix' is left unread


def test_between_two_years_is_still_an_era(parser: QueryParser) -> None:
    query = parser.parse("rock between 1990 and 2000")
    assert (query.year_min, query.year_max) == (1990, 2000)


def test_a_capitalized_title_of_everyday_words_lets_its_artist_stand_in(parser: QueryParser) -> None:
    # The catalog may lack the song; 'September' must not become the band of that name.
    query = parser.parse("songs like Zzyzx Road Tonight by Earth, Wind & Fire")
    assert [a.name for a in query.seed_artists] == ["Earth, Wind & Fire"]
    query = parser.parse("songs like Yesterday Today by Earth, Wind & Fire")
    assert [a.name for a in query.seed_artists] == ["Earth, Wind & Fire"]
    assert query.unresolved


def test_a_quoted_title_before_its_artist_is_the_song(parser: QueryParser) -> None:
    query = parser.parse("songs like 'redbone' childish gambino")
    assert [t.name for t in query.seed_tracks] == ["Redbone - Childish Gambino"]
    assert not query.seed_artists  # not the band Redbone
    assert not parser.parse("don't like 'sad' songs").seed_tracks  # a quoted mood word stays the mood


def test_an_exact_short_name_inside_a_song_title_yields_to_the_title(parser: QueryParser) -> None:
    query = parser.parse("more like mr brightside")
    assert [t.name for t in query.seed_tracks] == ["Mr. Brightside - The Killers"]
    assert not query.seed_artists
    assert not query.ignored


def test_gangsta_rap_is_the_catalogs_gangster_rap(parser: QueryParser) -> None:
    assert "gangster rap" in parser.parse("90s hip hop but no gangsta rap").exclude_genres


def test_chat_spellings_are_request_words(parser: QueryParser) -> None:
    query = parser.parse("can u give me like 8 songs for a workout")
    assert query.count == 8
    assert "workout" in query.moods
    assert not query.ignored


def test_someone_who_loves_an_artist_seeds_it(parser: QueryParser) -> None:
    query = parser.parse("recs for someone who loves doja cat")
    assert [a.name for a in query.seed_artists] == ["Doja Cat"]
    assert not query.ignored


def test_a_study_session_is_focus(parser: QueryParser) -> None:
    query = parser.parse("need 30 chill tracks for a long study session")
    assert "focus" in query.moods
    assert not query.ignored


@pytest.mark.parametrize("text", ["j-pop おすすめ", "kpop 추천해줘"])
def test_recommend_in_japanese_or_korean_is_read(parser: QueryParser, text: str) -> None:
    query = parser.parse(text)
    assert query.genres
    assert not query.ignored


def test_an_opinion_before_an_excluded_genre_is_read_past(parser: QueryParser) -> None:
    query = parser.parse("80s music except the cheesy synth stuff")
    assert any("synth" in g for g in query.exclude_genres)
    assert not query.ignored


def test_love_songs_in_french_are_romantic(parser: QueryParser) -> None:
    query = parser.parse("chansons d'amour")
    assert "romantic" in query.moods
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "novelty"),
    [("the doors deep cuts", "deep"), ("the doors classics", "familiar"), ("the cure b sides", "deep")],
)
def test_a_name_before_a_novelty_word_is_read_not_ignored(parser: QueryParser, text: str, novelty: str) -> None:
    """'the doors deep cuts' read only 'deep cuts' and ignored 'doors' (an everyday word without its 'The')."""
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] in (["The Doors"], ["The Cure"]), query
    assert query.novelty.value == novelty
    assert not query.ignored


@pytest.mark.parametrize("text", ["deep cuts by the doors", "hits by the doors"])
def test_novelty_words_before_by_ask_for_the_artists_own_songs(parser: QueryParser, text: str) -> None:
    """'deep cuts by the doors' was read as a song titled 'cuts' by The Doors, and 'deep' was ignored."""
    query = parser.parse(text)
    assert [a.name for a in query.by_artists] == ["The Doors"], query
    assert not query.seed_tracks
    assert not query.unresolved
    assert not query.ignored


def test_a_genre_before_a_request_noun_is_not_an_artist_named_so(parser: QueryParser) -> None:
    """'christmas songs' seeded the artist "Christmas Songs"."""
    query = parser.parse("christmas songs")
    assert not query.seed_artists, query
    assert query.genres


@pytest.mark.parametrize("text", ["like radiohead but newer", "something more recent like the strokes"])
def test_newer_asks_for_recent_music(parser: QueryParser, text: str) -> None:
    """'like Radiohead but newer' ignored 'newer'."""
    query = parser.parse(text)
    assert query.year_min is not None, query
    assert query.year_max is None, query
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("songs like Stairway to Heaven", "Stairway to Heaven"),
        ("songs like stairway to heaven for a road trip", "Stairway to Heaven"),
        ("like livin on a prayer", "Livin' On A Prayer"),
        ("songs like take on me", "Take on Me"),
    ],
)
def test_a_title_runs_through_its_little_words(parser: QueryParser, text: str, title: str) -> None:
    """'Stairway to Heaven' stopped at 'to' and found 'Stairways' by Bartois; 'Take On Me' lost 'take'."""
    query = parser.parse(text)
    assert [t.name.split(" - ")[0] for t in query.seed_tracks] == [title], query.seed_tracks
    assert not query.ignored


def test_a_misspelt_full_name_beats_an_exact_first_name(parser: QueryParser) -> None:
    """'frank oshean' read the artist 'Frank' and dropped 'oshean'."""
    query = parser.parse("sumthin like frank oshean 🌊🌊")
    assert [a.name for a in query.seed_artists] == ["Frank Ocean"]
    assert not query.ignored
    assert [a.name for a in parser.parse("songs like red hot chilli peppers").seed_artists] == ["Red Hot Chili Peppers"]


@pytest.mark.parametrize(
    ("text", "moods"),
    [("happy songs to start the day", ["happy", "morning"]), ("music to start my day", ["morning"])],
)
def test_starting_the_day_is_a_morning(parser: QueryParser, text: str, moods: list[str]) -> None:
    """'start', 'day' were ignored, so the answer was any happy song."""
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "genres"),
    [
        ("best songs of the 70s", []),
        ("greatest rock songs of all time", ["rock"]),
        ("the best hip hop songs", ["hip hop"]),
    ],
)
def test_the_best_songs_are_the_well_known_ones(parser: QueryParser, text: str, genres: list[str]) -> None:
    """'best' was ignored, so 'best songs of the 70s' was any 70s song."""
    query = parser.parse(text)
    assert query.novelty is Novelty.FAMILIAR
    assert list(query.genres) == genres
    assert not query.ignored


def test_angst_is_a_mood_not_a_name(parser: QueryParser) -> None:
    """'angsty teen music' was read as the artist Anstalten."""
    query = parser.parse("angsty teen music")
    assert "angry" in query.moods
    assert not query.seed_artists


@pytest.mark.parametrize(
    ("text", "mood"),
    [("songs to play at a bonfire", "acoustic"), ("campfire songs", "acoustic"), ("music for gaming", "")],
)
def test_an_occasion_that_names_no_artist_is_a_mood(parser: QueryParser, text: str, mood: str) -> None:
    """'songs to play at a bonfire' was the hair-metal band Bonfire; gaming is what plays while gaming, by its acts
    (read as the energetic mood, 'music for gaming' was Dire Straits and Bon Jovi on the real catalog)."""
    query = parser.parse(text)
    if mood:
        assert mood in query.moods
        assert not query.seed_artists
    else:
        assert [said for said, _ in query.played_by] == ["gaming"], query.interpretation()


def test_samples_are_a_word_not_the_band(parser: QueryParser) -> None:
    """'hip hop with jazz samples' seeded the band The Samples."""
    query = parser.parse("hip hop with jazz samples")
    assert "The Samples" not in {a.name for a in query.seed_artists}
    assert "jazz rap" in query.genres


class _BeganNames:
    """The fake names with the year each act began, as a catalog says it ('X but older' is relative to X)."""

    def __init__(self, names: object, began: dict[str, int]) -> None:
        self._names = names
        self._began = began

    def __getattr__(self, name: str) -> object:
        return getattr(self._names, name)

    def artist_began(self, index: int) -> int | None:
        return self._began.get(self._names.artists[index])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "latest"),
    [
        ("bands like the strokes but older", 1991),  # began 2001: not their own 2004 contemporaries
        ("like the beatles but older", 1960),  # began 1963: the rock and roll before them, not a year before 1953
        ("older songs", 2005),  # no act named: the word's own reach
    ],
)
def test_older_beside_an_act_is_older_than_the_act(datasets_dir: Path, text: str, latest: int) -> None:
    """'older' allowed any song up to 2005 beside any act: 'the strokes but older' answered with Franz Ferdinand
    and The Killers (2004), 'lana del rey but older' with Maroon 5 and Usher."""
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    began = _BeganNames(load_fake(datasets_dir), {"The Strokes": 2001, "The Beatles": 1963})
    query = QueryParser(began, tree, reference_year=2020).parse(text)  # type: ignore[arg-type]
    assert query.year_max == latest, query
    assert query.year_min is None, query


@pytest.mark.parametrize(
    ("text", "artist", "title"),
    [
        ("songs like back to black amy winehouse", "Amy Winehouse", "back to black"),  # not Besomorph's song
        ("more like teardrop radiohead", "Radiohead", "teardrop"),  # was an empty answer: one unknown name
        ("similar to hurt johnny cash", "Johnny Cash", "hurt"),  # not the band Hurt beside him
    ],
)
def test_a_song_the_catalog_lacks_beside_its_artist_is_said_missing(
    parser: QueryParser, text: str, artist: str, title: str
) -> None:
    """'TITLE ARTIST' with no 'by' and a song the catalog lacks: the artist stands in, the song is said missing,
    as 'TITLE by ARTIST' reads."""
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] == [artist], query
    assert not query.seed_tracks, query
    assert [t for _, t, _ in query.missing_songs()] == [title], query


class _FamousNames(_BeganNames):
    """The fake names where every act is well known (the fake alone says nothing of renown)."""

    def exact_artist(self, normalized_name: str) -> NameMatch | None:
        match = self._names.exact_artist(normalized_name)  # type: ignore[attr-defined]
        return None if match is None else replace(match, renown=1.0)


def test_two_well_known_acts_side_by_side_stay_two_acts(datasets_dir: Path) -> None:
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    famous = _FamousNames(load_fake(datasets_dir), {})
    query = QueryParser(famous, tree, reference_year=2020).parse("like radiohead muse")  # type: ignore[arg-type]
    assert [a.name for a in query.seed_artists] == ["Radiohead", "Muse"], query
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "artist"),
    [
        ("songs like dancing queen", "ABBA"),  # was Queen, danceable
        ("songs like blue monday", "New Order"),  # was the band Blue, 'monday' unused
    ],
)
def test_a_title_holding_an_acts_name_is_the_song(parser: QueryParser, text: str, artist: str) -> None:
    query = parser.parse(text)
    assert [t.name.rsplit(" - ", 1)[-1] for t in query.seed_tracks] == [artist], query
    assert not query.seed_artists, query
    assert not query.moods, query


@pytest.mark.parametrize("text", ["songs like sad radiohead", "like the weeknd drake"])
def test_a_mood_or_a_second_act_beside_an_act_is_no_title(parser: QueryParser, text: str) -> None:
    assert not parser.parse(text).seed_tracks


@pytest.mark.parametrize(
    ("text", "acts"), [("beach boys type music", ["The Beach Boys"]), ("new order vibes", ["New Order"])]
)
def test_two_everyday_words_a_very_famous_act_is_called_are_the_act(
    datasets_dir: Path, text: str, acts: list[str]
) -> None:
    """'beach boys type music' was a summer mood and the punk band The Boys; 'new order vibes' recent music."""
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    famous = _FamousNames(load_fake(datasets_dir), {})
    query = QueryParser(famous, tree, reference_year=2020).parse(text)  # type: ignore[arg-type]
    assert [a.name for a in query.seed_artists] == acts, query
    assert not query.moods, query


@pytest.mark.parametrize(
    ("phrase", "artist", "title"),
    [
        ("Haus am See von Peter Fox", "Peter Fox", "Haus am See"),  # said "I don't know 'Haus am See von ...'"
        ("Tous les mêmes de Stromae", "Stromae", "Tous les mêmes"),
        ("canción de la oreja de La Oreja de Van Gogh", "La Oreja de Van Gogh", "canción de la oreja"),
        ("party by Beyoncé", "Beyoncé", "party"),
    ],
)
def test_a_missing_song_is_read_with_the_requests_own_by(phrase: str, artist: str, title: str) -> None:
    seed = EntityRef(1, "a1", artist)
    query = Query(text=phrase, seed_artists=(seed,), unresolved=(phrase,))
    assert query.missing_songs() == ((phrase, title, seed),)
    assert Query(text=phrase, unresolved=(phrase,)).missing_songs() == ()  # no such seed: an unknown name
