"""`SourceHub`: every enabled live source, asked concurrently under one deadline, each outcome told honestly.

One answer is one `SourceRound`: the engine starts it with an absolute deadline, adds what it wants to know
(similar artists, tracks, tag charts, links for its own picks), and `finish()` waits for all of it, or for the
deadline, whichever comes first; whatever is still running then is cancelled and reported as a timeout. Each
source ends the round with one outcome: `cached` only if every call it made was served from the cache in this
round, `ok` if it answered (live, or partly live), and a failure (`open-circuit`, `timeout`, `error`, in that
order of precedence) as soon as one call failed, so a cached success never hides a current outage. Sources that
are not configured are `disabled`; enabled sources the round had nothing to ask are left out. Outcomes are
counted per source in the metrics registry.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from segue.domain import Novelty
from segue.errors import CircuitOpenError, ProviderError, ProviderTimeoutError
from segue.infra.clock import Clock
from segue.infra.metrics import MetricsRegistry
from segue.providers.base import Capability, Fetched, MusicSource, SourceArtist, SourceTrack, track_key
from segue.providers.llm import Interpretation, LlmInterpreter
from segue.providers.outcomes import PRECEDENCE, Outcome, degraded

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_DEADLINE = 1.2
"""Seconds for all live sources of one answer: with the local engine's few ms, well inside Discord's 3 s."""
ID_SHARE = 0.4
"""Share of the time left that a seed's MusicBrainz id look-up may take: it is the first of three chained calls
(id, radio, names), and waiting longer for MusicBrainz's 1 request/s slot could not leave time for the other two
(bench_sources: unbounded waits for that slot held healthy answers up to the whole deadline)."""
MAX_SEEDS = 2
"""Seed artists, tracks and tags each source is asked about per answer (more would spend the request budgets)."""
LIST_LIMIT = 30


@dataclass(frozen=True, slots=True)
class RankedList:
    """One ranked answer of one source, with the reason it was asked (shown to users as provenance)."""

    source: str
    why: str
    tracks: tuple[SourceTrack, ...] = ()
    artists: tuple[SourceArtist, ...] = ()
    tag: str | None = None
    """The tag whose chart this is (so fusion knows the source vouches for that genre)."""


@dataclass(frozen=True, slots=True)
class SourceRequest:
    """What one answer wants from the sources, in names (the hub knows nothing of the catalog)."""

    seed_artists: tuple[str, ...] = ()
    seed_tracks: tuple[tuple[str, str], ...] = ()
    """(title, artist)."""
    tags: tuple[str, ...] = ()
    novelty: Novelty = Novelty.BALANCED
    limit: int = LIST_LIMIT


@dataclass(slots=True)
class RoundResult:
    """Everything a round learned, and how each source fared."""

    lists: list[RankedList] = field(default_factory=list)
    links: dict[tuple[str, str], SourceTrack] = field(default_factory=dict)
    """Direct links and previews found for (artist key, base title), merged across sources."""
    top_artists: list[SourceArtist] = field(default_factory=list)
    songs: dict[str, SourceTrack] = field(default_factory=dict)
    """Per title asked of `songs_titled`, the recording a source found for it (the first source to answer)."""
    interpretation: Interpretation | None = None
    outcomes: dict[str, str] = field(default_factory=dict)

    @property
    def degraded(self) -> bool:
        return degraded(self.outcomes)


class SourceHub:
    """The live sources, their metrics, and the default deadline; starts one `SourceRound` per answer."""

    def __init__(
        self,
        sources: Sequence[MusicSource],
        *,
        metrics: MetricsRegistry | None = None,
        clock: Clock = time.monotonic,
        deadline: float = DEFAULT_DEADLINE,
    ) -> None:
        self.sources = {s.name: s for s in sources}
        self.clock = clock
        self.deadline = deadline
        registry = metrics if metrics is not None else MetricsRegistry()
        self._outcomes = registry.counter(
            "segue_source_outcomes_total", "Per answer, what each live source did", ["source", "outcome"]
        )

    @property
    def enabled(self) -> list[MusicSource]:
        return [s for s in self.sources.values() if s.enabled]

    def supporting(self, capability: Capability) -> list[MusicSource]:
        """Enabled sources that can do this, in registration order."""
        return [s for s in self.sources.values() if s.supports(capability)]

    def disabled(self) -> dict[str, str]:
        """The outcome map of an answer that asked nobody: every unconfigured source as `disabled`."""
        return {name: Outcome.DISABLED.value for name, s in self.sources.items() if not s.enabled}

    def start(self, deadline: float | None = None) -> SourceRound:
        """A round ending at the absolute `deadline` (this hub's clock), default `self.deadline` from now."""
        return SourceRound(self, self.clock() + self.deadline if deadline is None else deadline)

    def count(self, outcomes: dict[str, str]) -> None:
        for name, outcome in outcomes.items():
            self._outcomes.labels(name, outcome).inc()


class SourceRound:
    """One answer's calls to the sources: add work, then `finish()` once."""

    def __init__(self, hub: SourceHub, deadline: float) -> None:
        self.hub = hub
        self.deadline = deadline
        self.result = RoundResult()
        self._tasks: list[asyncio.Task[None]] = []
        self._seen: dict[str, Outcome] = {}

    @property
    def left(self) -> float:
        return self.deadline - self.hub.clock()

    # -- what can be asked ---------------------------------------------------------------------------------------

    def tracks_for(self, request: SourceRequest) -> None:
        """Ranked track and artist lists for a track answer: similar artists, similar tracks, tag charts, radio."""
        d, limit = self.deadline, request.limit
        for artist in request.seed_artists[:MAX_SEEDS]:
            for src in self.hub.supporting(Capability.SIMILAR_ARTISTS):
                if src.supports(Capability.ARTIST_RADIO):
                    continue  # it answers with tracks below, which carry the same similarity and more
                self._spawn(self._artists(src, artist, f"similar to {artist}", request.novelty, limit))
            for src in self.hub.supporting(Capability.ARTIST_RADIO):
                self._spawn(self._radio(src, artist, request.novelty, limit))
        for title, artist in request.seed_tracks[:MAX_SEEDS]:
            for src in self.hub.supporting(Capability.SIMILAR_TRACKS):
                self._spawn(
                    self._list(src, f"similar to {title}", src.similar_tracks(title, artist, limit=limit, deadline=d))
                )
        for tag in request.tags[:MAX_SEEDS]:
            for src in self.hub.supporting(Capability.TAG_TRACKS):
                fetch = src.tag_tracks(tag, limit=limit, deadline=d, novelty=request.novelty)
                self._spawn(self._list(src, f"a top '{tag}' track", fetch, tag=tag))

    def artists_for(self, artist: str, *, novelty: Novelty = Novelty.BALANCED, limit: int = LIST_LIMIT) -> None:
        """Ranked lists of artists similar to one artist, from every source that has them."""
        for src in self.hub.supporting(Capability.SIMILAR_ARTISTS):
            self._spawn(self._artists(src, artist, f"similar to {artist}", novelty, limit))

    def links_for(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Direct links and previews for (title, artist) pairs, from every source that can search."""
        for src in self.hub.supporting(Capability.SEARCH):
            for title, artist in pairs:
                self._spawn(self._link(src, title, artist))

    def top_artists_of(self, user: str, *, limit: int = 50) -> None:
        """A listener's top artists (Last.fm, for /discover with a linked account)."""
        for src in self.hub.supporting(Capability.USER_TOP_ARTISTS):
            self._spawn(self._top(src, user, limit))

    def songs_titled(self, titles: Sequence[str]) -> None:
        """Who sang each title, from every source that finds songs by their title alone."""
        for src in self.hub.supporting(Capability.FIND_SONG):
            for title in titles[:MAX_SEEDS]:
                self._spawn(self._song(src, title))

    def interpret(self, text: str) -> None:
        """Free text to a structured request, through the LLM when one is configured."""
        for src in self.hub.supporting(Capability.INTERPRET):
            if isinstance(src, LlmInterpreter):
                self._spawn(self._interpret(src, text))

    # -- finishing -----------------------------------------------------------------------------------------------

    async def finish(self) -> RoundResult:
        """Wait for every call or the deadline; cancel the rest (they count as timeouts); count outcomes."""
        tasks = self._tasks
        if tasks:
            _, pending = await asyncio.wait(tasks, timeout=max(0.0, self.left))
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
        outcomes = self.hub.disabled()
        outcomes.update({name: outcome.value for name, outcome in self._seen.items()})
        self.result.outcomes = outcomes
        self.hub.count({n: o.value for n, o in self._seen.items()})
        return self.result

    # -- the jobs ------------------------------------------------------------------------------------------------

    def _spawn(self, job: Awaitable[None]) -> None:
        self._tasks.append(asyncio.ensure_future(job))

    def _note(self, source: str, outcome: Outcome) -> None:
        old = self._seen.get(source)
        if old is None or PRECEDENCE[outcome] > PRECEDENCE[old]:
            self._seen[source] = outcome

    async def _call(self, source: MusicSource, fetch: Awaitable[Fetched[T]]) -> Fetched[T] | None:
        """One call, its outcome noted for its source; None when it failed."""
        try:
            result = await fetch
        except asyncio.CancelledError:
            self._note(source.name, Outcome.TIMEOUT)
            raise
        except CircuitOpenError:
            self._note(source.name, Outcome.OPEN)
        except ProviderTimeoutError:
            self._note(source.name, Outcome.TIMEOUT)
        except ProviderError as exc:
            log.info("%s failed: %s", source.name, exc)
            self._note(source.name, Outcome.ERROR)
        except Exception:
            log.exception("%s raised unexpectedly", source.name)
            self._note(source.name, Outcome.ERROR)
        else:
            self._note(source.name, Outcome.CACHED if result.cached else Outcome.OK)
            return result
        return None

    async def _list(
        self, src: MusicSource, why: str, fetch: Awaitable[Fetched[SourceTrack]], *, tag: str | None = None
    ) -> None:
        got = await self._call(src, fetch)
        if got is not None and got.items:
            self.result.lists.append(RankedList(src.name, why, tracks=got.items, tag=tag))

    async def _artists(self, src: MusicSource, artist: str, why: str, novelty: Novelty, limit: int) -> None:
        mbid = await self._mbid(src, artist) if src.supports(Capability.ARTIST_RADIO) else None
        if src.supports(Capability.ARTIST_RADIO) and mbid is None:
            return
        got = await self._call(
            src, src.similar_artists(artist, limit=limit, deadline=self.deadline, mbid=mbid, novelty=novelty)
        )
        if got is not None and got.items:
            self.result.lists.append(RankedList(src.name, why, artists=got.items))

    async def _radio(self, src: MusicSource, artist: str, novelty: Novelty, limit: int) -> None:
        mbid = await self._mbid(src, artist)
        if mbid is None:
            return
        fetch = src.artist_radio(artist, limit=limit, deadline=self.deadline, mbid=mbid, novelty=novelty)
        await self._list(src, f"on the radio from {artist}", fetch)

    async def _mbid(self, src: MusicSource, artist: str) -> str | None:
        """The seed's MusicBrainz id, from the first enabled id source; None (and `src` not asked) without one."""
        for ids in self.hub.supporting(Capability.IDS):
            share = min(self.deadline, self.hub.clock() + max(0.0, self.left) * ID_SHARE)
            got = await self._call(ids, ids.artist_ids(artist, deadline=share))
            if got is not None and got.items and got.items[0].mbid:
                return got.items[0].mbid
            return None
        log.debug("%s needs a MusicBrainz id for %r and no id source is enabled", src.name, artist)
        return None

    async def _link(self, src: MusicSource, title: str, artist: str) -> None:
        got = await self._call(src, src.search_tracks(title, artist, limit=1, deadline=self.deadline))
        if got is None or not got.items:
            return
        key = track_key(artist, title)
        found = got.items[0]
        known = self.result.links.get(key)
        if known is not None:
            found = SourceTrack.from_json({**known.to_json(), "urls": known.urls.merged(found.urls).to_json()})
        self.result.links[key] = found

    async def _song(self, src: MusicSource, title: str) -> None:
        got = await self._call(src, src.find_song(title, deadline=self.deadline))
        if got is not None and got.items:
            self.result.songs.setdefault(title, got.items[0])

    async def _top(self, src: MusicSource, user: str, limit: int) -> None:
        got = await self._call(src, src.user_top_artists(user, limit=limit, deadline=self.deadline))
        if got is not None:
            self.result.top_artists.extend(got.items)

    async def _interpret(self, src: LlmInterpreter, text: str) -> None:
        got = await self._call(src, src.interpret(text, deadline=self.deadline))
        if got is not None and got.items:
            self.result.interpretation = got.items[0]
