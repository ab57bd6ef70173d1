"""The request's scoring arrays: per-artist components sum to the same total as per-track ones."""

from __future__ import annotations

import numpy as np
import pytest

from segue.engine.reasons import RequestScoring


def test_per_artist_components_total_the_same_as_gathered_ones() -> None:
    rng = np.random.default_rng(3)
    track_artist = rng.integers(0, 50, size=400).astype(np.intp)
    colisten, tags = (rng.random(50, dtype=np.float32) for _ in range(2))
    mood = rng.random(400, dtype=np.float32)
    lazy, eager = RequestScoring(), RequestScoring()
    lazy.add_per_artist("colisten", colisten, 1.0, track_artist)
    lazy.add_per_artist("tags", tags, 0.6, track_artist)
    lazy.add("mood", mood, 0.2)
    eager.add("colisten", colisten[track_artist], 1.0)
    eager.add("tags", tags[track_artist], 0.6)
    eager.add("mood", mood, 0.2)
    assert lazy.total(400).tobytes() == eager.total(400).tobytes()  # the same float32 sums, bit for bit
    some = np.array([3, 7, 399], dtype=np.intp)
    assert lazy.at("tags", some).tolist() == eager.at("tags", some).tolist()
    assert lazy.at("mood", some).tolist() == mood[some].tolist()


def test_per_artist_components_come_first() -> None:
    scoring = RequestScoring()
    scoring.add("mood", np.zeros(4, dtype=np.float32), 0.2)
    with pytest.raises(ValueError, match="come before"):
        scoring.add_per_artist("colisten", np.zeros(2, dtype=np.float32), 1.0, np.zeros(4, dtype=np.intp))
