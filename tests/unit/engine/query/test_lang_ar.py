"""Arabic requests in Arabic script and in Arabizi ('عايز اغاني هادية للمذاكرة', 'msh 3ayez rap, 7aga pop 7elwa',
'aghani mn el tesinat'), read as their English."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.ar import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("3ayez aghani 7azina", "sad songs"),
        ("عايز اغاني هادية للمذاكرة", "calm songs for studying"),
        ("bade aghani ra2e2a lal nom", "gentle songs for sleep"),
        ("ابي اغاني حماس للجيم", "hype songs for the gym"),
        ("aghani w ana batbo5, 7aga mabsota", "songs while cooking, something happy"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "ar")
    assert not query.seed_artists  # 'ana' (I) was the act Ana


def test_eras_negations_and_counts(parser: QueryParser) -> None:
    assert parser.parse("aghani mn el tesinat").year_min == 1990
    assert parser.parse("أغاني روك من الثمانينات").year_max == 1989
    assert parser.parse("aghani 2abl 2000").year_max == 1999
    query = parser.parse("msh 3ayez rap, 7aga pop 7elwa")
    assert (list(query.genres), list(query.exclude_genres)) == (["pop"], ["rap"])
    assert list(parser.parse("اي حاجة غير البوب").exclude_genres) == ["pop"]
    assert parser.parse("٥ اغاني تفرح").count == 5


def test_segment_writes_arabic_indic_digits() -> None:
    assert segment("١٠ اغاني") == "10 اغاني"
    assert segment("10 songs") == "10 songs"
