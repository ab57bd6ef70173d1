"""Turkish requests: moods and activities with their glued cases, typed with and without Turkish letters, decades
('80ler', "90'lardan", 'seksenler'), after-words said first ('radiohead gibi', 'rap olmasın', '2000 öncesi'),
counts, comparatives and whose songs ("Queen'in şarkıları"), read as their English."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.tr import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("hüzünlü şarkılar", "sad songs"),
        ("huzunlu sarkilar", "sad songs"),
        ("uyumadan önce dinlemelik sakin bi şeyler", "something calm before sleep"),
        ("yol için neşeli şarkılar", "happy songs for a road trip"),
        ("parti şarkıları", "party songs"),
        ("temizlik yaparken dinlemelik enerjik şarkılar", "energetic songs while cleaning"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "tr")
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("80ler rock", (1980, 1989)),
        ("90'lardan pop şarkıları", (1990, 1999)),
        ("seksenlerden yavaş şarkılar", (1980, 1989)),
        ("2000 öncesi rap", (None, 1999)),
        ("2015ten beri pop şarkıları", (2015, None)),
    ],
)
def test_eras(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era


def test_what_is_left_out_is_said_after_it(parser: QueryParser) -> None:
    query = parser.parse("rock ama metal olmasın")
    assert (list(query.genres), list(query.exclude_genres)) == (["rock"], ["metal"])
    assert list(parser.parse("pop dışında ne olursa, sakin bir şey olsun").exclude_genres) == ["pop"]
    assert list(parser.parse("rapsiz sakin şarkılar").exclude_genres) == ["rap"]
    assert list(parser.parse("gym için gaz şarkılar rap olmasin").exclude_genres) == ["rap"]


def test_seeds_whose_songs_and_counts(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("radiohead gibi bir sey").seed_artists] == ["Radiohead"]
    assert [a.name for a in parser.parse("Daft Punk'a benzeyen şarkılar").seed_artists] == ["Daft Punk"]
    assert [a.name for a in parser.parse("Queen'in efsane şarkıları").by_artists] == ["Queen"]
    query = parser.parse("bana 5 sarki at huzunlu olsun")
    assert query.count == 5
    assert "sad" in query.moods
    assert query.language == "tr"


def test_segment_moves_after_words_and_leaves_english_alone() -> None:
    assert segment("radiohead gibi ama daha mutlu") == "gibi radiohead ama daha mutlu"
    assert segment("Daft Punk'a benzeyen şarkılar") == "benzeyen Daft Punk şarkılar"
    assert segment("2000 öncesi rap") == "öncesi 2000 rap"
    assert segment("rap olmasın") == "olmasın rap"
    assert segment("I'd like rock 'n' roll, not rap") == "I'd like rock 'n' roll, not rap"
