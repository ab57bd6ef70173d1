"""Words no list knows, read by meaning: 'thunderstorm' is heard as rainy, 'joyous' as happy.

Each mood's own words ('rain', 'joyful', 'gym') are anchors in a word-vector space; an unknown word takes the mood of
its nearest anchor when that anchor is close (`MEANING_MIN`) and clearly nearer than any other mood's
(`MEANING_MARGIN`). Static vectors put opposites close ('lazy' beside 'pissed'), so the reading is a fallback: only
for words the lists left unread, never for names or everyday words, and always said in the answer. EVALUATION.md
("Unknown words") measures it against the word lists alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from segue.engine.query.moods import Mood

MEANING_MIN = 0.6
"""Cosine from which a word reads as its nearest mood word."""
MEANING_MARGIN = 0.05
"""How much nearer the chosen mood must be than the next one."""
MEANING_RARER_THAN = 5000
"""Words come most frequent first; the 5,000 commonest ('post', 'day', 'afternoon') have many senses, and their one
vector sits near moods they rarely mean ('songs to post on instagram' read as background music)."""

COMMON_RANK = 30_000
"""Words this common are words, not misspellings of a vocabulary word ('bleach' 26,819th is no 'beach'; 'metall'
31,759th and 'musik' 41,262nd are corrected)."""

_NOT_BY_MEANING = frozenset({"vocal", "background", "spoken"})
"""Moods no unknown word is taken to mean: their words sit near every verb of singing and talking ('sings', 'sang',
'stevie' read as vocal music, 'cinematic' as spoken word, 'fry' in 'fish fry' as background music)."""

_NOT_MEANT = frozenset({"reward", "rewards", "rewarding", "duet", "duets"})
"""Words whose vectors sit by a mood they do not mean in a request: 'music that rewards close listening' is praise
of the music, read as motivation (the workout mood: Led Zeppelin's fastest for 'Echoes, what else rewards that
kind of patience?'); 'that duet build' read as dance."""
_NOT_ANCHORS = frozenset({"bath"})
"""Mood words that are also places, whose vectors sit among other places: 'bath' (a bath to relax in, and the city)
read 'edinburgh' as meditation music."""

Vectors = tuple[Sequence[str], NDArray[np.floating]]


@dataclass(frozen=True, slots=True)
class _Space:
    index: dict[str, int]
    vectors: NDArray[np.floating]
    anchors: NDArray[np.float32]
    """Unit vectors of the moods' one-word keys, one row per key."""
    slot: NDArray[np.intp]
    """Per anchor row, its mood's position in `moods`."""
    moods: tuple[Mood, ...]


class WordMeanings:
    """Unknown word -> mood, from unit word vectors (most frequent word first) loaded on first use."""

    def __init__(self, load: Callable[[], Vectors | None], moods: Mapping[str, Mood]) -> None:
        self._load = load
        self._moods = moods

    @cached_property
    def _space(self) -> _Space | None:
        loaded = self._load()
        if loaded is None:
            return None
        words, vectors = loaded
        index = {w: i for i, w in enumerate(words)}
        slots: dict[str, int] = {}
        moods: list[Mood] = []
        rows: list[int] = []
        slot: list[int] = []
        for key, mood in self._moods.items():
            if " " in key or key not in index or mood.label in _NOT_BY_MEANING or key in _NOT_ANCHORS:
                continue
            if mood.label not in slots:
                slots[mood.label] = len(moods)
                moods.append(mood)
            rows.append(index[key])
            slot.append(slots[mood.label])
        anchors = np.asarray(vectors[np.asarray(rows, dtype=np.intp)], dtype=np.float32)
        return _Space(index, vectors, anchors, np.asarray(slot, dtype=np.intp), tuple(moods))

    def common(self, word: str) -> bool:
        """Whether `word` is among the `COMMON_RANK` commonest words of the vectors: a word, not a misspelling."""
        space = self._space
        return space is not None and space.index.get(word, COMMON_RANK) < COMMON_RANK

    def mood(self, word: str) -> Mood | None:
        """The mood `word` means, or None when it is not in the vectors or no mood is clearly nearest."""
        space = self._space
        if space is None or word in _NOT_MEANT or (row := space.index.get(word)) is None or len(space.moods) < 2:
            return None
        if row < MEANING_RARER_THAN:
            return None
        similarity = space.anchors @ np.asarray(space.vectors[row], dtype=np.float32)
        best = np.full(len(space.moods), -np.inf, dtype=np.float32)
        np.maximum.at(best, space.slot, similarity)
        first, second = np.argsort(-best)[:2]
        if best[first] < MEANING_MIN or best[first] - best[second] < MEANING_MARGIN:
            return None
        return space.moods[int(first)]
