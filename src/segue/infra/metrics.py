"""A tiny in-process metrics registry: counters, gauges and histograms with labels.

Why not prometheus_client: it is not a dependency yet, its default REGISTRY is a module-level singleton (our rule
is that the composition root builds and passes everything), and we want a plain-dict `snapshot()` for health
output and tests. What we need of it fits in this file: label children cached by value tuple (an `inc` on a bound
child is a dict-free float add), Prometheus text exposition (format 0.0.4), and collectors that refresh
values mirrored from elsewhere (cache stats) just before a snapshot or scrape.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

DEFAULT_BUCKETS: tuple[float, ...] = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
"""Latency buckets in seconds, from a fast cache answer to a live source near its deadline."""

Labels = tuple[str, ...]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _label_text(names: Sequence[str], values: Sequence[str], extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values, strict=True)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}" if parts else ""


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class CounterChild:
    """One labelled series of a counter."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0.0

    def inc(self, amount: float = 1.0) -> None:
        """Add a non-negative amount."""
        if amount < 0:
            raise ValueError("counters only go up")
        self.value += amount

    def set_total(self, total: float) -> None:
        """Mirror a monotonic count kept elsewhere (used by collectors at scrape time)."""
        self.value = float(total)


class GaugeChild:
    """One labelled series of a gauge."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = 0.0

    def set(self, value: float) -> None:
        """Set the current value."""
        self.value = float(value)

    def inc(self, amount: float = 1.0) -> None:
        """Add (or, with a negative amount, subtract)."""
        self.value += amount


class HistogramChild:
    """One labelled series of a histogram: per-bucket counts, sum and count."""

    __slots__ = ("bounds", "count", "counts", "sum")

    def __init__(self, bounds: tuple[float, ...]) -> None:
        self.bounds = bounds
        self.counts = [0] * (len(bounds) + 1)
        self.sum = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        """Record one observation."""
        self.counts[bisect_left(self.bounds, value)] += 1
        self.sum += value
        self.count += 1

    def cumulative(self) -> list[tuple[float, int]]:
        """(upper bound, observations <= bound) pairs, ending with +Inf."""
        out: list[tuple[float, int]] = []
        running = 0
        for bound, n in zip((*self.bounds, math.inf), self.counts, strict=True):
            running += n
            out.append((bound, running))
        return out


C = TypeVar("C")
M = TypeVar("M", "Counter", "Gauge", "Histogram")


class _Metric(Generic[C]):
    kind = ""

    def __init__(self, name: str, help_text: str, labelnames: Labels, factory: Callable[[], C]) -> None:
        self.name = name
        self.help = help_text
        self.labelnames = labelnames
        self._factory = factory
        self._children: dict[Labels, C] = {}

    def labels(self, *values: str, **named: str) -> C:
        """The child for these label values (positional in declaration order, or by name)."""
        if named:
            if values:
                raise ValueError("pass label values positionally or by name, not both")
            try:
                values = tuple(named[n] for n in self.labelnames)
            except KeyError as exc:
                raise ValueError(f"{self.name}: missing label {exc.args[0]!r}") from None
            if len(named) != len(self.labelnames):
                raise ValueError(f"{self.name}: unexpected labels {sorted(set(named) - set(self.labelnames))}")
        elif len(values) != len(self.labelnames):
            raise ValueError(f"{self.name}: expected labels {self.labelnames}, got {values}")
        child = self._children.get(values)
        if child is None:
            child = self._children[values] = self._factory()
        return child

    def children(self) -> list[tuple[Labels, C]]:
        """Every labelled series, sorted by label values for stable output."""
        return sorted(self._children.items())


class Counter(_Metric[CounterChild]):
    """A monotonically increasing count."""

    kind = "counter"

    def __init__(self, name: str, help_text: str, labelnames: Labels = ()) -> None:
        super().__init__(name, help_text, labelnames, CounterChild)

    def inc(self, amount: float = 1.0) -> None:
        """Increment the unlabelled series."""
        self.labels().inc(amount)


class Gauge(_Metric[GaugeChild]):
    """A value that goes up and down."""

    kind = "gauge"

    def __init__(self, name: str, help_text: str, labelnames: Labels = ()) -> None:
        super().__init__(name, help_text, labelnames, GaugeChild)

    def set(self, value: float) -> None:
        """Set the unlabelled series."""
        self.labels().set(value)


class Histogram(_Metric[HistogramChild]):
    """A distribution over fixed buckets."""

    kind = "histogram"

    def __init__(
        self, name: str, help_text: str, labelnames: Labels = (), buckets: Sequence[float] = DEFAULT_BUCKETS
    ) -> None:
        bounds = tuple(sorted(float(b) for b in buckets if not math.isinf(b)))
        super().__init__(name, help_text, labelnames, lambda: HistogramChild(bounds))
        self.bounds = bounds

    def observe(self, value: float) -> None:
        """Observe into the unlabelled series."""
        self.labels().observe(value)


AnyMetric = Counter | Gauge | Histogram


class MetricsRegistry:
    """All metrics of one process; built by the composition root and passed to whatever records."""

    def __init__(self) -> None:
        self._metrics: dict[str, AnyMetric] = {}
        self._collectors: list[Callable[[], None]] = []

    def _register(self, metric: M) -> M:
        existing = self._metrics.get(metric.name)
        if existing is None:
            self._metrics[metric.name] = metric
            return metric
        # Re-registration returns the same series, so two clients sharing a registry add up rather than clash.
        if type(existing) is not type(metric) or existing.labelnames != metric.labelnames:
            raise ValueError(f"metric {metric.name!r} already registered with another type or labels")
        return existing

    def counter(self, name: str, help_text: str, labelnames: Sequence[str] = ()) -> Counter:
        """Get or create a counter."""
        return self._register(Counter(name, help_text, tuple(labelnames)))

    def gauge(self, name: str, help_text: str, labelnames: Sequence[str] = ()) -> Gauge:
        """Get or create a gauge."""
        return self._register(Gauge(name, help_text, tuple(labelnames)))

    def histogram(
        self, name: str, help_text: str, labelnames: Sequence[str] = (), buckets: Sequence[float] = DEFAULT_BUCKETS
    ) -> Histogram:
        """Get or create a histogram."""
        return self._register(Histogram(name, help_text, tuple(labelnames), buckets))

    def add_collector(self, collect: Callable[[], None]) -> None:
        """Run `collect` before every snapshot or scrape (to mirror stats kept elsewhere into metrics)."""
        self._collectors.append(collect)

    def _collect(self) -> None:
        for collect in self._collectors:
            collect()

    def value(self, name: str, **labels: str) -> float:
        """Current value of one counter or gauge series (0 if never touched); histograms give their count."""
        self._collect()
        metric = self._metrics.get(name)
        if metric is None:
            return 0.0
        key = tuple(labels.get(n, "") for n in metric.labelnames)
        if isinstance(metric, Histogram):
            hist = dict(metric.children()).get(key)
            return float(hist.count) if hist is not None else 0.0
        if isinstance(metric, Counter):
            counted = dict(metric.children()).get(key)
            return counted.value if counted is not None else 0.0
        gauged = dict(metric.children()).get(key)
        return gauged.value if gauged is not None else 0.0

    def snapshot(self) -> dict[str, Any]:
        """Plain-dict view: {name: {"type", "help", "series": {label text: value or histogram dict}}}."""
        self._collect()
        out: dict[str, Any] = {}
        for name, metric in sorted(self._metrics.items()):
            series: dict[str, Any] = {}
            for values, child in metric.children():
                key = ",".join(f"{n}={v}" for n, v in zip(metric.labelnames, values, strict=True))
                if isinstance(child, HistogramChild):
                    series[key] = {
                        "count": child.count,
                        "sum": child.sum,
                        "buckets": {_number(b): c for b, c in child.cumulative()},
                    }
                else:
                    series[key] = child.value
            out[name] = {"type": metric.kind, "help": metric.help, "series": series}
        return out

    def render_prometheus(self) -> str:
        """The Prometheus text exposition format, ready to serve at /metrics."""
        self._collect()
        lines: list[str] = []
        for name, metric in sorted(self._metrics.items()):
            lines.append(f"# HELP {name} {metric.help.replace(chr(92), chr(92) * 2).replace(chr(10), ' ')}")
            lines.append(f"# TYPE {name} {metric.kind}")
            for values, child in metric.children():
                if isinstance(child, HistogramChild):
                    for bound, count in child.cumulative():
                        le = _label_text(metric.labelnames, values, f'le="{_number(bound)}"')
                        lines.append(f"{name}_bucket{le} {count}")
                    labels = _label_text(metric.labelnames, values)
                    lines.append(f"{name}_sum{labels} {_number(child.sum)}")
                    lines.append(f"{name}_count{labels} {child.count}")
                else:
                    lines.append(f"{name}{_label_text(metric.labelnames, values)} {_number(child.value)}")
        return "\n".join(lines) + "\n"
