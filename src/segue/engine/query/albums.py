"""An album named beside its act ('arctic monkeys AM era', 'frank ocean blonde', 'radiohead ok computer'): where
its words sit in the request and what they leave of the novelty dial; the parser looks the album up
(`QueryParser._album_era`)."""

from __future__ import annotations

import re

from segue.domain import Novelty, Query
from segue.engine.query import lexicon as lx
from segue.engine.query.names import one_edit
from segue.text import normalize_name

__all__ = [
    "ALBUMS_APART",
    "ALBUM_SEEDS",
    "ALBUM_WORDS",
    "ERA_OF",
    "POSSESSIVE",
    "album_names",
    "novelty_without",
    "slip_of_name",
    "words_after",
]

ERA_OF = re.compile(r"(?i)\b((?:[\w'.&/-]+\s+){1,8}?)era\b")
"""The words before 'era' ('arctic monkeys AM era'), searched for an album of the act the request names; two albums
may share the era ('the weeknd starboy / after hours era')."""
ALBUMS_APART = re.compile(r"(?i)\s*(?:/|\bor\b)\s*")
"""What parts two albums named for one era ('starboy / after hours', 'sour or guts')."""
ALBUM_WORDS = 4
"""Longest album name read before 'era' or right after the act's name, in words."""
ALBUM_SEEDS = 3
"""Songs of the album that seed the answer."""
_WORD = re.compile(r"\w+")
POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b")
"""An owner's 's ("frank ocean's blonde"), found in a request or taken off a word."""


def novelty_without(query: Query, album: set[str]) -> Novelty:
    """The novelty asked once an album's words are read as its name: 'like daft punk discovery' asks for no deep
    cuts (the dial read 'discovery'), 'daft punk discovery deep cuts' still does."""
    if query.novelty is not Novelty.DEEP or not album & lx.NOVELTY_DEEP:
        return query.novelty
    rest = " ".join(w for w in normalize_name(query.text).split() if w not in album)
    return query.novelty if any(f" {p} " in f" {rest} " for p in lx.NOVELTY_DEEP) else Novelty.BALANCED


def words_after(text: str, named: set[str]) -> list[str]:
    """Up to `ALBUM_WORDS` words after the last word of an act's name in `text` (none when the name is not there
    as typed), up to a comma or a sentence's end: where an album named beside the act sits."""
    words = [w.casefold() for w in _WORD.findall(text.split(",")[0])]
    # A word of the name typed with a slip ('like radiohed ok computer', 'tame impla currents') ends it too.
    ends = [k for k, w in enumerate(words) if w in named or slip_of_name(w, named)]
    if not ends:
        return []
    start = ends[-1] + 1
    if words[start : start + 1] == ["s"] and POSSESSIVE.search(text):  # "frank ocean's blonde album"
        start += 1
    return words[start : start + ALBUM_WORDS]


SLIP_LEAST = 5
"""Shortest word of an act's name that a slip is looked for in: shorter ones ('mac', 'the') are other words too."""


def slip_of_name(word: str, named: set[str]) -> bool:
    """A word typed with a slip for a word of the act's name ('impla' for 'impala')."""
    return len(word) >= SLIP_LEAST and any(one_edit(word, n, SLIP_LEAST) for n in named)


_NO_ALBUM_OPENS = frozenset({"but", "from", "and", "or", "with", "without", "no", "not", "like", "except", "vibes"})
"""Words after an act's name that open the rest of the request, not an album's name."""


def album_names(words: list[str]) -> list[str]:
    """The phrases opening `words`, longest first, that may name an album: not request words alone ('maroon 5
    songs' asks for their songs, not for 'Songs About Jane')."""
    if not words or words[0] in _NO_ALBUM_OPENS:  # 'radiohead but chill', 'like muse from the 2000s'
        return []
    return [
        " ".join(words[:end])
        for end in range(len(words), 0, -1)
        if not all(w in lx.REQUEST_NOUNS or w in lx.FUNCTION_WORDS for w in words[:end])
    ]
