"""The runner's mapping from Settings to the bot."""

from __future__ import annotations

import discord

from segue.bot.runner import build_bot, options_from
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
