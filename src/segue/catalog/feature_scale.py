"""The audio features' standardization (per-feature mean and spread over the tracks that have features), worked out
when the catalog is built and kept in it, so opening the engine reads two rows instead of reducing every track's
features (`np.nanmean` and `np.nanstd` over 47k x 9 values: ~9 ms of each `segue ask` and of each engine start of
`segue run`; BENCHMARKS.md, issue 14). The engine computes the same with this function for a catalog without them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

__all__ = ["feature_scale"]


def feature_scale(features: NDArray[np.float32]) -> NDArray[np.float32]:
    """Rows (mean, std) of each feature over the tracks that have it (0 and 1 when none does; a spread under 1e-6
    counts as 1), as float32."""
    feats = np.asarray(features, dtype=np.float32)
    known = ~np.isnan(feats)
    with np.errstate(invalid="ignore"):
        mean = np.nanmean(np.where(known, feats, np.nan), axis=0) if known.any() else np.zeros(feats.shape[1])
        std = np.nanstd(np.where(known, feats, np.nan), axis=0) if known.any() else np.ones(feats.shape[1])
    mean = np.nan_to_num(mean).astype(np.float32)
    std = np.where(np.nan_to_num(std) > 1e-6, np.nan_to_num(std), 1.0).astype(np.float32)
    return np.stack([mean, std]).astype(np.float32)
