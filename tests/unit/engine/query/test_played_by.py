"""The played-by tables agree with each other: a phrase's reading is found again by what it is said back as."""

from __future__ import annotations

from segue.engine.query.moods import MOODS
from segue.engine.query.played_by import PLAYED_AS, PLAYED_BY, PLAYED_BY_SAID


def test_a_mood_phrase_said_back_is_found_again() -> None:
    """The answer's fill (`AnswerFilling._lead_with_own_songs`) and `regroup.mood_beside_played_as` look a reading up
    by the words it is said back as ('heartbreak' for 'sad songs for a breakup'): those words must be a phrase of
    the same acts and the same mood, or the ceilings and the lively-mood rule would silently not apply."""
    for phrase, said in PLAYED_BY_SAID.items():
        if phrase in PLAYED_AS:
            assert PLAYED_AS.get(said) == PLAYED_AS[phrase], (phrase, said)
            assert PLAYED_BY.get(said) == PLAYED_BY[phrase], (phrase, said)


def test_every_mood_a_phrase_asks_is_a_mood() -> None:
    assert {mood for mood in PLAYED_AS.values() if mood not in MOODS} == set()
    assert set(PLAYED_AS) <= set(PLAYED_BY)
