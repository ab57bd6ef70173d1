"""Czech requests, with and without their marks and in spoken forms ('smutne pisnicky', 'neco klidnyho na uceni',
'rock z 80. let', 'žádnej pop, dej mi rock'), read as their English; an act's name in another case undone."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.cs import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("smutne pisnicky", "sad songs"),
        ("klidná hudba na spaní", "calm music for sleep"),
        ("neco klidnyho na uceni", "something calm for studying"),
        ("jsem nasranej, dej mi neco agresivniho", "i am angry, give me something aggressive"),
        ("rychly pisnicky na beh", "fast songs for running"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "cs")
    assert not query.unresolved


def test_eras_negations_counts_and_names(parser: QueryParser) -> None:
    assert parser.parse("rap z devadesatek").year_min == 1990
    assert parser.parse("pop po roce 2010").year_min == 2011
    assert list(parser.parse("žádnej pop, dej mi rock").exclude_genres) == ["pop"]
    assert parser.parse("dej mi 5 smutnejch písniček").count == 5
    assert list(parser.parse("bossa nova").genres) == ["bossa nova"]  # 'nova' is Czech for 'new' too


def test_segment_writes_decades() -> None:
    assert segment("rock z 80. let") == "rock from 80s"
    assert segment("90. léta") == "90s"
    assert segment("let it be") == "let it be"
