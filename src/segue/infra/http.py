"""The one HTTP client every live source uses: deadlines, per-host budgets, bounded retries, breakers, metrics.

Every call carries the caller's deadline (absolute monotonic seconds). Nothing inside may outlive it: not an
attempt (its timeout is the smaller of the host's and what is left), not a budget wait, not a back-off or a
Retry-After; whatever would, fails at once with `ProviderTimeoutError`, so the engine can answer from its own
catalog in time (Discord wants an answer or a defer within 3 s). Only idempotent calls are retried, with full
jitter (AWS's "exponential back-off and jitter": sleep uniform(0, min(cap, base * 2^n))) and at most
`max_retries` times. Each host has a breaker: a source that keeps failing is not called until a probe passes.
Clock and sleep are injectable: tests use `ManualClock` and never sleep for real.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import TYPE_CHECKING, Any

from yarl import URL

import segue
from segue.errors import CircuitOpenError, ProviderError, ProviderTimeoutError
from segue.infra.breaker import BreakerConfig, BreakerState, CircuitBreaker
from segue.infra.clock import Clock, Sleep
from segue.infra.metrics import MetricsRegistry

if TYPE_CHECKING:
    import aiohttp

    from segue.config import Settings

log = logging.getLogger(__name__)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
"""Answers worth another attempt; every other status is returned to the caller as is."""

Params = Mapping[str, str | int | float]


@dataclass(frozen=True, slots=True)
class HostPolicy:
    """How to treat one host: timeouts, retries, request budget, breaker thresholds, extra headers."""

    source: str = ""
    """Name in errors and metrics ('lastfm'); defaults to the host."""
    connect_timeout: float = 1.0
    total_timeout: float = 2.5
    max_retries: int = 2
    backoff_base: float = 0.1
    backoff_cap: float = 1.0
    rate_limit: int | None = None
    """At most this many request starts in any `rate_period` seconds (None: no fixed budget)."""
    rate_period: float = 1.0
    header_budget: bool = False
    """Follow the host's X-RateLimit-Remaining / X-RateLimit-Reset-In headers (ListenBrainz)."""
    breaker: BreakerConfig = field(default_factory=BreakerConfig)
    headers: tuple[tuple[str, str], ...] = ()


class SlidingLogBudget:
    """At most `limit` request starts in any `period`: exact, O(1) per request (a deque of the last `limit`).

    Exact rather than GCRA because upstream limits are windows: GCRA with a burst of 50 lets 99 through in
    Deezer's 5 s window.
    """

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self._starts: deque[float] = deque(maxlen=limit)

    def reserve(self, at: float, latest: float) -> float | None:
        """Book the first start at or after `at`; None (nothing booked) if it would be after `latest`."""
        if len(self._starts) == self.limit:
            at = max(at, self._starts[0] + self.period)
        if at > latest:
            return None
        self._starts.append(at)
        return at


class HeaderBudget:
    """A budget the server announces: when it says none remain, wait for its reset (ListenBrainz)."""

    def __init__(self) -> None:
        self.remaining: int | None = None
        self.reset_at = 0.0

    def observe(self, headers: Mapping[str, str], now: float) -> None:
        """Learn the budget from a response's X-RateLimit-* headers."""
        try:
            remaining = headers.get("X-RateLimit-Remaining")
            reset_in = headers.get("X-RateLimit-Reset-In")
            if remaining is not None:
                self.remaining = max(0, int(remaining))
            if reset_in is not None:
                self.reset_at = now + max(0.0, float(reset_in))
        except ValueError:
            log.debug("ignoring malformed X-RateLimit headers: %s", dict(headers))

    def reserve(self, at: float, latest: float) -> float | None:
        """Start now while budget remains (counting in-flight requests down), else at the announced reset.

        After the reset every waiter goes; the next response's headers correct the count.
        """
        if self.remaining is None or at >= self.reset_at:
            return at
        if self.remaining > 0:
            self.remaining -= 1
            return at
        return self.reset_at if self.reset_at <= latest else None


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A fully read response (the connection is already back in the pool)."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str
    attempts: int = 1

    @property
    def ok(self) -> bool:
        """2xx."""
        return 200 <= self.status < 300

    def text(self) -> str:
        """Body as text (UTF-8, replacing undecodable bytes)."""
        return self.body.decode("utf-8", errors="replace")


def parse_retry_after(value: str | None, wall_now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - wall_now)


def host_key(url: str | URL) -> str:
    """'host' or 'host:port' (when the port is explicit): how policies and breakers are looked up."""
    parsed = url if isinstance(url, URL) else URL(url)
    host = (parsed.host or "").lower()
    return f"{host}:{parsed.explicit_port}" if parsed.explicit_port else host


def user_agent(contact: str = "") -> str:
    """'Segue/<version> ( contact )', the form MusicBrainz asks for."""
    return f"Segue/{segue.__version__} ( {contact or 'music recommendation Discord bot'} )"


def default_host_policies(settings: Settings) -> dict[str, HostPolicy]:
    """Per-host policies for the live sources at their configured base URLs.

    Last.fm asks for at most 5 requests/s, MusicBrainz 1/s (and a User-Agent with a contact), Deezer 50 per
    5 s; ListenBrainz announces its budget in headers. Keyed by host[:port], so a local stand-in configured
    as the base URL gets the same treatment.
    """
    common: dict[str, Any] = {
        "max_retries": settings.http_max_retries,
        "breaker": BreakerConfig(settings.http_breaker_failures, settings.http_breaker_cooldown),
    }
    return {
        host_key(settings.lastfm_api_base): HostPolicy(source="lastfm", rate_limit=5, rate_period=1.0, **common),
        host_key(settings.musicbrainz_api_base): HostPolicy(
            source="musicbrainz", rate_limit=1, rate_period=1.0, **common
        ),
        host_key(settings.deezer_api_base): HostPolicy(source="deezer", rate_limit=50, rate_period=5.0, **common),
        host_key(settings.listenbrainz_api_base): HostPolicy(source="listenbrainz", header_budget=True, **common),
    }


class _Host:
    """Per-host state: policy, breaker, budgets, and its bound metric series."""

    def __init__(self, key: str, policy: HostPolicy, client: HttpClient) -> None:
        self.key = key
        self.policy = policy
        self.source = policy.source or key
        label = self.source
        metrics = client.metrics
        self.requests = metrics.counter(
            "segue_http_requests_total", "Live-source attempts by status", ["host", "status"]
        )
        self.label = label
        self.latency = metrics.histogram("segue_http_request_seconds", "Live-source attempt latency", ["host"]).labels(
            label
        )
        self.retries = metrics.counter("segue_http_retries_total", "Retries of idempotent calls", ["host"]).labels(
            label
        )
        self.budget_waits = metrics.counter(
            "segue_http_budget_waits_total", "Calls that waited for the host's request budget", ["host"]
        ).labels(label)
        self.budget_wait_seconds = metrics.counter(
            "segue_http_budget_wait_seconds_total", "Seconds spent waiting for the request budget", ["host"]
        ).labels(label)
        self.fail_fast = metrics.counter(
            "segue_http_fail_fast_total", "Calls refused before or between attempts", ["host", "reason"]
        )
        state = metrics.gauge("segue_http_breaker_state", "Host breaker: 0 closed, 1 half-open, 2 open", ["host"])
        self.state_gauge = state.labels(label)
        self.state_gauge.set(0.0)
        self.breaker = CircuitBreaker(key, policy.breaker, clock=client.clock, on_change=self._changed)
        self.log = SlidingLogBudget(policy.rate_limit, policy.rate_period) if policy.rate_limit else None
        self.header = HeaderBudget() if policy.header_budget else None
        self.blocked_until = 0.0

    def _changed(self, name: str, state: BreakerState) -> None:
        self.state_gauge.set(state.gauge_value)
        log.log(logging.WARNING if state is BreakerState.OPEN else logging.INFO, "breaker %s is %s", name, state)


class _AttemptFailed(Exception):
    """An attempt got no HTTP answer (timeout, reset, refused)."""

    def __init__(self, error: ProviderError) -> None:
        super().__init__(str(error))
        self.error = error


class HttpClient:
    """Wraps the one aiohttp session the composition root owns; adds what every live-source call needs."""

    def __init__(
        self,
        session: aiohttp.ClientSession | None,
        *,
        policies: Mapping[str, HostPolicy] | None = None,
        default_policy: HostPolicy | None = None,
        metrics: MetricsRegistry | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        wall: Clock = time.time,
        rng: random.Random | None = None,
        agent: str | None = None,
        contact: str = "",
        min_attempt: float = 0.02,
    ) -> None:
        self.session = session
        """None until the first request opens one (then `close` closes it): with no source configured, nothing
        imports aiohttp, which is most of `segue ask`'s start-up otherwise (BENCHMARKS.md, engine section)."""
        self._owns_session = session is None
        self.policies = {k.lower(): v for k, v in (policies or {}).items()}
        self.default_policy = default_policy or HostPolicy()
        self.metrics = metrics if metrics is not None else MetricsRegistry()
        self.clock = clock
        self._sleep = sleep
        self._wall = wall
        self._rng = rng or random.Random()  # jitter, not security
        self._agent = agent
        """None: `user_agent(contact)`, made on the first request: reading the installed version costs ~35 ms,
        which a process without live sources (the bot's start, `segue ask`) never needs to pay."""
        self._contact = contact
        self.min_attempt = min_attempt
        """An attempt with less time than this left is not started."""
        self._hosts: dict[str, _Host] = {}

    def open(self) -> aiohttp.ClientSession:
        """The session, opened now if it is not yet (call it at start-up: a request must not spend its deadline
        importing aiohttp)."""
        if self.session is None:
            import aiohttp

            self.session = aiohttp.ClientSession()
        return self.session

    async def close(self) -> None:
        """Close the session this client opened itself (one passed in belongs to whoever passed it)."""
        if self._owns_session and self.session is not None:
            await self.session.close()

    def _host(self, url: URL) -> _Host:
        key = host_key(url)
        host = self._hosts.get(key)
        if host is None:
            policy = self.policies.get(key) or self.policies.get((url.host or "").lower()) or self.default_policy
            host = self._hosts[key] = _Host(key, policy, self)
        return host

    def breaker(self, url: str) -> CircuitBreaker:
        """The breaker guarding the host of `url` (for health output and tests)."""
        return self._host(URL(url)).breaker

    async def get_json(
        self,
        url: str,
        *,
        deadline: float,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """GET and decode JSON. Non-2xx raises ProviderError with `.status`; so does a body that is not JSON."""
        response = await self.request("GET", url, deadline=deadline, params=params, headers=headers)
        host = self._host(URL(url))
        if not response.ok:
            raise ProviderError(
                f"{host.source} answered HTTP {response.status} for {_safe(url)}",
                source=host.source,
                status=response.status,
            )
        try:
            return json.loads(response.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ProviderError(
                f"{host.source} sent malformed JSON for {_safe(url)}: {exc}", source=host.source, status=response.status
            ) from exc

    async def request(
        self,
        method: str,
        url: str,
        *,
        deadline: float,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        data: Any = None,
        idempotent: bool | None = None,
    ) -> HttpResponse:
        """One logical call: budget, breaker, attempts and retries, all inside `deadline`.

        Returns the response for any status not worth retrying (2xx-4xx except 408/429). Raises
        ProviderTimeoutError when the deadline cannot be met, CircuitOpenError when the host's breaker is open,
        and ProviderError when attempts are exhausted (with the last status, if there was one).
        """
        method = method.upper()
        parsed = URL(url)
        host = self._host(parsed)
        retryable = method in IDEMPOTENT_METHODS if idempotent is None else idempotent
        attempts = 1 + (host.policy.max_retries if retryable else 0)
        if self._agent is None:
            self._agent = user_agent(self._contact)
        merged = {"User-Agent": self._agent, **dict(host.policy.headers), **(headers or {})}
        last: ProviderError | None = None
        for attempt in range(1, attempts + 1):
            if deadline - self.clock() < self.min_attempt:
                raise self._late(host, "deadline", f"no time left for attempt {attempt}", last)
            self._refuse_if_open(host)
            await self._take_budget(host, deadline, last)
            if not host.breaker.allow():
                self._refuse_if_open(host, force=True)
            retry_after: float | None = None
            try:
                response = await self._send(host, method, url, deadline, params, merged, json, data, attempt)
            except _AttemptFailed as failed:
                host.breaker.record_failure()
                last = failed.error
                last.__cause__ = failed.__cause__  # the aiohttp error, for logs
                if isinstance(last, ProviderTimeoutError) and deadline - self.clock() < self.min_attempt:
                    raise last from failed.__cause__
            except BaseException:
                host.breaker.release()  # cancelled, or a bug in the call itself: says nothing about the host
                raise
            else:
                if response.status >= 500:
                    host.breaker.record_failure()
                else:
                    host.breaker.record_success()
                if response.status not in RETRY_STATUSES:
                    return response
                last = ProviderError(
                    f"{host.source} answered HTTP {response.status} for {_safe(url)}",
                    source=host.source,
                    status=response.status,
                )
                retry_after = self._retry_after(host, response)
            if attempt == attempts:
                break
            delay = self._rng.uniform(0.0, min(host.policy.backoff_cap, host.policy.backoff_base * 2 ** (attempt - 1)))
            if retry_after is not None:
                delay = max(delay, retry_after)
            if self.clock() + delay > deadline - self.min_attempt:
                reason = "retry_after" if retry_after is not None and retry_after >= delay else "deadline"
                raise self._late(host, reason, f"next attempt in {delay:.2f}s would pass the deadline", last)
            host.retries.inc()
            await self._sleep(delay)
        assert last is not None
        raise last

    def _retry_after(self, host: _Host, response: HttpResponse) -> float | None:
        """Seconds the host asked us to wait (Retry-After, or its rate-limit reset on 429), and block the host."""
        wait = None
        if response.status in (429, 503):
            wait = parse_retry_after(response.headers.get("Retry-After"), self._wall())
            if wait is None and response.status == 429 and host.header is not None:
                wait = max(0.0, host.header.reset_at - self.clock())
        if wait is not None:
            host.blocked_until = max(host.blocked_until, self.clock() + wait)
        return wait

    def _refuse_if_open(self, host: _Host, *, force: bool = False) -> None:
        if force or host.breaker.is_open():
            host.fail_fast.labels(host.label, "circuit_open").inc()
            wait = host.breaker.retry_after()
            raise CircuitOpenError(
                f"{host.source}: circuit open after repeated failures; next probe in {wait:.1f}s",
                source=host.source,
            )

    def _late(self, host: _Host, reason: str, detail: str, last: ProviderError | None) -> ProviderTimeoutError:
        host.fail_fast.labels(host.label, reason).inc()
        error = ProviderTimeoutError(
            f"{host.source}: {detail}", source=host.source, status=last.status if last is not None else None
        )
        error.__cause__ = last
        return error

    async def _take_budget(self, host: _Host, deadline: float, last: ProviderError | None) -> None:
        """Wait for the host's next free request slot, unless that would pass the deadline."""
        now = self.clock()
        latest = deadline - self.min_attempt
        blocked = max(now, host.blocked_until)
        if blocked > latest:
            raise self._late(host, "retry_after", f"host asked to wait {blocked - now:.2f}s", last)
        start: float | None = blocked
        if host.header is not None:
            start = host.header.reserve(blocked, latest)
        if host.log is not None and start is not None:
            start = host.log.reserve(start, latest)
        if start is None:
            raise self._late(host, "budget", "request budget has no slot before the deadline", last)
        wait = start - now
        if wait > 0:
            host.budget_waits.inc()
            host.budget_wait_seconds.inc(wait)
            await self._sleep(wait)

    async def _send(
        self,
        host: _Host,
        method: str,
        url: str,
        deadline: float,
        params: Params | None,
        headers: Mapping[str, str],
        json_body: Any,
        data: Any,
        attempt: int,
    ) -> HttpResponse:
        left = max(0.001, deadline - self.clock())
        total = min(host.policy.total_timeout, left)
        import aiohttp

        session = self.open()
        timeout = aiohttp.ClientTimeout(total=total, sock_connect=min(host.policy.connect_timeout, total))
        started = time.perf_counter()
        try:
            async with session.request(
                method, url, params=params, headers=headers, json=json_body, data=data, timeout=timeout
            ) as resp:
                body = await resp.read()
                status, resp_headers, final_url = resp.status, resp.headers, str(resp.url)
        except TimeoutError as exc:
            host.requests.labels(host.label, "timeout").inc()
            raise _AttemptFailed(
                ProviderTimeoutError(
                    f"{host.source}: no answer within {total:.2f}s for {_safe(url)}", source=host.source
                )
            ) from exc
        except (aiohttp.ClientError, OSError) as exc:
            host.requests.labels(host.label, "error").inc()
            raise _AttemptFailed(
                ProviderError(f"{host.source}: {type(exc).__name__} for {_safe(url)}: {exc}", source=host.source)
            ) from exc
        finally:
            host.latency.observe(time.perf_counter() - started)
        host.requests.labels(host.label, str(status)).inc()
        if host.header is not None:
            host.header.observe(resp_headers, self.clock())
        return HttpResponse(status, resp_headers, body, final_url, attempt)


def _safe(url: str) -> str:
    """The URL without its query string, which may carry an API key."""
    return str(URL(url).with_query(None))


def build_http_client(
    settings: Settings, session: aiohttp.ClientSession, *, metrics: MetricsRegistry | None = None
) -> HttpClient:
    """The client the composition root wires in, around the one session it owns and closes."""
    return HttpClient(
        session,
        policies=default_host_policies(settings),
        default_policy=HostPolicy(
            max_retries=settings.http_max_retries,
            breaker=BreakerConfig(settings.http_breaker_failures, settings.http_breaker_cooldown),
        ),
        metrics=metrics,
        contact=settings.http_contact,
    )
