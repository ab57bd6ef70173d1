"""A reason in the member's language, from the facts the engine gives with it (`segue.engine.explain` lists the
keys of each kind): "comparte oyentes con Daft Punk", "tranquila y lenta (energía 0,41, 110 BPM)".

Artist and track names are shown as they are; genres and tags as the language says them (`genre_name`: 'indie
español', 'Klavier'), and Segue's own words and the number formats change. A
reason without facts (a live source's words, an answer cached by an older version) is retold when it follows a
known template, and shown as it came otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from segue.domain import Reason

from ._genres import genre_name, genre_names
from ._retell import retell
from ._speaker import N_, NP_, Speaker

FEATURE_NAMES = {
    "danceability": N_("danceability"),
    "energy": N_("energy"),
    "valence": N_("positivity"),
    "acousticness": N_("acoustic"),
    "instrumentalness": N_("instrumental"),
    "speechiness": N_("spoken"),
    "liveness": N_("live"),
}
PLAIN_WORDS = {
    ("energy", "low"): N_("calm"),
    ("energy", "high"): N_("energetic"),
    ("valence", "low"): N_("sombre"),
    ("valence", "high"): N_("bright"),
    ("danceability", "low"): N_("laid-back"),
    ("danceability", "high"): N_("danceable"),
    ("acousticness", "low"): N_("electric"),
    ("acousticness", "high"): N_("acoustic"),
    ("instrumentalness", "low"): N_("with vocals"),
    ("instrumentalness", "high"): N_("instrumental"),
    ("speechiness", "low"): N_("sung"),
    ("speechiness", "high"): N_("wordy"),
    ("liveness", "low"): N_("studio"),
    ("liveness", "high"): N_("live"),
    ("tempo", "low"): N_("slow"),
    ("tempo", "high"): N_("fast"),
    ("loudness", "low"): N_("quiet"),
    ("loudness", "high"): N_("loud"),
}
"""The words a listener would use for a feature's low or high side (as in `segue.engine.explain`)."""
COMMUNITY = N_("liked by members who like what you like")
MOOD_LABELS = (
    NP_("mood", "acoustic"), NP_("mood", "aggressive"), NP_("mood", "angry"), NP_("mood", "background"),
    NP_("mood", "bangers"),
    NP_("mood", "calm"), NP_("mood", "chill"), NP_("mood", "dance"), NP_("mood", "dark"), NP_("mood", "dinner"),
    NP_("mood", "dreamy"), NP_("mood", "driving"), NP_("mood", "energetic"), NP_("mood", "euphoric"),
    NP_("mood", "fast"), NP_("mood", "focus"), NP_("mood", "happy"), NP_("mood", "instrumental"),
    NP_("mood", "live"), NP_("mood", "loud"), NP_("mood", "meditation"), NP_("mood", "melancholic"),
    NP_("mood", "mid tempo"),
    NP_("mood", "mellow"), NP_("mood", "morning"), NP_("mood", "night drive"), NP_("mood", "party"),
    NP_("mood", "rainy"), NP_("mood", "relaxing"), NP_("mood", "romantic"), NP_("mood", "running"),
    NP_("mood", "sad"), NP_("mood", "sensual"), NP_("mood", "sleep"), NP_("mood", "slow"), NP_("mood", "spoken"),
    NP_("mood", "stadium"), NP_("mood", "summer"), NP_("mood", "upbeat"), NP_("mood", "vocal"), NP_("mood", "workout"),
    # occasions (`segue.engine.query.occasions`)
    NP_("mood", "cocktail"), NP_("mood", "cozy"), NP_("mood", "dive bar"), NP_("mood", "fourth of july"),
    NP_("mood", "frat party"), NP_("mood", "graduation"), NP_("mood", "kids"), NP_("mood", "language practice"),
    NP_("mood", "outdoors"),
    NP_("mood", "pub"), NP_("mood", "rave"), NP_("mood", "travel"), NP_("mood", "worship"),
    # dances by their tempo
    NP_("mood", "waltz"), NP_("mood", "viennese waltz"), NP_("mood", "foxtrot"), NP_("mood", "quickstep"),
    NP_("mood", "cha cha"), NP_("mood", "rumba"), NP_("mood", "paso doble"), NP_("mood", "jive"),
    NP_("mood", "west coast swing"),
)  # fmt: skip
"""The parser's mood labels (`segue.engine.query.moods`), said in the member's language; a test keeps them in step."""


def mood_name(say: Speaker, label: str) -> str:
    """'chill' -> 'relajado': a mood label as the member would say it (unknown labels as they are)."""
    return say.pgettext("mood", label)


def feature(say: Speaker, name: str, value: float, side: str = "") -> str:
    """'energía 0,41', '110 BPM', '-11 dB', 'low energy 0.31'."""
    if name == "tempo":
        return say.gettext("{value} BPM", value=say.number(value))
    if name == "loudness":
        return say.gettext("{value} dB", value=say.number(value))
    word = say.gettext(FEATURE_NAMES[name]) if name in FEATURE_NAMES else name
    number = say.number(value, 2)
    if side == "low":
        return say.gettext("low {feature} {value}", feature=word, value=number)
    if side == "high":
        return say.gettext("high {feature} {value}", feature=word, value=number)
    return say.gettext("{feature} {value}", feature=word, value=number)


def _numbers(say: Speaker, rows: Sequence[Sequence[Any]]) -> str:
    return ", ".join(feature(say, str(r[0]), float(r[1]), str(r[2]) if len(r) > 2 else "") for r in rows)


def _mood(say: Speaker, facts: dict[str, Any]) -> str:
    words = [say.gettext(PLAIN_WORDS[(f, side)]) for f, side in facts.get("words", ()) if (f, side) in PLAIN_WORDS]
    said = say.join(words) if words else mood_name(say, str(facts.get("mood", "")))
    return say.gettext("{words} ({numbers})", words=said, numbers=_numbers(say, facts.get("numbers", ())))


def _genre(say: Speaker, facts: dict[str, Any]) -> str:
    genre, year = genre_name(say, str(facts.get("genre", ""))), facts.get("year")
    if facts.get("era") and isinstance(year, int):
        decade = year - year % 10
        short = f"{decade % 100:02d}" if decade < 2000 else str(decade)
        return say.gettext("{decade}s {genre} ({year})", decade=short, genre=genre, year=str(year))
    return genre


def _tags(say: Speaker, facts: dict[str, Any]) -> str:
    tags = genre_names(say, [str(t) for t in facts.get("tags", ())])
    if "seed" not in facts:
        return say.gettext("same style: {tags}", tags=tags)
    if tags:
        return say.gettext("shares tags with {seed}: {tags}", seed=str(facts["seed"]), tags=tags)
    return say.gettext("similar tags to {seed}", seed=str(facts["seed"]))


def reason_text(say: Speaker, reason: Reason) -> str:
    """The reason in the speaker's language (its English `text` when it carries no facts)."""
    facts = reason.facts
    if reason.kind == "community":
        return say.gettext(COMMUNITY)
    if not facts:  # a live source's own words ("Last.fm: similar to Volt") follow templates too
        return retell(say, reason.text)
    try:
        return _said(say, reason.kind, facts) or reason.text
    except (KeyError, TypeError, ValueError):  # facts from another version: its own text is still true
        return reason.text


def _said(say: Speaker, kind: str, facts: dict[str, Any]) -> str | None:
    if kind == "colisten":
        return say.gettext("shares listeners with {seed}", seed=str(facts["seed"]))
    if kind == "tag":
        return _tags(say, facts)
    if kind == "genre":
        return _genre(say, facts)
    if kind == "playlists":
        return say.gettext("often on playlists with {seed}", seed=str(facts["seed"]))
    if kind == "heard":
        tags = genre_names(say, [str(t) for t in facts.get("tags", ())])
        return say.gettext("{mood}: tagged {tags}", mood=mood_name(say, str(facts["mood"])), tags=tags)
    if kind == "era":
        return say.gettext("from {year}", year=str(facts["year"]))
    if kind == "topic":
        return say.gettext("'{topic}' in the title", topic=str(facts["topic"]))
    if kind == "seed":
        return say.gettext("by {artist}", artist=str(facts["artist"]))
    if kind == "mood":
        return _mood(say, facts)
    if kind == "content":
        return say.gettext(
            "sounds like {seed}: {numbers}", seed=str(facts["seed"]), numbers=_numbers(say, facts["numbers"])
        )
    if kind == "popularity":
        pct = int(facts["pct"])
        if facts.get("deep"):
            return say.gettext("deep cut: popularity {pct}/100", pct=pct)
        if facts.get("popular", True):  # answers cached before the plain wording say 'popular'
            return say.gettext("popular: {pct}/100", pct=pct)
        return say.gettext("popularity {pct}/100", pct=pct)
    return None
