"""Per-item scoring signals computed over whole catalog arrays at once (numpy, no Python loops over items).

Each signal returns an array aligned with tracks or artists plus enough provenance (which seed caused it) for the
explanation step to say truthfully why an item ranked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, reduce
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from segue.catalog.csr import CsrArrays, RowProducts, SparseRows, any_in_columns, column_entries, columns_max
from segue.catalog.feature_scale import feature_scale
from segue.catalog.tags import listener_columns
from segue.domain import FEATURE_NAMES, FeatureRange
from segue.engine.index import DEFAULT_ANN_THRESHOLD, VectorIndex, build_index
from segue.engine.neighbours import NeighbourTables
from segue.engine.protocols import CatalogView

FloatArray = NDArray[np.float32]
IntArray = NDArray[np.int32]
FEATURE_COLUMN = {name: i for i, name in enumerate(FEATURE_NAMES)}
ARTIST_TOP_TAGS = 5
"""An artist counts as "a rap artist" only when rap is among its five strongest tags (one stray user tag of
"jazz" on Adele must not make her jazz)."""
ARTIST_MIN_TAG_WEIGHT = 0.12


REQUEST_CACHE = 16
"""Distinct moods, genres or feature bounds whose per-track arrays stay cached (a few hundred KB each): requests
repeat the same few words, and each array costs a pass over every track."""

ArrayT = TypeVar("ArrayT", bound=NDArray[np.generic])


def read_only(array: ArrayT) -> ArrayT:
    """A cached array, shared by every request: writing to it would change the next answer, so it raises."""
    array.setflags(write=False)
    return array


MIN_BAND = {"tempo": 20.0, "loudness": 4.0}
"""Narrowest band a combination of moods may leave on a feature (0..1 features: `MIN_BAND_UNIT`)."""
MIN_BAND_UNIT = 0.15


def combined_bounds(ranges: Sequence[FeatureRange]) -> dict[str, tuple[float | None, float | None]]:
    """Intersect every mood's bounds per feature; when moods pull apart ("rainy" wants energy <= 0.55, "night
    drive" >= 0.5), widen the sliver around its centre to a minimum band instead of keeping 0.50-0.55 or nothing.
    """
    bounds: dict[str, tuple[float | None, float | None]] = {}
    for r in ranges:
        if r.low is None and r.high is None:
            continue
        low, high = bounds.get(r.feature, (None, None))
        low = r.low if low is None else (low if r.low is None else max(low, r.low))
        high = r.high if high is None else (high if r.high is None else min(high, r.high))
        bounds[r.feature] = (low, high)
    for feature, (low, high) in bounds.items():
        band = MIN_BAND.get(feature, MIN_BAND_UNIT)
        # A band asked for as narrow as it is ('between 120 and 125 bpm') is kept; only moods pulling apart widen.
        narrow = [
            r
            for r in ranges
            if r.feature == feature and r.low is not None and r.high is not None and r.high - r.low < band
        ]
        if narrow:
            empty = low is not None and high is not None and low > high
            bounds[feature] = (narrow[0].low, narrow[0].high) if empty else (low, high)
        elif low is not None and high is not None and high - low < band:
            centre = (low + high) / 2
            bounds[feature] = (centre - band / 2, centre + band / 2)
    return bounds


def top_tags_per_row(matrix: SparseRows, k: int, min_weight: float = ARTIST_MIN_TAG_WEIGHT) -> CsrArrays:
    """Keep each row's k largest entries that reach `min_weight` (vectorized rank within row)."""
    m = CsrArrays.of(matrix, np.float32).sorted_by_column()
    rows = m.row_ids()
    if m.data.size and (m.data > 0).all():
        # One stable sort of (row, weight descending) as an int64 (a positive float32's bits order as it does): the
        # same order as the lexsort below, ties included, ~6x faster at every start (16 -> 2.5 ms on 117k tags).
        key = (rows.astype(np.int64) << 32) | (0x7FFFFFFF - m.data.view(np.int32)).astype(np.int64)
        order = np.argsort(key, kind="stable")
    else:
        order = np.lexsort((-m.data, rows))
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size) - np.asarray(m.indptr)[rows[order]]
    keep = (rank < k) & (m.data >= min_weight) & (m.data != 0)
    return m.kept(keep)


def title_forms(word: str) -> set[str]:
    """A topic word as titles may write it: 'trucks' and 'truck', 'memories' and 'memory', 'paris' as is."""
    forms = {word, word + "s", word + "es"}
    if len(word) > 4 and word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    return forms


UNHEARD_TAGS = 0.5
"""Share of the tag likeness an artist no listener or chart knows keeps (see `artist_affinity`)."""
HEARD_OF = 0.3
"""Artist popularity (0..1) from which an artist without co-listening is known: a charting artist, not a netlabel
one (their popularity is a damped guess near 0)."""
BORROWED_STYLE = 0.5
"""Weight of tag likeness where a seed's or a candidate's style is borrowed (an artist known only by playlist
labels, its style lent by co-playlist neighbours)."""
LONE_VOTE_SHARE = 0.5
"""Share of its weight that a tag only one Last.fm listener gave an artist keeps as mood evidence (`heard_tags`)."""


@dataclass(frozen=True, slots=True)
class ArtistAffinity:
    """How close every artist is to a set of seed artists, by co-listening, co-playlisting and shared tags."""

    colisten: FloatArray
    colisten_seed: IntArray
    tags: FloatArray
    tags_seed: IntArray
    playlists: FloatArray
    playlists_seed: IntArray


class CatalogSignals:
    """Precomputed views of a catalog (standardized features, column-major tags) shared by every request."""

    def __init__(self, catalog: CatalogView, *, ann_threshold: int = DEFAULT_ANN_THRESHOLD, ann_k: int = 2000) -> None:
        self.catalog = catalog
        feats = np.asarray(catalog.features, dtype=np.float32)
        self.features: FloatArray = feats
        """Raw features as a plain array (memmap indexing costs far more per access; this is a view)."""
        known = ~np.isnan(feats)
        # Worked out with the catalog (`catalog.feature_scale`); a catalog that does not keep it (tests' stand-ins)
        # gets the same rows here.
        kept = getattr(catalog, "feature_scale", None)
        scale = np.array(kept if kept is not None else feature_scale(feats), dtype=np.float32)
        mean, std = scale[0], scale[1]
        self.feature_mean = mean
        self.feature_std = std
        self.z: FloatArray = np.where(known, (feats - mean) / std, 0.0).astype(np.float32)
        self.known = known
        self.z_sq: FloatArray = np.einsum("ij,ij->i", self.z, self.z).astype(np.float32)
        self.has_features: NDArray[np.bool_] = np.asarray(known.all(axis=1), dtype=bool)
        # As numpy's own index type: every request gathers artist arrays through it, and an int32 index is converted
        # on each gather.
        self.track_artist: NDArray[np.intp] = np.asarray(catalog.track_artist, dtype=np.intp)
        self.year: NDArray[np.int16] = np.asarray(catalog.track_song_year, dtype=np.int16)
        """The song's year, which eras read (a late remaster's release date is not it: `catalog.years`)."""
        self.seasonal: NDArray[np.bool_] = np.asarray(catalog.track_seasonal, dtype=bool)
        track_pop = np.asarray(catalog.track_popularity, dtype=np.float32)
        artist_pop = np.asarray(catalog.artist_popularity, dtype=np.float32)
        # Tracks without a popularity figure (Creative Commons releases) borrow a damped artist popularity.
        self.measured: NDArray[np.bool_] = read_only(~np.isnan(track_pop))
        """Tracks with a popularity figure of their own (the charts'), not one borrowed from the artist."""
        self.popularity: FloatArray = np.where(
            np.isnan(track_pop), 0.5 * artist_pop[self.track_artist], track_pop
        ).astype(np.float32)
        self.artist_popularity: FloatArray = read_only(np.nan_to_num(artist_pop).astype(np.float32))
        """Per artist, how known it is (0..1, 0 when unknown)."""
        self.artist_renown: FloatArray = np.nan_to_num(artist_pop[self.track_artist]).astype(np.float32)
        """Per track, how known its artist is (0..1): 'less mainstream' is about artists, not B-sides."""
        # Tag matrices as plain CSR arrays, a matrix by column as its transpose's (`segue.catalog.csr`: no scipy); the
        # views by column are built when a request first reads them (`track_tags_csc` and the others below).
        self.artist_tags_csr: CsrArrays = CsrArrays.of(catalog.artist_tags, np.float32)
        self.artist_songs: NDArray[np.int64] = read_only(np.bincount(self.track_artist, minlength=catalog.n_artists))
        """Per artist, the tracks it is the artist of."""
        self.track_artists: NDArray[np.int64] = np.flatnonzero(self.artist_songs > 0)
        self.listener_column: NDArray[np.bool_] = listener_columns(list(catalog.tag_names))
        self.listener_tagged: NDArray[np.bool_] = any_in_columns(self.artist_tags_csr, self.listener_column)
        """Artists with tags of their own beyond the playlist labels (Last.fm tags, release styles)."""
        self.style_csr: CsrArrays = CsrArrays.of(catalog.artist_style, np.float32)
        self.family: IntArray = np.asarray(catalog.artist_family, dtype=np.int32)
        """Each artist's family head ('Bob Marley & The Wailers' -> 'Bob Marley'): one artist to the engine."""
        self.track_family: IntArray = self.family[self.track_artist]
        # Tracks grouped by family head, so a family's tracks are a slice rather than a pass over the catalog.
        self._by_family: NDArray[np.intp] = np.argsort(self.track_family, kind="stable")
        self._family_start: NDArray[np.intp] = np.searchsorted(
            self.track_family[self._by_family], np.arange(catalog.n_artists + 1)
        )
        self.neighbours = NeighbourTables(catalog)
        self.has_colisten: NDArray[np.bool_] = np.asarray(catalog.artist_neighbors[:, 0] >= 0, dtype=bool)
        self.heard_of: NDArray[np.bool_] = self.has_colisten | (np.nan_to_num(artist_pop) >= HEARD_OF)
        """Artists someone co-listened or a chart ranked: known beyond their own tags."""
        # The two per-artist discounts of a shared-tags score as factors (1 where none applies), so a request
        # multiplies in place instead of building two `np.where` copies over every artist.
        self._unheard_factor: FloatArray = np.where(self.heard_of, 1.0, UNHEARD_TAGS).astype(np.float32)
        self._borrowed_factor: FloatArray = np.where(self.listener_tagged, 1.0, BORROWED_STYLE).astype(np.float32)
        # Sound similarity scans every track while that stays within budget; above the measured threshold it asks
        # an HNSW index for the nearest `ann_k` tracks and treats the rest as dissimilar.
        self.feature_rows: NDArray[np.int64] = np.flatnonzero(self.has_features)
        self._feature_z: FloatArray = np.ascontiguousarray(self.z[self.feature_rows])
        self._feature_z_sq: FloatArray = self.z_sq[self.feature_rows]
        self.ann_k = ann_k
        self.ann: VectorIndex | None = None
        if self.feature_rows.size > ann_threshold:
            self.ann = build_index(self.z[self.feature_rows], threshold=ann_threshold)
        self._feature_masks = lru_cache(maxsize=REQUEST_CACHE)(self._feature_mask)
        self._mood_scores = lru_cache(maxsize=REQUEST_CACHE)(self._mood_score)
        self._seed_profiles = lru_cache(maxsize=REQUEST_CACHE)(self._seed_profile)

    # -- artists -------------------------------------------------------------------------------------------------

    def artist_affinity(
        self,
        seeds: Sequence[int],
        weights: Sequence[float] | None = None,
        *,
        tracks_only: bool = False,
        playlisted: bool = False,
    ) -> ArtistAffinity:
        """Max over seeds of neighbour scores (each seed's list scaled so its best neighbour is 1).

        `tracks_only` computes the tag cosine only for artists that have tracks (half the artists): enough when
        the answer is tracks, and ~0.1 ms cheaper per request. `playlisted` lets co-playlisting speak for seeds
        listeners co-listened too (their co-listened artists are mostly out of the answer).
        """
        n = self.catalog.n_artists
        base = np.ones(len(seeds), dtype=np.float32) if weights is None else np.asarray(weights, dtype=np.float32)
        picked = np.asarray(seeds, dtype=np.intp)
        trust = self.neighbours.colisten_trust[picked]  # a row few listeners made cedes to the seed's playlists
        colisten, colisten_seed = _best_over_seeds(*self.neighbours.colisten, seeds, (base * trust).tolist(), n)
        # A style borrowed from co-playlist neighbours is a guess: The Weeknd's ('soul, pop rock, ballad', from the
        # chart acts beside him) made Meghan Trainor and Charlie Puth his closest artists. It counts BORROWED_STYLE.
        own = np.where(self.listener_tagged[picked], 1.0, BORROWED_STYLE)
        tag_weights = (base * own).tolist()
        tags, tags_seed = _best_over_seeds(*self.neighbours.tags, seeds, tag_weights, n)
        tag_cos = self.artist_tag_cosine(seeds, tracks_only=tracks_only)
        if own.min() < 1.0:  # the seeds' summed profile: as trusted as the share of its seeds with a style of their own
            tag_cos = tag_cos * np.float32(own.mean())
        # Co-listening alone favours whatever everybody plays (Radiohead for Daft Punk fans); scaling it by style
        # agreement keeps "shares listeners" for artists that also sound alike.
        top_cos = _max_except(tag_cos, seeds)
        agreement: FloatArray | None = None
        if top_cos > 0:  # in place, the same float32 steps as `0.35 + 0.65 * clip(tag_cos / top_cos, 0, 1)`
            agreement = tag_cos / np.float32(top_cos)
            np.clip(agreement, 0.0, 1.0, out=agreement)
            agreement *= np.float32(0.65)
            agreement += np.float32(0.35)
            colisten *= agreement
        broad = np.float32(0.7) * tag_cos
        broader = broad > tags
        np.copyto(tags, broad, where=broader)
        # In place: `tags_seed` is this request's own array.
        np.copyto(tags_seed, np.int32(seeds[0]), where=broader if len(seeds) == 1 else broader & (tags_seed < 0))
        # Co-playlisting speaks in full for seeds no listener co-listened (artists newer than HetRec): beside a
        # co-listening row it pulled in whatever shared a decade playlist (Stevie Wonder lost to Labi Siffre for
        # Earth, Wind & Fire; EVALUATION.md, realistic requests). Beside a row few listeners made it speaks for the
        # share that row cedes, as far as the seed's playlists are many.
        colistened = self.has_colisten[picked]
        stand_in = base * (1.0 - trust) * self.neighbours.playlist_trust[picked]
        # A seed on one playlist only shares it with whoever else sat there: that row speaks as far as its playlists
        # are many ('like tate mcrae' was the unknown acts of her one playlist).
        alone = base * np.where(self.listener_tagged[picked], 1.0, self.neighbours.playlist_trust[picked])
        pl_weights = base if playlisted else np.where(colistened, stand_in, alone)
        playlists, playlists_seed = _best_over_seeds(*self.neighbours.playlists, seeds, pl_weights.tolist(), n)
        beside = playlisted or bool((colistened & (trust < 1.0)).any())
        if beside and agreement is not None:  # beside co-listening, a playlist neighbour must sound alike too
            playlists *= agreement
        # Shared tags of an artist nobody listens to or charts (a netlabel release filed 'jazz, easy listening') are
        # two words, not a likeness heard: they count UNHEARD_TAGS ("like Frank Sinatra" led with netlabel jazz).
        tags *= self._unheard_factor
        # A candidate's borrowed style is as much a guess as a seed's: PRETTYMUCH shared Dolly Parton's tags only
        # through the country acts beside them on a playlist.
        tags *= self._borrowed_factor
        for seed in seeds:
            colisten[seed] = tags[seed] = playlists[seed] = 0.0
        return ArtistAffinity(colisten, colisten_seed, tags, tags_seed, playlists, playlists_seed)

    def family_of(self, artists: Sequence[int]) -> NDArray[np.bool_]:
        """Per artist: True when it shares a family with any of `artists` (the artists themselves included)."""
        heads = np.zeros(self.catalog.n_artists, dtype=bool)
        heads[self.family[np.asarray(artists, dtype=np.intp)]] = True
        return heads[self.family]

    def family_tracks(self, artists: Sequence[int]) -> NDArray[np.intp]:
        """The tracks of every family `artists` belong to: where `family_of(artists)[track_artist]` is True."""
        heads = np.sort(self.family[np.asarray(artists, dtype=np.intp)])
        heads = heads[np.diff(heads, prepend=-1) != 0]  # np.unique's answer; np.unique imports numpy.ma (~8 ms)
        starts, ends = self._family_start[heads], self._family_start[heads + 1]
        lengths = ends - starts
        positions = np.arange(int(lengths.sum())) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        tracks: NDArray[np.intp] = self._by_family[positions]
        return tracks

    def songs_of(self, artist: int) -> NDArray[np.int32]:
        """The artist's own songs (most popular first), else its family's: a seed's sound for 'chill reggae like bob
        marley', whose songs are all filed under Bob Marley & The Wailers."""
        own = np.asarray(self.catalog.tracks_of(artist), dtype=np.int32)
        return own if own.size else self.family_tracks([artist]).astype(np.int32)

    def seed_tag_profile(self, seeds: Sequence[int]) -> FloatArray | None:
        """The seeds' summed style vector (tags, borrowed ones included), unit length (None without tags); cached
        and read-only: a seeded request reads it twice, for the artists' and for the tracks' tag likeness."""
        return self._seed_profiles(tuple(seeds))

    def _seed_profile(self, seeds: tuple[int, ...]) -> FloatArray | None:
        if not seeds:
            return None
        # The rows' entries straight from the CSR arrays (scipy's row indexing and sum cost most of a seeded
        # request's profile); `np.add.at` adds them seed by seed, in the order the sum did.
        columns, values, _ = column_entries(self.style_csr, seeds)
        profile = np.zeros(self.style_csr.shape[1], dtype=np.float32)
        np.add.at(profile, columns, values)
        norm = float(np.linalg.norm(profile))
        return read_only(profile / norm) if norm > 0 else None

    def style_cosine_without(self, seeds: Sequence[int], columns: Sequence[int]) -> FloatArray | None:
        """Per artist, the cosine with the seeds' style vector leaving these columns out of it (a place: what the
        seeds sound like, not where they are from); None when nothing is left."""
        profile = self.seed_tag_profile(seeds)
        if profile is None:
            return None
        kept = profile.copy()
        kept[np.asarray(columns, dtype=np.intp)] = 0.0
        norm = float(np.linalg.norm(kept))
        return np.asarray(self._style_products(kept / norm), dtype=np.float32) if norm > 0 else None

    def artist_tag_cosine(self, seeds: Sequence[int], *, tracks_only: bool = False) -> FloatArray:
        """Cosine between every artist's tag vector and the seeds' summed tag vector."""
        out = np.zeros(self.catalog.n_artists, dtype=np.float32)
        profile = self.seed_tag_profile(seeds)
        if profile is None:
            return out
        if tracks_only:
            out[self.track_artists] = np.asarray(self._track_artist_style(profile), dtype=np.float32)
            return out
        return np.asarray(self._style_products(profile), dtype=np.float32)

    # -- views some requests read, built on the first that does: a one-shot `segue ask` builds only its own (a
    # seeded request one of these five, ~11 ms less of its start: BENCHMARKS.md, issue 14)

    @cached_property
    def track_tags_csc(self) -> CsrArrays:
        return CsrArrays.of(self.catalog.track_tags, np.float32).transposed()

    @cached_property
    def artist_tags_csc(self) -> CsrArrays:
        return self.artist_tags_csr.transposed()

    @cached_property
    def artist_top_tags_csc(self) -> CsrArrays:
        return top_tags_per_row(self.artist_tags_csr, ARTIST_TOP_TAGS).transposed()

    @cached_property
    def _style_csc(self) -> CsrArrays:
        return self.style_csr.transposed()

    @cached_property
    def styled(self) -> NDArray[np.bool_]:
        """Per track: its artist has a style (listener tags, own or borrowed from co-playlist neighbours)."""
        return any_in_columns(self.style_csr, self.listener_column)[self.track_artist]

    @cached_property
    def _style_products(self) -> RowProducts:
        """`style_csr @ vector`, with scipy's float32 sums (built on the first seeded request)."""
        return RowProducts(self.style_csr)

    @cached_property
    def _track_artist_style(self) -> RowProducts:
        """`style_csr @ vector` for the artists that have tracks only (`track_artists`, in that order)."""
        return RowProducts(self.style_csr.rows(self.track_artists))

    @cached_property
    def _track_tag_products(self) -> RowProducts:
        return RowProducts(self.catalog.track_tags)

    def track_tag_likeness(self, style: FloatArray) -> NDArray[np.floating]:
        """Per track: its own tags (the catalog's values, as stored) times a style vector, summed as scipy does."""
        return self._track_tag_products(style)

    def track_tag_profile(self, tracks: Sequence[int]) -> FloatArray:
        """The tracks' tag rows summed, track by track in order (scipy's `track_tags[tracks].sum(axis=0)`)."""
        m = self.catalog.track_tags
        columns, values, _ = column_entries(m, tracks, dtype=None)
        profile = np.zeros(m.shape[1], dtype=np.result_type(m.data.dtype, np.float32))
        np.add.at(profile, columns, values)
        return np.asarray(profile, dtype=np.float32)

    # -- tracks --------------------------------------------------------------------------------------------------

    def feature_similarity(self, target_z: FloatArray) -> FloatArray:
        """Gaussian similarity in standardized feature space; 0 for tracks without features."""
        if self.ann is not None:
            ids, dist2 = self.ann.search(target_z, min(self.ann_k, len(self.ann)))
            found = ids[0] >= 0
            sim = np.zeros(self.catalog.n_tracks, dtype=np.float32)
            sim[self.feature_rows[ids[0][found]]] = np.exp(-0.5 * dist2[0][found] / self.z.shape[1])
            return sim
        # |z - t|^2 = |z|^2 - 2 z.t + |t|^2: one BLAS mat-vec instead of an (n, d) temporary, over the tracks with
        # features only (the others are 0 anyway).
        t = np.asarray(target_z, dtype=np.float32)
        dist2 = np.maximum(self._feature_z_sq - 2.0 * (self._feature_z @ t) + float(t @ t), 0.0)
        sim = np.zeros(self.catalog.n_tracks, dtype=np.float32)
        sim[self.has_features] = np.exp(-0.5 * (dist2 * np.float32(1.0 / self.z.shape[1])))  # rows in order
        return sim

    def centroid_z(self, tracks: Sequence[int] | NDArray[np.int32]) -> FloatArray | None:
        """Mean standardized features of the given tracks that have features."""
        idx = np.asarray(tracks, dtype=np.int64)
        idx = idx[self.has_features[idx]] if idx.size else idx
        if idx.size == 0:
            return None
        return np.asarray(self.z[idx].mean(axis=0), dtype=np.float32)

    def artist_tag_row(self, artist: int, *, own: bool = False) -> tuple[IntArray, FloatArray]:
        """Style columns and weights of one artist, read straight from the CSR arrays (no scipy indexing); `own`:
        only the artist's own tags, without those a label-only artist borrows from its playlist neighbours."""
        m = self.artist_tags_csr if own else self.style_csr
        start, end = int(m.indptr[artist]), int(m.indptr[artist + 1])
        return np.asarray(m.indices[start:end], dtype=np.int32), np.asarray(m.data[start:end], dtype=np.float32)

    def tag_columns_score(self, columns: Sequence[int]) -> tuple[FloatArray, IntArray]:
        """Best track-level weight over the given tag columns, plus the artist-level fallback; and which column.

        Vectorized over all columns at once: "rock" expands to ~140 tag columns, and a Python loop over them was
        the slowest part of a genre request (~1.4 ms).
        """
        best, which = columns_max(self.track_tags_csc, columns, self.catalog.n_tracks)
        artist_best, artist_which = columns_max(self.artist_top_tags_csc, columns, self.catalog.n_artists)
        # An artist strongly tagged with the genre lends it (at 60%) to tracks that carry no genre of their own.
        lent = 0.6 * artist_best[self.track_artist]
        use_artist = (best == 0) & (lent > 0)
        best = np.where(use_artist, lent, best).astype(np.float32)
        which = np.where(use_artist, artist_which[self.track_artist], which).astype(np.int32)
        return best, which

    @cached_property
    def _heard_tags_csc(self) -> CsrArrays:
        """`heard_tags` by column, built on the first mood request (most requests name no mood)."""
        return heard_tags(self.artist_tags_csr, self.catalog).transposed()

    def heard_tag_weight(self, columns: Sequence[int]) -> FloatArray:
        """`artist_tag_weight` with a tag only one listener gave the artist at `LONE_VOTE_SHARE` of its weight: what
        the artist is heard as, for mood evidence."""
        best, _ = columns_max(self._heard_tags_csc, columns, self.catalog.n_artists)
        return np.asarray(best[self.track_artist], dtype=np.float32)

    @cached_property
    def _votes_csc(self) -> tuple[CsrArrays, FloatArray] | None:
        """The listener vote counts by column and each artist's most-voted count, built on the first 'no pop'
        (None for a catalog without the counts: an older build, a test's)."""
        votes = getattr(self.catalog, "artist_tag_votes", None)
        if votes is None:
            return None
        rows = CsrArrays.of(votes, np.float32)
        top = np.zeros(rows.shape[0], dtype=np.float32)  # each row's largest count (counts are positive)
        np.maximum.at(top, rows.row_ids(), rows.data)
        return rows.transposed(), top

    def voted_share(self, columns: Sequence[int]) -> FloatArray:
        """Per track: its artist's listener votes for the tags as a share of the artist's most-voted tag (0 when
        none). Listeners call Justin Bieber 'pop' first (12 votes), while the label 'pop' weighs 0.20 among his
        playlist labels."""
        votes = self._votes_csc
        if votes is None or not columns:
            return np.zeros(self.catalog.n_tracks, dtype=np.float32)
        best, _ = columns_max(votes[0], columns, self.catalog.n_artists)
        share = np.divide(best, votes[1], out=np.zeros_like(best), where=votes[1] > 0)
        return np.asarray(share[self.track_artist], dtype=np.float32)

    def track_tag_weight(self, columns: Sequence[int]) -> FloatArray:
        """Per track: its own largest weight over the given tags (0 when none), nothing lent by its artist."""
        best, _ = columns_max(self.track_tags_csc, columns, self.catalog.n_tracks)
        return np.asarray(best, dtype=np.float32)

    def artist_tag_weight(self, columns: Sequence[int]) -> FloatArray:
        """Per track: its artist's largest weight over the given tags, at any rank (0 when none).

        A modifier ('german' in "german rap", 'sad' as listener evidence) is rarely among an artist's five
        strongest tags, yet a 0.2 weight from many listeners still says it; `tag_mask` would miss it.
        """
        best, _ = self.artist_weight_any_rank(columns)
        return np.asarray(best[self.track_artist], dtype=np.float32)

    def artist_weight_any_rank(self, columns: Sequence[int]) -> tuple[FloatArray, IntArray]:
        """Per artist: its largest weight over the given tags (0 when none), and the tag holding it (-1)."""
        return columns_max(self.artist_tags_csc, columns, self.catalog.n_artists)

    def style_weight(self, columns: Sequence[int]) -> FloatArray:
        """Per track: its artist's largest style weight over the given tags (0 when none): `artist_tag_weight`
        with the tags a label-only artist borrows from its co-playlist neighbours."""
        if not columns:
            return np.zeros(self.catalog.n_tracks, dtype=np.float32)
        best, _ = columns_max(self._style_csc, columns, self.catalog.n_artists)
        return np.asarray(best[self.track_artist], dtype=np.float32)

    def lasting(self, low: int | None, high: int | None) -> NDArray[np.bool_]:
        """Tracks whose known length lies within the bounds, in seconds (an unknown length is never within)."""
        seconds = np.asarray(self.catalog.track_seconds)
        mask = seconds > 0
        if low is not None:
            mask &= seconds >= low
        if high is not None:
            mask &= seconds <= high
        return mask

    def tag_mask(self, columns: Sequence[int]) -> NDArray[np.bool_]:
        """Tracks carrying any of the tags, directly or through an artist for whom it is a top tag."""
        artist_mask = np.zeros(self.catalog.n_artists, dtype=bool)
        artist_mask[column_entries(self.artist_top_tags_csc, columns)[0]] = True
        return self.tracks_tagged(columns) | artist_mask[self.track_artist]

    @property
    def artist_began(self) -> NDArray[np.int16]:
        """Per artist, the year it began (the catalog's `artist_began_years`; 0 when unknown: never 'newer')."""
        return self.catalog.artist_began_years

    @cached_property
    def _title_words(self) -> dict[str, NDArray[np.int32]]:
        """Title word -> the tracks whose base title holds it, built on the first 'songs about ...' request."""
        words: dict[str, list[int]] = {}
        for i, key in enumerate(self.catalog.title_keys()):
            for word in set(key.split()):
                words.setdefault(word, []).append(i)
        return {w: np.asarray(found, dtype=np.int32) for w, found in words.items()}

    def titled(self, topics: Sequence[str]) -> FloatArray:
        """1.0 for tracks whose title holds a topic word, singular or plural ('trucks': 'Truck Stop'), or every word
        of a topic in several ('new york': 'Englishman In New York'), else 0."""
        hit = np.zeros(self.catalog.n_tracks, dtype=np.float32)
        for topic in topics:
            if " " in topic:
                parts = [self._title_words.get(w) for w in topic.split()]
                if all(p is not None for p in parts):
                    hit[reduce(np.intersect1d, [np.asarray(p) for p in parts if p is not None])] = 1.0
                continue
            for word in title_forms(topic):
                if (found := self._title_words.get(word)) is not None:
                    hit[found] = 1.0
        return hit

    def tracks_tagged(self, columns: Sequence[int]) -> NDArray[np.bool_]:
        """Tracks that carry any of the tags themselves (not through their artist)."""
        mask = np.zeros(self.catalog.n_tracks, dtype=bool)
        mask[column_entries(self.track_tags_csc, columns)[0]] = True
        return mask

    def feature_mask(self, ranges: Sequence[FeatureRange]) -> NDArray[np.bool_]:
        """Tracks whose known features satisfy every feature's combined bounds (unknown values fail a bound);
        cached, read-only."""
        return self._feature_masks(tuple(ranges))

    def _feature_mask(self, ranges: tuple[FeatureRange, ...]) -> NDArray[np.bool_]:
        mask = np.ones(self.catalog.n_tracks, dtype=bool)
        for feature, (low, high) in combined_bounds(ranges).items():
            col = self.features[:, FEATURE_COLUMN[feature]]
            ok = ~np.isnan(col)
            if low is not None:
                ok &= col >= low
            if high is not None:
                ok &= col <= high
            mask &= ok
        return read_only(mask)

    def mood_score(self, ranges: Sequence[FeatureRange]) -> FloatArray:
        """Closeness to each range's target (or its centre), averaged over ranges; 0 without features. Cached,
        read-only."""
        return self._mood_scores(tuple(ranges))

    def _mood_score(self, ranges: tuple[FeatureRange, ...]) -> FloatArray:
        scores = np.zeros(self.catalog.n_tracks, dtype=np.float32)
        used = 0
        for r in ranges:
            target = r.target
            if target is None and r.low is not None and r.high is not None:
                target = (r.low + r.high) / 2
            if target is None:
                continue
            c = FEATURE_COLUMN[r.feature]
            zt = (target - self.feature_mean[c]) / self.feature_std[c]
            scores += np.exp(-0.5 * (self.z[:, c] - zt) ** 2).astype(np.float32)
            used += 1
        if used:
            scores /= used
        return read_only(np.where(self.has_features | (scores > 0), scores, 0.0).astype(np.float32))


def heard_tags(artist_tags: CsrArrays, catalog: object) -> CsrArrays:
    """The artist tag weights with each tag that a single Last.fm listener gave scaled to `LONE_VOTE_SHARE`: Tim
    McGraw's seven tags make one listener's 'sad' 0.27 of his weight, which led every sad answer with him. A catalog
    without the listener counts (an older build, a test's) keeps its weights."""
    votes = getattr(catalog, "artist_tag_votes", None)
    if votes is None:
        return artist_tags
    lone_votes = CsrArrays.of(votes)
    width = max(artist_tags.shape[1], 1)
    lone_keys = np.sort((lone_votes.row_ids().astype(np.int64) * width + lone_votes.indices)[lone_votes.data == 1.0])
    keys = artist_tags.row_ids().astype(np.int64) * width + artist_tags.indices
    at = np.minimum(np.searchsorted(lone_keys, keys), max(lone_keys.size - 1, 0))
    lone = (lone_keys[at] == keys if lone_keys.size else np.zeros(keys.size, dtype=bool)).astype(np.float32)
    # The float32 steps of scipy's `tags - (1 - share) * tags.multiply(lone)`, entry by entry.
    data = artist_tags.data
    heard = (data - np.float32(1.0 - LONE_VOTE_SHARE) * (data * lone)).astype(np.float32)
    out = CsrArrays(heard, artist_tags.indices, artist_tags.indptr, artist_tags.shape)
    return out.kept(heard != 0)


def _max_except(values: FloatArray, skip: Sequence[int]) -> float:
    """The largest value outside the `skip` positions (0 when none is left), without copying the array."""
    at = np.asarray(skip, dtype=np.intp)
    if len(set(at.tolist())) >= values.size:
        return 0.0
    kept = values[at].copy()
    values[at] = -np.inf
    try:
        return float(values.max())
    finally:
        values[at] = kept


def _best_over_seeds(
    ids: NDArray[np.int32],
    scores: NDArray[np.float32],
    seeds: Sequence[int],
    weights: Sequence[float] | None,
    n: int,
) -> tuple[FloatArray, NDArray[np.int32]]:
    """Per artist, the best score any seed's neighbour row gives it (each row scaled so its best is the seed's
    weight) and which seed gave it (-1: none; on a tie the earlier seed). All rows at once: with 50 liked tracks a
    loop over seeds was 100 rounds of small numpy calls."""
    best = np.zeros(n, dtype=np.float32)
    source = np.full(n, -1, dtype=np.int32)
    if not seeds or (weights is not None and not any(weights)):
        # Every row scaled to a best of 0 keeps no score above 0 (co-playlisting of seeds someone co-listened).
        return best, source
    order = np.asarray(seeds, dtype=np.intp)
    rows = np.asarray(ids[order])
    raw = np.asarray(scores[order], dtype=np.float32)
    valid = rows >= 0
    top = np.where(valid, raw, -np.inf).max(axis=1)
    w = np.ones(len(order), dtype=np.float32) if weights is None else np.asarray(weights, dtype=np.float32)
    positive = top > 0
    # The same float32 operations, in the same order, as scaling one row at a time: identical scores and ties.
    scaled = np.where(
        positive[:, None], (w[:, None] * raw) / np.where(positive, top, 1.0).astype(np.float32)[:, None], raw
    )
    keep = valid & (scaled > 0)
    flat_ids, flat_scores = rows[keep], scaled[keep]
    if order.size == 1:  # one seed: each artist's best is its largest score, and the seed gave it
        np.maximum.at(best, flat_ids, flat_scores)
        source[flat_ids] = order[0]
        return best, source
    flat_seeds = np.broadcast_to(order[:, None], rows.shape)[keep]
    ranked = np.lexsort((-flat_scores, flat_ids))  # by artist, best first; stable, so earlier seeds win ties
    first = np.ones(ranked.size, dtype=bool)
    first[1:] = flat_ids[ranked][1:] != flat_ids[ranked][:-1]
    winners = ranked[first]
    best[flat_ids[winners]] = flat_scores[winners]
    source[flat_ids[winners]] = flat_seeds[winners].astype(np.int32)
    return best, source
