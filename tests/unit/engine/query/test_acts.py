"""Act-relative readings over a catalog that says nothing of its acts: each leaves the query as it was."""

from __future__ import annotations

from segue.domain import EntityRef, Query
from segue.engine.query.acts import EARLY_YEARS, ActReadings


def _seeded(**fields: object) -> Query:
    return Query(seed_artists=(EntityRef(0, "a0", "Queen"),), **fields)  # type: ignore[arg-type]


def test_without_facts_every_reading_keeps_the_query() -> None:
    acts = ActReadings({}, 2020)
    query = _seeded(text="old queen but newer, 70s", year_min=1970, year_max=1979, genres=("rock",))
    assert acts.album_era(query, query.text) is query
    assert acts.early_career(query) is query
    assert acts.male_beside_seeds(query) is query
    assert acts.newer_than_acts(query, query.text) is query
    assert acts.older_than_acts(query, query.text) is query
    assert acts.era_of_act(query) is query
    assert acts.in_seed_genre(query) is query


def test_early_reads_the_acts_first_years_once_the_catalog_says_them() -> None:
    acts = ActReadings({}, 2020, first_year=lambda i: 1973)
    early = acts.early_career(_seeded(text="early queen", ignored=("early",)))
    assert early.by_artists == early.seed_artists
    assert early.year_max == 1973 + EARLY_YEARS
    assert early.ignored == ()


def test_no_male_vocals_asks_the_genre_of_the_other_voice() -> None:
    query = Query(genres=("indie rock",), exclude_genres=("male vocalists",))
    voiced = ActReadings.other_voice(query)
    assert voiced.genres == ("female indie rock",)
    assert voiced.exclude_genres == ()
