"""The mood table: well-formed ranges, normalized words, and shares measured on the real Spotify features."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from segue.domain import FEATURE_NAMES
from segue.engine.query.moods import FEATURE_DOMAINS, MOODS, MOODS_BY_LABEL, NOT_MARGIN, mood_for
from segue.text import normalize_name


def test_every_range_is_valid_and_inside_its_domain() -> None:
    assert set(FEATURE_DOMAINS) == set(FEATURE_NAMES)
    for label, mood in MOODS_BY_LABEL.items():
        assert mood.ranges, label
        assert mood.ranges[0].low is not None or mood.ranges[0].high is not None, label
        for r in mood.ranges:
            lo, hi = FEATURE_DOMAINS[r.feature]
            # A bound, or a soft target that only ranks (sleep leans instrumental); the primary range is a bound.
            assert r.low is not None or r.high is not None or r.target is not None, label
            for bound in (r.low, r.high, r.target):
                assert bound is None or lo <= bound <= hi, (label, r)
            assert r.low is None or r.high is None or r.low <= r.high, (label, r)
            assert r.target is None or r.accepts(r.target), (label, r)


def test_words_are_normalized_keys_of_their_label() -> None:
    for word, mood in MOODS.items():
        assert normalize_name(word) == word
        assert MOODS_BY_LABEL[mood.label] is mood
    assert mood_for("Relaxing") is MOODS_BY_LABEL["relaxing"]
    assert mood_for("night-drive") is MOODS_BY_LABEL["night drive"]
    assert mood_for("chilli") is None


def test_ranges_carry_the_word_typed() -> None:
    ranges = MOODS_BY_LABEL["chill"].ranges_for("laid back")
    assert {r.because for r in ranges} == {"laid back"}


def test_negation_flips_the_primary_range() -> None:
    sad = MOODS_BY_LABEL["sad"]
    (flipped,) = sad.negated_ranges("not sad")
    primary = sad.ranges[0]
    assert flipped.feature == primary.feature
    assert primary.high is not None
    assert (flipped.low, flipped.high) == (primary.high + NOT_MARGIN, None)  # 'The Sound of Silence' (0.33) stays sad
    (not_fast,) = MOODS_BY_LABEL["fast"].negated_ranges("not fast")
    assert not_fast.high == MOODS_BY_LABEL["fast"].ranges[0].low  # BPM: no margin
    assert MOODS_BY_LABEL["night drive"].negated_ranges("not night drive") == ()  # a two-sided range: no complement


BRIEF_WORDS = [
    "sad",
    "happy",
    "chill",
    "calm",
    "mellow",
    "relaxing",
    "workout",
    "gym",
    "running",
    "party",
    "dance",
    "danceable",
    "focus",
    "study",
    "sleep",
    "acoustic",
    "instrumental",
    "energetic",
    "upbeat",
    "angry",
    "aggressive",
    "melancholic",
    "romantic",
    "rainy",
    "live",
    "spoken",
    "fast",
    "slow",
]


@pytest.mark.parametrize("word", [*BRIEF_WORDS, "night drive", "rap heavy"])
def test_brief_vocabulary_is_covered(word: str) -> None:
    assert mood_for(word) is not None


@pytest.fixture(scope="module")
def spotify_features(datasets_dir: Path) -> dict[str, np.ndarray]:
    with (datasets_dir / "spotify-songs" / "spotify_songs.csv").open(encoding="utf-8", newline="") as fh:
        rows = {row["track_id"]: row for row in csv.DictReader(fh)}
    return {name: np.array([float(r[name]) for r in rows.values()]) for name in FEATURE_NAMES}


# 'vocal' and a learner's 'language practice' only drop instrumentals and fast rap, by design: they sit on a language
# or a genre that already narrows the songs.
@pytest.mark.parametrize("label", sorted(set(MOODS_BY_LABEL) - {"vocal", "language practice"}))
def test_each_mood_keeps_a_reasonable_share_of_real_tracks(spotify_features: dict[str, np.ndarray], label: str) -> None:
    keep = np.ones(len(spotify_features["energy"]), dtype=bool)
    for r in MOODS_BY_LABEL[label].ranges:
        values = spotify_features[r.feature]
        if r.low is not None:
            keep &= values >= r.low
        if r.high is not None:
            keep &= values <= r.high
    # Roughly 5-30%: narrow enough to mean something, wide enough not to empty a genre or era filter on top.
    assert 0.03 <= keep.mean() <= 0.30, f"{label} keeps {keep.mean():.1%}"
