"""The thirty-first session's readings: plain genre requests whose canonical acts the listening data barely linked
('reggae' without Shaggy), and the misreadings of sets AF and AG (`tests/data/fan_requests_af.json`,
`fan_requests_ag.json`) on the start tree."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("reggae", {"Shaggy"}),
        ("disco", {"Sister Sledge", "Hot Chocolate"}),
        ("drum and bass", {"Netsky"}),
    ],
)
async def test_a_genre_s_charted_acts_count_as_its_names(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'reggae' gave Sean Paul, Sublime and Manu Chao twice each and left out Shaggy, whom listeners file under
    reggae (0.56) but whom the listening data linked to nobody: such an act counted as a netlabel discovery."""
    answer = await service.ask(text, count=10)
    by = [r.track.artists[0] for r in answer.results]
    assert acts & set(by), by
    assert len(set(by)) >= 8, by


async def test_an_act_the_listening_data_missed_is_not_taken_for_a_later_namesake(
    service: RecommendationService,
) -> None:
    """A German rapper of 2020 named Juju carries the tags of a dubstep Juju the listening data knew: an unlinked
    act counts as a genre's name only when it has songs from the listening data's time."""
    answer = await service.ask("dubstep", count=10)
    assert "Juju" not in {r.track.artists[0] for r in answer.results}
