"""Background duties, in-flight tracking, and the runner's mapping from Settings to the bot."""

from __future__ import annotations

import asyncio
import logging

import discord
import pytest

from bot_fakes import make_deps
from segue.bot.background import PRESENCES, Background
from segue.bot.runner import build_bot, options_from
from segue.bot.stats import BotStats, InFlight
from segue.config import Settings


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


async def test_inflight_drain_waits_for_work_and_refuses_new() -> None:
    inflight = InFlight()
    release = asyncio.Event()

    async def work() -> None:
        async with inflight.track():
            await release.wait()

    task = asyncio.create_task(work())
    await asyncio.sleep(0)
    assert inflight.count == 1
    drain = asyncio.create_task(inflight.drain(60))
    await asyncio.sleep(0)
    assert inflight.draining
    assert not drain.done()
    release.set()
    assert await drain is True
    await task
    assert inflight.count == 0


async def test_drain_gives_up_after_the_grace_period() -> None:
    inflight = InFlight()
    async with inflight.track():
        assert await inflight.drain(0) is False


async def test_runner_maps_settings_to_the_bot() -> None:
    base, gateway = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    try:
        settings = Settings(
            _env_file=None,  # type: ignore[call-arg]
            discord_api_base="http://127.0.0.1:9999/api/v10/",
            discord_gateway_url="ws://127.0.0.1:9999/gateway",
            shard_ids=[1],
            shard_count=2,
            free_text=False,
            operator_ids=[7],
        )
        options = options_from(settings)
        assert options.free_text is False
        assert options.defer_after == 1.5
        bot = build_bot(settings, make_deps(options=options))
        assert discord.http.Route.BASE == "http://127.0.0.1:9999/api/v10"
        assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9999/gateway"
        assert bot.shard_ids == [1]
        assert bot.shard_count == 2
        assert not bot.intents.message_content
        assert bot.allowed_mentions is not None
        assert bot.allowed_mentions.to_dict() == {"parse": []}
        assert bot.operator_ids == frozenset({7})
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


def test_settings_accept_both_token_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SEGUE_DISCORD_TOKEN", raising=False)
    monkeypatch.setenv("DISCORD_TOKEN", "abc")
    monkeypatch.setenv("SEGUE_FREE_TEXT", "false")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "abc"
    assert settings.free_text is False
