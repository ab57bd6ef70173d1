"""Reason texts: short, truthful sentences built from the scoring component that ranked an item.

Every number shown is the item's own value from the catalog, so a reason never claims more than the data says.
"""

from __future__ import annotations

from collections.abc import Sequence

from segue.domain import FeatureRange

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


def feature_phrase(feature: str, value: float, rng: FeatureRange | None = None) -> str:
    """'low energy 0.31', 'acoustic 0.82', '92 BPM', '-11 dB'."""
    if feature == "tempo":
        text = f"{value:.0f} BPM"
    elif feature == "loudness":
        text = f"{value:.0f} dB"
    else:
        text = f"{_FEATURE_WORD.get(feature, feature)} {value:.2f}"
    # "low"/"high" only where the value really is inside that mood's bound: combined moods can widen a band
    # (segue.engine.signals.combined_bounds), and a reason must never call 0.77 "low energy".
    if rng is not None and feature not in {"tempo", "loudness"} and rng.accepts(value):
        if rng.high is not None and rng.low is None:
            text = "low " + text
        elif rng.low is not None and rng.high is None and feature in {"energy", "danceability", "valence"}:
            text = "high " + text
    return text


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


def _plain_word(rng: FeatureRange, value: float) -> str | None:
    """'calm' for energy under a ceiling, 'fast' for tempo over a floor; None for a band or a value outside it."""
    words = _PLAIN_WORDS.get(rng.feature)
    if words is None or not rng.accepts(value):
        return None
    if rng.high is not None and rng.low is None:
        return words[0]
    if rng.low is not None and rng.high is None:
        return words[1]
    return None


def mood_reason(mood: str, ranges: Sequence[FeatureRange], values: dict[str, float | None]) -> str | None:
    """'calm and slow (energy 0.31, 92 BPM)': plain words first, the track's own numbers after them."""
    words: list[str] = []
    numbers: list[str] = []
    for rng in ranges:
        value = values.get(rng.feature)
        if value is None:
            continue
        numbers.append(feature_phrase(rng.feature, value))
        word = _plain_word(rng, value)
        if word is not None and word not in words:
            words.append(word)
    if not numbers:
        return None
    shown = words[:3]
    said = ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else (shown[0] if shown else mood)
    return f"{said} ({', '.join(numbers[:3])})"


def decade_label(year: int) -> str:
    """1983 -> '80s', 2014 -> '2010s'."""
    decade = year - year % 10
    return f"{decade % 100:02d}s" if decade < 2000 else f"{decade}s"


def genre_reason(genre: str, year: int | None, era_requested: bool) -> str:
    """'80s synth-pop' when an era was asked for, else just the genre."""
    if era_requested and year:
        return f"{decade_label(year)} {genre} ({year})"
    return genre


def popularity_reason(popularity: float, deep: bool) -> str:
    """'deep cut: popularity 12/100' or 'popular: 85/100'."""
    pct = round(100 * popularity)
    return f"deep cut: popularity {pct}/100" if deep else f"popular: {pct}/100"


def shared_tags_reason(seed_name: str, tags: Sequence[str]) -> str:
    """'shares tags with Daft Punk: french house, electronic'."""
    return f"shares tags with {seed_name}: {', '.join(tags[:2])}" if tags else f"similar tags to {seed_name}"
