"""A song's own year, for eras: a reissue's release date is not when the song came out.

The Spotify rows date a song by the album it sat on, and a remaster's album is the remaster's: 'Love Will Tear Us
Apart - 2010 Remaster' is a 2010 song there, 'Jump - 2004 Remaster' a 2004 one, so '2000s rock' led with Van Halen,
ZZ Top and New Order. A netlabel's ragtime release is dated 2010
while its title says '(1899, ...)', so 'jazz, nothing older than 2010' was Scott Joplin. The song's year is:
- the year a title states in parentheses before its release ('Maple Leaf Rag (1899, Z. Brewster-Geisz version)');
- for a remaster released `REISSUE_GAP` years or more after its artist began (`tags.first_years`), unknown (0):
  the artist's start would date early hits right and later ones wrong ('Panama - 2004 Remaster' is 1984, Van
  Halen began in 1978; 'Go West - 2003 Remaster' 1993, Pet Shop Boys 1985), so such a song answers no era at all
  rather than the wrong one ('80s new wave' still cannot find that Joy Division song: no year is known for it).
The release year stays the track's own (shown with the track); only eras read the song's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

__all__ = ["REISSUE_GAP", "song_years"]

REISSUE_GAP = 15
"""Years between an artist's start and a remaster's release from which the remaster is not the song's year."""

_REMASTERED = re.compile(r"(?i)\bremaster")
_STATED = re.compile(r"\((1[89]\d\d|20[0-2]\d)\b")


def song_years(
    titles: Sequence[str], years: NDArray[np.int16], track_artist: NDArray[np.int32], began: NDArray[np.int16]
) -> NDArray[np.int16]:
    """Per track, the song's year, 0 when unknown (see the module)."""
    out = np.asarray(years, dtype=np.int16).copy()
    for i, title in enumerate(titles):
        year = int(out[i])
        if year <= 0:
            continue
        stated = _STATED.search(title)
        if stated is not None and int(stated.group(1)) < year - 1:
            out[i] = int(stated.group(1))
            continue
        start = int(began[track_artist[i]])
        if start > 0 and year - start >= REISSUE_GAP and _REMASTERED.search(title):
            out[i] = 0
    return out
