"""The runner's mapping from Settings to the bot."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys

import discord

from segue.bot.runner import WarmUp, build_bot, options_from
from segue.config import Settings
from support.bot import make_deps


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


class _Catalog:
    def __init__(self) -> None:
        self.warmed = 0

    def warm_up(self) -> None:
        self.warmed += 1

    def save_names(self) -> bool:
        return False


class _Bot:
    def __init__(self) -> None:
        self.was_ready = asyncio.Event()


async def test_the_name_indexes_wait_for_ready_and_a_shutdown_before_it_stops_waiting() -> None:
    catalog, bot = _Catalog(), _Bot()
    waiting = WarmUp(catalog)  # type: ignore[arg-type]
    waiting.after_ready(bot)  # type: ignore[arg-type]
    await asyncio.sleep(0.01)
    assert catalog.warmed == 0  # not during the start-up and the first answers
    await waiting.settle()  # a shutdown before ready: nothing built, nothing left running
    assert catalog.warmed == 0

    warming = WarmUp(catalog)  # type: ignore[arg-type]
    warming.after_ready(bot)  # type: ignore[arg-type]
    bot.was_ready.set()
    try:
        for _ in range(500):
            if warming._building:
                break
            await asyncio.sleep(0.01)
        await warming.settle()  # waits for the build under way
    finally:
        gc.unfreeze()  # the warm-up froze this test process's heap
    assert catalog.warmed == 1


def test_the_bot_start_path_imports_neither_scipy_nor_alembic_nor_redis_nor_babels_catalog_tools() -> None:
    """The runner, the bot and what `_run` opens without the offline models' scipy, Alembic (a database at head
    needs none), redis-py (no SEGUE_REDIS_URL) or Babel's .po reader (catalogs kept compiled): BENCHMARKS.md,
    issue 14, cold start of `segue run`."""
    probe = (
        "import sys; import segue.bot.runner, segue.bot.client, segue.engine.community, segue.state, segue.app, "
        "segue.bot.ops, segue.infra.ratelimit_redis, segue.infra.cache_redis, segue.infra.lease_build; "
        "print(sorted(m for m in ('scipy', 'alembic', 'redis', 'babel.messages') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
