"""Russian requests: moods and activities in their inflected forms, decades written '80-х', negations, counts,
comparatives ('повеселее') and seeds, read as their English."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.ru import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("грустные песни", "sad songs"),
        ("скинь пару грустных треков", "a couple of sad tracks"),
        ("спокойную музыку для учёбы", "calm music for studying"),
        ("музон для качалки", "music for the gym"),
        ("чё послушать перед сном", "something before sleep"),
        ("весёлые треки в дорогу", "happy tracks for a road trip"),
        ("медляки", "slow songs"),
        ("песни про любовь", "songs about love"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "ru")
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("русский рок 80-х", (1980, 1989)),  # 'рок 80-х' alone is Ukrainian too
        ("песни 90х", (1990, 1999)),
        ("поп песни 2000-х", (2000, 2009)),
        ("хип-хоп девяностых", (1990, 1999)),
        ("что-нибудь из нулевых", (2000, 2009)),
        ("рэп с 2015 года", (2015, None)),
        ("музыка до 2000", (None, 1999)),
    ],
)
def test_eras(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert query.language == "ru"


def test_genres_and_what_is_left_out(parser: QueryParser) -> None:
    query = parser.parse("рок 90-х без металла")
    assert (list(query.genres), list(query.exclude_genres)) == (["rock"], ["metal"])
    assert list(parser.parse("на тусу чё-нибудь, только не попса").exclude_genres) == ["pop"]
    assert list(parser.parse("музыка для трени без рэпа").exclude_genres) == ["rap"]
    assert list(parser.parse("панк рок пж").genres) == ["punk rock"]


def test_seeds_counts_and_comparatives(parser: QueryParser) -> None:
    query = parser.parse("5 песен типа Radiohead")
    assert ([a.name for a in query.seed_artists], query.count) == (["Radiohead"], 5)
    assert [a.name for a in parser.parse("что-то похожее на Coldplay").seed_artists] == ["Coldplay"]
    assert parser.parse("дай десять треков для пробежки").count == 10
    happier = parser.parse("что-нибудь как Coldplay, но повеселее")
    assert (happier.moods, happier.language) == (parser.parse("like Coldplay but happier").moods, "ru")


def test_nothing_typed_in_russian_is_left_unread(parser: QueryParser) -> None:
    for text in ("поставь электронику какую нибудь", "кинь пару треков техно", "рок тока не метал"):
        query = parser.parse(text)
        assert not query.unresolved, (text, query.unresolved)
        assert not query.ignored, (text, query.ignored)


@pytest.mark.parametrize(
    ("text", "segmented"),
    [
        ("рок 80-х", "рок 80s"),
        ("песни 2000-х годов", "песни 2000s годов"),
        ("музыка 90е", "музыка 90s"),
        ("рэп с 2010 года", "рэп since 2010 года"),
    ],
)
def test_segment_writes_decades_as_english_does(text: str, segmented: str) -> None:
    assert segment(text) == segmented


@pytest.mark.parametrize("text", ["songs from the 80s", "rock 80-90", "c 2010 music", "songs like 2Pac"])
def test_segment_leaves_latin_text_as_typed(text: str) -> None:
    assert segment(text) == text


def test_a_name_right_after_songs_is_whose_they_are(parser: QueryParser) -> None:
    """Russian says whose songs by the name's case, with no 'by': 'песни Radiohead' are Radiohead's own songs."""
    assert [a.name for a in parser.parse("песни Radiohead").by_artists] == ["Radiohead"]
    assert [a.name for a in parser.parse("лучшие треки Coldplay").by_artists] == ["Coldplay"]
    assert not parser.parse("треки типа Radiohead").by_artists
    assert not parser.parse("песни 80-х").by_artists
