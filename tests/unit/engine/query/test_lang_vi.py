"""Vietnamese requests, with and without tone marks and in teen code ('nhạc buồn', 'nhac chill ko loi de hoc bai',
'rock thập niên 80', 'nhac gi cung dc tru rap'), read as their English; English requests stay English."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.vi import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("cho mình xin vài bài nhạc buồn", "a few sad songs"),
        ("nhac buon", "sad music"),
        ("nhạc chill ko lời để học bài", "chill instrumental music for studying"),
        ("nhac de ngu, nhe nhang thoi", "gentle music to sleep"),
        ("bài hát tình cảm", "romantic songs"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "vi")
    assert not query.unresolved


def test_eras_negations_counts_and_seeds(parser: QueryParser) -> None:
    assert (parser.parse("rock thập niên 80").year_min, parser.parse("nhạc pop những năm 90").year_max) == (1980, 1999)
    query = parser.parse("nhạc edm sau 2010")
    assert (query.year_min, query.year_max) == (2011, None)
    assert parser.parse("rap trước năm 2000").year_max == 1999
    assert list(parser.parse("nhac gi cung dc tru rap").exclude_genres) == ["rap"]
    assert list(parser.parse("rock nhưng đừng có metal").exclude_genres) == ["metal"]
    assert parser.parse("cho 5 bài buồn").count == 5
    assert parser.parse("mười bài nhạc nhanh để chạy bộ").count == 10
    query = parser.parse("mấy bài như Coldplay nhưng ko phải của Coldplay")
    assert [a.name for a in query.seed_artists] == [a.name for a in query.exclude_artists] == ["Coldplay"]
    assert list(parser.parse("nhạc k-pop để nhảy").genres) == ["k-pop"]  # 'k' is teen code for 'no' elsewhere


def test_english_words_that_are_vietnamese_syllables_stay_english(parser: QueryParser) -> None:
    """'to to' was 'loud' and 'them' 'more' inside English requests."""
    assert parser.parse("something to get me through this shift").language == "en"
    assert parser.parse("play songs like them crooked vultures").language == "en"
    assert parser.parse("may i have some sad songs").language == "en"


def test_segment_writes_generations_and_hours() -> None:
    assert segment("nhac 8x 9x") == "nhac 80s 90s"
    assert segment("nhac buon luc 2h sang") == "nhac buon luc 2am"
    assert segment("bài hát lúc 10h tối") == "bài hát lúc 10pm"
    assert segment("give me 8x more") == "give me 8x more"
