"""Stand-in fixtures: the Discord stand-in on 127.0.0.1, a small world in it, and real discord.py clients against it.

Registered by the conftest.py of tests/e2e/ (Segue against the stand-in) and of tests/fakediscord/ (the stand-in's
own tests).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import discord
import pytest

from fakediscord import FakeDiscord, FakeDiscordConfig, ManualClock, point_discord_at
from fakediscord.harness import StartClient, Town, build_town, run_client


@pytest.fixture
def clock() -> ManualClock:
    """The stand-in's clock: Discord's 3 s window only passes when a test says so, however slow the machine."""
    return ManualClock()


@pytest.fixture
async def fake(request: pytest.FixtureRequest, clock: ManualClock) -> AsyncIterator[FakeDiscord]:
    """The running stand-in, with discord.py pointed at it; parametrize indirectly with a `FakeDiscordConfig`."""
    config: FakeDiscordConfig = getattr(request, "param", None) or FakeDiscordConfig()
    async with FakeDiscord(config, clock=clock) as stand_in:
        with point_discord_at(stand_in.api_base, stand_in.gateway_url):
            yield stand_in


@pytest.fixture
def town(fake: FakeDiscord) -> Town:
    return build_town(fake)


@pytest.fixture
async def start_client(fake: FakeDiscord) -> AsyncIterator[StartClient]:
    """`await start_client(client)` runs it against the stand-in until the test ends."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(client: discord.Client) -> None:
            await stack.enter_async_context(run_client(client, fake.token, guild_ids=[g.id for g in fake.guilds]))

        yield start
