"""Renown near the seeds', for seeds known from a playlist or two alone (`engine/renown.py`)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

import numpy as np
import pytest

from segue.engine.renown import renown_beside_thin
from segue.engine.signals import CatalogSignals


def _signals(*, colistened: bool = False, tagged: bool = False, trust: float = 0.25) -> CatalogSignals:
    """Four artists: the seed (0, renown 0.8), a peer as known (1), an unknown co-member (2), a star (3)."""
    return cast(
        CatalogSignals,
        SimpleNamespace(
            has_colisten=np.array([colistened, True, False, True]),
            listener_tagged=np.array([tagged, True, False, True]),
            neighbours=SimpleNamespace(playlist_trust=np.array([trust, 1.0, 0.25, 1.0], dtype=np.float32)),
            artist_popularity=np.array([0.8, 0.78, 0.4, 1.0], dtype=np.float32),
        ),
    )


def test_acts_as_well_known_as_a_thin_seed_lead() -> None:
    renown = renown_beside_thin(_signals(), [0])
    assert renown is not None
    assert renown[1] > renown[3] > renown[2]
    assert renown[2] == pytest.approx(0.2 * 0.75)  # 0.4 below the seed: a fifth of the nearness left
    assert renown[0] == pytest.approx(0.75)  # as far as its one playlist leaves trust to gain


@pytest.mark.parametrize("signals", [_signals(colistened=True), _signals(tagged=True), _signals(trust=1.0)])
def test_seeds_listeners_know_or_many_playlists_hold_are_left_alone(signals: CatalogSignals) -> None:
    assert renown_beside_thin(signals, [0]) is None
    assert renown_beside_thin(signals, []) is None
