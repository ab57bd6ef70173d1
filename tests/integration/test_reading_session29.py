"""The twenty-ninth session's readings: requests the last stop note named as answering nothing, and the misreadings
of sets AB and AC (`tests/data/fan_requests_ab.json`, `fan_requests_ac.json`) on the start tree."""

from __future__ import annotations

import pytest

from segue.engine.service import RecommendationService

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    "text",
    [
        "recommend me music i'd like. i like a bit of everything",  # nothing, and 'tell me an artist'
        "a bit of everything",
        "all kinds of music",  # "I don't know 'kinds'. Did you mean Kids - MGMT?"
        "i'm into all genres",  # "I don't know 'genres'. Did you mean Genesis?"
    ],
)
async def test_asking_for_everything_is_a_mix_across_genres(service: RecommendationService, text: str) -> None:
    answer = await service.ask(text, count=5)
    assert answer.query.surprise, answer.query
    assert not answer.query.unresolved
    assert len(answer.results) == 5


async def test_everything_but_a_genre_keeps_it_out(service: RecommendationService) -> None:
    query = service.parse("i listen to all sorts, just no country")
    assert query.surprise
    assert query.exclude_genres == ("country",)


async def test_breakdowns_are_metalcore_and_deathcore(service: RecommendationService) -> None:
    """'breakdowns. lots of breakdowns' was two unknown words and an empty answer."""
    answer = await service.ask("breakdowns. lots of breakdowns", count=5)
    assert set(answer.query.genres) == {"metalcore", "deathcore"}
    assert not answer.query.ignored
    assert len(answer.results) == 5
    assert [t.name for t in service.parse("breakdown by tom petty").seed_tracks] == [
        "Breakdown - Tom Petty and the Heartbreakers"
    ]


async def test_jersey_club_is_a_dance_scene_not_the_act_jersey(service: RecommendationService) -> None:
    """'jersey club' seeded an act called Jersey and answered You Me At Six."""
    query = service.parse("jersey club")
    assert not query.seed_artists
    assert query.genres == ("house",)
    assert dict(query.read_as) == {"jersey club": "house"}


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("top 10 ysl era bangers", {"Young Thug", "Gunna"}),  # "I don't know 'ysl era'": Daddy Yankee, Katy Perry
        ("5 songs from wu tang members solo stuff", {"Raekwon", "Ghostface Killah"}),  # 'tang' as vocal: pop hits
        ("new orleans bounce and cash money / no limit era stuff", {"Juvenile", "Master P"}),  # the act Orleans
        ("90s memphis underground rap", {"Three 6 Mafia"}),  # 'memphis' unused, 2 songs
        ("bay area hyphy", {"E-40", "Too $hort"}),  # 'bay area' unused, 2Pac and Drake
        ("brooklyn drill bangers", {"Pop Smoke"}),  # "I don't know 'brooklyn drill'": Lizzo, Katy Perry
    ],
)
async def test_hip_hop_crews_labels_and_city_scenes_are_their_acts(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    answer = await service.ask(text, count=6)
    query = answer.query
    assert acts <= {a.name for a in query.seed_artists}, query
    assert not query.unresolved
    assert not query.ignored
    assert acts & {r.track.artists[0] for r in answer.results[:3]}, [r.track.artists for r in answer.results]


@pytest.mark.parametrize(
    "text",
    [
        "sorprendeme",  # "I don't know 'sorprendeme'": empty
        "no se que escuchar, recomiendame algo",  # "I don't know 'se'": empty
        "que me recomiendas? algo diferente",  # 'recomiendas', 'diferente' unused
        "ponme algo chido",  # 'chido' unused
    ],
)
async def test_spanish_asks_to_be_surprised(service: RecommendationService, text: str) -> None:
    answer = await service.ask(text, count=5)
    assert answer.query.surprise, answer.query
    assert not answer.query.unresolved
    assert not answer.query.ignored
    assert len(answer.results) == 5


@pytest.mark.parametrize("text", ["songs in portuguese", "canciones en portugués", "músicas em português"])
async def test_songs_in_portuguese_are_brazils(service: RecommendationService, text: str) -> None:
    """The catalog's 'portuguese' tag is on seven acts without a song: it answered Rascal Flatts and netlabel folk."""
    assert service.parse(text).genres == ("brazilian",)


async def test_a_mothers_old_songs_are_her_youths(service: RecommendationService) -> None:
    """'ama' was the act Ama, and 'esas', 'ponia', 'cocina' unused: English indie."""
    query = service.parse("algo nostalgico, de esas que ponia mi ama en la cocina")
    assert not query.seed_artists
    assert (query.year_min, query.year_max) == (1975, 1999)
    assert not query.ignored


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ("2 canciones de mariachi pa dedicar", {"Alejandro Fernandez", "Juan Gabriel"}),  # Belanova, Molotov
        ("corridos pero nada de tumbados, los clasicos", {"Los Tucanes De Tijuana"}),
        ("una mezcla de banda y reggaeton pa la fiesta", {"Carolina Ross"}),  # "Did you mean band?"
    ],
)
async def test_regional_mexican_is_read_by_its_singers(
    service: RecommendationService, text: str, acts: set[str]
) -> None:
    query = service.parse(text)
    assert acts <= {a.name for a in query.seed_artists}, query
    assert "mexican" not in query.genres


@pytest.mark.parametrize(
    ("text", "genre_acts"),
    [
        ("canciones de desamor con mariachi", {"Alejandro Fernandez"}),  # Adele, Sam Smith, Lewis Capaldi
        ("sad rap for when ur heartbroken", {"Juice WRLD"}),  # Selena Gomez, Lewis Capaldi, Adele
    ],
)
async def test_heartbreak_beside_a_genre_is_that_genres_sorrow(
    service: RecommendationService, text: str, genre_acts: set[str]
) -> None:
    query = service.parse(text)
    names = {a.name for a in query.seed_artists}
    assert genre_acts <= names, query
    assert not names & {"Adele", "Lewis Capaldi", "Selena Gomez"}
    assert "sad" in query.moods
    assert [a.name for a in service.parse("heartbreak songs").seed_artists][:2] == ["Adele", "Sam Smith"]


@pytest.mark.parametrize(
    ("text", "mood"),
    [
        ("music for the whip", "driving"),  # the band The Whip
        ("something new to play at the kickback", "party"),  # "I don't know 'the kickback'. Did you mean Nickelback?"
        ("just 2 bangers to get the party started, hip hop", "party"),  # 'started' unused
    ],
)
async def test_a_hip_hop_heads_occasions(service: RecommendationService, text: str, mood: str) -> None:
    query = service.parse(text)
    assert mood in query.moods, query
    assert not query.seed_artists
    assert not query.unresolved
    assert not query.ignored


async def test_a_producers_tracks_are_his_own(service: RecommendationService) -> None:
    """'songs produced by j dilla' was a missing song called 'produced'; 'j dilla produced tracks' said it unused."""
    query = service.parse("songs produced by j dilla")
    assert [a.name for a in query.by_artists] == ["J Dilla"]
    assert not query.unresolved
    produced = service.parse("give me 3 j dilla produced tracks")
    assert [a.name for a in produced.by_artists] == ["J Dilla"]
    assert not produced.ignored


async def test_no_quiero_leaves_the_act_out(service: RecommendationService) -> None:
    """'trap latino pero no quiero anuel' answered Anuel AA second."""
    answer = await service.ask("trap latino pero no quiero anuel", count=10)
    assert [a.name for a in answer.query.exclude_artists] == ["Anuel AA"]
    assert not [r for r in answer.results if "Anuel AA" in r.track.artists]


async def test_southern_rap_is_the_souths_acts(service: RecommendationService) -> None:
    """'10 underrated 2000s southern rap songs' was three songs: the tag is on six acts."""
    answer = await service.ask("10 underrated 2000s southern rap songs", count=10)
    assert len(answer.results) == 10
    assert {"OutKast", "UGK", "T.I."} <= {a.name for a in answer.query.seed_artists}


async def test_new_york_rap_is_the_east_coasts(service: RecommendationService) -> None:
    """'new york rap from the 90s' seeded a song called 'New York' (Jake Isaac)."""
    query = service.parse("new york rap from the 90s")
    assert query.genres == ("east coast rap",)
    assert not query.seed_tracks


async def test_a_carne_asada_is_a_summer_party_not_an_american_cookout(service: RecommendationService) -> None:
    """'música para una carne asada' was the cookout's acts: Kool & The Gang, Earth, Wind & Fire."""
    answer = await service.ask("música para una carne asada", count=6)
    assert {"summer", "party"} <= set(answer.query.moods)
    assert not answer.query.seed_artists
    assert len(answer.results) == 6


async def test_banda_music_is_bandas_acts_and_not_the_mexican_tag(service: RecommendationService) -> None:
    """'musica de banda sin corridos, puras romanticas' was the tag 'regional mexican' (Belanova, Molotov)."""
    query = service.parse("musica de banda sin corridos, puras romanticas")
    assert [a.name for a in query.seed_artists] == ["Carolina Ross"]
    assert "romantic" in query.moods
    assert "Alejandro Fernandez" in [a.name for a in service.parse("regional mexican").seed_artists]
