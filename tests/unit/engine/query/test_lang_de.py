"""German requests (issue 15): moods, activities, '80er' / 'aus den 80ern' / 'Neunziger', 'Klassik', compounds
('Partymusik'), counts, exclusions and 'wie' / 'ähnlich wie' cues, with and without umlauts."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "moods"),
    [
        ("traurige Lieder", ["sad"]),
        ("ruhige Musik zum Schlafen", ["calm", "sleep"]),
        ("entspannende Musik", ["relaxing"]),
        ("fröhliche Lieder", ["happy"]),
        ("frohliche Lieder", ["happy"]),
        ("Musik fürs Training", ["workout"]),
        ("Musik fuers Training", ["workout"]),
        ("Partymusik", ["party"]),
        ("Instrumentalmusik", ["instrumental"]),
        ("Musik zum Tanzen", ["dance"]),
        ("Musik um den Tag beginnen", ["morning"]),
        ("musik zum autofahren, gerne deutschrap", ["driving"]),  # 'gerne' (gladly) was said unused
    ],
)
def test_moods_and_activities(parser: QueryParser, text: str, moods: list[str]) -> None:
    query = parser.parse(text)
    assert list(query.moods) == moods
    assert query.language == "de"
    assert not query.ignored
    assert not query.unresolved


@pytest.mark.parametrize(
    ("text", "era"),
    [
        ("Rock aus den 80ern", (1980, 1989)),
        ("80er Pop", (1980, 1989)),
        ("Musik der 90er", (1990, 1999)),
        ("Hip Hop aus den Neunzigern", (1990, 1999)),
        ("fröhliche Musik aus den 60er Jahren", (1960, 1969)),
        ("Rap vor 2000", (None, 1999)),
        ("Techno nach 2015", (2016, None)),
    ],
)
def test_decades_written_the_german_way(parser: QueryParser, text: str, era: tuple[int | None, int | None]) -> None:
    query = parser.parse(text)
    assert (query.year_min, query.year_max) == era
    assert not query.ignored


def test_genre_names_in_german_resolve_to_catalog_genres(parser: QueryParser) -> None:
    assert "classical" in parser.parse("Klassik").genres
    assert "classical" in parser.parse("klassische Musik").genres
    assert "electronic" in parser.parse("elektronische Musik").genres


def test_counts_exclusions_and_cues(parser: QueryParser) -> None:
    counted = parser.parse("drei Jazz Songs")
    assert counted.count == 3
    assert list(counted.genres) == ["jazz"]
    excluded = parser.parse("Rock aber kein Metal")
    assert list(excluded.genres) == ["rock"]
    assert list(excluded.exclude_genres) == ["metal"]
    assert list(parser.parse("Musik zum Trainieren ohne Rap").exclude_genres) == ["rap"]
    for text in (
        "Musik wie Kraftwerk",
        "ähnlich wie Kraftwerk",
        "ahnlich wie Kraftwerk",
        "so wie Kraftwerk",
        "was Ähnliches wie Kraftwerk",
    ):
        assert [a.name for a in parser.parse(text).seed_artists] == ["Kraftwerk"], text
    assert not parser.parse("was Ähnliches wie Kraftwerk").ignored
    assert parser.parse("unbekannte Rockbands").novelty.value == "deep"
    underrated = parser.parse("unterschätzte krautrock bands")  # 'unterschätzte' was said unused
    assert (underrated.novelty.value, underrated.ignored) == ("deep", ())


def test_a_mixed_request_reads_both_languages(parser: QueryParser) -> None:
    query = parser.parse("chill Lieder for studying")
    assert list(query.moods) == ["chill", "focus"]
    assert query.language == "de"


def test_names_are_never_translated(parser: QueryParser) -> None:
    """'die' is 'the' in a German request, but not inside 'Die Toten Hosen'."""
    query = parser.parse("Lieder wie Die Toten Hosen")
    assert [a.name for a in query.seed_artists] == ["Die Toten Hosen"]
    assert query.language == "de"


def test_songs_of_an_artist_and_anything_but(parser: QueryParser) -> None:
    assert [a.name for a in parser.parse("die besten Songs von Queen").by_artists] == ["Queen"]
    assert list(parser.parse("alles außer Rap").exclude_genres) == ["rap"]
    both = parser.parse("Musik aus den 80ern und 90ern")
    assert (both.year_min, both.year_max) == (1980, 1999)


def test_who_sings_them(parser: QueryParser) -> None:
    assert parser.parse("Sängerinnen").genres == ("female vocalists",)
    assert parser.parse("Rapperinnen").genres == ("female rap",)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Rap aus Frankreich", "french"),
        ("Indie aus Spanien", "spanish"),
        ("Rock aus Schweden", "swedish"),
        ("Pop aus den Niederlanden", "dutch"),
    ],
)
def test_a_genre_from_a_country_is_that_countrys_scene(parser: QueryParser, text: str, place: str) -> None:
    """The answers now name a scene 'Rap aus Frankreich' (i18n genre names); typed back, 'Frankreich' was unknown."""
    query = parser.parse(text)
    assert query.genres
    assert all(g.startswith(place) for g in query.genres), query.genres
    assert not query.unresolved
    assert not query.ignored
