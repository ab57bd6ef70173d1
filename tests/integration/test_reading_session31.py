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


@pytest.mark.parametrize(
    ("text", "not_seeded"),
    [
        ("Bonjour! What would you recommend for me today?", set()),
        ("Could you suggest artists like Bill Evans, please? The pianist, I mean.", {"The Pianist"}),
        ("Who is similar to Georges Brassens? A man with his guitar singing clever, funny poetry.", {"Clever"}),
        ("Modern French singers who sound a little retro, like the sixties", {"Retro"}),
        ("Vorrei ascoltare delle belle canzoni italiane, come Paolo Conte o Mina", {"Belle"}),
    ],
)
async def test_everyday_and_greeting_words_are_no_acts(
    service: RecommendationService, text: str, not_seeded: set[str]
) -> None:
    """A polite grandmother's sentences seeded the acts The Pianist, Clever, Retro and Belle, and 'Bonjour!' was the
    song 'Bonjour' by Fuji Kureta (set AG)."""
    query = service.parse(text)
    assert not not_seeded & {a.name for a in query.seed_artists}
    assert not query.seed_tracks


async def test_songs_sung_by_women_say_who_sings(service: RecommendationService) -> None:
    """'Sad French songs sung by women' was a missing song 'French songs sung' by the band Women, answered with
    lo-fi beats like theirs."""
    query = service.parse("Sad French songs sung by women, something to cry a little with my friend")
    assert "Women" not in {a.name for a in query.seed_artists}
    assert any("female" in g for g in query.genres)


@pytest.mark.parametrize("text", ["ukg", "some ukg for the pres", "2 step garage"])
async def test_ukg_is_uk_garage(service: RecommendationService, text: str) -> None:
    """'ukg' alone was an empty answer; it is UK garage, read through its acts (set AU: the tag is netlabel dubstep)."""
    assert dict(service.parse(text).played_by).get("uk garage", "").startswith("Craig David")


@pytest.mark.parametrize(
    ("text", "excluded_genres", "excluded_artists", "unwanted_moods"),
    [
        ("techno but none of that edm festival shite", {"edm"}, set(), {"euphoric"}),
        ("house music, anything but that tropical kygo stuff", {"tropical"}, {"Kygo"}, set()),
        ("trance but only the old stuff, none of this modern big room rubbish", {"big room"}, set(), set()),
    ],
)
async def test_what_comes_before_stuff_is_left_out_with_the_rest(
    service: RecommendationService,
    text: str,
    excluded_genres: set[str],
    excluded_artists: set[str],
    unwanted_moods: set[str],
) -> None:
    """'none of that edm festival shite' asked for a euphoric festival mood (Owl City), 'anything but that tropical
    kygo stuff' seeded Kygo, 'none of this modern big room rubbish' asked for big room (set AF)."""
    query = service.parse(text)
    assert excluded_genres <= set(query.exclude_genres)
    assert excluded_artists <= {a.name for a in query.exclude_artists}
    assert not excluded_artists & {a.name for a in query.seed_artists}
    assert not excluded_genres & set(query.genres)
    assert not unwanted_moods & set(query.moods)
