"""The door's arithmetic and order: expected wait, defer and busy thresholds, per-member cap, FIFO slots."""

from __future__ import annotations

import asyncio

from segue.bot.door import Door


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_verdicts_follow_the_expected_wait_and_the_per_member_cap() -> None:
    door = Door(slots=2, answer_within=1.5, max_wait=4.0, per_user=2)
    door.seconds_per_request = 1.0
    release = asyncio.Event()
    held = [asyncio.create_task(door.run(door.admit(f"u{i}").ticket, release.wait())) for i in range(4)]
    await asyncio.sleep(0)
    assert door.admitted == 4
    new = door.admit("new")  # 4 x 1 s over 2 slots = 2 s > 1.5 s; counted in at once
    assert new.kind == "defer"
    assert new.ticket is not None
    more = [asyncio.create_task(door.run(door.admit_anyway(), release.wait())) for _ in range(4)]
    await asyncio.sleep(0)
    refused = door.admit("someone")  # 9 x 1 s / 2 = 4.5 s > 4 s
    assert (refused.kind, refused.ticket, refused.retry_seconds) == ("busy", None, 5)
    new.ticket.release()
    new.ticket.release()  # idempotent: a command that failed early is released by the tree too
    release.set()
    await asyncio.gather(*held, *more)
    assert door.admitted == 0
    assert door.admit("u0").kind == "now"
    assert door.verdicts == {"now": 5, "defer": 1, "busy": 1}


async def test_one_member_cannot_fill_the_queue() -> None:
    door = Door(slots=1, per_user=2)
    release = asyncio.Event()
    held = [asyncio.create_task(door.run(door.admit("greedy").ticket, release.wait())) for _ in range(2)]
    await asyncio.sleep(0)
    assert door.admit("greedy").kind == "busy"
    assert door.admit("patient").kind == "now"
    release.set()
    await asyncio.gather(*held)


async def test_slots_are_served_in_arrival_order_and_time_is_measured() -> None:
    clock = Clock()
    door = Door(slots=1, clock=clock)
    order: list[int] = []
    gate = asyncio.Event()

    async def work(i: int) -> int:
        await gate.wait()
        clock.now += 0.5
        order.append(i)
        return i

    tasks = [asyncio.create_task(door.run(door.admit(f"u{i}").ticket, work(i))) for i in range(5)]
    await asyncio.sleep(0)
    gate.set()
    assert await asyncio.gather(*tasks) == [0, 1, 2, 3, 4]
    assert order == [0, 1, 2, 3, 4]
    assert 0.3 < door.seconds_per_request < 0.5  # moving from the first guess (0.01 s) towards the measured 0.5 s
