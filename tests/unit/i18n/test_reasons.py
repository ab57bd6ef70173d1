"""Reasons said in the member's language from the facts the engine gives (issue 15)."""

from __future__ import annotations

import pytest

from segue.domain import FeatureRange, Reason
from segue.engine import explain
from segue.i18n import reason_text
from support.bot import speaker

CHILL = (FeatureRange("energy", high=0.5, because="chill"), FeatureRange("tempo", high=115, because="chill"))


def _mood() -> Reason:
    found = explain.mood_reason("chill", CHILL, {"energy": 0.41, "tempo": 92.2})
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("locale", "colisten", "mood"),
    [
        ("en", "shares listeners with Daft Punk", "calm and slow (energy 0.41, 92 BPM)"),
        ("es", "comparte oyentes con Daft Punk", "tranquila y lenta (energía 0,41, 92 BPM)"),
        ("fr", "partage des auditeurs avec Daft Punk", "calme et lent (énergie 0,41, 92 BPM)"),
        ("de", "teilt Hörer mit Daft Punk", "ruhig und langsam (Energie 0,41, 92 BPM)"),
        ("pt_BR", "compartilha ouvintes com Daft Punk", "calma e lenta (energia 0,41, 92 BPM)"),
    ],
)
def test_reasons_speak_every_language(locale: str, colisten: str, mood: str) -> None:
    say = speaker(locale)
    assert reason_text(say, explain.colisten_reason("Daft Punk", 0.4)) == colisten
    assert reason_text(say, _mood()) == mood


def test_english_rendering_is_the_engines_own_text() -> None:
    """`segue ask` prints `Reason.text`; the bot's English must say the same thing."""
    say = speaker("en")
    reasons = [
        explain.colisten_reason("Daft Punk", 0.4),
        explain.shared_tags_reason("Daft Punk", ["french house", "electronic"], 0.2),
        explain.shared_tags_reason("Daft Punk", [], 0.2),
        explain.style_reason(["trip hop", "downtempo"], 0.1),
        explain.genre_reason("synth-pop", 1983, True),
        explain.genre_reason("synth-pop", 1983, False),
        explain.era_reason(1983),
        explain.by_reason("Volt"),
        explain.popularity_reason(0.12, True),
        explain.popularity_reason(0.85, False),
        explain.sound_reason("Massive Attack", [("energy", 0.41), ("danceability", 0.62)], 0.3),
        _mood(),
    ]
    for reason in reasons:
        assert reason_text(say, reason) == reason.text


def test_names_stay_and_numbers_and_decades_are_local() -> None:
    say = speaker("fr")
    assert reason_text(say, explain.genre_reason("synth-pop", 1983, True)) == "synth-pop des années 80 (1983)"
    assert reason_text(say, explain.era_reason(2004)) == "de 2004"  # a year is not written '2 004'
    assert reason_text(speaker("de"), explain.popularity_reason(0.12, True)) == "Geheimtipp: Popularität 12/100"


def test_a_reason_without_facts_is_retold_or_keeps_its_text() -> None:
    assert reason_text(speaker("es"), Reason("source", "Last.fm: similar to X")) == "Last.fm: parecido a X"
    assert reason_text(speaker("es"), Reason("source", "Some source: its own words")) == "Some source: its own words"
    assert reason_text(speaker("es"), Reason("new-kind", "text", facts={"x": 1})) == "text"
    assert reason_text(speaker("es"), Reason("colisten", "old text", facts={"wrong": 1})) == "old text"
    assert reason_text(speaker("es"), Reason("community", "liked by members")) == (
        "les gusta a miembros con tus mismos gustos"
    )


def test_every_mood_the_parser_knows_has_a_name_in_every_language() -> None:
    from segue.engine.query.moods import MOODS_BY_LABEL
    from segue.i18n import MOOD_LABELS, mood_name

    assert set(MOOD_LABELS) == set(MOODS_BY_LABEL)
    assert mood_name(speaker("es"), "chill") == "relajado"
    assert mood_name(speaker("de"), "night drive") == "Nachtfahrt"
    assert mood_name(speaker("fr"), "not a mood") == "not a mood"


def test_a_popularity_claim_the_song_does_not_bear_is_said_plainly() -> None:
    """'popular: 4/100' for a song of '70s funk hits', 'deep cut: popularity 55/100' for a single."""
    assert explain.popularity_reason(0.04, False).text == "popularity 4/100"
    assert explain.popularity_reason(0.55, True).text == "popularity 55/100"
    assert explain.popularity_reason(0.85, False).text == "popular: 85/100"
    assert explain.popularity_reason(0.12, True).text == "deep cut: popularity 12/100"
    # Where less known was asked for, a song that is no deep cut of its act is not called popular either.
    assert explain.popularity_reason(0.52, False, popular_said=False).text == "popularity 52/100"
    assert reason_text(speaker("es"), explain.popularity_reason(0.04, False)) == "popularidad: 4/100"
    assert reason_text(speaker("de"), explain.popularity_reason(0.55, True)) == "Popularität: 55/100"
    cached = Reason("popularity", "popular: 70/100", 0.7, {"pct": 70, "deep": False})  # facts before 'popular'
    assert reason_text(speaker("fr"), cached) == "populaire : 70/100"
