"""Brazilian Portuguese requests (issue 15): moods, activities, 'anos 80', 'música clássica', counts, exclusions and
'parecido com' / 'tipo' cues, with and without accents."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("músicas tristes", ["sad"]),
        ("musicas tristes acusticas", ["sad", "acoustic"]),
        ("músicas relaxantes pra dormir", ["relaxing", "sleep"]),
        ("músicas para treinar", ["workout"]),
        ("música pra dançar", ["dance"]),
        ("musica pra dancar", ["dance"]),
        ("músicas sem letra para concentrar", ["instrumental", "focus"]),
        ("músicas românticas", ["romantic"]),
        ("músicas chill pra estudar", ["chill", "focus"]),
        ("músicas para começar o dia", ["morning"]),
        ("musica pra curtir com os amigos no churrasco", ["summer"]),  # was one unknown name, empty
        ("músicas pra balada", ["party"]),
        ("musica para fazer exercicio", ["workout"]),
        ("musica pra relaxar depois do trampo", ["relaxing"]),  # 'trampo' (work) was unused; after it, one unwinds
    ],
)
def test_moods_and_activities(parser: QueryParser, text: str, moods: list[str]) -> None:
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert query.language == "pt-BR"
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("rock dos anos 80", (1980, 1989)),
        ("pop anos 90", (1990, 1999)),
        ("músicas dos anos setenta", (1970, 1979)),
        ("MPB dos anos 70", (1970, 1979)),
        ("rap antes de 2000", (None, 1999)),
        ("música eletrônica depois de 2015", (2016, None)),
    ],
)
def test_decades_written_the_brazilian_way(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "genre"),
    [("música clássica", "classical"), ("musica classica", "classical"), ("música eletrônica", "electronic")],
)
def test_genre_names_in_portuguese_resolve_to_catalog_genres(parser: QueryParser, text: str, genre: str) -> None:
    query = parser.parse(text)
    assert genre in query.genres
    assert not query.ignored


def test_counts_exclusions_and_cues(parser: QueryParser) -> None:
    counted = parser.parse("me dá três músicas de jazz")
    assert counted.count == 3
    assert list(counted.genres) == ["jazz"]
    excluded = parser.parse("rock mas sem metal")
    assert list(excluded.genres) == ["rock"]
    assert list(excluded.exclude_genres) == ["metal"]
    for text in ("parecido com Caetano Veloso", "tipo Caetano Veloso", "algo tipo Caetano Veloso"):
        assert [a.name for a in parser.parse(text).seed_artists] == ["Caetano Veloso"], text
    assert parser.parse("rock pouco conhecido").novelty.value == "deep"
    lesser = parser.parse("algo como tim maia mas menos conhecido")  # 'conhecido' was said unused, in English
    assert (lesser.novelty.value, lesser.language, lesser.ignored) == ("deep", "pt-BR", ())
    assert list(parser.parse("bossa nova").genres) == ["bossa nova"]


def test_names_are_never_translated(parser: QueryParser) -> None:
    query = parser.parse("músicas parecidas com Os Mutantes")
    assert [a.name for a in query.seed_artists] == ["Os Mutantes"]


def test_songs_of_an_artist_and_anything_but(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("as melhores músicas do Queen").by_artists] == ["Queen"]
    assert list(parser.parse("qualquer coisa menos rap").exclude_genres) == ["rap"]
    both = parser.parse("músicas dos anos 80 e 90")
    assert (both.year_min, both.year_max) == (1980, 1999)


@pytest.mark.parametrize(
    "text",
    [
        "músicas pra relaxar depois do trabalho",
        "canciones para relajarse después del trabajo",
        "musique pour se détendre après le travail",
        "Musik zum Entspannen nach der Arbeit",
        "songs to relax after work",
    ],
)
def test_after_work_is_for_unwinding(parser: QueryParser, text: str) -> None:
    """'relaxar depois do trabalho' read 'trabalho' as working music beside the relaxing (set X, seventeenth
    session); in each language, after work is when one unwinds."""
    query = parser.parse(text)
    assert query.moods == ("relaxing",)
    assert not query.ignored
