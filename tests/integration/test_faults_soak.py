"""The short soak: `python -m bench.proof --soak` for 12 s at 50/s against the real `segue run` process.

The 30-minute curve is in RELIABILITY.md; here the bot is sampled five times and nothing may grow without bound:
limits on counts (file descriptors, asyncio tasks, MB of RSS) far above what a healthy run uses, far below what
a leak of one per request would reach (600 requests). Times are not asserted; the soak's p99 is measured only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from segue.catalog.store import Catalog
from support.proof import run_proof

pytestmark = [pytest.mark.slow, pytest.mark.timeout(400)]

MINUTES = 0.2
FDS_MORE = 60
"""Sockets to the stand-in, the database and the thread pool are reused: a leak per request would add hundreds."""
TASKS_MORE = 300
"""Tasks in flight when a sample is taken come and go; hundreds more at the end would be a leak."""
RSS_MORE_MB = 250


def test_a_short_soak_leaves_nothing_growing(built_catalog: Catalog, tmp_path: Path) -> None:
    soak = run_proof(built_catalog.path.parent, tmp_path, "--soak", str(MINUTES))
    base, samples = soak["baseline"], soak["samples"]
    assert len(samples) == 5
    assert base["tasks"] > 0  # the probe answered (-1 when it does not)
    totals: dict[str, int] = {}
    for s in samples:
        for what, n in s["counts"].items():
            totals[what] = totals.get(what, 0) + n
    assert totals.get("lost", 0) == 0, totals
    assert totals.get("late", 0) == 0, totals
    assert sum(totals.values()) >= 500, totals  # ~600 offered at 50/s
    last = samples[-1]
    assert last["fds"] <= base["fds"] + FDS_MORE, (base, last)
    assert 0 < last["tasks"] <= base["tasks"] + TASKS_MORE, (base, last)
    assert last["rss_mb"] <= base["rss_mb"] + RSS_MORE_MB, (base, last)
    assert soak["exit"] == 0
