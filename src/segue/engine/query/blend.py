"""Moods said beside each other, where one gives way: what is done over when and where, 'not' over any word.

Each mood bounds a few features; where two moods' bounds leave no song between them, `signals.combined_bounds` takes
a band around their middle, which is right for moods meeting halfway ('chill party songs': mid energy; 'sad songs
but upbeat': the sad bangers). It is wrong where one is what the songs are *for*:
- an activity beside a time, a weather or a place (`settle`): "need smth upbeat for my morning run" asked
  'morning''s gentle energy of the run and got half-time ballads measured at 160 BPM; the setting keeps its place in
  `Query.moods` (how listeners tag songs still counts), gives its bounds up, and the answer says so. Giving way
  everywhere ('the later word wins') lost the halfway readings (EVALUATION.md, fourteenth session), so it is kept to
  activities; likewise a journey beside a feeling ('crying in the car': sad songs, not half-sad driving songs);
- an hour of the night beside another mood (`hour_beside_mood`), an occasion beside one (`occasion_beside_mood`),
  and a bound said with 'not' (`said_not_wins`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from segue.domain import FeatureRange, Query
from segue.engine.query.lexicon import REQUEST_NOUNS
from segue.engine.query.moods import FEATURE_DOMAINS, MOODS, NOT_MARGIN, OCCASION_LABELS
from segue.engine.query.occasions import ACTIVITY_OCCASIONS
from segue.text import normalize_name

__all__ = [
    "ACTIVITIES",
    "FEELINGS",
    "GIVES_WAY",
    "JOURNEYS",
    "PLAYING",
    "SETTINGS",
    "STILLNESS",
    "drive_at_night",
    "hour_beside_mood",
    "occasion_beside_mood",
    "party_beside_occasion",
    "said_not_wins",
    "settle",
    "sorrow_beside_motion",
    "sung_beside_wordless",
]

SETTINGS = frozenset({"morning", "rainy", "summer", "night drive", "dinner", "background"})
"""Moods of a time, a weather or a place: they colour an activity and give way to it."""
ACTIVITIES = frozenset({"workout", "running", "party", "dance", "driving", "stadium", "bangers", *ACTIVITY_OCCASIONS})
"""Moods of something done: the sound it needs is the point."""
JOURNEYS = frozenset({"driving", "night drive", "travel"})
"""Moods of being on the way: where the music plays, not what it is for."""
FEELINGS = frozenset({"sad", "melancholic", "romantic", "angry", "aggressive", "sleep", "meditation"})
"""Moods of how the listener feels or wants to feel: 'crying in the car' is sad songs, not half-sad driving songs."""
STILLNESS = frozenset({"meditation", "sleep"})
"""Moods of being still: any bound a setting adds beside them is noise."""
UNPLUGGED = frozenset({"acoustic"})
"""The sound of songs played by hand ('a beach bonfire': the beach's dance floor under the fire's guitars was
reggaeton and sertanejo)."""
PLAYING = frozenset({"gaming", "games", "video games"})
"""Words of playing games: the energetic mood's ('gaming music' is hype), though a game is played to any sound."""
CALM = frozenset({"chill", "calm", "relaxing", "mellow", "sleep", "meditation", "focus", "background"})
"""Moods of a quiet sound: beside a game, how it should sound ('chill music for gaming' averaged into mid energy:
Mamamoo, Krept & Konan, Rick Ross)."""
GIVES_WAY = (
    (SETTINGS, ACTIVITIES, False),
    (SETTINGS, FEELINGS, False),
    (JOURNEYS, FEELINGS, False),
    (SETTINGS, STILLNESS, True),
    (SETTINGS, UNPLUGGED, True),
    (PLAYING, CALM, True),
)
"""(givers, takers, always): a giver's bounds give way to a taker's when the two leave no song between them, or
always. A time or a place gives way to what is done there and to a feeling ('angry morning music' met the
morning's brightness halfway: JACKBOYS, Maluma, Cuco); a journey to a feeling ('songs for a breakup, crying in
the car' averaged sad and driving into mid-energy trap and a festival set); any setting to stillness ('sunrise
meditation' kept the morning's brightness beside the meditation's calm: Jack Johnson, Clapton, Bobby Bland) and to
songs played by hand."""

SUNG_FOCUS = "mellow"
"""The mood whose listener evidence stands for study's where the songs are sung (`sung_beside_wordless`)."""

MIN_WIDTH = {"tempo": 5.0, "loudness": 1.0}
"""Narrower than this (in the feature's unit), two bounds leave no song between them; 0.05 for 0..1 features."""
DEFAULT_WIDTH = 0.05


def settle(
    features: Sequence[FeatureRange], moods: Sequence[tuple[str, str]]
) -> tuple[tuple[FeatureRange, ...], tuple[tuple[str, str], ...]]:
    """The features without the ranges of each mood that clashed with one it gives way to (`GIVES_WAY`), and who
    gave way to whom: (typed word, typed word kept). `moods` are (typed word, mood label) in the order typed; other
    ranges stay."""
    label = dict(moods)
    gave_way: dict[str, str] = {}
    for givers, takers, always in GIVES_WAY:
        kept_by = [word for word, mood in moods if mood in takers]
        # an hour ('4am') is when, not a journey: `hour_beside_mood` reads it
        for giver in (w for w, mood in moods if _gives(w, mood, givers) and w not in gave_way and not _an_hour(w)):
            kept = next((word for word in kept_by if always or _words_clash(features, giver, word)), None)
            if kept is not None and label[giver] != label[kept] and kept not in gave_way:
                gave_way[giver] = kept
    return tuple(f for f in features if f.because not in gave_way), tuple(gave_way.items())


def drive_at_night(
    features: Sequence[FeatureRange], mood_words: Sequence[tuple[str, str]]
) -> tuple[tuple[FeatureRange, ...], tuple[tuple[str, str], ...], frozenset[str]]:
    """'driving through tokyo at night', 'driving late at night': one drive, at night's sound (the night gave way to
    the drive: 80s rock). The features and mood words without the drive's, and the mood labels to leave out."""
    night = any(label == "night drive" and not any(c.isdigit() for c in word) for word, label in mood_words)  # 4am
    if not night or all(label != "driving" for _, label in mood_words):
        return tuple(features), tuple(mood_words), frozenset()
    driving = {word for word, label in mood_words if label == "driving"}
    kept = tuple(f for f in features if f.because not in driving)
    return kept, tuple((w, label) for w, label in mood_words if w not in driving), frozenset({"driving"})


def _gives(word: str, mood: str, givers: frozenset[str]) -> bool:
    """A mood of `givers` by its label, or by the word typed (a game is played, whatever mood its words carry)."""
    return mood in givers or normalize_name(word) in givers


def _an_hour(word: str) -> bool:
    return normalize_name(word) in _WHEN


def _words_clash(features: Sequence[FeatureRange], a: str, b: str) -> bool:
    """Whether the bounds of the moods typed as `a` and `b` leave (almost) no song between them for some feature."""
    mine = [f for f in features if f.because == a]
    theirs = [f for f in features if f.because == b]
    return any(x.disjoint(y, MIN_WIDTH.get(x.feature, DEFAULT_WIDTH)) for x in mine for y in theirs)


SORROW_VALENCE = 0.4
"""A mood capping positivity this low (sad, melancholic, heartbreak) is sorrow: an hour of the night only dates it."""
_HOURS = frozenset({"1am", "2am", "3am", "4am", "5am", "midnight", "late night", "late at night", "after hours"})
"""Hours of the night: alone they ask for night-drive music ('songs for 3am'); beside another mood, its colour."""
_NIGHT = frozenset({"night", "nights"})
"""'night' alone is night-drive music ('music for the night'); beside a mood that pulls away from it, only when it
is played ('chill rnb for a rainy night', 'sad night': night-drive energy of 0.5 and up is not what either asks)."""
_WHEN = _HOURS | _NIGHT
"""Words that say when a song is played: `hour_beside_mood` reads them, no other rule."""


def _night_pulled(timed: list[FeatureRange], rest: list[FeatureRange]) -> bool:
    """'night' beside a mood that keeps a feature away from night-drive's aim ('rainy night': energy at most 0.55
    against 0.7); a mood that agrees keeps it ('summer night', 'party night')."""
    return any(
        a.target is not None
        and normalize_name(a.because) in _NIGHT
        and ((b.high is not None and b.high < a.target) or (b.low is not None and b.low > a.target))
        for a in timed
        for b in rest
        if a.feature == b.feature
    )


def hour_beside_mood(query: Query) -> Query:
    """'cant sleep its 4am': an hour whose night-drive bounds (energy 0.5 and up) contradict another mood's (sleep:
    energy at most 0.45) says when it is played, not how it sounds; both together emptied the answer. So does an
    hour beside sorrow ('songs to cry to at 3am', 'a 2am existential crisis': night-drive energy gave Jason Mraz's
    'Lucky' and 'Party Rock Anthem'). An hour that agrees with the mood stays ('chill late night vibes': The xx)."""
    hours = {f.because for f in query.features if _an_hour(f.because)}
    others = [m for m in query.moods if m != "night drive"]
    if not hours or not others:
        return query
    timed = [f for f in query.features if f.because in hours]
    rest = [f for f in query.features if f.because not in hours]
    sorrow = any(f.feature == "valence" and f.high is not None and f.high <= SORROW_VALENCE for f in rest)
    if not (sorrow or _night_pulled(timed, rest) or _clash(timed, rest)):
        return query
    features = tuple(rest)
    driving = any(
        (m := MOODS.get(normalize_name(f.because))) is not None and m.label == "night drive" for f in features
    )
    moods = query.moods if driving else tuple(others)
    return replace(query, features=features, moods=moods)


_OCCASIONS = frozenset({"wedding", "prom", "prom night"})
"""Occasions with a mood of their own (a wedding: slow and romantic) that another mood said beside them overrides;
read after the request's language is ('mariage', 'casamento', 'Hochzeit' arrive as 'wedding')."""


def occasion_beside_mood(query: Query) -> Query:
    """'party songs for a wedding', 'qqch de festif pour un mariage': the wedding says where, the party how it
    sounds; the wedding's slow romance (energy at most 0.6) against the party's (0.7 and up) left no song with both,
    and the relaxed answer was 80s power ballads. The occasion's bounds give way when they contradict another's, or
    beside dancing ('songs to dance to at a wedding' was slow R&B: Usher's 'Nice & Slow')."""
    said = [f for f in query.features if normalize_name(f.because) in _OCCASIONS]
    rest = [f for f in query.features if f not in said]
    if not said or not (_clash(said, rest) or "dance" in query.moods):
        return query
    labels = {m.label for f in said if (m := MOODS.get(normalize_name(f.because))) is not None}
    kept = {m.label for f in rest if (m := MOODS.get(normalize_name(f.because))) is not None}
    moods = tuple(m for m in query.moods if m not in labels or m in kept)
    if "dance" in moods and "party" not in moods and (party := MOODS.get("party")) is not None:
        # Dancing at a wedding is its party: bright and lively, not any danceable song (Trevor Daniel's 'Falling').
        rest += party.ranges_for(said[0].because)
        moods = (*moods, party.label)
    return replace(query, features=tuple(rest), moods=moods)


QUIET_PARTY = frozenset({"romantic", "sensual", "chill", "mellow", "calm", "relaxing"})
"""Moods that say which party when said beside one: its music is theirs, not the dance floor's."""


def party_beside_occasion(query: Query) -> Query:
    """'st patrick's day party playlist', 'rooftop party at sunset': the occasion says which party; the generic
    party's bounds and tags beside it pulled the answer back to the party list (Calvin Harris, SuperM). The word
    'party' gives way to any occasion (`query.occasions`) said beside it, and to a slow or quiet mood ('a slow dance
    at my parents' anniversary party' was SZA with Travis Scott and TLC's dance songs; 'a chill party')."""
    if "party" not in query.moods or not (OCCASION_LABELS | QUIET_PARTY).intersection(query.moods):
        return query
    partying = {f.because for f in query.features if (m := MOODS.get(normalize_name(f.because))) and m.label == "party"}
    features = tuple(f for f in query.features if f.because not in partying)
    return replace(query, features=features, moods=tuple(m for m in query.moods if m != "party"))


SORROW = frozenset({"sad", "melancholic"})
"""Moods of sorrow: how a song feels (low positivity) and, alone, how it sounds (quiet, acoustic ballads)."""
MOTION = frozenset({"dance", "party", "workout", "running", "bangers", "stadium", "energetic", "aggressive", "angry"})
"""Moods of moving or letting go: the sound they ask for is the point. Not 'upbeat', which meets sorrow halfway on
positivity as well ('sad but upbeat' lost its sad songs to 'Roar' and 'Bad' when sorrow gave its sound away)."""
SORROW_SOUND = frozenset({"energy", "acousticness", "loudness", "tempo"})
"""What sorrow says about a song's sound, beside its feeling (positivity)."""


def sorrow_beside_motion(query: Query) -> Query:
    """'sad but danceable', 'breakup songs that go hard': sorrow keeps its low positivity and gives its quiet,
    acoustic sound to the motion beside it. Both together answered John Mayer's 'Gravity' and 'bury a friend' as
    'sombre, calm and acoustic' (danceable by the number) and gospel beside festival EDM for 'go hard'."""
    if not SORROW.intersection(query.moods) or not MOTION.intersection(query.moods):
        return query

    def sorrow_sound(f: FeatureRange) -> bool:
        mood = MOODS.get(normalize_name(f.because))
        return mood is not None and mood.label in SORROW and f.feature in SORROW_SOUND

    features = tuple(f for f in query.features if not sorrow_sound(f))
    return query if features == query.features else replace(query, features=features)


def sung_beside_wordless(query: Query) -> Query:
    """'englische songs zum lernen', 'songs with lyrics for studying': songs sung (in a language asked, or with
    words asked) beside a mood that leans to instrumentals (study's): the leaning gives way, its other bounds stay
    (English songs to study to were Yo La Tengo's and Röyksopp's instrumentals)."""
    sung = query.sung_in is not None or any(
        f.feature == "instrumentalness" and _labelled(f.because) == "vocal" for f in query.features
    )
    wordless = [f for f in query.features if f.feature == "instrumentalness" and _study(f.because)]
    if not sung or not wordless:
        return query
    # Study's listener evidence is wordless too ('ambient', 'post rock'): sung, it is the mellow songs'.
    moods = tuple(dict.fromkeys(SUNG_FOCUS if m == "focus" else m for m in query.moods))
    kept = tuple(f for f in query.features if f not in wordless)
    if moods != query.moods and (mellow := MOODS.get(SUNG_FOCUS)) is not None:
        sound = mellow.ranges_for(wordless[0].because)  # the mellow sound, and study's few words (speechiness)
        bounded = {r.feature for r in sound}
        kept = tuple(f for f in kept if f.because != wordless[0].because or f.feature not in bounded) + sound
    return replace(query, features=kept, moods=moods)


def _study(word: str) -> bool:
    """A word of the focus mood's ('study', 'zum lernen'), whose instrumental leaning gives way to songs sung."""
    return _labelled(word) == "focus"


def _labelled(word: str) -> str | None:
    """The label of the mood a typed word asks for, if any."""
    mood = MOODS.get(normalize_name(word))
    return None if mood is None else mood.label


def said_not_wins(query: Query) -> Query:
    """'elektropop zum joggen, nicht zu schnell', 'running music but not too fast': a bound said with 'not' beats
    another word's bound on the same feature that no song could meet beside it (running's 150-185 BPM against 'not
    fast': at most 140 BPM); together they left no song with both, and the answer relaxed both silently. A mood said
    not to be is dropped, whichever word also asked for it ('i just got dumped but im not sad im ANGRY')."""
    said = [f for f in query.features if f.because.startswith("not ")]
    if not said:
        return query
    query, milder = _not_too(query, said)
    said = [f for f in query.features if f.because.startswith("not ") and f.because not in milder]
    if not said:
        return query
    unsaid = {m.label for f in said if (m := MOODS.get(normalize_name(f.because[4:]))) is not None}

    def keeps(f: FeatureRange) -> bool:
        if f in said:
            return True
        mood = MOODS.get(normalize_name(f.because))
        clash = any(f.disjoint(n) for n in said)
        return not clash and (mood is None or mood.label not in unsaid)

    kept = tuple(f for f in query.features if keeps(f))
    moods = tuple(m for m in query.moods if m not in unsaid)
    sorrow_said = [f.because for f in query.features if f not in said and not keeps(f)]
    if not moods and unsaid <= SORROW and sorrow_said and (upbeat := MOODS.get("upbeat")) is not None:
        # 'breakup songs that arent sad' kept nothing of the breakup and answered the charts: the breakup not
        # mourned is the one danced off (upbeat), as the anthems for it go.
        kept += upbeat.ranges_for(sorrow_said[0])
        moods = (upbeat.label,)
    return query if kept == query.features and moods == query.moods else replace(query, features=kept, moods=moods)


def _not_too(query: Query, said: Sequence[FeatureRange]) -> tuple[Query, frozenset[str]]:
    """'sad songs but not too depressing', 'sad but not depressing': a mood asked for and said not to be by another
    of its words is the mood's milder side, not its opposite (they answered ELO and Katy Perry as upbeat, the rule
    for 'breakup songs that arent sad', where a situation, not the feeling, was asked). Milder when the feeling
    itself was asked ('sad songs') or the 'not' is 'not too'. The mood's bound moves `NOT_MARGIN` outward and the
    'not' bound becomes a floor `NOT_MARGIN` inside it: sad's positivity at most 0.3 is 0.2 to 0.4, bittersweet
    rather than bleak. Returns the query and the 'not' words read so."""
    asked = {
        m.label: f.because
        for f in query.features
        if not f.because.startswith("not ") and (m := MOODS.get(normalize_name(f.because))) is not None
    }
    features, milder = list(query.features), set()
    for f in said:
        mood = MOODS.get(normalize_name(f.because[4:]))
        word = asked.get(mood.label) if mood is not None and mood.label in query.moods else None
        bound = next((r for r in features if r.because == word and r.feature == f.feature), None)
        if mood is None or word is None or bound is None or not _only_milder(query.text, word, f.because, mood.label):
            continue
        low, high = FEATURE_DOMAINS[f.feature]
        margin = NOT_MARGIN if (low, high) == (0.0, 1.0) else 0.0
        if bound.high is not None and f.low is not None:
            top, bottom = min(high, bound.high + margin), max(low, round(bound.high - margin, 3))
            wider = replace(bound, high=top, target=_inside(bound.target, bottom, top))
            floor = FeatureRange(f.feature, low=bottom, because=f.because)
        elif bound.low is not None and f.high is not None:
            bottom, top = max(low, bound.low - margin), min(high, round(bound.low + margin, 3))
            wider = replace(bound, low=bottom, target=_inside(bound.target, bottom, top))
            floor = FeatureRange(f.feature, high=top, because=f.because)
        else:
            continue
        features = [wider if r == bound else floor if r == f else r for r in features]
        milder.add(f.because)
    return (replace(query, features=tuple(features)) if milder else query), frozenset(milder)


def _inside(target: float | None, low: float, high: float) -> float | None:
    """A mood's aim kept inside its milder band ('not too sad' aims at its middle, not at sad's bleakest 0.15)."""
    return target if target is None or low <= target <= high else round((low + high) / 2, 3)


def _only_milder(text: str, asked: str, negated: str, label: str) -> bool:
    """Whether 'not <word>' beside the asked word of the same mood asks for less of it: the feeling was asked by
    its own name ('sad', 'sad songs') or 'not' is 'not too' ('breakup songs but not too sad')."""
    feeling = " ".join(w for w in normalize_name(asked).split() if w not in REQUEST_NOUNS)
    word = re.escape(normalize_name(negated[4:]))
    return (
        feeling == label
        or re.search(rf"\b(?:too|overly|so|that|super|very) {word}\b", normalize_name(text)) is not None
    )


def _clash(some: Sequence[FeatureRange], others: Sequence[FeatureRange]) -> bool:
    """Whether a bound of `some` and one of `others` on the same feature leave no value between them."""
    return any(a.disjoint(b) for a in some for b in others)
