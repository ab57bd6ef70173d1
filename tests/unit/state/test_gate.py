"""The read/commit gate: reads overlap, a commit excludes them, and a waiting commit is not starved by reads."""

from __future__ import annotations

import asyncio

from segue.state.sql import ReadCommitGate


async def test_reads_overlap_and_a_commit_waits_for_them() -> None:
    gate = ReadCommitGate()
    log: list[str] = []
    release = asyncio.Event()

    async def read(name: str) -> None:
        async with gate.read():
            log.append(f"{name} in")
            await release.wait()
            log.append(f"{name} out")

    async def commit() -> None:
        async with gate.commit():
            log.append("commit")

    readers = [asyncio.create_task(read("a")), asyncio.create_task(read("b"))]
    await asyncio.sleep(0)
    assert log == ["a in", "b in"]  # both reads hold the gate at once
    writer = asyncio.create_task(commit())
    late = asyncio.create_task(read("c"))
    await asyncio.sleep(0)
    assert "commit" not in log
    assert "c in" not in log  # a waiting commit holds new reads off
    release.set()
    await asyncio.gather(*readers, writer, late)
    assert log.index("commit") > log.index("b out")
    assert log.index("c in") > log.index("commit")


async def test_a_cancelled_commit_lets_reads_through() -> None:
    gate = ReadCommitGate()
    release = asyncio.Event()

    async def hold() -> None:
        async with gate.read():
            await release.wait()

    holder = asyncio.create_task(hold())
    await asyncio.sleep(0)
    waiting = asyncio.create_task(gate.commit().__aenter__())
    await asyncio.sleep(0)
    waiting.cancel()
    await asyncio.sleep(0)

    async def quick() -> str:
        async with gate.read():
            return "read"

    assert await asyncio.wait_for(quick(), 1.0) == "read"
    release.set()
    await holder
