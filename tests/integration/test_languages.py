"""Requests in other languages on the real catalog (issue 15): each language's answers satisfy their checks about as
often as English ones, and `segue ask --json` says which language a request was written in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from segue.catalog.store import Catalog
from segue.domain import Answer
from segue.engine.service import RecommendationService
from segue.evaluation.moods import QueryOutcome, evaluate_queries, load_checks
from support.languages import ROWED_LANGUAGES

pytestmark = pytest.mark.datasets
LANGUAGES = Path(__file__).resolve().parents[1] / "data" / "language_queries.json"
FLOORS = {
    "hi": 0.80,
    "ru": 0.85,
    "pl": 0.85,
    "tr": 0.80,
    "nl": 0.85,
    "id": 0.85,
    "vi": 0.85,
    "uk": 0.85,
    "sv": 0.85,
    "cs": 0.85,
    "ar": 0.85,
}
"""Hinglish rows checked against the genres 'bollywood', 'hindi' or 'indian' fail whatever the answer: no act with
songs here carries them (the film songs' playlists are filed 'latin pop'; the file's 'about' says so). 84% of its
answers' tracks satisfy their checks (57% before its table, EVALUATION.md). So do the Russian rows asking for
Russian rock or pop: no act with songs carries 'russian rock', and 'russian' is on five songs; the Polish and Turkish
rows asking for Polish or Turkish rock (no act with songs carries either), and the Turkish 'drum and bass' row (the
catalog spells it 'drum & bass'), and the Dutch rows asking for nederpop or levenslied (no act with songs carries
either), and the Vietnamese, Ukrainian and Arabic rows asking for songs sung in them (none here, or one or two)."""


async def test_each_language_satisfies_its_requests(service: RecommendationService, built_catalog: Catalog) -> None:
    report = await evaluate_queries(service, built_catalog, load_checks(LANGUAGES))
    by_language: dict[str, list[QueryOutcome]] = defaultdict(list)
    for outcome in report.outcomes:
        by_language[outcome.language].append(outcome)
    assert set(by_language) == ROWED_LANGUAGES
    for language, outcomes in by_language.items():
        returned = sum(o.returned for o in outcomes)
        share = sum(o.satisfied for o in outcomes) / returned
        assert share >= FLOORS.get(language, 0.90), (language, share, report.to_dict()["failing"])
    # 'forró' is the one request the catalog cannot answer in any language: the tag is on a few artists and no
    # track (English 'forro' is empty too); 'Арктік Манкіс' spells Arctic Monkeys by its sound, too far from its
    # letters to be taken for it (the answer says it does not know the name); 'nohavica' is a surname of an act with
    # neither songs nor tags here. Any other empty answer is a request the parser failed to read.
    empty = [o.text for o in report.outcomes if o.returned == 0]
    assert set(empty) <= {"forró", "щось типу Арктік Манкіс", "neco jako nohavica"}, empty


def test_ask_json_names_the_language(built_catalog: Catalog) -> None:
    env = {**os.environ, "SEGUE_DATA_DIR": str(built_catalog.path.parent), "SEGUE_LOG_LEVEL": "WARNING"}
    done = subprocess.run(
        [sys.executable, "-m", "segue", "ask", "--json", "rock de los 80 pero sin metal"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    interpretation = json.loads(done.stdout)["query"]["interpretation"]
    assert interpretation["language"] == "es"
    assert interpretation["era"] == [1980, 1989]
    assert interpretation["genres"] == ["rock"]
    assert interpretation["exclude_genres"] == ["metal"]


@pytest.mark.parametrize(
    ("text", "english", "language"),
    [
        ("canciones tristes para llorar", "sad songs to cry to", "es"),
        ("musique pour faire la fête ce soir", "music to party tonight", "fr"),
    ],
)
async def test_a_mood_asked_in_a_language_prefers_its_scenes(
    service: RecommendationService, text: str, english: str, language: str
) -> None:
    """Every sad request, in any language, got the same ten English-language songs: a mood asked in Spanish or
    French now prefers songs of the scenes that language speaks for among those that fit it about as well."""
    spoken = service.recommender._genres.spoken(language)
    assert spoken is not None
    asked = await service.ask(text, count=10)
    in_english = await service.ask(english, count=10)
    assert len(asked.results) == 10

    def of_scene(answer: Answer) -> int:
        return sum(bool(spoken[service.catalog.track_index(r.track.id) or 0]) for r in answer.results)

    assert of_scene(asked) > of_scene(in_english)


@pytest.mark.parametrize(("text", "language"), [("música triste", "es"), ("chansons d'amour", "fr")])
async def test_a_moods_songs_in_the_requests_language_lead(
    service: RecommendationService, text: str, language: str
) -> None:
    """'chansons d'amour' led with Bryan Adams and Air Supply, whose songs listeners tagged 'love songs', and
    'música triste' (Spanish and Portuguese alike, so no language was claimed) was the English sad list: the songs
    of the language's scenes that fit the mood come first, English ones after. (Sung in the language: the French
    acts' English songs, Nouvelle Vague's and Charlotte Gainsbourg's, are not the scene's; Zaz's 'La vie en rose' is
    the one French love song here that fits.)"""
    spoken = service.recommender._genres.spoken(language)
    assert spoken is not None
    asked = await service.ask(text, count=10)
    flags = [bool(spoken[service.catalog.track_index(r.track.id) or 0]) for r in asked.results]
    assert flags[0], [r.track.artists for r in asked.results[:3]]
    cut = flags.index(False) if False in flags else len(flags)
    assert not any(flags[cut:]), [(r.track.artists, f) for r, f in zip(asked.results, flags, strict=True)]


async def test_a_wordless_mood_is_not_shared_by_language(service: RecommendationService) -> None:
    """Songs to sleep or focus to are heard, not sung along to: the language asked in changes nothing."""
    asked = await service.ask("musique pour dormir", count=10)
    in_english = await service.ask("music for sleeping", count=10)
    assert [r.track.id for r in asked.results] == [r.track.id for r in in_english.results]
