"""Spotify against a local stand-in: client-credentials token cached until expiry, search links, 401 refresh."""

from __future__ import annotations

import pytest

from segue.errors import ProviderError
from segue.infra.clock import ManualClock
from segue.providers.spotify import TOKEN_MARGIN, SpotifySource
from support.sources import FakeService, SpotifyData, Wiring, spotify, spotify_track

Q = 'track:"One More Time" artist:"Daft Punk"'


@pytest.fixture
def data() -> SpotifyData:
    return SpotifyData(
        tracks={
            Q: [
                spotify_track("0DiWol3AO6WpXZgp0goxAV", "One More Time", "Daft Punk"),
                spotify_track("1" * 22, "One More Time", "A Cover Band"),
            ]
        },
        expires_in=3600,
    )


@pytest.fixture
async def fake(data: SpotifyData, wiring: Wiring) -> FakeService:
    return await wiring.start(spotify(data))


def make(fake: FakeService, wiring: Wiring, secret: str = "secret") -> tuple[SpotifySource, ManualClock]:
    src = SpotifySource(
        wiring.io(),
        client_id="cid",
        client_secret=secret,
        api_base=fake.url("/v1"),
        accounts_base=fake.base,
    )
    return src, wiring.clock


async def test_search_finds_the_direct_link(fake: FakeService, wiring: Wiring, data: SpotifyData) -> None:
    sp, clock = make(fake, wiring)
    got = await sp.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    track = got.items[0]
    assert track.urls.spotify == "https://open.spotify.com/track/0DiWol3AO6WpXZgp0goxAV"
    assert track.year == 2001
    assert track.popularity == pytest.approx(0.7)
    assert track.urls.preview is None
    assert fake.auth[-1] == "Bearer tok1"


async def test_the_token_is_reused_until_it_expires(fake: FakeService, wiring: Wiring, data: SpotifyData) -> None:
    sp, clock = make(fake, wiring)
    await sp.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    await sp.search_tracks("Another", "Daft Punk", limit=1, deadline=clock() + 5)
    assert data.tokens_issued == 1
    clock.advance(3600 - TOKEN_MARGIN + 1)
    await sp.search_tracks("Third", "Daft Punk", limit=1, deadline=clock() + 5)
    assert data.tokens_issued == 2
    assert fake.auth[-1] == "Bearer tok2"


async def test_a_revoked_token_is_replaced_once(fake: FakeService, wiring: Wiring, data: SpotifyData) -> None:
    sp, clock = make(fake, wiring)
    await sp.search_tracks("Warm up", "Daft Punk", limit=1, deadline=clock() + 5)
    data.revoked.add("tok1")
    got = await sp.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    assert got.items
    assert data.tokens_issued == 2


async def test_wrong_credentials_are_an_error(fake: FakeService, wiring: Wiring) -> None:
    sp, clock = make(fake, wiring, secret="wrong")
    with pytest.raises(ProviderError, match="refused a token"):
        await sp.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)


async def test_secrets_never_reach_cache_keys(fake: FakeService, wiring: Wiring) -> None:
    sp, clock = make(fake, wiring)
    await sp.search_tracks("One More Time", "Daft Punk", limit=1, deadline=clock() + 5)
    cache = sp.io.cache
    keys = [k for ns in ("tokens", "sources") for k in cache._spaces[ns].entries]  # type: ignore[attr-defined]
    assert keys
    assert not [k for k in keys if "secret" in k or "cid" in k]


def test_off_without_credentials() -> None:
    src = SpotifySource(None, client_id=None, client_secret="x", api_base="http://h", accounts_base="http://h")  # type: ignore[arg-type]
    assert not src.enabled
