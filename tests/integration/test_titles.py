"""'TITLE by ARTIST' on the real catalog when the title is an everyday word or the artist is typed short."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.datasets


@pytest.mark.parametrize(
    ("text", "song"),
    [
        ("kids by mgmt", "Kids - MGMT"),  # was the kids' occasion beside MGMT: "Few tracks fit 'kids'"
        ("something like kids by mgmt", "Kids - MGMT"),
        ("happy by pharrell", "Happy"),  # the act 'Pharrell' has no songs here; Pharrell Williams has Happy
    ],
)
async def test_an_everyday_title_by_its_artist_is_the_song(
    service: RecommendationService, text: str, song: str
) -> None:
    answer = await service.ask(text, count=10)
    assert [t.name.split(" - ")[0] for t in answer.query.seed_tracks] == [song.split(" - ")[0]], answer.query
    assert answer.query.seed_tracks[0].name.startswith(song)
    assert not answer.query.moods
    assert not answer.query.unresolved
    assert len(answer.results) == 10


async def test_a_missing_song_is_said_with_the_artists_own_spelling(service: RecommendationService) -> None:
    """'party by beyonce' said "I don't know 'party by beyonce'" while seeding Beyoncé: the note did not know her."""
    answer = await service.ask("party by beyonce", count=10)
    assert [a.name for a in answer.query.seed_artists] == ["Beyoncé"]
    assert any(n.startswith("I don't have the song 'party' by Beyoncé") for n in answer.notes), answer.notes


@pytest.mark.parametrize("text", ["songs by mgmt", "more by radiohead", "stuff by the strokes"])
async def test_songs_by_an_act_stay_its_songs(service: RecommendationService, text: str) -> None:
    answer = await service.ask(text, count=10)
    assert answer.query.by_artists
    assert not answer.query.seed_tracks
    assert not answer.query.unresolved
