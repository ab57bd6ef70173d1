"""Shutdown and sharding against the stand-in: SIGTERM drains in-flight work and exits 0; shards all answer."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from fakediscord import FakeDiscord, FakeDiscordConfig, point_discord_at
from fakediscord.harness import StartClient, build_town
from segue.bot.runner import run_bot
from segue.config import Settings
from segue.errors import ConfigError
from support.bot import make_service
from support.e2e import running, segue_for

CHILD = Path(__file__).with_name("segue_sigterm_child.py")


def test_sigterm_finishes_in_flight_work_then_exits_0() -> None:
    done = subprocess.run([sys.executable, str(CHILD)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["held_answer_tracks"] == 3  # the interaction in flight was finished, not dropped
    assert report["late_ephemeral"] is True
    assert "restarting" in report["late_text"]  # new work was refused politely
    assert "restarting" in report["at_close_text"]  # sent as the bot closed its gateway: read, and answered
    assert report["closed"] is True
    assert report["state_closed"] is True
    assert report["unanswered"] == 0


async def test_fixed_shards_each_answer(fake: FakeDiscord, start_client: StartClient) -> None:
    first = fake.create_guild("Shard Zero", shard=(0, 2))
    second = fake.create_guild("Shard One", shard=(1, 2))
    alice = fake.create_user("alice")
    for guild in (first, second):
        fake.add_member(guild, alice)
    bot = segue_for(fake, shard_ids=[0, 1], shard_count=2)
    await start_client(bot)
    await fake.wait_for_bot(shards=[0, 1])
    assert sorted(bot.shards) == [0, 1]
    for guild in (first, second):
        answer = await (
            await fake.invoke_command(alice, guild.channel("general"), "recommend", {"genre": "folk"})
        ).wait_answer()
        assert answer.original is not None
        assert answer.original.embeds[0].fields


async def test_shard_count_comes_from_the_gateway_when_unset() -> None:
    async with FakeDiscord(FakeDiscordConfig(recommended_shards=2)) as fake:
        with point_discord_at(fake.api_base, fake.gateway_url):
            town = build_town(fake)
            bot = segue_for(fake)
            async with running(fake, bot):
                await fake.wait_for_bot(shards=[0, 1])
                assert bot.shard_count == 2
                answer = await (await fake.invoke_command(town.alice, town.general, "ping")).wait_answer()
                assert "Pong" in answer.content


async def test_a_rejected_token_is_a_config_error(fake: FakeDiscord) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        discord_token="not-the-token",
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url,
    )
    with pytest.raises(ConfigError) as err:
        await asyncio.to_thread(run_bot, settings, service=make_service())
    assert "rejected SEGUE_DISCORD_TOKEN" in err.value.user_message
