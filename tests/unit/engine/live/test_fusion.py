"""Rank fusion with known answers, and the hub's one deadline and honest per-source outcomes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest

from fake_sources import DOWN, FakeService, LastfmData, lastfm, source_io
from scripted_sources import STALLED, scripted
from segue.engine.live.fusion import LOCAL, FusionPool, comb_sum, fused_order, provenance, rrf
from segue.errors import CircuitOpenError, ProviderError, ProviderTimeoutError
from segue.infra.clock import ManualClock
from segue.infra.metrics import MetricsRegistry
from segue.providers.base import SourceArtist, SourceTrack
from segue.providers.hub import SourceHub, SourceRequest, degraded, merge_outcomes
from segue.providers.lastfm import LastfmSource

# -- fusion arithmetic ----------------------------------------------------------------------------------------------


def test_rrf_known_answer() -> None:
    scores = rrf([["a", "b", "c"], ["b", "c", "d"]], k=10)
    assert scores["a"] == pytest.approx(1 / 11)
    assert scores["b"] == pytest.approx(1 / 12 + 1 / 11)
    assert scores["c"] == pytest.approx(1 / 13 + 1 / 12)
    assert scores["d"] == pytest.approx(1 / 13)
    assert fused_order(scores) == ["b", "c", "a", "d"]


def test_rrf_weights_and_agreement() -> None:
    # An item two lists agree on beats each list's own top item once k damps the ranks.
    assert fused_order(rrf([["x", "both"], ["y", "both"]], k=60))[0] == "both"
    # Two lists in opposite orders tie; a weight breaks the tie towards the heavier list.
    assert fused_order(rrf([["x", "y"], ["y", "x"]], k=10)) == ["x", "y"]
    assert fused_order(rrf([["x", "y"], ["y", "x"]], k=10, weights=[1.0, 2.0])) == ["y", "x"]


def test_comb_sum_known_answer() -> None:
    scores = comb_sum([{"a": 10.0, "b": 5.0, "c": 0.0}, {"b": 1.0, "c": 0.5}])
    assert scores == {"a": 1.0, "b": 1.5, "c": 0.0}


@pytest.mark.parametrize(
    ("sources", "label"),
    [
        ({LOCAL}, "local"),
        ({"lastfm", LOCAL}, "lastfm+local"),
        ({"lastfm", "deezer"}, "deezer+lastfm"),
        ({LOCAL, "listenbrainz", "lastfm"}, "lastfm+listenbrainz+local"),
    ],
)
def test_provenance_labels(sources: set[str], label: str) -> None:
    assert provenance(sources) == label


def test_pool_merges_one_item_found_twice_and_keeps_order_stable() -> None:
    pool = FusionPool(k=10)
    pool.add_local(("volt", "song 1"), 1, 0)
    pool.add_local(("pulse", "song 2"), 2, 1)
    pool.add_local(("volt", "song 1"), 1, 5)  # a repeat changes nothing
    track = SourceTrack(title="Song 2", artists=("Pulse",), source="lastfm")
    pool.add("lastfm", "similar to Volt", ("pulse", "song 2"), 0, index=2, track=track, tag="house")
    pool.add("lastfm", "similar to Volt", ("new", "tune"), 1, track=SourceTrack(title="Tune", artists=("New",)))
    ranked = pool.ranked()
    assert [c.key for c in ranked] == [("pulse", "song 2"), ("volt", "song 1"), ("new", "tune")]
    top = ranked[0]
    assert top.label == "lastfm+local"
    assert top.score == pytest.approx(1 / 12 + 1 / 11)
    assert top.tags == {"house"}
    assert top.whys == [("lastfm", "similar to Volt")]
    assert ranked[2].index is None
    assert ranked[2].label == "lastfm"


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
async def fake_lastfm() -> AsyncIterator[FakeService]:
    service = await lastfm(LastfmData(similar_artists={"volt": [("Neon", "1")], "pulse": [("Volt", "1")]})).start()
    yield service
    await service.close()


async def test_cached_then_outage_reports_the_outage(fake_lastfm: FakeService) -> None:
    clock = ManualClock()
    async with aiohttp.ClientSession() as session:
        io = source_io(session, clock=clock, retries=0)  # one attempt per call: failures counted one by one
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


async def test_real_time_deadline_with_the_http_stack(fake_lastfm: FakeService) -> None:
    fake_lastfm.fault = "stall"
    async with aiohttp.ClientSession() as session:
        src = LastfmSource(
            source_io(session, clock=time.monotonic), api_key="test-key", base_url=fake_lastfm.url("/2.0/")
        )
        hub = SourceHub([src], deadline=0.25)
        rnd = hub.start()
        rnd.artists_for("Volt")
        async with asyncio.timeout(5):
            assert (await rnd.finish()).outcomes == {"lastfm": "timeout"}
