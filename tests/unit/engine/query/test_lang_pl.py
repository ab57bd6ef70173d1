"""Polish requests: moods and activities in their inflected forms (with and without Polish letters), decades written
'lata 80', '80-tych' or as a word, negations, counts, comparatives and seeds, and acts' names in other cases, read
as their English."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.pl import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("smutne piosenki", "sad songs"),
        ("daj parę smutnych kawałków", "a couple of sad tracks"),
        ("coś spokojnego do nauki", "something calm for studying"),
        ("cos spokojnego do nauki", "something calm for studying"),
        ("muza na siłownię", "music for the gym"),
        ("muza na silownie", "music for the gym"),
        ("wesołe nuty na drogę", "happy songs for a road trip"),
        ("wesole nuty na droge", "happy songs for a road trip"),
        ("muzyka do spania", "music for sleep"),
        ("piosenki o miłości", "songs about love"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "pl")
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("rock z lat 80", (1980, 1989)),
        ("hard rock lat 90.", (1990, 1999)),
        ("piosenki 80-tych", (1980, 1989)),
        ("hity z lat dwutysięcznych", (2000, 2009)),
        ("disco, siedemdziesiątki", (1970, 1979)),
        ("rap od 2015 roku", (2015, None)),
        ("rap sprzed 2000", (None, 1999)),
    ],
)
def test_eras(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert query.language == "pl"


def test_genres_and_what_is_left_out(parser: QueryParser) -> None:
    query = parser.parse("rock ale nie metal")
    assert (list(query.genres), list(query.exclude_genres)) == (["rock"], ["metal"])
    assert list(parser.parse("pop bez rapu").exclude_genres) == ["rap"]
    assert list(parser.parse("muza do sprzątania, byle nie pop").exclude_genres) == ["pop"]
    assert "jazz" in parser.parse("3 jazzowe kawałki").genres
    assert "polish rap" in parser.parse("polski rap").genres


def test_seeds_counts_and_comparatives(parser: QueryParser) -> None:
    query = parser.parse("daj 5 smutnych piosenek")
    assert query.count == 5
    assert "sad" in query.moods
    query = parser.parse("coś jak Radiohead tylko weselsze")
    assert [a.name for a in query.seed_artists] == ["Radiohead"]
    assert "happy" in query.moods or any(f.because == "happier" for f in query.features)
    assert [a.name for a in parser.parse("kawałki Queen").by_artists] == ["Queen"]


@pytest.mark.parametrize(
    ("text", "seed"),
    [("daj coś od Maty", "Mata"), ("coś jak Bedoesa", "Bedoes"), ("coś w stylu Taco Hemingwaya", "Taco Hemingway")],
)
def test_names_in_other_cases(parser: QueryParser, text: str, seed: str) -> None:
    query = parser.parse(text)
    assert [a.name for a in query.seed_artists] == [seed]
    assert not query.unresolved


def test_an_unknown_word_is_no_name_undone(parser: QueryParser) -> None:
    """An everyday word in lower case, with no 'like' or 'by' before it, stays as typed even if its ending undone
    spells an act: only a capitalized word or one after a cue is a name in another case."""
    query = parser.parse("smutne piosenki na wieczór")
    assert not query.seed_artists


def test_segment_writes_decades_as_english_and_leaves_other_text() -> None:
    assert segment("rock 80-tych") == "rock 80s"
    assert segment("hard rock lata 90.") == "hard rock lat 90s"
    assert segment("rap od 2015") == "rap since 2015"
    assert segment("songs from 2015. Also 80.") == "songs from 2015. Also 80."
