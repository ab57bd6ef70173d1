"""French requests (issue 15): moods, activities, 'années 80', local genre names, counts, exclusions and 'comme' /
'dans le style de' cues, with and without accents; elisions ('d'amour', 'd'avant') read as two words."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("chansons tristes", ["sad"]),
        ("musique calme pour dormir", ["calm", "sleep"]),
        ("musique relaxante", ["relaxing"]),
        ("chansons joyeuses", ["happy"]),
        ("musique pour la muscu", ["workout"]),
        ("musique pour danser", ["dance"]),
        ("musique énergique pour courir", ["energetic", "running"]),
        ("musique energique pour courir", ["energetic", "running"]),
        ("chansons d'amour", ["romantic"]),
        ("musique instrumentale", ["instrumental"]),
        ("musique pour commencer la journée", ["morning"]),
        # Casual French: 'des sons' read as the Cuban genre son (latin) with 'le soir' unused, the request as German.
        ("t'as des sons pour chiller le soir ?", ["chill"]),
        ("des chansons pour un road trip entre potes", ["driving"]),
        ("musique pour se détendre après le boulot", ["relaxing"]),  # after work is for unwinding, not working
        ("j'ai besoin de motivation pour courir", ["workout", "running"]),
    ],
)
def test_moods_and_activities(parser: QueryParser, text: str, moods: list[str]) -> None:
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert query.language == "fr"
    assert not query.ignored
    assert not query.unresolved
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("rock des années 80", (1980, 1989)),
        ("pop des annees 90", (1990, 1999)),
        ("chansons des années soixante", (1960, 1969)),
        ("rap d'avant 2000", (None, 1999)),
        ("musique électronique après 2015", (2016, None)),
    ],
)
def test_decades_written_the_french_way(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("musique classique", "classical"),
        ("musique électronique", "electronic"),
        ("musique electronique", "electronic"),
        ("rap américain", "american rap"),
    ],
)
def test_genre_names_in_french_resolve_to_catalog_genres(parser: QueryParser, text: str, genre: str) -> None:
    query = parser.parse(text)
    assert genre in query.genres
    assert not query.ignored


def test_counts_exclusions_and_cues(parser: QueryParser) -> None:
    counted = parser.parse("trois morceaux de jazz")
    assert counted.count == 3
    assert list(counted.genres) == ["jazz"]
    excluded = parser.parse("du rock mais pas de métal")
    assert list(excluded.genres) == ["rock"]
    assert list(excluded.exclude_genres) == ["metal"]
    assert list(parser.parse("musique pour le sport sans rap").exclude_genres) == ["rap"]
    for text in ("comme Daft Punk", "dans le style de Daft Punk", "quelque chose comme Daft Punk"):
        assert [a.name for a in parser.parse(text).seed_artists] == ["Daft Punk"], text
    assert parser.parse("rock peu connu").novelty.value == "deep"
    lesser = parser.parse("du rap français pas trop connu")  # 'connu' was said unused
    assert (lesser.novelty.value, lesser.ignored) == ("deep", ())


def test_a_mixed_request_reads_both_languages(parser: QueryParser) -> None:
    query = parser.parse("musique chill for studying")
    assert list(query.moods) == ["chill", "focus"]
    assert query.language == "fr"


def test_names_are_never_translated(parser: QueryParser) -> None:
    query = parser.parse("dans le style de Les Rita Mitsouko")
    assert [a.name for a in query.seed_artists] == ["Les Rita Mitsouko"]


def test_songs_of_an_artist_and_anything_but(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("chansons de Queen").by_artists] == ["Queen"]
    assert list(parser.parse("tout sauf du rap").exclude_genres) == ["rap"]
    both = parser.parse("musique des années 80 et 90")
    assert (both.year_min, both.year_max) == (1980, 1999)


def test_an_elided_word_does_not_glue_to_the_next(parser: QueryParser) -> None:
    """'l'été' is 'the summer', not one token "the'summer"."""
    assert list(parser.parse("l'été en musique").moods) == ["summer"]
    assert list(parser.parse("musique d'ambiance").moods) == ["background"]


def test_what_songs_are_about_and_who_sings_them(parser: QueryParser) -> None:
    """'chansons sur la pluie' seeded the artist S'ur; 'chanteuses' was not understood."""
    query = parser.parse("chansons sur la pluie")
    assert query.moods == ("rainy",)
    assert not query.seed_artists
    assert parser.parse("chanteuses").genres == ("female vocalists",)


@pytest.mark.parametrize(
    "text",
    ["si j'aime stromae qu'est ce que je peux écouter d'autre", "qu'est-ce que tu peux me recommander comme rock"],
)
def test_asking_what_else_to_listen_to_leaves_no_word_unread(parser: QueryParser, text: str) -> None:
    """'si j'aime angèle qu'est ce que je peux écouter d'autre' read "angèle qu'est ce" as one unknown name and
    said 'si' and 'peux' unused (set Y, seventeenth session)."""
    query = parser.parse(text)
    assert not query.ignored
    assert not query.unresolved
