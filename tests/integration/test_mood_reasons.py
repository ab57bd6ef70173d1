"""Reasons on the real catalog: a song let into a mood by listeners' tags says which of the mood's tags it carries."""

from __future__ import annotations

import pytest

from segue.engine.mood_tags import MOOD_TAGS
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    "text", ["piano music for sleeping", "chill electronic for coding", "music to fall asleep to", "rainy day ambient"]
)
async def test_a_song_heard_as_the_mood_names_the_moods_tags(service: RecommendationService, text: str) -> None:
    """'sleep: tagged rock, post rock' (Nils Frahm) and 'chill: tagged pop' named a song's style, not the mood."""
    answer = await service.ask(text, count=10)
    heard = [r for result in answer.results for r in result.reasons if r.kind == "heard"]
    assert heard, text  # songs without audio features are in each of these answers
    asked = {tag for mood in answer.query.moods for tag in MOOD_TAGS.get(mood, ())}  # 'chill ... coding': focus too
    for reason in heard:
        assert reason.facts["tags"], reason.text
        assert set(reason.facts["tags"]) <= asked, reason.text


async def test_a_mood_read_from_other_words_is_named_as_the_mood(service: RecommendationService) -> None:
    """'musik zum arbeiten' said 'work (Energie 0,51, -8 dB)': the English gloss, not the mood it was read as."""
    answer = await service.ask("musik zum arbeiten", count=10)
    moods = [r.facts["mood"] for result in answer.results for r in result.reasons if r.kind == "mood"]
    assert moods
    assert set(moods) <= set(answer.query.moods), moods
