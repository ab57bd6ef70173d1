"""The thirty-second session's readings: songs by the language they are sung in (set AH,
`tests/data/fan_requests_ah.json`, a language-exchange server's requests), read from titles at catalog build."""

from __future__ import annotations

import pytest

from segue.catalog.layout import SUNG_LANGUAGES
from segue.catalog.store import Catalog
from segue.domain import Answer
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


def _languages(catalog: Catalog, answer: Answer) -> list[str]:
    indices = [catalog.track_index(r.track.id) for r in answer.results]
    codes = [int(catalog.track_sung[i]) if i is not None else -1 for i in indices]
    return [SUNG_LANGUAGES[c] if c >= 0 else "?" for c in codes]


@pytest.mark.parametrize(
    ("text", "language", "some_of"),
    [
        ("songs in French", "fr", {"Stromae", "Bénabar", "-M-", "Cali", "Mademoiselle K."}),
        ("je cherche des chansons en français faciles à comprendre", "fr", {"Stromae", "Bénabar", "-M-", "Cali"}),
        ("something in german", "de", {"Haftbefehl", "Eisbrecher", "OOMPH!", "Nate57"}),
    ],
)
async def test_songs_in_a_language_are_sung_in_it(
    service: RecommendationService, built_catalog: Catalog, text: str, language: str, some_of: set[str]
) -> None:
    """'Songs in French' was Martin Solveig, Breakbot, Kavinsky, Daft Punk and Justice (French acts singing in
    English or not at all); 'something in german' held Alphaville's and Peter Schilling's English hits."""
    answer = await service.ask(text, count=10)
    by = {r.track.artists[0] for r in answer.results}
    assert len(some_of & by) >= 2, by
    sung = _languages(built_catalog, answer)
    assert not {c for c in sung if c not in (language, "?")}, list(zip(by, sung, strict=False))
    assert {"Daft Punk", "Justice", "Alphaville", "Martin Solveig"}.isdisjoint(by)


async def test_french_acts_singing_in_english_when_english_is_asked(
    service: RecommendationService, built_catalog: Catalog
) -> None:
    """Asked for French bands that sing in English, the French place keeps its acts' English songs and leaves out
    the French ones; it gave three songs before."""
    answer = await service.ask("songs by french bands that sing in english, not in french", count=10)
    by = {r.track.artists[0] for r in answer.results}
    assert len(answer.results) == 10
    assert {"Phoenix", "Daft Punk", "Nouvelle Vague", "Charlotte Gainsbourg", "The Dø"} & by, by
    assert "fr" not in _languages(built_catalog, answer)


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("spanish songs to practise my spanish", "language practice"),
        ("je cherche des chansons en français faciles à comprendre", "language practice"),
        ("japanse songs for learing japanese", "language practice"),
        ("music for learning", "focus"),
    ],
)
async def test_a_learner_s_practice_is_words_sung_clearly(service: RecommendationService, text: str, mood: str) -> None:
    """'practise my listening' was read by meaning as meditation (instrumental, quiet); a learner wants words sung,
    not rapped at speed. Without a language, learning is studying."""
    query = service.parse(text)
    assert query.moods == (mood,), query.interpretation()
    assert "meditation" not in query.moods


@pytest.mark.parametrize(
    ("text", "kept"),
    [("songs to practice guitar", "guitar"), ("canciones para aprender a bailar salsa", "salsa")],
)
async def test_practice_without_words_to_learn_is_no_language_practice(
    service: RecommendationService, text: str, kept: str
) -> None:
    """A guitarist's or a dancer's practice asks nothing of the words; the language a request is written in is not
    the one being learnt."""
    query = service.parse(text)
    assert "language practice" not in query.moods
    assert kept in query.genres


@pytest.mark.parametrize(
    "text",
    ["songs like Zaz, I want to practise my listening", "songs like Zaz, I want more", "french singers like Zaz"],
)
async def test_the_asker_s_own_words_are_no_songs_or_unknowns(service: RecommendationService, text: str) -> None:
    """'I' was the song 'I' by Lil Skies, and 'singers' a word said unknown (set AH)."""
    query = service.parse(text)
    assert not query.seed_tracks, query.seed_tracks
    assert "singers" not in query.ignored


async def test_named_acts_are_heard_beside_acts_singing_their_language(service: RecommendationService) -> None:
    """Rim'K's co-listeners are US rappers; the acts who rap in French come with them (his home, `scenes.home`)."""
    answer = await service.ask("like Rim'K", count=10)
    by = {r.track.artists[0] for r in answer.results}
    assert {"MZ", "Ol Kainry"} <= by, by


async def test_rap_in_spanish_is_rapped_in_spanish(service: RecommendationService) -> None:
    """'rap en español' was the playlist label 'latin hip hop', which holds Bruno Mars, Zac Brown Band and Luke
    Bryan; it is Spanish rap, as 'rap in spanish' reads."""
    query = service.parse("rap en español")
    assert query.genres == ("spanish rap",)
    answer = await service.ask("rap en español", count=10)
    assert not {"Bruno Mars", "Zac Brown Band", "Luke Bryan"} & {r.track.artists[0] for r in answer.results}


@pytest.mark.parametrize(
    "text",
    [
        "canciones en español fáciles de entender",
        "je cherche des chansons en français faciles à comprendre",
        "músicas fáceis de entender em português",
    ],
)
async def test_easy_to_understand_is_read_in_the_learners_languages(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert query.moods == ("language practice",)
    assert not query.ignored, query.ignored


async def test_a_sung_scene_s_reason_is_its_place(service: RecommendationService) -> None:
    """Stromae's song in 'french rap' read 'southern hip hop', the label a playlist gave it."""
    answer = await service.ask("french rap", count=10)
    reasons = [" ".join(r.text for r in rec.reasons) for rec in answer.results if rec.track.artists[0] == "Stromae"]
    assert reasons, [r.track.artists for r in answer.results]
    assert all("southern hip hop" not in text for text in reasons), reasons


async def test_italian_feminine_plurals_in_che_are_read(service: RecommendationService) -> None:
    """'canzoni italiane romantiche' left 'romantiche' unread: an adjective in -co makes its plural in -che."""
    query = service.parse("canzoni italiane romantiche")
    assert query.moods == ("romantic",)
    assert not query.ignored


async def test_either_language_alone_is_a_mix_not_an_empty_reading(service: RecommendationService) -> None:
    """'songs in english or spanish' read neither language nor anything else, and was told to name something."""
    query = service.parse("songs in english or spanish")
    assert query.surprise
    answer = await service.ask("songs in english or spanish", count=10)
    assert len(answer.results) == 10


@pytest.mark.parametrize(
    ("text", "some_of"),
    [
        ("songs like Papaoutai", {"Bénabar", "Mademoiselle K.", "Cali", "Jean-Louis Aubert", "-M-"}),
        ("canciones como las de caifanes", {"Maná", "Zoé", "Molotov", "Juanes"}),
    ],
)
async def test_a_seed_sung_in_another_language_brings_songs_in_it(
    service: RecommendationService, text: str, some_of: set[str]
) -> None:
    """'songs like Papaoutai' followed the song's sound to Kevin Gates and Bubba Sparxxx, 'canciones como las de
    caifanes' to Julien Doré and Bruce Hornsby: the seed's words are heard at once (`W_SUNG_HOME`)."""
    answer = await service.ask(text, count=10)
    by = {r.track.artists[0] for r in answer.results}
    assert len(some_of & by) >= 2, by
