"""Acts credited inside a song's title ('No Guidance (feat. Drake)'): the catalog files a song under its first
artist only, so leaving an act out must also leave out the songs that feature it."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property, reduce

import numpy as np
from numpy.typing import NDArray

from segue.engine.protocols import CatalogView
from segue.text import normalize_name

__all__ = ["TitleCredits"]

_CREDIT_WORDS = frozenset({"feat", "ft", "featuring", "with"})
"""Words after which a title names the acts it features ('feat. Drake', 'with Dua Lipa')."""
_NAME_FILLER = frozenset({"the", "and"})


class TitleCredits:
    """Which tracks credit an act in their title; the word index is built on the first request that needs it."""

    def __init__(self, catalog: CatalogView) -> None:
        self.catalog = catalog

    @cached_property
    def _credited(self) -> dict[str, NDArray[np.int32]]:
        """Word of a credit -> the tracks whose title credits it (a few thousand titles hold one)."""
        words: dict[str, list[int]] = {}
        for i, key in enumerate(self.catalog.full_title_keys()):
            parts = key.split()
            at = next((j for j, word in enumerate(parts) if word in _CREDIT_WORDS and j > 0), None)
            if at is not None:
                for word in set(parts[at + 1 :]):
                    words.setdefault(word, []).append(i)
        return {word: np.asarray(found, dtype=np.int32) for word, found in words.items()}

    def featuring(self, names: Sequence[str]) -> NDArray[np.intp]:
        """The tracks whose title credits any of the acts: every word of its name after a credit word."""
        found: list[NDArray[np.int32]] = []
        for name in names:
            words = [w for w in normalize_name(name).split() if w not in _NAME_FILLER]
            parts = [self._credited.get(w) for w in words]
            if words and all(p is not None for p in parts):
                found.append(reduce(np.intersect1d, [p for p in parts if p is not None]))
        return np.concatenate(found).astype(np.intp) if found else np.zeros(0, dtype=np.intp)
