"""A seeds-only request answers only songs its seeds reach; beside a mood, seeds without songs only their
neighbours (`segue.engine.reach`)."""

from __future__ import annotations

import numpy as np

from segue.engine.reach import seed_neighbours, seeds_reach
from segue.engine.reasons import RequestScoring


def _scoring() -> RequestScoring:
    """Six tracks by three artists: artist 0 co-listened with the seed, track 4 sounds like it, the rest tie to
    nothing but the chart."""
    scoring = RequestScoring()
    track_artist = np.array([0, 0, 1, 1, 2, 2], dtype=np.intp)
    scoring.add_per_artist("colisten", np.array([0.9, 0.0, 0.0], dtype=np.float32), 1.0, track_artist)
    scoring.add("sound", np.array([0, 0, 0, 0, 0.4, 0], dtype=np.float32), 0.3)
    scoring.add("popularity", np.array([0.1, 0.2, 0.9, 0.8, 0.1, 0.7], dtype=np.float32), 0.1)
    return scoring


def test_untied_songs_leave_the_pool_and_tied_ones_from_outside_it_come_in() -> None:
    total = np.array([1.0, 0.9, 0.95, 0.85, 0.2, 0.8], dtype=np.float32)
    order = np.array([0, 2, 1, 3], dtype=np.intp)  # a pool of four, the chart's 2 and 3 among them
    reached = seeds_reach(_scoring(), order, np.arange(6, dtype=np.intp), total, pool=4)
    assert reached.tolist() == [0, 1, 4]


def test_a_pool_the_seeds_reach_whole_is_kept_as_it_is() -> None:
    order = np.array([1, 0], dtype=np.intp)
    total = np.zeros(6, dtype=np.float32)
    assert seeds_reach(_scoring(), order, np.arange(6, dtype=np.intp), total, pool=4) is order


def test_a_seeds_neighbours_are_co_listened_or_alike_enough() -> None:
    scoring = RequestScoring()
    track_artist = np.array([0, 1, 2, 3], dtype=np.intp)
    scoring.add_per_artist("colisten", np.array([0.0, 0.4, 0.0, 0.0], dtype=np.float32), 1.0, track_artist)
    scoring.add_per_artist("tags", np.array([0.3, 0.0, 0.1, 0.0], dtype=np.float32), 0.6, track_artist)
    assert seed_neighbours(scoring, track_artist).tolist() == [True, True, False, False]


def test_without_seed_signals_no_track_is_a_neighbour() -> None:
    assert not seed_neighbours(RequestScoring(), np.array([0, 1], dtype=np.intp)).any()


def test_beside_a_mood_only_the_neighbours_reach() -> None:
    """Track 4 sounds a little like the seed but its artist is no neighbour: beside a mood it is not reached."""
    total = np.array([1.0, 0.9, 0.95, 0.85, 0.2, 0.8], dtype=np.float32)
    near = np.array([True, True, False, False, False, False])
    order = np.array([0, 2, 4], dtype=np.intp)
    reached = seeds_reach(_scoring(), order, np.arange(6, dtype=np.intp), total, pool=4, near=near)
    assert reached.tolist() == [0, 1]


def test_beside_a_mood_seeds_without_any_neighbour_keep_the_pool() -> None:
    """An act no one co-listens ('dinner music for colleagues from the orchestra' seeded the act Orchestra): the
    mood's answer as ranked, not nothing."""
    order = np.array([2, 3], dtype=np.intp)
    total = np.ones(6, dtype=np.float32)
    near = np.zeros(6, dtype=bool)
    assert seeds_reach(_scoring(), order, np.arange(6, dtype=np.intp), total, pool=4, near=near) is order
