"""Moods beside each other asking for the opposite sound (an activity and a time or a place, a journey and a
feeling): which gives way, and what stays."""

from __future__ import annotations

from segue.domain import FeatureRange, Query
from segue.engine.query.blend import said_not_wins, settle, sorrow_beside_motion
from segue.engine.query.moods import MOODS


def _asked(*words: str) -> tuple[list[FeatureRange], list[tuple[str, str]]]:
    features: list[FeatureRange] = []
    moods: list[tuple[str, str]] = []
    for word in words:
        mood = MOODS[word]
        features += mood.ranges_for(word)
        moods.append((word, mood.label))
    return features, moods


def test_a_time_gives_way_to_what_is_done_in_it_whatever_the_order() -> None:
    """'upbeat morning run': 'morning' (energy 0.3-0.7) against a run's (>= 0.7); 'upbeat' and the run agree."""
    for order in (("upbeat", "morning", "running"), ("morning", "upbeat", "running"), ("running", "morning")):
        features, gave_way = settle(*_asked(*order))
        assert "morning" not in {f.because for f in features}
        assert gave_way == (("morning", "running"),)


def test_a_weather_gives_way_to_a_workout() -> None:
    features, gave_way = settle(*_asked("rainy", "workout"))
    assert {f.because for f in features} == {"workout"}
    assert gave_way == (("rainy", "workout"),)


def test_moods_meeting_halfway_keep_every_bound() -> None:
    """'chill party', 'sad but upbeat', 'summer' beside 'chill': no activity against a setting, so the band around
    their middle (`signals.combined_bounds`) reads them, as before."""
    for words in (("chill", "party"), ("sad", "upbeat"), ("chill", "summer"), ("heartbreak", "angry")):
        features, moods = _asked(*words)
        assert settle(features, moods) == (tuple(features), ())


def test_a_setting_that_agrees_with_the_activity_stays() -> None:
    features, moods = _asked("summer", "party")
    assert settle(features, moods) == (tuple(features), ())


def test_other_ranges_never_give_way() -> None:
    """A number or a negation ('not happy') is no mood asked for: it stays beside the activity."""
    features, moods = _asked("workout")
    negated = [*MOODS["happy"].negated_ranges("not happy")]
    assert settle([*features, *negated], moods) == ((*features, *negated), ())


def test_a_journey_gives_way_to_a_feeling() -> None:
    """'songs for a breakup, crying in the car': sad songs, not sad and driving averaged into mid-energy trap."""
    for order in (("breakup", "driving"), ("driving", "crying")):
        features, gave_way = settle(*_asked(*order))
        feeling = order[0] if order[0] != "driving" else order[1]
        assert {f.because for f in features} == {feeling}
        assert gave_way == (("driving", feeling),)


def test_an_hour_is_left_to_its_own_rule() -> None:
    """'4am' reads as a night drive, but it says when: `hour_beside_mood` decides, not the journey rule."""
    features, moods = _asked("4am", "sleep")
    assert settle(features, moods) == (tuple(features), ())


def test_a_setting_always_gives_way_to_stillness() -> None:
    """'sunrise meditation': the morning's bounds overlap the meditation's at a sliver of bright, mid-energy songs
    (Jack Johnson, Clapton); stillness decides the sound whether or not they clash."""
    features, gave_way = settle(*_asked("morning", "meditation"))
    assert {f.because for f in features} == {"meditation"}
    assert gave_way == (("morning", "meditation"),)


def _query(*words: str) -> Query:
    features, moods = _asked(*words)
    return Query(text=" ".join(words), features=tuple(features), moods=tuple(label for _, label in moods))


def test_sorrow_beside_motion_keeps_its_feeling_and_gives_up_its_sound() -> None:
    """'sad but danceable' answered 'sombre, calm and acoustic' ballads (Gravity): sorrow's energy cap and acoustic
    target went beside the dance; its low positivity stays, and the dance keeps all of its bounds."""
    for sorrow, motion in (("sad", "danceable"), ("breakup", "go hard"), ("melancholic", "workout")):
        query = sorrow_beside_motion(_query(sorrow, motion))
        kept = {(f.because, f.feature) for f in query.features}
        assert (sorrow, "valence") in kept
        assert not {(sorrow, s) for s in ("energy", "acousticness")} & kept
        assert {f.feature for f in MOODS[motion].ranges} <= {f for w, f in kept if w == motion}


def test_sorrow_alone_or_beside_a_feeling_keeps_its_sound() -> None:
    for words in (("sad",), ("sad", "upbeat"), ("sad", "rainy"), ("heartbreak", "romantic")):
        query = _query(*words)
        assert sorrow_beside_motion(query) == query


def _said(text: str, asked: str, negated: str) -> Query:
    """A query as the parser leaves it before the blend rules: `asked` read as its mood, 'not `negated`' inverted."""
    mood = MOODS[asked]
    features = (*mood.ranges_for(asked), *MOODS[negated].negated_ranges(f"not {negated}"))
    return Query(text=text, moods=(mood.label,), features=features)


def test_a_feeling_said_not_to_be_by_its_own_words_is_its_milder_side() -> None:
    """'sad songs but not too depressing' dropped sad as 'not sad' and answered upbeat songs (ELO, Katy Perry)."""
    for text, asked, negated in (
        ("sad songs but not too depressing", "sad songs", "depressing"),
        ("sad but not depressing", "sad", "depressing"),
        ("breakup songs but not too sad", "breakup", "sad"),
    ):
        query = said_not_wins(_said(text, asked, negated))
        assert query.moods == ("sad",), text
        valence = [f for f in query.features if f.feature == "valence"]
        cap = next(f for f in valence if f.because == asked)
        floor = next(f for f in valence if f.because == f"not {negated}")
        assert cap.high is not None
        assert floor.low is not None
        sad_cap = MOODS[asked].ranges[0].high
        assert sad_cap is not None
        assert floor.low < cap.high <= sad_cap + 0.1 + 1e-9  # a band: milder, not emptied
        assert cap.target is not None
        assert floor.low <= cap.target <= cap.high


def test_a_situation_said_not_to_be_its_feeling_is_still_danced_off() -> None:
    """'breakup songs that arent sad' is the breakup danced off: the milder reading needs the feeling asked by name
    or 'not too'."""
    query = said_not_wins(_said("breakup songs that arent sad", "breakup", "sad"))
    assert query.moods == ("upbeat",)
