"""Plain typed objects that cross every seam: catalog -> engine -> service -> CLI or bot.

Frozen and slotted; never ORM rows or discord objects. `to_dict` gives the JSON shape `segue ask --json` prints.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

FEATURE_NAMES: tuple[str, ...] = (
    "danceability",
    "energy",
    "valence",
    "tempo",
    "acousticness",
    "instrumentalness",
    "speechiness",
    "liveness",
    "loudness",
)
"""Column order of every audio-feature array (tempo in BPM, loudness in dB, the rest 0..1)."""

FeatureName = Literal[
    "danceability",
    "energy",
    "valence",
    "tempo",
    "acousticness",
    "instrumentalness",
    "speechiness",
    "liveness",
    "loudness",
]


class Novelty(StrEnum):
    """How far from the mainstream an answer may go (the novelty dial)."""

    FAMILIAR = "familiar"
    BALANCED = "balanced"
    DEEP = "deep"


@dataclass(frozen=True, slots=True)
class AudioFeatures:
    """Spotify-style audio features; None where the source does not know them."""

    danceability: float | None = None
    energy: float | None = None
    valence: float | None = None
    tempo: float | None = None
    acousticness: float | None = None
    instrumentalness: float | None = None
    speechiness: float | None = None
    liveness: float | None = None
    loudness: float | None = None

    def to_dict(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name in FEATURE_NAMES}

    @property
    def known(self) -> bool:
        return any(getattr(self, name) is not None for name in FEATURE_NAMES)


@dataclass(frozen=True, slots=True)
class Artist:
    """One artist, merged across datasets by normalized name."""

    id: str
    name: str
    genres: tuple[str, ...] = ()
    popularity: float = 0.0
    """0..1, relative to the most popular artist in the catalog."""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Track:
    """One recording, de-duplicated across playlists and datasets."""

    id: str
    title: str
    artists: tuple[str, ...]
    artist_ids: tuple[str, ...]
    album: str | None = None
    year: int | None = None
    duration_ms: int | None = None
    popularity: float | None = None
    """0..100 as Spotify reports it; None where unknown."""
    features: AudioFeatures = field(default_factory=AudioFeatures)
    genres: tuple[str, ...] = ()
    license: str | None = None
    mp3_url: str | None = None
    """A direct, legally playable MP3 (Creative Commons releases only)."""
    source: str = "local"
    external_id: str | None = None
    """The id in the source dataset (e.g. a Spotify track id)."""

    @property
    def display(self) -> str:
        return f"{self.title} - {', '.join(self.artists)}"


@dataclass(frozen=True, slots=True)
class Links:
    """Where to listen: search links need no API; `mp3` only where the license allows."""

    spotify: str | None = None
    youtube: str | None = None
    deezer: str | None = None
    mp3: str | None = None
    preview: str | None = None
    """A 30 s preview clip a live source offers (Deezer, Spotify); never a full track. Not in `to_dict`: the
    `segue ask --json` links object keeps its published four keys."""

    def to_dict(self) -> dict[str, str | None]:
        return {"spotify": self.spotify, "youtube": self.youtube, "deezer": self.deezer, "mp3": self.mp3}


_BY_WORD = re.compile(r"\s+(?:by|von|de|du|di|da|do)\s+", re.IGNORECASE)
"""'by' in the request languages, between a song's title and its artist."""


@dataclass(frozen=True, slots=True)
class Reason:
    """A short, truthful explanation taken from the scoring component that ranked an item."""

    kind: str
    """Which component: colisten, content, genre, mood, era, popularity, tag, seed, topic, personal, source."""
    text: str
    weight: float = 0.0
    facts: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    """What `text` says as data (names, numbers, feature words), so the bot can say it in any language;
    `segue.engine.explain` documents the keys of each kind. JSON-safe: it rides in cached answers."""


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A resolved seed: catalog index, id and display name (artist or track)."""

    index: int
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class FeatureRange:
    """A constraint or target on one audio feature, produced by a mood or activity word."""

    feature: str
    low: float | None = None
    high: float | None = None
    target: float | None = None
    because: str = ""
    """The word that asked for it (e.g. 'chill')."""

    def accepts(self, value: float | None) -> bool:
        if value is None:
            return False
        if self.low is not None and value < self.low:
            return False
        return not (self.high is not None and value > self.high)

    def disjoint(self, other: FeatureRange, width: float = 0.0) -> bool:
        """Whether this bound and another on the same feature leave less than `width` between them (at 0: no value
        satisfies both): the parser's moods that give way and the bot's follow-up twists read clashes alike."""
        if self.feature != other.feature:
            return False
        return (self.low is not None and other.high is not None and other.high - self.low < width) or (
            self.high is not None and other.low is not None and self.high - other.low < width
        )


@dataclass(frozen=True, slots=True)
class Query:
    """A request as Segue understood it; the parser builds it from text, commands build it from options."""

    text: str = ""
    seed_artists: tuple[EntityRef, ...] = ()
    seed_tracks: tuple[EntityRef, ...] = ()
    by_artists: tuple[EntityRef, ...] = ()
    """Seed artists whose own songs were asked for ("songs by X"), not similar ones; also in `seed_artists`."""
    genres: tuple[str, ...] = ()
    moods: tuple[str, ...] = ()
    features: tuple[FeatureRange, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    seconds_min: int | None = None
    seconds_max: int | None = None
    """A song's length asked for ('under 3 minutes': at most 180 s), in seconds."""
    artists_from: int | None = None
    """'like metallica but newer bands': only artists whose first song came out in or after this year. A newer
    *song* by the seeds' peers was the reading before, and answered with Black Sabbath's 2016 reissues."""
    sung_in: str | None = None
    """'sad songs in english', 'des chansons en anglais': the language the songs are sung in, where no genre tag
    says it ('en': songs of other languages' scenes are left out). Read as the tag 'english', it was 80s new wave."""
    novelty: Novelty = Novelty.BALANCED
    exclude_genres: tuple[str, ...] = ()
    exclude_artists: tuple[EntityRef, ...] = ()
    exclude_tracks: tuple[EntityRef, ...] = ()
    """Songs left out by name ('fleetwood mac but not dreams'): every version of each."""
    exclude_eras: tuple[tuple[int, int], ...] = ()
    """Years left out, both ends included ('rock but nothing from the 80s': 1980-1989; it was said unread and the
    answer held Mötley Crüe's 1989 'Kickstart My Heart'). A song of unknown year stays."""
    count: int | None = None
    asked_count: int | None = None
    """The number typed when it was more than one answer holds ("30 chill tracks"), so the answer can say so."""
    unresolved: tuple[str, ...] = ()
    """Names the text seemed to mention but the catalog does not know."""
    surprise: bool = False
    """'surprise me', 'vibes', 'any recs?': nothing named, a mix asked for."""
    shuffled: bool = False
    """A surprise mix asked for at random ('surprise me', 'anything'): any well-known song may lead; not 'songs
    everyone knows', which asks for the best known."""
    blend: bool = False
    """'something between taylor swift and the cure', 'kendrick lamar meets bon iver': the seeds together, so what
    is close to all of them comes in, not only each seed's own neighbours in turn."""
    free_to_use: bool = False
    """'no copyright music for my stream': only Creative Commons songs, which a stream or a video may play."""
    clean: bool = False
    """'clean versions', 'no explicit', 'keep it hr safe': clean lyrics, which the catalog cannot check (it knows no
    explicit flag): songs with swearing in the title are left out, and the answer says so."""
    follow_up: bool = False
    """'more like the 3rd one', 'again but faster': the request points at an earlier answer it cannot see."""
    named: bool = False
    """A cue ('like', 'by') announced a name, found or not: 'songs like melanie martinez' asked for music, even when
    the name is unknown, and is not told that nothing in it was understood as music."""
    ignored: tuple[str, ...] = ()
    """Words no reading used ('japanese city' when only 'pop' of 'japanese city pop' was read), said in the answer."""
    suggestions: tuple[str, ...] = ()
    """Close catalog matches for the unresolved names."""
    read_as: tuple[tuple[str, str], ...] = ()
    """Genres as typed that the catalog has no tag for, each with the nearest tag read instead ('city pop' ->
    'j-pop'), so the answer says so rather than answering another genre silently."""
    played_by: tuple[tuple[str, str], ...] = ()
    """Genres as typed that the catalog has no songs filed under, each with the acts read instead ('future bass'
    -> 'Flume, ILLENIUM, San Holo'): the answer is music like theirs, and says so."""
    examples: tuple[EntityRef, ...] = ()
    """Acts named without a cue beside a genre as its examples ('britpop, oasis blur pulp', 'female rappers, nicki
    megan doja cardi'): the genre's answer leads with a few of their songs when it holds none of them."""
    topics: tuple[str, ...] = ()
    """What the songs should be about ('trucks' in "songs about trucks"); matched to titles, said in the answer."""
    exclude_topics: tuple[str, ...] = ()
    """What the songs must not be about ('rap but nothing about money'): songs with the word in the title are left
    out, said in the answer."""
    meant: tuple[tuple[str, str], ...] = ()
    """Words no list knows, each with the mood read from its meaning ('thunderstorm' -> 'rainy'), said in the answer."""
    unheard: tuple[str, ...] = ()
    """Instruments asked for beside named acts, which the catalog cannot hear per song ('like taylor swift but with
    more guitar'): the answer is like the acts, and says so."""
    gave_way: tuple[tuple[str, str], ...] = ()
    """Moods that asked for a sound opposite to another's, whose bounds gave way: (word, word kept) ('heartbreak but
    make it angry': the songs sound angry), said in the answer."""
    links: tuple[str, ...] = ()
    """Links pasted in the request that name no catalog song: the site of each ('youtube.com'), or 'spotify' for a
    Spotify track the catalog lacks. Nothing is fetched; the answer says to name the song instead."""
    language: str | None = "en"
    """The language the request was written in ('es', 'fr', 'de', 'pt-BR', 'it', 'en'), so an answer can reply in
    it; None when nothing tells (only names or genres: 'Daft Punk', 'salsa') or two languages fit alike."""
    tongues: tuple[str, ...] = ()
    """With `language` None, the languages the words fit alike ('música triste': es and pt-BR): the answer leans to
    the songs of their scenes as it would for one."""

    @property
    def unknown_name_asked(self) -> bool:
        """A cue asked for a name the catalog lacks ('songs like zorblax quentin'): its note says so, and the request
        is not 'not understood as music'."""
        return self.named and bool(self.unresolved)

    @property
    def notes_say_why(self) -> bool:
        """An empty answer's own notes say why (an earlier answer pointed at, a name the catalog lacks asked for by a
        cue, a link that cannot be opened), so it is not also told it was not understood as music."""
        return self.follow_up or self.unknown_name_asked or bool(self.links)

    @property
    def is_empty(self) -> bool:
        return (
            not (
                self.seed_artists or self.seed_tracks or self.genres or self.features or self.year_min or self.year_max
            )
            and not self.topics
        )

    def missing_songs(self) -> tuple[tuple[str, str, EntityRef], ...]:
        """Unread 'TITLE by ARTIST' phrases whose artist stands in as a seed (a song the catalog lacks by an artist
        it has): (phrase, title, artist)."""
        found = []
        for phrase in self.unresolved:
            # 'by' as the request said it: 'Haus am See von Peter Fox', 'Tous les mêmes de Stromae'.
            for by in _BY_WORD.finditer(phrase):
                title, name = phrase[: by.start()], phrase[by.end() :]
                artist = next((a for a in self.seed_artists if a.name.casefold() == name.casefold()), None)
                if artist is not None and title:
                    found.append((phrase, title, artist))
                    break
        return tuple(found)

    def unknown_names(self) -> tuple[str, ...]:
        """The unread phrases other than missing songs, whose artists already stand in as seeds."""
        missing = {phrase for phrase, _, _ in self.missing_songs()}
        return tuple(u for u in self.unresolved if u not in missing)

    def interpretation(self) -> dict[str, Any]:
        """The structured parse, shown to users so they can see how they were understood."""
        return {
            "seed_artists": [a.name for a in self.seed_artists],
            "seed_tracks": [t.name for t in self.seed_tracks],
            "by_artists": [a.name for a in self.by_artists],
            "genres": list(self.genres),
            "moods": list(self.moods),
            "features": [
                {"feature": f.feature, "low": f.low, "high": f.high, "target": f.target, "because": f.because}
                for f in self.features
            ],
            "era": None if self.year_min is None and self.year_max is None else [self.year_min, self.year_max],
            "seconds": None
            if self.seconds_min is None and self.seconds_max is None
            else [
                self.seconds_min,
                self.seconds_max,
            ],
            "artists_from": self.artists_from,
            "sung_in": self.sung_in,
            "novelty": self.novelty.value,
            "exclude_genres": list(self.exclude_genres),
            "exclude_artists": [a.name for a in self.exclude_artists],
            "exclude_tracks": [t.name for t in self.exclude_tracks],
            "exclude_eras": [list(e) for e in self.exclude_eras],
            "count": self.count,
            "asked_count": self.asked_count,
            "unresolved": list(self.unresolved),
            "suggestions": list(self.suggestions),
            "ignored": list(self.ignored),
            "read_as": dict(self.read_as),
            "played_by": dict(self.played_by),
            "examples": [a.name for a in self.examples],
            "meant": dict(self.meant),
            "gave_way": dict(self.gave_way),
            "unheard": list(self.unheard),
            "topics": list(self.topics),
            "exclude_topics": list(self.exclude_topics),
            "surprise": self.surprise,
            "clean": self.clean,
            "blend": self.blend,
            "shuffled": self.shuffled,
            "follow_up": self.follow_up,
            "named": self.named,
            "free_to_use": self.free_to_use,
            "links": list(self.links),
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommended track with its score, reasons, links and provenance."""

    track: Track
    score: float
    reasons: tuple[Reason, ...]
    links: Links
    source: str = "local"

    def to_dict(self) -> dict[str, Any]:
        t = self.track
        return {
            "title": t.title,
            "artists": list(t.artists),
            "album": t.album,
            "year": t.year,
            "genres": list(t.genres),
            "features": t.features.to_dict(),
            "popularity": t.popularity,
            "score": round(self.score, 6),
            "reasons": [r.text for r in self.reasons],
            "links": self.links.to_dict(),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class ArtistRecommendation:
    """One recommended artist (for `similar artist` and personal discovery)."""

    artist: Artist
    score: float
    reasons: tuple[Reason, ...]
    links: Links
    source: str = "local"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.artist.name,
            "genres": list(self.artist.genres),
            "popularity": self.artist.popularity,
            "score": round(self.score, 6),
            "reasons": [r.text for r in self.reasons],
            "links": self.links.to_dict(),
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Answer:
    """What the service returns for one request."""

    query: Query
    results: tuple[Recommendation, ...]
    notes: tuple[str, ...] = ()
    """Friendly remarks to show beside the results (e.g. an unknown name and its close matches)."""
    sources: dict[str, str] = field(default_factory=dict)
    """What each live source did for this answer: ok, cached, timeout, error, open-circuit or disabled."""
    degraded: bool = False
    """True when a live source that was asked failed or timed out, so the answer leans on the local engine."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": {"text": self.query.text, "interpretation": self.query.interpretation()},
            "results": [r.to_dict() for r in self.results],
            "notes": list(self.notes),
            "sources": dict(self.sources),
            "degraded": self.degraded,
        }


@dataclass(frozen=True, slots=True)
class Feedback:
    """A user's signal on an item, from a button or a command."""

    user_id: str
    kind: Literal["like", "dislike", "known", "block_artist", "unlike", "unblock_artist"]
    track_id: str | None = None
    artist_id: str | None = None
    guild_id: str | None = None
    """Where it was given (None in DMs): what /trending counts per server."""
    answer_key: str | None = None
    """The saved answer the button sat under, when there was one."""


@dataclass(frozen=True, slots=True)
class Exclusions:
    """What one listener must not be shown, as catalog ids: dislikes, "know it", blocked artists, and the tracks
    they already liked (kept out of /recommend; /discover uses likes to steer instead). These only filter."""

    disliked_tracks: tuple[str, ...] = ()
    known_tracks: tuple[str, ...] = ()
    blocked_artists: tuple[str, ...] = ()
    liked_tracks: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A catalog entry found by name lookup; `score` is 0..100 (100 = exact after normalization)."""

    index: int
    id: str
    name: str
    score: float
    renown: float = 0.0
    """For an artist, how well known it is (0..1; 0 when the resolver does not say)."""


@dataclass(frozen=True, slots=True)
class ArtistAnswer:
    """Artists similar to a seed artist."""

    seed: Artist
    results: tuple[ArtistRecommendation, ...]
    notes: tuple[str, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)
    """As `Answer.sources`."""
    degraded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed.name,
            "results": [r.to_dict() for r in self.results],
            "notes": list(self.notes),
            "sources": dict(self.sources),
            "degraded": self.degraded,
        }
