"""HttpClient against a local aiohttp server that misbehaves on demand; time is a ManualClock (no real waits).

Each test scripts what the upstream answers, call by call: a status with headers and body, a connection reset,
or a stall until the test ends. aiohttp itself re-sends an idempotent request once when a connection drops
(RFC 9112 stale keep-alive retry), so a single "reset" is absorbed below us; tests use two in a row.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from hypothesis import given
from hypothesis import strategies as st

from segue.config import load_settings
from segue.errors import CircuitOpenError, ProviderError, ProviderTimeoutError
from segue.infra.breaker import BreakerConfig, BreakerState
from segue.infra.clock import ManualClock
from segue.infra.http import (
    HostPolicy,
    HttpClient,
    SlidingLogBudget,
    default_host_policies,
    host_key,
    parse_retry_after,
    user_agent,
)
from segue.infra.metrics import MetricsRegistry

WALL = 1_700_000_000.0
RESET = "reset"
STALL = "stall"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b'{"ok": true}'
    headers: dict[str, str] = field(default_factory=dict)


Action = Reply | str


@dataclass
class Upstream:
    server: TestServer
    plans: dict[str, list[Action]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    agents: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    stalled: asyncio.Event = field(default_factory=asyncio.Event)

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    def plan(self, path: str, *actions: Action) -> str:
        """Answer calls to `path` with these actions in order; the last one repeats."""
        self.plans[path] = list(actions)
        return self.url(path)


@pytest.fixture
async def upstream() -> AsyncIterator[Upstream]:
    state: Upstream

    async def handle(request: web.Request) -> web.StreamResponse:
        path = request.path
        state.hits[path] += 1
        state.agents.append(request.headers.get("User-Agent", ""))
        plan = state.plans.get(path, [Reply()])
        action = plan.pop(0) if len(plan) > 1 else plan[0]
        if action == RESET:
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("scripted reset")
        if action == STALL:
            state.stalled.set()
            await state.release.wait()
            return web.json_response({"ok": True})
        assert isinstance(action, Reply)
        return web.Response(status=action.status, body=action.body, headers=action.headers)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", handle)
    server = TestServer(app)
    await server.start_server()
    state = Upstream(server)
    try:
        yield state
    finally:
        state.release.set()
        await server.close()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def make_client(
    session: aiohttp.ClientSession, clock: ManualClock | None = None, **policy: object
) -> tuple[HttpClient, MetricsRegistry]:
    metrics = MetricsRegistry()
    options: dict[str, object] = {"source": "test", "backoff_base": 0.1, "backoff_cap": 1.0}
    options.update(policy)
    client = HttpClient(
        session,
        policies={"127.0.0.1": HostPolicy(**options)},  # type: ignore[arg-type]
        metrics=metrics,
        clock=clock or time.monotonic,
        sleep=clock.sleep if clock else asyncio.sleep,
        wall=lambda: WALL,
        rng=random.Random(7),
        agent=user_agent("ops@example.org"),
    )
    return client, metrics


async def test_get_json_returns_data_and_counts_by_status(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock)
    url = upstream.plan("/artist", Reply(body=b'{"name": "Bj\xc3\xb6rk"}'))
    assert await client.get_json(url, deadline=clock() + 2, params={"q": "bjork"}) == {"name": "Björk"}
    assert metrics.value("segue_http_requests_total", host="test", status="200") == 1
    assert metrics.value("segue_http_request_seconds", host="test") == 1
    assert upstream.agents == ["Segue/0.1.0 ( ops@example.org )"]


async def test_slower_than_the_deadline_raises_provider_timeout(
    upstream: Upstream, session: aiohttp.ClientSession
) -> None:
    client, metrics = make_client(session, None, total_timeout=5.0)  # real clock: the deadline is real here
    url = upstream.plan("/slow", STALL)
    with pytest.raises(ProviderTimeoutError) as info:
        await client.get_json(url, deadline=time.monotonic() + 0.3)
    assert info.value.source == "test"
    assert upstream.hits["/slow"] == 1  # no retry: nothing was left of the budget
    assert metrics.value("segue_http_requests_total", host="test", status="timeout") == 1


async def test_an_attempt_timeout_inside_the_deadline_is_retried(
    upstream: Upstream, session: aiohttp.ClientSession
) -> None:
    client, _ = make_client(session, None, total_timeout=0.2, backoff_base=0.01)
    url = upstream.plan("/sometimes-slow", STALL, Reply())
    response = await client.request("GET", url, deadline=time.monotonic() + 3)
    assert (response.status, response.attempts) == (200, 2)


async def test_deadline_already_spent_makes_no_call(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock)
    with pytest.raises(ProviderTimeoutError):
        await client.get_json(upstream.url("/x"), deadline=clock() - 1)
    assert upstream.hits["/x"] == 0
    assert metrics.value("segue_http_fail_fast_total", host="test", reason="deadline") == 1


async def test_429_retry_after_is_honoured(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock)
    url = upstream.plan("/limited", Reply(429, headers={"Retry-After": "2"}), Reply())
    assert await client.get_json(url, deadline=clock() + 5) == {"ok": True}
    assert clock.sleeps == [2.0]
    assert upstream.hits["/limited"] == 2
    assert metrics.value("segue_http_retries_total", host="test") == 1
    assert metrics.value("segue_http_requests_total", host="test", status="429") == 1


async def test_retry_after_beyond_the_deadline_fails_fast_and_blocks_the_host(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock)
    url = upstream.plan("/limited", Reply(429, headers={"Retry-After": "30"}), Reply())
    with pytest.raises(ProviderTimeoutError) as info:
        await client.get_json(url, deadline=clock() + 2)
    assert info.value.status == 429
    assert clock.sleeps == []
    # The host asked for 30 s: the next call within that time fails at once without touching it.
    with pytest.raises(ProviderTimeoutError):
        await client.get_json(url, deadline=clock() + 2)
    assert upstream.hits["/limited"] == 1
    assert metrics.value("segue_http_fail_fast_total", host="test", reason="retry_after") == 2
    clock.advance(30)
    assert await client.get_json(url, deadline=clock() + 2) == {"ok": True}


async def test_503_with_an_http_date_retry_after(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock)
    when = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(WALL + 3))
    url = upstream.plan("/busy", Reply(503, headers={"Retry-After": when}), Reply())
    assert await client.get_json(url, deadline=clock() + 5) == {"ok": True}
    assert clock.sleeps == [3.0]


async def test_5xx_then_success_is_retried_with_full_jitter(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock, max_retries=2)
    url = upstream.plan("/flaky", Reply(500), Reply(502), Reply())
    response = await client.request("GET", url, deadline=clock() + 5)
    assert (response.status, response.attempts) == (200, 3)
    first, second = clock.sleeps
    assert 0 <= first <= 0.1  # uniform(0, base)
    assert 0 <= second <= 0.2  # uniform(0, 2 * base)
    assert metrics.value("segue_http_retries_total", host="test") == 2


async def test_5xx_until_retries_run_out_raises_with_the_status(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock, max_retries=2)
    url = upstream.plan("/down", Reply(503))
    with pytest.raises(ProviderError) as info:
        await client.get_json(url + "?api_key=supersecretkey123", deadline=clock() + 5)
    assert not isinstance(info.value, ProviderTimeoutError)
    assert info.value.status == 503
    assert upstream.hits["/down"] == 3
    assert "supersecretkey123" not in str(info.value)


async def test_4xx_is_returned_once_and_get_json_raises_with_its_status(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock, breaker=BreakerConfig(1, 30.0))
    url = upstream.plan("/missing", Reply(404, body=b'{"error": 6}'))
    with pytest.raises(ProviderError) as info:
        await client.get_json(url, deadline=clock() + 5)
    assert info.value.status == 404
    assert upstream.hits["/missing"] == 1
    assert client.breaker(url).state is BreakerState.CLOSED  # the host answered: it is healthy


async def test_malformed_json_is_a_provider_error(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock)
    url = upstream.plan("/garbled", Reply(body=b'{"similar": [1, 2'))
    with pytest.raises(ProviderError, match="malformed JSON") as info:
        await client.get_json(url, deadline=clock() + 5)
    assert info.value.status == 200


async def test_connection_reset_is_retried(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock)
    url = upstream.plan("/reset", RESET, RESET, Reply())
    response = await client.request("GET", url, deadline=clock() + 5)
    assert (response.status, response.attempts) == (200, 2)
    assert metrics.value("segue_http_requests_total", host="test", status="error") == 1


async def test_connection_reset_every_time_raises_provider_error(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock, max_retries=1)
    url = upstream.plan("/reset", RESET)
    with pytest.raises(ProviderError, match="ServerDisconnectedError") as info:
        await client.get_json(url, deadline=clock() + 5)
    assert not isinstance(info.value, ProviderTimeoutError)


async def test_post_is_never_retried(upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock) -> None:
    client, _ = make_client(session, clock, max_retries=2)
    url = upstream.plan("/submit", Reply(503), Reply())
    with pytest.raises(ProviderError) as info:
        await client.request("POST", url, deadline=clock() + 5, json={"listen": 1})
    assert info.value.status == 503
    reset_url = upstream.plan("/submit-reset", RESET, Reply())
    with pytest.raises(ProviderError):
        await client.request("POST", reset_url, deadline=clock() + 5, json={"listen": 1})
    assert (upstream.hits["/submit"], upstream.hits["/submit-reset"]) == (1, 1)
    assert clock.sleeps == []


async def test_breaker_opens_after_n_failures_then_half_opens_with_one_probe(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock, max_retries=0, breaker=BreakerConfig(3, 30.0))
    url = upstream.plan("/sick", Reply(500))
    for _ in range(3):
        with pytest.raises(ProviderError):
            await client.get_json(url, deadline=clock() + 5)
    with pytest.raises(CircuitOpenError):
        await client.get_json(url, deadline=clock() + 5)
    assert upstream.hits["/sick"] == 3
    assert metrics.value("segue_http_breaker_state", host="test") == 2

    clock.advance(30.0)
    upstream.plan("/sick", STALL, Reply())
    probe = asyncio.create_task(client.get_json(url, deadline=clock() + 5))
    await upstream.stalled.wait()  # the probe is at the server and holds the single half-open slot
    with pytest.raises(CircuitOpenError):
        await client.get_json(url, deadline=clock() + 5)
    upstream.release.set()
    assert await probe == {"ok": True}
    assert client.breaker(url).state is BreakerState.CLOSED
    assert metrics.value("segue_http_breaker_state", host="test") == 0
    assert await client.get_json(url, deadline=clock() + 5) == {"ok": True}


async def test_a_failed_probe_reopens_and_a_cancelled_probe_frees_the_slot(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock, max_retries=0, breaker=BreakerConfig(1, 10.0))
    url = upstream.plan("/sick", Reply(500))
    with pytest.raises(ProviderError):
        await client.get_json(url, deadline=clock() + 5)
    clock.advance(10.0)
    with pytest.raises(ProviderError):
        await client.get_json(url, deadline=clock() + 5)  # the probe fails
    assert client.breaker(url).state is BreakerState.OPEN
    assert client.breaker(url).opened_count == 2

    clock.advance(10.0)
    upstream.plan("/sick", STALL, Reply())
    probe = asyncio.create_task(client.get_json(url, deadline=clock() + 5))
    await upstream.stalled.wait()
    probe.cancel()
    with pytest.raises(asyncio.CancelledError):
        await probe
    assert await client.get_json(url, deadline=clock() + 5) == {"ok": True}  # a new probe went at once


async def test_musicbrainz_budget_spaces_calls_one_second_apart(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock, rate_limit=1, rate_period=1.0)
    url = upstream.url("/recording")
    for _ in range(3):
        await client.get_json(url, deadline=clock() + 5)
    assert clock.sleeps == [1.0, 1.0]
    assert metrics.value("segue_http_budget_waits_total", host="test") == 2

    concurrent, _ = make_client(session, clock, rate_limit=1, rate_period=1.0)
    clock.sleeps.clear()
    start = clock.now
    await asyncio.gather(*(concurrent.get_json(url, deadline=clock() + 5) for _ in range(3)))
    # Three calls at once start at 0, 1 and 2 s (the manual clock's sleeps run one after the other).
    assert clock.sleeps == [1.0, 1.0]
    assert clock.now == start + 2.0
    assert upstream.hits["/recording"] == 6


async def test_a_budget_wait_past_the_deadline_fails_fast_without_waiting(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, metrics = make_client(session, clock, rate_limit=1, rate_period=1.0)
    url = upstream.url("/recording")
    await client.get_json(url, deadline=clock() + 5)
    with pytest.raises(ProviderTimeoutError, match="budget"):
        await client.get_json(url, deadline=clock() + 0.5)
    assert clock.sleeps == []
    assert upstream.hits["/recording"] == 1
    assert metrics.value("segue_http_fail_fast_total", host="test", reason="budget") == 1


async def test_listenbrainz_header_budget_waits_for_the_announced_reset(
    upstream: Upstream, session: aiohttp.ClientSession, clock: ManualClock
) -> None:
    client, _ = make_client(session, clock, header_budget=True)
    exhausted = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-In": "3", "X-RateLimit-Limit": "30"}
    url = upstream.plan("/1/stats", Reply(headers=exhausted), Reply(headers={"X-RateLimit-Remaining": "29"}))
    await client.get_json(url, deadline=clock() + 5)
    await client.get_json(url, deadline=clock() + 5)
    assert clock.sleeps == [3.0]
    await client.get_json(url, deadline=clock() + 5)
    assert clock.sleeps == [3.0]


@given(
    limit=st.integers(1, 10),
    period=st.floats(0.1, 10.0),
    gaps=st.lists(st.floats(0, 3.0), min_size=1, max_size=60),
)
def test_sliding_log_never_exceeds_its_window(limit: int, period: float, gaps: list[float]) -> None:
    budget = SlidingLogBudget(limit, period)
    now = 0.0
    starts: list[float] = []
    for gap in gaps:
        now += gap
        slot = budget.reserve(now, latest=float("inf"))
        assert slot is not None
        assert slot >= now
        starts.append(slot)
    starts.sort()
    for i, start in enumerate(starts):
        in_window = [s for s in starts[i:] if s < start + period - 1e-9]
        assert len(in_window) <= limit


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after("5", WALL) == 5.0
    assert parse_retry_after("-3", WALL) == 0.0
    assert parse_retry_after(time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(WALL + 7)), WALL) == 7.0
    assert parse_retry_after("soon", WALL) is None
    assert parse_retry_after(None, WALL) is None


def test_default_policies_follow_each_sources_published_limits() -> None:
    settings = load_settings(http_contact="ops@example.org", deezer_api_base="http://127.0.0.1:8081")
    policies = default_host_policies(settings)
    by_source = {p.source: (key, p) for key, p in policies.items()}
    assert (by_source["musicbrainz"][1].rate_limit, by_source["musicbrainz"][1].rate_period) == (1, 1.0)
    assert (by_source["lastfm"][1].rate_limit, by_source["lastfm"][1].rate_period) == (5, 1.0)
    assert (by_source["deezer"][1].rate_limit, by_source["deezer"][1].rate_period) == (50, 5.0)
    assert by_source["deezer"][0] == "127.0.0.1:8081"
    assert by_source["listenbrainz"][1].header_budget
    assert by_source["lastfm"][1].breaker == BreakerConfig(5, 30.0)
    assert host_key("https://MusicBrainz.org/ws/2") == "musicbrainz.org"
    assert "ops@example.org" in user_agent(settings.http_contact)


async def test_the_user_agent_from_a_contact_is_made_on_the_first_request(
    upstream: Upstream, session: aiohttp.ClientSession
) -> None:
    client = HttpClient(session, policies={"127.0.0.1": HostPolicy(source="test")}, contact="ops@example.org")
    assert client._agent is None  # no version read while nothing is asked
    url = upstream.plan("/artist", Reply(body=b"{}"))
    await client.get_json(url, deadline=time.monotonic() + 2)
    assert upstream.agents == [user_agent("ops@example.org")]


async def test_build_http_client_uses_the_settings(session: aiohttp.ClientSession) -> None:
    from segue.infra.http import build_http_client

    settings = load_settings(http_contact="ops@example.org", http_max_retries=1)
    client = build_http_client(settings, session)
    assert client.policies["musicbrainz.org"].rate_limit == 1
    assert client.default_policy.max_retries == 1
    assert client.breaker("https://api.deezer.com/search").config == BreakerConfig(5, 30.0)
