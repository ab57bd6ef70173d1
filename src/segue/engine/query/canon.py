"""The canon: classics, singalongs and the way into an act, read after the scan from the request's own words.

'timeless classics', 'road trip singalongs', 'canciones clásicas', 'where do i start with radiohead': what lasted
and what everybody knows, not this year's charts (popularity is what a streaming service measured in 2020).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from segue.domain import FeatureRange, Novelty, Query
from segue.engine.query import lexicon as lx
from segue.engine.query.moods import MOODS_BY_LABEL, SINGALONG_PHRASES, mood_for
from segue.engine.query.played_by import ONE_HIT_WORDS
from segue.text import normalize_name

__all__ = [
    "CLASSIC_AGE",
    "LIKE_WORDS",
    "NOSTALGIA_WORDS",
    "SINGALONG_WORDS",
    "TRENDING_YEARS",
    "asks_for_now",
    "branching_out",
    "classics",
    "nostalgia_for_era",
    "one_hit_wonders",
    "trending",
    "way_into_act",
]

LIKE_WORDS = re.compile(r"(?i)\b(?:like|similar|sounds?|vibes?|esque)\b")
"""Words asking for music like a named act rather than by it."""


SINGALONG_WORDS = frozenset(SINGALONG_PHRASES)
"""Words asking for songs everyone knows the words to (the vocal mood's `SINGALONG_PHRASES`)."""


_CLASSIC = re.compile(
    r"(?i)\b(?:classics?|timeless|all[- ]time|every(?:one|body) knows|greatest|essentials?"
    r"|best\b.*\bever)\b"
)
"""Words asking for songs that lasted, not this year's charts."""
CLASSIC_AGE = 10
"""A classic is a song at least this many years older than the catalog's newest: 'timeless classics' and 'karaoke
night' answered with 2019's charts (Dance Monkey, The Box), popularity being what a streaming service measured in
2020."""


_STARTING = re.compile(
    r"(?i)\b(?:"
    + "|".join(re.escape(p) for p in sorted(lx.WAY_IN, key=len, reverse=True))
    + r"|starter|beginners?|essentials?|must[- ](?:listen|hear|know)|best of|greatest hits)\b"
)
"""Asking for the way into an act: 'where do i start with radiohead', 'bowie for beginners', 'essential daft punk'."""


def way_into_act(query: Query, text: str) -> Query:
    """'where do i start with radiohead' answered with Muse and Coldplay, 'kendrick for beginners' with Drake: the way
    into an act is its own best-known songs, unless the request asks for music like it."""
    if not query.seed_artists or query.seed_tracks or query.by_artists or LIKE_WORDS.search(text):
        return query
    if query.genres or query.year_min is not None or query.year_max is not None:
        return query  # 'essential folk songs from the 60s revival': the genre is asked, the act a stray word
    if not _STARTING.search(text):
        return query
    novelty = Novelty.FAMILIAR if query.novelty is Novelty.BALANCED else query.novelty
    return replace(query, by_artists=query.seed_artists, novelty=novelty)


def one_hit_wonders(query: Query) -> Query:
    """'one hit wonders': their one songs, not music like theirs (Alphaville, Eurythmics and Culture Club filled the
    answer). Only when nothing else was named: 'one hit wonders like take on me' stays music like the song."""
    said = [typed for typed, _ in query.played_by if normalize_name(typed) in _ONE_HIT_KEYS]
    if not said or query.seed_tracks or query.by_artists or len(query.played_by) > 1:
        return query
    novelty = Novelty.FAMILIAR if query.novelty is Novelty.BALANCED else query.novelty
    played_by = tuple(p for p in query.played_by if p[0] not in said)
    return replace(query, by_artists=query.seed_artists, seed_artists=(), played_by=played_by, novelty=novelty)


_ONE_HIT_KEYS = frozenset(map(normalize_name, ONE_HIT_WORDS))
_SONG_NOUNS = re.compile(r"(?i)\b(?:songs?|tracks?|hits)\b")
_MUSIC_NOUN = re.compile(r"(?i)\bmusic\b")


_CLASSIC_SONGS_LANGUAGES = frozenset({"es", "pt-BR", "fr"})
"""Where 'clásicas' beside songs means classics; 'classical songs' and 'klassische Lieder' may be classical pieces."""


def _classic_songs(query: Query, text: str) -> tuple[Query, bool]:
    """'canciones clásicas', 'musicas brasileiras classicas' read as classical music (Bocelli, Tchaikovsky): beside
    songs and not 'music', the adjective is classic. The query without the classical genre, and whether it was."""
    classical = [g for g in query.genres if g == "classical" or g.endswith(" classical")]
    if query.language not in _CLASSIC_SONGS_LANGUAGES or not classical:
        return query, False
    beside = len(classical) < len(query.genres) or bool(query.played_by)  # classic cumbia, not Brahms
    if not beside and (not _SONG_NOUNS.search(text) or _MUSIC_NOUN.search(text)):
        return query, False
    kept = [g.removesuffix("classical").strip() for g in query.genres]
    return replace(query, genres=tuple(dict.fromkeys(g for g in kept if g))), True


CLASSIC_UNTIL: Mapping[str, int] = MappingProxyType({"motown": 1975, "doo wop": 1964, "disco": 1982})
"""The last year of a label's or a style's classic run, for its classics: 'motown classics' held two 1986 Lionel
Richie songs and 1980's Diana Ross beside My Girl (Motown left Detroit in 1972; its 1980s hits are its own era)."""


def classics(query: Query, text: str, reference_year: int) -> Query:
    """'road trip singalongs' answered with Twista and Trick Daddy, 'timeless classics' with Dance Monkey: a classic
    or a singalong is a song everybody has known for years, so the dial turns to familiar (unless the request set
    it) and, with no era or name given, the songs are `CLASSIC_AGE` years old or more."""
    query, classic = _classic_songs(query, text)
    if "bangers" in query.moods and query.novelty is Novelty.BALANCED:  # hits that hit hard, of any year
        query = replace(query, novelty=Novelty.FAMILIAR)
    if "bangers" in query.moods and (query.seed_artists or query.seed_tracks):
        query = replace(query, features=tuple(_banger_beside_acts(f) for f in query.features))
    # 'stadium anthems', 'songs for the big game': what a crowd shouts along to, not 2019's workout trance.
    sung = any(f.because in SINGALONG_WORDS for f in query.features) or "stadium" in query.moods
    if not (sung or classic or _CLASSIC.search(text)):
        return query
    if (sung or classic) and query.novelty is Novelty.BALANCED:
        query = replace(query, novelty=Novelty.FAMILIAR)
    named = query.seed_artists or query.seed_tracks or query.by_artists
    if named or query.novelty is not Novelty.FAMILIAR or query.year_min is not None or query.year_max is not None:
        return query
    if query.genres and all(_young(g) for g in query.genres):
        return query  # 'kpop songs i can sing along to': the ones everybody knows are this decade's (none before 2010)
    golden = [CLASSIC_UNTIL[g] for g in query.genres if g in CLASSIC_UNTIL]
    last = max(golden) if golden and len(golden) == len(query.genres) else reference_year - CLASSIC_AGE
    return replace(query, year_max=last)


def _young(genre: str) -> bool:
    """A genre born late (`lexicon.YOUNG_GENRES`), however it is spelt ('k-pop', 'kpop')."""
    return re.sub(r"[\s-]", "", genre) in _YOUNG


_YOUNG = frozenset(re.sub(r"[\s-]", "", g) for g in lx.YOUNG_GENRES)


BANGER_BESIDE_ACTS = 0.65
"""The energy a banger needs beside named acts, whose own hits say how hard their music hits: 'indie bangers like
foster the people' kept none of theirs ('Pumped Up Kicks' 0.71) under the genre-wide floor (0.82), and 'afrobeats
bangers like burna boy' and 'trap bangers like migos' filled with EDM remixes."""


NOSTALGIA_WORDS = frozenset({"nostalgic", "nostalgia", "nostalgic vibes", "nostalgia trip", "feel nostalgic"})
"""Words that ask for a time's feeling: beside an era, its hits ('i want to feel nostalgic about the 2000s')."""


def nostalgia_for_era(query: Query) -> Query:
    """'nostalgic about the 2000s', '90s nostalgia': the songs everyone heard then, not the decade's slow sad songs
    (nostalgic alone is read as melancholic: Chris Isaak, Damien Rice and Gary Jules answered the 2000s). Without
    an era, or beside named acts, nostalgia stays the feeling."""
    nostalgic = [f for f in query.features if normalize_name(f.because) in NOSTALGIA_WORDS]
    if not nostalgic or (query.year_min is None and query.year_max is None):
        return query
    if query.seed_artists or query.seed_tracks or query.by_artists:
        return query
    features = tuple(f for f in query.features if f not in nostalgic)
    moods = tuple(m for m in query.moods if m != "melancholic")  # what 'nostalgic' alone is read as
    novelty = Novelty.FAMILIAR if query.novelty is Novelty.BALANCED else query.novelty
    meant = tuple((word, mood) for word, mood in query.meant if normalize_name(word) not in NOSTALGIA_WORDS)
    return replace(query, features=features, moods=moods, novelty=novelty, meant=meant)


def _banger_beside_acts(wanted: FeatureRange) -> FeatureRange:
    """A banger's energy floor lowered to `BANGER_BESIDE_ACTS`; any other range as it was."""
    if wanted.feature != "energy" or wanted.low is None or mood_for(wanted.because) is not MOODS_BY_LABEL["bangers"]:
        return wanted
    return replace(wanted, low=min(wanted.low, BANGER_BESIDE_ACTS))


_TRENDING = re.compile(
    r"(?i)\b(?:trending|viral|tik ?tok|tiktoks|what'?s hot|hot (?:rn|right now)|what'?s poppin[g']?)"
)
"""Words for what is played everywhere right now (`_trending`)."""
TRENDING_YEARS = 2


_NOW = re.compile(r"(?i)\b(?:right now|latest|newest|brand new|new releases|this year|this week|this month)\b")
"""Words for the songs of today, which a catalog that ended years ago does not have ('whats hot rn')."""


_ONLY_LISTEN = re.compile(r"(?i)\bi(?:'?ve| have)? (?:only|just|always) (?:listen(?:ed)?|been listening) to\b")
"""'i only listen to drake help': music like the act, to branch out; read as 'songs by Drake' it was more Drake."""


def branching_out(query: Query, text: str) -> Query:
    """'i only listen to X': songs like X, not X's own."""
    if not query.by_artists or not _ONLY_LISTEN.search(text):
        return query
    return replace(query, by_artists=())


_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
"""A year named: the request says which years it means."""


def asks_for_now(text: str) -> bool:
    """Whether a request asks for what is played today ('trending', "what's hot right now", 'the latest')."""
    if _A_YEAR.search(text):  # 'songs from 2019 tiktok' names its year
        return False
    return bool(_TRENDING.search(text) or _NOW.search(text))


_NOT_TRENDING = re.compile(
    r"(?i)\b(?:not|no|without|nothing|never|avoid|skip|minus)\s+(?:the\s+|any\s+|on\s+|from\s+)?"
    r"(?:trending|viral|tik ?tok|tiktoks)\b"
)
"""The played-everywhere songs left out ('clairo, not the tiktok ones'): the less known ones are asked for."""


def trending(query: Query, text: str, reference_year: int) -> Query:
    """'tiktok songs', 'trending', 'viral hits': the hits of the last `TRENDING_YEARS` years, not the all-time
    classics of a genre mix ('tiktok songs' opened with 'All of Me' and 'Chan Chan'). Said the other way round
    ('not the tiktok ones') it asks for the lesser-known songs of any year (that was the last two years)."""
    if _NOT_TRENDING.search(text):
        recent = query.year_min == reference_year - TRENDING_YEARS  # the era the word itself was read as
        return replace(query, year_min=None if recent else query.year_min, novelty=Novelty.DEEP, surprise=False)
    if query.year_min is not None or query.year_max is not None or not _TRENDING.search(text):
        return query
    return replace(query, year_min=reference_year - TRENDING_YEARS, novelty=Novelty.FAMILIAR, surprise=False)
