"""Reasons for the chosen tracks, read back from the request's scoring arrays (`RequestScoring`).

Apart from the ranking: only the handful of chosen tracks is explained, so each component is read at those indices
once, and the ranking module stays about ranking.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from segue.catalog.csr import CsrArrays, SparseRows
from segue.catalog.tags import decade_start
from segue.domain import FEATURE_NAMES, Novelty, Query, Reason
from segue.engine import explain
from segue.engine.mood_tags import MOOD_TAGS
from segue.engine.signals import ArtistAffinity, CatalogSignals, FloatArray, title_forms
from segue.text import normalize_name


@dataclass(slots=True)
class RequestScoring:
    """Arrays of one request, kept together so reasons can be read back for the chosen items."""

    components: dict[str, FloatArray] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    affinity: ArtistAffinity | None = None
    genre_which: NDArray[np.int32] | None = None
    seed_names: dict[int, str] = field(default_factory=dict)
    sound_seed: str = ""
    sound_values: dict[str, float] = field(default_factory=dict)
    """The seeds' mean of each feature a 'sounds like' reason may quote (`seed_sound`)."""
    style: FloatArray | None = None
    """The seeds' tag profile the 'track_tags' component matched: a 'same style' reason names tags from it."""

    per_artist: dict[str, FloatArray] = field(default_factory=dict)
    """Components given per artist (`add_per_artist`), read per track through `track_artist` only where needed."""
    track_artist: NDArray[np.intp] | None = None

    def add(self, name: str, values: FloatArray, weight: float) -> None:
        self.components[name] = values
        self.weights[name] = weight

    def add_per_artist(self, name: str, values: FloatArray, weight: float, track_artist: NDArray[np.intp]) -> None:
        """A component every track takes from its artist (co-listening, shared tags): summed over the artists
        first and spread to the tracks once, instead of one gather over every track per component. Only before any
        per-track component, so the total adds the same float32 values in the same order."""
        if len(self.components) != len(self.per_artist):
            raise ValueError("per-artist components come before per-track ones")
        self.per_artist[name] = values
        self.components[name] = values
        self.weights[name] = weight
        self.track_artist = track_artist

    def at(self, name: str, tracks: NDArray[np.intp]) -> FloatArray:
        """The component's values for some tracks."""
        values = self.components[name]
        if name in self.per_artist and self.track_artist is not None:
            return values[self.track_artist[tracks]]
        return values[tracks]

    def total(self, n: int) -> FloatArray:
        names = list(self.components)
        artists = [name for name in names if name in self.per_artist]
        if artists and self.track_artist is not None:
            summed = np.zeros(self.per_artist[artists[0]].shape[0], dtype=np.float32)
            for name in artists:
                summed += self.weights[name] * self.per_artist[name]
            total = summed[self.track_artist]
        else:
            total = np.zeros(n, dtype=np.float32)
        for name in names[len(artists) :]:
            total += self.weights[name] * self.components[name]
        return total


class TrackReasons:
    """Short, truthful reasons for chosen tracks from the components that ranked them."""

    def __init__(self, signals: CatalogSignals) -> None:
        self.signals = signals
        self.catalog = signals.catalog
        self._listener = frozenset(np.flatnonzero(signals.listener_column).tolist())
        """The listener tag columns (never playlist labels), as a set: a reason reads a handful of tags one by one."""
        self._moods_columns: dict[tuple[str, ...], frozenset[int]] = {}
        self._decades: dict[int, int | None] = {}
        """Tag column -> the decade its name is ('80s': 1980), None for any other tag; filled as reasons read them."""

    @cached_property
    def _track_tags(self) -> CsrArrays:
        """The catalog's track tags as plain arrays: a slice of a memory-mapped array is built as a `memmap`, which
        cost more than the rest of reading a row's few entries."""
        return CsrArrays.of(self.catalog.track_tags)

    def tracks(self, chosen: Sequence[int], scoring: RequestScoring, query: Query) -> list[tuple[Reason, ...]]:
        """The reasons of each chosen track, reading every component's values for all of them at once."""
        at = np.asarray(chosen, dtype=np.intp)
        # Each component's weighted value per chosen track, as the Python floats a per-track read gave.
        columns = {
            name: (scoring.weights[name] * scoring.at(name, at).astype(np.float64)).tolist()
            for name in scoring.components
        }
        measured = self.signals.measured[at].tolist()
        return [
            self._one(int(idx), {name: column[i] for name, column in columns.items()}, measured[i], scoring, query)
            for i, idx in enumerate(chosen)
        ]

    def _one(
        self, idx: int, contributions: dict[str, float], measured: bool, scoring: RequestScoring, query: Query
    ) -> tuple[Reason, ...]:
        sig = self.signals
        reasons: list[Reason] = []
        year = int(sig.year[idx]) or None
        if query.genres and scoring.genre_which is not None and scoring.genre_which[idx] >= 0:
            genre = self.catalog.tag_names[int(scoring.genre_which[idx])]
            era = query.year_min is not None or query.year_max is not None
            reasons.append(explain.genre_reason(genre, year, era, contributions.get("genre", 0.0)))
        elif (query.year_min is not None or query.year_max is not None) and year:
            reasons.append(explain.era_reason(year))
        if query.features:
            feats = sig.features[idx].tolist()  # Python floats, NaN where unknown
            values = {name: (None if math.isnan(v) else v) for name, v in zip(FEATURE_NAMES, feats, strict=True)}
            # Group the ranges by the words that asked for them; label each group with its mood word.
            for because in dict.fromkeys(r.because for r in query.features):
                # The mood the words asked for; one mood read from other words ('arbeiten' glossed 'work', read
                # as background music) is that mood, not the gloss.
                alone = query.moods[0] if len(query.moods) == 1 else because
                label = next((m for m in query.moods if m in because), alone) or "mood"
                ranges = [r for r in query.features if r.because == because]
                mood = explain.mood_reason(label, ranges, values, contributions.get("mood", 0.0))
                if mood is not None and not (label in FILTER_ONLY_MOODS and scoring.seed_names):
                    reasons.append(mood)
                    break
            heard = contributions.get("mood_tags", 0.0)
            if not sig.has_features[idx] and heard > 0 and query.moods:
                # Each mood's own tags under its own name: 'vocal: tagged instrumental, ambient' named focus's
                # tags (of 'songs with vocals for studying') after the first mood.
                by_mood = ((m, self.heard_tags(idx, (m,), query.genres)) for m in query.moods)
                named, tags = next(((m, t) for m, t in by_mood if t), (query.moods[0], []))
                if tags:
                    reasons.append(explain.heard_reason(named, tags, heard))
        if contributions.get("topic", 0.0) > 0:  # the word as the title has it: 'train' in 'Crazy Train'
            words = set(normalize_name(self.catalog.base_title(idx)).split())
            found = (f for t in query.topics for f in sorted(title_forms(t)) if f in words)
            reasons.append(explain.topic_reason(next(found, query.topics[0])))
        by = {a.index: a.name for a in query.by_artists}
        own_artist = int(sig.track_artist[idx])
        if own_artist in by:
            reasons.append(explain.by_reason(by[own_artist]))
        ranked = sorted(
            (
                (v, name)
                for name, v in contributions.items()
                if name in {"colisten", "playlists", "tags", "sound", "track_tags"} and v > 0.05
            ),
            reverse=True,
        )
        for value, name in ranked[:2]:
            reason = self._seed_reason(name, idx, scoring, value)
            if reason is not None and all(r.text != reason.text for r in reasons):
                reasons.append(reason)
        if not reasons:  # a weak tie to a seed is truer than a popularity figure ('Cuco — popular: 76/100')
            reasons.extend(self._weak_tie(idx, contributions, scoring))
        # A song without a popularity figure borrows a guess for ranking; a reason must not quote the guess as a
        # fact ('popular: 31/100' on a live take nobody measured) unless there is nothing else to say.
        if (query.novelty is not Novelty.BALANCED and measured) or not reasons:
            pop = float(sig.popularity[idx])
            deep = query.novelty is Novelty.DEEP
            reasons.append(explain.popularity_reason(pop, deep and self._below_best(idx), popular_said=not deep))
        return tuple(reasons[:3])

    def _weak_tie(self, idx: int, contributions: dict[str, float], scoring: RequestScoring) -> list[Reason]:
        """The strongest neighbour-table tie to a seed below the reasons' floor: the act is in the seed's row, so
        'often on playlists with Tame Impala' is true, however little the row was trusted for this seed."""
        weak = sorted(((v, n) for n, v in contributions.items() if n in _NEIGHBOUR_TIES and v > 0), reverse=True)
        for value, name in weak:
            reason = self._seed_reason(name, idx, scoring, value)
            if reason is not None:
                return [reason]
        return []

    def _below_best(self, idx: int) -> bool:
        """Whether a song sits `DEEP_UNDER_BEST` points under its act's best known here: a deep cut is a lesser song
        of an act, not an act's one hit on a compilation ('Venus', 'Relax', 'Kids in America' at 4-12/100)."""
        best = float(self._act_best[int(self.signals.track_artist[idx])])
        return best - float(self.signals.popularity[idx]) >= DEEP_UNDER_BEST

    @cached_property
    def _act_best(self) -> FloatArray:
        """Per artist, the popularity of its best-known song here (`nanmax` over `tracks_of`, the tracks whose artist
        it is; NaN for none), in one pass on the first deep cut instead of a gather and a `nanmax` per song."""
        best = np.full(self.catalog.n_artists, np.nan, dtype=np.float32)
        np.fmax.at(best, self.signals.track_artist, self.signals.popularity)
        return best

    def _seed_reason(self, name: str, idx: int, scoring: RequestScoring, value: float) -> Reason | None:
        artist = int(self.signals.track_artist[idx])
        if artist in scoring.seed_names:  # the seed's own track ("songs by X"): similarity to itself says nothing
            return None
        aff = scoring.affinity
        if name == "colisten" and aff is not None and aff.colisten_seed[artist] >= 0:
            seed = int(aff.colisten_seed[artist])
            return explain.colisten_reason(scoring.seed_names.get(seed, "?"), value)
        if name == "playlists" and aff is not None and aff.playlists_seed[artist] >= 0:
            seed = int(aff.playlists_seed[artist])
            return explain.playlist_reason(scoring.seed_names.get(seed, "?"), value)
        if name == "tags" and aff is not None and aff.tags_seed[artist] >= 0:
            seed = int(aff.tags_seed[artist])
            shared = self.shared_tags(artist, seed, year=int(self.signals.year[idx]))
            # Only playlist labels in common ('urban contemporary, r&b') explain nothing: let the next reason speak.
            return explain.shared_tags_reason(scoring.seed_names.get(seed, "?"), shared, value) if shared else None
        if name == "sound" and scoring.sound_seed:
            # Only the numbers that are close to the seeds' own: 'sounds like Joni Mitchell: energy 0.88' quoted
            # Dancing Queen's energy beside hers of 0.3. Acousticness only for an acoustic seed: 'acoustic 0.00'
            # beside an electric seed's 0.01 says nothing. Fewer than two: the next reason speaks.
            feats = self.signals.features[idx].tolist()  # Python floats, NaN where unknown
            near = scoring.sound_values
            shown = [
                (f, v)
                for f, v in zip(FEATURE_NAMES, feats, strict=True)
                if f in SOUND_SHOWN
                and not math.isnan(v)
                and abs(v - near.get(f, v)) <= SOUND_CLOSE
                and (f != "acousticness" or near.get(f, v) >= ACOUSTIC_SEED)
            ]
            return explain.sound_reason(scoring.sound_seed, shown, value) if len(shown) >= SOUND_CLOSE_SHOWN else None
        if name == "track_tags":
            # 'same style: latin, latin hip hop' for Chris Stapleton named the playlists he sat in, not his style.
            tags = self._track_style(idx, listener_only=True, shared_with=scoring.style)
            return explain.style_reason(tags, value) if tags else None
        return None

    def _track_style(
        self, idx: int, *, listener_only: bool = False, shared_with: FloatArray | None = None
    ) -> list[str]:
        """The track's own two strongest tags (with `listener_only`, never a playlist label; with `shared_with`,
        only tags that profile carries: ONE OK ROCK was 'same style: japanese' for Soda Stereo). Plain Python over
        the row's few entries: numpy's per-call cost was most of a reason's."""
        cols, vals = _row(self._track_tags, idx)
        tags: list[str] = []
        for i in sorted(range(len(cols)), key=lambda i: -vals[i]):  # stable: the earlier column on ties
            col = cols[i]
            if listener_only and col not in self._listener:
                continue
            if shared_with is not None and not shared_with[col] > 0:
                continue
            tags.append(self.catalog.tag_names[col])
            if len(tags) == 2:
                break
        return tags

    def heard_tags(self, idx: int, moods: tuple[str, ...], named: Sequence[str] = ()) -> list[str]:
        """The two strongest of the moods' own tags the track carries, then its artist: the evidence that let a song
        without audio features in (its own strongest tags said 'sleep: tagged rock, post rock' for Nils Frahm). A tag
        the request `named` as its genre comes last: 'piano; sleep: tagged piano' says nothing new, though it is
        said when it is the only evidence ('instrumental post-rock': a song without features let in by that tag)."""
        wanted = self._mood_columns(moods)
        artist = int(self.signals.track_artist[idx])
        tags: list[str] = []
        for cols, vals in (_row(self._track_tags, idx), _row(self.signals.artist_tags_csr, artist)):
            for i in sorted(range(len(cols)), key=lambda i: -vals[i]):  # stable: the earlier column on ties
                name = self.catalog.tag_names[cols[i]]
                if cols[i] in wanted and name not in tags:
                    tags.append(name)
        return sorted(tags, key=lambda t: t in named)[:2]

    def _of_its_time(self, column: int, year: int) -> bool:
        """Whether a tag may describe a song of `year` (0: unknown): any tag but a decade the song is not from."""
        if not year:
            return True
        start = self._decades.get(column, _UNREAD)
        if start is _UNREAD:  # each tag's name read once (a regex per shared tag was a tenth of a reason's time)
            start = self._decades[column] = decade_start(self.catalog.tag_names[column])
        return start is None or start <= year < start + 10

    def _mood_columns(self, moods: tuple[str, ...]) -> frozenset[int]:
        """The catalog columns of the moods' tags (`MOOD_TAGS`), kept per mood combination (a handful)."""
        found = self._moods_columns.get(moods)
        if found is None:
            names = [t for m in moods for t in MOOD_TAGS.get(m, ())]
            found = frozenset(c for c in map(self.catalog.tag_index, names) if c is not None)
            if len(self._moods_columns) < MOOD_COLUMNS_KEPT:
                self._moods_columns[moods] = found
        return found

    def shared_tags(self, artist: int, seed: int, *, year: int = 0) -> list[str]:
        """The two strongest listener tags (never playlist labels: they describe a playlist) both artists carry as
        their own: The Weeknd's borrowed 'pop rock, ballad' read as "shares tags with The Weeknd: pop rock, ballad".
        For a song of a known `year`, never a decade it is not from ("shares tags with Soda Stereo: 80s" for 1971)."""
        a_cols, a_vals = _row(self.signals.artist_tags_csr, artist)
        s_cols, s_vals = _row(self.signals.artist_tags_csr, seed)
        if not s_cols:
            return []
        seed_weight = dict(zip(s_cols, s_vals, strict=True))
        common = [(c, v * seed_weight[c]) for c, v in zip(a_cols, a_vals, strict=True) if c in seed_weight]
        common = [(c, w) for c, w in common if c in self._listener and self._of_its_time(c, year)]
        if not common:
            return []
        # The products as float32 (two float32 factors multiply exactly in a double, then round once), so equal
        # products tie as they do in float32 and keep the earlier column.
        products = array("f", [w for _, w in common]).tolist()
        ranked = sorted(range(len(common)), key=lambda i: -products[i])
        return [self.catalog.tag_names[common[i][0]] for i in ranked[:2]]


FILTER_ONLY_MOODS = frozenset({"vocal"})
"""Moods that only filter beside named acts: 'like nujabes but with vocals' opened every song's reasons with 'with
vocals (instrumental 0.00)', where the tie to Nujabes is what says why."""
DEEP_UNDER_BEST = 0.15
"""Popularity (0-1) under the act's best song from which a song is called a deep cut."""
MOOD_COLUMNS_KEPT = 1024
"""Mood combinations whose tag columns a `TrackReasons` keeps (the lexicon has ~100 moods; requests name 1-3)."""

SOUND_CLOSE = 0.15
"""How far a quoted feature may be from the seeds' mean for a 'sounds like' reason to quote it."""
ACOUSTIC_SEED = 0.3
"""Seeds' mean acousticness from which a 'sounds like' reason may quote it."""
SOUND_CLOSE_SHOWN = 2
"""Close features a 'sounds like' reason needs: one alone (danceability) made Dancing Queen sound like Joni Mitchell."""

SOUND_SHOWN = frozenset({"energy", "danceability", "acousticness"})
"""The features a 'sounds like' reason quotes, in `FEATURE_NAMES` order."""
_NEIGHBOUR_TIES = frozenset({"colisten", "playlists", "tags"})
"""Contributions that come from a seed's neighbour rows: any share of them is a fact about the two acts."""
_UNREAD = -1
"""`TrackReasons._decades` for a tag whose name was not read yet (no decade starts there)."""


def _row(matrix: SparseRows, row: int) -> tuple[list[int], list[float]]:
    """One CSR row's columns and values as Python lists (a handful of entries: cheaper than numpy steps on them)."""
    start, end = int(matrix.indptr[row]), int(matrix.indptr[row + 1])
    return matrix.indices[start:end].tolist(), matrix.data[start:end].tolist()


def seed_sound(
    features: NDArray[np.float32], has_features: NDArray[np.bool_], tracks: Sequence[int] | NDArray[np.integer[Any]]
) -> dict[str, float]:
    """The mean of each quoted feature (`SOUND_SHOWN`) over the seed tracks that have features ({} when none)."""
    idx = np.asarray(tracks, dtype=np.int64)
    idx = idx[has_features[idx]] if idx.size else idx
    if idx.size == 0:
        return {}
    means = features[idx].mean(axis=0).tolist()
    return {f: float(m) for f, m in zip(FEATURE_NAMES, means, strict=True) if f in SOUND_SHOWN}
