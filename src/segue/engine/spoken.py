"""The request's language as a preference for its scenes' songs: alone ('canciones tristes': the Spanish ballads
first), for a mood a song is heard as or not ('algo para el gym': less so the songs heard as something else), and
beside named acts of that scene ('algo tipo shakira': her Latin peers before her listeners' other stars)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from segue.domain import Query
from segue.engine.protocols import CatalogView
from segue.engine.scenes import SPOKEN_PLACES, GenreFilter
from segue.engine.signals import FloatArray

__all__ = ["HEARD_FIRST", "SPOKEN_UNHEARD", "spoken_beside_acts", "spoken_preference"]

SPOKEN_UNHEARD = 0.5
"""Share of the language's preference kept by a song listeners hear as something other than the mood asked for
(`HEARD_FIRST`): 'algo para el gym' answered all Latin ballads at the full preference, all English at none of it."""
HEARD_FIRST = frozenset({"workout", "running", "party", "dance", "bangers"})
"""Moods a song either is heard as or is not, whatever its language: a road trip or a sad evening keeps the full
preference ('musica para un roadtrip' is Juanes and Thalía, 'canciones tristes' Jarabe de Palo)."""
SPOKEN_SEED_SHARE = 0.5
SEED_PLACE_TAGS = 8
"""Beside named acts, the language's preference holds only when at least this share of the acts' songs are of the
language's scenes, or each act carries one of its place tags among its strongest (`spoken_beside_acts`)."""


def spoken_preference(
    genres: GenreFilter, query: Query, evidence: FloatArray | None, unknown: float
) -> FloatArray | None:
    """1 for songs of the scenes the request's language speaks for (0 else), None when it speaks for none; for a
    mood of `HEARD_FIRST`, scaled down for songs whose mood `evidence` is under the untagged prior `unknown` ('algo
    para el gym, pero sin reggaeton' led with Luis Miguel's ballads, tagged for no workout)."""
    language = query.sung_in or query.language
    spoken = genres.spoken_score((language,) if language else query.tongues, query.moods)
    if spoken is None or evidence is None or not HEARD_FIRST.intersection(query.moods):
        return spoken
    fit = np.minimum(evidence * np.float32(1.0 / unknown), np.float32(1.0))
    scaled: FloatArray = spoken * (np.float32(SPOKEN_UNHEARD) + np.float32(1.0 - SPOKEN_UNHEARD) * fit)
    return scaled


def spoken_beside_acts(
    genres: GenreFilter, catalog: CatalogView, query: Query, seeds: Sequence[int]
) -> FloatArray | None:
    """The language's scenes beside acts of that scene (Shakira's listeners also play Rihanna and Beyoncé, who led
    the Spanish request); None for acts of another scene ('algo como radiohead') or without songs here."""
    language = query.sung_in or query.language
    if not language:
        return None
    spoken = genres.spoken_score((language,), query.moods)
    if spoken is None:
        return None
    own = np.concatenate([catalog.tracks_of(a) for a in seeds])
    if not own.size:  # an act without songs here is known by its neighbours alone: no scene to lean on
        return None
    places = set(SPOKEN_PLACES.get(language, ()))
    sung = float(spoken[own].mean()) >= SPOKEN_SEED_SHARE
    # Or listeners file the acts there (Shakira's songs here are her English hits; her tags say 'spanish').
    if sung or all(places.intersection(catalog.artist(a).genres[:SEED_PLACE_TAGS]) for a in seeds):
        return spoken
    return None
