"""What a parse has found so far, and how each kind of match records itself (wanted or excluded)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from segue.domain import EntityRef, FeatureRange, Novelty, Query
from segue.engine.query.blend import PLAYING, drive_at_night, settle
from segue.engine.query.lexicon import REQUEST_NOUNS
from segue.engine.query.moods import Mood
from segue.engine.query.played_by import PLAYED_BY_SAID
from segue.text import normalize_name

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: how many tokens it covers, its kind, and how to record it (negated or not)."""

    length: int
    kind: str
    apply: Callable[[State, bool], None]
    ref: EntityRef | None = None


@dataclass(slots=True)
class State:
    """Everything a parse has found so far, in the order it was found."""

    seed_artists: list[EntityRef] = field(default_factory=list)
    seed_tracks: list[EntityRef] = field(default_factory=list)
    by_artists: list[EntityRef] = field(default_factory=list)
    genres: list[str] = field(default_factory=list)
    moods: list[str] = field(default_factory=list)
    features: list[FeatureRange] = field(default_factory=list)
    eras: list[tuple[int, int]] = field(default_factory=list)
    after: list[int] = field(default_factory=list)
    recent: list[int] = field(default_factory=list)
    """The bounds in `after` that a word for now set ('modern', 'new'), not a year: beside a decade, a sound."""
    before: list[int] = field(default_factory=list)
    novelty: Novelty = Novelty.BALANCED
    exclude_genres: list[str] = field(default_factory=list)
    exclude_artists: list[EntityRef] = field(default_factory=list)
    exclude_tracks: list[EntityRef] = field(default_factory=list)
    exclude_eras: list[tuple[int, int]] = field(default_factory=list)
    count: int | None = None
    asked_count: int | None = None
    surprise: bool = False
    blend: bool = False
    follow_up: bool = False
    named: bool = False
    free_to_use: bool = False
    clean: bool = False
    sung_in: str | None = None
    ignored: list[str] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    read_as: list[tuple[str, str]] = field(default_factory=list)
    played_by: list[tuple[str, str]] = field(default_factory=list)
    examples: list[EntityRef] = field(default_factory=list)
    meant: list[tuple[str, str]] = field(default_factory=list)
    mood_words: list[tuple[str, str]] = field(default_factory=list)
    """(typed word, mood label) of each mood asked for, in order: which gives way when two clash (`blend`)."""
    topics: list[str] = field(default_factory=list)
    exclude_topics: list[str] = field(default_factory=list)
    seconds_min: int | None = None
    seconds_max: int | None = None

    def era(self, lo: int | None, hi: int | None) -> None:
        if lo is not None and hi is not None:
            self.eras.append((min(lo, hi), max(lo, hi)))
        elif lo is not None:
            self.after.append(lo)
        elif hi is not None:
            self.before.append(hi)

    def years(self) -> tuple[int | None, int | None]:
        """Decades and years widen each other ('80s and 90s'); 'after'/'before' bounds then narrow the result."""
        lo = min((e[0] for e in self.eras), default=None)
        hi = max((e[1] for e in self.eras), default=None)
        if self.after:
            lo = max(self.after) if lo is None else max(lo, max(self.after))
        if self.before:
            hi = min(self.before) if hi is None else min(hi, min(self.before))
        if lo is not None and hi is not None and lo > hi:
            if self.eras:
                return min(e[0] for e in self.eras), max(e[1] for e in self.eras)
            return hi, lo
        return lo, hi

    def to_query(self, text: str) -> Query:
        """The frozen `Query`: duplicates dropped, excluded artists and genres removed from the wanted ones (an
        excluded artist still seeds: its songs are left out, its likeness is what was asked for)."""
        st = self
        year_min, year_max = st.years()
        excluded = {r.id for r in st.exclude_artists}
        exclude_genres = _uniq(st.exclude_genres)
        driven, mood_words, dropped = drive_at_night(_uniq(st.features), st.mood_words)
        features, gave_way = settle(driven, mood_words)
        moods = tuple(m for m in _uniq(st.moods) if m not in dropped)
        # A game played to a calm sound keeps no mood of its own words: the energetic mood's tags (rock) led.
        gave = dict(gave_way)
        kept = {label for word, label in st.mood_words if word not in gave}
        played = {label for word, label in st.mood_words if word in gave and normalize_name(word) in PLAYING}
        moods = tuple(m for m in moods if m not in played - kept)
        return Query(
            text=text,
            # 'like Coldplay but not Coldplay': artists like them, none of their own songs (the seed stays a seed).
            seed_artists=_uniq_refs(st.seed_artists),
            seed_tracks=_uniq_refs(st.seed_tracks),
            by_artists=_uniq_refs(st.by_artists, excluded),
            genres=tuple(g for g in _uniq(st.genres) if g not in exclude_genres),
            moods=moods,
            features=features,
            gave_way=gave_way,
            year_min=year_min,
            year_max=year_max,
            seconds_min=st.seconds_min,
            seconds_max=st.seconds_max,
            novelty=st.novelty,
            exclude_genres=exclude_genres,
            exclude_artists=_uniq_refs(st.exclude_artists),
            exclude_tracks=_uniq_refs(st.exclude_tracks),
            exclude_eras=tuple(dict.fromkeys(st.exclude_eras)),
            count=st.count,
            asked_count=st.asked_count,
            surprise=st.surprise,
            blend=st.blend and len(st.seed_artists) > 1,
            follow_up=st.follow_up,
            named=st.named,
            free_to_use=st.free_to_use,
            clean=st.clean,
            sung_in=st.sung_in,
            ignored=_uniq(st.ignored),
            unresolved=_uniq(st.unresolved),
            suggestions=_uniq(st.suggestions)[:5],
            read_as=tuple(dict.fromkeys(st.read_as)),
            played_by=tuple(dict.fromkeys(st.played_by)),
            examples=_uniq_refs(st.examples),
            meant=tuple(dict.fromkeys(st.meant)),
            topics=_uniq(st.topics),
            exclude_topics=_uniq(st.exclude_topics),
        )


def _uniq(items: Sequence[_T]) -> tuple[_T, ...]:
    return tuple(dict.fromkeys(items))


def _uniq_refs(refs: Sequence[EntityRef], drop: Collection[str] = ()) -> tuple[EntityRef, ...]:
    seen: dict[str, EntityRef] = {}
    for ref in refs:
        if ref.id not in drop:
            seen.setdefault(ref.id, ref)
    return tuple(seen.values())


def apply_mood(mood: Mood, word: str) -> Callable[[State, bool], None]:
    def apply(st: State, neg: bool) -> None:
        if neg:  # 'not sad songs' is said 'not sad' beside each song
            feeling = " ".join(w for w in word.split() if w not in REQUEST_NOUNS) or word
            st.features.extend(mood.negated_ranges(f"not {feeling}"))
        else:
            st.features.extend(mood.ranges_for(word))
            st.moods.append(mood.label)
            st.mood_words.append((word, mood.label))

    return apply


PLAYED_BY_NAMED = 3
"""Acts a scene read through its acts names in `State.played_by` (and its note)."""


def record_played_by(st: State, typed: str, acts: Sequence[EntityRef]) -> None:
    """A scene read as music by and like its acts ('drill', '80s revival'): they seed, and the phrase is said."""
    st.seed_artists.extend(acts)
    said = PLAYED_BY_SAID.get(normalize_name(typed), typed)
    st.played_by.append((said, ", ".join(a.name for a in acts[:PLAYED_BY_NAMED])))


def apply_artist(ref: EntityRef) -> Callable[[State, bool], None]:
    def apply(st: State, neg: bool) -> None:
        (st.exclude_artists if neg else st.seed_artists).append(ref)

    return apply


def apply_track(ref: EntityRef) -> Callable[[State, bool], None]:
    def apply(st: State, neg: bool) -> None:
        (st.exclude_tracks if neg else st.seed_tracks).append(ref)

    return apply


def apply_unresolved(surface: str, close: list[str]) -> Callable[[State, bool], None]:
    def apply(st: State, neg: bool) -> None:
        st.unresolved.append(surface)
        st.suggestions.extend(close)

    return apply
