"""The speller behind re-reading misspelt request words (`engine.query.spelling`)."""

from __future__ import annotations

import pytest

from segue.engine.query.names import one_letter_off
from segue.engine.query.spelling import Speller

SPELLER = Speller(["chill", "reggae", "classical", "sleep", "sad", "songs", "romantic", "jazz"])


def _no_names(word: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("chil", "chill"), ("reggea", "reggae"), ("clasical", "classical"), ("sleeep", "sleep"), ("romantik", "romantic")],
)
def test_one_edit_with_the_same_first_letter(typed: str, meant: str) -> None:
    assert SPELLER.correct(typed, _no_names) == meant


@pytest.mark.parametrize("typed", ["jaz", "rok", "tokyo", "chilly123", "sleep", "entrance", "whill"])
def test_short_known_distant_or_odd_words_stay(typed: str) -> None:
    """Three letters are too close to too many words; a known word needs nothing; 'tokyo' is close to none;
    'entrance' is two edits from 'trance' and 'whill' one from 'chill' with another first letter."""
    speller = Speller(["chill", "trance", "sleep"])
    assert speller.correct(typed, _no_names) is None


def test_an_artist_name_is_never_corrected() -> None:
    """'sade' is one edit from 'sad', and Sade."""
    speller = Speller(["sad"])
    assert speller.correct("sade", lambda w: w == "sade") is None
    assert speller.correct("sadd", lambda w: False) == "sad"


def test_corrections_cover_every_word_of_the_unread_phrases() -> None:
    assert SPELLER.corrections(["chil sngs", "tokyo"], _no_names) == {"chil": "chill", "sngs": "songs"}


def test_two_letters_swapped_are_one_slip() -> None:
    """'clario' was unknown, its note offering Clairo."""
    assert one_letter_off("clario", "Clairo")
    assert one_letter_off("beabadobee", "beabadoobee")
    assert not one_letter_off("clarion", "Clairo")
