"""Leases: which one process runs the singleton jobs (state cleanup, retention) when several share the state.

A `Lease` is a named, expiring right that at most one holder has at a time. Every process runs a `LeaseKeeper`:
it tries to take the lease, renews it while it holds it, and gives it up on shutdown; the singleton jobs run only
while `keeper.held`. When a holder dies without releasing, its lease expires and another process's keeper takes it
on its next try, so takeover needs at most `ttl + renew_every`.

A holder counts its lease from *before* it asked for it, so it believes it has lost the lease no later than the
shared store lets anyone else take it: two processes never both think they hold it (a job already running when
the lease ends may finish; the singleton jobs are idempotent sweeps).

Backends: `LocalLeases` (one process, the embedded default and the contract's reference), `RedisLease`
(`segue.infra.lease_redis`) and `PostgresLease` (`segue.infra.lease_postgres`); `segue.infra.lease_build` picks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from typing import Protocol

from segue.infra.clock import Clock
from segue.infra.metrics import MetricsRegistry

log = logging.getLogger(__name__)


def holder_id() -> str:
    """Who holds a lease, readable in Redis and logs: host, pid and a random part (pids repeat across hosts)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Lease(Protocol):
    """A named, exclusive, expiring right; one instance per process and name."""

    @property
    def name(self) -> str: ...

    @property
    def holder(self) -> str:
        """This instance's identity (the token stored with the lease)."""
        ...

    @property
    def backend(self) -> str:
        """'local', 'redis' or 'postgres', for status output."""
        ...

    @property
    def held(self) -> bool:
        """Whether this instance holds the lease now; False as soon as it may have expired."""
        ...

    async def acquire(self) -> bool:
        """Take the lease if it is free or expired, renew it if this instance holds it; return `held`."""
        ...

    async def release(self) -> None:
        """Give the lease up if this instance holds it (never someone else's); safe to call when not held."""
        ...


class LocalLeases:
    """Leases within one process: the embedded default (one process, so its lease is always free to take).

    Instances made by one `LocalLeases` compete with each other exactly as processes do through Redis, which is
    what lets the contract suite check this implementation too.
    """

    def __init__(self, *, clock: Clock = time.monotonic) -> None:
        self.clock = clock
        self._owners: dict[str, tuple[str, float]] = {}

    def lease(self, name: str, *, ttl: float, holder: str | None = None) -> LocalLease:
        return LocalLease(self, name, ttl=ttl, holder=holder or holder_id())

    def take(self, name: str, holder: str, ttl: float) -> float | None:
        """The new expiry when `holder` may have the lease now, else None."""
        now = self.clock()
        owner = self._owners.get(name)
        if owner is not None and owner[0] != holder and owner[1] > now:
            return None
        self._owners[name] = (holder, now + ttl)
        return now + ttl

    def give_back(self, name: str, holder: str) -> None:
        """Free the lease if `holder` has it (someone else's stays)."""
        owner = self._owners.get(name)
        if owner is not None and owner[0] == holder:
            del self._owners[name]


class LocalLease:
    """One holder's view of a `LocalLeases` lease."""

    backend = "local"

    def __init__(self, board: LocalLeases, name: str, *, ttl: float, holder: str) -> None:
        self.board = board
        self.name = name
        self.ttl = ttl
        self.holder = holder
        self._until = 0.0

    @property
    def held(self) -> bool:
        return self._until > self.board.clock()

    async def acquire(self) -> bool:
        self._until = self.board.take(self.name, self.holder, self.ttl) or 0.0
        return self.held

    async def release(self) -> None:
        self.board.give_back(self.name, self.holder)
        self._until = 0.0


class LeaseKeeper:
    """Keeps one lease for this process: tries it every `renew_every` seconds, and says when it is held.

    Used as an async context manager by the composition root: the lease is tried at once on entry (so a lone
    process runs its jobs without waiting a round) and released on exit (so a graceful shutdown hands over at
    once instead of after the TTL).
    """

    def __init__(self, lease: Lease, *, renew_every: float, metrics: MetricsRegistry | None = None) -> None:
        self.lease = lease
        self.renew_every = renew_every
        self.acquired = 0
        """Times this process went from not holding to holding the lease."""
        self._held = asyncio.Event()
        self._was_held = False
        self._task: asyncio.Task[None] | None = None
        if metrics is not None:
            held = metrics.gauge("segue_lease_held", "1 while this process holds the singleton-jobs lease", ["lease"])
            taken = metrics.counter("segue_lease_acquired_total", "Times this process took the lease", ["lease"])

            def collect() -> None:
                held.labels(lease.name).set(1.0 if self.held else 0.0)
                taken.labels(lease.name).set_total(self.acquired)

            metrics.add_collector(collect)

    @property
    def held(self) -> bool:
        return self.lease.held

    async def wait_held(self) -> None:
        """Return once this process holds the lease (at once if it does)."""
        while not self.lease.held:
            self._held.clear()
            await self._held.wait()

    async def try_once(self) -> bool:
        """One round: take or renew; log and count a change of hands. Errors count as 'not held'."""
        try:
            now = await self.lease.acquire()
        except Exception:
            log.exception("lease %s: could not reach the %s backend", self.lease.name, self.lease.backend)
            now = self.lease.held
        if now and not self._was_held:
            self.acquired += 1
            log.info("lease %s acquired (%s, holder %s)", self.lease.name, self.lease.backend, self.lease.holder)
        elif self._was_held and not now:
            log.warning("lease %s lost: singleton jobs stop in this process", self.lease.name)
        self._was_held = now
        if now:
            self._held.set()  # wakes `wait_held`, which clears it again when it finds the lease not held
        return now

    async def _keep(self) -> None:
        while True:
            await asyncio.sleep(self.renew_every)
            await self.try_once()

    async def __aenter__(self) -> LeaseKeeper:
        await self.try_once()
        self._task = asyncio.create_task(self._keep(), name=f"segue-lease-{self.lease.name}")
        return self

    async def __aexit__(self, *exc: object) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        held = self.lease.held
        try:
            await self.lease.release()
        except Exception:
            log.exception("lease %s: release failed; it expires by itself", self.lease.name)
        if held:
            log.info("lease %s released", self.lease.name)


__all__ = ["Lease", "LeaseKeeper", "LocalLease", "LocalLeases", "holder_id"]
