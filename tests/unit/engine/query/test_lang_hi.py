"""Hindi and Punjabi in Latin letters (Hinglish): moods, activities, eras, counts, and the words Hindi says after
what they are about ('drake jaisa', 'rap nahi', 'metal ke alawa', '2010 se pehle'), said first as English does."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.hi import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("udaas gaane sunao", "sad songs"),
        ("kuch khushi wale gaane chala do yaar", "some happy songs"),
        ("neend ke liye shaant gaane", "calm songs for sleep"),
        ("padhne ke liye kuch", "something for studying"),
        ("barish wale din ke liye gaane", "songs for a rainy day"),
        ("shaadi mein nachne wale gaane", "desi wedding dance songs"),
        ("gym ke liye josh wale gaane", "energetic songs for the gym"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "hi")
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("90s ke gaane sunao", (1990, 1999)),
        ("2005 se pehle wala hip hop", (None, 2004)),
        ("purane gaane chahiye", (None, 1999)),
    ],
)
def test_eras(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert query.language == "hi"


def test_what_is_left_out_is_said_before_the_word_that_leaves_it_out(parser: QueryParser) -> None:
    assert list(parser.parse("chill gaane chahiye par rap nahi").exclude_genres) == ["rap"]
    assert list(parser.parse("gym ke liye gaane metal ke alawa").exclude_genres) == ["metal"]
    assert list(parser.parse("workout gaane bina rap ke").exclude_genres) == ["rap"]
    assert "rap" not in parser.parse("rap nahi chahiye bas chill gaane").genres


def test_a_name_before_jaisa_is_the_seed(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("mujhe coldplay jaise gaane chahiye").seed_artists] == ["Coldplay"]
    assert [a.name for a in parser.parse("the weeknd jaisa kuch thoda sad").seed_artists] == ["The Weeknd"]
    # 'wala' is a word Hinglish drops, but not inside the name it belongs to
    assert [a.name for a in parser.parse("sidhu moose wala jaise gaane").seed_artists] == ["Sidhu Moose Wala"]


def test_counts(parser: QueryParser) -> None:
    assert parser.parse("das gaane de do party ke liye").count == 10
    assert parser.parse("do gaane sunao 80s ke").count == 2
    assert parser.parse("paanch sad gaane").count == 5


def test_english_with_hindi_the_language_is_untouched(parser: QueryParser) -> None:
    """Tagalog's 'hindi' is 'not': 'hindi rap' and 'old hindi songs' read as 'not rap' and 'old not songs'."""
    assert "rap" not in parser.parse("hindi rap").exclude_genres
    assert parser.parse("old hindi songs").played_by
    tagalog = parser.parse("mga kanta na hindi malungkot")  # in a Tagalog request it is still 'not'
    assert (tagalog.language, tagalog.moods) == ("tl", ())


@pytest.mark.parametrize(
    "text",
    ["songs like drake", "no rap please", "music from before 2010", "something like radiohead but not sad"],
)
def test_segment_leaves_english_as_typed(text: str) -> None:
    assert segment(text) == text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2015 se naye gaane", "since 2015 naye gaane"),
        ("canciones que en 2010 se escuchaban", "canciones que en 2010 se escuchaban"),
        ("drake jaisa kuch chill", "jaisa drake kuch chill"),
        ("hip hop ke alawa kuch bhi", "ke alawa hip hop kuch bhi"),
    ],
)
def test_segment_says_the_after_words_first(text: str, said: str) -> None:
    assert segment(text) == said
