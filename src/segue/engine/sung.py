"""What language a song is sung in, as the masks a language request reads ('songs in French', 'deutsche Lieder').

The catalog reads it from titles at build (`segue.catalog.sung`). A place genre asked by itself ('french',
'german') is its language's songs: those sung in it join it, though no listener tagged their singer (Rim'K, Capital
Bra), and a French act's songs sung in English leave it (Daft Punk's, Phoenix's). Only for the languages whose songs
carry titles in the language: K-pop and J-pop titles are mostly English, so there the songs read as sung in
Japanese only join.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from segue.catalog.layout import SUNG_LANGUAGES, SUNG_UNKNOWN, SUNG_WORDLESS
from segue.domain import FeatureRange
from segue.engine.protocols import CatalogView
from segue.engine.signals import CatalogSignals, FloatArray, read_only

__all__ = [
    "GENRE_LANGUAGES",
    "PLACE_LANGUAGES",
    "TITLED",
    "SungLanguages",
    "place_language",
    "scene_language",
    "sung_code",
]

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
    "polish": "pl",
    "russian": "ru",
    "dutch": "nl",
}
"""A place genre asked by itself -> the language its songs are sung in."""
GENRE_LANGUAGES: dict[str, str] = {
    **dict.fromkeys(
        ("reggaeton", "latin trap", "bachata", "salsa", "cumbia", "corridos", "corridos tumbados", "banda", "ranchera",
         "mariachi", "regional mexican", "tango", "flamenco", "merengue", "dembow", "vallenato", "norteno"),
        "es",
    ),
    **dict.fromkeys(("sertanejo", "forro", "funk carioca", "mpb", "samba", "pagode", "axe"), "pt"),
}  # fmt: skip
"""Genres sung in one language wherever they are played: 'reggaeton en español' asks for reggaeton, and read as
Spanish acts' reggaeton it led with Reik and Juanes. Not 'chanson' or 'schlager': few acts carry those tags, and the
place beside them ('chanson française') is what finds the songs."""
TITLED = frozenset({"fr", "es", "pt", "de", "it", "en"})
"""Languages whose songs are titled in them: a song of another language leaves their place's genre."""
SUNG_HEADS = frozenset(
    {"rap", "hip hop", "hiphop", "trap", "drill", "pop", "rock", "indie", "punk", "metal", "folk", "r&b", "soul",
     "reggae", "ballads", "singer-songwriter", "chanson", "schlager", "indie pop", "pop rock"}
)  # fmt: skip
"""Genres whose songs are sung, so that a place before them says the language too."""
RAPPED_HEADS = frozenset({"rap", "hip hop", "hiphop", "trap", "drill"})
RAPPED = (FeatureRange("speechiness", low=0.15),)
"""A song sung in a place's language with this much speech is that place's rap (Rim'K 0.17-0.69, MZ and Ol Kainry
up to 0.36; Bénabar, Cali, Stromae 0.04-0.09)."""
SUNG_SCORE = 0.6
"""A song sung in a place genre's language scores this for it at least (as a label, not as listeners' word: an act
no listener tagged 'brazilian' does not lead 'canções brasileiras relaxantes' for its title alone)."""
UNREAD_SHARE = 0.5
"""Share of its place genre's score kept by a song whose language its title did not tell."""


SEED_SHARE = 0.5
"""Share of named acts' songs of known language that one language must hold to be theirs."""


def sung_code(language: str) -> str:
    """A request language ('pt-BR') as a sung language ('pt')."""
    return language.partition("-")[0]


def place_language(name: str) -> str | None:
    """The language a place genre asked by itself stands for ('french': fr), else None."""
    return PLACE_LANGUAGES.get(name)


def scene_language(name: str) -> str | None:
    """The language of a sung scene's place ('french rap': fr), else None (a second genre, a dance genre: 'french
    house' is Daft Punk's, whatever language a house track is sung in)."""
    place, _, head = name.partition(" ")
    return PLACE_LANGUAGES.get(place) if head in SUNG_HEADS else None


class SungLanguages:
    """Per track, whether it is sung in a language; cached, read-only masks."""

    def __init__(self, signals: CatalogSignals) -> None:
        self.signals = signals
        catalog: CatalogView = signals.catalog
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

    def rapped_in(self, language: str, head: str) -> NDArray[np.bool_] | None:
        """Songs rapped in the language, whatever playlist filed them, for a rap scene's head (French rap sits on
        'r&b, urban' playlists); None for another head."""
        if head not in RAPPED_HEADS:
            return None
        rapped: NDArray[np.bool_] = self.sung_in(language) & self.signals.feature_mask(RAPPED)
        return rapped

    def narrow(self, mask: NDArray[np.bool_], languages: list[str], held: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """A place's songs are its language's: the songs sung in it join the genre `mask`, and those its acts sing
        in another language or without words leave, unless another genre asked holds them (`held`)."""
        elsewhere: NDArray[np.bool_] = np.logical_and.reduce([self.elsewhere(lang) for lang in languages])
        joined: NDArray[np.bool_] = np.logical_or.reduce([self.sung_in(lang) for lang in languages])
        return (mask & ~((elsewhere | self.wordless) & ~held)) | joined

    def placed_score(
        self, language: str, score: FloatArray, which: NDArray[np.int32], column: int
    ) -> tuple[FloatArray, NDArray[np.int32]]:
        """A place genre's per-song score (and matched column) with its language read: a song sung in it scores as
        a label files it (`SUNG_SCORE`, the place's column), one whose words the titles did not tell half its own
        (Breakbot after Bénabar)."""
        sung = self.sung_in(language)
        which = np.where(sung & (score < 1.0), np.int32(column), which).astype(np.int32)
        unread = np.where(self.unread, np.float32(UNREAD_SHARE) * score, score)
        return np.where(sung, np.maximum(score, np.float32(SUNG_SCORE)), unread).astype(np.float32), which
