"""Mood and activity words mapped to audio-feature ranges.

The bounds are set against the real Spotify feature distribution (TidyTuesday "Spotify Songs", 28,356 unique
tracks): each mood keeps roughly 5-30% of the catalog, so a mood word narrows the pool without emptying it.
`tests/unit/engine/query/test_moods.py` holds every mood to that band; `segue eval-moods` reports each share
(EVALUATION.md, mood section).
Percentiles that shaped the choices (p10 / p50 / p90): danceability 0.45 / 0.67 / 0.83, energy 0.44 / 0.72 / 0.92,
valence 0.19 / 0.51 / 0.83, tempo 88 / 122 / 160 BPM, acousticness 0.002 / 0.08 / 0.52, instrumentalness 0 / 0 /
0.42, speechiness 0.033 / 0.063 / 0.27, liveness 0.068 / 0.13 / 0.37, loudness -10.9 / -6.3 / -3.6 dB. The pool is
mainstream and loud, so "calm" or "sleep" sit in the bottom tail rather than at absolute values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from segue.domain import FeatureRange
from segue.text import normalize_name

FEATURE_DOMAINS: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "danceability": (0.0, 1.0),
        "energy": (0.0, 1.0),
        "valence": (0.0, 1.0),
        "tempo": (0.0, 250.0),
        "acousticness": (0.0, 1.0),
        "instrumentalness": (0.0, 1.0),
        "speechiness": (0.0, 1.0),
        "liveness": (0.0, 1.0),
        "loudness": (-60.0, 5.0),
    }
)
"""Valid value range of each feature (tempo in BPM, loudness in dB); every produced bound lies inside it."""


@dataclass(frozen=True, slots=True)
class Mood:
    """A mood or activity: its canonical label and the feature ranges it asks for (primary range first)."""

    label: str
    ranges: tuple[FeatureRange, ...]

    def ranges_for(self, because: str) -> tuple[FeatureRange, ...]:
        """The ranges stamped with the word the user typed, so the explanation can quote it."""
        return tuple(replace(r, because=because) for r in self.ranges)

    def negated_ranges(self, because: str) -> tuple[FeatureRange, ...]:
        """'not sad': the complement of the primary range only (a complement of several is an OR we cannot say)."""
        first = self.ranges[0]
        if first.low is not None and first.high is None:
            return (FeatureRange(first.feature, high=first.low, because=because),)
        if first.high is not None and first.low is None:
            return (FeatureRange(first.feature, low=first.high, because=because),)
        return ()


def _r(feature: str, low: float | None = None, high: float | None = None, target: float | None = None) -> FeatureRange:
    return FeatureRange(feature, low=low, high=high, target=target)


# label -> (ranges, words that ask for it). Each mood's share of the tracks inside all its ranges is in
# EVALUATION.md (mood section, `segue eval-moods`).
_TABLE: tuple[tuple[str, tuple[FeatureRange, ...], tuple[str, ...]], ...] = (
    (
        "sad",
        (_r("valence", high=0.3, target=0.15), _r("energy", high=0.65)),
        (
            "sad",
            "feeling down",
            "feeling blue",
            "feel down",
            "feelin down",
            "feeling low",
            "feel low",
            "bummed",
            "upset",
            "lonely",
            "heartache",
            "dumped",
            "got dumped",
            "miserable",
            "sadder",
            "sadness",
            "depressing",
            "depressed",
            "heartbroken",
            "heartbreak",
            "breakup",
            "break up",
            "getting over someone",
            "get over someone",
            "getting over him",
            "getting over her",
            "crying",
            "cry",
            "gloomy",
            "tearjerker",
            "sad songs",
            "funeral",
            "memorial",
            "mourning",
            "grief",
            "grieving",
        ),
    ),
    (
        "melancholic",
        (_r("valence", high=0.4, target=0.25), _r("energy", high=0.7), _r("danceability", high=0.7)),
        (
            "melancholic",
            "melancholy",
            "wistful",
            "bittersweet",
            "nostalgic",
            "moody",
            "introspective",
            "brooding",
            "autumn",
            "autumnal",
        ),
    ),
    (
        "happy",
        (_r("valence", low=0.72, target=0.85), _r("energy", low=0.5)),
        (
            "happy",
            "happier",
            "happiness",
            "joyful",
            "cheerful",
            "feel good",
            "feelgood",
            "feel-good",
            "sunny",
            "sunshine",
            "uplifting",
            "positive",
            "good vibes",
            "good mood",
            "mood booster",
            "mood boosters",
            "mood boost",
            "serotonin",
            "dopamine",
            "fun",
            "cheery",
        ),
    ),
    (
        "upbeat",
        (_r("valence", low=0.6, target=0.75), _r("energy", low=0.7), _r("tempo", low=105.0)),
        (
            "upbeat",
            "more upbeat",
            "lively",
            "bouncy",
            "peppy",
            "cheer up",
            "pick me up",
            "cleaning",
            "cleaning up",
            "cleaning the house",
            "clean the house",
            "cleaning my room",
            "clean my room",
            "clean the room",
            "clean up",
            "chores",
            "doing chores",
            "housework",
            "tidying",
            "tidying up",
        ),
    ),
    (
        "chill",
        (_r("energy", high=0.55, target=0.4), _r("tempo", high=125.0)),
        (
            "chill",
            "lazy",
            "lazy day",
            "lazy sunday",
            "lazy afternoon",
            "sunday afternoon",
            "evening",
            "evenings",
            "chiller",
            "chilled",
            "chillin",
            "sunset",
            "golden hour",
            "chilling",
            "chill out",
            "laid back",
            "laidback",
            "lowkey",
            "low key",
            "easygoing",
            "easy going",
            "low energy",
            "vibey",
            "vibe to",
            "vibing",
            "vibe out",
        ),
    ),
    (
        "calm",
        (_r("energy", high=0.45, target=0.3), _r("loudness", high=-7.0)),
        (
            "calm",
            "calmer",
            "softer",
            "quieter",
            "calming",
            "peaceful",
            "soothing",
            "gentle",
            "quiet",
            "serene",
            "tranquil",
            "soft",
        ),
    ),
    (
        "mellow",
        (_r("energy", high=0.6, target=0.45), _r("valence", low=0.25, high=0.8), _r("speechiness", high=0.15)),
        ("mellow", "mellower", "smoother", "smooth", "warm", "cozy", "cosy"),
    ),
    (
        "relaxing",
        (_r("energy", high=0.5, target=0.35), _r("speechiness", high=0.12), _r("loudness", high=-6.0)),
        ("relaxing", "relax", "relaxed", "unwind", "unwinding", "wind down", "winding down", "de stress", "destress"),
    ),
    (
        "workout",
        (_r("energy", low=0.8, target=0.9), _r("tempo", low=118.0), _r("danceability", low=0.5)),
        (
            "workout",
            "work out",
            "working out",
            "gym",
            "training",
            "lifting",
            "weightlifting",
            "exercise",
            "cardio",
            "pump up",
            "pumped",
            "pumped up",
            "hype",
            "hyped",
            "motivation",
            "motivational",
            "beast mode",
            "crossfit",
        ),
    ),
    (
        "running",
        (_r("tempo", low=150.0, high=185.0, target=170.0), _r("energy", low=0.7)),
        ("running", "run", "jogging", "jog", "runner", "marathon", "sprint", "sprinting"),
    ),
    (
        "party",
        (_r("danceability", low=0.7, target=0.8), _r("energy", low=0.7), _r("valence", low=0.4)),
        (
            "party",
            "slap",
            "slaps",
            "partying",
            "club",
            "clubbing",
            "house party",
            "friday night",
            "saturday night",
            "night out",
            "going out",
            "go out",
            "getting ready",
            "get ready",
            "pregame",
            "pre game",
            "turn up",
            "turnt",
            "banger",
            "bangers",
            "bops",
            "dancefloor",
            "dance floor",
            "rave",
        ),
    ),
    (
        "dance",
        (_r("danceability", low=0.75, target=0.82),),
        ("dance", "dancier", "groovier", "dancing", "danceable", "groovy", "groove", "grooves", "grooving", "funky"),
    ),
    (
        "focus",
        (_r("speechiness", high=0.08), _r("energy", low=0.2, high=0.75), _r("instrumentalness", low=0.01)),
        (
            "focus",
            "focused",
            "focusing",
            "study",
            "studying",
            "late night study",
            "late night study session",
            "late night studying",
            "late night coding",
            "concentration",
            "concentrate",
            "coding",
            "programming",
            "reading",
            "homework",
            "productive",
            "productivity",
            "deep work",
            "study session",
            "long study session",
            "work session",
            "studying session",
        ),
    ),
    (
        "sleep",
        (
            _r("energy", high=0.45, target=0.2),
            _r("loudness", high=-9.0),
            _r("tempo", high=125.0),
            _r("instrumentalness", target=0.6),
        ),
        (
            "sleep",
            "sleeping",
            "sleepy",
            "bedtime",
            "lullaby",
            "lullabies",
            "fall asleep",
            "falling asleep",
            "nap",
            "insomnia",
        ),
    ),
    (
        "acoustic",
        (_r("acousticness", low=0.6, target=0.8),),
        ("acoustic", "unplugged", "stripped", "stripped down", "organic", "campfire", "bonfire", "around the fire"),
    ),
    (
        "instrumental",
        (_r("instrumentalness", low=0.5, target=0.8),),
        (
            "instrumental",
            "instrumentals",
            "wordless",
            "no vocals",
            "no lyrics",
            "no singing",
            "without vocals",
            "without lyrics",
            "without singing",
        ),
    ),
    (  # a filter that only drops instrumentals, by design
        "vocal",
        (_r("instrumentalness", high=0.1),),
        (
            "vocal",
            "vocals",
            "singing",
            "lyrics",
            "sung",
            "with vocals",
            "with lyrics",
            "with singing",
            "singalong",
            "sing along",
            "singalongs",
            "sing alongs",
            "sing along songs",
            "karaoke",
            "shower",
            "in the shower",
        ),
    ),
    (
        "energetic",
        (_r("energy", low=0.87, target=0.93),),
        (
            "energetic",
            "energy",
            "high energy",
            "intense",
            "powerful",
            "hard hitting",
            "explosive",
            "adrenaline",
            "epic",
            "gaming",
            "video games",
        ),
    ),
    (
        "angry",
        (_r("valence", high=0.4, target=0.25), _r("energy", low=0.8), _r("loudness", low=-6.0)),
        (
            "angry",
            "anger",
            "angsty",
            "angst",
            "rage",
            "raging",
            "furious",
            "mad",
            "pissed",
            "pissed off",
            "fury",
            "let off steam",
            "let off some steam",
            "blow off steam",
            "blow off some steam",
        ),
    ),
    (
        "aggressive",
        (_r("energy", low=0.9, target=0.95), _r("loudness", low=-5.0), _r("valence", high=0.55)),
        ("aggressive", "heavier", "harder", "heavy", "brutal", "harsh", "hard", "savage", "violent"),
    ),
    (
        "romantic",
        (_r("energy", high=0.6, target=0.35), _r("valence", low=0.1, high=0.75, target=0.4)),
        (
            "romantic",
            "more romantic",
            "romance",
            "love",
            "love songs",
            "date night",
            "slow dance",
            "wedding",
            "valentine",
            "valentines",
            "in love",
            "first dance",
            "wedding dance",
        ),
    ),
    (
        "sensual",
        (_r("energy", high=0.65, target=0.45), _r("danceability", low=0.5, target=0.68), _r("valence", low=0.15)),
        (
            "sensual",
            "sexy",
            "intimate",
            "seductive",
            "sultry",
            "steamy",
            "slow jams",
            "slow jam",
            "bedroom",
            "baby making",
        ),
    ),
    (
        "rainy",
        (_r("valence", high=0.45, target=0.3), _r("energy", high=0.55), _r("acousticness", low=0.15)),
        (
            "rainy",
            "raining",
            "rain",
            "rainy day",
            "rainy days",
            "cloudy",
            "stormy",
            "overcast",
            "drizzle",
            "grey day",
            "gray day",
        ),
    ),
    (
        "night drive",
        (_r("energy", low=0.5, high=0.85, target=0.7), _r("valence", high=0.5), _r("tempo", low=90.0, high=135.0)),
        (
            "night drive",
            "night driving",
            "late night drive",
            "midnight drive",
            "driving at night",
            "drive at night",
            "late night",
            "midnight",
            "nocturnal",
            "after hours",
        ),
    ),
    (
        "driving",
        (_r("energy", low=0.7, target=0.8), _r("valence", low=0.45), _r("tempo", low=95.0, high=150.0)),
        ("driving", "drive", "road trip", "roadtrip", "cruising", "highway", "car"),
    ),
    (  # below 5% on purpose; Spotify reads liveness under ~0.6 as studio, and "live" must mean live
        "live",
        (_r("liveness", low=0.6, target=0.8),),
        (
            "live",
            "live recording",
            "live recordings",
            "concert",
            "in concert",
            "live performance",
            "live version",
            "live versions",
            "live album",
        ),
    ),
    (
        "spoken",
        (_r("speechiness", low=0.25, target=0.35),),
        ("spoken", "spoken word", "rap heavy", "wordy", "lyrical", "bars", "storytelling", "verbal"),
    ),
    (
        "fast",
        (_r("tempo", low=140.0, target=160.0),),
        ("fast", "faster", "quick", "high tempo", "uptempo", "up tempo", "fast paced", "rapid"),
    ),
    (
        "slow",
        (_r("tempo", high=95.0, target=80.0),),
        ("slow", "slower", "slow tempo", "slow paced", "slowed", "slow jams", "slow jam"),
    ),
    (
        "loud",
        (_r("loudness", low=-4.2),),
        ("loud", "louder", "blasting", "cranked"),
    ),
    (
        "dark",
        (_r("valence", high=0.25, target=0.15), _r("energy", low=0.45)),
        ("dark", "darker", "ominous", "eerie", "creepy", "spooky", "haunting", "sinister", "gritty", "menacing"),
    ),
    (
        "dreamy",
        (
            _r("energy", high=0.6, target=0.45),
            _r("valence", high=0.55),
            _r("acousticness", low=0.1),
            _r("speechiness", high=0.08),
        ),
        ("dreamy", "ethereal", "atmospheric", "spacey", "spacy", "floaty", "hazy", "dreamlike", "airy"),
    ),
    (
        "euphoric",
        (_r("valence", low=0.55, target=0.7), _r("energy", low=0.85)),
        ("euphoric", "ecstatic", "anthemic", "anthem", "anthems", "festival"),
    ),
    (
        "morning",
        (_r("valence", low=0.5, target=0.65), _r("energy", low=0.3, high=0.7), _r("acousticness", low=0.1)),
        (
            "morning",
            "wake me up",
            "mornings",
            "wake up",
            "waking up",
            "sunday morning",
            "coffee",
            "breakfast",
            "sunrise",
            "start the day",
            "start my day",
            "start your day",
        ),
    ),
    (
        "background",
        (_r("energy", low=0.3, high=0.7, target=0.5), _r("speechiness", high=0.1), _r("loudness", high=-5.0)),
        (
            "background",
            "cooking",
            "cooking dinner",
            "making dinner",
            "cafe",
            "coffee shop",
            "work",
            "working",
            "office",
        ),
    ),
    (  # the sound of background music, the styles of a dinner table (mood_tags): jazz, bossa nova, lounge
        "dinner",
        (_r("energy", low=0.3, high=0.7, target=0.5), _r("speechiness", high=0.1), _r("loudness", high=-5.0)),
        ("dinner", "dinner party", "dinner parties", "dinner date", "candlelight", "candle light"),
    ),
    (
        "meditation",
        (_r("energy", high=0.45, target=0.2), _r("speechiness", high=0.08), _r("loudness", high=-9.0)),
        ("meditation", "meditate", "meditative", "yoga", "mindfulness", "spa", "zen", "ambient vibes"),
    ),
    (
        "summer",
        (_r("valence", low=0.6, target=0.75), _r("danceability", low=0.65), _r("energy", low=0.6)),
        (
            "summer",
            "summertime",
            "summery",
            "beach",
            "pool party",
            "poolside",
            "vacation",
            "holiday",
            "bbq",
            "barbecue",
            "barbeque",
            "cookout",
            "grilling",
        ),
    ),
)


def _build() -> tuple[Mapping[str, Mood], Mapping[str, Mood]]:
    by_word: dict[str, Mood] = {}
    by_label: dict[str, Mood] = {}
    for label, ranges, words in _TABLE:
        mood = Mood(label, ranges)
        by_label[label] = mood
        for word in (label, *words):
            by_word.setdefault(normalize_name(word), mood)
    return MappingProxyType(by_word), MappingProxyType(by_label)


MOODS, MOODS_BY_LABEL = _build()
"""`MOODS`: normalized word or phrase -> Mood; `MOODS_BY_LABEL`: canonical label -> Mood."""


def mood_for(phrase: str) -> Mood | None:
    """The mood a word or phrase asks for ('Relaxing' -> relaxing), or None."""
    return MOODS.get(normalize_name(phrase))
