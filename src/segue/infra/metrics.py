"""Metrics of one process on `prometheus-client`: counters, gauges and histograms with labels, one registry each.

Each `MetricsRegistry` owns its own `CollectorRegistry`, built by the composition root and passed to whatever
records; the library's global default registry is never used (our rule: no module-level singletons, and tests
build as many registries as they like). The face is the one the hand-written registry had, so call sites did not
change: `counter`/`gauge`/`histogram` get or create (re-registering the same name, type and labels returns the
same metric, so two clients sharing a registry add up), `add_collector` refreshes values mirrored from elsewhere
before every scrape, `value` and `snapshot` read without parsing text.

The metrics returned are prometheus-client's own (bound children are plain `.inc()` / `.set()` / `.observe()`
calls), plus `Counter.set_total` for counts kept elsewhere and mirrored at scrape time.

Names are unchanged. What the exposition changed with the move (format 0.0.4 still): values print as floats
(`1.0`, `le="1.0"`), and a registry built with `const_labels` (the bot process: `shard`) adds them to every
sample it exposes, the library's own process and platform metrics included.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

import prometheus_client
from prometheus_client import CollectorRegistry, PlatformCollector, ProcessCollector, generate_latest
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector

DEFAULT_BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
"""Latency buckets in seconds, from a fast cache answer to a live source near its deadline."""


class Counter(prometheus_client.Counter):
    """prometheus-client's counter, plus `set_total` for a monotonic count kept elsewhere."""

    def set_total(self, total: float) -> None:
        """Mirror a count another object keeps (cache hits, leases taken); only collectors call this, at scrape."""
        if self._labelnames and not self._labelvalues:
            raise ValueError(f"{self._name}: set_total on a labelled counter needs .labels(...) first")
        self._value.set(float(total))


Gauge = prometheus_client.Gauge
Histogram = prometheus_client.Histogram
CounterChild = Counter
"""A bound series is the same class in prometheus-client; the names say which a caller holds."""
GaugeChild = Gauge
AnyMetric = Counter | Gauge | Histogram
M = TypeVar("M", Counter, Gauge, Histogram)


def shard_label(shard_ids: Sequence[int] | None) -> str:
    """The `shard` label of a process: its shard ids joined by commas, or `all` when it runs every shard."""
    return "all" if not shard_ids else ",".join(str(i) for i in shard_ids)


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if value == int(value) else repr(value)


def _series_key(labels: Mapping[str, str]) -> str:
    return ",".join(f"{k}={v}" for k, v in labels.items() if k != "le")


class _Refresh(Collector):
    """Registered first, so every collection (a scrape, `value`) runs the mirroring hooks before reading."""

    def __init__(self, hooks: list[Callable[[], None]]) -> None:
        self._hooks = hooks

    def describe(self) -> Iterable[Metric]:
        return ()

    def collect(self) -> Iterable[Metric]:
        for hook in self._hooks:
            hook()
        return ()


class _Exposed(Collector):
    """The registry as `/metrics` shows it: constant labels (the shard) on every sample, no `_created` samples.

    `_created` (the library's default) would double the series of every counter and histogram for a start time
    `process_start_time_seconds` already gives; dropping it here, rather than by the library's process-wide
    switch, keeps one registry's choice from changing another's.
    """

    def __init__(self, inner: CollectorRegistry, labels: Mapping[str, str]) -> None:
        self._inner = inner
        self._labels = dict(labels)

    def collect(self) -> Iterable[Metric]:
        for family in self._inner.collect():
            family.samples = [
                s._replace(labels={**self._labels, **s.labels})
                for s in family.samples
                if not s.name.endswith("_created")
            ]
            yield family


class MetricsRegistry:
    """All metrics of one process; built by the composition root and passed to whatever records."""

    def __init__(self, *, const_labels: Mapping[str, str] | None = None) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        """The prometheus-client registry behind this one (add collectors of your own to it)."""
        self._metrics: dict[str, AnyMetric] = {}
        self._collectors: list[Callable[[], None]] = []
        self.registry.register(_Refresh(self._collectors))
        self.exposed: Collector = _Exposed(self.registry, const_labels or {})
        """What `/metrics` serves: the registry's samples, with the constant labels."""

    @classmethod
    def for_process(cls, shard_ids: Sequence[int] | None) -> MetricsRegistry:
        """A long-running process's registry: `shard` label, and the process's own CPU, memory, fds and start time."""
        metrics = cls(const_labels={"shard": shard_label(shard_ids)})
        ProcessCollector(registry=metrics.registry)
        PlatformCollector(registry=metrics.registry)
        return metrics

    def _register(self, name: str, kind: type[M], labelnames: Sequence[str], make: Callable[[], M]) -> M:
        existing = self._metrics.get(name)
        if existing is None:
            metric = make()
            self._metrics[name] = metric
            return metric
        if type(existing) is not kind or tuple(existing._labelnames) != tuple(labelnames):
            raise ValueError(f"metric {name!r} already registered with another type or labels")
        return existing

    def counter(self, name: str, help_text: str, labelnames: Sequence[str] = ()) -> Counter:
        """Get or create a counter; its name ends in `_total` (prometheus-client would otherwise add it: a rename)."""
        if not name.endswith("_total"):
            raise ValueError(f"counter {name!r}: a counter's name ends in _total")
        return self._register(
            name, Counter, labelnames, lambda: Counter(name, help_text, labelnames, registry=self.registry)
        )

    def gauge(self, name: str, help_text: str, labelnames: Sequence[str] = ()) -> Gauge:
        """Get or create a gauge."""
        return self._register(
            name, Gauge, labelnames, lambda: Gauge(name, help_text, labelnames, registry=self.registry)
        )

    def histogram(
        self, name: str, help_text: str, labelnames: Sequence[str] = (), buckets: Sequence[float] = DEFAULT_BUCKETS
    ) -> Histogram:
        """Get or create a histogram."""
        return self._register(
            name,
            Histogram,
            labelnames,
            lambda: Histogram(name, help_text, labelnames, registry=self.registry, buckets=tuple(buckets)),
        )

    def add_collector(self, collect: Callable[[], None]) -> None:
        """Run `collect` before every snapshot or scrape (to mirror stats kept elsewhere into metrics)."""
        self._collectors.append(collect)

    def value(self, name: str, **labels: str) -> float:
        """Current value of one counter or gauge series (0 if never touched); histograms give their count."""
        metric = self._metrics.get(name)
        if metric is None:
            return 0.0
        wanted = {n: labels.get(n, "") for n in metric._labelnames}
        sample = f"{name}_count" if isinstance(metric, Histogram) else name
        found = self.registry.get_sample_value(sample, wanted)
        return 0.0 if found is None else float(found)

    def snapshot(self) -> dict[str, Any]:
        """Plain-dict view: {name: {"type", "help", "series": {label text: value or histogram dict}}}."""
        for collect in self._collectors:
            collect()
        out: dict[str, Any] = {}
        for name, metric in sorted(self._metrics.items()):
            for family in metric.collect():
                out[name] = {"type": family.type, "help": family.documentation, "series": _series(name, family)}
        return out

    def render_prometheus(self) -> str:
        """The Prometheus text exposition (format 0.0.4) of `exposed`: what `/metrics` serves."""
        return generate_latest(self.exposed).decode()


def _series(name: str, family: Metric) -> dict[str, Any]:
    """A family's samples by label text: a float per counter or gauge series, a dict per histogram series."""
    if family.type != "histogram":
        return {_series_key(s.labels): s.value for s in family.samples if s.name == name}
    series: dict[str, Any] = {}
    for s in family.samples:
        entry = series.setdefault(_series_key(s.labels), {"count": 0, "sum": 0.0, "buckets": {}})
        if s.name.endswith("_bucket"):
            entry["buckets"][_number(float(s.labels["le"]))] = int(s.value)
        elif s.name.endswith("_count"):
            entry["count"] = int(s.value)
        elif s.name.endswith("_sum"):
            entry["sum"] = s.value
    return series
