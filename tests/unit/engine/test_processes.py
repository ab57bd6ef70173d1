"""Engine worker processes: they answer in-process until up and again after a worker dies, and leave with the bot."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from segue.catalog.store import Catalog
from segue.engine.processes import EngineProcesses, EngineSpec
from segue.engine.scoring import LocalScoring
from segue.engine.service import RecommendationService
from support.engine import engine_spec, real_service, until_ready

pytestmark = pytest.mark.datasets


@pytest.fixture(scope="module")
def service(built_catalog: Catalog) -> RecommendationService:
    return real_service(built_catalog)


async def test_workers_answer_in_process_until_up_and_after_a_crash(service: RecommendationService) -> None:
    calls: list[str] = []

    class Counting(LocalScoring):
        async def recommend(self, *args: object, **kwargs: object) -> list:  # type: ignore[override]
            calls.append("fallback")
            return await super().recommend(*args, **kwargs)  # type: ignore[arg-type]

    workers = EngineProcesses(engine_spec(service), 1, fallback=Counting(service.recommender))
    query = service.parser.parse("80s synthpop")
    expected = service.recommender.recommend(query, count=5)
    try:
        assert await workers.recommend(query, count=5) == expected  # not started: the fallback answers
        assert calls == ["fallback"]
        workers.start()
        await until_ready(workers)
        assert await workers.recommend(query, count=5) == expected
        assert calls == ["fallback"]  # the worker answered
        for pid in workers.pids:  # a worker killed (out of memory, an operator): every worker restarts
            os.kill(pid, signal.SIGKILL)
        # Every call on the dead pool is answered in-process, never an error, and the pool restarts once.
        answers = await asyncio.gather(*(workers.recommend(query, count=5) for _ in range(4)))
        assert answers == [expected] * 4
        assert workers.restarts == 1
        await until_ready(workers)
        assert await workers.recommend(query, count=5) == expected
    finally:
        workers.close()
    assert not workers.ready


async def test_workers_spawned_before_the_bot_has_an_engine_answer_once_it_is_attached(
    service: RecommendationService,
) -> None:
    workers = EngineProcesses(engine_spec(service), 1)  # as `segue run` spawns them, before its own engine exists
    query = service.parser.parse("80s synthpop")
    expected = service.recommender.recommend(query, count=5)
    try:
        workers.start()
        workers.fallback = LocalScoring(service.recommender)
        assert await workers.recommend(query, count=5) == expected  # the fallback, or the worker if already up
        await until_ready(workers)
        assert await workers.recommend(query, count=5) == expected
    finally:
        workers.close()


async def test_a_call_before_any_fallback_is_attached_is_a_programming_error() -> None:
    workers = EngineProcesses(EngineSpec(Path("unused"), None, 300_000, 2), 1)
    with pytest.raises(RuntimeError, match="fallback"):
        await workers.similar_artists(0, count=3)
    workers.close()


ORPHAN = """
import asyncio, os, signal, sys
from pathlib import Path
from segue.engine.processes import EngineProcesses, EngineSpec
from segue.engine.scoring import LocalScoring

async def main() -> None:
    spec = EngineSpec(Path(sys.argv[1]), None, 300_000, 2)
    workers = EngineProcesses(spec, 2, fallback=LocalScoring(None))
    workers.start()
    while not workers.ready:
        await asyncio.sleep(0.1)
    print(" ".join(str(pid) for pid in workers.pids), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

if __name__ == "__main__":
    asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_leave_when_the_bot_is_killed(service: RecommendationService, tmp_path: Path) -> None:
    """A SIGKILLed bot cannot shut its pool down; its workers must not live on holding the engine's memory."""
    script = tmp_path / "bot.py"
    script.write_text(ORPHAN)
    done = subprocess.run(
        [sys.executable, str(script), str(service.catalog.path)], capture_output=True, text=True, timeout=180
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    pids = [int(p) for p in done.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in pids if _alive(p)]


LATE_WORKER = """
import sys, time
from pathlib import Path
from segue.engine.processes import EngineSpec, _start

_start(EngineSpec(Path(sys.argv[1]), None, 300_000, 2), int(sys.argv[2]))
time.sleep(60)
print("outlived the bot", flush=True)
"""


def test_a_worker_that_starts_after_the_bot_died_leaves_too(service: RecommendationService, tmp_path: Path) -> None:
    """The pool can be 'ready' before every worker ran its initializer; one that starts after a SIGKILLed bot has
    init as its parent, and took init for the bot: it lived on (test_workers_leave_when_the_bot_is_killed hung)."""
    script = tmp_path / "worker.py"
    script.write_text(LATE_WORKER)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    done = subprocess.run(
        [sys.executable, str(script), str(service.catalog.path), str(gone.pid)],
        capture_output=True, text=True, timeout=50,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "outlived" not in done.stdout
