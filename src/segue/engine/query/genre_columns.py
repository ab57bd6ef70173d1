"""Map a requested or excluded genre name to catalog tag columns.

Inclusion is precise (the genre and its sub-genres in the Wikidata tree, a place's own scenes sung in its language);
exclusion is broad, because "no rap" must also keep out "gangster rap", "latin hip hop" and "trap", which the tree
does not place under "rap". A genre said with 'music' after it is the genre's tags (`music_heads`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from segue.engine.query.genres import GenreTree
from segue.engine.query.moods import MOODS
from segue.text import normalize_name

# Listeners treat these as one family when they say "no X"; the tree keeps them apart. One way only: "no rap" keeps
# out trap, but "chill hip hop no trap" still wants hip hop (the reverse entry emptied that answer).
EXCLUSION_FAMILIES: dict[str, tuple[str, ...]] = {
    "rap": ("hip hop", "trap", "drill", "grime"),
    "hip hop": ("rap", "trap", "drill", "grime"),
    "metal": ("metalcore", "deathcore", "grindcore"),
    "edm": ("electro house", "big room", "dubstep", "electronic dance"),
    "country": ("americana", "bluegrass"),
    "reggaeton": ("latin hip hop", "dembow"),
}


PLACE_SCENES: dict[str, tuple[str, ...]] = {
    "korean": ("k pop", "kpop", "k rap", "k indie", "k r&b"),
    "japanese": ("j pop", "jpop", "j rock", "city pop", "anime"),
    "chinese": ("c pop", "mandopop", "cantopop"),
}
"""A place's own scenes sung in its language: 'songs in korean' and 'korean music' were the five songs of the acts
listeners of 2011 tagged 'korean' (SHINee, 4Minute, BoA), without BTS, BLACKPINK or TWICE, filed under K-pop."""


class GenreColumns:
    """Tag columns for a genre name against one catalog's vocabulary (results cached per name)."""

    def __init__(self, tree: GenreTree, tag_names: Sequence[str]) -> None:
        self._tree = tree
        self._tags = tuple(tag_names)
        self._index = {name: i for i, name in enumerate(self._tags)}
        self._normalized = [normalize_name(t) for t in self._tags]
        self.include = lru_cache(maxsize=4096)(self._include)
        self.exclude = lru_cache(maxsize=4096)(self._exclude)
        self.parents = lru_cache(maxsize=4096)(self._parents)

    def _parents(self, name: str) -> tuple[str, ...]:
        """The nearest broader genres' catalog tags, for filling a thin answer ('bossa nova' -> samba, jazz)."""
        return tuple(self._tree.parent_tags(name, self._tags))

    def _include(self, name: str) -> tuple[int, ...]:
        key = normalize_name(name)
        names = [n for n in self._tree.catalog_expansion(name, self._tags) if _sub_genre(n, key)]
        for scene in PLACE_SCENES.get(key, ()):
            names += self._tree.catalog_expansion(scene, self._tags)
        return tuple(dict.fromkeys(self._index[n] for n in names if n in self._index))

    def _exclude(self, name: str) -> tuple[int, ...]:
        words = [normalize_name(name), *EXCLUSION_FAMILIES.get(normalize_name(name), ())]
        patterns = [re.compile(rf"(?:^|\s){re.escape(w)}(?:$|\s)") for w in words if w]
        contained = [i for i, tag in enumerate(self._normalized) if any(p.search(tag) for p in patterns)]
        family = [c for w in words for c in self._include(w)]
        return tuple(dict.fromkeys([*self._include(name), *family, *contained]))


SCENES_NAMED_LIKE_MOODS = frozenset({"rave"})
"""Sub-genres whose name is also a mood word in the lexicon, and which listeners use as the genre."""


def _sub_genre(tag: str, key: str) -> bool:
    """Whether a tag the tree places under the genre `key` stands for it. A sub-genre spelt like a mood is the
    listeners' mood on Last.fm: 'romantic' (the era, under classical) is on Howie Day and Bryan Adams, so "relaxing
    classical music" answered with acoustic pop."""
    norm = normalize_name(tag)
    return norm == key or norm not in MOODS or norm in SCENES_NAMED_LIKE_MOODS


def music_heads(vocab: dict[str, tuple[str, ...]], tags: Sequence[str], counts: Sequence[int]) -> None:
    """'house music', 'pop music', 'world music': a few listeners' tag of that name (on Corona and 2 Brothers On The
    4th Floor, not Daft Punk; two songs for 'world music') is the genre said with 'music' after it, as the tree's
    'X music' is X, wherever X is used more. Rewrites `vocab` (phrase -> catalog tags) in place."""
    uses = {normalize_name(t): int(counts[i]) for i, t in enumerate(tags)}
    for key in [k for k in vocab if k.endswith(" music")]:
        head = key.removesuffix(" music")
        if head in vocab and uses.get(head, 0) >= uses.get(key, 0):
            vocab[key] = vocab[head]
