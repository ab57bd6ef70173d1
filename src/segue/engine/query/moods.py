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
from segue.engine.query.occasions import OCCASIONS
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

SINGALONG_PHRASES: tuple[str, ...] = (
    *("singalong", "sing along", "singalongs", "sing alongs", "sing along songs", "karaoke", "karaoke night"),
    *("sing in the shower", "to sing in the shower", "shower songs", "songs to sing", "songs to sing to"),
    *("easy to sing", "easy to sing along", "easy to sing along to", "easy songs to sing"),
    "easy songs to sing along to",
    *("warm up my voice", "to warm up my voice", "vocal warm up", "vocal warmup", "vocal warmups"),
    *("everybody sings", "everyone sings", "where everybody sings", "where everyone sings", "whole room sings"),
    *("the whole room sings", "the whole room sings it", "everyone can sing", "everybody can sing"),
    *("scream along", "scream along to", "screamalong", "songs to scream", "to scream to", "scream in the car"),
    *("scream to in the car", "belt out", "to belt out", "songs to belt out", "belt along", "belt along to"),
)
"""Words asking for songs everyone knows the words to: the vocal mood's, which `canon.classics` turns familiar."""


@dataclass(frozen=True, slots=True)
class Mood:
    """A mood or activity: its canonical label and the feature ranges it asks for (primary range first)."""

    label: str
    ranges: tuple[FeatureRange, ...]

    def ranges_for(self, because: str) -> tuple[FeatureRange, ...]:
        """The ranges stamped with the word the user typed, so the explanation can quote it."""
        return tuple(replace(r, because=because) for r in self.ranges)

    def negated_ranges(self, because: str) -> tuple[FeatureRange, ...]:
        """'not sad': the complement of the primary range only (a complement of several is an OR we cannot say),
        `NOT_MARGIN` clear of the bound on a 0-1 feature: 'folk but not sad' kept 'The Sound of Silence' at
        positivity 0.33 against sad's 0.3."""
        first = self.ranges[0]
        low, high = FEATURE_DOMAINS[first.feature]
        margin = NOT_MARGIN if (low, high) == (0.0, 1.0) else NOT_MARGINS.get(first.feature, 0.0)
        if first.low is not None and first.high is None:
            return (FeatureRange(first.feature, high=max(low, first.low - margin), because=because),)
        if first.high is not None and first.low is None:
            return (FeatureRange(first.feature, low=min(high, first.high + margin), because=because),)
        return ()


NOT_MARGIN = 0.1
"""How far past a mood's bound 'not <mood>' starts, on a 0-1 feature: a song just over the line is that mood still."""
NOT_MARGINS = {"loudness": 3.0}
"""The same in the feature's own unit: 'without being loud' kept everything under loud's -4.2 dB ('Song 2',
'Formation'); 3 dB quieter is what a listener calls not loud."""


SAD_ACOUSTIC = 0.75
"""What a sad or melancholic song sounds like beyond its low positivity: the ballads people cry to are acoustic
(Someone Like You 0.89, Hallelujah 0.93, Say Something 0.86); low positivity alone led with 'I'll Make Love To You'
(0.10) and 'No Guidance' (0.12), and 'autumn' with 'Bleeding Love'. A target, not a bound: it ranks, it excludes
nothing."""


FOCUS_INSTRUMENTAL = 0.8
"""Music to focus on leads with instrumentals (a target: songs with a few words still qualify). Without it, 'deep
focus music' and 'music to study to' had Mayer Hawthorne (instrumental 0.11) fourth and four sung songs in ten."""
WORDLESS_LEAST = 0.7
"""'No lyrics', 'instrumental': no song the audio analysis half doubts (Spotify's own line is 0.5, its confidence
growing towards 1): Yo La Tengo's sung 'Autumn Sweater' (0.69) led every wordless request. Aiming higher than
`FOCUS_INSTRUMENTAL` let tag-admitted netlabel ambient outrank Aphex Twin and Tycho."""


def _r(feature: str, low: float | None = None, high: float | None = None, target: float | None = None) -> FeatureRange:
    return FeatureRange(feature, low=low, high=high, target=target)


# label -> (ranges, words that ask for it). Each mood's share of the tracks inside all its ranges is in
# EVALUATION.md (mood section, `segue eval-moods`).
_TABLE: tuple[tuple[str, tuple[FeatureRange, ...], tuple[str, ...]], ...] = (
    (
        "sad",
        (_r("valence", high=0.3, target=0.15), _r("energy", high=0.65), _r("acousticness", target=SAD_ACOUSTIC)),
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
            "saddest",
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
            *("celebration of life", "a celebration of life", "celebration of life service", "graveside service"),
            "missing someone",
            "miss someone",
            "memorial",
            "mourning",
            "grief",
            "grieving",
            "died",
            "passed away",
            "my cat died",
            "my dog died",
            "lost my dog",
            "lost my cat",
            "rest in peace",
            "moving away",
            "is moving away",
            "saying goodbye",
            "say goodbye",
            "missing my",
            "missing you",
            "missing him",
            "missing her",
            "miss my",
            "i miss her",
            "i miss him",
            "i miss you",
            "songs that hurt",
            "broken heart",
            "a broken heart",
            "heart break",
            "heart broken",
            "heal my heart",
            "that actually hurt",
            "actually hurt",
            "sad boi hours",
            "sad boi",
            "sad boy hours",
            "sad hours",
            "in my feels",
            "in my feelings",
        ),
    ),
    (
        "melancholic",
        (
            _r("valence", high=0.4, target=0.25),
            _r("energy", high=0.7),
            _r("danceability", high=0.7),
            _r("acousticness", target=SAD_ACOUSTIC),
        ),
        (
            "melancholic",
            "melancholy",
            # 'emotional songs' was the listener tag 'emotional' read as a genre: three songs, two of Mr. Mister
            *("emotional", "emotional songs", "heartfelt", "touching", "moving songs", "tearjerker", "tearjerkers"),
            *("minor key", "in a minor key", "minor keys", "in minor key", "minor chords"),  # was an empty answer
            "wistful",
            "bittersweet",
            "nostalgic",
            "moody",
            "introspective",
            "existential",
            "existential crisis",
            "existential dread",
            "overthinking",
            *("depression", "depression day", "depressive episode"),
            # 'songs that feel like the end of a movie' was a mix across genres
            *("end of a movie", "end of the movie", "end of a film", "end credits", "closing credits", "credits roll"),
            "brooding",
            "bleak",  # was a netlabel song titled 'Bleak' ('something bleak but beautiful')
            "autumn",
            "autumnal",
            "walking alone",
            # 'sad songs to listen to alone' seeded Heart's 'Alone'; not 'alone' itself ('home alone, something fun')
            *("listen to alone", "listen alone", "listening alone", "all alone", "feeling alone", "feel alone"),
            "walking home alone",
            "walk home alone",
            "alone in my room",
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
            "chirpy",  # 'I don't want anything chirpy' was an unknown word
            "feel good",
            "feelgood",
            "feel-good",
            "sunny",
            "sunshine",
            "uplifting",
            "positive",
            "good vibes",
            "cheer me up",
            "cheers me up",
            "cheer up",
            "cheering up",
            "cheering me up",
            "good mood",
            "mood booster",
            "mood boosters",
            "mood boost",
            "serotonin",
            "dopamine",
            "fun",
            "cheery",
            "boost my mood",
            "lift my mood",
            "feel better",
            "make me feel better",
            "main character",
            "main character energy",
            "confidence",
            "confident",
            "need confidence",
            "empowering",
            "empowered",
            "empowerment",
            "first day",
            "new job",
            "job interview",
            "got into",
            "celebrate",
            *("celebration", "celebrations", "celebratory", "celebration songs", "big celebration"),
            "celebrating",
            "quit my job",
            "just quit my job",
            "i quit my job",
            "got the job",
            "got promoted",
            "graduated",
            "finished my exams",
            "last exam",
            "done with exams",
            "exams are over",
            "good news",
        ),
    ),
    (
        "upbeat",
        (_r("valence", low=0.6, target=0.75), _r("energy", low=0.7), _r("tempo", low=105.0)),
        (
            "upbeat",
            *("power vinyasa", "power yoga", "power flow"),
            "sleepover",
            "slumber party",
            "more upbeat",
            "lively",
            "bouncy",
            "peppy",
            "cheer up",
            "pick me up",
            "cleaning",
            "spring cleaning",
            "decorating",
            "decorating the tree",
            "cleaning up",
            "cleaning the house",
            "clean the house",
            "cleaning my room",
            "clean my room",
            "clean to",
            "clean my apartment",
            "cleaning my apartment",
            "clean the apartment",
            "cleaning the apartment",
            "clean my house",
            "cleaning my house",
            "clean my flat",
            "cleaning my flat",
            "clean the kitchen",
            "cleaning the kitchen",
            "clean the room",
            "clean up",
            "chores",
            "doing chores",
            "housework",
            "tidying",
            "tidying up",
            "taking out the garbage",
            "taking out the trash",
            "take out the trash",
            "take out the garbage",
            "doing the dishes",
            "doing dishes",
            "washing the dishes",
            "doing laundry",
            "doing the laundry",
            "folding laundry",
            "vacuuming",
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
            "sunday",
            "sundays",
            "lazy sundays",
            "on a train",
            "on a train ride",
            "for the train",
            "long journey",
            "watch the sunset",
            "watching the sunset",
            "commute",
            "commuting",
            "cocktail bar",
            "lounge",
            "stargazing",
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
            *("zone out", "zone out to", "zoning out", "to zone out", "space out", "spacing out"),
            "laid back",
            "laidback",
            *("lowkey songs", "lowkey music", "lowkey vibes", "lowkey stuff", "something lowkey", "keep it lowkey"),
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
            # 'beautiful songs' was said unused and answered with a mix across genres
            *("beautiful", "beautiful songs", "something beautiful", "gorgeous", "pretty songs", "something pretty"),
            *("pretty stuff", "the pretty stuff", "the pretty ones"),
            "softer",
            "quieter",
            "calming",
            "peaceful",
            "soothing",
            "gentle",
            "delicate",  # was Taylor Swift's 'Delicate' ('something more delicate and intimate')
            "hushed",  # 'that hushed, fragile falsetto': an unknown name with close matches (The Used, Hush)
            "quiet",
            "serene",
            "tranquil",
            "soft",
            "stuck in traffic",
            "losing my mind",
            "stressed",
            "stressed out",
            "anxious",
            "anxiety",
            "panic attack",
            "nervous",
            "jitters",
            "first date jitters",
            "calm me down",
            "overwhelmed",
            # a peer-support server's words (set BJ): 'something gentle to help me settle' was unread
            *("settle", "settle me", "settle my nerves", "settle the nerves", "steadying", "grounding", "healing"),
            *("racing thoughts", "cant switch my brain off", "can t switch my brain off", "cant switch off"),
            # after the session: 'cooldown' and 'stretching' were unread
            *("cooldown", "cool down", "cooling down", "stretching", "stretch", "stretches"),
            # a shop's last hour ('just 5 for closing' was the help text)
            *("closing time", "for closing", "closing up", "last customers"),  # not a DJ's closing set
        ),
    ),
    (
        "mellow",
        (_r("energy", high=0.6, target=0.45), _r("valence", low=0.25, high=0.8), _r("speechiness", high=0.15)),
        (
            "mellow",
            "mellower",
            "smoother",
            "smooth",
            "warm",
            "snowfall",
            "in the snow",
            "snowy winter",
        ),
    ),
    (
        "relaxing",
        # Unwinding is not crying: 'relax after work' brought 'Someone Like You' and 'Tears in Heaven' (0.29, 0.22).
        (
            _r("energy", high=0.5, target=0.35),
            _r("speechiness", high=0.12),
            _r("loudness", high=-6.0),
            _r("valence", low=0.3),
        ),
        (
            *("relaxing", "relax", "relaxed", "unwind", "unwinding", "wind down", "winding down", "de stress"),
            # after work is when one unwinds: 'relax after work' read 'work' as working music
            *("destress", "after work", "after a long day", "after a long day at work", "after a long day of work"),
        ),
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
            "leg day",
            "chest day",
            *("gym rat", "gym rats"),
            "gym pr",  # a personal record: 'gym pr songs' said 'pr' unread
            "hit a pr",
            "pr day",
            "arm day",
            "before the game",
            "before a game",
            "before a match",
            "for a game",  # 'hype for a game 🔥' was five songs of The Game
            "for the game",
            "for my game",
            # a basketball arena's warm-up is hip hop's hype, not a stadium's rock ('basketball warmup' was empty)
            *("basketball", "basketball game", "basketball warmup", "basketball warm up", "warmup", "warm up"),
            *("warmups", "warm ups", "pre workout", "preworkout"),
            # the gym floor's own words ('glutes', 'deadlifts', 'hiit' were unread; 'get me going' seeded Gong)
            *("glutes", "glute", "glute day", "glutes day", "squats", "squat", "squat day", "deadlift", "deadlifts"),
            *("deadlifting", "sled push", "sled pushes", "leg press", "bench press", "hiit"),
            *("hiit session", "hiit class", "tabata", "circuit", "circuits", "circuit training", "intervals"),
            *("spin", "spin class", "spinning", "spinning class", "cycling class", "boxing", "boxing class"),
            *("kickboxing", "bootcamp", "boot camp", "get me going", "get me moving", "get me pumped"),
        ),
    ),
    (  # hard-hitting songs people know (`canon.classics`), of any genre: 'rock bangers' were danceable party songs
        "bangers",
        (_r("energy", low=0.82, target=0.9), _r("danceability", low=0.45)),
        # 'rap that slaps': praise for songs that hit, not a dance floor (it was Pitbull and Sean Paul)
        (*("banger", "bangers", "certified bangers", "absolute bangers", "heaters", "slap", "slaps", "slapped"),),
    ),
    (  # what a crowd knows and shouts along to (`canon.classics`): not 2019's workout trance
        "stadium",
        (_r("energy", low=0.78, target=0.88), _r("valence", low=0.4)),
        (
            "stadium",
            "stadium anthem",
            "stadium anthems",
            "stadium songs",
            "arena anthem",
            "arena anthems",
            "sports anthem",
            "sports anthems",
            "sports songs",
            "sports",
            "big game",
            "the big game",
            "super bowl",
            "game day",
            "gameday",
            "soccer game",
            "football game",
            "football",
            "soccer",
            "hockey game",
            "baseball game",
            "match day",
            "crowd chant",
            "crowd chants",
            *("pep rally", "pep rallies", "homecoming", "homecoming game", "homecoming pep rally", "spirit week"),
            "walkout song",
            "walkout songs",
            # a couple's or a quinceañera's entrance is the crowd's cheer: 'grand entrance' was said unused
            *("grand entrance", "the grand entrance", "entrance song", "entrance songs", "entrance music"),
            "walk out song",
            "walk out songs",
        ),
    ),
    # Ballroom and social dances by their standard tempo (bars a minute times beats a bar, as the competition
    # rules set it): a dance teacher asks by the dance ('5 cha chas for beginners', 'a slow waltz'), and the
    # dance's name was an unknown word or an act (Waltz, Jive Bunny).
    (
        "waltz",
        (_r("tempo", low=78.0, high=100.0, target=87.0), _r("energy", high=0.7)),
        ("waltz", "waltzes", "slow waltz", "slow waltzes", "english waltz", "wedding waltz", "a waltz"),
    ),
    ("viennese waltz", (_r("tempo", low=165.0, high=190.0, target=177.0),), ("viennese waltz", "viennese waltzes")),
    (
        "foxtrot",
        (_r("tempo", low=106.0, high=124.0, target=116.0), _r("energy", high=0.8)),
        ("foxtrot", "foxtrots", "slow foxtrot", "slow foxtrots", "fox trot"),
    ),
    (
        "quickstep",
        (_r("tempo", low=176.0, high=215.0, target=200.0), _r("energy", low=0.5)),
        ("quickstep", "quicksteps", "quick step"),
    ),
    (
        "cha cha",
        (_r("tempo", low=112.0, high=132.0, target=122.0), _r("danceability", low=0.65, target=0.8)),
        ("cha cha", "cha chas", "cha cha cha", "chachacha", "cha cha chas"),
    ),
    (
        "rumba",
        (_r("tempo", low=92.0, high=112.0, target=102.0), _r("energy", high=0.7), _r("danceability", low=0.5)),
        ("rumba", "rumbas", "ballroom rumba", "rumba walks"),
    ),
    (
        "paso doble",
        (_r("tempo", low=112.0, high=130.0, target=120.0), _r("energy", low=0.55)),
        ("paso doble", "paso dobles", "pasodoble", "pasodobles"),
    ),
    ("jive", (_r("tempo", low=158.0, high=184.0, target=172.0), _r("energy", low=0.6)), ("jive", "jives")),
    (
        "west coast swing",
        (_r("tempo", low=78.0, high=112.0, target=96.0), _r("danceability", low=0.6)),
        ("west coast swing", "wcs"),
    ),
    (
        "running",
        (_r("tempo", low=150.0, high=185.0, target=170.0), _r("energy", low=0.7)),
        ("running", "run", "jogging", "jog", "runner", "marathon", "sprint", "sprinting", "5k", "10k", "half marathon"),
    ),
    (
        "party",
        (_r("danceability", low=0.7, target=0.8), _r("energy", low=0.7), _r("valence", low=0.4)),
        (
            "party",
            "spring break",
            "carnival",
            "mardi gras",
            "drinking",
            "drinks",
            "pregame",
            "pregaming",
            "partying",
            "club",
            "clubbing",
            "house party",
            "birthday",
            "birthday party",
            *("sweet 16", "sweet sixteen", "sweet 16 party", "sweet sixteen party", "bar mitzvah", "bat mitzvah"),
            *("bar mitzvah party", "bat mitzvah party", "mitzvah"),
            "bachelor party",
            "bachelorette party",
            "stag do",
            "stag party",
            "hen do",
            "hen party",
            "friday night",
            "saturday night",
            "night out",
            "prom",
            "prom night",
            "new years eve",
            "new year s eve",
            "nye",
            "dance floor",
            "dancefloor",
            "housewarming",
            "house warming",
            "housewarming party",
            "house warming party",
            "ladies night",
            "boys night",
            "guys night",
            "going out",
            "go out",
            "getting ready",
            "get ready",
            "pregame",
            "pre game",
            "turn up",
            "turnt",
            "bops",
            "dancefloor",
            "dance floor",
            *("kickback", "the kickback", "a kickback", "function", "the function", "get the party started"),
            *("start the party", "get the party going", "for the function"),
        ),
    ),
    (
        "dance",
        (_r("danceability", low=0.75, target=0.82),),
        # 'funk with sick basslines': a bass line to move to (the UK genre 'bassline' is one word, singular)
        (
            *("dance", "dancier", "groovier", "dancing", "danceable", "groovy", "groove", "grooves", "grooving"),
            *("funky", "basslines", "bass lines", "sick basslines", "groovy basslines", "funky basslines"),
            *("to move to", "something to move to", "get me moving", "make me move", "songs to move to"),
        ),
    ),
    (
        "focus",
        (
            _r("speechiness", high=0.08),
            _r("energy", low=0.2, high=0.75),
            _r("instrumentalness", low=0.01, target=FOCUS_INSTRUMENTAL),
        ),
        (
            "focus",
            "focused",
            "focusing",
            # what music must not do beside a game or work: 'in the background, not distracting' was read unused
            *("not distracting", "non distracting", "undistracting", "nothing distracting", "not too distracting"),
            "study",
            "studying",
            "late night study",
            "late night study session",
            "late night studying",
            "late night coding",
            "concentration",
            "concentrate",
            *("lock in", "locked in", "locking in", "to lock in"),
            "coding",
            "code to",
            "to code to",
            "programming",
            "reading",
            "to read to",
            "read to",
            "to read",
            "while reading",
            "while i read",
            "read a book",
            "reading books",
            "homework",
            "productive",
            "productivity",
            "deep work",
            "study session",
            "long study session",
            "work session",
            "studying session",
            "studying late at night",
            "reading a book",
            "exam",
            "exams",
            "before an exam",
            "studying for an exam",
            "finals week",
            "painting",
            "paint to",
            "drawing",
            "draw to",
            "sketching",
            "writing",
            "journaling",
            # a teacher's desk work ('music to grade papers to' seeded the band Grade)
            *("grading", "grade papers", "grading papers", "grade essays", "grading essays", "to grade"),
            *("marking", "marking papers", "marking essays", "marking exams", "marking homework", "lesson planning"),
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
            # a baby's sleep ('mozart for babies' left Mozart unread beside the unknown 'babies'); not 'for my baby'
            *("babies", "for babies", "for a baby", "for the baby", "newborn", "newborns", "infant", "infants"),
            "fall asleep",
            "falling asleep",
            "nap",
            "insomnia",
        ),
    ),
    (
        "acoustic",
        (_r("acousticness", low=0.6, target=0.8),),
        (
            *("acoustic", "unplugged", "stripped", "stripped down", "organic", "campfire", "bonfire"),
            *("around the fire", "fingerpicking", "finger picking", "fingerpicked", "fingerstyle", "finger style"),
            "acoustic guitar",
        ),
    ),
    (
        "instrumental",
        (_r("instrumentalness", low=WORDLESS_LEAST, target=FOCUS_INSTRUMENTAL),),
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
            "no talking",  # 'neon + scorpion jacket + no talking' excluded Talking Heads
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
            *SINGALONG_PHRASES,
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
            "dramatic",
            "gaming",
            "keep me awake",
            "stay awake",
            "to stay awake",
            "video games",
            "gaming session",
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
            *("frustrated", "frustration", "fuming", "livid", "seething", "enraged", "irate", "fed up"),
            "fury",
            "let off steam",
            "let off some steam",
            "blow off steam",
            "blow off some steam",
            "vent",
            "venting",
            *("angry at the world", "mad at the world", "hate the world", "hating the world", "me against the world"),
        ),
    ),
    (
        "aggressive",
        (_r("energy", low=0.9, target=0.95), _r("loudness", low=-5.0), _r("valence", high=0.55)),
        (
            *("aggressive", "heavier", "harder", "heavy", "brutal", "harsh", "hard", "savage", "violent"),
            *("go hard", "goes hard", "going hard", "hit hard", "hits hard"),
            *("mosh", "moshing", "circle pit", "to mosh to"),  # 'songs to mosh to' seeded the act Mösh
        ),
    ),
    (
        "romantic",
        (_r("energy", high=0.6, target=0.35), _r("valence", low=0.1, high=0.75, target=0.4)),
        (
            "romantic",
            "more romantic",
            "romance",
            *("propose", "proposal", "proposing", "marriage proposal", "to propose to", "to propose"),
            *("falling in love", "fall in love"),
            "love",
            "love songs",
            "date night",
            "first date",
            "slow dance",
            *("last dance", "the last dance", "for the last dance", "slow dances", "slow dance songs"),
            "valentine",
            *("valentines day", "valentine s day", "valentines"),
            "valentines",
            "in love",
            "first dance",
            "falling in love",
            "anniversary",
            "our anniversary",
            "crush",
            "a crush",
            "have a crush",
            "fall in love",
            "for my girlfriend",
            "for my boyfriend",
            "feel loved",
            "for my bf",
            "for my gf",
            "for my wife",
            "for my husband",
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
            *("smoky", "smokey"),  # 'jazz for a late night, something smoky' seeded the act Smoky
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
            "grey",
            "gray",
            "grey afternoon",
            "gray afternoon",
            "grey sky",
            "grey skies",
        ),
    ),
    (
        "night drive",
        (_r("energy", low=0.5, high=0.85, target=0.7), _r("valence", high=0.5), _r("tempo", low=90.0, high=135.0)),
        (
            "night drive",
            "night driving",
            # 'songs for a long drive tonight, just me and the highway' was bright 80s rock (Hall & Oates)
            *("drive tonight", "long drive tonight", "driving tonight", "a drive tonight"),
            "late night drive",
            "midnight drive",
            "driving at night",
            "drive at night",
            "late night",
            "late nights",
            "midnight",
            "nocturnal",
            "after hours",
            "late at night",
            "3am",
            "2am",
            "4am",
            "night walk",
            "long drive at night",
            "long drives at night",
            "late night walk",
            "late night walk in the city",
            "walking home at night",
            "walking alone at night",
            "walking home alone at night",
            "alone at night",
            "at night",
            "at night in the city",
            "night in the city",
            "city at night",
            "city lights",
            "night",
            "nights",
        ),
    ),
    (
        "driving",
        (_r("energy", low=0.7, target=0.8), _r("valence", low=0.45), _r("tempo", low=95.0, high=150.0)),
        (
            "driving",
            "drive",
            "road trip",
            "roadtrip",
            "cruising",
            "highway",
            "car",
            "long drive",
            "long drives",
            *("coastal drive", "along the coast", "down the coast", "up the coast", "coast road"),
            *("windows down", "with the windows down", "windows rolled down", "top down", "with the top down"),
            *("long road trip", "long road trips", "long car ride", "long car rides"),
            "car ride",
            *("the whip", "in the whip", "for the whip", "whip music", "riding around", "ridin around"),
            *("drive home", "the drive home", "ride home", "the ride home", "drive to work", "the drive to work"),
            *("driving home", "driving to work"),
        ),
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
    (  # a DJ's word for the pace between slow dances and bangers: 'mid-tempo feel good stuff' said it unused
        "mid tempo",
        (_r("tempo", low=90.0, high=115.0, target=103.0),),
        ("mid tempo", "midtempo", "mid paced", "medium tempo", "moderate tempo"),
    ),
    (
        "slow",
        # the tempo alone found trap at 75 bpm ('slow songs' was Travis Scott, DaBaby, Juice WRLD): slow is soft too
        (_r("tempo", high=95.0, target=80.0), _r("energy", high=0.55)),
        ("slow", "slower", "slow tempo", "slow paced", "slowed", "slow jams", "slow jam"),
    ),
    (
        "loud",
        (_r("loudness", low=-4.2),),
        ("loud", "louder", "blasting", "cranked", "to blast", "to crank"),
    ),
    (
        "dark",
        (_r("valence", high=0.25, target=0.15), _r("energy", low=0.45)),
        (
            *("dark", "darker", "ominous", "eerie", "creepy", "spooky", "haunting", "sinister", "gritty", "menacing"),
            *("grimy", "grit", "more grit"),
            *("villain arc", "villain era", "my villain era", "villain music", "villain songs", "witchy", "witchcore"),
        ),
    ),
    (
        "dreamy",
        (
            _r("energy", high=0.6, target=0.45),
            _r("valence", high=0.55),
            _r("acousticness", low=0.1),
            _r("speechiness", high=0.08),
        ),
        (
            *("dreamy", "ethereal", "atmospheric", "spacey", "spacy", "floaty", "hazy", "dreamlike", "airy"),
            *("spacious", "expansive"),
            *("romanticize my life", "romanticizing my life", "romanticise my life", "romanticising my life"),
            *("romanticize life", "romanticizing life", "whimsical"),
            *("outer space", "space vibes", "space music", "spacey music", "floating in space", "like outer space"),
            # the internet's aesthetics of an eerie, half-remembered place ('dreamcore / weirdcore / liminal pool
            # vibes' was Sting and Leonard Cohen)
            *("dreamcore", "weirdcore", "liminal", "liminal space", "liminal spaces", "liminalcore"),
        ),
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
            "picnic",
            "picnic in the park",
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
            "hangover",
            "hungover",
            "lazy morning",
            # 'upbeat indie for a spring walk': the season was said unused
            *("spring", "springtime", "spring day", "spring walk", "in spring", "spring vibes", "spring morning"),
            # first light ('before the sun comes up' left 'sun comes' unread)
            *("dawn", "at dawn", "daybreak", "first light"),
            *("before the sun comes up", "sun comes up", "the sun comes up", "sun rises", "the sun rises"),
            *("sun coming up", "the sun coming up", "sun is coming up", "the sun is coming up"),
            *("before sunrise", "early morning", "early mornings"),
        ),
    ),
    (
        "background",
        (_r("energy", low=0.3, high=0.7, target=0.5), _r("speechiness", high=0.1), _r("loudness", high=-5.0)),
        (
            "background",
            "baby shower",
            "cooking",
            "cooking dinner",
            "cook",
            "cook dinner",
            "cook to",
            "making dinner",
            "cafe",
            "coffee shop",
            "work",
            "working",
            "office",
            "yard work",
            "gardening",
            "dnd",
            "d d",
            "d d session",
            "dnd session",
            # 'board game night' was a night drive, 'd&d campaign' a song ('d&d' is read as 'dnd')
            *("dnd campaign", "d d campaign", "dnd night", "dnd game"),
            *("board games", "board game", "board game night", "board games night", "game night", "games night"),
            *("poker night", "card games", "trivia night", "quiz night"),
            "tabletop",
            # a shop's music for its customers ('something nice for the shop' was a mix with Motörhead in it)
            *("shop", "the shop", "my shop", "store", "my store", "in store", "in the store", "boutique", "restaurant"),
            *("my restaurant", "waiting room", "lobby", "salon"),
        ),
    ),
    (  # the sound of background music, the styles of a dinner table (mood_tags): jazz, bossa nova, lounge
        "dinner",
        (_r("energy", low=0.3, high=0.7, target=0.5), _r("speechiness", high=0.1), _r("loudness", high=-5.0)),
        (
            *("dinner", "dinner party", "dinner parties", "dinner date", "candlelight", "candle light", "brunch"),
            *("sunday brunch", "thanksgiving", "thanksgiving dinner", "friendsgiving", "family dinner"),
            "holiday dinner",
        ),
    ),
    (
        "meditation",
        (
            _r("energy", high=0.45, target=0.2),
            _r("speechiness", high=0.08),
            _r("loudness", high=-9.0),
            _r("instrumentalness", target=FOCUS_INSTRUMENTAL),  # yoga and spa lists led with Ray LaMontagne's 'Jolene'
        ),
        (
            *("meditation", "meditate", "meditating", "meditative", "yoga", "mindfulness", "spa", "zen"),
            *("ambient vibes", "massage", "bath", "bubble bath", "candlelit bath", "candle lit bath", "bath time"),
            *("self care", "pamper", "pampering", "yoga flow"),
            # a yoga teacher's classes and poses (set BB: 'savasana' was an unknown name, 'yin' and 'slow flow' unread)
            *("savasana", "shavasana", "yin", "yin yoga", "yin class", "restorative", "restorative yoga", "slow flow"),
            *("restorative class", "sun salutation", "sun salutations", "breathwork", "breath work", "sound bath"),
            *("sound healing", "yoga nidra", "pranayama", "kundalini", "vinyasa", "vinyasa flow", "flow class"),
        ),
    ),
    (
        "summer",
        (_r("valence", low=0.6, target=0.75), _r("danceability", low=0.65), _r("energy", low=0.6)),
        (
            "summer",
            "summertime",
            "summery",
            "beach",
            *("beach day", "beach days", "day at the beach"),
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
    occasions = tuple((o.label, o.ranges, o.words) for o in OCCASIONS)
    for label, ranges, words in (*_TABLE, *occasions):
        mood = Mood(label, ranges)
        by_label[label] = mood
        for word in (label, *words):
            by_word.setdefault(normalize_name(word), mood)
    return MappingProxyType(by_word), MappingProxyType(by_label)


MOODS, MOODS_BY_LABEL = _build()
"""`MOODS`: normalized word or phrase -> Mood; `MOODS_BY_LABEL`: canonical label -> Mood."""

OCCASION_LABELS = frozenset(o.label for o in OCCASIONS)
"""The mood labels that are occasions (`query.occasions`)."""
FEELINGS: Mapping[str, Mood] = MappingProxyType(
    {word: mood for word, mood in MOODS.items() if mood.label not in OCCASION_LABELS}
)
"""`MOODS` without the occasions: what an unknown word may mean by its vector (`query.meaning`). An occasion is a
named event, not a shade of feeling: with them, 'triumphant' was read as a graduation."""


def mood_for(phrase: str) -> Mood | None:
    """The mood a word or phrase asks for ('Relaxing' -> relaxing), or None."""
    return MOODS.get(normalize_name(phrase))
