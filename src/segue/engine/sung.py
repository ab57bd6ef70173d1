"""What language a song is sung in, as the masks a language request reads ('songs in French', 'deutsche Lieder').

The catalog reads it from titles at build (`segue.catalog.sung`). A place genre asked by itself ('french',
'german') is its language's songs: those sung in it join it, though no listener tagged their singer (Damso, Capital
Bra), and a French act's songs sung in English leave it (Daft Punk's, Phoenix's). Only for the languages whose songs
carry titles in the language: K-pop and J-pop titles are mostly English, so there the songs read as sung in
Japanese only join.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from segue.catalog.layout import SUNG_LANGUAGES, SUNG_UNKNOWN, SUNG_WORDLESS
from segue.engine.protocols import CatalogView
from segue.engine.signals import read_only

__all__ = ["PLACE_LANGUAGES", "TITLED", "SungLanguages", "sung_code"]

PLACE_LANGUAGES: dict[str, str] = {
    "french": "fr",
    "chanson francaise": "fr",
    "francais": "fr",
    "spanish": "es",
    "brazilian": "pt",
    "brazil": "pt",
    "brasil": "pt",
    "portuguese": "pt",
    "german": "de",
    "deutsch": "de",
    "austrian": "de",
    "italian": "it",
    "japanese": "ja",
    "korean": "ko",
}
"""A place genre asked by itself -> the language its songs are sung in."""
TITLED = frozenset({"fr", "es", "pt", "de", "it", "en"})
"""Languages whose songs are titled in them: a song of another language leaves their place's genre."""


SEED_SHARE = 0.5
"""Share of named acts' songs of known language that one language must hold to be theirs."""


def sung_code(language: str) -> str:
    """A request language ('pt-BR') as a sung language ('pt')."""
    return language.partition("-")[0]


class SungLanguages:
    """Per track, whether it is sung in a language; cached, read-only masks."""

    def __init__(self, catalog: CatalogView) -> None:
        self._sung = np.asarray(catalog.track_sung, dtype=np.int8)
        self.sung_in = lru_cache(maxsize=len(SUNG_LANGUAGES))(self._sung_in)
        self.elsewhere = lru_cache(maxsize=len(SUNG_LANGUAGES))(self._elsewhere)
        self.wordless: NDArray[np.bool_] = read_only(self._sung == SUNG_WORDLESS)
        """Tracks without words, which no language request wants."""
        self.unread: NDArray[np.bool_] = read_only(self._sung == SUNG_UNKNOWN)
        """Tracks with words in a language the titles did not tell."""

    def of_tracks(self, tracks: NDArray[np.int32]) -> str | None:
        """The language other than English that most of these songs are sung in (at least `SEED_SHARE` of those
        whose language is known), else None: what named acts sing ('like Rim'K' is French rap)."""
        codes = self._sung[tracks]
        codes = codes[codes >= 0]
        if not codes.size:
            return None
        counts = np.bincount(codes, minlength=len(SUNG_LANGUAGES))
        best = int(counts.argmax())
        if SUNG_LANGUAGES[best] == "en" or counts[best] < SEED_SHARE * codes.size:
            return None
        return SUNG_LANGUAGES[best]

    def _sung_in(self, language: str) -> NDArray[np.bool_]:
        """Tracks sung in the language (none for a language the catalog does not read)."""
        code = sung_code(language)
        if code not in SUNG_LANGUAGES:
            return read_only(np.zeros(self._sung.size, dtype=bool))
        return read_only(self._sung == SUNG_LANGUAGES.index(code))

    def _elsewhere(self, language: str) -> NDArray[np.bool_]:
        """Tracks sung in another language than this one, when its songs are titled in it; else none."""
        code = sung_code(language)
        if code not in TITLED:
            return read_only(np.zeros(self._sung.size, dtype=bool))
        return read_only((self._sung >= 0) & ~self._sung_in(code))
