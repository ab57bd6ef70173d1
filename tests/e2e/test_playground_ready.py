"""The playground says it is ready as soon as the bot is: no 2 s wait for servers the stand-in will never send."""

from __future__ import annotations

import time

from fakediscord import point_discord_at
from segue.bot.runner import build_bot
from segue.config import load_settings
from segue.playground.runner import PLAYGROUND_GUILD_WAIT
from segue.playground.session import Playground
from support.bot import make_deps

READY_WITHIN = 1.5
"""discord.py's default guild_ready_timeout alone is 2 s; connecting to the local stand-in takes far less."""


async def test_the_bot_is_ready_in_the_playground_without_the_guild_wait() -> None:
    playground = Playground()
    await playground.start()
    fake = playground.fake
    settings = load_settings(
        _env_file=None, discord_api_base=fake.api_base, discord_gateway_url=fake.gateway_url, sync_commands=True
    )
    with point_discord_at(fake.api_base, fake.gateway_url):
        try:
            started = time.perf_counter()
            await playground.connect(build_bot(settings, make_deps(), guild_ready_timeout=PLAYGROUND_GUILD_WAIT))
            took = time.perf_counter() - started
        finally:
            await playground.stop()
    assert took < READY_WITHIN, f"ready after {took:.2f} s"
