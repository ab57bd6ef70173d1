"""/admin status says whether this process runs the singleton jobs, and the sweep follows the lease."""

from __future__ import annotations

import asyncio

from fakediscord import FakeDiscord
from fakediscord.harness import StartClient, Town
from segue.bot.deps import BotOptions
from segue.infra.lease import LeaseKeeper, LocalLeases
from support.bot import make_deps
from support.e2e import segue_for, text_of


async def status(fake: FakeDiscord, town: Town) -> str:
    answer = await (await fake.invoke_command(town.ada, town.general, "admin status")).wait_answer()
    return text_of(answer.messages[0])


async def test_status_follows_the_lease(fake: FakeDiscord, town: Town, start_client: StartClient) -> None:
    board = LocalLeases()
    other_process = board.lease("jobs", ttl=3600)
    assert await other_process.acquire()
    deps = make_deps(options=BotOptions(cleanup_every=3600, presence_every=3600, metrics_every=3600))
    async with LeaseKeeper(board.lease("jobs", ttl=3600), renew_every=0.02) as keeper:
        bot = segue_for(fake, deps, singleton=keeper)
        await start_client(bot)
        assert "in another process; 0 rounds run here" in await status(fake, town)
        assert bot.background.cleanups == 0
        await other_process.release()  # the other process shuts down and hands the lease over
        await asyncio.wait_for(keeper.wait_held(), timeout=10)
        for _ in range(500):  # the sweep runs as soon as the lease is taken, not after cleanup_every
            if bot.background.cleanups:
                break
            await asyncio.sleep(0.01)
        assert "here (this process holds the lease); 1 rounds run here" in await status(fake, town)
