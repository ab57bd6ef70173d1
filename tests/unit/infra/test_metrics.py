"""The metrics registry on prometheus-client: labelled series, snapshot dict, text exposition, shard label."""

from __future__ import annotations

import pytest
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from segue.infra.metrics import MetricsRegistry, shard_label


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
    assert registry.value("segue_latency_seconds", host="lastfm") == 3
    assert registry.value("segue_nothing_total") == 0
    snap = registry.snapshot()
    hist = snap["segue_latency_seconds"]["series"]["host=lastfm"]
    assert hist["count"] == 3
    assert hist["sum"] == pytest.approx(5.55)
    assert hist["buckets"] == {"0.1": 1, "1": 2, "+Inf": 3}
    assert snap["segue_http_requests_total"]["type"] == "counter"
    assert snap["segue_http_requests_total"]["series"]["host=lastfm,status=200"] == 3


def test_prometheus_text_exposition() -> None:
    registry = MetricsRegistry()
    registry.counter("segue_x_total", 'Things "done"', ["kind"]).labels('a"b').inc()
    registry.histogram("segue_y_seconds", "Y", buckets=(1.0,)).observe(0.5)
    text = registry.render_prometheus()
    assert "# TYPE segue_x_total counter" in text
    assert 'segue_x_total{kind="a\\"b"} 1.0' in text
    assert 'segue_y_seconds_bucket{le="1.0"} 1.0' in text
    assert 'segue_y_seconds_bucket{le="+Inf"} 1.0' in text
    assert "segue_y_seconds_count 1.0" in text
    assert "_created" not in text  # start times per series: dropped, process_start_time_seconds says it once
    assert text.endswith("\n")
    families = {f.name: f for f in text_string_to_metric_families(text)}
    assert families["segue_x"].type == "counter"  # a real Prometheus parser reads it back
    assert families["segue_y_seconds"].type == "histogram"


def test_reregistering_returns_the_same_metric_and_clashes_are_refused() -> None:
    registry = MetricsRegistry()
    first = registry.counter("segue_a_total", "A", ["host"])
    assert registry.counter("segue_a_total", "A", ["host"]) is first
    with pytest.raises(ValueError, match="already registered"):
        registry.gauge("segue_a_total", "A", ["host"])
    with pytest.raises(ValueError, match="already registered"):
        registry.counter("segue_a_total", "A", ["guild"])
    with pytest.raises(ValueError, match="ends in _total"):
        registry.counter("segue_b", "B")  # prometheus-client would expose it as segue_b_total: a silent rename
    with pytest.raises(ValueError, match="label count"):
        first.labels("x", "y")
    with pytest.raises(ValueError, match="non-negative"):
        first.labels("x").inc(-1)
    with pytest.raises(ValueError, match="labels"):
        first.set_total(3)


def test_collectors_refresh_mirrored_values_before_reading() -> None:
    registry = MetricsRegistry()
    hits = registry.counter("segue_cache_hits_total", "Hits", ["ns"])
    source = {"count": 0}
    registry.add_collector(lambda: hits.labels("queries").set_total(source["count"]))
    source["count"] = 7
    assert registry.value("segue_cache_hits_total", ns="queries") == 7
    source["count"] = 9
    assert 'segue_cache_hits_total{ns="queries"} 9.0' in registry.render_prometheus()
    source["count"] = 11
    assert registry.snapshot()["segue_cache_hits_total"]["series"]["ns=queries"] == 11


def test_each_registry_is_its_own_and_the_global_one_is_untouched() -> None:
    before = {f.name for f in REGISTRY.collect()}
    one, two = MetricsRegistry(), MetricsRegistry()
    one.counter("segue_same_total", "Same").inc()
    two.counter("segue_same_total", "Same").inc(5)  # no clash: two registries, two series
    assert one.value("segue_same_total") == 1
    assert two.value("segue_same_total") == 5
    assert {f.name for f in REGISTRY.collect()} == before


def test_a_process_registry_labels_every_sample_with_its_shards() -> None:
    metrics = MetricsRegistry.for_process([2, 3])
    metrics.gauge("segue_bot_inflight", "In flight").set(1)
    families = {f.name: f for f in text_string_to_metric_families(metrics.render_prometheus())}
    assert families["segue_bot_inflight"].samples[0].labels == {"shard": "2,3"}
    assert families["process_resident_memory_bytes"].samples[0].labels == {"shard": "2,3"}
    assert families["process_resident_memory_bytes"].samples[0].value > 0
    assert metrics.value("segue_bot_inflight") == 1  # reading in process needs no shard label
    assert shard_label(None) == "all"
    assert shard_label([0]) == "0"
