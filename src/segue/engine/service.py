"""`RecommendationService`: the one facade the bot and the CLI call (async, plain objects, no Discord).

It turns text or command options into a `Query`, asks the local recommender, attaches links and wraps the result
in an `Answer`. Unknown names never raise past here: they become a friendly note with close matches.
With live sources (`LiveSources`, optional), the local engine and the sources answer together under one deadline
and the answer says what each source did; without them nothing changes but `sources` listing them as disabled.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Protocol, TypeVar

from segue.domain import (
    Answer,
    Artist,
    ArtistAnswer,
    ArtistRecommendation,
    Exclusions,
    Novelty,
    Query,
    Reason,
    Recommendation,
)
from segue.engine.filling import NOTHING_MATCHES, AnswerFilling
from segue.engine.live.answer_cache import AnswerCache
from segue.engine.lookups import CatalogLookups
from segue.engine.notes import (
    best_guess,
    left_out_topics_note,
    reading_notes,
    topic_note,
    unresolved_notes,
)
from segue.engine.protocols import CatalogView
from segue.engine.query.canon import asks_for_now
from segue.engine.recommend import Personal, ScoredTrack, TrackRecommender
from segue.engine.scoring import LocalScoring, Scoring
from segue.errors import UnknownSeedError, UserInputError
from segue.providers.links import artist_links, track_links
from segue.providers.outcomes import Outcome, degraded, merge_outcomes
from segue.text import strip_control

if TYPE_CHECKING:  # built by the composition root only when a source is configured (the providers, their HTTP)
    from segue.engine.live.sources import LiveSources

MAX_COUNT = 10
HELP_HINT = (
    "Tell me an artist, a song, a genre, a mood or an era, for example "
    "'something like Daft Punk but chill' or '80s synth-pop'."
)


MIX_GENRES = ("pop", "rock", "hip hop", "electronic", "r&b", "indie", "soul", "latin", "jazz", "folk")
MIX_SIZE = 5
MIX_SPOKEN: dict[str, tuple[str, ...]] = {
    "es": ("reggaeton", "latin pop", "rock en espanol", "salsa", "regional mexican", "spanish rock"),
    "pt": ("brazilian", "mpb", "sertanejo", "bossa nova", "samba", "pagode"),
    "fr": ("french", "chanson", "french pop"),
    "de": ("german", "german hip hop"),
    "it": ("italian", "italian pop"),
    "ja": ("japanese", "j pop"),
    "ko": ("k pop", "korean"),
}
"""Scenes sung in a request's language: 'sorprendeme', 'ponme algo chido' drew five English-speaking genres."""
MIX_SPOKEN_SHARE = 3
"""Of the five genres of a mix, how many a request written in another language draws from its scenes."""
MIX_NOTE = "You didn't name anything, so here's a mix across genres; tell me an artist, a song or a mood to steer it."
MIX_WITHIN_NOTE = (
    "Here's a mix across genres that keeps to what you asked; name an artist, a song or a mood to steer it."
)
"""The mix's note when the request only bounded it ('songs under 3 minutes', 'anything but rap'): something was
named, so "you didn't name anything" was untrue."""
CATALOG_ENDS = "My songs run up to {year}, so these are the newest I have."


def _excludes(personal: Personal) -> bool:
    """Whether a taste filters anything out (the shared cache is filled only by answers that filtered nothing)."""
    return bool(
        personal.disliked_tracks or personal.known_tracks or personal.disliked_artists or personal.blocked_artists
    )


def _unread(query: Query) -> bool:
    """True when the parser found nothing to act on: no seed, genre, mood, era or dial, and no unknown name."""
    return (
        query.is_empty
        and not query.moods
        and query.novelty is Novelty.BALANCED
        and not query.unresolved
        and not query.surprise
    )


T = TypeVar("T")


class QueryParserLike(Protocol):
    """The deterministic parser (segue.engine.query.parser.QueryParser) as the service sees it."""

    def parse(self, text: str) -> Query: ...


class RecommendationService(AnswerFilling, CatalogLookups):
    """Answers requests from the bot and the CLI."""

    def __init__(
        self,
        catalog: CatalogView,
        parser: QueryParserLike,
        recommender: TrackRecommender,
        *,
        default_count: int = 5,
        max_query_chars: int = 500,
        sources: LiveSources | None = None,
        answers: AnswerCache | None = None,
        unconfigured: Sequence[str] = (),
    ) -> None:
        self.catalog = catalog
        self.parser = parser
        self.recommender = recommender
        self.default_count = default_count
        self.max_query_chars = max_query_chars
        self.sources = sources
        """Live sources fused with the local engine; None (or none enabled) answers from the catalog alone."""
        self.unconfigured = tuple(unconfigured)
        """Without `sources`: the sources none of which is configured, which answers list as disabled."""
        self.answers = answers
        """Whole-answer cache for impersonal requests (None: every request is computed)."""
        self.scoring: Scoring = LocalScoring(recommender)
        """Where CPU-bound ranking runs: inline here (tests, one-off commands); the composition root sets threads
        or worker processes, so the event loop stays free to acknowledge new requests while answers are computed."""
        years = catalog.track_year
        self.newest_year: int | None = int(years.max()) if len(years) and int(years.max()) > 0 else None
        """The catalog's newest release year: an era after it is answered with the newest songs, and said."""

    # -- requests ------------------------------------------------------------------------------------------------

    async def ask(
        self,
        text: str,
        *,
        count: int | None = None,
        novelty: Novelty | None = None,
        personal: Personal | None = None,
        exclude_track_ids: Sequence[str] = (),
    ) -> Answer:
        """Answer free text ('something like Daft Punk but chill')."""
        query = self.parser.parse(text)
        outcomes: dict[str, str] = {}
        if self.sources is not None and self.sources.active and query.unresolved:
            query, outcomes = await self.sources.found_songs(query)
        if self.sources is not None and _unread(query):
            # The LLM (when configured) rewrites what the parser could not read; the parser still decides.
            reading, interpreted = await self.sources.interpret(text)
            outcomes = merge_outcomes(outcomes, interpreted)
            if reading:
                try:
                    reread = self.parser.parse(reading)
                except UserInputError:
                    reread = query
                if not _unread(reread):  # the LLM answers in English; the request's language stays
                    query = replace(reread, text=query.text, language=query.language)
        if novelty is not None:
            query = replace(query, novelty=novelty)
        return await self._answer(
            query, count=count, personal=personal, exclude_track_ids=exclude_track_ids, outcomes=outcomes
        )

    async def recommend(
        self,
        query: Query,
        *,
        count: int | None = None,
        personal: Personal | None = None,
        exclusions: Exclusions | None = None,
        exclude_track_ids: Sequence[str] = (),
    ) -> Answer:
        """Answer an already structured query (slash-command options or a parse), minus one listener's exclusions."""
        if exclusions is not None:
            personal = replace(personal or Personal(), **self._excluded(exclusions))
            exclude_track_ids = (*exclude_track_ids, *exclusions.liked_tracks)
        return await self._answer(query, count=count, personal=personal, exclude_track_ids=exclude_track_ids)

    def versions(self, track_ids: Sequence[str]) -> tuple[str, ...]:
        """These tracks and every other version of their songs by the same act, by the key that keeps one version
        of a song in an answer: what an answer's next page leaves out ('Blister In The Sun' on page 1 came back as
        'Blister in the Sun - 2002 Remastered Version' on page 2)."""
        again = (self.catalog.track(i).id for i in self.recommender.versions(self._track_indices(track_ids)))
        return tuple(dict.fromkeys((*track_ids, *again)))

    def _excluded(self, exclusions: Exclusions) -> dict[str, tuple[int, ...]]:
        """The `Personal` fields of an `Exclusions` (ids the catalog no longer has are dropped)."""
        catalog = self.catalog

        def tracks(ids: Sequence[str]) -> tuple[int, ...]:
            return tuple(i for i in map(catalog.track_index, ids) if i is not None)

        return {
            "disliked_tracks": tracks(exclusions.disliked_tracks),
            "known_tracks": tracks(exclusions.known_tracks),
            "blocked_artists": tuple(i for i in map(catalog.artist_index, exclusions.blocked_artists) if i is not None),
        }

    async def _answer(
        self,
        query: Query,
        *,
        count: int | None,
        personal: Personal | None,
        exclude_track_ids: Sequence[str],
        outcomes: dict[str, str] | None = None,
        deadline: float | None = None,
    ) -> Answer:
        """The answer, filled by relaxing constraints in a stated order when they leave fewer tracks than asked; a
        song the catalog lacks, or a genre read through its acts, leads with a few of their own songs. A comparative
        beside a seed ('but less hard') is said as the step from the seed's own sound that was asked of the answer."""
        query = self.recommender.twisted(query)
        answer = await self._answer_once(
            query, count=count, personal=personal, exclude_track_ids=exclude_track_ids, outcomes=outcomes,
            deadline=deadline,
        )  # fmt: skip
        n = self._count(count, query.count)
        if len(answer.results) < n and not answer.query.is_empty:
            answer = await self._filled(answer, n, personal, exclude_track_ids)
        answer = await self._lead_with_own_songs(answer, n, personal, exclude_track_ids)
        return await self._like_the_acts_at_last(answer, n, personal, exclude_track_ids)

    async def _answer_once(
        self,
        query: Query,
        *,
        count: int | None,
        personal: Personal | None,
        exclude_track_ids: Sequence[str],
        outcomes: dict[str, str] | None = None,
        deadline: float | None = None,
        local_only: bool = False,
    ) -> Answer:
        n = self._count(count, query.count)
        guessed = best_guess(self.catalog, query)
        if guessed is not None:  # nothing else to go on: answer the likeliest reading and say so
            query, notes = guessed[0], [guessed[1]]
        else:
            notes = unresolved_notes(query)
        notes += reading_notes(self.catalog, query)
        query = self._within_catalog(query, notes)
        if query.asked_count is not None and query.asked_count > n:
            notes.append(f"I show up to {n} tracks at a time (you asked for {query.asked_count}); Next page has more.")
        # "surprise me", or only what to leave out ("anything but rap"): a mix across genres, minus the exclusions.
        leave_out = bool(query.exclude_genres or query.exclude_artists or query.seconds_max or query.seconds_min)
        # 'deep cuts', 'hidden gems' alone name nothing either: a mix of gems, not the catalog's least played track.
        gems = query.novelty is Novelty.DEEP and not (query.by_artists or query.exclude_tracks)
        if query.is_empty and not query.moods and (query.surprise or leave_out or gems) and not query.unresolved:
            # Someone who named nothing wants songs worth hearing, not the rarest netlabel track filed under 'pop'.
            novelty = Novelty.FAMILIAR if query.novelty is Novelty.BALANCED else query.novelty
            shuffled = query.novelty is Novelty.BALANCED  # 'songs everyone knows' asks for the best known
            query = replace(query, genres=self._mix_genres(query), surprise=True, novelty=novelty, shuffled=shuffled)
            notes.append(MIX_WITHIN_NOTE if leave_out else MIX_NOTE)
        understood = not query.is_empty or query.moods or query.novelty is not Novelty.BALANCED
        live = self.sources if self.sources is not None and self.sources.active and not local_only else None
        # Names the catalog does not know can still be asked of the live sources.
        if not understood and (personal is None or personal.is_empty) and not (live and query.unresolved):
            return self._not_understood(query, notes, outcomes)
        hit = await self._shared(query, n, personal, exclude_track_ids)
        if hit is not None:
            return hit
        exclude = [i for i in (self.catalog.track_index(t) for t in exclude_track_ids) if i is not None]
        if live is not None:
            fused = await live.recommend(
                query,
                count=n,
                local=functools.partial(self._local, query, personal, exclude, bool(understood or personal)),
                allowed=lambda: self.recommender.admissible(query, personal, exclude),
                personal=personal,
                exclude_ids=exclude_track_ids,
                deadline=deadline,
                outcomes=outcomes,
            )
            results, sources, marked = fused.results, fused.sources, fused.degraded
            if results and query.unresolved and not understood:
                names = ", ".join(f"'{u}'" for u in query.unresolved[:3])
                notes = [f"{names} is not in my catalog yet; these come from live music sources."]
        else:
            scored = await self.scoring.recommend(query, count=n, personal=personal, exclude_tracks=exclude)
            results = tuple(self._to_recommendation(s.index, s.score, s.reasons) for s in scored)
            sources, marked = self._idle_sources(outcomes), False
        if not results:
            notes.append(NOTHING_MATCHES)
        if query.topics:
            notes.append(topic_note(query.topics, results))
        if query.exclude_topics:
            notes.append(left_out_topics_note(query.exclude_topics))
        answer = Answer(query=query, results=results, notes=tuple(notes), sources=sources, degraded=marked)
        filtered = bool(exclude_track_ids) or (personal is not None and _excludes(personal))
        if self.answers is not None and (personal is None or personal.is_empty) and not filtered:
            await self.answers.put(answer, n)
        return answer

    async def _shared(
        self, query: Query, n: int, personal: Personal | None, exclude_track_ids: Sequence[str]
    ) -> Answer | None:
        """The cached answer everyone shares, when it fits this listener.

        Exclusions (dislikes, "know it", blocked artists, liked tracks kept out of /recommend) only filter; likes
        steer the ranking. So a listener without likes can take the shared answer when it shows nothing they
        excluded, and only a request with no exclusions at all may fill the cache for everyone (see `_answer`).
        """
        if self.answers is None or not (personal is None or personal.is_empty):
            return None
        hit = await self.answers.get(query, n)
        return hit if hit is not None and not self._clashes(hit, personal, exclude_track_ids) else None

    async def _local(
        self, query: Query, personal: Personal | None, exclude: Sequence[int], understood: bool, count: int
    ) -> list[ScoredTrack]:
        """The local engine's share of a live answer, ranked off the event loop like any other."""
        if not understood:
            return []
        return await self.scoring.recommend(query, count=count, personal=personal, exclude_tracks=exclude)

    def _within_catalog(self, query: Query, notes: list[str]) -> Query:
        """'songs from 2024' of a catalog that ends in 2020: its two newest years, said ("Some are from just outside
        the era you asked" hid that the songs were four years older than asked)."""
        newest = self.newest_year
        recent = query.year_min is not None and asks_for_now(query.text)  # read as recent, in words for today
        if recent and newest is not None and newest < date.today().year - 1:
            notes.append(CATALOG_ENDS.format(year=newest))  # "whats hot rn" answered 2019's hits as today's
            return replace(query, year_min=newest - 1, year_max=None) if (query.year_min or 0) > newest else query
        if newest is None or query.year_min is None or query.year_min <= newest:
            return query
        notes.append(CATALOG_ENDS.format(year=newest))
        return replace(query, year_min=newest - 1, year_max=None)

    def _mix_genres(self, query: Query) -> tuple[str, ...]:
        """Five of the broad genres this catalog has, drawn anew each time: asking twice is a new surprise. Not one
        the request leaves out, under its name or another ('anything but rap' drew hip hop, and listed it)."""
        known = [g for g in MIX_GENRES if self.catalog.tag_index(g) is not None]
        spoken = [g for g in MIX_SPOKEN.get((query.language or "").split("-")[0], ()) if self.catalog.tag_index(g)]
        if query.exclude_genres:
            known = [g for g in known if self._mostly_kept(query, g)]
            spoken = [g for g in spoken if self._mostly_kept(query, g)]
        # A request written in another language: its scenes first, then broad ones ('sorprendeme' drew Bon Iver,
        # Amy Winehouse and Bob Dylan, none of them on a Spanish-speaking fan's list)
        ours = random.sample(spoken, min(MIX_SPOKEN_SHARE, len(spoken)))
        rest = [g for g in known if g not in ours]
        return (*ours, *random.sample(rest, min(MIX_SIZE - len(ours), len(rest))))

    def _mostly_kept(self, query: Query, genre: str) -> bool:
        """Whether the request's exclusions leave at least half of a genre's songs."""
        alone = replace(query, genres=(genre,))
        everything = int(self.recommender.admissible(replace(alone, exclude_genres=())).sum())
        return 2 * int(self.recommender.admissible(alone).sum()) >= everything

    def _not_understood(self, query: Query, notes: list[str], outcomes: dict[str, str] | None) -> Answer:
        """Nothing to recommend from: the notes (or the help hint) and no tracks."""
        # Unknown names carry their own "did you mean"; anything else also gets the hint on how to ask.
        hint = () if (query.unresolved or query.follow_up or query.links) and notes else (HELP_HINT,)
        return Answer(
            query=query,
            results=(),
            notes=(*notes, *hint),
            sources=self._idle_sources(outcomes),
            degraded=degraded(outcomes or {}),
        )

    def _clashes(self, answer: Answer, personal: Personal | None, exclude_track_ids: Sequence[str]) -> bool:
        """Whether a shared answer shows something this listener excluded (then it is computed for them)."""
        tracks = set(exclude_track_ids)
        artists: set[str] = set()
        if personal is not None:
            catalog = self.catalog
            tracks.update(catalog.track(i).id for i in (*personal.disliked_tracks, *personal.known_tracks))
            artists.update(catalog.artist(i).id for i in (*personal.disliked_artists, *personal.blocked_artists))
        return any(r.track.id in tracks or artists.intersection(r.track.artist_ids) for r in answer.results)

    async def similar_tracks(self, text: str, *, count: int | None = None) -> Answer:
        """Tracks like one track ('Title - Artist' or 'Title by Artist')."""
        ref = self.resolve_track(text)
        return await self.recommend(Query(text=text, seed_tracks=(ref,)), count=count)

    async def similar_artists(self, name: str, *, count: int | None = None) -> ArtistAnswer:
        """Artists like one artist."""
        live = self.sources if self.sources is not None and self.sources.active else None
        try:
            ref = self.resolve_artist(name)
        except UnknownSeedError:
            if live is None:
                raise
            return await self._unknown_artist(live, name, self._count(count, None))
        scored = await self.scoring.similar_artists(ref.index, count=self._count(count, None))
        if live is not None:
            seed = self.catalog.artist(ref.index)
            fused = await live.similar_artists(seed.name, seed=ref.index, local=scored, count=self._count(count, None))
            notes = () if fused.results else ("I know this artist but not who sounds like them yet.",)
            return ArtistAnswer(
                seed=seed, results=fused.results, notes=notes, sources=fused.sources, degraded=fused.degraded
            )
        results = tuple(
            ArtistRecommendation(
                artist=self.catalog.artist(s.index),
                score=s.score,
                reasons=s.reasons,
                links=artist_links(self.catalog.artist(s.index)),
            )
            for s in scored
        )
        notes = () if results else ("I know this artist but not who sounds like them yet.",)
        return ArtistAnswer(
            seed=self.catalog.artist(ref.index), results=results, notes=notes, sources=self._idle_sources(None)
        )

    async def _unknown_artist(self, live: LiveSources, name: str, count: int) -> ArtistAnswer:
        """Similar artists for a name the catalog lacks, from the live sources alone; UnknownSeedError if none."""
        clean = self._clean_name(name, "artist")
        fused = await live.similar_artists(clean, seed=None, local=[], count=count)
        if not fused.results:
            raise UnknownSeedError("artist", clean, [m.name for m in self.catalog.search_artists(clean, limit=3)])
        return ArtistAnswer(
            seed=Artist(id="", name=clean),
            results=fused.results,
            notes=(f"'{clean}' is not in my catalog yet; these come from live music sources.",),
            sources=fused.sources,
            degraded=fused.degraded,
        )

    async def discover(
        self,
        *,
        liked_track_ids: Sequence[str] = (),
        liked_artist_ids: Sequence[str] = (),
        disliked_track_ids: Sequence[str] = (),
        disliked_artist_ids: Sequence[str] = (),
        known_track_ids: Sequence[str] = (),
        blocked_artist_ids: Sequence[str] = (),
        count: int | None = None,
        novelty: Novelty = Novelty.BALANCED,
        lastfm_user: str | None = None,
    ) -> Answer:
        """Personal recommendations from a listener's likes and history (and linked Last.fm top artists)."""
        personal = Personal(
            liked_tracks=self._track_indices(liked_track_ids),
            liked_artists=self._artist_indices(liked_artist_ids),
            disliked_tracks=self._track_indices(disliked_track_ids),
            disliked_artists=self._artist_indices(disliked_artist_ids),
            known_tracks=self._track_indices(known_track_ids),
            blocked_artists=self._artist_indices(blocked_artist_ids),
        )
        outcomes: dict[str, str] = {}
        deadline = None
        if lastfm_user and self.sources is not None and self.sources.active:
            # One deadline for the whole answer: the top-artists call first, the fused round in what is left.
            deadline = self.sources.deadline()
            top, outcomes = await self.sources.user_artists(strip_control(lastfm_user).strip()[:64], deadline=deadline)
            liked = tuple(dict.fromkeys((*personal.liked_artists, *top)))
            personal = replace(personal, liked_artists=tuple(a for a in liked if a not in personal.blocked_artists))
        if personal.is_empty:
            return Answer(
                query=Query(text="discover", novelty=novelty),
                results=(),
                notes=("Like a few tracks first (the 👍 button under any answer), then I can discover for you.",),
                sources=self._idle_sources(outcomes),
                degraded=degraded(outcomes),
            )
        return await self._answer(
            Query(text="discover", novelty=novelty),
            count=count,
            personal=personal,
            exclude_track_ids=(),
            outcomes=outcomes,
            deadline=deadline,
        )

    def parse(self, text: str) -> Query:
        """Free text to a Query; UserInputError (with words for the user) for empty or overlong text."""
        clean = strip_control(text).strip()
        if not clean:
            raise UserInputError("empty request", user_message="Tell me what you'd like to hear.")
        if len(clean) > self.max_query_chars:
            raise UserInputError(
                "request too long",
                user_message=f"That request is too long; please keep it under {self.max_query_chars} characters.",
            )
        return self.parser.parse(clean)

    # -- helpers ---------------------------------------------------------------------------------------------

    def _count(self, explicit: int | None, parsed: int | None) -> int:
        n = explicit if explicit is not None else parsed if parsed is not None else self.default_count
        return max(1, min(MAX_COUNT, int(n)))

    def _idle_sources(self, outcomes: dict[str, str] | None) -> dict[str, str]:
        """The sources map of an answer that asked no source (beyond `outcomes`): every unconfigured one disabled."""
        if self.sources is None:
            return merge_outcomes(dict.fromkeys(self.unconfigured, Outcome.DISABLED.value), outcomes or {})
        return merge_outcomes(self.sources.disabled(), outcomes or {})

    def _to_recommendation(self, index: int, score: float, reasons: tuple[Reason, ...]) -> Recommendation:
        track = self.catalog.track(index)
        return Recommendation(track=track, score=score, reasons=reasons, links=track_links(track), source="local")

    def _track_indices(self, ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(i for i in (self.catalog.track_index(t) for t in ids) if i is not None)

    def _artist_indices(self, ids: Sequence[str]) -> tuple[int, ...]:
        return tuple(i for i in (self.catalog.artist_index(a) for a in ids) if i is not None)
