"""The in-process metrics registry: labelled series, snapshot dict, Prometheus text exposition."""

from __future__ import annotations

import pytest

from segue.infra.metrics import MetricsRegistry


def test_counters_gauges_and_histograms_by_label() -> None:
    registry = MetricsRegistry()
    requests = registry.counter("segue_http_requests_total", "Attempts", ["host", "status"])
    requests.labels("lastfm", "200").inc()
    requests.labels(host="lastfm", status="200").inc(2)
    requests.labels("deezer", "503").inc()
    registry.gauge("segue_breaker_state", "State", ["host"]).labels("deezer").set(2)
    latency = registry.histogram("segue_latency_seconds", "Latency", ["host"], buckets=(0.1, 1.0))
    for value in (0.05, 0.5, 5.0):
        latency.labels("lastfm").observe(value)

    assert registry.value("segue_http_requests_total", host="lastfm", status="200") == 3
    assert registry.value("segue_http_requests_total", host="deezer", status="503") == 1
    assert registry.value("segue_breaker_state", host="deezer") == 2
    snap = registry.snapshot()
    hist = snap["segue_latency_seconds"]["series"]["host=lastfm"]
    assert hist["count"] == 3
    assert hist["sum"] == pytest.approx(5.55)
    assert hist["buckets"] == {"0.1": 1, "1": 2, "+Inf": 3}
    assert snap["segue_http_requests_total"]["type"] == "counter"


def test_prometheus_text_exposition() -> None:
    registry = MetricsRegistry()
    registry.counter("segue_x_total", 'Things "done"', ["kind"]).labels('a"b').inc()
    registry.histogram("segue_y_seconds", "Y", buckets=(1.0,)).observe(0.5)
    text = registry.render_prometheus()
    assert "# TYPE segue_x_total counter" in text
    assert 'segue_x_total{kind="a\\"b"} 1' in text
    assert 'segue_y_seconds_bucket{le="1"} 1' in text
    assert 'segue_y_seconds_bucket{le="+Inf"} 1' in text
    assert "segue_y_seconds_count 1" in text
    assert text.endswith("\n")


def test_reregistering_returns_the_same_metric_and_clashes_are_refused() -> None:
    registry = MetricsRegistry()
    first = registry.counter("segue_a_total", "A", ["host"])
    assert registry.counter("segue_a_total", "A", ["host"]) is first
    with pytest.raises(ValueError, match="already registered"):
        registry.gauge("segue_a_total", "A", ["host"])
    with pytest.raises(ValueError, match="expected labels"):
        first.labels("x", "y")
    with pytest.raises(ValueError, match="only go up"):
        first.labels("x").inc(-1)


def test_collectors_refresh_mirrored_values_before_reading() -> None:
    registry = MetricsRegistry()
    hits = registry.counter("segue_cache_hits_total", "Hits", ["ns"])
    source = {"count": 0}
    registry.add_collector(lambda: hits.labels("queries").set_total(source["count"]))
    source["count"] = 7
    assert registry.value("segue_cache_hits_total", ns="queries") == 7
    source["count"] = 9
    assert 'segue_cache_hits_total{ns="queries"} 9' in registry.render_prometheus()
