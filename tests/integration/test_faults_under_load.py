"""The short version of `make proof`'s faults: the real `segue run` process under steady load through the stand-in,
with each fault injected and healed mid-load (bench/proof_faults.py, `--short`: 20/s, 6 s a fault).

Each test runs the proof itself as a child process on the session's built catalog and reads its rows; what is
asserted is what issue 11 asks: no member is left without a response (0 lost, 0 late), and the fault really
happened (the bot fell back, commits failed and were retried, the gateway resumed, the process exited 0).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from segue.catalog.store import Catalog
from support.ci import require
from support.proof import run_proof
from support.servers import postgres_available, redis_available

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres, pytest.mark.timeout(400)]

RESPONDED = ("answered", "deferred, answered", "busy", "other")


def by_fault(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {row["fault"]: row for row in rows}


def responded(row: dict[str, Any]) -> int:
    return sum(row["counts"].get(w, 0) for w in RESPONDED)


def assert_nobody_left_waiting(row: dict[str, Any]) -> None:
    counts = row["counts"]
    assert counts.get("lost", 0) == 0, row
    assert counts.get("late", 0) == 0, row
    assert sum(counts.values()) == row["sent"] > 0, row


@pytest.fixture(autouse=True)
def _servers() -> None:
    require(redis_available(), "redis-server binary not installed")
    require(postgres_available(), "PostgreSQL server binaries (and runuser as root) not installed")


def test_redis_postgres_and_a_live_source_fail_under_load_and_nobody_waits(
    built_catalog: Catalog, tmp_path: Path
) -> None:
    rows = by_fault(run_proof(built_catalog.path.parent, tmp_path, "--faults", "redis,postgres,source"))
    for row in rows.values():
        assert_nobody_left_waiting(row)
        assert row["counts"].get("undelivered", 0) == 0, row  # the gateway was never touched
    assert rows["redis"]["figures"]["fell_back"] == 1.0, rows["redis"]  # /healthz saw Redis gone
    state = rows["postgres"]["figures"]
    assert state["failed_commits"] > 0, state  # the outage was really seen by the writer
    assert state["dropped"] == 0, state
    assert state["stored"] == state["responded"] == responded(rows["postgres"]), state
    assert rows["source"]["figures"]["faulty_answers"] > 0, rows["source"]  # Last.fm stalled, 429ed or garbled


def test_gateway_drop_invalid_session_sigterm_and_sigkill(built_catalog: Catalog, tmp_path: Path) -> None:
    rows = by_fault(
        run_proof(built_catalog.path.parent, tmp_path, "--faults", "gateway,invalid-session,sigterm,sigkill")
    )
    gateway = rows["gateway"]
    assert_nobody_left_waiting(gateway)
    assert gateway["counts"].get("undelivered", 0) == 0, gateway  # a resumed session misses nothing
    assert gateway["figures"]["resumes"] >= 1
    assert gateway["figures"]["replayed"] >= 1, gateway  # events sent while it was down came by replay

    invalid = rows["invalid session"]
    assert_nobody_left_waiting(invalid)  # what Discord delivered was answered; the rest was undeliverable
    assert invalid["figures"]["identifies"] >= 1

    term = rows["sigterm"]
    assert_nobody_left_waiting(term)  # in-flight work answered, arrivals while draining told "restarting"
    assert term["figures"]["exit"] == 0, term
    assert term["figures"]["stored"] == term["figures"]["responded"], term  # state flushed before exit
    assert term["counts"].get("undelivered", 0) > 0  # the load went on after the bot had gone

    kill = rows["sigkill"]["figures"]
    assert 0 < kill["stored"] <= kill["responded"], kill  # committed before the kill; never more than answered
    assert kill["pending"] >= 0, kill  # the backlog at the kill was read (what SIGKILL loses)
