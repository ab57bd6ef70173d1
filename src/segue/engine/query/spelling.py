"""Misspelt request words: 'chil musik', 'reggea', 'sleeep music', 'jaz for studying'.

The scan's vocabularies are exact, so a typo in a mood or genre word was reported unknown (and the answer was
empty) or, worse, guessed as an artist ('sleeep music' was the band Sleep). A word no reading used is compared with
the words the vocabularies know; one a single edit away with the same first letter is taken (a swap counts as one
edit: 'reggea'), and the request is read again. Two edits let English words through: 'entrance' became 'trance'.
The parser keeps the second reading only when it leaves fewer words unread, and says what it took each word to
mean. A word that is itself an artist's exact name is never corrected ('sade' is Sade, not 'sad').
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from segue.engine.query import lexicon as lx

MIN_LENGTH = 4
"""Shorter words are too close to too many others ('rok', 'jaz' stay unread)."""


class Speller:
    """Corrects single words towards a fixed vocabulary (mood, genre and request words)."""

    def __init__(self, words: Iterable[str]) -> None:
        self._words = sorted({w for w in words if len(w) >= MIN_LENGTH - 1 and w.isalpha()})
        self._known = frozenset(self._words) | lx.COMMON_WORDS | lx.FUNCTION_WORDS

    def correct(self, word: str, is_name: Callable[[str], bool]) -> str | None:
        """The vocabulary word `word` most likely misspells, or None (too short, known, a name, or nothing close)."""
        if len(word) < MIN_LENGTH or not word.isalpha() or word in self._known or is_name(word):
            return None
        found = process.extractOne(word, self._words, scorer=DamerauLevenshtein.distance, score_cutoff=1)
        return None if found is None or found[0][0] != word[0] else str(found[0])

    def corrections(self, phrases: Iterable[str], is_name: Callable[[str], bool]) -> Mapping[str, str]:
        """Each correctable word of the unread phrases -> its correction."""
        out: dict[str, str] = {}
        for phrase in phrases:
            for word in phrase.lower().split():
                fixed = self.correct(word, is_name)
                if fixed is not None:
                    out[word] = fixed
        return out
