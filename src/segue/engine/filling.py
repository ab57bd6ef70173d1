"""Filling a short answer, a mix-in of `RecommendationService`: looser readings in a stated order, each said, and
the acts that stand for a request leading with a few of their own songs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from segue.domain import Answer, EntityRef, FeatureRange, Query, Recommendation
from segue.engine.notes import (
    ERA_FAR,
    MORE_PER_ACT,
    acts_of_the_genre,
    capped_fill,
    closed,
    era_said,
    like_exemplars,
    like_the_acts,
    missing_song_artist,
    more_by_the_acts,
    nearest_broader,
    played_by_acts,
    relaxations,
    said_genres,
    said_once,
)
from segue.engine.protocols import CatalogView
from segue.engine.query.lexicon import VOICE_ADJECTIVES
from segue.engine.query.played_by import PLAYED_AS
from segue.engine.query.state import PLAYED_BY_NAMED
from segue.engine.recommend import SEASON_WORDS, Personal, TrackRecommender
from segue.text import normalize_name

__all__ = ["GENRE_ACTS_SHARE", "NOTHING_MATCHES", "OWN_SONGS_FIRST", "AnswerFilling"]

OWN_SONGS_FIRST = 2
"""Songs of the artist whose requested song the catalog lacks that lead the answer."""
GENRE_ACTS_SHARE = 0.5
"""Share of the answer a genre read through its acts ('bachata': Romeo Santos, Aventura, Prince Royce) gives to
their own songs: they are the genre; with two, bachata was two songs of theirs and eight of reggaeton."""
NOTHING_MATCHES = "Nothing in the catalog matches all of that. Try fewer constraints."

_THEIR_OWN = (
    ("; here is music like theirs.", "; here are a few of theirs and music like theirs."),
    (
        "; these are like the artists listeners file under it: ",
        "; these are by and like the artists listeners file under it: ",
    ),
    ("; these are like the artists on it: ", "; these are by and like the artists on it: "),
    ("; these are like the artists known for them: ", "; these are by and like the artists known for them: "),
)


SHORT_NOTE_START = "That's all I have for this:"


def _short_note(have: int, asked: int) -> str:
    return f"{SHORT_NOTE_START} {have} of the {asked} you asked for."


def _unvoiced(genres: Sequence[str]) -> tuple[str, ...]:
    """The genres without who sings them ('female salsa' -> 'salsa')."""
    return tuple(dict.fromkeys(g.partition(" ")[2] if g.partition(" ")[0] in VOICE_ADJECTIVES else g for g in genres))


def _dated(query: Query) -> bool:
    return query.year_min is not None or query.year_max is not None


def _ceiling(bound: FeatureRange) -> bool:
    """An upper bound on energy or brightness: a quiet or sad mood's, which an act's own songs can meet (a party's
    floors are left out: 'afrobeats party' led with one Burna Boy song, the others' grooves sitting under them)."""
    return bound.high is not None and bound.feature in ("energy", "valence")


def _with_their_own(note: str) -> str:
    """A note that said 'like theirs', once a few of the acts' own songs lead the answer."""
    for plain, own in _THEIR_OWN:
        if plain in note:
            return note.replace(plain, own)
    return note


def _named_as_heard(note: str, query: Query, acts: Sequence[EntityRef], lead: Sequence[Recommendation]) -> str:
    """A note naming a scene's acts names those whose songs lead the answer first: '... by and like the artists
    listeners file under it: Greta Van Fleet, Bruno Mars, Leon Bridges' named two acts with no song in it."""
    heard = [a.name for a in acts if any(a.name in r.track.artists for r in lead)]
    for _, names in query.played_by:
        said = [*heard, *(a.name for a in acts if a.name not in heard)][:PLAYED_BY_NAMED]
        if names in note and heard:
            note = note.replace(names, ", ".join(said))
    return note


class AnswerFilling:
    """The fill of a short answer; `_answer_once` is the service's one pass over the catalog (or the sources)."""

    catalog: CatalogView
    recommender: TrackRecommender

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
        raise NotImplementedError

    async def _lead_with_own_songs(
        self, answer: Answer, n: int, personal: Personal | None, exclude_track_ids: Sequence[str]
    ) -> Answer:
        """'something like pink moon by nick drake' without Pink Moon here, 'drill' read as songs like Pop Smoke and
        Chief Keef: a few of those acts' own songs lead the music like theirs (a fan missed them entirely in the
        answer), and the note says so."""
        stand_in = missing_song_artist(answer.query)
        acts = (stand_in,) if stand_in is not None else played_by_acts(answer.query) or answer.query.examples
        names = {a.name for a in acts}
        if not acts or any(names & set(r.track.artists) for r in answer.results):
            return answer
        own = replace(answer.query, by_artists=tuple(acts), seed_artists=tuple(acts), unresolved=(), played_by=())
        if stand_in is None:  # acts that are the scene: their songs whatever they are filed under (BLACKPINK's),
            # the mood aimed at, not a bound ('afrobeats party' led with one Burna Boy song: the others' grooves sit
            # under party's energy bound)
            # A phrase that asks for the acts' songs of a mood keeps its ceilings on energy and brightness: 'wedding
            # first dance' led with Ed Sheeran's 'Beautiful People', not 'Perfect', and 'heartbroken' with Sam Smith's
            # 'Dancing With A Stranger' (white noise 'for sleeping' keeps its loud rain: the acts are the answer).
            moody = any(normalize_name(said) in PLAYED_AS for said, _ in answer.query.played_by)
            aimed = tuple(
                f if moody and _ceiling(f) else FeatureRange(f.feature, target=f.target, because=f.because)
                for f in own.features
                if f.target or (moody and _ceiling(f))
            )
            own = replace(own, genres=(), features=aimed)
        # As many as the genre has acts here, or half: 'uk rap' by its nineteen acts here is their songs, not three
        # of theirs and seven US rappers' that share their playlists.
        first = OWN_SONGS_FIRST if stand_in is not None else max(OWN_SONGS_FIRST, int(n * GENRE_ACTS_SHARE), len(acts))
        if stand_in is None:  # a thin scene's acts fill what music like theirs left: 'k-pop girl groups' stopped at 7
            first = max(first, n - len(answer.results))
        theirs = await self._answer_once(
            own, count=max(first, n), personal=personal, exclude_track_ids=exclude_track_ids, local_only=True
        )
        elsewhen = stand_in is None and not theirs.results and _dated(own)
        if elsewhen:  # '90s bollywood songs': none of theirs from then; sound-alikes of the years were Latin pop
            own = replace(own, year_min=None, year_max=None)
            theirs = await self._answer_once(
                own, count=max(first, n), personal=personal, exclude_track_ids=exclude_track_ids, local_only=True
            )
        shown = {r.track.id for r in answer.results}
        found = [r for r in theirs.results if r.track.id not in shown]
        if not any(word in g for g in answer.query.genres for word in SEASON_WORDS):
            found = self._out_of_season(found)  # The O'Jays' Christmas song led 'Philly soul'
        lead = capped_fill([], found, first, self.recommender.max_per_artist)
        if not lead:
            return answer
        results = (*lead, *answer.results)[:n]
        # The acts' own songs are the answer now: neither 'that's all I have' nor 'nothing matches' holds.
        notes = [
            closed(_named_as_heard(_with_their_own(note), answer.query, acts, lead))
            for note in answer.notes
            if not note.startswith(SHORT_NOTE_START) and note != NOTHING_MATCHES
        ]
        if elsewhen:
            notes = era_said(answer.query, results, [*notes, ERA_FAR])
        if len(results) < n and len(answer.results) < n:
            notes.append(_short_note(len(results), n))
        return replace(answer, results=results, notes=tuple(notes))

    async def _filled(
        self, answer: Answer, n: int, personal: Personal | None, exclude_track_ids: Sequence[str]
    ) -> Answer:
        """A short answer filled from looser readings, each said."""
        results, notes = list(answer.results), [note for note in answer.notes if note != NOTHING_MATCHES]
        more = more_by_the_acts(answer.query, lambda: self._acts_in(results))
        if more is not None:
            await self._widen(*more, results, notes, n, personal, exclude_track_ids, cap=MORE_PER_ACT)
        broader = self.recommender.broader_genres
        for relaxed, said in relaxations(answer.query, broader, self.recommender.own_songs):
            if relaxed.genres != answer.query.genres:
                relaxed = self._like_what_was_found(relaxed, results)
            # 'songs by X' told it has few of X's little-known songs: X's better-known ones, not the per-artist
            # cap of a mixed answer ('the beatles but not the super famous ones' showed three, then the Byrds)
            # Nor when the sound was let go: 'billie eilish songs that go hard' showed two of hers, then Khalid.
            known = relaxed.by_artists and (
                relaxed.novelty is not answer.query.novelty or relaxed.features != answer.query.features
            )
            await self._widen(
                relaxed, said, results, notes, n, personal, exclude_track_ids, per_artist=n if known else None
            )
            if len(results) >= n:
                break
        asked = answer.query
        # A genre read through its acts ('sertanejo') is filled by their own songs next (`_lead_with_own_songs`),
        # and its note already names them: 'the rest are like them' said it twice.
        if (
            len(results) < n
            and not asked.played_by
            and acts_of_the_genre(asked, lambda i: self.catalog.artist(i).genres)
        ):
            relaxed, said = like_the_acts(asked)
            await self._widen(relaxed, said, results, notes, n, personal, exclude_track_ids)
        if not results and asked.genres and not (asked.seed_artists or asked.seed_tracks or asked.by_artists):
            # A genre with no songs at all ('forró'); a thin genre's own few songs are its answer ('tango' is not
            # Ricky Martin), so this is never a fill. Its acts with songs here come first: 'doo wop' through Dion &
            # The Belmonts and The Teenagers, who have none, was Justice, Metronomy and Shaggy (The Drifters have).
            # A scene of two ('guitar krautrock') has no acts filed under it: its genre's are.
            named = self.recommender.exemplars(asked.genres) or self.recommender.exemplars(
                self.recommender.broader_genres(asked.genres)
            )
            named = tuple(a for a in named if len(self.catalog.tracks_of(a.index))) or named
            if named:
                relaxed, said = like_exemplars(asked, named)
                await self._widen(relaxed, said, results, notes, n, personal, exclude_track_ids, style_only=True)
                if not results and relaxed.features:  # 'forró pra dançar': their style first, then the mood
                    loose, mood_said = relaxations(relaxed)[0]
                    await self._widen(loose, said, results, notes, n, personal, exclude_track_ids, style_only=True)
                    notes.extend([mood_said] if results else [])
            beside = () if results else self.recommender.filed_beside(asked.genres)
            if beside:  # 'anime openings': acts without songs here, filed beside japanese
                relaxed, said = nearest_broader(asked, ", ".join(said_genres(asked.genres)), beside)
                await self._widen(relaxed, said, results, notes, n, personal, exclude_track_ids)
        if not (results or asked.played_by) and (unvoiced := _unvoiced(asked.genres)) != asked.genres:
            # Who sings is kept while anything is left ('k-pop boy groups' is never 2NE1: the acts it was read
            # through lead with their own songs next), but an empty answer is worse: 'celia cruz and other salsa
            # queens' had no woman's salsa song but hers, and hers were out.
            relaxed, said = nearest_broader(asked, ", ".join(said_genres(asked.genres)), unvoiced)
            await self._widen(relaxed, said, results, notes, n, personal, exclude_track_ids)
        if not results:
            notes.append(NOTHING_MATCHES)
        elif len(results) < n:
            notes.append(_short_note(len(results), n))
        return replace(answer, results=tuple(results[:n]), notes=tuple(era_said(asked, results[:n], said_once(notes))))

    async def _like_the_acts_at_last(
        self, answer: Answer, n: int, personal: Personal | None, exclude_track_ids: Sequence[str]
    ) -> Answer:
        """Last, rather than nothing: the acts named, without the genres no song beside them has ('gimme 6
        nightcore bangers, the 2012 youtube kind with the anime girl thumbnail' read 'youtube' and 'anime' as
        genres beside an act with no songs here; 'elvis meets gospel' found no gospel song near Elvis), said."""
        asked = answer.query
        if answer.results or not asked.genres or not (asked.seed_artists or asked.seed_tracks):
            return answer
        loosest = ([asked, *(q for q, _ in relaxations(asked))])[-1]
        relaxed, said = like_the_acts(replace(loosest, by_artists=()))
        results: list[Recommendation] = []
        notes = [note for note in answer.notes if note != NOTHING_MATCHES]
        await self._widen(relaxed, said, results, notes, n, personal, exclude_track_ids)
        return replace(answer, results=tuple(results), notes=tuple(notes)) if results else answer

    def _acts_in(self, results: Sequence[Recommendation]) -> list[EntityRef]:
        """The catalog acts of an answer's songs, each once, in answer order."""
        ids = dict.fromkeys(a for r in results for a in r.track.artist_ids[:1])
        return [
            EntityRef(i, a, self.catalog.artist(i).name) for a in ids if (i := self.catalog.artist_index(a)) is not None
        ]

    async def _widen(
        self,
        relaxed: Query,
        said: str,
        results: list[Recommendation],
        notes: list[str],
        n: int,
        personal: Personal | None,
        exclude_track_ids: Sequence[str],
        *,
        style_only: bool = False,
        cap: int | None = None,
        per_artist: int | None = None,
    ) -> None:
        """Fill `results` from one relaxed pass, and say `said` when it adds any. The fill comes from the catalog
        alone: asking the live sources again could not fit Discord's window. `style_only` keeps the tracks that
        share the seeds' tags: a genre's exemplars, not whoever their listeners also play (forró fans' One
        Direction)."""
        shown = (*exclude_track_ids, *(r.track.id for r in results))
        more = await self._answer_once(
            relaxed, count=3 * n if style_only else n, personal=personal, exclude_track_ids=shown, local_only=True
        )
        found = [r for r in more.results if not style_only or any(x.kind == "tag" for x in r.reasons)]
        if cap is not None:  # more by the same acts: never their Christmas songs, which 'songs by X' lets in
            found = self._out_of_season(found)
        fill = capped_fill(results, found, n - len(results), per_artist or cap or self.recommender.max_per_artist)
        if fill:
            results.extend(fill)
            notes.append(said)

    def _out_of_season(self, found: Sequence[Recommendation]) -> list[Recommendation]:
        """The results that are no Christmas songs (an act's own songs are let in whatever their season)."""
        seasonal = self.recommender.signals.seasonal
        indexes = [self.catalog.track_index(r.track.id) for r in found]
        return [r for r, i in zip(found, indexes, strict=True) if i is not None and not seasonal[i]]

    def _like_what_was_found(self, relaxed: Query, results: Sequence[Recommendation]) -> Query:
        """A genre widened to its parent ranks the parent's songs by closeness to the few the genre had: bossa nova
        filled from 'latin' by sound and style, not with the chart's reggaeton."""
        if relaxed.seed_artists or relaxed.seed_tracks:
            return relaxed
        found = [(self.catalog.track_index(r.track.id), r.track) for r in results if r.source == "local"]
        seeds = tuple(EntityRef(i, t.id, t.title) for i, t in found if i is not None)
        return replace(relaxed, seed_tracks=seeds) if seeds else relaxed
