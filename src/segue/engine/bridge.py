"""Seeds heard together: 'something between taylor swift and the cure', 'kendrick lamar meets bon iver'.

Several seeds are answered in turn by default, each bringing its own neighbours ('like radiohead and muse'). Asked
for *between* them, that answer alternated Cure-likes with Carrie Underwood and Miley Cyrus. The bridge is, per
artist, the least of its closeness to each seed (co-listening, co-playlisting and shared tags, each seed's scaled to
its best neighbour): high only for artists near all of them (Paramore and Florence + The Machine between Taylor
Swift and The Cure; Gorillaz, MGMT and Cut Copy between Tame Impala and Daft Punk).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from segue.engine.signals import CatalogSignals, FloatArray

__all__ = ["BRIDGE_MIN", "bridge"]

BRIDGE_MIN = 0.08
"""A bridge this weak (Beyoncé and Slayer: 0.03 at best) joins nothing: the seeds are then answered in turn."""


def bridge(signals: CatalogSignals, seeds: Sequence[int], weights: tuple[float, float, float]) -> FloatArray | None:
    """Per artist, its least closeness to any seed (0..1), or None when no artist is near them all."""
    w_colisten, w_playlists, w_tags = weights
    least: FloatArray | None = None
    for seed in seeds:
        aff = signals.artist_affinity([seed], tracks_only=True)
        near = w_colisten * aff.colisten + w_playlists * aff.playlists + w_tags * aff.tags
        near[list(seeds)] = 0.0
        top = float(near.max())
        if top <= 0.0:
            return None
        near /= np.float32(top)
        least = near if least is None else np.minimum(least, near)
    if least is None or float(least.max()) < BRIDGE_MIN:
        return None
    return (least / np.float32(least.max())).astype(np.float32)
