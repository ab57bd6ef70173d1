"""Dutch requests: moods, activities and compounds ('feestmuziek', 'technoplaatjes'), decades ('jaren 80',
'tachtiger jaren'), negations, counts and comparatives, read as their English; English requests stay untouched."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("droevige liedjes", "sad songs"),
        ("chille muziek om te studeren", "chill music for studying"),
        ("bangers voor de sportschool", "bangers for the gym"),
        ("vrolijke nummers voor een roadtrip", "happy songs for a road trip"),
        ("feestmuziek voor carnaval", "party music for carnival"),
        ("opruimmuziek", "cleaning music"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    read_as_english(parser, text, english, "nl")


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("nummers uit de jaren 80", (1980, 1989)),
        ("jaren 90 hiphop", (1990, 1999)),
        ("trage liedjes uit de tachtiger jaren", (1980, 1989)),
    ],
)
def test_eras(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era


def test_what_is_left_out_counts_and_comparatives(parser: QueryParser) -> None:
    query = parser.parse("rock maar geen metal")
    assert (list(query.genres), list(query.exclude_genres)) == (["rock"], ["metal"])
    assert list(parser.parse("alles behalve pop").exclude_genres) == ["pop"]
    assert list(parser.parse("iets chill zonder rap").exclude_genres) == ["rap"]
    query = parser.parse("gooi 5 droevige nummers")
    assert query.count == 5
    assert "sad" in query.moods
    assert parser.parse("twee technoplaatjes aub").count == 2
    assert [a.name for a in parser.parse("iets zoals radiohead").seed_artists] == ["Radiohead"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("something like the night we met - lord huron", "met"),
        ("op shop browsing on a saturday morning vibes", "op"),
        ("hype music that makes me hit the drums harder", "harder"),
    ],
)
def test_english_words_dutch_also_writes_stay_english(parser: QueryParser, text: str, kept: str) -> None:
    reading = parser.languages.read(text)
    assert kept in reading.text.split()
    assert reading.language != "nl"


def test_van_is_by_only_in_a_dutch_request(parser: QueryParser) -> None:
    """'van' is no table word: too many names hold it ('la oreja de van gohg' read as a request lost the band);
    beside a Dutch song word it is 'by', before a year 'from'."""
    assert [a.name for a in parser.parse("liedjes van queen").by_artists] == ["Queen"]
    query = parser.parse("rock nummers van na 2015")
    assert query.year_min is not None
    assert query.year_min >= 2015
    assert parser.languages.read("songs van morrison").text == "songs van morrison"
