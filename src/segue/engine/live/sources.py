"""`LiveSources`: the local engine and every live source for one answer, under one deadline, fused with provenance.

The round starts first, then the local engine runs (a few ms) while the requests are in flight, then the links
for its top picks are asked for too; `finish()` returns at the latest at the deadline. Fusion is RRF
(`segue.engine.live.fusion`). Every hard constraint still holds: catalog items are checked against the local engine's
own constraint mask; items only a source knows pass only what can be verified for them (an era needs a known
year, a mood needs audio features so it rejects them, a genre needs the item to come from that tag's chart).
Items the sources named are remembered in the learned store, so links and new tracks accumulate with use. When
sources fail or are slow the answer is the local engine's, marked degraded.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from segue.domain import Artist, ArtistRecommendation, EntityRef, Links, Query, Reason, Recommendation, Track
from segue.engine.live.fusion import ARTIST_LIST_WEIGHT, LOCAL, RRF_K, Candidate, FusionPool
from segue.engine.live.learned import LearnedStore
from segue.engine.protocols import CatalogView
from segue.engine.recommend import Personal, ScoredArtist, ScoredTrack
from segue.engine.signals import title_forms
from segue.infra.metrics import MetricsRegistry
from segue.providers.base import Capability, SourceTrack, SourceUrls, track_key
from segue.providers.hub import RankedList, RoundResult, SourceHub, SourceRequest
from segue.providers.links import artist_links, track_links
from segue.providers.outcomes import degraded, merge_outcomes
from segue.text import artist_key, normalize_name, stable_id

log = logging.getLogger(__name__)

DISPLAY = {
    "lastfm": "Last.fm",
    "listenbrainz": "ListenBrainz",
    "deezer": "Deezer",
    "musicbrainz": "MusicBrainz",
    "spotify": "Spotify",
    "llm": "LLM",
}
LOCAL_POOL = 40
"""Local candidates fused with the sources' (the answer is at most 10, so sources can reorder deep into it)."""
MIN_TITLE = 3
"""Shorter unknown phrases are not asked of the sources as song titles (every two letters are someone's song)."""
SINGER_EXACT = 100.0
"""A found song's singer stands in as a seed only when the catalog has that very name (no fuzzy match)."""
TRACKS_PER_ARTIST = 2
"""Catalog tracks an artist-level list brings in for an artist the local pool does not hold."""

LocalFn = Callable[[int], Awaitable[list[ScoredTrack]]]
MaskFn = Callable[[], NDArray[np.bool_]]


@dataclass(frozen=True, slots=True)
class LiveAnswer:
    """Fused results, and what each source did."""

    results: tuple[Recommendation, ...]
    sources: dict[str, str]
    degraded: bool


@dataclass(frozen=True, slots=True)
class LiveArtists:
    """Fused similar artists, and what each source did."""

    results: tuple[ArtistRecommendation, ...]
    sources: dict[str, str]
    degraded: bool


class LiveSources:
    """What `RecommendationService` asks when live sources are configured."""

    def __init__(
        self,
        hub: SourceHub,
        catalog: CatalogView,
        *,
        learned: LearnedStore | None = None,
        metrics: MetricsRegistry | None = None,
        max_per_artist: int = 2,
        interpret_timeout: float = 2.5,
        find_timeout: float = 1.0,
        k: float = RRF_K,
    ) -> None:
        self.hub = hub
        self.catalog = catalog
        self.learned = learned if learned is not None else LearnedStore()
        self.max_per_artist = max_per_artist
        self.interpret_timeout = interpret_timeout
        self.find_timeout = find_timeout
        """How long the sources may take to say whose song an unknown title is, before the answer goes on."""
        self.k = k
        registry = metrics if metrics is not None else MetricsRegistry()
        self._answers = registry.counter(
            "segue_live_answers_total", "Answers that consulted live sources, by degradation", ["degraded"]
        )
        self._degraded = registry.counter(
            "segue_answers_degraded_total", "Answers where a live source failed or timed out (local engine carried)"
        )

    @property
    def active(self) -> bool:
        """True when at least one source is enabled."""
        return bool(self.hub.enabled)

    def deadline(self) -> float:
        """The absolute deadline of a round starting now."""
        return self.hub.clock() + self.hub.deadline

    def disabled(self) -> dict[str, str]:
        return self.hub.disabled()

    def _count(self, outcomes: dict[str, str]) -> bool:
        bad = degraded(outcomes)
        if any(o != "disabled" for o in outcomes.values()):
            self._answers.labels("true" if bad else "false").inc()
            if bad:
                self._degraded.inc()
        return bad

    # -- interpretation ------------------------------------------------------------------------------------------

    async def interpret(self, text: str) -> tuple[str | None, dict[str, str]]:
        """The LLM's reading of `text` as a canonical request for the parser, and the round's outcomes."""
        if not any(s.name == "llm" for s in self.hub.enabled):
            return None, {}
        rnd = self.hub.start(self.hub.clock() + self.interpret_timeout)
        rnd.interpret(text)
        result = await rnd.finish()
        outcomes = {k: v for k, v in result.outcomes.items() if k == "llm"}
        reading = result.interpretation
        return (reading.to_text() if reading is not None else None), outcomes

    async def found_songs(self, query: Query) -> tuple[Query, dict[str, str]]:
        """The query with each unknown phrase that a source knows as a song read as that song by its singer, when
        the catalog has the singer ('songs like master of puppets': Metallica's, though the catalog lacks it; it was
        an empty answer), and the round's outcomes. The song stays missing, so the answer says it is like theirs."""
        titles = [u for u in query.unknown_names() if len(u) >= MIN_TITLE]
        if not titles or not self.hub.supporting(Capability.FIND_SONG):
            return query, {}
        rnd = self.hub.start(self.hub.clock() + self.find_timeout)
        rnd.songs_titled(titles)
        result = await rnd.finish()
        outcomes = {k: v for k, v in result.outcomes.items() if v != "disabled"}
        unresolved, seeds = list(query.unresolved), list(query.seed_artists)
        for title, song in result.songs.items():
            hits = self.catalog.search_artists(song.artists[0], limit=1) if song.artists else []
            if not hits or hits[0].score < SINGER_EXACT:
                continue
            singer = EntityRef(hits[0].index, hits[0].id, hits[0].name)
            unresolved[unresolved.index(title)] = f"{title} by {singer.name}"
            seeds.append(singer)
        if len(seeds) == len(query.seed_artists):
            return query, outcomes
        left = [u for u in unresolved if u in query.unresolved]
        found = replace(query, unresolved=tuple(unresolved), seed_artists=tuple(dict.fromkeys(seeds)))
        return (found if left else replace(found, suggestions=())), outcomes

    # -- tracks --------------------------------------------------------------------------------------------------

    async def recommend(
        self,
        query: Query,
        *,
        count: int,
        local: LocalFn,
        allowed: MaskFn,
        personal: Personal | None = None,
        exclude_ids: Sequence[str] = (),
        deadline: float | None = None,
        outcomes: dict[str, str] | None = None,
    ) -> LiveAnswer:
        """Fused results for a query; `local(n)` is the local engine's top n, `allowed()` its constraint mask."""
        rnd = self.hub.start(deadline)
        rnd.tracks_for(self._request(query, personal))
        pool = await local(max(LOCAL_POOL, count * 4))  # ranked off the loop while the calls are out
        rnd.links_for([self._name_pair(s.index) for s in pool[:count]])
        result = await rnd.finish()
        merged = merge_outcomes(outcomes or {}, result.outcomes)
        fused = self._fuse(pool, result.lists)
        chosen = self._choose(fused, query, personal, allowed, set(exclude_ids), count)
        self._learn(result)
        results = tuple(self._recommendation(c, result) for c in chosen)
        return LiveAnswer(results, merged, self._count(merged))

    def _request(self, query: Query, personal: Personal | None) -> SourceRequest:
        own = {a.index for a in query.by_artists}
        artists = [a.name for a in query.seed_artists if a.index not in own] + list(query.unknown_names())
        tracks = [self._name_pair(t.index) for t in query.seed_tracks]
        if personal is not None:
            artists += [self.catalog.artist(a).name for a in personal.liked_artists[:2]]
            tracks += [self._name_pair(t) for t in personal.liked_tracks[:2]]
        tags = list(query.genres) + list(query.moods)
        return SourceRequest(
            seed_artists=tuple(dict.fromkeys(artists)),
            seed_tracks=tuple(dict.fromkeys(tracks)),
            tags=tuple(dict.fromkeys(tags)),
            novelty=query.novelty,
        )

    def _name_pair(self, index: int) -> tuple[str, str]:
        track = self.catalog.track(index)
        return track.title, track.artists[0] if track.artists else ""

    def _catalog_key(self, index: int) -> tuple[str, str]:
        track = self.catalog.track(index)
        return track_key(track.artists[0] if track.artists else "", self.catalog.base_title(index))

    def _artist_index(self, name: str) -> int | None:
        match = self.catalog.exact_artist(normalize_name(name))
        return None if match is None else match.index

    def _track_index(self, track: SourceTrack) -> int | None:
        """The catalog track this source item is (same artist, same base title), if the catalog has it."""
        for name in track.artists[:2]:
            artist = self._artist_index(name)
            if artist is None:
                continue
            wanted = track.key[1]
            for i in self.catalog.tracks_of(artist):
                if self.catalog.base_title(int(i)) == wanted:
                    return int(i)
        return None

    def _top_tracks(self, artist: int, n: int) -> list[int]:
        tracks = np.asarray(self.catalog.tracks_of(artist))
        if tracks.size == 0:
            return []
        pops = np.nan_to_num(self.catalog.track_popularity[tracks], nan=0.0)
        return [int(t) for t in tracks[np.argsort(-pops, kind="stable")][:n]]

    def _fuse(self, local: list[ScoredTrack], lists: list[RankedList]) -> list[Candidate]:
        pool = FusionPool(k=self.k)
        by_artist: dict[int, list[int]] = {}
        for rank, scored in enumerate(local):
            pool.add_local(self._catalog_key(scored.index), scored.index, rank, scored.reasons)
            by_artist.setdefault(int(self.catalog.track_artist[scored.index]), []).append(scored.index)
        for lst in sorted(lists, key=lambda item: (item.source, item.why)):  # arrival order must not matter
            for rank, track in enumerate(lst.tracks):
                index = self._track_index(track)
                key = self._catalog_key(index) if index is not None else track.key
                pool.add(lst.source, lst.why, key, rank, index=index, track=track, tag=lst.tag)
            for rank, artist in enumerate(lst.artists):
                found = self._artist_index(artist.name)
                if found is None:
                    continue
                for index in by_artist.get(found) or self._top_tracks(found, TRACKS_PER_ARTIST):
                    key = self._catalog_key(index)
                    pool.add(lst.source, lst.why, key, rank, index=index, weight=ARTIST_LIST_WEIGHT)
        return pool.ranked()

    def _choose(
        self,
        ranked: list[Candidate],
        query: Query,
        personal: Personal | None,
        allowed: MaskFn,
        exclude_ids: set[str],
        count: int,
    ) -> list[Candidate]:
        own = {a.index for a in query.by_artists}
        banned = {artist_key(a.name) for a in query.exclude_artists}
        banned |= {artist_key(a.name) for a in query.seed_artists if a.index not in own}
        banned |= {artist_key(u) for u in query.unresolved}
        if personal is not None:
            for a in (*personal.disliked_artists, *personal.blocked_artists):
                banned.add(artist_key(self.catalog.artist(a).name))
        # The seeds and the songs left out by name ('but not Dreams') never come back from a source either.
        seeds = {self._catalog_key(t.index) for t in (*query.seed_tracks, *query.exclude_tracks)}
        mask: NDArray[np.bool_] | None = None
        per_artist: dict[str, int] = {}
        chosen: list[Candidate] = []
        for cand in ranked:
            if len(chosen) >= count:
                break
            if cand.key in seeds or cand.key[0] in banned or per_artist.get(cand.key[0], 0) >= self.max_per_artist:
                continue
            if cand.index is not None and cand.local_rank is None:
                if mask is None:
                    mask = allowed()
                if not mask[cand.index]:
                    continue
            if cand.index is None and not self._source_item_ok(cand, query, exclude_ids):
                continue
            per_artist[cand.key[0]] = per_artist.get(cand.key[0], 0) + 1
            chosen.append(cand)
        return chosen

    def _source_item_ok(self, cand: Candidate, query: Query, exclude_ids: set[str]) -> bool:
        """Only what can be verified for an item the catalog does not hold."""
        known = self.learned.get(cand.key)
        if known is not None and known.id in exclude_ids:
            return False
        year = (cand.track.year if cand.track else None) or (known.year if known else None)
        if query.year_min is not None and (year is None or year < query.year_min):
            return False
        if query.year_max is not None and (year is None or year > query.year_max):
            return False
        seconds = (cand.track.duration_ms or 0) // 1000 if cand.track else 0
        if (query.seconds_min is not None or query.seconds_max is not None) and not seconds:
            return False  # a length asked for and none to check it against
        if (query.seconds_min or 0) > seconds or (query.seconds_max is not None and seconds > query.seconds_max):
            return False
        if query.features or query.exclude_genres or query.by_artists or query.free_to_use or query.artists_from:
            # No audio features, genres, license or first year to check it against; "songs by X" means the catalog's X.
            return False
        if query.exclude_eras and (year is None or any(lo <= year <= hi for lo, hi in query.exclude_eras)):
            return False  # years left out, and a song of no known year cannot be shown outside them
        if query.sung_in is not None:  # nor the scene a live song is sung in
            return False
        if query.exclude_topics and cand.track is not None:
            words = set(normalize_name(cand.track.title).split())
            if any(words & title_forms(topic.lower()) for topic in query.exclude_topics):
                return False
        return not query.genres or bool(cand.tags & set(query.genres))

    def _learn(self, result: RoundResult) -> None:
        seen = [t for lst in result.lists for t in lst.tracks] + list(result.links.values())
        if seen:
            self.learned.learn(seen)

    def _recommendation(self, cand: Candidate, result: RoundResult) -> Recommendation:
        known = self.learned.get(cand.key)
        urls = cand.urls
        if cand.key in result.links:
            urls = urls.merged(result.links[cand.key].urls)
        if known is not None:
            urls = urls.merged(known.urls)
        if cand.index is not None:
            track = self.catalog.track(cand.index)
        elif known is not None:
            track = known.to_track()
        else:
            assert cand.track is not None
            track = _track_of(cand.track)
        reasons = list(cand.local_reasons)
        reasons += [Reason("source", f"{DISPLAY.get(s, s)}: {why}") for s, why in cand.whys if s != LOCAL][:2]
        return Recommendation(
            track=track,
            score=cand.score,
            reasons=tuple(reasons),
            links=_links(track_links(track), urls),
            source=cand.label,
        )

    # -- artists -------------------------------------------------------------------------------------------------

    async def similar_artists(
        self, name: str, *, seed: int | None, local: list[ScoredArtist], count: int
    ) -> LiveArtists:
        """Artists like `name` (the catalog artist `seed`, if known), fused across the local engine and sources."""
        rnd = self.hub.start()
        rnd.artists_for(name)
        result = await rnd.finish()
        pool = FusionPool(k=self.k)
        for rank, scored in enumerate(local):
            pool.add_local((artist_key(self.catalog.artist(scored.index).name), ""), scored.index, rank, scored.reasons)
        for lst in sorted(result.lists, key=lambda item: (item.source, item.why)):
            for rank, artist in enumerate(lst.artists):
                index = self._artist_index(artist.name)
                pool.add(lst.source, lst.why, (artist_key(artist.name), ""), rank, index=index, name=artist.name)
        skip = {artist_key(name)} | ({artist_key(self.catalog.artist(seed).name)} if seed is not None else set())
        results = []
        for cand in pool.ranked():
            if cand.key[0] in skip or not cand.key[0]:
                continue
            if cand.index is not None:
                found = self.catalog.artist(cand.index)
            else:
                found = Artist(id=stable_id("LA", cand.key[0]), name=cand.name, sources=tuple(sorted(cand.sources)))
            reasons = list(cand.local_reasons)
            reasons += [Reason("source", f"{DISPLAY.get(s, s)}: {why}") for s, why in cand.whys if s != LOCAL][:2]
            results.append(
                ArtistRecommendation(
                    artist=found,
                    score=cand.score,
                    reasons=tuple(reasons),
                    links=artist_links(found),
                    source=cand.label,
                )
            )
            if len(results) >= count:
                break
        return LiveArtists(tuple(results), result.outcomes, self._count(result.outcomes))

    # -- a listener's own artists --------------------------------------------------------------------------------

    async def user_artists(self, user: str, *, deadline: float) -> tuple[tuple[int, ...], dict[str, str]]:
        """A Last.fm listener's top artists that the catalog knows (as catalog indices), and the outcomes."""
        rnd = self.hub.start(deadline)
        rnd.top_artists_of(user)
        result = await rnd.finish()
        found = (self._artist_index(a.name) for a in result.top_artists)
        indices = tuple(dict.fromkeys(i for i in found if i is not None))[:20]
        return indices, {k: v for k, v in result.outcomes.items() if v != "disabled"}


def _track_of(item: SourceTrack) -> Track:
    """A domain track for a source item that nobody learned yet (the learned store normally has it by now)."""
    return Track(
        id=stable_id("L", *item.key),
        title=item.title,
        artists=item.artists,
        artist_ids=(),
        album=item.album,
        year=item.year,
        duration_ms=item.duration_ms,
        source=item.source or "live",
        external_id=item.urls.mbid,
    )


def _links(base: Links, urls: SourceUrls) -> Links:
    """Search links, upgraded to direct ones (and a preview) where a source gave them."""
    return replace(base, spotify=urls.spotify or base.spotify, deezer=urls.deezer or base.deezer, preview=urls.preview)
