"""A freshly opened catalog answers one request without reading whole tables, and answers it the same as a warm one.

`segue ask` opens the catalog for a single answer: exact names come from the table the build writes
(`artist_names`), a track's artist and a song's base title from their own rows. These tests pin that the cold
path is taken and that it agrees with the warmed-up indexes on every exact key and a spread of tracks.
"""

from __future__ import annotations

import random

from segue.catalog.store import Catalog
from segue.text import normalize_name


def test_the_build_stores_every_exact_key_the_index_knows(built_catalog: Catalog) -> None:
    stored = dict(built_catalog._query("SELECT key, idx FROM artist_names"))
    assert stored == dict(built_catalog._artist_index.exact_items())
    assert len(stored) >= built_catalog.n_artists * 0.9


def test_a_cold_catalog_answers_names_and_tracks_as_a_warm_one(built_catalog: Catalog) -> None:
    warm = built_catalog
    warm.warm_up()
    rng = random.Random(7)
    names = [warm.artist(i).name for i in rng.sample(range(warm.n_artists), 400)]
    names += ["the beatles", "beatles", "radiohed", "daft punk", "sigur ros", "nobody at all", ""]
    tracks = rng.sample(range(warm.n_tracks), 300)
    with Catalog.open(warm.path) as cold:
        for name in names:
            key = normalize_name(name)
            assert cold.exact_artist(key) == warm.exact_artist(key), name
        for i in tracks:
            assert cold.track(i) == warm.track(i)
            assert cold.base_title(i) == warm.base_title(i)
        read_whole = {"_artist_columns", "_track_columns", "_artist_index"} & set(vars(cold))
        assert not read_whole, f"a cold catalog read {read_whole} to answer single look-ups"


def test_many_names_looked_up_at_once_are_found_as_one_by_one(built_catalog: Catalog) -> None:
    """`exact_artists` (the parser's start-up: ~1,000 acts in two queries) agrees with `exact_artist` per name, cold
    and warm, the names repeated, missing, or spelt as only `artist_key` finds them."""
    rng = random.Random(11)
    names = [normalize_name(built_catalog.artist(i).name) for i in rng.sample(range(built_catalog.n_artists), 1200)]
    names += ["the beatles", "beatles", "radiohed", "nobody at all", "", "the beatles"]
    with Catalog.open(built_catalog.path) as cold:
        assert cold.exact_artists(names) == [cold.exact_artist(n) for n in names]
        assert "_artist_index" not in vars(cold)
        cold.warm_up()
        assert cold.exact_artists(names) == [cold.exact_artist(n) for n in names]


def test_a_cold_catalog_finds_an_artists_song_as_a_warm_one(built_catalog: Catalog) -> None:
    """'dreams by fleetwood mac' read every track's title in a fresh `segue ask` (~0.1 s): the artist's own rows
    are read instead, with the same answer."""
    warm = built_catalog
    warm.warm_up()
    rng = random.Random(11)
    artists = [a for a in rng.sample(range(warm.n_artists), 600) if warm.tracks_of(a).size][:80]
    asks = [(a, warm.track(int(t)).title) for a in artists for t in warm.tracks_of(a)[:2]]
    asks += [(a, "no such song at all") for a in artists[:10]]
    with Catalog.open(warm.path) as cold:
        for artist, title in asks:
            assert cold.artist_song(artist, title) == warm.artist_song(artist, title), (artist, title)
        assert "_track_columns" not in vars(cold)


def test_a_cold_catalog_knows_short_names_from_the_build(built_catalog: Catalog) -> None:
    """Short names ('bieber', 'mcr') were worked out from every artist in each fresh `segue ask` (~0.2 s): the
    build stores them, and a cold catalog reads the one it is asked for."""
    warm = built_catalog
    warm.warm_up()
    stored = dict(warm._query("SELECT key, idx FROM short_names"))
    assert stored == warm._short_names
    assert len(stored) >= 500
    with Catalog.open(warm.path) as cold:
        for key in [*list(stored)[::25], "bieber", "no such name"]:
            assert cold.short_artist(key) == warm.short_artist(key), key
        assert not {"_short_names", "_artist_columns"} & set(vars(cold))
