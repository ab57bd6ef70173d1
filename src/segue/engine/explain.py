"""Reasons: short, truthful sentences built from the scoring component that ranked an item, and the same facts as
data so the bot can say them in the member's language (`Reason.facts`).

Every number shown is the item's own value from the catalog, so a reason never claims more than the data says.
The English `text` is what `segue ask` prints; the facts per kind are:

- colisten: seed · tag: seed, tags (names shared with the seed artist) · style: tags
- genre: genre, year (or None), era (bool: an era was asked for) · era: year · seed: artist
- mood: mood, words ([feature, "low"|"high"]), numbers ([feature, value, "low"|"high"|""])
- content: seed, numbers (as for mood) · popularity: pct (0-100), deep (bool), popular (bool; absent: True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from segue.domain import FeatureRange, Reason

_FEATURE_WORD = {
    "danceability": "danceability",
    "energy": "energy",
    "valence": "positivity",
    "acousticness": "acoustic",
    "instrumentalness": "instrumental",
    "speechiness": "spoken",
    "liveness": "live",
    "tempo": "tempo",
    "loudness": "loudness",
}


def feature_side(feature: str, value: float, rng: FeatureRange | None = None) -> str:
    """'low', 'high' or '': which side of a mood's bound the value stands on, when it really does."""
    # "low"/"high" only where the value really is inside that mood's bound: combined moods can widen a band
    # (segue.engine.signals.combined_bounds), and a reason must never call 0.77 "low energy".
    if rng is None or feature in {"tempo", "loudness"} or not rng.accepts(value):
        return ""
    if rng.high is not None and rng.low is None:
        return "low"
    if rng.low is not None and rng.high is None and feature in {"energy", "danceability", "valence"}:
        return "high"
    return ""


def feature_phrase(feature: str, value: float, rng: FeatureRange | None = None) -> str:
    """'low energy 0.31', 'acoustic 0.82', '92 BPM', '-11 dB'."""
    if feature == "tempo":
        text = f"{value:.0f} BPM"
    elif feature == "loudness":
        text = f"{value:.0f} dB"
    else:
        text = f"{_FEATURE_WORD.get(feature, feature)} {value:.2f}"
    side = feature_side(feature, value, rng)
    return f"{side} {text}" if side else text


_PLAIN_WORDS: dict[str, tuple[str, str]] = {
    "energy": ("calm", "energetic"),
    "valence": ("sombre", "bright"),
    "danceability": ("laid-back", "danceable"),
    "acousticness": ("electric", "acoustic"),
    "instrumentalness": ("with vocals", "instrumental"),
    "speechiness": ("sung", "wordy"),
    "liveness": ("studio", "live"),
    "tempo": ("slow", "fast"),
    "loudness": ("quiet", "loud"),
}
"""(word for a value under a ceiling, word for a value over a floor) per feature: what a listener would say."""


def plain_word(feature: str, side: str) -> str:
    """The English word for a feature's side: ('energy', 'low') -> 'calm', ('tempo', 'high') -> 'fast'."""
    low, high = _PLAIN_WORDS.get(feature, (f"low {feature}", f"high {feature}"))
    return low if side == "low" else high


UNIT_LOW, UNIT_HIGH = 0.45, 0.6
"""A 0..1 feature's plain word needs the value this far to its side of the middle: 'energetic' at energy 0.53
beside 'chill' at 0.54 in another answer said nothing a listener hears."""


_PLAIN_ENDS = {"tempo": (100.0, 120.0), "loudness": (-9.0, -6.0), "instrumentalness": (UNIT_LOW, 0.85)}
"""Where a feature earns its plain word: 116 BPM passed a sleep mood's ceiling (125) but is not 'slow'; a song at
instrumentalness 0.79 still has its singer ('Cello Song' with José González was called instrumental)."""


def _plain_side(rng: FeatureRange, value: float) -> str | None:
    """'low' for a value under a ceiling, 'high' over a floor; None for a band or a value outside it."""
    if rng.feature not in _PLAIN_WORDS or not rng.accepts(value):
        return None
    # A 0..1 feature must also be on that side of the middle: 'acoustic' for acousticness 0.17 (inside a floor of
    # 0.15) would contradict its own number.
    unit = rng.feature not in {"tempo", "loudness"}
    low_end, high_end = _PLAIN_ENDS.get(rng.feature, (UNIT_LOW, UNIT_HIGH))
    if rng.low is None and rng.high is None and rng.target is not None and unit:  # a sound aimed at, not bounded
        aimed_high, aimed_low = rng.target >= 0.5 and value >= high_end, rng.target < 0.5 and value <= low_end
        return "high" if aimed_high else "low" if aimed_low else None
    if rng.high is not None and rng.low is None and value <= low_end:
        return "low"
    if rng.low is not None and rng.high is None and value >= high_end:
        return "high"
    return None


def mood_reason(
    mood: str, ranges: Sequence[FeatureRange], values: dict[str, float | None], weight: float = 0.0
) -> Reason | None:
    """'calm and slow (energy 0.31, 92 BPM)': plain words first, the track's own numbers after them."""
    words: list[list[str]] = []
    numbers: list[list[Any]] = []
    for rng in ranges:
        value = values.get(rng.feature)
        if value is None:
            continue
        side = _plain_side(rng, value)
        if rng.low is None and rng.high is None and side is None:
            continue  # a sound the mood aims at that this song does not have ('sad rap' at acoustic 0.01)
        if rng.feature == "speechiness" and rng is not ranges[0]:
            continue  # a mood's guard against rap is no reason: 'sung (energy 0.51, spoken 0.04, -8 dB)' for dinner
        numbers.append([rng.feature, value, ""])
        if rng.feature == "speechiness" and (values.get("instrumentalness") or 0.0) >= 0.5:
            side = None  # few spoken words in an instrumental: not 'sung'
        if side is not None and [rng.feature, side] not in words:
            words.append([rng.feature, side])
    if not numbers:
        return None
    worded = {f for f, _ in words}
    numbers.sort(key=lambda n: n[0] not in worded)  # the numbers behind the words first
    shown = [plain_word(f, side) for f, side in words[:3]]
    said = ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else (shown[0] if shown else mood)
    text = f"{said} ({', '.join(feature_phrase(f, v) for f, v, _ in numbers[:3])})"
    return Reason("mood", text, weight, {"mood": mood, "words": words[:3], "numbers": numbers[:3]})


def decade_label(year: int) -> str:
    """1983 -> '80s', 2014 -> '2010s'."""
    decade = year - year % 10
    return f"{decade % 100:02d}s" if decade < 2000 else f"{decade}s"


def genre_reason(genre: str, year: int | None, era_requested: bool, weight: float = 0.0) -> Reason:
    """'80s synth-pop' when an era was asked for, else just the genre."""
    text = f"{decade_label(year)} {genre} ({year})" if era_requested and year else genre
    return Reason("genre", text, weight, {"genre": genre, "year": year, "era": bool(era_requested and year)})


def era_reason(year: int) -> Reason:
    """'from 1983'."""
    return Reason("era", f"from {year}", 0.0, {"year": year})


def topic_reason(topic: str) -> Reason:
    """''trains' in the title' (what 'songs about trains' matched: titles, not lyrics)."""
    return Reason("topic", f"'{topic}' in the title", 0.0, {"topic": topic})


def by_reason(artist: str) -> Reason:
    """'by Daft Punk' (a track by an artist the request named)."""
    return Reason("seed", f"by {artist}", 0.0, {"artist": artist})


DEEP_CUT_BELOW = 40
"""A 'deep cut' claim needs the song's popularity under this ('deep cut: popularity 55/100' for a single)."""
POPULAR_FROM = 50
"""A 'popular' claim needs the song's popularity at least this ('popular: 4/100' contradicted itself)."""


def popularity_reason(popularity: float, deep: bool, *, popular_said: bool = True) -> Reason:
    """'deep cut: popularity 12/100', 'popular: 85/100', or plainly 'popularity 45/100' when the claim the
    request's dial would make does not hold for this song; never 'popular' where less known was asked for
    (`popular_said` False: 'nirvana vibes but less known bands' said 'popular: 52/100')."""
    pct = round(100 * popularity)
    popular = popular_said and not deep and pct >= POPULAR_FROM
    deep = deep and pct < DEEP_CUT_BELOW
    text = f"deep cut: popularity {pct}/100" if deep else f"popular: {pct}/100" if popular else f"popularity {pct}/100"
    return Reason("popularity", text, popularity, {"pct": pct, "deep": deep, "popular": popular})


def colisten_reason(seed_name: str, weight: float) -> Reason:
    """'shares listeners with Daft Punk'."""
    return Reason("colisten", f"shares listeners with {seed_name}", weight, {"seed": seed_name})


def playlist_reason(seed_name: str, weight: float) -> Reason:
    """'often on playlists with Kendrick Lamar' (co-playlisting: people put them side by side)."""
    return Reason("playlists", f"often on playlists with {seed_name}", weight, {"seed": seed_name})


def heard_reason(mood: str, tags: Sequence[str], weight: float) -> Reason:
    """'sleep: tagged ambient, drone' (a track without audio features that qualified for a mood by its tags)."""
    return Reason("heard", f"{mood}: tagged {', '.join(tags[:2])}", weight, {"mood": mood, "tags": list(tags[:2])})


def shared_tags_reason(seed_name: str, tags: Sequence[str], weight: float = 0.0) -> Reason:
    """'shares tags with Daft Punk: french house, electronic'."""
    text = f"shares tags with {seed_name}: {', '.join(tags[:2])}" if tags else f"similar tags to {seed_name}"
    return Reason("tag", text, weight, {"seed": seed_name, "tags": list(tags[:2])})


def sound_reason(seed_name: str, values: Sequence[tuple[str, float]], weight: float) -> Reason:
    """'sounds like Massive Attack: energy 0.41, danceability 0.62'."""
    text = f"sounds like {seed_name}: {', '.join(feature_phrase(f, v) for f, v in values[:2])}"
    return Reason("content", text, weight, {"seed": seed_name, "numbers": [[f, v, ""] for f, v in values[:2]]})


def style_reason(tags: Sequence[str], weight: float) -> Reason:
    """'same style: trip hop, downtempo' (the track's own strongest tags)."""
    return Reason("tag", f"same style: {', '.join(tags)}", weight, {"tags": list(tags)})
