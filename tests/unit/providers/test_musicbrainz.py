"""MusicBrainz against a local stand-in: ids by score and exact name, tags, url-rels, Lucene escaping, 1 req/s."""

from __future__ import annotations

import pytest

from segue.infra.clock import ManualClock
from segue.infra.http import HostPolicy, HttpClient, user_agent
from segue.providers.base import SourceIO
from segue.providers.musicbrainz import MusicBrainzSource, lucene
from support.sources import FakeService, MusicBrainzData, Wiring, musicbrainz

DAFT = "056e4f3e-d505-4dad-8ec1-d04f521cbb56"
DATA = MusicBrainzData(
    artists={
        "daft punk": (
            DAFT,
            100,
            [("house", 9), ("electronic", 12), ("french", 0)],
            ["https://open.spotify.com/artist/4tZwfgrHOc3mvqYlEYSvVi", "https://www.deezer.com/artist/27"],
        ),
        "daft punk tribute band": ("11111111-2222-3333-4444-555555555555", 70, [], []),
        "ac/dc": ("66372ba8-0000-0000-0000-000000000000", 100, [], []),
    },
    recordings={("daft punk", "one more time"): [("0d1f5f2a-0000-0000-0000-000000000001", 100)]},
)


@pytest.fixture
async def fake(wiring: Wiring) -> FakeService:
    return await wiring.start(musicbrainz(DATA))


def make(fake: FakeService, wiring: Wiring) -> tuple[MusicBrainzSource, ManualClock]:
    io = wiring.io(agent=user_agent("ops@example.org"))
    return MusicBrainzSource(io, base_url=fake.url("/ws/2")), wiring.clock


async def test_artist_id_by_exact_name_and_score(fake: FakeService, wiring: Wiring) -> None:
    mb, clock = make(fake, wiring)
    got = await mb.artist_ids("Daft Punk", deadline=clock() + 5)
    assert [(a.name, a.mbid) for a in got.items] == [("Daft Punk", DAFT)]
    assert got.items[0].match == 1.0
    assert fake.queries[0]["fmt"] == "json"
    assert fake.queries[0]["query"] == 'artist:"Daft Punk"'
    assert fake.agents[0].startswith("Segue/")  # MusicBrainz asks for the application and a contact
    assert "ops@example.org" in fake.agents[0]
    tribute = await mb.artist_ids("Daft Punk Tribute Band", deadline=clock() + 5)
    assert not tribute.found  # score 70: a different artist, not this name


async def test_tags_come_from_the_search_hit(fake: FakeService, wiring: Wiring) -> None:
    mb, clock = make(fake, wiring)
    tags = await mb.artist_tags("Daft Punk", deadline=clock() + 5)
    assert [(t.name, t.weight) for t in tags.items] == [("electronic", 12.0), ("house", 9.0)]
    assert fake.total == 1  # the same cached search answered the id and the tags


async def test_streaming_links_from_url_relationships(fake: FakeService, wiring: Wiring) -> None:
    mb, clock = make(fake, wiring)
    got = await mb.artist_links(DAFT, deadline=clock() + 5)
    urls = got.items[0]
    assert urls.spotify == "https://open.spotify.com/artist/4tZwfgrHOc3mvqYlEYSvVi"
    assert urls.deezer == "https://www.deezer.com/artist/27"
    missing = await mb.artist_links("99999999-9999-9999-9999-999999999999", deadline=clock() + 5)
    assert not missing.found  # 404 is an answer


async def test_recording_search(fake: FakeService, wiring: Wiring) -> None:
    mb, clock = make(fake, wiring)
    got = await mb.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    track = got.items[0]
    assert track.urls.mbid == "0d1f5f2a-0000-0000-0000-000000000001"
    assert track.year == 2001
    assert track.album == "Discovery"


async def test_special_characters_are_escaped(fake: FakeService, wiring: Wiring) -> None:
    assert lucene('AC/DC "live"') == 'AC\\/DC \\"live\\"'
    mb, clock = make(fake, wiring)
    got = await mb.artist_ids("AC/DC", deadline=clock() + 5)
    assert got.items[0].name == "Ac/Dc"


async def test_one_request_per_second(fake: FakeService, wiring: Wiring) -> None:
    clock = ManualClock()
    policy = {f"127.0.0.1:{fake.server.port}": HostPolicy(source="musicbrainz", rate_limit=1, rate_period=1.0)}  # type: ignore[union-attr]
    io = SourceIO(HttpClient(wiring.session, policies=policy, clock=clock, sleep=clock.sleep), wiring.io().cache)
    mb = MusicBrainzSource(io, base_url=fake.url("/ws/2"))
    await mb.artist_ids("Daft Punk", deadline=clock() + 10)
    await mb.artist_ids("AC/DC", deadline=clock() + 10)
    assert clock.sleeps == [pytest.approx(1.0)]
