"""Metrics: the hand-written registry Segue had before issue 12 against prometheus-client, measured in one run.

What a request pays for metrics: a bound child's `inc`, a `labels(...)` look-up then `inc`, a histogram `observe`,
and a live-source answer's worth of them; plus what one scrape of a registry with a few hundred series costs. The
old registry is read from the repository's history (`git show OLD:src/segue/infra/metrics.py`), so both run in this
process on the same machine at the same moment; without the history only the new figures are printed.
"""

from __future__ import annotations

import subprocess
import sys
import timeit
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from segue.infra import metrics as new_metrics

OLD = "6ddb459"
"""The last commit with the hand-written registry."""
REPEATS = 7
SCRAPE_SERIES = (("host", 8), ("status", 6))
"""A scrape of 8 hosts x 6 statuses x (counter + histogram of 12 buckets) plus gauges: ~700 sample lines."""


def old_module() -> types.ModuleType | None:
    """The hand-written registry module as it was at OLD (None when git or the history is not there)."""
    root = Path(__file__).resolve().parents[1]
    try:
        source = subprocess.run(
            ["git", "show", f"{OLD}:src/segue/infra/metrics.py"], cwd=root, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("segue_metrics_handwritten")
    sys.modules[module.__name__] = module
    exec(compile(source, "handwritten_metrics.py", "exec"), module.__dict__)  # our own file, as it was at OLD
    return module


def per_op_ns(action: Callable[[], Any], number: int = 100_000) -> float:
    """Best of REPEATS: nanoseconds per call."""
    return min(timeit.repeat(action, number=number, repeat=REPEATS)) / number * 1e9


def hot_path(registry: Any) -> dict[str, float]:
    """ns per operation for the calls a request makes."""
    requests = registry.counter("segue_http_requests_total", "Attempts", ["host", "status"])
    outcomes = registry.counter("segue_source_outcomes_total", "Outcomes", ["source", "outcome"])
    degraded = registry.counter("segue_answers_degraded_total", "Degraded")
    latency = registry.histogram("segue_http_request_seconds", "Latency", ["host"])
    bound = requests.labels("lastfm", "200")
    bound_latency = latency.labels("lastfm")

    def one_answer() -> None:  # one live-source attempt and its answer's bookkeeping, as http.py and hub.py do
        requests.labels("lastfm", "200").inc()
        bound_latency.observe(0.042)
        outcomes.labels("lastfm", "ok").inc()
        degraded.inc()

    return {
        "bound counter `inc()`": per_op_ns(bound.inc),
        "`labels(host, status).inc()`": per_op_ns(lambda: requests.labels("lastfm", "200").inc()),
        "bound histogram `observe()`": per_op_ns(lambda: bound_latency.observe(0.042)),
        "one live-source answer (4 calls)": per_op_ns(one_answer),
    }


def scrape_ms(registry: Any, render: Callable[[], Any]) -> float:
    """Milliseconds for one scrape of a populated registry."""
    requests = registry.counter("segue_http_requests_total", "Attempts", ["host", "status"])
    latency = registry.histogram("segue_http_request_seconds", "Latency", ["host"])
    state = registry.gauge("segue_http_breaker_state", "Breaker", ["host"])
    (_, hosts), (_, statuses) = SCRAPE_SERIES
    for h in range(hosts):
        state.labels(f"host{h}").set(0)
        for s in range(statuses):
            requests.labels(f"host{h}", str(200 + s)).inc()
            latency.labels(f"host{h}").observe(0.01 * s)
    return per_op_ns(render, number=200) / 1e6


def run() -> str:
    old = old_module()
    new_reg = new_metrics.MetricsRegistry.for_process([0])
    rows = {"new": hot_path(new_reg)}
    scrape_new = new_metrics.MetricsRegistry(const_labels={"shard": "0"})
    scrapes = {"new": scrape_ms(scrape_new, scrape_new.render_prometheus)}
    if old is not None:
        rows["old"] = hot_path(old.MetricsRegistry())
        scrape_old = old.MetricsRegistry()
        scrapes["old"] = scrape_ms(scrape_old, scrape_old.render_prometheus)
    lines = [
        "## Metrics: hand-written registry vs prometheus-client (`bench/bench_metrics.py`)",
        "",
        f"Nanoseconds per call, best of {REPEATS} runs of 100,000, both registries in this process"
        + (f" (the old one from commit {OLD})." if old is not None else " (old registry not found: no git history)."),
        "",
        "| operation | hand-written (ns) | prometheus-client (ns) | ratio |",
        "|---|---:|---:|---:|",
    ]
    for op, new_ns in rows["new"].items():
        old_ns = rows.get("old", {}).get(op)
        ratio = f"{new_ns / old_ns:.1f}x" if old_ns else "-"
        lines.append(
            f"| {op} | {old_ns:.0f} | {new_ns:.0f} | {ratio} |" if old_ns else f"| {op} | - | {new_ns:.0f} | - |"
        )
    old_scrape = scrapes.get("old")
    lines.append(
        f"| one scrape, ~700 lines (ms) | {old_scrape:.2f} | {scrapes['new']:.2f} | "
        + (f"{scrapes['new'] / old_scrape:.1f}x |" if old_scrape else "- |")
    )
    lines += [
        "",
        "A `/ping` or a `/recommend` answered from the catalog touches no metric on its way but one counter per batch",
        "of state writes (the bot's counters live in `BotStats` and are mirrored at scrape time); a live-source answer",
        "makes the four calls of the fourth row, against the milliseconds it waits for its source.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
