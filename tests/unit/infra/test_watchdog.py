"""The watchdog's thresholds, its once-per-episode warnings and counts, and which alarms are hard."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from segue.infra.metrics import MetricsRegistry
from segue.infra.system import LoopLag, SystemFigures
from segue.infra.watchdog import Monitor, Thresholds, Watchdog

FINE = SystemFigures(
    cpu_percent=3.0,
    rss_mb=300.0,
    open_fds=40,
    threads=8,
    load_1m=0.5,
    memory_percent=40.0,
    memory_available_mb=8000.0,
    disk_free_mb=50_000.0,
    disk_free_percent=60.0,
)
LIMITS = Thresholds(
    rss_mb=1000, disk_free_mb=500, disk_free_percent=2, loop_lag_ms=200, errors_per_minute=10, gateway_down_s=60
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make() -> tuple[Watchdog, Clock, MetricsRegistry]:
    clock, metrics = Clock(), MetricsRegistry()
    return Watchdog(LIMITS, metrics=metrics, clock=clock), clock, metrics


def test_all_within_thresholds_raises_nothing() -> None:
    dog, clock, _ = make()
    assert dog.assess(FINE, lag_ms=5, errors_total=0, connected=True) == ()
    clock.now += 60
    assert dog.assess(FINE, lag_ms=5, errors_total=3, connected=True) == ()


def test_soft_alarms_warn_once_per_episode_and_count(caplog: pytest.LogCaptureFixture) -> None:
    dog, clock, metrics = make()
    heavy = replace(FINE, rss_mb=1500.0)
    with caplog.at_level(logging.WARNING, logger="segue.infra.watchdog"):
        for _ in range(3):
            clock.now += 5
            alarms = dog.assess(heavy, lag_ms=450, errors_total=0, connected=True)
    assert {a.check for a in alarms} == {"memory", "loop_lag"}
    assert not dog.hard  # slow or big: warn, but keep the process in rotation
    assert metrics.value("segue_watchdog_warnings_total", check="memory") == 1
    assert metrics.value("segue_watchdog_warnings_total", check="loop_lag") == 1
    assert metrics.value("segue_watchdog_failing", check="memory") == 1
    assert len([r for r in caplog.records if "resident memory" in r.getMessage()]) == 1
    clock.now += 5
    assert dog.assess(FINE, lag_ms=5, errors_total=0, connected=True) == ()
    assert metrics.value("segue_watchdog_failing", check="memory") == 0
    clock.now += 5
    dog.assess(heavy, lag_ms=5, errors_total=0, connected=True)
    assert metrics.value("segue_watchdog_warnings_total", check="memory") == 2  # a new episode counts again


def test_error_rate_is_errors_per_minute_between_checks() -> None:
    dog, clock, _ = make()
    dog.assess(FINE, lag_ms=0, errors_total=100, connected=True)  # the first check only sets the baseline
    clock.now += 30
    assert dog.assess(FINE, lag_ms=0, errors_total=104, connected=True) == ()  # 8/min: under 10
    clock.now += 30
    (alarm,) = dog.assess(FINE, lag_ms=0, errors_total=110, connected=True)  # 12/min
    assert alarm.check == "errors"
    assert "12.0 errors/min" in alarm.detail


def test_disk_nearly_full_is_hard_by_megabytes_or_percent() -> None:
    dog, _, _ = make()
    low_mb = replace(FINE, disk_free_mb=300.0)
    (alarm,) = dog.assess(low_mb, lag_ms=0, errors_total=0, connected=True)
    assert alarm.check == "disk"
    assert alarm.hard
    low_pct = replace(FINE, disk_free_percent=1.5)
    assert [a.check for a in dog.assess(low_pct, lag_ms=0, errors_total=0, connected=True)] == ["disk"]


def test_no_gateway_for_too_long_is_hard_and_clears_on_reconnect() -> None:
    dog, clock, _ = make()
    assert dog.assess(FINE, lag_ms=0, errors_total=0, connected=True) == ()
    dog.assess(FINE, lag_ms=0, errors_total=0, connected=False)
    clock.now += 59
    assert dog.assess(FINE, lag_ms=0, errors_total=0, connected=False) == ()
    clock.now += 1
    (alarm,) = dog.assess(FINE, lag_ms=0, errors_total=0, connected=False)
    assert (alarm.check, alarm.hard) == ("gateway", True)
    assert dog.hard == (alarm,)
    assert dog.assess(FINE, lag_ms=0, errors_total=0, connected=True) == ()
    assert dog.hard == ()


def test_never_connected_since_start_counts_from_start() -> None:
    dog, clock, _ = make()
    clock.now += 61
    assert [a.check for a in dog.assess(FINE, lag_ms=0, errors_total=0, connected=False)] == ["gateway"]


class FixedProbe:
    def __init__(self, figures: SystemFigures) -> None:
        self.figures = figures

    def sample(self) -> SystemFigures:
        return self.figures


def test_monitor_tick_samples_updates_gauges_and_judges() -> None:
    metrics = MetricsRegistry()
    lag = LoopLag()
    lag.record(0.3)
    dog, _, _ = make()
    full = replace(FINE, disk_free_mb=10.0)
    monitor = Monitor(
        FixedProbe(full),
        dog,
        metrics=metrics,
        connected=lambda: True,
        errors_total=lambda: 0,
        lag=lag,
    )
    alarms = monitor.tick()
    assert {a.check for a in alarms} == {"disk", "loop_lag"}
    snapshot = monitor.snapshot()
    assert snapshot["system"]["disk_free_mb"] == 10.0
    assert snapshot["loop_lag_ms"]["max_1m"] == 300.0
    assert {a["check"] for a in snapshot["alarms"]} == {"disk", "loop_lag"}
    assert metrics.value("segue_disk_free_bytes") == 10.0 * 1024 * 1024
