"""Name lookup that forgives case, accents and typos, and ranks the famous name first.

Three passes over one list of normalized keys: an exact dict (O(1), also the `exact_*` API), a sorted-key prefix
range (autocomplete: "radi" -> Radiohead), and a vectorized fuzzy pass (rapidfuzz `cdist` with a score cutoff,
about 40 ns a key: ~1.3 ms over 32k artists, ~2 ms over 47k track titles). Candidates are ranked by similarity
blended with popularity, so "radiohed" finds Radiohead and, among equal titles, the well-known song wins.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from segue.catalog.letters import letter_counts, reachable
from segue.text import artist_key, base_title, fold, normalize_name

FUZZY_CUTOFF = 60.0
"""Below this similarity (0..100, normalized Levenshtein) a name is noise, not a typo."""

POPULARITY_WEIGHT = 10.0
"""Rank = similarity + 10 * popularity (0..1): breaks ties and near-ties, never beats a clearly better spelling."""

PREFIX_FLOOR = 90.0
"""A key that starts with the query ranks as if it were 90 similar (autocomplete: the user is still typing)."""

EXACT_RANK = 1000.0

AUTOCOMPLETE_CHARS = 3
"""Up to this length a query with enough prefix matches skips the fuzzy pass. Skipping for longer queries too
cost typo accuracy on one-edit typos of popular artists ("quen" found Quentin Mosimann instead of Queen), so beyond
three letters the fuzzy pass always runs."""

SHORT_RENOWN = 0.7
"""Artists at least this known (popularity 0..1) are asked for by part of their name: 'bieber', 'floyd', 'gaga'."""
SHORT_COMPOSER_RENOWN = 0.25
"""...and composers from this: a composer is asked for by surname ('debussy', 'chopin', 'rachmaninoff'), and the
2011 listening data knows Claude Debussy (0.45) and Sergei Rachmaninoff (0.31) less than any chart act."""
SHORT_MIN_CHARS = 4
SHORT_MARGIN = 0.15
"""A short name belongs to its best-known bearer only when it is this much better known than the next ('taylor' is
Taylor Swift over James Taylor; 'tyler' stays Tyler, The Creator's or Bonnie Tyler's to spell out)."""
SHORT_SIMILARITY = 92.0
"""How sure a short-name match is: taken after 'like', yet below the 94 that skips the song titles, so 'like
satellite' can still be the song 'Satellite'."""
SHORT_SLIP_LEAST = 6
"""Shortest short name read through a slip ('chopain', 'debusy'): a shorter one is a slip for too many words."""
SHORT_FAMOUS = 0.9
"""...unless its artist is this famous: 'kanye' alone is Kanye West, not The Chainsmokers' song 'Kanye'."""
SHORT_OVER_EXACT = 0.3
"""...and over a namesake whose whole name it is, only when this much better known ('gaga': Lady Gaga, not the
artist GAGA; 'drake' stays Drake, not Nick Drake)."""
_SHORT_STOP_WORDS = """
    the and band feat with of los las el la le les de del da di der die das his her my your our lil dj mc young big
    little king queen boys girls brothers sisters crew project orchestra group trio quartet experience family
"""
_SHORT_STOP = frozenset(_SHORT_STOP_WORDS.split())
"""Words no one says alone for an artist ('the', 'band', 'lil')."""
ACRONYM_MIN_WORDS = 3
"""Names of this many words are also asked for by their initials ('mcr', 'rhcp', 'qotsa'); shorter ones never
('am' is no band)."""
EVERYDAY_WORDS = 30_000
"""The most frequent words of the catalog's vocabulary (`words.txt`): no initials may spell one ('top' is no
Twenty One Pilots, 'way' no Wisin & Yandel); rarer spellings pass ('gnr', 'elo', 'nin')."""

_APOSTROPHES = str.maketrans("", "", "'\u2019`\u00b4")


def strip_apostrophes(text: str) -> str:
    """ "Don't" -> "Dont": people type contractions without the apostrophe, and `normalize_name` would split them."""
    return text.translate(_APOSTROPHES)


def search_key(text: str) -> str:
    """Lookup key of a title: `normalize_name` without apostrophes, falling back to folded text for '!!!'."""
    return normalize_name(strip_apostrophes(text)) or "~" + " ".join(fold(text).split())


_SPELT = re.compile(r"\b(\w) (?=\w\b)")


def album_key(text: str) -> str:
    """`search_key` of an album with its spelt-out letters joined: 'good kid, m.A.A.d city' is typed 'good kid maad
    city', where the plain key reads 'good kid m a a d city' and only 'good kid' matched."""
    key = search_key(text)
    return _SPELT.sub(r"\1", key) if _SPELT.search(key) else key


def album_index(rows: Iterable[tuple[int, str]]) -> dict[str, list[int]]:
    """(track, album) rows -> album search key -> its tracks, for albums asked for by name alone ('in rainbows')."""
    out: dict[str, list[int]] = {}
    for track, album in rows:
        key = album_key(album)
        if key:
            out.setdefault(key, []).append(int(track))
    return out


def base_search_key(title: str) -> str:
    """`search_key` of the song behind a version: "I Don't Care (with Justin Bieber)" -> "i dont care"."""
    return base_title(strip_apostrophes(title)) or search_key(title)


def artist_search_key(name: str) -> str:
    """Lookup key of an artist name: `artist_key` with apostrophes dropped ("guns n roses", "destinys child")."""
    return artist_key(strip_apostrophes(name)) or search_key(name)


_ENSEMBLE_WORDS = frozenset(
    [
        *("quartet", "quintet", "trio", "sextet", "septet", "octet", "orchestra", "band", "group", "ensemble"),
        *("experience", "combo", "allstars", "project"),
    ]
)


def leader_alias(key: str) -> str | None:
    """The leader's name in an ensemble's ('the dave brubeck quartet' -> 'dave brubeck', 'huey lewis and the news'
    -> 'huey lewis'), which is how people ask for it; None for other names and one-word leaders ('the band')."""
    words = key.split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) >= 4 and words[-3:-1] in (["and", "the"], ["and", "his"], ["and", "her"]):
        leader = words[:-3]
    elif len(words) >= 3 and words[-2:] in (["big", "band"], ["all", "stars"]):
        leader = words[:-2]
    elif len(words) >= 3 and words[-1] in _ENSEMBLE_WORDS:
        leader = words[:-1]
    else:
        return None
    return " ".join(leader) if len(leader) >= 2 else None


def short_names(
    keys: Sequence[str],
    popularity: NDArray[np.float32],
    composers: NDArray[np.bool_] | None = None,
    everyday: frozenset[str] | None = None,
) -> dict[str, int]:
    """Part of a well-known artist's name -> that artist: each word ('bieber', 'kendrick') and each pair of words
    ('chili peppers') not the whole name, when one bearer is clearly the best known (see `SHORT_MARGIN`).
    `composers` (per artist) lowers the renown needed to `SHORT_COMPOSER_RENOWN`. With `everyday` words known,
    a band of three words or more is also its initials ('mcr' was an unknown name), unless they spell one."""
    pop = np.nan_to_num(np.asarray(popularity, dtype=np.float32), nan=0.0)
    famous = pop >= SHORT_RENOWN
    composer = np.zeros_like(famous) if composers is None else composers & (pop >= SHORT_COMPOSER_RENOWN) & ~famous
    bearers: dict[str, list[int]] = {}
    for i in np.flatnonzero(famous | composer).tolist():
        words = keys[i].split()
        if composer[i]:  # by surname only ('debussy'), never a first name ('claude') or an ensemble's word
            parts = {words[-1]} if len(words[-1]) >= SHORT_MIN_CHARS and words[-1] not in _SHORT_STOP else set()
        else:
            parts = {w for w in words if len(w) >= SHORT_MIN_CHARS and w.isalpha() and w not in _SHORT_STOP}
            pairs = itertools.pairwise(words)
            parts |= {f"{a} {b}" for a, b in pairs if a not in _SHORT_STOP and b not in _SHORT_STOP}
            parts |= _initials(words, everyday)
        for part in parts - {keys[i]} if len(words) > 1 else ():
            bearers.setdefault(part, []).append(i)
    owners: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key in bearers and (key not in owners or pop[i] > pop[owners[key]]):
            owners[key] = i
    out: dict[str, int] = {}
    for part, found in bearers.items():
        found.sort(key=lambda i: -pop[i])
        if len(found) > 1 and pop[found[0]] - pop[found[1]] < SHORT_MARGIN:
            continue
        if part in owners and pop[found[0]] - pop[owners[part]] < SHORT_OVER_EXACT:
            continue
        out[part] = found[0]
    return out


def _initials(words: Sequence[str], everyday: frozenset[str] | None) -> set[str]:
    """'my chemical romance' -> {'mcr'}; none for a pair ('simon & garfunkel': 'sag' is a word anyway), a short
    name, or initials that spell an everyday word."""
    if everyday is None or len(words) < ACRONYM_MIN_WORDS or any(w in ("&", "and") or not w.isalnum() for w in words):
        return set()
    initials = "".join(w[0] for w in words)
    return set() if initials in everyday else {initials}


class NameIndex:
    """Exact, prefix and fuzzy lookup over the normalized keys of one kind of entity (artists, tracks or tags)."""

    def __init__(
        self,
        keys: Sequence[str],
        popularity: NDArray[np.float32],
        extra_exact: Mapping[str, int] | None = None,
        fallback_exact: Mapping[str, int] | None = None,
    ) -> None:
        """`extra_exact`: aliases that compete with keys by popularity; `fallback_exact`: aliases taken only where
        no key or alias claims the name (an ensemble's leader: 'dave brubeck', never over an artist of that name)."""
        if len(keys) != len(popularity):
            raise ValueError("keys and popularity differ in length")
        self._keys = list(keys)
        self._pop = np.nan_to_num(np.asarray(popularity, dtype=np.float32), nan=0.0)
        self._exact: dict[str, int] = {}
        for i, key in enumerate(self._keys):
            self._claim(key, i)
        for key, i in (extra_exact or {}).items():
            self._claim(key, i)
        for key, i in (fallback_exact or {}).items():
            if key and key not in self._exact:
                self._exact[key] = i
        order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
        self._sorted_keys = [self._keys[i] for i in order]
        self._sorted_idx = np.asarray(order, dtype=np.int32)
        lengths = np.fromiter((len(k) for k in self._keys), dtype=np.int32, count=len(self._keys))
        self._by_length = np.argsort(lengths, kind="stable").astype(np.int32)
        self._length_keys = [self._keys[i] for i in self._by_length.tolist()]
        self._lengths = lengths[self._by_length]

    def _claim(self, key: str, i: int) -> None:
        """Map `key` to `i` unless a more popular entry already owns it."""
        if not key:
            return
        held = self._exact.get(key)
        if held is None or self._pop[i] > self._pop[held]:
            self._exact[key] = i

    def state(self) -> dict[str, Any]:
        """What the index holds, its letter counts built now if they are not yet: plain lists, dicts and arrays
        that `from_state` takes back in another process (`name_state`)."""
        _ = self._letters
        return dict(vars(self))

    @classmethod
    def from_state(cls, state: Mapping[str, Any]) -> NameIndex:
        """The index `state()` was taken from; `ValueError` when the fields are not this code's."""
        if set(state) != set(vars(cls([], np.zeros(0, dtype=np.float32)))) | {"_letters"}:
            raise ValueError(f"not a NameIndex state: {sorted(state)}")
        index = cls.__new__(cls)
        vars(index).update(state)
        return index

    def __len__(self) -> int:
        return len(self._keys)

    def key(self, i: int) -> str:
        return self._keys[i]

    def exact_items(self) -> list[tuple[str, int]]:
        """Every exact key (aliases too) with the entry it resolves to: what the catalog build stores."""
        return list(self._exact.items())

    def exact(self, key: str) -> int | None:
        """Index of the most popular entry whose key (or alias) is exactly `key`."""
        return self._exact.get(key)

    def starting(self, prefix: str, limit: int) -> list[int]:
        """The `limit` most popular entries whose key starts with `prefix`, best known first: a bisect over the
        sorted keys, no fuzzy pass."""
        found, _ = self._prefix(prefix, limit)
        return sorted(found.tolist(), key=lambda i: -self._pop[i])[:limit]

    def _prefix(self, query: str, limit: int) -> tuple[NDArray[np.int32], int]:
        """Up to `limit` keys equal to the query plus the `limit` most popular keys starting with it; range size."""
        lo = bisect.bisect_left(self._sorted_keys, query)
        equal = bisect.bisect_right(self._sorted_keys, query, lo)
        hi = bisect.bisect_left(self._sorted_keys, query + "\U0010ffff", equal)
        found = self._sorted_idx[lo:hi]
        if found.size > limit:
            best = np.argpartition(-self._pop[found], limit - 1)[:limit]
            found = np.union1d(found[best], self._sorted_idx[lo : min(equal, lo + limit)])
        return found, hi - lo

    def search(
        self, query: str, limit: int = 5, *, cutoff: float = FUZZY_CUTOFF, enough: int | None = None
    ) -> list[tuple[int, float]]:
        """Up to `limit` (index, similarity 0..100) pairs for a normalized query, best first.

        Order: the exact match, then by similarity (prefix matches count as at least `PREFIX_FLOOR`) plus
        `POPULARITY_WEIGHT` x popularity. The returned similarity is the plain fuzzy ratio (100 when exact).
        For a query of at most `AUTOCOMPLETE_CHARS` characters that starts at least `enough` (default `limit`)
        keys, the fuzzy pass is skipped: the user is still typing, and a typo reading of 1-3 letters is noise.
        """
        if not query or limit <= 0 or not self._keys:
            return []
        ranked: dict[int, float] = {}
        prefix, in_range = self._prefix(query, limit)
        if len(query) > AUTOCOMPLETE_CHARS or in_range < (limit if enough is None else enough):
            fuzzy, similarity = self._fuzzy(query, cutoff)
            if fuzzy.size:
                rank = similarity + POPULARITY_WEIGHT * self._pop[fuzzy]
                if fuzzy.size > limit:
                    top = np.argpartition(-rank, limit - 1)[:limit]
                    fuzzy, rank = fuzzy[top], rank[top]
                ranked.update(zip(fuzzy.tolist(), rank.tolist(), strict=True))
        for i in prefix.tolist():
            rank_i = max(float(fuzz.ratio(query, self._keys[i])), PREFIX_FLOOR) + POPULARITY_WEIGHT * self._pop[i]
            ranked[i] = max(ranked.get(i, -np.inf), float(rank_i))
        exact = self._exact.get(query)
        if exact is not None:
            ranked[exact] = EXACT_RANK
        hits = sorted(ranked, key=lambda i: -ranked[i])[:limit]
        # Exact scores for the few returned hits (the cdist pass keeps whole numbers only).
        return [(i, 100.0 if i == exact else float(fuzz.ratio(query, self._keys[i]))) for i in hits]

    def _fuzzy(self, query: str, cutoff: float) -> tuple[NDArray[np.int32], NDArray[np.float32]]:
        """Indices and similarities of keys at least `cutoff` similar to the query.

        Only keys whose length can reach the cutoff are compared: ratio = 2 * matches / (len(a) + len(b)), so a
        key must be within [n * c / (200 - c), n * (200 - c) / c] characters of an n-character query. That skips
        a third to a half of the titles for typical queries (name lookup in BENCHMARKS.md, engine section); of
        the rest, only keys sharing letters enough to reach the cutoff are compared (`letters.reachable`).
        """
        n = len(query)
        low = np.searchsorted(self._lengths, math.floor(n * cutoff / (200.0 - cutoff)), side="left")
        high = np.searchsorted(self._lengths, math.ceil(n * (200.0 - cutoff) / max(cutoff, 1.0)), side="right")
        if high <= low:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        near = low + np.flatnonzero(reachable(query, self._letters[:, low:high], self._lengths[low:high], cutoff))
        if not near.size:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        keys = self._length_keys
        scores = process.cdist(
            [query], [keys[i] for i in near.tolist()], scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=cutoff
        )[0]
        found = np.flatnonzero(scores)
        return self._by_length[near[found]], scores[found].astype(np.float32)

    @cached_property
    def _letters(self) -> NDArray[np.uint8]:
        """Letter counts of the keys in length order (`letters.reachable`), built on the first fuzzy lookup."""
        return letter_counts(self._length_keys)
