"""Background duties: presence, cleanup and metrics on their schedules, started and stopped cleanly."""

from __future__ import annotations

import asyncio
import logging

import pytest

from segue.bot.background import PRESENCES, Background
from segue.bot.stats import BotStats


class Sweeper:
    def __init__(self, removed: int) -> None:
        self.removed = removed

    async def cleanup(self) -> int:
        return self.removed


async def test_background_duties(caplog: pytest.LogCaptureFixture) -> None:
    shown: list[str] = []

    async def set_presence(text: str) -> None:
        shown.append(text)

    stats = BotStats()
    stats.commands["recommend"] += 2
    background = Background(
        stats=stats,
        maintenance=[Sweeper(2), Sweeper(3)],
        set_presence=set_presence,
        presence_every=3600,
        cleanup_every=3600,
        metrics_every=3600,
    )
    for _ in range(len(PRESENCES) + 1):
        await background.tick_presence()
    assert shown == [*PRESENCES, PRESENCES[0]]
    assert await background.tick_cleanup() == 5
    with caplog.at_level(logging.INFO):
        await background.tick_metrics()
    assert '"recommend": 2' in caplog.records[-1].getMessage()


async def test_background_starts_and_stops_cleanly() -> None:
    ran = asyncio.Event()

    async def set_presence(text: str) -> None:
        ran.set()

    background = Background(
        stats=BotStats(),
        maintenance=[],
        set_presence=set_presence,
        presence_every=3600,
        cleanup_every=3600,
        metrics_every=3600,
    )
    background.start()
    await ran.wait()
    await background.stop()
    assert background._tasks == []
