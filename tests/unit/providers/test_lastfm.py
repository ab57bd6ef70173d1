"""Last.fm against a local stand-in speaking its JSON: parsing, not-found vs outage, placeholders, caching."""

from __future__ import annotations

import asyncio

import pytest

from segue.errors import ProviderError
from segue.infra.clock import ManualClock
from segue.providers.lastfm import LastfmSource
from support.sources import FakeService, LastfmData, Wiring, lastfm

DATA = LastfmData(
    similar_artists={
        "daft punk": [
            ("Justice", "1"),
            ("[unknown]", "0.9"),
            ("Cassius", "0.81"),
            ("Nobody Similar", "0"),
            ("Daft Punk", "0.5"),
        ],
        "lonely": [("Only Friend", "0.7")],
        "nobody": [],
    },
    similar_tracks={
        ("daft punk", "one more time"): [
            ("Stardust", "Music Sounds Better With You", 1.0),
            ("Unknown", "Track", 0.9),
            ("Modjo", "Lady", 0.0),
        ]
    },
    tag_tracks={"house": [("Stardust", "Music Sounds Better With You"), ("Various Artists", "Hits")]},
    artist_tags={"daft punk": [("electronic", 100), ("house", 62), ("seen live", 0)]},
    user_artists={"rj": [("Daft Punk", 300), ("Justice", 150), ("[unknown]", 90)]},
)


@pytest.fixture
async def fake(wiring: Wiring) -> FakeService:
    return await wiring.start(lastfm(DATA))


def source(fake: FakeService, wiring: Wiring, *, key: str = "test-key") -> tuple[LastfmSource, ManualClock]:
    return LastfmSource(wiring.io(), api_key=key, base_url=fake.url("/2.0/")), wiring.clock


async def test_similar_artists_are_parsed_and_cleaned(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    got = await lf.similar_artists("Daft Punk", limit=10, deadline=clock() + 5)
    # The placeholder artist, the zero-match item and the seed itself never get through.
    assert [a.name for a in got.items] == ["Justice", "Cassius"]
    assert got.items[0].match == 1.0
    assert got.items[1].match == pytest.approx(0.81)
    assert got.items[0].url == "https://www.last.fm/music/Justice"
    assert all(a.source == "lastfm" for a in got.items)
    assert got.found
    assert not got.cached
    query = fake.queries[-1]
    assert query["method"] == "artist.getSimilar"
    assert query["format"] == "json"
    assert query["autocorrect"] == "1"


async def test_a_list_of_one_comes_as_a_bare_object_and_is_still_read(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    got = await lf.similar_artists("Lonely", limit=10, deadline=clock() + 5)
    assert [a.name for a in got.items] == ["Only Friend"]


async def test_unknown_artist_is_not_found_not_an_outage_and_is_remembered(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    first = await lf.similar_artists("Qzxv Wwplk", limit=10, deadline=clock() + 5)
    assert first.items == ()
    assert not first.found
    assert not first.cached
    again = await lf.similar_artists("qzxv  wwplk", limit=10, deadline=clock() + 5)
    assert not again.found
    assert again.cached
    assert fake.total == 1
    clock.advance(61)  # past the negative TTL: asked again
    await lf.similar_artists("Qzxv Wwplk", limit=10, deadline=clock() + 5)
    assert fake.total == 2


async def test_an_empty_list_is_nothing_found(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    got = await lf.similar_artists("Nobody", limit=10, deadline=clock() + 5)
    assert got.items == ()
    assert not got.found


async def test_similar_tracks_drop_placeholders_and_zero_matches(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    got = await lf.similar_tracks("One More Time", "Daft Punk", limit=10, deadline=clock() + 5)
    assert [(t.artists, t.title) for t in got.items] == [(("Stardust",), "Music Sounds Better With You")]
    track = got.items[0]
    assert track.duration_ms == 215_000
    assert track.match == 1.0
    assert track.urls.lastfm is not None
    assert track.urls.lastfm.startswith("https://www.last.fm/")
    missing = await lf.similar_tracks("Nope", "Daft Punk", limit=10, deadline=clock() + 5)
    assert not missing.found


async def test_tag_tracks_and_artist_tags(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    tracks = await lf.tag_tracks("House", limit=10, deadline=clock() + 5)
    assert [t.title for t in tracks.items] == ["Music Sounds Better With You"]  # 'Various Artists' is no artist
    assert tracks.items[0].duration_ms is None  # Last.fm's "0" means unknown
    empty = await lf.tag_tracks("no such tag", limit=10, deadline=clock() + 5)
    assert not empty.found
    tags = await lf.artist_tags("Daft Punk", deadline=clock() + 5)
    assert [(t.name, t.weight) for t in tags.items] == [("electronic", 100.0), ("house", 62.0)]


async def test_user_top_artists(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    got = await lf.user_top_artists("RJ", limit=50, deadline=clock() + 5)
    assert [a.name for a in got.items] == ["Daft Punk", "Justice"]
    assert got.items[0].match == 1.0
    assert got.items[1].match == 0.5
    nobody = await lf.user_top_artists("ghost-user", limit=50, deadline=clock() + 5)
    assert not nobody.found


async def test_a_bad_key_is_an_error_and_never_cached(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring, key="wrong")
    with pytest.raises(ProviderError, match="rejected the API key"):
        await lf.similar_artists("Daft Punk", limit=10, deadline=clock() + 5)
    with pytest.raises(ProviderError):
        await lf.similar_artists("Daft Punk", limit=10, deadline=clock() + 5)
    assert fake.total == 2


async def test_the_api_key_never_reaches_a_cache_key(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring, key="test-key")
    await lf.similar_artists("Daft Punk", limit=10, deadline=clock() + 5)
    keys = list(lf.io.cache._spaces["sources"].entries)  # type: ignore[attr-defined]
    assert keys
    assert all("test-key" not in k for k in keys)
    assert all(k.startswith("lastfm@127.0.0.1:") for k in keys)


async def test_disabled_without_a_key(wiring: Wiring) -> None:
    lf = LastfmSource(wiring.io(), api_key=None, base_url="http://127.0.0.1:9/2.0/")
    assert not lf.enabled


async def test_concurrent_identical_misses_make_one_call(fake: FakeService, wiring: Wiring) -> None:
    lf, clock = source(fake, wiring)
    results = await asyncio.gather(
        *(lf.similar_artists("Daft Punk", limit=10, deadline=clock() + 5) for _ in range(20))
    )
    assert fake.total == 1
    assert {tuple(a.name for a in r.items) for r in results} == {("Justice", "Cassius")}
