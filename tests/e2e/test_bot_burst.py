"""The short burst of the proof suite (`make proof` runs the full one): more engine work arrives at once than fits
Discord's 3 s window, and still no interaction goes without a response, and every admitted one gets its tracks.

The engine's scoring is made slow on purpose (50 ms per request), and runs on a thread pool as `segue run` wires it,
so the event loop stays free to acknowledge; without admission control and the pool, the later arrivals are
answered too late. (A sleep releases the GIL as numpy does; pure-Python scoring would hold it longer.)
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fakediscord import CallbackType, FakeDiscord, InteractionResponse
from fakediscord.harness import StartClient, Town
from segue.engine.recommend import TrackRecommender
from segue.engine.scoring import LocalScoring
from support.bot import make_deps, make_service
from support.e2e import segue_for

BURST = 240
BLOCK = 0.05
"""Seconds of scoring per request: 240 x 50 ms over 4 threads is 3 s of wall time, past Discord's window."""


class SlowScoring:
    """The test recommender, taking `BLOCK` seconds per recommendation."""

    def __init__(self, inner: TrackRecommender) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def recommend(self, *args: Any, **kwargs: Any) -> Any:
        time.sleep(BLOCK)
        return self.inner.recommend(*args, **kwargs)


def settled_answer(response: InteractionResponse) -> bool:
    """Refused, or showing its final message (a deferred one once the placeholder is replaced or followed)."""
    if response.rejections:
        return True
    if response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
        return bool(response.followups) or (response.original is not None and not response.original.loading)
    return response.type is not None and bool(response.messages)


async def test_a_burst_larger_than_the_window_leaves_nobody_without_an_answer(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    members = [town.alice, town.ada, *(fake.create_user(f"m{i}") for i in range(118))]
    for member in members[2:]:
        fake.add_member(town.guild, member)
    service = make_service()
    pool = ThreadPoolExecutor(max_workers=4)
    service.scoring = LocalScoring(SlowScoring(service.recommender), pool)  # type: ignore[arg-type]
    await start_client(segue_for(fake, make_deps(service=service)))
    handles = [
        await fake.invoke_command(members[i % len(members)], town.general, "recommend", {"genre": "folk"})
        for i in range(BURST)
    ]
    settled = await asyncio.gather(
        *(h.wait_until(settled_answer, timeout=60) for h in handles)
    )  # fmt: skip
    seen: Counter[str] = Counter()
    for response in settled:
        if response.rejections:
            seen["refused"] += 1
            continue
        final = response.messages[-1]
        text = " ".join([final.content, *(e.description or "" for e in final.embeds)])
        tracks = bool(final.embeds and final.embeds[0].fields)
        if "try again in" in text:
            seen["busy"] += 1
        elif response.type is CallbackType.DEFERRED_CHANNEL_MESSAGE:
            seen["deferred, answered" if tracks else f"deferred, other: {text[:60]}"] += 1
        else:
            seen["answered" if tracks else f"other: {text[:60]}"] += 1
    assert fake.stats().interactions_unanswered == 0, seen
    assert seen["refused"] == 0, seen
    assert seen["answered"] + seen["deferred, answered"] + seen["busy"] == BURST, seen
    assert seen["busy"] == 0, seen  # two requests per member, well inside the per-member cap and the max wait
    assert seen["deferred, answered"] > 0, seen  # the door acknowledged the backlog at once
    pool.shutdown()
