"""Ukrainian requests, surzhyk and Latin spellings included ('сумні пісні', 'шото грусне', 'sumni pisni'), read
as their English; Russian stays Russian."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.uk import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("сумні пісні", "sad songs"),
        ("sumni pisni pro kohannia", "sad songs about love"),
        ("спокiйна музика для сну", "calm music for sleep"),  # a Latin 'i' from a keyboard without Ukrainian
        ("давай шось весьоле на тусу", "something happy for a party"),
        ("щось романтичне для побачення", "something romantic for a date night"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "uk")
    assert not query.unresolved


def test_eras_negations_and_counts(parser: QueryParser) -> None:
    query = parser.parse("музика після 2010, тільки не реп")
    assert ((query.year_min, query.year_max), list(query.exclude_genres)) == ((2011, None), ["rap"])
    assert parser.parse("реп з 90-х").year_min == 1990
    assert parser.parse("рок 80-ті").year_max == 1989
    assert parser.parse("daj 7 trekiv dlia zalu").count == 7
    assert list(parser.parse("будь-що крім попси").exclude_genres) == ["pop"]


def test_russian_stays_russian(parser: QueryParser) -> None:
    assert parser.parse("грустные песни").language == "ru"
    assert parser.parse("музон для качалки").language == "ru"


def test_segment_writes_decades_and_since() -> None:
    assert segment("рок 80-ті") == "рок 80s"
    assert segment("музика з 2010 року") == "музика since 2010 року"
    assert segment("rock 80-ті") == "rock 80s"
    assert segment("songs 80-ti") == "songs 80-ti"
