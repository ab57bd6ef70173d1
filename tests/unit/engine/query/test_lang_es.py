"""Spanish requests (issue 15): moods, activities, local decades, local genre names, counts, exclusions and 'like X'
cues, with and without accents; names stay as typed and the request is said to be Spanish."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("música para una fiesta en casa", ["party"]),  # "Not used: 'casa'" (set X)
        ("canciones tristes", ["sad"]),
        ("canciones tristes acústicas", ["sad", "acoustic"]),
        ("canciones tristes acusticas", ["sad", "acoustic"]),
        ("canciones tranquilas para dormir", ["calm", "sleep"]),
        ("musica para entrenar en el gimnasio", ["workout"]),
        ("canciones para bailar", ["dance"]),
        ("canciones sin letra para concentrarme", ["instrumental", "focus"]),
        ("canciones románticas", ["romantic"]),
        ("canciones felices para empezar el día", ["happy", "morning"]),
        ("musica para llorar un rato", ["sad"]),  # 'un rato' (a while) was said unused
        ("algo para bailar salsa este finde", ["dance"]),
        ("música para hacer ejercicio", ["workout"]),  # 'hacer' was said unused
        ("canciones para hacer deporte", ["workout"]),
    ],
)
def test_moods_and_activities(parser: QueryParser, text: str, moods: list[str]) -> None:
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert query.language == "es"
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("rock de los 80", (1980, 1989)),
        ("pop de los noventa", (1990, 1999)),
        ("canciones de los años 70", (1970, 1979)),
        ("pop de la década de 2000", (2000, 2009)),
        ("rap de antes del 2000", (None, 1999)),
        ("reguetón de después de 2015", (2016, None)),
    ],
)
def test_decades_written_the_spanish_way(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("música clásica", "classical"),
        ("musica clasica", "classical"),
        ("música electrónica", "electronic"),
        ("reguetón", "reggaeton"),
        ("regueton", "reggaeton"),
        ("baladas románticas", "ballad"),
        ("baladas en español", "spanish ballad"),
    ],
)
def test_genre_names_in_spanish_resolve_to_catalog_genres(parser: QueryParser, text: str, genre: str) -> None:
    query = parser.parse(text)
    assert genre in query.genres
    assert not query.ignored


def test_counts_exclusions_and_cues(parser: QueryParser) -> None:
    counted = parser.parse("dame tres canciones de jazz")
    assert counted.count == 3
    assert list(counted.genres) == ["jazz"]
    assert parser.parse("5 canciones tristes").count == 5
    excluded = parser.parse("rock pero sin metal")
    assert list(excluded.genres) == ["rock"]
    assert list(excluded.exclude_genres) == ["metal"]
    like = parser.parse("algo como Daft Punk")
    assert [a.name for a in like.seed_artists] == ["Daft Punk"]
    similar = parser.parse("parecido a Bad Bunny pero más tranquilo")
    assert [a.name for a in similar.seed_artists] == ["Bad Bunny"]
    assert list(similar.moods) == ["calm"]
    assert parser.parse("rock poco conocido").novelty.value == "deep"
    gems = parser.parse("joyitas escondidas del rock en español")  # 'escondidas' was said unused
    assert (gems.novelty.value, gems.ignored) == ("deep", ())


def test_a_mixed_request_reads_both_languages(parser: QueryParser) -> None:
    query = parser.parse("chill canciones like Bad Bunny")
    assert [a.name for a in query.seed_artists] == ["Bad Bunny"]
    assert list(query.moods) == ["chill"]
    assert query.language == "es"


def test_names_are_never_translated(parser: QueryParser) -> None:
    query = parser.parse("algo como Los Prisioneros")
    assert [a.name for a in query.seed_artists] == ["Los Prisioneros"]
    assert query.text == "algo como Los Prisioneros"


def test_unused_words_are_reported_as_typed(parser: QueryParser) -> None:
    query = parser.parse("canciones tristes para mi abuela")
    assert list(query.moods) == ["sad"]
    assert all(word in query.text for word in query.ignored)


def test_songs_of_an_artist_and_anything_but(parser: QueryParser) -> None:
    own = parser.parse("canciones de Shakira")
    assert [a.name for a in own.by_artists] == ["Shakira"]
    assert list(parser.parse("cualquier cosa menos reguetón").exclude_genres) == ["reggaeton"]
    assert list(parser.parse("música para una fiesta que no sea reguetón").exclude_genres) == ["reggaeton"]
    both = parser.parse("música de los 80 y 90")
    assert (both.year_min, both.year_max) == (1980, 1999)


def test_weather_words_read_as_the_rainy_mood(parser: QueryParser) -> None:
    assert "rainy" in parser.parse("música para una tormenta").moods


def test_what_songs_are_about_and_who_sings_them(parser: QueryParser) -> None:
    """'canciones sobre trenes' seeded the band Smoke Trees, 'raperas' the band Reaper."""
    assert parser.parse("canciones sobre trenes").topics == ("trenes",)
    assert parser.parse("raperas").genres == ("female rap",)
    assert parser.parse("cantantes femeninas").genres == ("female vocalists",)
