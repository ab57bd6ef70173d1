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


def test_tempo_and_loudness_earn_their_words() -> None:
    """'calm, quiet and slow (energy 0.05, -18 dB, 116 BPM)': 116 BPM passed a sleep mood's ceiling (125) but is
    not slow. Inside the bound and past the plain word's end it is slow; short of it the mood speaks."""
    ceiling = FeatureRange("tempo", high=125.0, because="sleep")
    slow = mood_reason("sleep", [ceiling], {"tempo": 90.0})
    assert slow is not None
    assert slow.text.startswith("slow")
    middling = mood_reason("sleep", [ceiling], {"tempo": 116.0})
    assert middling is not None
    assert middling.text == "sleep (116 BPM)"
    loud = mood_reason("party", [FeatureRange("loudness", low=-8.0, because="party")], {"loudness": -7.0})
    assert loud is not None
    assert not loud.text.startswith("loud")


def test_an_instrumental_is_never_called_sung() -> None:
    """'focus music no lyrics' explained its picks as 'sung and instrumental': few spoken words is not singing."""
    ranges = [
        FeatureRange("speechiness", high=0.08, because="focus"),
        FeatureRange("instrumentalness", low=0.5, target=0.8, because="no lyrics"),
    ]
    instrumental = mood_reason("focus", ranges, {"speechiness": 0.04, "instrumentalness": 0.93})
    song = mood_reason("focus", ranges[:1], {"speechiness": 0.04, "instrumentalness": 0.0})
    assert instrumental is not None
    assert song is not None
    assert instrumental.text.startswith("instrumental ("), instrumental.text
    assert song.text.startswith("sung ("), song.text
