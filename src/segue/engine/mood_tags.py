"""Listener tags that say a mood, per mood label: evidence beside the audio features.

Audio features say a track *sounds* calm; Last.fm listeners who tagged an artist or a track "melancholic" or
"chillout" say it *is* heard that way, and Creative Commons tracks without features can qualify through them.
Each label lists the mood's own words first, then the styles a curator reaches for when asked for it (sleep:
ambient, modern classical; a dinner party: vocal jazz, bossa nova; a night drive: synthpop, chillwave, trip hop):
without them a mood was ranked by the chart among whatever passed its feature bounds ("songs to cry to" gave
"rockstar"). Only tags the catalog has count; a label missing here is scored by its features alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property, lru_cache

import numpy as np
from numpy.typing import NDArray

from segue.domain import Query
from segue.engine.signals import REQUEST_CACHE, CatalogSignals, FloatArray, read_only

MOOD_TAGS: dict[str, tuple[str, ...]] = {
    "sad": (
        "sad", "melancholic", "melancholy", "depressing", "sad songs", "heartbreak", "singer-songwriter",
        "piano", "slowcore", "sadcore", "indie folk",
    ),
    "melancholic": (
        "melancholic", "melancholy", "sad", "emotional", "atmospheric", "dream pop", "slowcore", "post rock",
        "singer-songwriter",
    ),
    "chill": (
        "chill", "chillout", "chill out", "chilled", "mellow", "relaxing", "downtempo", "trip hop", "lounge",
        "chillwave", "lo-fi", "neo soul", "bossa nova",
    ),
    "mellow": ("mellow", "chill", "soothing", "relaxing", "easy listening", "soft rock", "acoustic", "neo soul"),
    "relaxing": ("relaxing", "calm", "soothing", "chillout", "peaceful", "ambient", "acoustic", "new age", "downtempo"),
    "calm": ("calm", "peaceful", "soothing", "relaxing", "ambient", "acoustic", "piano", "new age"),
    "sleep": (
        "sleep", "calm", "ambient", "soothing", "peaceful", "drone", "modern classical", "neoclassical", "piano",
        "new age", "dream pop",
    ),
    "meditation": ("meditation", "ambient", "calm", "peaceful", "new age", "drone", "dark ambient"),
    "focus": (
        "study", "concentration", "ambient", "instrumental", "post rock", "modern classical", "classical", "idm",
        "instrumental hip-hop", "downtempo",
    ),
    "background": (
        "easy listening", "lounge", "chillout", "smooth jazz", "bossa nova", "vocal jazz", "jazz", "soul", "neo soul",
    ),
    "dinner": (
        "vocal jazz", "jazz", "bossa nova", "smooth jazz", "lounge", "easy listening", "swing", "crooner",
    ),
    "happy": ("happy", "feel good", "upbeat", "fun", "uplifting", "disco", "funk", "motown", "power pop", "soul"),
    "upbeat": ("upbeat", "happy", "energetic", "feel good", "fun", "disco", "funk", "dance pop", "power pop"),
    "euphoric": ("uplifting", "euphoric", "epic", "energetic", "trance", "progressive house"),
    "party": ("party", "dance", "fun", "club", "dance pop", "disco", "house", "electropop"),
    "dance": ("dance", "party", "club", "disco", "funk", "dance pop", "house"),
    "romantic": ("romantic", "love songs", "love", "ballad", "soft rock", "soul"),
    "sensual": ("sensual", "sexy", "slow jams", "r&b", "neo soul", "soul", "quiet storm"),
    "dark": ("dark", "atmospheric", "darkwave", "gothic", "industrial", "dark ambient", "post-punk", "witch house"),
    "dreamy": ("dreamy", "dream pop", "atmospheric", "ethereal", "shoegaze", "chillwave", "ambient"),
    "energetic": ("energetic", "upbeat", "party", "epic", "workout"),
    "workout": (
        "workout", "gym", "energetic", "motivation", "hip hop", "rap", "nu metal", "hard rock", "electro house",
    ),
    "stadium": ("anthem", "anthemic", "arena rock", "stadium rock", "hard rock", "classic rock", "party", "energetic"),
    "running": ("running", "workout", "energetic", "drum and bass", "electro house"),
    "angry": (
        "angry", "aggressive", "rage", "nu metal", "metalcore", "hardcore", "thrash metal", "industrial metal",
        "rap metal", "rapcore", "hardcore punk", "post-hardcore", "screamo", "riot grrrl", "hardcore rap",
    ),
    "aggressive": (
        "aggressive", "angry", "brutal", "metalcore", "thrash metal", "hardcore", "death metal", "hardcore punk",
        "rapcore", "hardcore rap",
    ),
    "driving": ("driving", "road trip", "classic rock", "heartland rock", "album rock", "southern rock"),
    "acoustic": ("acoustic", "singer-songwriter", "folk", "indie folk", "unplugged", "americana"),
    "instrumental": ("instrumental", "post rock", "ambient", "classical", "modern classical", "instrumental hip-hop"),
    "night drive": (
        "driving", "night", "atmospheric", "synthwave", "chillwave", "synthpop", "dream pop", "trip hop", "electro",
        "alternative r&b", "darkwave",
    ),
    "rainy": ("rainy day", "rain", "melancholic", "mellow", "acoustic", "indie folk", "dream pop", "trip hop"),
    "summer": ("summer", "feel good", "happy", "beach", "reggae", "surf", "funk", "ska", "dancehall"),
    "morning": ("morning", "acoustic", "mellow", "happy", "folk", "indie folk", "singer-songwriter", "soul"),
    # occasions (`segue.engine.query.occasions`): the styles that tell one gathering's music from another's
    "dive bar": (
        "classic rock", "hard rock", "rock n roll", "punk", "punk rock", "garage rock", "blues rock", "southern rock",
        "outlaw country", "country", "rockabilly", "pub rock",
    ),
    "pub": (
        "irish", "celtic", "folk punk", "celtic punk", "celtic rock", "irish folk", "pub rock", "sea shanties",
        "drinking songs", "british folk",
    ),
    "worship": (
        "gospel", "worship", "christian", "ccm", "praise", "hymns", "spiritual", "christian rock", "southern gospel",
    ),
    "kids": ("disney", "children's music", "kids", "soundtrack", "musicals", "family"),
    "rave": ("rave", "techno", "trance", "hardstyle", "drum and bass", "acid", "acid house", "minimal techno"),
    "frat party": (
        "crunk", "dirty south", "party rap", "frat rap", "bounce",
    ),
    "travel": ("ambient", "downtempo", "dream pop", "trip hop", "post rock", "chillwave", "electronica", "travel"),
    "outdoors": (
        "indie folk", "folk", "americana", "folk rock", "bluegrass", "acoustic", "country", "post rock",
        "singer-songwriter", "alt-country",
    ),
    "fourth of july": (
        "americana", "country", "classic rock", "heartland rock", "southern rock", "patriotic", "rock n roll",
        "american",
    ),
    "cozy": (
        "acoustic", "folk", "indie folk", "piano", "jazz", "vocal jazz", "singer-songwriter", "mellow", "winter",
        "chamber pop",
    ),
    "graduation": (
        "nostalgic", "nostalgia", "feel good", "uplifting", "pop rock", "pop punk", "anthem", "memories", "power pop",
    ),
    "cocktail": (
        "lounge", "nu jazz", "bossa nova", "acid jazz", "chillout", "downtempo", "nu disco", "french pop", "trip hop",
        "soul",
    ),
}  # fmt: skip

STYLE_MOODS = frozenset({"worship", "kids", "frat party", "pub", "dive bar", "fourth of july", "outdoors"})
"""Occasions whose music is a style more than a sound: a song nobody tagged is not presumed to fit them halfway."""
SETTINGS = frozenset({"dinner", "background", "cocktail", "focus", "morning", "cozy", "travel", "driving"})
"""Where or when the music plays, not how it feels (a rainy day is a sound): beside a genre named with it, the
genre says what is played, and the setting's bounds give way when too few of the genre's songs pass them
(`in_setting`)."""

MOOD_WORDS: frozenset[str] = frozenset(
    word.strip()
    for word in """
    sad|melancholic|melancholy|depressing|emotional|sad songs|heartbreak|chill|chillout|chill out|chilled|mellow|
    relaxing|calm|soothing|peaceful|sleep|meditation|study|concentration|happy|feel good|upbeat|fun|uplifting|
    euphoric|epic|energetic|party|dance|club|romantic|love songs|love|sensual|sexy|slow jams|dark|atmospheric|
    dreamy|ethereal|workout|gym|motivation|running|angry|aggressive|rage|brutal|driving|road trip|night|rainy day|
    rain|summer|beach|morning
    """.replace("\n", "").split("|")
) - {""}
"""Tags that state a mood; every other tag in `MOOD_TAGS` is a style that often carries it, and counts less."""

MOOD_TAG_FULL = 0.2
"""A mood tag weight from which a track counts as fully tagged with the mood."""
GLOOM_TAGS: tuple[str, ...] = (
    *("dark", "darkwave", "dark wave", "gothic", "goth", "industrial", "ebm", "dark ambient", "dark electro"),
    *("doom metal", "black metal", "funeral doom", "gothic rock", "aggrotech", "depressive black metal"),
)
"""Tags that say an artist is heard as dark, against the bright moods (`BRIGHT_MOODS`). Not 'sad' or 'melancholic':
many bright songs are by acts some listeners call sad (Norah Jones, Amy Winehouse left 'happy but chill')."""
BRIGHT_MOODS = frozenset({"happy", "upbeat", "party", "euphoric", "summer"})
"""Moods an artist heard as dark answers badly, however bright its songs' audio features: 'ich brauche gute
laune musik' led with Blutengel's 'Seelenschmerz' and Funker Vogt (Spotify's positivity 0.83 and 0.77)."""
MOOD_STYLE_SHARE = 0.8
"""A style that often carries a mood ('singer-songwriter' for sad) is weaker evidence than the mood's own word."""
MOOD_TAG_SOME = 0.5
MOOD_MIN_COVER = 200
"""Songs a mood's tags must reach (evidence at least `MOOD_TAG_SOME`) to be required beside another mood."""


class MoodEvidence:
    """How strongly listeners' tags say each track is heard in the request's moods (0..1), over one catalog."""

    def __init__(self, signals: CatalogSignals) -> None:
        self.signals = signals
        self._heard = lru_cache(maxsize=REQUEST_CACHE)(self._evidence)

    def heard(self, moods: Sequence[str]) -> FloatArray | None:
        """The evidence for all the moods at once, or None when they name no catalog tag.

        Several moods combine by meaning: a track must be heard as each ("angry music for the gym" is angry AND for
        a workout), so their evidence is averaged, not the best of the union (which let dance-pop in). A mood
        listeners rarely tag ('sing along': 37 songs) cannot be required of every pick: averaged in, it halved the
        road-trip songs of "road trip singalongs"; its feature bounds still apply. Cached, read-only.
        """
        return self._heard(tuple(moods))

    def _evidence(self, moods: tuple[str, ...]) -> FloatArray | None:
        per_mood = [e for e in (self.one(m) for m in dict.fromkeys(moods)) if e is not None]
        covered = [e for e in per_mood if int(np.count_nonzero(e >= MOOD_TAG_SOME)) >= MOOD_MIN_COVER]
        per_mood = covered or per_mood
        if not per_mood:
            return None
        heard: FloatArray = np.mean(per_mood, axis=0, dtype=np.float32) if len(per_mood) > 1 else per_mood[0]
        return read_only(heard)

    def gloom(self, moods: Sequence[str]) -> FloatArray | None:
        """For bright moods, how strongly each track is heard as dark (`GLOOM_TAGS`, 0..1); else None.
        Cached, read-only."""
        return self._gloom if BRIGHT_MOODS.intersection(moods) else None

    @cached_property
    def _gloom(self) -> FloatArray | None:
        columns = self._columns(GLOOM_TAGS)
        return read_only(self._tags(columns)) if columns else None

    def one(self, mood: str) -> FloatArray | None:
        """One mood: a mood word ('sad') is full evidence, a style that often carries it ('singer-songwriter')
        counts `MOOD_STYLE_SHARE`; an artist's tag counts at any rank (few have "sad" among their five strongest)."""
        tags = MOOD_TAGS.get(mood, ())
        words = self._columns([t for t in tags if t in MOOD_WORDS])
        styles = self._columns([t for t in tags if t not in MOOD_WORDS])
        if not words and not styles:
            return None
        best: FloatArray = np.maximum(self._tags(words), MOOD_STYLE_SHARE * self._tags(styles), dtype=np.float32)
        return best

    def _tags(self, columns: list[int]) -> FloatArray:
        """0..1 per track: its own or its artist's weight for the tags, saturating at `MOOD_TAG_FULL` (a famous
        artist spreads its weight over many tags; a raw weight would favour artists with one listener)."""
        if not columns:
            return np.zeros(self.signals.catalog.n_tracks, dtype=np.float32)
        score = self.signals.track_tag_weight(columns)
        heard: FloatArray = self.signals.heard_tag_weight(columns)  # one listener's word counts less
        best = np.maximum(score, heard)
        out: FloatArray = np.clip(best / MOOD_TAG_FULL, 0.0, 1.0).astype(np.float32)
        return out

    def _columns(self, tags: Sequence[str]) -> list[int]:
        return [i for i in (self.signals.catalog.tag_index(t) for t in tags) if i is not None]


SETTING_MIN_FIT = 3
"""Songs of a genre per answer slot that must pass a setting's bounds for them to hold."""


def in_setting(query: Query, mask: NDArray[np.bool_], loose: NDArray[np.bool_], count: int) -> NDArray[np.bool_]:
    """What a genre beside a setting alone admits (`mask`, or `loose`: without the setting's bounds): 'classical music
    for a dinner party' passed only Michael Bublé and Andrea Bocelli, the Creative Commons orchestras having no audio
    features for the dinner's bounds to check, so a genre whose songs too seldom pass is played whatever its sound,
    the setting ranking it."""
    if not query.features or not query.moods or not SETTINGS.issuperset(query.moods):
        return mask
    if int(np.count_nonzero(mask)) >= SETTING_MIN_FIT * count:
        return mask
    return loose
