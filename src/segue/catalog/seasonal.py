"""Which songs are Christmas songs: they belong in a Christmas answer and nowhere else.

"More songs like Superstition" answered with Stevie Wonder's 'Someday at Christmas' and the Jackson 5's 'Santa
Claus Is Coming To Town': a Motown seed and a Motown Christmas song sound alike, yet nobody asking for Superstition
in June wants them. A song is seasonal when its title or album names the season, or a source files it under
Christmas.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from segue.catalog.merge import Merged

_SEASON = re.compile(
    r"(?i)\b(?:christmas|xmas|x-mas|santa claus|santa baby|sleigh|rudolph|reindeer|mistletoe|navidad|noël|"
    r"jingle bells?|silent night|holy night|winter wonderland|let it snow|deck the hall|little drummer boy|frosty the|"
    r"hanukkah|auld lang syne|joy to the world|hark the herald|silver bells|nutcracker)\b"
)
_LABELS = frozenset({"christmas", "xmas", "christmas music", "holiday"})


def seasonal_tracks(merged: Merged) -> NDArray[np.bool_]:
    """Per track: True for a Christmas song (by its title, its album or its labels)."""
    return np.fromiter(
        (
            bool(_SEASON.search(t.title) or (t.album and _SEASON.search(t.album)))
            or any(label.casefold() in _LABELS for label in (*t.labels, *t.named))
            for t in merged.tracks
        ),
        dtype=bool,
        count=len(merged.tracks),
    )
