"""Seeds known from a playlist or two only: how near each artist's renown is to theirs.

Artists newer than the listening data (Tate McRae, girl in red) sit on one playlist here, beside acts nobody knows
(Bufalo, CCIITTYY, Mabryx) that also share its labels: that playlist was the whole answer to 'like tate mcrae'. A
chart act's peers are known about as well as it is, so beside such seeds renown near theirs counts, as far as their
playlists are few.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from segue.engine.signals import CatalogSignals, FloatArray

__all__ = ["RENOWN_SPREAD", "renown_beside_thin"]

RENOWN_SPREAD = np.float32(2.0)
"""Renown nearness falls to nothing half the popularity scale away from the seeds'."""


def renown_beside_thin(sig: CatalogSignals, seeds: Sequence[int]) -> FloatArray | None:
    """Per artist, how near its renown is to the seeds', scaled by how few playlists the seeds sit on; None unless
    every seed is known from playlists alone (no listener co-listened or tagged it) and at least one from few."""
    if not seeds:
        return None
    picked = np.asarray(seeds, dtype=np.intp)
    if sig.has_colisten[picked].any() or sig.listener_tagged[picked].any():
        return None
    trust = sig.neighbours.playlist_trust[picked]
    if float(trust.min()) >= 1.0:
        return None
    known = np.float32(sig.artist_popularity[picked].mean())
    near = np.clip(np.float32(1.0) - RENOWN_SPREAD * np.abs(sig.artist_popularity - known), 0.0, 1.0)
    renown: FloatArray = (near * np.float32(1.0 - float(trust.mean()))).astype(np.float32)
    return renown
