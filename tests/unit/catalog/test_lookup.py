"""Name lookup on small known lists: exact, prefix (autocomplete), typos, popularity tie-breaks, search keys."""

from __future__ import annotations

import numpy as np
import pytest

from segue.catalog.lookup import (
    NameIndex,
    album_index,
    album_key,
    artist_search_key,
    base_search_key,
    leader_alias,
    search_key,
    short_names,
)

NAMES = ["Radiohead", "Radio Dept", "Radiology", "Daft Punk", "Daft Funk", "Beyoncé", "Sigur Rós", "Muse", "Museum"]
POPULARITY = np.array([0.9, 0.3, 0.01, 0.95, 0.0, 0.97, 0.8, 0.85, 0.05], dtype=np.float32)


@pytest.fixture
def index() -> NameIndex:
    return NameIndex([artist_search_key(n) for n in NAMES], POPULARITY)


def names(index: NameIndex, query: str, limit: int = 3) -> list[str]:
    return [NAMES[i] for i, _ in index.search(artist_search_key(query), limit)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [("radiohed", "Radiohead"), ("beyonce", "Beyoncé"), ("SIGUR ROS", "Sigur Rós"), ("daft pnk", "Daft Punk")],
)
def test_typos_case_and_accents(index: NameIndex, query: str, expected: str) -> None:
    assert names(index, query)[0] == expected


def test_exact_scores_100_and_comes_first(index: NameIndex) -> None:
    hits = index.search("muse", 3)
    assert hits[0] == (NAMES.index("Muse"), 100.0)
    assert all(score < 100 for _, score in hits[1:])


def test_prefix_matches_first_by_popularity(index: NameIndex) -> None:
    # Typing "radi": the three Radio* names, the famous one first, before any fuzzy near-miss.
    assert names(index, "radi") == ["Radiohead", "Radio Dept", "Radiology"]


def test_starting_lists_names_by_their_first_word_best_known_first(index: NameIndex) -> None:
    """A first word said alone ('daft', 'radio'): only the names that begin with it as a word, no fuzzy near-miss."""
    assert [NAMES[i] for i in index.starting("daft ", 5)] == ["Daft Punk", "Daft Funk"]
    assert [NAMES[i] for i in index.starting("radio ", 5)] == ["Radio Dept"]
    assert [NAMES[i] for i in index.starting("daft ", 1)] == ["Daft Punk"]
    assert index.starting("muse ", 5) == []


def test_popularity_breaks_fuzzy_ties(index: NameIndex) -> None:
    # "daft xunk" is one edit from both Daft Punk and Daft Funk; the famous one wins.
    assert names(index, "daft xunk", 2) == ["Daft Punk", "Daft Funk"]


def test_noise_finds_nothing(index: NameIndex) -> None:
    assert index.search("zzzzqqqq", 5) == []
    assert index.search("", 5) == []


def test_exact_prefers_popular_owner_and_aliases() -> None:
    idx = NameIndex(["intro", "intro", "outro"], np.array([0.1, 0.7, 0.2], dtype=np.float32), {"the outro": 2})
    assert idx.exact("intro") == 1
    assert idx.exact("the outro") == 2
    assert idx.exact("nope") is None


def test_keys() -> None:
    assert search_key("I Don't Care") == search_key("i dont care") == "i dont care"
    assert base_search_key("I Don't Care (with Justin Bieber)") == "i dont care"
    assert artist_search_key("The Beatles") == "beatles"
    assert artist_search_key("Guns N' Roses") == "guns n roses"
    assert search_key("!!!") != search_key("???")  # punctuation-only names stay distinct


def test_famous_typo_beats_obscure_prefixes() -> None:
    # "quen" starts five obscure names but is one letter from Queen: the typo reading must still run and win.
    keys = ["queen", "quentin a", "quentin b", "quentyn", "quenching", "quench"]
    idx = NameIndex(keys, np.array([0.95, 0.01, 0.01, 0.02, 0.0, 0.0], dtype=np.float32))
    assert idx.search("quen", 3)[0][0] == 0
    # Up to three letters the user is still typing: prefix matches only, the popular ones first.
    assert [i for i, _ in idx.search("que", 2)] == [0, 3]


def test_a_famous_artist_is_known_by_part_of_the_name() -> None:
    """Issue 9: 'more like bieber' found Bebe, 'like bowie' Bolier, 'something like gaga' the artist GAGA."""
    keys = ["lady gaga", "gaga", "justin bieber", "tyler the creator", "bonnie tyler", "red hot chili peppers", "drake"]
    keys += ["nick drake"]
    pop = np.asarray([0.99, 0.2, 0.98, 0.9, 0.85, 0.97, 0.99, 0.75], dtype=np.float32)
    short = {part: keys[i] for part, i in short_names(keys, pop).items()}
    assert short["bieber"] == "justin bieber"
    assert short["chili peppers"] == "red hot chili peppers"
    assert short["gaga"] == "lady gaga"  # the little-known GAGA's whole name yields
    assert "tyler" not in short  # two known Tylers: spell it out
    assert "drake" not in short  # Drake's own name, not Nick Drake's part
    assert "the" not in short
    assert "red hot chili peppers" not in short  # a whole name is the exact look-up's


def test_a_composer_is_known_by_surname_only() -> None:
    """'anything like Debussy' was an unknown name and an empty answer: the 2011 listening data knows Claude Debussy
    (0.45) less than a chart act, yet a composer is asked for by surname, and never by a first name."""
    keys = ["claude debussy", "london symphony orchestra", "erik satie", "claude vonstroke"]
    pop = np.asarray([0.45, 0.5, 0.44, 0.45], dtype=np.float32)
    composers = np.asarray([True, True, True, False])
    short = {part: keys[i] for part, i in short_names(keys, pop, composers).items()}
    assert short == {"debussy": "claude debussy", "satie": "erik satie"}  # no 'claude', no 'orchestra'
    assert short_names(keys, pop) == {}  # without the composers, none is known enough


@pytest.mark.parametrize(
    ("key", "leader"),
    [
        ("the dave brubeck quartet", "dave brubeck"),
        ("oscar peterson trio", "oscar peterson"),
        ("huey lewis and the news", "huey lewis"),
        ("count basie and his orchestra", "count basie"),
        ("glenn miller big band", "glenn miller"),
        ("the band", None),  # no leader named
        ("foo fighters", None),
        ("miles davis", None),
    ],
)
def test_an_ensemble_is_asked_for_by_its_leader(key: str, leader: str | None) -> None:
    assert leader_alias(key) == leader


def test_a_leader_alias_never_takes_a_name_an_artist_has() -> None:
    """'miles davis' stays Miles Davis even where the Quintet is better known; 'dave brubeck' finds the Quartet."""
    keys = ["miles davis", "miles davis quintet", "dave brubeck quartet"]
    index = NameIndex(keys, np.array([0.5, 0.9, 0.3], np.float32), fallback_exact={"miles davis": 1, "dave brubeck": 2})
    assert index.exact("miles davis") == 0
    assert index.exact("dave brubeck") == 2


def test_a_long_band_name_is_known_by_its_initials_unless_they_spell_a_word() -> None:
    """'like mcr' was an unknown name: a famous band of three words or more is its initials too, except where they
    spell an everyday word ('top' stays top), for a pair ('s&g'), and when no vocabulary says what is everyday."""
    keys = ["my chemical romance", "twenty one pilots", "simon & garfunkel", "arctic monkeys"]
    pop = np.asarray([0.96, 0.9, 0.9, 0.95], dtype=np.float32)
    short = {part: keys[i] for part, i in short_names(keys, pop, everyday=frozenset({"top", "the"})).items()}
    assert short["mcr"] == "my chemical romance"
    assert "top" not in short
    assert "sag" not in short
    assert "am" not in short
    assert "mcr" not in short_names(keys, pop)


def test_an_album_key_joins_spelt_out_letters() -> None:
    """'good kid, m.A.A.d city' is typed 'good kid maad city'; the plain key kept 'm a a d' and matched 'good kid'."""
    assert album_key("good kid, m.A.A.d city") == album_key("good kid maad city") == "good kid maad city"
    assert album_key("AM") == "am"
    assert album_key("OK Computer") == "ok computer"
    assert album_index([(1, "good kid, m.A.A.d city"), (2, "Blonde")]) == {"good kid maad city": [1], "blonde": [2]}
