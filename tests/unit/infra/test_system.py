"""System figures (psutil) and the event-loop lag sampler, with an injected clock and sleep: no timed assertions."""

from __future__ import annotations

from pathlib import Path

from segue.infra.metrics import MetricsRegistry
from segue.infra.system import LoopLag, SystemGauges, SystemProbe


class SteppedLoop:
    """A clock and a sleep that wakes `late[i]` seconds after the i-th sleep should have ended."""

    def __init__(self, late: list[float]) -> None:
        self.now = 100.0
        self.late = list(late)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds + self.late.pop(0)


async def test_loop_lag_records_how_late_each_sleep_woke() -> None:
    loop = SteppedLoop([0.0, 0.120, 0.003, -0.001])
    lag = LoopLag(interval=0.5, window=2, clock=loop.clock, sleep=loop.sleep)
    assert await lag.measure_once() == 0.0
    assert abs(await lag.measure_once() - 0.120) < 1e-9
    assert lag.worst == lag.last
    await lag.measure_once()
    assert abs(lag.last - 0.003) < 1e-9
    assert abs(lag.worst - 0.120) < 1e-9  # the worst in the window stays visible after a good sample
    await lag.measure_once()
    assert lag.last == 0.0  # clock jitter never reads as negative lag
    assert lag.samples == 4
    assert abs(lag.worst - 0.003) < 1e-9  # the window (2 samples) has let the 120 ms go


def test_probe_reads_this_process_and_the_data_directory(tmp_path: Path) -> None:
    probe = SystemProbe(tmp_path / "not-made-yet")  # a data directory not created yet: its parent's disk
    figures = probe.sample()
    assert figures.rss_mb > 10
    assert figures.threads >= 1
    assert figures.open_fds >= 3
    assert 0 <= figures.memory_percent <= 100
    assert figures.disk_free_mb > 0
    assert 0 <= figures.disk_free_percent <= 100
    assert set(figures.to_json()) >= {"cpu_percent", "rss_mb", "disk_free_mb", "load_1m"}


def test_gauges_carry_each_sample(tmp_path: Path) -> None:
    metrics = MetricsRegistry()
    gauges = SystemGauges(metrics)
    lag = LoopLag()
    lag.record(0.25)
    figures = SystemProbe(tmp_path).sample()
    gauges.update(figures, lag)
    assert metrics.value("segue_process_resident_memory_bytes") == figures.rss_mb * 1024 * 1024
    assert metrics.value("segue_event_loop_lag_seconds") == 0.25
    assert metrics.value("segue_event_loop_lag_max_seconds") == 0.25
    assert metrics.value("segue_disk_free_percent") == figures.disk_free_percent


def test_cpu_share_is_measured_over_a_span_long_enough_for_clock_ticks(tmp_path: Path) -> None:
    class Times:
        def __init__(self) -> None:
            self.user, self.system = 10.0, 2.0

    class Process:
        """Only what the CPU reading uses; the rest of `sample` is not called here."""

        def __init__(self) -> None:
            self.times = Times()

        def cpu_times(self) -> Times:
            return self.times

    now = [0.0]
    proc = Process()
    probe = SystemProbe(tmp_path, process=proc, clock=lambda: now[0], min_span=1.0)  # type: ignore[arg-type]
    now[0], proc.times.user = 0.01, 10.01  # 10 ms of CPU in 10 ms: one clock tick, not a measurement
    assert probe._cpu_percent() == 0.0
    now[0], proc.times.user = 2.0, 10.5  # 0.5 s of CPU over 2 s
    assert probe._cpu_percent() == 25.0
    now[0], proc.times.system = 2.5, 2.5  # too soon: the last share stands
    assert probe._cpu_percent() == 25.0
    now[0] = 4.0  # 0.5 s more over 2 s
    assert probe._cpu_percent() == 25.0
