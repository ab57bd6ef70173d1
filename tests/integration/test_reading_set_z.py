"""Sets Z and AA (`tests/data/fan_requests_z.json`, `fan_requests_aa.json`): a 19-year-old's and a metal
moderator's requests. Each test is a dev request's misreading (or its class) on the start tree."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    ("text", "seeds"),
    [
        ("songs like clario and beabadobee", ["Clairo", "beabadoobee"]),  # "I don't know 'clario'"
        ("need more like mitsky and japenese breakfast", ["Mitski", "Japanese Breakfast"]),  # a morning mood
    ],
)
async def test_a_slip_in_a_name_keeps_the_act(service: RecommendationService, text: str, seeds: list[str]) -> None:
    query = service.parse(text)
    assert [a.name for a in query.seed_artists] == seeds, query
    assert not query.unresolved
    assert not query.moods


async def test_a_name_linked_by_meets_is_a_name(service: RecommendationService) -> None:
    """'laufey meets clairo, soft and pretty' said the whole 'laufey meets clairo' unused, though Clairo is here."""
    query = service.parse("laufey meets clairo, soft and pretty")
    assert [a.name for a in query.seed_artists] == ["Clairo"]
    assert query.unresolved == ("laufey",)  # not here, and said so (not the act Laffey)
    assert not query.ignored
    assert [a.name for a in service.parse("laufey x clairo").seed_artists] == ["Clairo"]


async def test_no_skips_asks_for_bangers(service: RecommendationService) -> None:
    """'need 12 bops for the pregame tonight no skips' left the rapper Lil Skies out ('skips' taken for 'skies')."""
    query = service.parse("need 12 bops for the pregame tonight no skips")
    assert not query.exclude_artists
    assert not query.meant
    assert "party" in query.moods


async def test_an_act_left_out_is_left_out_of_the_songs_it_features_on(service: RecommendationService) -> None:
    """'chill r&b but no the weeknd and no drake' answered Chris Brown's 'No Guidance (feat. Drake)'."""
    answer = await service.ask("chill r&b but no the weeknd and no drake", count=10)
    titles = [r.track.title for r in answer.results]
    assert len(titles) == 10
    assert not [t for t in titles if "Drake" in t or "Weeknd" in t], titles


@pytest.mark.parametrize(
    "text",
    [
        "indie music but nothing mainstream, no arctic monkeys or tame impala pls i've heard them 1000 times",
        "something between lana del rey and deftones?? idk it makes sense in my head",
        "give me 5 songs for studying that won't distract me",
        "sad songs but not taylor swift i need a break from her",
        "10 songs for a first metal playlist for my girlfriend",
    ],
)
async def test_chat_around_a_request_is_not_reported_unused(service: RecommendationService, text: str) -> None:
    assert not service.parse(text).ignored


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        ("doom for a rainy day", "doom metal"),  # the rapper Doom, and netlabel hip hop
        ("give me 3 doom tracks that are 10+ minutes long", "doom metal"),
        ("finnish melodeath", "finnish melodic death metal"),  # 'finnish' alone: The Rasmus, Darude
        ("classic gothenburg melodeath, the 90s stuff", "melodic death metal"),  # the 90s alone
        ("swedish death metal with that buzzsaw HM-2 tone", "swedish death metal"),  # '2 tone': ska
        ("bands like mastodon but more proggy", "progressive"),  # "Did you mean The Prodigy?"
        ("new wave of american heavy metal, that 2000s lamb of god era", "metalcore"),  # new wave: The Bangles
    ],
)
async def test_a_metal_fans_words_are_genres(service: RecommendationService, text: str, genre: str) -> None:
    query = service.parse(text)
    assert genre in query.genres, query
    assert "Doom" not in [a.name for a in query.seed_artists]
    assert "ska" not in query.genres
    assert "new wave" not in query.genres
    assert not query.ignored
    assert not query.unresolved


async def test_a_rare_spelling_is_named_once_in_a_note(service: RecommendationService) -> None:
    """'I have little doom metal, doom': the rare tag read beside the genre it spells is one genre."""
    answer = await service.ask("doom for a rainy day", count=5)
    said = " ".join(answer.notes)
    assert "doom metal" in said
    assert "doom metal, doom" not in said


@pytest.mark.parametrize(
    "text", ["metalcore but no screaming", "metalcore type riffs but with clean vocals, no screaming"]
)
async def test_no_screaming_keeps_the_screamed_genre_asked_for(service: RecommendationService, text: str) -> None:
    """'metalcore but no screaming' left metalcore out and answered a mix across genres."""
    query = service.parse(text)
    assert query.genres == ("metalcore",), query
    assert "metalcore" not in query.exclude_genres
    assert "deathcore" in query.exclude_genres
    assert not query.surprise
    # without a screamed genre asked for, all of them stay out
    assert "metalcore" in service.parse("metal but no screaming").exclude_genres


async def test_outsiders_named_are_no_genre_left_out(service: RecommendationService) -> None:
    """'7 black metal songs that even non-black-metal people can get into' left black metal out: a mix came back."""
    query = service.parse("7 black metal songs that even non-black-metal people can get into")
    assert "black metal" in query.genres
    assert not query.exclude_genres
    assert not query.surprise


@pytest.mark.parametrize(
    "text",
    [
        "Kennt ihr gute deutsche Thrash-Bands außer Kreator?",  # 'Kennt ihr' unused
        "Suche Mittelalter-Rock und Folk Metal, so wie In Extremo oder Subway to Sally",  # 'suche' taken for 'such'
        "recomiéndenme metal progresivo con buenos solos de guitarra",  # 'recomiéndenme' unused
        "i like nightwish and also rammstein, what fits both",  # "I don't know 'fits both'"
    ],
)
async def test_asking_words_are_read(service: RecommendationService, text: str) -> None:
    query = service.parse(text)
    assert not query.ignored
    assert not query.unresolved
    assert not query.meant


async def test_not_too_well_known_in_spanish_asks_for_less_known(service: RecommendationService) -> None:
    query = service.parse("recomiéndame música indie en español que no sea tan conocida")
    assert query.novelty.value == "deep"
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("midwest emo songs that make u feel 15 again", {"Sunny Day Real Estate", "Jimmy Eat World", "Pinegrove"}),
        ("3 coquette songs pls", {"Lana Del Rey", "The Marías", "Cigarettes After Sex", "Beach House"}),
    ],
)
async def test_a_young_listeners_scenes_are_read_by_their_acts(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    """'midwest emo' was emo (Panic! At The Disco, My Chemical Romance); 'coquette' an unknown word and a mix."""
    answer = await service.ask(text, count=5)
    assert not answer.query.ignored
    assert not answer.query.surprise
    assert acts & {r.track.artists[0] for r in answer.results}
