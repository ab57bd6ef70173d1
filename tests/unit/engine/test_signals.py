"""Helpers of the engine's per-request signals."""

from __future__ import annotations

import numpy as np

from segue.engine.signals import _max_except


def test_max_except_skips_the_seeds_and_leaves_the_array_as_it_was() -> None:
    values = np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32)
    assert _max_except(values, [0, 2]) == np.float32(0.4)
    assert _max_except(values, [0, 0]) == np.float32(0.7)  # a seed named twice
    assert values.tolist() == np.array([0.9, 0.2, 0.7, 0.4], dtype=np.float32).tolist()


def test_max_except_is_zero_when_every_position_is_skipped() -> None:
    values = np.array([0.5, 0.3], dtype=np.float32)
    assert _max_except(values, [1, 0, 1]) == 0.0
