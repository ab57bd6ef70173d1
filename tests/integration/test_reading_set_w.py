"""Set W (`tests/data/fan_requests_w.json`): a DJ's requests in an electronic-music server. Most of its misses are
music the catalog lacks; these are the dev requests' misreadings, each a class a member would notice."""

from __future__ import annotations

import pytest

from segue.domain import Novelty
from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    "text",
    [
        "afro house but nothing on the beatport top 100 please",
        "rock but no chart hits",
        "rock, nothing from the charts",
    ],
)
async def test_leaving_the_charts_out_asks_for_deeper_cuts(service: RecommendationService, text: str) -> None:
    """'nothing on the beatport top 100' asked for 100 songs ('you asked for 100') and the familiar ones; 'no chart
    hits' read 'chart' left out and 'hits' wanted."""
    query = service.parse(text)
    assert query.novelty is Novelty.DEEP
    assert query.asked_count is None
    assert service.parse("chart hits from 2010").novelty is Novelty.FAMILIAR


async def test_afro_house_is_house_not_the_afrobeats_singers(service: RecommendationService) -> None:
    """'afro house' went through the French table ('afro' is afrobeats there) to Burna Boy and WizKid."""
    query = service.parse("afro house")
    assert query.genres == ("deep house",)
    assert not query.seed_artists
    assert query.read_as == (("afro house", "deep house"),)
    assert service.parse("de la musique afro").seed_artists  # French for afrobeats, still


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("somthing like jaymes blake, post dubstep", {"James Blake", "SBTRKT", "Sampha"}),
        ("vaporwav / future funk for a late nite stream", {"Macross 82-99", "Night Tempo", "Yung Bae"}),
    ],
)
async def test_a_young_scene_is_its_acts(service: RecommendationService, text: str, acts: set[str]) -> None:
    """'post dubstep' seeded Post Malone; 'future funk' was funk with 'future' unused, and 'stream' the act Stream."""
    answer = await service.ask(text, count=5)
    seeds = {a.name for a in answer.query.seed_artists}
    assert "Post Malone" not in seeds
    assert "Stream" not in seeds
    assert acts & {r.track.artists[0] for r in answer.results[:2]}


async def test_an_adjective_is_no_act(service: RecommendationService) -> None:
    """'jazzy and dusty' seeded Dusty Springfield."""
    query = service.parse("music for digging through records on a rainy afternoon, jazzy and dusty")
    assert not query.seed_artists
    assert [a.name for a in service.parse("dusty springfield").seed_artists] == ["Dusty Springfield"]


async def test_bpm_before_its_number_is_the_tempo(service: RecommendationService) -> None:
    """'dark, hypnotic, bpm around 124': the number was left unread with 'bpm'."""
    query = service.parse("something to play at 3am. dark, hypnotic, bpm around 124")
    tempo = [f for f in query.features if f.feature == "tempo"]
    assert tempo
    assert tempo[0].target == 124.0


async def test_a_quoted_title_holding_a_genre_word_is_a_title(service: RecommendationService) -> None:
    """ "need tracks like 'strings of life'" was orchestral and chamber pop with 'life' unused: a title the catalog
    lacks is said unknown, as a whole."""
    query = service.parse("need tracks like 'strings of life'")
    assert query.unresolved == ("strings of life",)
    assert not query.genres
    assert service.parse("songs like 'chill indie'").genres == ("indie",)
