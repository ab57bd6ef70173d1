"""A first name in a list of acts, read by the company it keeps: 'kanye, kid cudi and travis' is Travis Scott, not the
Scottish band Travis; 'sza and frank' Frank Ocean, not an act called Frank; 'like tyler and frank' both (Tyler
was said unknown). Each reading alone is right; in a list, the acts around a name say which bearer is meant.

The bearers are the known acts whose name begins with the word (`BEARER_RENOWN`); the choice is the set of bearers
that shares the most genres with the other acts named (each genre weighing less down its act's list, each bearer
by how known it is), taken only where the act read first shares at most one (`CLEAR_SHARED`): 'drake and the
weeknd' keeps Drake, and 'drake and bon iver' is not asked about (no Drake but Drake begins with 'drake').
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import replace

from segue.domain import EntityRef, NameMatch, Query
from segue.engine.query import lexicon as lx
from segue.text import normalize_name

__all__ = ["by_company"]

BEARER_RENOWN = 0.5
"""How known an act must be to be the bearer of a first name said alone (Travis Scott 0.94, Frank Ocean 0.82)."""
BEARERS = 4
"""The best-known bearers weighed per name."""
CLEAR_SHARED = 2
"""Genres a bearer must share with the acts named beside it before it replaces the act read, or fills an unknown
word: one shared label ('pop') says nothing."""
NAME_LOOKUP = 15
"""The best-known acts whose name begins with the word, looked up by prefix, among which the bearers are found."""
MAX_SLOTS = 3
"""First names weighed together at most: each choice of bearers is tried, so the work grows as BEARERS to this."""


def by_company(
    query: Query,
    genres_of: Callable[[int], Sequence[str]],
    named_first: Callable[[str, int], list[NameMatch]],
) -> Query:
    """The query with each first name in a list of acts read as the bearer the other acts' genres point to."""
    if len(query.seed_artists) + len(_loose_words(query)) < 2 or query.seed_tracks or query.by_artists:
        return query
    if query.played_by:  # the acts a scene is read as were named by the reading, not typed
        return query
    slots = _slots(query, named_first)
    if not slots or len(slots) > MAX_SLOTS:
        return query
    anchors = [a.index for a in query.seed_artists if a.index not in {s.current for s in slots}]
    weights: dict[int, dict[str, float]] = {}

    def of(i: int) -> dict[str, float]:
        """An act's genres, each weighing less the further down its list (the strongest first)."""
        if i not in weights:
            weights[i] = {g: 1.0 / (1 + rank) for rank, g in enumerate(genres_of(i))}
        return weights[i]

    def shared(picked: Sequence[int | None]) -> list[tuple[int, float]]:
        """Per slot, how many genres its pick shares with the rest (anchors and the other picks), and how much."""
        out = []
        for k, i in enumerate(picked):
            rest = [*anchors, *(j for m, j in enumerate(picked) if m != k and j is not None)]
            mine = of(i) if i is not None else {}
            out.append(
                (
                    sum(len(mine.keys() & of(j).keys()) for j in rest),
                    sum(w * of(j).get(g, 0.0) for j in rest for g, w in mine.items()),
                )
            )
        return out

    current = [s.current for s in slots]
    now = shared(current)
    renown: dict[int, float] = {i: r for s in slots for i, r in s.renown.items()}

    def worth(picked: Sequence[int | None], scores: list[tuple[int, float]]) -> float:
        """What the picks share, each by how known it is (an act read first counts in full)."""
        total = 0.0
        for i, (_, w) in zip(picked, scores, strict=True):
            total += 0.0 if i is None else w * renown.get(i, 1.0)
        return total

    best, best_score = current, worth(current, now)
    for picked in itertools.product(*(s.options for s in slots)):
        scores = shared(picked)
        if any(i is not None and n < CLEAR_SHARED for i, (n, _) in zip(picked, scores, strict=True)):
            continue
        if (score := worth(picked, scores)) > best_score:
            best, best_score = list(picked), score
    changed = [
        (s, i)
        for s, i, (n, _) in zip(slots, best, now, strict=True)
        if i != s.current and (s.current is None or n < CLEAR_SHARED)
    ]
    return _applied(query, changed) if changed else query


class _Slot:
    """A name that may stand for several acts: the act read (or None for a word left unknown) and its bearers."""

    __slots__ = ("current", "options", "refs", "renown", "word")

    def __init__(self, word: str, current: int | None, bearers: list[NameMatch]) -> None:
        self.word = word
        self.current = current
        self.options: list[int | None] = list(dict.fromkeys([current, *(m.index for m in bearers)]))
        self.refs = {m.index: EntityRef(m.index, m.id, m.name) for m in bearers}
        self.renown = {m.index: m.renown for m in bearers}
        """How known each bearer is: of two that share as much, the better known is meant (Travis Scott, not
        Travis Barker, beside Kanye)."""


def _loose_words(query: Query) -> list[str]:
    """One-word names the reading left unknown or unused ('tyler'), which a famous first name may be."""
    words = [normalize_name(w) for w in (*query.unresolved, *query.ignored)]
    return [w for w in words if w.isalpha() and " " not in w and w not in lx.COMMON_WORDS and len(w) >= 3]


def _bearers(word: str, named_first: Callable[[str, int], list[NameMatch]]) -> list[NameMatch]:
    found = [m for m in named_first(word, NAME_LOOKUP) if normalize_name(m.name).split()[0] == word]
    known = [m for m in found if m.renown >= BEARER_RENOWN and normalize_name(m.name) != word]
    return sorted(known, key=lambda m: -m.renown)[:BEARERS]


def _slots(query: Query, named_first: Callable[[str, int], list[NameMatch]]) -> list[_Slot]:
    slots = []
    for act in query.seed_artists:
        word = normalize_name(act.name)
        if " " not in word and word.isalpha() and (bearers := _bearers(word, named_first)):
            slots.append(_Slot(word, act.index, bearers))
    for word in _loose_words(query):
        if bearers := _bearers(word, named_first):
            slots.append(_Slot(word, None, bearers))
    return slots


def _applied(query: Query, changed: list[tuple[_Slot, int | None]]) -> Query:
    """The query with the slots' new acts in place of the old, and the words they came from read."""
    seeds = list(query.seed_artists)
    words = set()
    for slot, pick in changed:
        if pick is None:
            continue
        ref = slot.refs[pick]
        if slot.current is None:
            seeds.append(ref)
            words.add(slot.word)
        else:
            seeds = [ref if a.index == slot.current else a for a in seeds]
    return replace(
        query,
        seed_artists=tuple(seeds),
        unresolved=tuple(u for u in query.unresolved if normalize_name(u) not in words),
        ignored=tuple(w for w in query.ignored if normalize_name(w) not in words),
        suggestions=query.suggestions if any(normalize_name(u) not in words for u in query.unresolved) else (),
    )
