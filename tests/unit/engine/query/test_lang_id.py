"""Indonesian requests, slang and particles included ('lagu galau dong', 'lagu2 buat nge-gym', 'rock tapi jangan
metal', 'tahun 80an'), read as their English; names typed among them stay names."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.id import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("rekomendasi lagu galau dong", "sad songs"),
        ("lagu2 buat nge-gym", "songs for the gym"),
        ("lagu pengantar tidur dong, yg pelan", "slow songs for sleep"),
        ("lagu ceria buat nemenin masak", "happy songs for cooking"),
        ("lagu pas hujan", "songs for a rainy day"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "id")
    assert not query.unresolved


def test_eras_negations_counts_and_seeds(parser: QueryParser) -> None:
    query = parser.parse("lagu rock tahun 80an")
    assert (query.year_min, query.year_max) == (1980, 1989)
    query = parser.parse("rock tapi jangan metal")
    assert (list(query.genres), list(query.exclude_genres)) == (["rock"], ["metal"])
    assert list(parser.parse("lagu buat ngegym tapi gak ada rap ya").exclude_genres) == ["rap"]
    query = parser.parse("kasih sepuluh lagu ngebut buat lari")
    assert query.count == 10
    assert [a.name for a in parser.parse("lagu kayak radiohead").seed_artists] == ["Radiohead"]
    assert "running" not in parser.parse("lagu kayak radiohead").moods  # 'kayak' was read as 'kayak' running


def test_segment_writes_decades_and_doubled_words() -> None:
    assert segment("lagu2 rock tahun 80an") == "lagu lagu rock 80s"
    assert segment("lagu-lagu 2000an") == "lagu-lagu 2000s"
    assert segment("more dua lippa please") == "more dua lippa please"
