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


def test_a_plain_word_needs_a_margin_past_the_middle() -> None:
    """'bright and energetic (energy 0.53)' in one answer beside 'chill (energy 0.54)' in another; 'instrumental
    (instrumental 0.79)' for a song with its singer."""
    lively = mood_reason("happy", [FeatureRange("energy", low=0.5, because="happy")], {"energy": 0.53})
    assert lively is not None
    assert lively.text == "happy (energy 0.53)"
    loud = mood_reason("happy", [FeatureRange("energy", low=0.5, because="happy")], {"energy": 0.7})
    assert loud is not None
    assert loud.text.startswith("energetic")
    no_lyrics = [FeatureRange("instrumentalness", low=0.5, because="no lyrics")]
    sung = mood_reason("focus", no_lyrics, {"instrumentalness": 0.79})
    assert sung is not None
    assert not sung.text.startswith("instrumental")
    bare = mood_reason("focus", no_lyrics, {"instrumentalness": 0.93})
    assert bare is not None
    assert bare.text.startswith("instrumental")


def test_a_guard_against_rap_is_no_reason() -> None:
    """'sung (energy 0.51, spoken 0.04, -8 dB)' explained a dinner-party song: the speech ceiling keeps rap out."""
    dinner = [
        FeatureRange("energy", low=0.2, high=0.6, because="dinner"),
        FeatureRange("speechiness", high=0.12, because="dinner"),
        FeatureRange("loudness", high=-5.0, because="dinner"),
    ]
    said = mood_reason("dinner", dinner, {"energy": 0.51, "speechiness": 0.04, "loudness": -8.0})
    assert said is not None
    assert said.text == "dinner (energy 0.51, -8 dB)"


def test_a_sound_aimed_at_needs_the_margin_too() -> None:
    """'energetic (energy 0.58)' for a dark techno song: a target without bounds takes the same margin."""
    aimed = [FeatureRange("energy", target=0.8, because="dark")]
    middling = mood_reason("dark", aimed, {"energy": 0.58})
    lively = mood_reason("dark", aimed, {"energy": 0.7})
    assert middling is None or not middling.text.startswith("energetic")
    assert lively is not None
    assert lively.text.startswith("energetic")
