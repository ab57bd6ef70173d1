"""The local recommender: blends co-listening, shared tags, sound, genre, mood and popularity over the catalog.

Hard constraints (era, feature bounds, genres, exclusions) become one boolean mask; soft signals become one
weighted score; a greedy MMR pass then picks a diverse handful (at most N per artist, no two versions of one song).
All work is vectorized over the catalog arrays, so one request costs well under a few milliseconds at 50k tracks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import numpy as np
from numpy.typing import NDArray

from segue.domain import EntityRef, Novelty, Query, Reason
from segue.engine import explain
from segue.engine.bridge import bridge
from segue.engine.circle import era_beside_seeds, widened
from segue.engine.credits import TitleCredits
from segue.engine.diversify import Pool, diversify, fair_share
from segue.engine.mood_tags import STYLE_MOODS, MoodEvidence, in_setting
from segue.engine.novelty import decade, few_colistened, less_known_than, near_seeds, popularity, year_ranks
from segue.engine.reach import seed_neighbours, seeds_reach
from segue.engine.reasons import RequestScoring, TrackReasons, seed_sound
from segue.engine.renown import renown_beside_thin
from segue.engine.scenes import GenreFilter
from segue.engine.selection import distinct_top, first_per_group, interleave, seed_origin, top_per_group
from segue.engine.signals import REQUEST_CACHE, CatalogSignals, FloatArray, read_only
from segue.engine.spoken import spoken_beside_acts, spoken_preference
from segue.engine.twists import twisted
from segue.text import display_title, normalize_name, song_key

# Weights of the soft signals; tuned by eye on the mood-query set (EVALUATION.md) and kept deliberately simple.
W_COLISTEN = 1.0
W_PLAYLISTS = 0.8
W_TAGS = 0.6
W_SOUND_ARTIST = 0.3
W_SOUND_TRACK = 0.8
W_TRACK_TAGS = 0.4
W_STYLE = 0.5
W_GENRE = 0.5
W_MOOD = 0.6
W_MOOD_SEEDED = 0.2
W_MOOD_TAGS = 0.6
MOOD_TAG_UNKNOWN = 0.4
"""Mood evidence of a track whose artist has no listener tags: half, between tagged with the mood and not."""
MOOD_TAG_ADMIT = 0.75
"""Mood evidence from which a track without audio features qualifies for a mood by its tags alone (a full mood
word, or nearly full for a style that carries the mood: 'ambient' for sleep)."""
MOOD_TAG_FIT = 0.5
"""Mood closeness credited to such a track, times its evidence (it has no features to measure)."""
W_SPOKEN_SEEDED = 0.3
"""Beside named acts the language's preference is as strong as a shared home scene (`W_HOME`)."""
W_HOME = 0.3
"""Sharing the named seeds' home scene (`GenreFilter.home`): below co-listening, above sound."""
W_SUNG_HOME = 0.5
"""Songs sung in the language the named acts sing, when not English: above a shared home scene, since a song's words
are heard at once ('songs like Papaoutai' was Kevin Gates and Bubba Sparxxx by sound)."""
W_SPOKEN = 0.8
"""A song of the scenes the request's language speaks for is preferred among songs that fit about as well (0.15 left
no Spanish song in 'canciones tristes para llorar' once sad answers aimed at acoustic ballads; at 0.35 'chansons
d'amour' and 'canciones tristes' still led with Bryan Adams and Damien Rice, whose songs listeners tagged with the
mood: the scene's songs that fit now come first, and English ones fill)."""
W_PERSONAL = 0.8
W_SEASON_LAST = 2.0
"""What a Christmas song loses among an act's essentials: more than popularity and the act's own weight can give."""
W_TOPIC = 1.0
"""A title holding the topic of 'songs about trucks' outranks any other signal but the hard constraints."""
SEASON_WORDS = ("christmas", "xmas", "navidad", "noel", "weihnacht")
"""Genre words that ask for Christmas songs (the parser reads other languages into these)."""
SWEARING = (
    *("fuck", "fucking", "fucked", "fuckin", "motherfucker", "shit", "bitch", "bitches", "pussy", "cunt"),
    *("nigga", "niggas", "hoe", "hoes", "whore", "slut", "asshole", "bullshit"),
)
"""Title words of the songs a clean answer leaves out (`Query.clean`)."""
EXCLUDE_LABEL_WEIGHT = 0.25
"""An artist weight from which a playlist label is one of the artist's main genres, and 'no <label>' drops it."""
EXCLUDE_VOTED_SHARE = 0.5
"""'no pop': an artist whose listeners gave the named genre at least half the votes of their most-voted tag is of
that genre, even where the same name is a playlist label too light among the artist's labels (Beyoncé: 'pop' 36
votes beside 'r&b' 52, label weight 0.19)."""
EXCLUDE_HEARD_WEIGHT = 0.15
"""A listener tag's weight on an artist from which 'no <tag>' leaves the artist out, at any rank of its tags."""
POPULARITY_WEIGHT = {Novelty.FAMILIAR: 0.6, Novelty.BALANCED: 0.2, Novelty.DEEP: 0.4}
W_BRIDGE = 1.5
"""Closeness to every seed at once, when the seeds are asked for together (`bridge`): above any one seed's pull."""
W_RENOWN_THIN = 0.6
"""Weight of being as well known as seeds whose only evidence is a playlist or two (`renown_beside_thin`)."""
W_SURPRISE = 0.12
"""A random draw beside a surprise mix's popularity: any well-known song of a genre may lead, not always the same
('idk surprise me', 'play something good' and 'vibes' all opened with 'All of Me', then 'No One')."""
FREE_SOURCE = 1
"""`Catalog.track_source` of the Creative Commons releases (freemusicc, `segue.catalog.layout.SOURCES`)."""
GEMS_MIN_POOL = 3
"""Songs per asked-for track that must stay when deep cuts keep to artists listeners know, else all stay."""
DEEP_POPULARITY_CAP = 0.55
"""Deep cuts never include tracks above this popularity (0..1)."""


POOL_PER_ARTIST = 3
"""Tracks per artist family kept in the candidate pool: Queen's neighbours have dozens of songs each, and a pool of
their best 120 held six artists, so the answer repeated them."""


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


@dataclass(frozen=True, slots=True)
class _Heard:
    """How the request's moods are heard, per track: the evidence, with the unknown-artist prior, and which tracks
    without features it admits."""

    heard: FloatArray
    evidence: FloatArray
    fits: NDArray[np.bool_]


GenreColumnsFn = Callable[[str], Sequence[int]]


class TrackRecommender:
    """Answers a `Query` (plus optional personal taste) with diverse, explained tracks from the catalog."""

    def __init__(
        self,
        signals: CatalogSignals,
        *,
        genre_columns: GenreColumnsFn | None = None,
        exclude_columns: GenreColumnsFn | None = None,
        genre_parents: Callable[[str], Sequence[str]] | None = None,
        max_per_artist: int = 2,
        pool: int = 400,
    ) -> None:
        self.signals = signals
        self.catalog = signals.catalog
        self._genre_columns = genre_columns or self._exact_genre_column
        self._exclude_columns = exclude_columns or self._genre_columns
        self._genres = GenreFilter(signals, self._genre_columns, self.catalog.tag_index)
        self._moods = MoodEvidence(signals)
        self._explain = TrackReasons(signals)
        self._heard = lru_cache(maxsize=REQUEST_CACHE)(self._heard_as)
        self._kept = lru_cache(maxsize=REQUEST_CACHE)(self._kept_apart_from)
        self._genre_parents = genre_parents
        self.max_per_artist = max_per_artist
        self.pool = pool
        self._songs: dict[int, str] = {}  # track -> song key; at most one entry per catalog track
        self._credits = TitleCredits(self.catalog)

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
        seeds = self._seed_artists(query, personal)
        # Without the feature bounds first: tracks without audio features a mood's tags admit are let in from it
        loose = self._constraint_mask(
            replace(query, features=()) if query.features else query, personal, exclude_tracks
        )
        mask = loose & sig.feature_mask(query.features) if query.features else loose
        constrained = mask  # what the request admits, before a novelty twist narrows it to less known artists
        scoring = RequestScoring()
        novelty = query.novelty
        if seeds and novelty is Novelty.DEEP and not query.by_artists:
            near = [b for a in seeds for b in self._nearest_artists(a)]
            narrowed = less_known_than(sig, seeds, near, mask, count)
            if narrowed is not None:  # less known than the seeds already: now the closest of them, not the rarest
                mask, novelty = narrowed, Novelty.BALANCED
        elif novelty is Novelty.DEEP and not query.by_artists and not query.free_to_use:
            # 'hidden gems', 'underrated 90s alt rock': songs of artists listeners know, when there are enough, and
            # songs a chart measured: a netlabel act sharing a known band's name ('The Search', 'Sway') answered
            # 'rock but not too mainstream' with its own releases.
            listened = mask & self._genres.known & sig.measured
            if int(listened.sum()) >= GEMS_MIN_POOL * count:
                mask = listened
        if seeds:
            weights = [1.0 if a not in (personal.liked_artists if personal else ()) else W_PERSONAL for a in seeds]
            aff = sig.artist_affinity(seeds, weights, tracks_only=True)
            # A genre left out takes the seeds' co-listened artists of it along (Drake's rappers); a mood only thins
            # their songs, and co-playlisting then brought chart acts ('daft punk but chill': Coldplay, Kygo).
            if query.exclude_genres and few_colistened(sig, aff, constrained):
                aff = sig.artist_affinity(seeds, weights, tracks_only=True, playlisted=True)
            relays: list[int] = []
            if era_beside_seeds(query):  # 'like fleetwood mac but newer': past the neighbours the era keeps out
                aff, relays = widened(sig, aff, seeds, constrained, count, (W_COLISTEN, W_PLAYLISTS, W_TAGS))
            scoring.affinity = aff
            scoring.seed_names = {a: self.catalog.artist(a).name for a in [*seeds, *relays]}
            scoring.add_per_artist("colisten", aff.colisten, W_COLISTEN, sig.track_artist)
            scoring.add_per_artist("playlists", aff.playlists, W_PLAYLISTS, sig.track_artist)
            scoring.add_per_artist("tags", aff.tags, W_TAGS, sig.track_artist)
            joined = bridge(sig, seeds, (W_COLISTEN, W_PLAYLISTS, W_TAGS)) if query.blend and len(seeds) > 1 else None
            if joined is not None:  # 'something between X and Y': what is near both leads
                scoring.add_per_artist("bridge", joined, W_BRIDGE, sig.track_artist)
            if novelty is Novelty.FAMILIAR:
                mask = near_seeds(sig, mask, aff, count)
            named = self._seed_artists(query, None)[:5]  # the named seeds, not a member's likes
            if (renown := renown_beside_thin(sig, named)) is not None:
                scoring.add_per_artist("renown", renown, W_RENOWN_THIN, sig.track_artist)
            self._home(scoring, named, query)
        seed_tracks = [t.index for t in query.seed_tracks]
        if personal:
            seed_tracks += list(personal.liked_tracks)
        self._sound_and_style(scoring, seeds, seed_tracks)
        terms = self._genres.terms(query.genres)
        vouched = not seeds and bool(query.features)  # a mood filters a genre: only songs its listeners vouch for
        genre_mask = (
            self._genres.mask(
                terms, heard_as=bool(seeds), vouched=vouched, labelled=not seeds, english=query.sung_in == "en"
            )
            if terms
            else None
        )
        if terms:
            score, which = self._genres.score(terms)
            scoring.add("genre", score, W_GENRE)
            scoring.genre_which = which
            if query.surprise:  # each genre by example: songs of acts listeners file there
                scoring.genre_which, exemplary = self._genres.exemplary(terms, which)
                genre_mask = exemplary if genre_mask is None else genre_mask & exemplary
            modifier = self._genres.modifier_score(terms)
            if modifier is not None:  # "german rap": the more German the artist, the better
                scoring.add("scene", modifier, W_GENRE)
        if genre_mask is not None:
            mask &= genre_mask
            if not seeds:  # 'classical music for a dinner party'
                mask = in_setting(query, mask, loose & genre_mask, count)
        # With seeds, the seeds say *what* and a mood only filters (its bounds are already hard constraints), so
        # closeness to the mood's centre and plain popularity must not outvote who the listener asked for.
        seeded = bool(seeds or seed_tracks)
        if query.features:
            # A mood's sound beyond its bounds (a sad song is an acoustic ballad) is for the mood alone: 'sad rap'
            # ranked by acousticness led with acoustic netlabel rap over Future and 21 Savage.
            ranges = tuple(r for r in query.features if not terms or r.low is not None or r.high is not None)
            # An act's own songs of a mood ('taylor swift sad songs') differ only by it: the act is the same.
            scoring.add("mood", sig.mood_score(ranges), W_MOOD_SEEDED if seeded and not query.by_artists else W_MOOD)
        heard = self._mood_tags(scoring, query) if not seeded and query.moods else None
        if heard is not None and query.features:
            mask = self._admit_by_tags(scoring, mask, heard, loose, genre_mask)
        elif seeded and query.moods and query.features and (by_tags := self._heard(tuple(query.moods))) is not None:
            # Beside seeds the mood only filters, and their neighbours without audio features pass it by their tags:
            # 'like ólafur arnalds, something gentle' lost his ambient peers and was Sting and the Eagles
            mask = self._admit_by_tags(
                scoring, mask, by_tags, loose & seed_neighbours(scoring, sig.track_artist), genre_mask
            )
        if not (seeds or seed_tracks or terms or query.by_artists) or (query.surprise and not seeds):
            self._spoken(scoring, query, heard)  # and a mix of genres asked in Spanish ('sorprendeme')
        elif seeds and not (seed_tracks or terms or query.by_artists):
            self._spoken_like(scoring, query, seeds)
        if query.topics:  # 'songs about trucks': no lyrics here, so the title says it
            scoring.add("topic", sig.titled(query.topics), W_TOPIC)
        # With seeds, chart popularity must not outvote who was asked for; a dial the listener turned still counts.
        pop_weight = POPULARITY_WEIGHT[novelty] * (0.5 if seeded and novelty is Novelty.BALANCED else 1.0)
        ranks = self._year_ranks if novelty is Novelty.FAMILIAR and decade(query) else None
        scoring.add("popularity", popularity(sig, query, novelty, self._genres.known, ranks), pop_weight)
        if query.shuffled:
            scoring.add("surprise", np.random.default_rng().random(n, dtype=np.float32), W_SURPRISE)
        if query.by_artists and query.novelty is Novelty.FAMILIAR and not query.genres:
            # An act's essentials lead with its songs of the year round: Stevie Wonder's led with three Christmas
            # songs. They stay, after the others, where the act has few songs here.
            scoring.add("season", sig.seasonal.astype(np.float32), -W_SEASON_LAST)
        total = scoring.total(n)
        candidates = np.flatnonzero(mask)
        origin = (
            seed_origin(scoring.affinity, seeds, sig.track_artist)
            if seeds
            else self._genres.origin(terms, scoring.genre_which)
        )
        if candidates.size > self.pool:
            values = total[candidates]
            # A blend with sound similarity is rarely tied; genre, mood and popularity alone often are, and there a
            # narrowed selection would only fail and add work. Several genres each bring their best.
            top = distinct_top(values, self.pool) if "sound" in scoring.components else None
            if top is None and origin is not None and not seeds:
                top = top_per_group(values, origin[candidates], self.pool)
            if top is None:  # ties: the pool is whichever of them a full selection keeps, as it always was
                top = np.argpartition(-values, self.pool)[: self.pool]
            candidates = candidates[top]
        order = candidates[np.argsort(-total[candidates], kind="stable")]
        if seeds and not (seed_tracks or terms or query.by_artists or query.topics):
            if not (query.moods or query.features):
                order = seeds_reach(scoring, order, np.flatnonzero(mask), total, self.pool)
            else:
                # A mood only filters what the seeds reach, and seeds with no songs here reach by their neighbours
                # alone: 'like can, something heavy' was the chart's heavy songs. Seeds with songs keep to the pool's
                # songs by their neighbours too, when they have any: 'songs like hillsong united for a slow worship
                # set' was Beyoncé and Rihanna, slow songs that sound like Hillsong's one song here.
                neighbours = seed_neighbours(scoring, sig.track_artist)
                if "sound" not in scoring.components:
                    order = seeds_reach(scoring, order, np.flatnonzero(mask), total, self.pool, near=neighbours)
                elif neighbours.any():  # too few of theirs pass: the answer runs short and the mood is relaxed, said
                    order = order[neighbours[order]]
        if not query.by_artists:  # a handful per artist, so the pool holds enough artists for 8 of 10
            order = first_per_group(order, sig.track_family[order], POOL_PER_ARTIST)
        if origin is not None:  # each seed or genre brings its best into the pool, not only the strongest one
            order = interleave(order, origin[order])
        # 'Songs by X' may be all X's; by several acts, each its share ('k-pop girl groups' led by ten acts' songs
        # was three acts' songs), an act with fewer songs than that leaving the rest to the others.
        sizes = [len(self.catalog.tracks_of(a.index)) for a in query.by_artists]
        cap = max(self.max_per_artist, fair_share(count, sizes)) if sizes else self.max_per_artist
        chosen = diversify(
            Pool(sig, order, total, origin), count, query, cap=cap, song=self._song, title=self.catalog.base_title
        )
        said = self._explain.tracks(chosen, scoring, query)
        return [ScoredTrack(int(i), float(total[i]), reasons) for i, reasons in zip(chosen, said, strict=True)]

    def similar_artists(self, artist: int, *, count: int, exclude: Sequence[int] = ()) -> list[ScoredArtist]:
        """Artists closest to one artist by co-listening, then shared tags."""
        aff = self.signals.artist_affinity([artist])
        score = W_COLISTEN * aff.colisten + W_PLAYLISTS * aff.playlists + W_TAGS * aff.tags
        score += 0.05 * self.signals.catalog.artist_popularity
        score[self.signals.family_of([artist])] = -np.inf  # 'Bob Marley & The Wailers' is not like Bob Marley
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
                reasons.append(explain.colisten_reason(seed_name, float(aff.colisten[a])))
            elif aff.playlists[a] > 0:
                reasons.append(explain.playlist_reason(seed_name, float(aff.playlists[a])))
            shared = self._explain.shared_tags(int(a), artist) if aff.tags[a] > 0 else []
            if shared or (aff.tags[a] > 0 and not reasons):
                reasons.append(explain.shared_tags_reason(seed_name, shared, float(aff.tags[a])))
            out.append(ScoredArtist(int(a), float(score[a]), tuple(reasons)))
        return out

    def exemplars(self, genres: Sequence[str]) -> tuple[EntityRef, ...]:
        """The artists listeners file under the genres most (`GenreFilter.exemplars`)."""
        return self._genres.exemplars(genres)

    def broader_genres(self, genres: Sequence[str]) -> tuple[str, ...]:
        """The requested genres with scenes widened to their head genre ('german rap' -> 'rap'), or else each plain
        genre to its nearest broader ones (`GenreFilter.wider`)."""
        heads = self._genres.heads(genres)
        if heads != tuple(dict.fromkeys(genres)) or self._genre_parents is None or self._genres.voiced(genres):
            return heads
        return self._genres.wider(genres, self._genre_parents)

    def filed_beside(self, genres: Sequence[str]) -> tuple[str, ...]:
        """The genres the acts of `genres` are filed beside most (`GenreFilter.filed_beside`)."""
        return self._genres.filed_beside(genres)

    # -- constraints ---------------------------------------------------------------------------------------------

    def admissible(
        self, query: Query, personal: Personal | None = None, exclude_tracks: Sequence[int] = ()
    ) -> NDArray[np.bool_]:
        """Every hard constraint of a request as one mask over the catalog: what `recommend` may ever choose.

        Live-source fusion checks catalog tracks a source brought in against it, so no constraint is bypassed.
        """
        mask = self._constraint_mask(query, personal, exclude_tracks)
        terms = self._genres.terms(query.genres)
        if terms:
            mask &= self._genres.mask(terms, english=query.sung_in == "en")
        return mask

    def _home(self, scoring: RequestScoring, named: Sequence[int], query: Query) -> None:
        """The seeds' home scene and language. Acts named in English: the scene counts for acts like them once the
        place is left out (`GenreFilter.home_likeness`: 'like einstürzende neubauten' had Fler, sharing only
        'german'); asked in the seeds' language, all of it ('parecido com Caetano Veloso' is Brazilian music)."""
        home, sung = self._genres.home(named), self._genres.sung_home(named)
        if home is None and sung is None:
            return
        # Acts a cue named, not those a genre stands for ('anime openings': dragon ball z, its home is Japan's songs)
        typed = query.named and query.language in (None, "en")
        likeness = self._genres.home_likeness(named) if typed and home is not None else None
        if home is not None:
            scoring.add("home", home if likeness is None else home * likeness, W_HOME)
        if sung is not None:
            scoring.add("sung_home", sung, W_SUNG_HOME)

    def _constraint_mask(
        self, query: Query, personal: Personal | None, exclude_tracks: Sequence[int]
    ) -> NDArray[np.bool_]:
        sig = self.signals
        mask = np.ones(self.catalog.n_tracks, dtype=bool)
        if query.year_min is not None:
            mask &= sig.year >= query.year_min
        if query.artists_from is not None:  # 'like nirvana but newer bands': artists who began later, not reissues
            mask &= sig.artist_began[sig.track_artist] >= query.artists_from
        if query.year_max is not None:
            mask &= (sig.year <= query.year_max) & (sig.year > 0)
        for low, high in query.exclude_eras:  # 'rock but nothing from the 80s'
            mask &= (sig.year < low) | (sig.year > high)
        if query.sung_in is not None:  # 'sad songs in english': no other language's scene
            mask &= ~self._genres.other_tongues(query.sung_in)
        if query.features:
            mask &= sig.feature_mask(query.features)
        if query.exclude_genres:
            mask &= self._kept(tuple(query.exclude_genres))
        if query.by_artists:
            # "songs by X": X's own tracks, ranked by the other signals (mood, era, popularity).
            mask &= self._artists_mask([a.index for a in query.by_artists])
        own = {a.index for a in query.by_artists}
        banned_artists = [a.index for a in query.exclude_artists]
        banned_artists += [a.index for a in query.seed_artists if a.index not in own]
        if personal:
            banned_artists += list(personal.disliked_artists) + list(personal.blocked_artists)
        if banned_artists:
            mask[self.signals.family_tracks(banned_artists)] = False
        left_out = [a.index for a in query.exclude_artists] + (list(personal.blocked_artists) if personal else [])
        if left_out:  # 'no drake' left Chris Brown's 'No Guidance (feat. Drake)' in
            mask[self._credits.featuring([self.catalog.artist(a).name for a in left_out])] = False
        banned_tracks = list(exclude_tracks) + [t.index for t in query.seed_tracks]
        banned_tracks += self.versions([t.index for t in query.exclude_tracks])
        if personal:
            banned_tracks += list(personal.liked_tracks) + list(personal.disliked_tracks) + list(personal.known_tracks)
        if banned_tracks:
            mask[np.asarray(banned_tracks, dtype=np.int64)] = False
        if query.seconds_min is not None or query.seconds_max is not None:  # 'songs under 3 minutes'
            mask &= sig.lasting(query.seconds_min, query.seconds_max)
        if query.free_to_use:  # 'no copyright music for my stream': the Creative Commons releases only
            mask &= np.asarray(self.catalog.track_source) == FREE_SOURCE
        if query.exclude_topics:  # 'nothing about money': no lyrics here, so no song with it in the title
            mask &= sig.titled(query.exclude_topics) == 0
        if query.clean:  # 'clean versions': no lyrics and no explicit flag here, so no swearing in the title
            mask &= sig.titled(SWEARING) == 0
        if query.novelty is Novelty.DEEP:
            mask &= sig.popularity <= DEEP_POPULARITY_CAP
        if any(word in g for g in query.genres for word in SEASON_WORDS):
            mask &= sig.seasonal  # 'christmas songs': B2K's 'Bump, Bump, Bump' sat on a Christmas playlist, no more
        elif not query.by_artists and not any(bool(sig.seasonal[t.index]) for t in query.seed_tracks):
            # And nowhere else, even where an artist has only Christmas songs here: The Jackson 5's 'Santa Claus Is
            # Coming To Town' is no answer to Superstition, nor Dean Martin's 'Let It Snow' to Sinatra in June.
            mask &= ~sig.seasonal
        return mask

    def versions(self, tracks: Sequence[int]) -> list[int]:
        """Every version of each song by its own artist ('Dreams - 2004 Remaster', 'Light My Fire - New Stereo
        Mix'): the song key the answer's one-version-per-song rule uses (also across an answer's pages)."""
        out: list[int] = []
        for track in tracks:
            own = self.catalog.tracks_of(int(self.signals.track_artist[track]))
            out += [int(t) for t in own if self._song(int(t)) == self._song(track)]
        return out

    def _kept_apart_from(self, genres: tuple[str, ...]) -> NDArray[np.bool_]:
        """Tracks that 'no <genre>' keeps, for each of the genres (cached, read-only: `_kept`)."""
        sig = self.signals
        excluded_cols = [c for g in genres for c in self._exclude_columns(g)]
        out = np.zeros(self.catalog.n_tracks, dtype=bool)
        if excluded_cols:
            # A playlist label on the artist ('trap' on every rapper of one trap playlist) excludes the songs that
            # sat there and artists it is a main genre of (Future, Migos), not J. Cole: "chill hip hop no trap"
            # excluded all hip hop and came back empty.
            heard = [c for c in excluded_cols if sig.listener_column[c]]
            labels = [c for c in excluded_cols if not sig.listener_column[c]]
            out = sig.tracks_tagged(excluded_cols)
            if heard:  # a listener tag at any rank: 2Pac's 'west coast rap' (0.24) is not among his five strongest
                out |= sig.tag_mask(heard) | (sig.artist_tag_weight(heard) >= EXCLUDE_HEARD_WEIGHT)
            if labels:
                out |= sig.artist_tag_weight(labels) >= EXCLUDE_LABEL_WEIGHT
                named = {normalize_name(g) for g in genres}
                voted = [c for c in labels if normalize_name(self.catalog.tag_names[c]) in named]
                out |= sig.voted_share(voted) >= EXCLUDE_VOTED_SHARE
        return read_only(~out)

    def own_songs(self, artist: int) -> int:
        """How many songs 'songs by X' may choose from: the artist's and its line-ups' ('songs by bob marley' has
        Bob Marley & The Wailers' songs, none filed under Bob Marley alone), as `_artists_mask` selects them."""
        return int(self.signals.family_tracks([artist]).size)

    def _artists_mask(self, artists: Sequence[int]) -> NDArray[np.bool_]:
        """Tracks by one of `artists` or their line-ups ('Bob Marley & The Wailers' for Bob Marley)."""
        mask = np.zeros(self.catalog.n_tracks, dtype=bool)
        mask[self.signals.family_tracks(artists)] = True
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

    def _sound_and_style(self, scoring: RequestScoring, seeds: list[int], seed_tracks: list[int]) -> None:
        """Closeness in sound and tags to the seed tracks, else to the seed artists' tracks and style."""
        sig = self.signals
        if seed_tracks:
            centroid = sig.centroid_z(seed_tracks)
            if centroid is not None:
                scoring.add("sound", sig.feature_similarity(centroid), W_SOUND_TRACK)
                scoring.sound_seed = display_title(self.catalog.track(seed_tracks[0]).title)
                scoring.sound_values = seed_sound(sig.features, sig.has_features, seed_tracks)
            profile = sig.track_tag_profile(seed_tracks)
            norm = float(np.linalg.norm(profile))
            if norm > 0:
                scoring.style = profile / norm
                scoring.add("track_tags", np.asarray(sig.track_tag_likeness(scoring.style)), W_TRACK_TAGS)
        elif seeds:
            artist_tracks = np.concatenate([sig.songs_of(a)[:50] for a in seeds[:5]])
            centroid = sig.centroid_z(artist_tracks)
            if centroid is not None:
                scoring.add("sound", sig.feature_similarity(centroid), W_SOUND_ARTIST)
                scoring.sound_seed = self.catalog.artist(seeds[0]).name
                scoring.sound_values = seed_sound(sig.features, sig.has_features, artist_tracks)
            # The seeds' style as tags, matched against each track's own genres: when a mood filter removes most
            # co-listened tracks ("Daft Punk but chill"), this keeps the rest in the seeds' family of sound.
            style = sig.seed_tag_profile(seeds[:5])
            if style is not None:
                scoring.style = np.asarray(style, dtype=np.float32).ravel()
                scoring.add("track_tags", np.asarray(sig.track_tag_likeness(style)), W_STYLE)

    @staticmethod
    def _admit_by_tags(
        scoring: RequestScoring,
        mask: NDArray[np.bool_],
        heard: _Heard,
        loose: NDArray[np.bool_],
        genre_mask: NDArray[np.bool_] | None,
    ) -> NDArray[np.bool_]:
        """Tracks without audio features that listeners tag with the mood pass its feature bounds (`loose`: the
        request's constraints without them).

        The 21k Creative Commons tracks have no features, so any bound removed them all: "something to fall asleep
        to" answered with calm chart songs and never the ambient records tagged 'sleep' and 'ambient'.
        """
        fits = heard.fits
        if not fits.any():
            return mask
        if genre_mask is not None:
            loose = loose & genre_mask
        mood = scoring.components.get("mood")
        if mood is not None:  # a copy: the mood's closeness is cached for every request
            mood = scoring.components["mood"] = mood.copy()
            mood[fits] = MOOD_TAG_FIT * heard.heard[fits]
        return mask | (fits & loose)

    def _spoken(self, scoring: RequestScoring, query: Query, heard: _Heard | None) -> None:
        """The request's language prefers its scenes' songs among those that fit about as well (`spoken.py`)."""
        evidence = None if heard is None else heard.evidence
        spoken = spoken_preference(self._genres, query, evidence, MOOD_TAG_UNKNOWN)
        if spoken is not None:
            scoring.add("spoken", spoken, W_SPOKEN)

    def _spoken_like(self, scoring: RequestScoring, query: Query, seeds: Sequence[int]) -> None:
        """An act of the request language's own scene heard beside that scene's peers first (`spoken.py`), unless
        the acts' home scene already counts (Rammstein's German)."""
        if "home" not in scoring.components:
            spoken = spoken_beside_acts(self._genres, self.catalog, query, seeds)
            if spoken is not None:
                scoring.add("spoken", spoken, W_SPOKEN_SEEDED)

    def _mood_tags(self, scoring: RequestScoring, query: Query) -> _Heard | None:
        """Listeners' mood tags and the mood's styles, so a mood answer is ranked by how it is heard, not the chart.

        The evidence is `MoodEvidence.heard`; an artist nobody tagged gets `MOOD_TAG_UNKNOWN` here. Returns the
        evidence itself (without that prior) with what derives from it, or None when the moods name no catalog tag.
        """
        heard = self._heard(tuple(query.moods))
        if heard is not None:
            scoring.add("mood_tags", heard.evidence, W_MOOD_TAGS)
        if (gloom := self._moods.gloom(query.moods)) is not None:  # a bright mood, not from a gloomy act
            scoring.add("gloom", gloom, -W_MOOD_TAGS)
        return heard

    def _heard_as(self, moods: tuple[str, ...]) -> _Heard | None:
        """The arrays of `_mood_tags` and `_admit_by_tags` that depend on the moods alone (cached, read-only)."""
        sig = self.signals
        heard = self._moods.heard(moods)
        if heard is None:
            return None
        # An artist nobody tagged beyond playlist labels is unknown, not unfit: it gets the neutral prior, unless
        # the mood is a style ('church music': Roddy Ricch, untagged, came ninth among the gospel).
        unknown = ~sig.listener_tagged[sig.track_artist]
        prior = 0.0 if STYLE_MOODS.intersection(moods) else MOOD_TAG_UNKNOWN
        evidence = np.where(unknown, np.maximum(heard, prior), heard).astype(np.float32)
        fits = ~sig.has_features & (heard >= MOOD_TAG_ADMIT)
        return _Heard(heard, read_only(evidence), read_only(fits))

    # -- selection -----------------------------------------------------------------------------------------------

    @cached_property
    def _year_ranks(self) -> FloatArray:
        """`novelty.year_ranks` over the catalog, built on the first request for a decade's best-known songs."""
        return read_only(year_ranks(self.signals.year, self.signals.popularity, self.signals.measured))

    def twisted(self, query: Query) -> Query:
        """Comparatives beside the named seeds, relative to the seeds' own sound (`twists.twisted`): the service
        reads a request this way once, before any pass over the catalog, so its answer says the bounds it used."""
        return twisted(query, self.signals.songs_of, self.signals.features, self._nearest_artists)

    def _nearest_artists(self, artist: int) -> list[int]:
        """The artist's co-listened neighbours with songs here, else its co-playlisted ones (artists newer than the
        listening data)."""
        return self.signals.neighbours.nearest_with_songs(artist)

    def _song(self, idx: int) -> str:
        """The track's song key, computed once per track (two regexes over the title each time cost ~16 us)."""
        key = self._songs.get(idx)
        if key is None:
            key = self._songs[idx] = song_key(self.catalog.track(idx).title)
        return key
