"""The watchdog: warns when memory, disk, loop lag or the error rate pass their thresholds, and says which of
those failures are hard (the process should be taken out of rotation: `/healthz` answers 503).

Soft alarms (memory, loop lag, errors) log a warning and count it once per episode, not on every check, so a
slow afternoon does not flood the log. Hard ones are a full disk (state writes fail) and no gateway connection
for a while (the process answers nobody). Clocks are injected: tests step them instead of waiting.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from segue.infra.metrics import MetricsRegistry
from segue.infra.system import LoopLag, SystemFigures, SystemGauges

log = logging.getLogger(__name__)

CHECKS = ("memory", "disk", "loop_lag", "errors", "gateway")


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Where each check starts to complain (Settings `watchdog_*` fill these in)."""

    rss_mb: float = 2048.0
    disk_free_mb: float = 500.0
    disk_free_percent: float = 2.0
    loop_lag_ms: float = 250.0
    errors_per_minute: float = 20.0
    gateway_down_s: float = 120.0


@dataclass(frozen=True, slots=True)
class Alarm:
    """One check past its threshold."""

    check: str
    hard: bool
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"check": self.check, "hard": self.hard, "detail": self.detail}


class Watchdog:
    """Compares each sample with the thresholds; remembers what is failing to log changes only."""

    def __init__(
        self,
        thresholds: Thresholds,
        *,
        metrics: MetricsRegistry | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.thresholds = thresholds
        self._clock = clock
        self._down_since: float | None = clock()
        self._errors_seen: tuple[float, int] | None = None
        self.alarms: tuple[Alarm, ...] = ()
        registry = metrics or MetricsRegistry()
        warned = registry.counter("segue_watchdog_warnings_total", "Times a watchdog check started failing", ["check"])
        failing = registry.gauge("segue_watchdog_failing", "1 while a watchdog check fails", ["check"])
        self._warned = {c: warned.labels(c) for c in CHECKS}
        self._failing = {c: failing.labels(c) for c in CHECKS}

    @property
    def hard(self) -> tuple[Alarm, ...]:
        return tuple(a for a in self.alarms if a.hard)

    def _error_rate(self, now: float, errors_total: int) -> float | None:
        """Errors per minute since the previous check (None on the first)."""
        before, self._errors_seen = self._errors_seen, (now, errors_total)
        if before is None or now <= before[0]:
            return None
        return max(0, errors_total - before[1]) * 60.0 / (now - before[0])

    def _gateway_down(self, now: float, connected: bool) -> float:
        if connected:
            self._down_since = None
            return 0.0
        if self._down_since is None:
            self._down_since = now
        return now - self._down_since

    def assess(self, figures: SystemFigures, *, lag_ms: float, errors_total: int, connected: bool) -> tuple[Alarm, ...]:
        """The alarms for this sample; logs and counts the checks that just started failing, logs recoveries."""
        t, now = self.thresholds, self._clock()
        found: list[Alarm] = []
        if figures.rss_mb > t.rss_mb:
            found.append(Alarm("memory", False, f"resident memory {figures.rss_mb:.0f} MB > {t.rss_mb:.0f} MB"))
        if figures.disk_free_mb < t.disk_free_mb or figures.disk_free_percent < t.disk_free_percent:
            found.append(
                Alarm("disk", True, f"free disk {figures.disk_free_mb:.0f} MB ({figures.disk_free_percent:.1f}%)")
            )
        if lag_ms > t.loop_lag_ms:
            found.append(Alarm("loop_lag", False, f"event loop {lag_ms:.0f} ms late > {t.loop_lag_ms:.0f} ms"))
        rate = self._error_rate(now, errors_total)
        if rate is not None and rate > t.errors_per_minute:
            found.append(Alarm("errors", False, f"{rate:.1f} errors/min > {t.errors_per_minute:g}"))
        down = self._gateway_down(now, connected)
        if down >= t.gateway_down_s:
            found.append(Alarm("gateway", True, f"no gateway connection for {down:.0f} s"))
        self._note_changes(found)
        self.alarms = tuple(found)
        return self.alarms

    def _note_changes(self, found: list[Alarm]) -> None:
        before = {a.check for a in self.alarms}
        now = {a.check for a in found}
        for alarm in found:
            if alarm.check not in before:
                self._warned[alarm.check].inc()
                log.warning("watchdog: %s%s", alarm.detail, " (unhealthy)" if alarm.hard else "")
        for check in before - now:
            log.info("watchdog: %s back within its threshold", check)
        for check in CHECKS:
            self._failing[check].set(1.0 if check in now else 0.0)


class Probe(Protocol):
    """Where figures come from (`segue.infra.system.SystemProbe`; tests pass fixed figures)."""

    def sample(self) -> SystemFigures: ...


class Monitor:
    """Samples the system every `every` seconds, runs the loop-lag sampler, updates gauges, runs the watchdog.

    `connected` and `errors_total` come from the composition root (the bot's gateway state and error counter),
    so this module never needs discord.
    """

    def __init__(
        self,
        probe: Probe,
        watchdog: Watchdog,
        *,
        metrics: MetricsRegistry,
        connected: Callable[[], bool],
        errors_total: Callable[[], int],
        lag: LoopLag | None = None,
        every: float = 5.0,
    ) -> None:
        self.probe = probe
        self.watchdog = watchdog
        self.lag = lag or LoopLag()
        self.gauges = SystemGauges(metrics)
        self.connected = connected
        self.errors_total = errors_total
        self.every = every
        self.figures: SystemFigures | None = None

    def tick(self) -> tuple[Alarm, ...]:
        """One sample: figures, gauges, watchdog."""
        self.figures = figures = self.probe.sample()
        self.gauges.update(figures, self.lag)
        return self.watchdog.assess(
            figures, lag_ms=self.lag.worst * 1000.0, errors_total=self.errors_total(), connected=self.connected()
        )

    def current(self) -> SystemFigures:
        """The latest figures (sampled now if none yet)."""
        if self.figures is None:
            self.tick()
        assert self.figures is not None
        return self.figures

    async def run(self) -> None:
        """Sample until cancelled; a failing sample is logged and the next one still runs."""
        sampler = asyncio.create_task(self.lag.run(), name="segue-loop-lag")
        try:
            while True:
                try:
                    self.tick()
                except Exception:  # monitoring must never take the bot down
                    log.exception("system sample failed; trying again next round")
                await asyncio.sleep(self.every)
        finally:
            sampler.cancel()

    def snapshot(self) -> dict[str, Any]:
        """Plain JSON for /status and the admin commands."""
        return {
            "system": self.current().to_json(),
            "loop_lag_ms": {"last": round(self.lag.last * 1000, 2), "max_1m": round(self.lag.worst * 1000, 2)},
            "alarms": [a.to_json() for a in self.watchdog.alarms],
        }
