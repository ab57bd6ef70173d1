"""Occasions: a place, a day or a gathering that asks for its own music, not only a loudness.

An occasion read as the mood of its sound ('dive bar' and 'kids birthday' as party, 'long flight' as chill) got
that mood's one list: set O (EVALUATION.md, fifteenth session) found a kids' birthday, a frat party, a dive bar,
St Patrick's Day and New Year's Eve answered with the same ten songs, and the 4th of July with nothing. Each
occasion here has the sound it needs (feature bounds, as a mood has); the styles a curator reaches for at it rank
the songs by how listeners hear them, as a mood's tags do (`segue.engine.mood_tags.MOOD_TAGS`: a dive bar's jukebox
is classic rock, punk and outlaw country; a frat party crunk and dirty south).

The table is merged into the mood table (`segue.engine.query.moods`): an occasion is a mood label with its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from segue.domain import FeatureRange

__all__ = ["ACTIVITY_OCCASIONS", "OCCASIONS", "Occasion"]


@dataclass(frozen=True, slots=True)
class Occasion:
    """An occasion's label, the feature ranges its sound asks for and the words that name it."""

    label: str
    ranges: tuple[FeatureRange, ...]
    words: tuple[str, ...]
    activity: bool = False
    """Something done (a party, a hike) rather than a time or a place: its sound wins a clash (`query.blend`)."""


def _r(feature: str, low: float | None = None, high: float | None = None, target: float | None = None) -> FeatureRange:
    return FeatureRange(feature, low=low, high=high, target=target)


_LIVELY = (_r("danceability", low=0.65, target=0.78), _r("energy", low=0.65), _r("valence", low=0.4))
_ROCKING = (_r("energy", low=0.6, target=0.8), _r("speechiness", high=0.1), _r("danceability", high=0.72))

OCCASIONS: tuple[Occasion, ...] = (
    Occasion(
        "dive bar",
        (*_ROCKING, _r("valence", low=0.3)),
        ("dive bars", "bar music", "bar songs", "at a bar", "at the bar", "in a bar", "jukebox",
         "jukebox songs", "biker bar", "roadhouse"),
        activity=True,
    ),
    Occasion(
        "pub",
        (_r("energy", low=0.55, target=0.75), _r("valence", low=0.45), _r("speechiness", high=0.1),
         _r("danceability", high=0.75)),
        ("pub", "pub songs", "pub night", "st patricks day", "st patrick s day", "saint patricks day",
         "saint patrick s day", "st patricks", "st paddys", "st paddys day", "st paddy s day", "paddys day",
         "paddy s day", "drinking songs", "sea shanties", "shanties"),
        activity=True,
    ),
    Occasion(
        "worship",
        (_r("energy", high=0.75, target=0.5), _r("speechiness", high=0.1), _r("valence", low=0.25)),
        ("church", "church music", "church songs", "worship", "worship songs", "worship music",
         "praise and worship", "praise songs", "sunday service", "church service", "hymns", "hymn", "easter",
         "easter sunday", "ccm", "christian radio", "k love", "jesus music", "altar call", "prayer", "prayer time",
         "praying", "baptism", "sanctuary", "youth group", "church youth group", "youth night", "fellowship hall",
         "bible study", "devotional", "communion", "good friday", "church camp", "vbs", "worship set",
         "worship service", "end of service", "before service", "after service", "the service", "sunrise service",
         "church kids", "church youth", "youth lock in", "church mothers", "the choir", "choir practice", "old hymn",
         "old hymns", "hymn feel"),
    ),
    Occasion(
        "kids",
        (_r("valence", low=0.55, target=0.75), _r("energy", low=0.4, high=0.85), _r("speechiness", high=0.08),
         _r("danceability", low=0.5)),
        ("kids", "for kids", "kid friendly", "kids party", "kids birthday", "kids birthday party", "children",
         "childrens", "children s", "for children", "toddler", "toddlers", "family friendly", "for the family",
         "for my kids", "kids songs", "with the kids", "for my son", "for my daughter", "for my toddler", "my kid",
         "my little one", "pass the parcel", "musical statues", "musical chairs", "musical bumps", "freeze dance"),
    ),
    Occasion(
        "rave",
        (_r("energy", low=0.75, target=0.9), _r("danceability", low=0.6), _r("speechiness", high=0.12)),
        ("rave", "raves", "raving", "rave warmup", "rave warm up", "warehouse party", "warehouse rave",
         "techno party", "festival set", "peak time", "peak hour"),
        activity=True,
    ),
    Occasion(
        "frat party",
        _LIVELY,
        ("frat party", "frat", "frat parties", "fraternity party", "kegger", "keg party", "rager", "college party",
         "dorm party"),
        activity=True,
    ),
    Occasion(
        "travel",
        (_r("energy", high=0.6, target=0.4), _r("tempo", high=125.0), _r("speechiness", high=0.1)),
        ("long flight", "flight", "flights", "plane ride", "on a plane", "on the plane", "layover", "airport",
         "train ride", "long train ride", "train journey", "long train journey", "train trip", "on the train",
         "train home", "the train home", "tram ride", "on the tram", "the tram", "on the bus", "bus home",
         "bus ride", "long bus ride", "travelling", "traveling",
         "travel"),
    ),
    Occasion(
        "outdoors",
        (_r("energy", low=0.3, high=0.8, target=0.55), _r("acousticness", low=0.15, target=0.5),
         _r("speechiness", high=0.1)),
        ("hiking", "hike", "hikes", "camping", "camping trip", "in the mountains", "mountains", "nature walk",
         "backpacking", "national park", "canoeing", "kayaking", "fishing trip", "outdoors"),
        activity=True,
    ),
    Occasion(
        "fourth of july",
        (_r("valence", low=0.5, target=0.7), _r("energy", low=0.6), _r("speechiness", high=0.1),
         _r("danceability", high=0.75)),
        ("4th of july", "fourth of july", "july 4th", "july fourth", "july 4", "independence day", "memorial day",
         "labor day", "4th of july bbq", "4th of july party"),
    ),
    Occasion(
        "cozy",
        (_r("energy", high=0.55, target=0.35), _r("acousticness", low=0.3, target=0.7)),
        ("cozy", "cosy", "cozy vibes", "snowy day", "snow day", "snowy", "snowing", "winter", "winter night",
         "winter evening", "winter vibes", "wintery", "wintry", "snows", "when it snows", "while it snows",
         "fireplace", "by the fire", "by the fireplace",
         "hot chocolate", "hygge", "tea", "cup of tea", "tea time", "afternoon tea", "cuppa", "warm hug", "a warm hug",
         "like a hug", "a hug", "comforting", "comfort", "comfort songs", "comfort and hope", "hope and comfort",
         "reassuring", "feels like company",
         "like company"),
    ),
    Occasion(
        "graduation",
        (_r("valence", low=0.5, target=0.65), _r("energy", low=0.45, high=0.9), _r("speechiness", high=0.1)),
        ("graduation", "graduation slideshow", "graduation party", "grad party", "graduating", "slideshow",
         "photo slideshow", "end of school", "last day of school", "yearbook", "senior year", "class of",
         "farewell", "farewell party", "leaving do", "goodbye party"),
    ),
    Occasion(
        "cocktail",
        (_r("energy", low=0.35, high=0.75, target=0.55), _r("speechiness", high=0.1), _r("danceability", low=0.55)),
        ("happy hour", "cocktail", "cocktails", "cocktail party", "cocktail hour", "apero", "aperitivo",
         "aperitif", "wine night", "wine tasting", "rooftop", "rooftop bar", "sundowner", "sundowners",
         "lounge bar"),
    ),
    Occasion(  # a language learner's: words sung, not rapped at speed ('practise' was read as meditation)
        "language practice",
        (_r("instrumentalness", high=0.1), _r("speechiness", high=0.2), _r("tempo", high=135.0)),
        ("practise", "practice", "to practise", "to practice", "practise my listening", "practice my listening",
         "practise my singing", "practice my singing", "my listening", "listening practice", "learn", "to learn",
         "learning", "for learning", "language learning", "language learners", "learners", "language exchange",
         "language class", "easy to understand", "to understand", "understand", "for beginners", "beginners",
         "beginner", "slow and clear", "clearly", "pronunciation", "class", "my class", "lesson", "lessons",
         "aprender", "para aprender", "pra aprender", "apprendre", "pour apprendre", "faciles a comprendre",
         "facile a comprendre", "comprendre", "faciles de entender", "facil de entender", "entender",
         "zum lernen", "lernen"),
        activity=True,
    ),
)  # fmt: skip

ACTIVITY_OCCASIONS = frozenset(o.label for o in OCCASIONS if o.activity)
"""Occasions that are something done; their sound wins over a time's or a place's (`query.blend.ACTIVITIES`)."""
