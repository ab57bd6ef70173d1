"""Every provider against its stand-in misbehaving: slower than the deadline, 429 with Retry-After, 5xx, malformed
JSON, connection resets. Failures raise the one ProviderError family and are never cached."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import pytest

from segue.errors import ProviderError, ProviderTimeoutError
from segue.providers.base import Fetched, SourceIO
from segue.providers.deezer import DeezerSource
from segue.providers.lastfm import LastfmSource
from segue.providers.listenbrainz import ListenBrainzSource
from segue.providers.llm import LlmInterpreter
from segue.providers.musicbrainz import MusicBrainzSource
from segue.providers.spotify import SpotifySource
from support.sources import (
    DOWN,
    MALFORMED,
    RATE_LIMITED,
    RESET,
    SLOW,
    STALL,
    DeezerData,
    FakeService,
    LastfmData,
    ListenBrainzData,
    LlmData,
    MusicBrainzData,
    Recording,
    SpotifyData,
    Wiring,
    deezer,
    deezer_track,
    lastfm,
    listenbrainz,
    llm,
    musicbrainz,
    spotify,
    spotify_track,
)

REC = Recording("11111111-1111-1111-1111-111111111111", "Teachers", "Daft Punk", "056e4f3e-d505-4dad-8ec1-d04f521cbb56")


@dataclass
class Case:
    """A provider wired to its fake, one representative call, and the path that call's faults go on."""

    fake: FakeService
    call: Callable[[float], Awaitable[Fetched[Any]]]
    path: str


def _lastfm(fake: FakeService, io: SourceIO) -> Case:
    src = LastfmSource(io, api_key="test-key", base_url=fake.url("/2.0/"))
    return Case(fake, lambda d: src.similar_artists("Daft Punk", limit=10, deadline=d), "/2.0/")


def _listenbrainz(fake: FakeService, io: SourceIO) -> Case:
    src = ListenBrainzSource(io, base_url=fake.base)
    return Case(fake, lambda d: src.tag_tracks("house", limit=10, deadline=d), "/1/lb-radio/tags")


def _deezer(fake: FakeService, io: SourceIO) -> Case:
    src = DeezerSource(io, base_url=fake.base)
    return Case(fake, lambda d: src.search_tracks("One More Time", "Daft Punk", limit=1, deadline=d), "/search")


def _musicbrainz(fake: FakeService, io: SourceIO) -> Case:
    src = MusicBrainzSource(io, base_url=fake.url("/ws/2"))
    return Case(fake, lambda d: src.artist_ids("Daft Punk", deadline=d), "/ws/2/artist")


def _spotify(fake: FakeService, io: SourceIO) -> Case:
    src = SpotifySource(io, client_id="cid", client_secret="secret", api_base=fake.url("/v1"), accounts_base=fake.base)
    return Case(fake, lambda d: src.search_tracks("One More Time", "Daft Punk", limit=1, deadline=d), "/v1/search")


def _llm(fake: FakeService, io: SourceIO) -> Case:
    src = LlmInterpreter(io, base_url=fake.url("/v1"), model="tiny")
    return Case(fake, lambda d: src.interpret("songs for a rainy day", deadline=d), "/v1/chat/completions")


FAKES: dict[str, tuple[Callable[[], FakeService], Callable[[FakeService, SourceIO], Case]]] = {
    "lastfm": (lambda: lastfm(LastfmData(similar_artists={"daft punk": [("Justice", "1")]})), _lastfm),
    "listenbrainz": (
        lambda: listenbrainz(ListenBrainzData(tags={"house": [REC.mbid]}, recordings={REC.mbid: REC})),
        _listenbrainz,
    ),
    "deezer": (
        lambda: deezer(
            DeezerData(
                tracks={'artist:"Daft Punk" track:"One More Time"': [deezer_track(1, "One More Time", "Daft Punk")]}
            )
        ),
        _deezer,
    ),
    "musicbrainz": (
        lambda: musicbrainz(
            MusicBrainzData(artists={"daft punk": ("056e4f3e-d505-4dad-8ec1-d04f521cbb56", 100, [], [])})
        ),
        _musicbrainz,
    ),
    "spotify": (
        lambda: spotify(
            SpotifyData(
                tracks={
                    'track:"One More Time" artist:"Daft Punk"': [spotify_track("x" * 22, "One More Time", "Daft Punk")]
                }
            )
        ),
        _spotify,
    ),
    "llm": (
        lambda: llm(LlmData(answers={"songs for a rainy day": json.dumps({"moods": ["sad"], "genres": ["indie"]})})),
        _llm,
    ),
}


@pytest.fixture(params=sorted(FAKES))
async def fake(request: pytest.FixtureRequest, wiring: Wiring) -> tuple[str, FakeService]:
    return request.param, await wiring.start(FAKES[request.param][0]())


def case(fake: tuple[str, FakeService], io: SourceIO) -> Case:
    return FAKES[fake[0]][1](fake[1], io)


async def test_healthy_answer_then_cached(fake: tuple[str, FakeService], wiring: Wiring) -> None:
    clock = wiring.clock
    c = case(fake, wiring.io())
    first = await c.call(clock() + 5)
    assert first.items
    assert first.found
    assert not first.cached
    calls = c.fake.total
    second = await c.call(clock() + 5)
    assert second.cached
    assert second.items == first.items
    assert c.fake.total == calls


@pytest.mark.parametrize("fault", [STALL, SLOW])
async def test_slower_than_the_deadline_is_a_timeout(fake: tuple[str, FakeService], wiring: Wiring, fault: str) -> None:
    c = case(fake, wiring.io(clock=time.monotonic))
    c.fake.faults[c.path] = fault
    c.fake.delay = 30.0
    # The stand-in holds the answer for 30 s; the call must give up at its deadline, so 5 s is a generous bound.
    async with asyncio.timeout(5):
        with pytest.raises(ProviderTimeoutError):
            await c.call(time.monotonic() + 0.3)


async def test_429_with_retry_after_is_waited_out_then_answered(fake: tuple[str, FakeService], wiring: Wiring) -> None:
    clock = wiring.clock
    c = case(fake, wiring.io())
    c.fake.faults[c.path] = RATE_LIMITED
    c.fake.fault_times = 1
    c.fake.retry_after = "2"
    got = await c.call(clock() + 10)
    assert got.items
    assert 2.0 in clock.sleeps  # the wait the server asked for, on the injected clock
    assert c.fake.hits[c.path] == 2


async def test_429_past_the_deadline_fails_fast(fake: tuple[str, FakeService], wiring: Wiring) -> None:
    clock = wiring.clock
    c = case(fake, wiring.io())
    c.fake.faults[c.path] = RATE_LIMITED
    c.fake.retry_after = "60"
    with pytest.raises(ProviderTimeoutError):
        await c.call(clock() + 2)
    assert c.fake.hits[c.path] == 1
    assert not [s for s in clock.sleeps if s >= 60]


@pytest.mark.parametrize("fault", [DOWN, MALFORMED, RESET])
async def test_failures_are_provider_errors_and_never_cached(
    fake: tuple[str, FakeService], wiring: Wiring, fault: str
) -> None:
    clock = wiring.clock
    c = case(fake, wiring.io())
    c.fake.faults[c.path] = fault
    with pytest.raises(ProviderError) as info:
        await c.call(clock() + 10)
    assert info.value.user_message  # one friendly sentence for users, details for logs
    if fault == DOWN:
        assert info.value.status == 503
        assert c.fake.hits[c.path] == 3  # retried twice (idempotent), then given up
    c.fake.faults.clear()
    healthy = await c.call(clock() + 10)
    assert healthy.items
    assert not healthy.cached
