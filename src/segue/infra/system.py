"""Figures about this process and its machine (psutil), and the event loop's scheduling delay.

An operator needs these to tell "Segue is slow" from "the machine is full": CPU and memory of the process, open
file descriptors and threads, the machine's load and memory, free disk where the data directory lives, and how
late the event loop wakes up (every interaction waits that long before any of our code runs).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

from segue.infra.metrics import MetricsRegistry

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SystemFigures:
    """One sample; `cpu_percent` is the process's share of one core since the previous sample."""

    cpu_percent: float
    rss_mb: float
    open_fds: int
    threads: int
    load_1m: float
    memory_percent: float
    """Machine memory in use."""
    memory_available_mb: float
    disk_free_mb: float
    disk_free_percent: float
    """Of the file system that holds the data directory."""

    def to_json(self) -> dict[str, float | int]:
        return {k: round(v, 2) if isinstance(v, float) else v for k, v in asdict(self).items()}


class SystemProbe:
    """Samples `SystemFigures` for one process and one directory's file system."""

    def __init__(
        self,
        data_dir: Path,
        *,
        process: psutil.Process | None = None,
        clock: Callable[[], float] = time.monotonic,
        min_span: float = 1.0,
    ) -> None:
        self.data_dir = data_dir
        self.process = process or psutil.Process(os.getpid())
        self._clock = clock
        self.min_span = min_span
        """CPU time is counted in clock ticks (10 ms): over a shorter span the share would be mostly rounding."""
        self._cpu_mark = (clock(), self._busy())
        self._cpu = 0.0

    def _busy(self) -> float:
        times = self.process.cpu_times()
        return float(times.user + times.system)

    def _cpu_percent(self) -> float:
        """Share of one core since the previous reading at least `min_span` ago (else that reading's share)."""
        now, busy = self._clock(), self._busy()
        then, busy_then = self._cpu_mark
        if now - then >= self.min_span:
            self._cpu = max(0.0, busy - busy_then) / (now - then) * 100.0
            self._cpu_mark = (now, busy)
        return self._cpu

    def _disk(self) -> tuple[float, float]:
        path = self.data_dir
        while not path.exists() and path != path.parent:  # a data directory not made yet: its nearest parent
            path = path.parent
        usage = psutil.disk_usage(str(path))
        return usage.free / MB, 100.0 - usage.percent

    def sample(self) -> SystemFigures:
        with self.process.oneshot():
            cpu = self._cpu_percent()
            rss = self.process.memory_info().rss / MB
            fds = self.process.num_fds() if hasattr(self.process, "num_fds") else 0
            threads = self.process.num_threads()
        memory = psutil.virtual_memory()
        free_mb, free_pct = self._disk()
        return SystemFigures(
            cpu_percent=cpu,
            rss_mb=rss,
            open_fds=fds,
            threads=threads,
            load_1m=os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0,
            memory_percent=memory.percent,
            memory_available_mb=memory.available / MB,
            disk_free_mb=free_mb,
            disk_free_percent=free_pct,
        )


class LoopLag:
    """How late the event loop runs a task that asked to wake up: a sleep of `interval` that takes longer by X
    means every callback waiting then waited about X too (a blocking call, a long CPU burst, GC).

    Clock and sleep are injected so tests feed exact delays; `record` is the one place a measurement lands.
    """

    def __init__(
        self,
        *,
        interval: float = 0.5,
        window: int = 120,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._recent: deque[float] = deque(maxlen=window)
        self.last = 0.0
        self.samples = 0

    def record(self, lag: float) -> None:
        """One measured delay in seconds (negative clock jitter counts as none)."""
        self.last = max(0.0, lag)
        self._recent.append(self.last)
        self.samples += 1

    @property
    def worst(self) -> float:
        """The largest delay in the window (about the last minute at the default interval)."""
        return max(self._recent, default=0.0)

    async def measure_once(self) -> float:
        started = self._clock()
        await self._sleep(self.interval)
        self.record(self._clock() - started - self.interval)
        return self.last

    async def run(self) -> None:
        """Measure until cancelled."""
        while True:
            await self.measure_once()


class SystemGauges:
    """The figures as metrics, set from each sample (not at scrape time: a scrape must stay cheap)."""

    def __init__(self, metrics: MetricsRegistry) -> None:
        self.cpu = metrics.gauge("segue_process_cpu_percent", "Process CPU, percent of one core, over the last sample")
        self.rss = metrics.gauge("segue_process_resident_memory_bytes", "Process resident memory")
        self.fds = metrics.gauge("segue_process_open_fds", "Open file descriptors of the process")
        self.threads = metrics.gauge("segue_process_threads", "Threads of the process")
        self.load = metrics.gauge("segue_system_load1", "Machine load average over one minute")
        self.memory = metrics.gauge("segue_system_memory_used_percent", "Machine memory in use, percent")
        self.disk = metrics.gauge("segue_disk_free_bytes", "Free disk of the data directory's file system")
        self.disk_pct = metrics.gauge("segue_disk_free_percent", "Free disk of the data directory, percent")
        self.lag = metrics.gauge("segue_event_loop_lag_seconds", "Latest event-loop scheduling delay")
        self.lag_worst = metrics.gauge("segue_event_loop_lag_max_seconds", "Worst event-loop delay in the last minute")

    def update(self, figures: SystemFigures, lag: LoopLag) -> None:
        self.cpu.set(figures.cpu_percent)
        self.rss.set(figures.rss_mb * MB)
        self.fds.set(figures.open_fds)
        self.threads.set(figures.threads)
        self.load.set(figures.load_1m)
        self.memory.set(figures.memory_percent)
        self.disk.set(figures.disk_free_mb * MB)
        self.disk_pct.set(figures.disk_free_percent)
        self.lag.set(lag.last)
        self.lag_worst.set(lag.worst)
