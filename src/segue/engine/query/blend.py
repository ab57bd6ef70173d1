"""An activity beside a time or a place that asks for the opposite sound: the time or place gives way, said.

Each mood bounds a few features; where two moods' bounds leave no song between them, `signals.combined_bounds` takes
a band around their middle, which is right for moods meeting halfway ('chill party songs': mid energy; 'sad songs
but upbeat': the sad bangers). It is wrong where one is what the songs are *for*: "need smth upbeat for my morning
run" asked 'morning''s gentle energy of the run and got half-time ballads measured at 160 BPM; "rainy day workout"
the middle of a rainy day's quiet and a workout's force. What is done sets the sound; the time, weather or place it
is done in keeps its place in `Query.moods` (how listeners tag songs still counts) and gives its bounds up.
Measured on mood blends against the band (EVALUATION.md, fourteenth session): giving way everywhere ('the later
word wins') lost the halfway readings, so it is kept to activities.
"""

from __future__ import annotations

from collections.abc import Sequence

from segue.domain import FeatureRange

__all__ = ["ACTIVITIES", "SETTINGS", "settle"]

SETTINGS = frozenset({"morning", "rainy", "summer", "night drive", "dinner", "background"})
"""Moods of a time, a weather or a place: they colour an activity and give way to it."""
ACTIVITIES = frozenset({"workout", "running", "party", "dance", "driving", "stadium", "bangers"})
"""Moods of something done: the sound it needs is the point."""

MIN_WIDTH = {"tempo": 5.0, "loudness": 1.0}
"""Narrower than this (in the feature's unit), two bounds leave no song between them; 0.05 for 0..1 features."""
DEFAULT_WIDTH = 0.05


def settle(
    features: Sequence[FeatureRange], moods: Sequence[tuple[str, str]]
) -> tuple[tuple[FeatureRange, ...], tuple[tuple[str, str], ...]]:
    """The features without the ranges of each setting that clashed with an activity, and who gave way to whom:
    (typed word, typed word kept). `moods` are (typed word, mood label) in the order typed; other ranges stay."""
    label = dict(moods)
    settings = [word for word, mood in moods if mood in SETTINGS]
    activities = [word for word, mood in moods if mood in ACTIVITIES]
    gave_way: dict[str, str] = {}
    for setting in settings:
        kept = next((word for word in activities if _clash(features, setting, word)), None)
        if kept is not None and label[setting] != label[kept]:
            gave_way.setdefault(setting, kept)
    return tuple(f for f in features if f.because not in gave_way), tuple(gave_way.items())


def _clash(features: Sequence[FeatureRange], a: str, b: str) -> bool:
    """Whether the bounds of the moods typed as `a` and `b` leave no song between them for some feature."""
    for x in (f for f in features if f.because == a):
        for y in (f for f in features if f.because == b and f.feature == x.feature):
            lows = [v for v in (x.low, y.low) if v is not None]
            highs = [v for v in (x.high, y.high) if v is not None]
            if lows and highs and min(highs) - max(lows) < MIN_WIDTH.get(x.feature, DEFAULT_WIDTH):
                return True
    return False
