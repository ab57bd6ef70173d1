"""Reasons never contradict their own numbers (segue.engine.explain)."""

from __future__ import annotations

from segue.domain import FeatureRange
from segue.engine.explain import mood_reason


def test_a_plain_word_needs_the_value_on_its_side_of_the_middle() -> None:
    """A combined mood widened the acoustic floor to 0.15: 'acoustic (acoustic 0.17)' contradicted itself."""
    floor = FeatureRange("acousticness", low=0.15, because="morning")
    weak = mood_reason("morning", [floor], {"acousticness": 0.17})
    strong = mood_reason("morning", [floor], {"acousticness": 0.82})
    assert weak is not None
    assert strong is not None
    assert not weak.text.startswith("acoustic")
    assert strong.text.startswith("acoustic")


def test_tempo_and_loudness_keep_their_words_inside_a_bound() -> None:
    ceiling = FeatureRange("tempo", high=125.0, because="sleep")
    reason = mood_reason("sleep", [ceiling], {"tempo": 120.0})
    assert reason is not None
    assert reason.text.startswith("slow")
