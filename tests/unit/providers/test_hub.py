"""The source hub: one deadline per round and honest per-source outcomes, scripted and over real HTTP."""

from __future__ import annotations

import asyncio
import time

import pytest

from segue.errors import CircuitOpenError, ProviderError, ProviderTimeoutError
from segue.infra.metrics import MetricsRegistry
from segue.providers.base import SourceArtist, SourceTrack
from segue.providers.hub import SourceHub, SourceRequest
from segue.providers.lastfm import LastfmSource
from segue.providers.outcomes import degraded, merge_outcomes
from support.scripted import STALLED, scripted
from support.sources import DOWN, FakeService, LastfmData, Wiring, lastfm

# -- the hub --------------------------------------------------------------------------------------------------------

A = SourceArtist(name="Neon", match=1.0)
T = SourceTrack(title="Outside Song", artists=("Outsider",), source="lastfm")


def hub_of(*sources: object, deadline: float = 1.0) -> tuple[SourceHub, MetricsRegistry]:
    metrics = MetricsRegistry()
    return SourceHub(sources, metrics=metrics, deadline=deadline), metrics  # type: ignore[arg-type]


async def test_disabled_sources_are_listed_and_idle_ones_left_out() -> None:
    hub, _ = hub_of(
        scripted("lastfm", "similar_artists", **{"similar_artists:Volt": [A]}),
        scripted("deezer", "search"),
        scripted("spotify", "search", enabled=False),
    )
    rnd = hub.start()
    rnd.artists_for("Volt")
    result = await rnd.finish()
    assert result.outcomes == {"lastfm": "ok", "spotify": "disabled"}
    assert not result.degraded
    assert result.lists[0].artists == (A,)


async def test_every_failure_kind_is_told_apart() -> None:
    hub, metrics = hub_of(
        scripted("lastfm", "similar_artists", **{"similar_artists:Volt": ProviderError("boom", source="lastfm")}),
        scripted("deezer", "similar_artists", **{"similar_artists:Volt": CircuitOpenError("open", source="deezer")}),
        scripted("musicbrainz", "similar_artists", **{"similar_artists:Volt": ProviderTimeoutError("late")}),
        scripted("spotify", "similar_artists", **{"similar_artists:Volt": KeyError("a bug in a parser")}),
    )
    rnd = hub.start()
    rnd.artists_for("Volt")
    result = await rnd.finish()
    assert result.outcomes == {
        "lastfm": "error",
        "deezer": "open-circuit",
        "musicbrainz": "timeout",
        "spotify": "error",
    }
    assert result.degraded
    assert result.lists == []
    assert metrics.value("segue_source_outcomes_total", source="deezer", outcome="open-circuit") == 1.0


async def test_a_stalled_source_is_cancelled_at_the_deadline_and_the_rest_still_count() -> None:
    slow = scripted("listenbrainz", "tag_tracks", **{"tag_tracks:house": STALLED})
    fast = scripted("lastfm", "tag_tracks", **{"tag_tracks:house": [T]})
    hub, _ = hub_of(slow, fast, deadline=0.2)
    rnd = hub.start()
    rnd.tracks_for(SourceRequest(tags=("house",)))
    async with asyncio.timeout(5):  # the stalled call never ends by itself; the round must end at its deadline
        result = await rnd.finish()
    assert result.outcomes == {"listenbrainz": "timeout", "lastfm": "ok"}
    assert [lst.source for lst in result.lists] == ["lastfm"]
    assert result.lists[0].tag == "house"


async def test_cached_only_when_every_call_was_cached() -> None:
    hub, _ = hub_of(scripted("lastfm", "similar_artists", cached=True, **{"similar_artists:Volt": [A]}))
    rnd = hub.start()
    rnd.artists_for("Volt")
    assert (await rnd.finish()).outcomes == {"lastfm": "cached"}


def test_outcome_precedence() -> None:
    assert merge_outcomes({"lastfm": "cached"}, {"lastfm": "ok"}) == {"lastfm": "ok"}
    assert merge_outcomes({"lastfm": "ok"}, {"lastfm": "error"}) == {"lastfm": "error"}
    assert merge_outcomes({"lastfm": "timeout"}, {"lastfm": "cached"}) == {"lastfm": "timeout"}
    assert merge_outcomes({"lastfm": "disabled"}, {"deezer": "ok"}) == {"lastfm": "disabled", "deezer": "ok"}
    assert degraded({"lastfm": "open-circuit"})
    assert not degraded({"lastfm": "cached", "deezer": "disabled"})


async def test_listenbrainz_radio_asks_musicbrainz_for_the_seed_id_first() -> None:
    ids = scripted("musicbrainz", "ids", **{"artist_ids:Volt": [SourceArtist(name="Volt", mbid="m-1")]})
    radio = scripted("listenbrainz", "artist_radio", "similar_artists", **{"artist_radio:Volt": [T]})
    hub, _ = hub_of(radio, ids)
    rnd = hub.start()
    rnd.tracks_for(SourceRequest(seed_artists=("Volt",)))
    result = await rnd.finish()
    assert result.outcomes == {"musicbrainz": "ok", "listenbrainz": "ok"}
    assert radio.calls == {"artist_radio:Volt": 1}  # radio only, not its artist list too
    no_id = hub_of(scripted("listenbrainz", "artist_radio", **{"artist_radio:Volt": [T]}))[0]
    rnd = no_id.start()
    rnd.tracks_for(SourceRequest(seed_artists=("Volt",)))
    assert (await rnd.finish()).outcomes == {}  # no id source: not asked, not failed


# -- honesty end to end: a cached success never hides a current outage ---------------------------------------------


@pytest.fixture
async def fake_lastfm(wiring: Wiring) -> FakeService:
    return await wiring.start(lastfm(LastfmData(similar_artists={"volt": [("Neon", "1")], "pulse": [("Volt", "1")]})))


async def test_cached_then_outage_reports_the_outage(fake_lastfm: FakeService, wiring: Wiring) -> None:
    clock = wiring.clock
    io = wiring.io(retries=0)  # one attempt per call: failures counted one by one
    src = LastfmSource(io, api_key="test-key", base_url=fake_lastfm.url("/2.0/"))
    hub = SourceHub([src], clock=clock, deadline=5.0)

    async def ask(*artists: str) -> dict[str, str]:
        rnd = hub.start()
        for artist in artists:
            rnd.artists_for(artist)
        return (await rnd.finish()).outcomes

    assert await ask("Volt") == {"lastfm": "ok"}
    assert await ask("Volt") == {"lastfm": "cached"}
    fake_lastfm.fault = DOWN
    assert await ask("Volt") == {"lastfm": "cached"}  # still fresh in the cache: served, and said so
    # One cached call and one failing call in the same answer: the outage shows.
    assert await ask("Volt", "Pulse") == {"lastfm": "error"}
    clock.advance(3601)  # the cached entry expires: nothing stale is served as a success
    assert await ask("Volt") == {"lastfm": "error"}
    # Failures keep coming: the host's breaker opens, and the answer says so instead of calling at all.
    outcomes = [await ask(f"Artist {i}") for i in range(5)]
    assert outcomes[-1] == {"lastfm": "open-circuit"}
    # 1 success, then 5 failures open the breaker (its default); the 2 calls after that never reach the server.
    assert fake_lastfm.total == 6


async def test_real_time_deadline_with_the_http_stack(fake_lastfm: FakeService, wiring: Wiring) -> None:
    fake_lastfm.fault = "stall"
    src = LastfmSource(wiring.io(clock=time.monotonic), api_key="test-key", base_url=fake_lastfm.url("/2.0/"))
    hub = SourceHub([src], deadline=0.25)
    rnd = hub.start()
    rnd.artists_for("Volt")
    async with asyncio.timeout(5):
        assert (await rnd.finish()).outcomes == {"lastfm": "timeout"}
