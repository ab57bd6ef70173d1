"""The local recommender: blends co-listening, shared tags, sound, genre, mood and popularity over the catalog.

Hard constraints (era, feature bounds, genres, exclusions) become one boolean mask; soft signals become one
weighted score; a greedy MMR pass then picks a diverse handful (at most N per artist, no two versions of one song).
All work is vectorized over the catalog arrays, so one request costs well under a few milliseconds at 50k tracks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from segue.domain import FEATURE_NAMES, Novelty, Query, Reason
from segue.engine import explain
from segue.engine.signals import ArtistAffinity, CatalogSignals, FloatArray
from segue.text import artist_key

# Weights of the soft signals; tuned by eye on the mood-query set (EVALUATION.md) and kept deliberately simple.
W_COLISTEN = 1.0
W_TAGS = 0.6
W_SOUND_ARTIST = 0.3
W_SOUND_TRACK = 0.8
W_TRACK_TAGS = 0.4
W_GENRE = 0.5
W_MOOD = 0.6
W_MOOD_SEEDED = 0.2
W_PERSONAL = 0.8
POPULARITY_WEIGHT = {Novelty.FAMILIAR: 0.6, Novelty.BALANCED: 0.2, Novelty.DEEP: 0.4}
DEEP_POPULARITY_CAP = 0.55
"""Deep cuts never include tracks above this popularity (0..1)."""


@dataclass(frozen=True, slots=True)
class Personal:
    """A listener's taste as catalog indices (from likes, dislikes, 'know it' and history)."""

    liked_tracks: tuple[int, ...] = ()
    liked_artists: tuple[int, ...] = ()
    disliked_tracks: tuple[int, ...] = ()
    disliked_artists: tuple[int, ...] = ()
    known_tracks: tuple[int, ...] = ()
    blocked_artists: tuple[int, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.liked_tracks or self.liked_artists)


@dataclass(frozen=True, slots=True)
class ScoredTrack:
    """A chosen track index with its blended score and reasons."""

    index: int
    score: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class ScoredArtist:
    """A chosen artist index with its score and reasons."""

    index: int
    score: float
    reasons: tuple[Reason, ...]


@dataclass(slots=True)
class _Scoring:
    """Arrays of one request, kept together so reasons can be read back for the chosen items."""

    components: dict[str, FloatArray] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    affinity: ArtistAffinity | None = None
    genre_which: NDArray[np.int32] | None = None
    seed_names: dict[int, str] = field(default_factory=dict)
    sound_seed: str = ""

    def add(self, name: str, values: FloatArray, weight: float) -> None:
        self.components[name] = values
        self.weights[name] = weight

    def total(self, n: int) -> FloatArray:
        total = np.zeros(n, dtype=np.float32)
        for name, values in self.components.items():
            total += self.weights[name] * values
        return total


GenreColumnsFn = Callable[[str], Sequence[int]]


class TrackRecommender:
    """Answers a `Query` (plus optional personal taste) with diverse, explained tracks from the catalog."""

    def __init__(
        self,
        signals: CatalogSignals,
        *,
        genre_columns: GenreColumnsFn | None = None,
        exclude_columns: GenreColumnsFn | None = None,
        max_per_artist: int = 2,
        pool: int = 400,
    ) -> None:
        self.signals = signals
        self.catalog = signals.catalog
        self._genre_columns = genre_columns or self._exact_genre_column
        self._exclude_columns = exclude_columns or self._genre_columns
        self.max_per_artist = max_per_artist
        self.pool = pool

    def _exact_genre_column(self, name: str) -> Sequence[int]:
        idx = self.catalog.tag_index(name)
        return [] if idx is None else [idx]

    # -- public --------------------------------------------------------------------------------------------------

    def recommend(
        self,
        query: Query,
        *,
        count: int,
        personal: Personal | None = None,
        exclude_tracks: Sequence[int] = (),
    ) -> list[ScoredTrack]:
        """Top `count` tracks for the query, respecting every hard constraint."""
        sig = self.signals
        n = self.catalog.n_tracks
        mask = self._constraint_mask(query, personal, exclude_tracks)
        scoring = _Scoring()
        seeds = self._seed_artists(query, personal)
        if seeds:
            weights = [1.0 if a not in (personal.liked_artists if personal else ()) else W_PERSONAL for a in seeds]
            aff = sig.artist_affinity(seeds, weights)
            scoring.affinity = aff
            scoring.seed_names = {a: self.catalog.artist(a).name for a in seeds}
            scoring.add("colisten", aff.colisten[sig.track_artist], W_COLISTEN)
            scoring.add("tags", aff.tags[sig.track_artist], W_TAGS)
        seed_tracks = [t.index for t in query.seed_tracks]
        if personal:
            seed_tracks += list(personal.liked_tracks)
        if seed_tracks:
            centroid = sig.centroid_z(seed_tracks)
            if centroid is not None:
                scoring.add("sound", sig.feature_similarity(centroid), W_SOUND_TRACK)
                scoring.sound_seed = self.catalog.track(seed_tracks[0]).title
            profile = np.asarray(self.catalog.track_tags[seed_tracks].sum(axis=0), dtype=np.float32).ravel()
            norm = float(np.linalg.norm(profile))
            if norm > 0:
                scoring.add("track_tags", np.asarray(self.catalog.track_tags @ (profile / norm)).ravel(), W_TRACK_TAGS)
        elif seeds:
            artist_tracks = [int(t) for a in seeds[:5] for t in self.catalog.tracks_of(a)[:50]]
            centroid = sig.centroid_z(artist_tracks)
            if centroid is not None:
                scoring.add("sound", sig.feature_similarity(centroid), W_SOUND_ARTIST)
                scoring.sound_seed = self.catalog.artist(seeds[0]).name
        columns = self._requested_genre_columns(query)
        if columns:
            score, which = sig.tag_columns_score(columns)
            scoring.add("genre", score, W_GENRE)
            scoring.genre_which = which
            mask &= sig.tag_mask(columns)
        # With seeds, the seeds say *what* and a mood only filters (its bounds are already hard constraints), so
        # closeness to the mood's centre and plain popularity must not outvote who the listener asked for.
        seeded = bool(seeds or seed_tracks)
        if query.features:
            scoring.add("mood", sig.mood_score(query.features), W_MOOD_SEEDED if seeded else W_MOOD)
        pop = sig.popularity
        pop_weight = POPULARITY_WEIGHT[query.novelty] * (0.5 if seeded else 1.0)
        if query.novelty is Novelty.DEEP:
            scoring.add("popularity", (1.0 - pop).astype(np.float32), pop_weight)
        else:
            scoring.add("popularity", pop, pop_weight)
        total = scoring.total(n)
        candidates = np.flatnonzero(mask)
        if candidates.size > self.pool:
            top = np.argpartition(-total[candidates], self.pool)[: self.pool]
            candidates = candidates[top]
        order = candidates[np.argsort(-total[candidates], kind="stable")]
        chosen = self._diversify(order, total, count, query)
        return [ScoredTrack(int(i), float(total[i]), self._reasons(int(i), scoring, query)) for i in chosen]

    def similar_artists(self, artist: int, *, count: int, exclude: Sequence[int] = ()) -> list[ScoredArtist]:
        """Artists closest to one artist by co-listening, then shared tags."""
        aff = self.signals.artist_affinity([artist])
        score = W_COLISTEN * aff.colisten + W_TAGS * aff.tags + 0.05 * self.signals.catalog.artist_popularity
        score[artist] = -np.inf
        if exclude:
            score[list(exclude)] = -np.inf
        k = min(count, self.catalog.n_artists - 1)
        top = np.argpartition(-score, k)[:k] if k < score.size else np.arange(score.size)
        top = top[np.argsort(-score[top], kind="stable")]
        seed_name = self.catalog.artist(artist).name
        out = []
        for a in top:
            if not np.isfinite(score[a]) or score[a] <= 0:
                continue
            reasons = []
            if aff.colisten[a] > 0:
                reasons.append(Reason("colisten", f"shares listeners with {seed_name}", float(aff.colisten[a])))
            if aff.tags[a] > 0:
                text = explain.shared_tags_reason(seed_name, self._shared_tags(int(a), artist))
                reasons.append(Reason("tag", text, float(aff.tags[a])))
            out.append(ScoredArtist(int(a), float(score[a]), tuple(reasons)))
        return out

    # -- constraints ---------------------------------------------------------------------------------------------

    def _constraint_mask(
        self, query: Query, personal: Personal | None, exclude_tracks: Sequence[int]
    ) -> NDArray[np.bool_]:
        sig = self.signals
        mask = np.ones(self.catalog.n_tracks, dtype=bool)
        if query.year_min is not None:
            mask &= sig.year >= query.year_min
        if query.year_max is not None:
            mask &= (sig.year <= query.year_max) & (sig.year > 0)
        if query.features:
            mask &= sig.feature_mask(query.features)
        excluded_cols = [c for g in query.exclude_genres for c in self._exclude_columns(g)]
        if excluded_cols:
            mask &= ~sig.tag_mask(excluded_cols)
        banned_artists = [a.index for a in query.exclude_artists]
        banned_artists += [a.index for a in query.seed_artists]
        if personal:
            banned_artists += list(personal.disliked_artists) + list(personal.blocked_artists)
        if banned_artists:
            mask &= ~np.isin(sig.track_artist, np.asarray(banned_artists, dtype=np.int32))
        banned_tracks = list(exclude_tracks) + [t.index for t in query.seed_tracks]
        if personal:
            banned_tracks += list(personal.liked_tracks) + list(personal.disliked_tracks) + list(personal.known_tracks)
        if banned_tracks:
            mask[np.asarray(banned_tracks, dtype=np.int64)] = False
        if query.novelty is Novelty.DEEP:
            mask &= sig.popularity <= DEEP_POPULARITY_CAP
        return mask

    def _seed_artists(self, query: Query, personal: Personal | None) -> list[int]:
        seeds: list[int] = []
        for ref in query.seed_artists:
            seeds.append(ref.index)
        for ref in query.seed_tracks:
            seeds.append(int(self.signals.track_artist[ref.index]))
        if personal:
            seeds += list(personal.liked_artists)
            seeds += [int(self.signals.track_artist[t]) for t in personal.liked_tracks]
        return list(dict.fromkeys(seeds))

    def _requested_genre_columns(self, query: Query) -> list[int]:
        return list(dict.fromkeys(c for g in query.genres for c in self._genre_columns(g)))

    # -- selection -----------------------------------------------------------------------------------------------

    def _diversify(self, order: NDArray[np.intp], total: FloatArray, count: int, query: Query) -> list[int]:
        """Greedy MMR: score minus a redundancy penalty; hard caps on artist repeats and song versions."""
        sig = self.signals
        chosen: list[int] = []
        per_artist: dict[int, int] = {}
        titles = {self.catalog.base_title(t.index) + "\x1f" + self._artist_key(t.index) for t in query.seed_tracks}
        remaining = list(order)
        while remaining and len(chosen) < count:
            best_pos, best_value = -1, -np.inf
            for pos, idx in enumerate(remaining[: max(count * 6, 60)]):
                artist = int(sig.track_artist[idx])
                if per_artist.get(artist, 0) >= self.max_per_artist:
                    continue
                penalty = 0.15 * per_artist.get(artist, 0)
                if chosen and sig.has_features[idx]:
                    sims = [
                        float(np.exp(-0.5 * np.sum((sig.z[idx] - sig.z[c]) ** 2) / sig.z.shape[1]))
                        for c in chosen[-4:]
                        if sig.has_features[c]
                    ]
                    penalty += 0.1 * max(sims, default=0.0)
                value = float(total[idx]) - penalty
                if value > best_value:
                    best_pos, best_value = pos, value
            if best_pos < 0:
                remaining = [i for i in remaining if per_artist.get(int(sig.track_artist[i]), 0) < self.max_per_artist]
                if not remaining:
                    break
                continue
            idx = int(remaining.pop(best_pos))
            key = self.catalog.base_title(idx) + "\x1f" + self._artist_key(idx)
            if key in titles:
                continue
            titles.add(key)
            chosen.append(idx)
            artist = int(sig.track_artist[idx])
            per_artist[artist] = per_artist.get(artist, 0) + 1
        return chosen

    def _artist_key(self, track: int) -> str:
        return artist_key(self.catalog.artist(int(self.signals.track_artist[track])).name)

    # -- reasons -------------------------------------------------------------------------------------------------

    def _reasons(self, idx: int, scoring: _Scoring, query: Query) -> tuple[Reason, ...]:
        sig = self.signals
        contributions = {
            name: scoring.weights[name] * float(values[idx]) for name, values in scoring.components.items()
        }
        reasons: list[Reason] = []
        feats = self.catalog.features[idx]
        values = {name: (None if np.isnan(feats[i]) else float(feats[i])) for i, name in enumerate(FEATURE_NAMES)}
        year = int(sig.year[idx]) or None
        if query.genres and scoring.genre_which is not None and scoring.genre_which[idx] >= 0:
            genre = self.catalog.tag_names[int(scoring.genre_which[idx])]
            era = query.year_min is not None or query.year_max is not None
            reasons.append(Reason("genre", explain.genre_reason(genre, year, era), contributions.get("genre", 0.0)))
        elif (query.year_min is not None or query.year_max is not None) and year:
            reasons.append(Reason("era", f"from {year}", 0.0))
        if query.features:
            # Group the ranges by the words that asked for them; label each group with its mood word.
            for because in dict.fromkeys(r.because for r in query.features):
                label = next((m for m in query.moods if m in because), because) or "mood"
                ranges = [r for r in query.features if r.because == because]
                text = explain.mood_reason(label, ranges, values)
                if text:
                    reasons.append(Reason("mood", text, contributions.get("mood", 0.0)))
                    break
        ranked = sorted(
            (
                (v, name)
                for name, v in contributions.items()
                if name in {"colisten", "tags", "sound", "track_tags"} and v > 0.05
            ),
            reverse=True,
        )
        for value, name in ranked[:2]:
            reason = self._seed_reason(name, idx, scoring, value)
            if reason is not None and all(r.text != reason.text for r in reasons):
                reasons.append(reason)
        if query.novelty is not Novelty.BALANCED or not reasons:
            pop = float(sig.popularity[idx])
            reasons.append(Reason("popularity", explain.popularity_reason(pop, query.novelty is Novelty.DEEP), pop))
        return tuple(reasons[:3])

    def _seed_reason(self, name: str, idx: int, scoring: _Scoring, value: float) -> Reason | None:
        artist = int(self.signals.track_artist[idx])
        aff = scoring.affinity
        if name == "colisten" and aff is not None and aff.colisten_seed[artist] >= 0:
            seed = int(aff.colisten_seed[artist])
            return Reason("colisten", f"shares listeners with {scoring.seed_names.get(seed, '?')}", value)
        if name == "tags" and aff is not None and aff.tags_seed[artist] >= 0:
            seed = int(aff.tags_seed[artist])
            text = explain.shared_tags_reason(scoring.seed_names.get(seed, "?"), self._shared_tags(artist, seed))
            return Reason("tag", text, value)
        if name == "sound" and scoring.sound_seed:
            feats = self.catalog.features[idx]
            shown = [
                explain.feature_phrase(f, float(feats[i]))
                for i, f in enumerate(FEATURE_NAMES)
                if f in {"energy", "danceability", "acousticness"} and not np.isnan(feats[i])
            ]
            return Reason("content", f"sounds like {scoring.sound_seed}: {', '.join(shown[:2])}", value)
        if name == "track_tags":
            tags = [self.catalog.tag_names[c] for c in self.catalog.track_tags[idx].indices[:2]]
            return Reason("tag", f"same style: {', '.join(tags)}", value) if tags else None
        return None

    def _shared_tags(self, artist: int, seed: int) -> list[str]:
        a = self.signals.artist_tags_csr[artist]
        s = self.signals.artist_tags_csr[seed]
        common = np.intersect1d(a.indices, s.indices)
        if common.size == 0:
            return []
        weights = np.asarray(a[:, common].toarray()).ravel() * np.asarray(s[:, common].toarray()).ravel()
        top = common[np.argsort(-weights)[:2]]
        return [self.catalog.tag_names[int(c)] for c in top]
