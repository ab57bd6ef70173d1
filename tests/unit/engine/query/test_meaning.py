"""Unknown words read by meaning: the nearest mood word decides, and only when it is clearly the nearest."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from segue.engine.query.genres import GenreTree
from segue.engine.query.meaning import MEANING_RARER_THAN, WordMeanings
from segue.engine.query.moods import MOODS
from segue.engine.query.parser import QueryParser
from support.names import load_fake


def _unit(*values: float) -> list[float]:
    v = np.asarray(values, dtype=np.float32)
    return list(v / np.linalg.norm(v))


# A three-dimensional toy space: rain words along x, joy words along y, workout words along z.
WORDS = ["rain", "joyful", "gym", "thunderstorm", "gleeful", "between", "faraway"]
VECTORS = np.asarray(
    [
        _unit(1, 0, 0),
        _unit(0, 1, 0),
        _unit(0, 0, 1),
        _unit(0.95, 0.1, 0.05),  # thunderstorm: rain
        _unit(0.05, 0.9, 0.1),  # gleeful: joy
        _unit(1, 1, 0),  # between rain and joy: no clear mood
        _unit(-1, -1, -1),  # far from every mood
    ],
    dtype=np.float16,
)


# The vectors come most frequent first and the commonest words are never read: the toy words sit past them.
COMMON = [f"common{i}" for i in range(MEANING_RARER_THAN)]
PADDED = (COMMON + WORDS, np.concatenate([np.zeros((len(COMMON), 3), dtype=np.float16), VECTORS]))


@pytest.fixture
def meanings() -> WordMeanings:
    return WordMeanings(lambda: PADDED, MOODS)


def test_a_word_takes_the_mood_of_its_nearest_mood_word(meanings: WordMeanings) -> None:
    thunder, gleeful = meanings.mood("thunderstorm"), meanings.mood("gleeful")
    assert thunder is not None
    assert thunder.label == MOODS["rain"].label
    assert gleeful is not None
    assert gleeful.label == MOODS["joyful"].label


def test_a_word_between_two_moods_or_far_from_all_reads_as_none(meanings: WordMeanings) -> None:
    assert meanings.mood("common7") is None  # one of the commonest words: many senses, never read
    assert meanings.mood("between") is None
    assert meanings.mood("faraway") is None
    assert meanings.mood("notaword") is None


def test_the_vectors_load_once_and_only_when_asked() -> None:
    calls: list[int] = []

    def load() -> tuple[list[str], np.ndarray] | None:
        calls.append(1)
        return PADDED

    meanings = WordMeanings(load, MOODS)
    assert not calls
    meanings.mood("thunderstorm")
    meanings.mood("gleeful")
    assert calls == [1]
    assert WordMeanings(lambda: None, MOODS).mood("thunderstorm") is None


@pytest.fixture(scope="module")
def parser(datasets_dir: Path) -> QueryParser:
    tree = GenreTree.from_csv(datasets_dir / "lastfm-folds" / "props_hierarchy_wikidata_lastfm_small.csv")
    meanings = WordMeanings(lambda: PADDED, MOODS)
    return QueryParser(load_fake(datasets_dir), tree, reference_year=2020, meanings=meanings)


def test_an_unknown_word_is_read_by_meaning_and_said(parser: QueryParser) -> None:
    """Issue 9: 'music for a thunderstorm' came back empty with "I don't know 'thunderstorm'"."""
    query = parser.parse("music for a thunderstorm")
    assert query.moods == (MOODS["rain"].label,)
    assert query.meant == (("thunderstorm", MOODS["rain"].label),)
    assert not query.unresolved
    assert not query.ignored


@pytest.mark.parametrize(
    "text",
    [
        "no thunderstorm music",  # excluded, never wanted
        "chill thunderstorm music",  # a mood was said: nothing to guess
        "songs like Thunderstorm by the lake",  # written as a name
    ],
)
def test_meaning_never_overrides_what_was_said(parser: QueryParser, text: str) -> None:
    query = parser.parse(text)
    assert not query.meant
    assert MOODS["rain"].label not in query.moods


def test_without_meanings_the_word_stays_unread(parser: QueryParser) -> None:
    query = parser.without_meanings().parse("music for a thunderstorm")
    assert not query.moods
    assert not query.meant


def test_a_request_in_another_language_is_not_read_through_english_vectors(parser: QueryParser) -> None:
    """The vectors are English: in a Spanish request an unread word is not guessed at through them."""
    query = parser.parse("música triste para un thunderstorm")
    assert query.language == "es"
    assert not query.meant
