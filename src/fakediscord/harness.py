"""Helpers for running a discord.py client against the stand-in: a small ready-made world, and a client runner.

Shared by the E2E tests, the load benchmark and the playground so they start clients the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fakediscord.models import Channel, Guild, User

if TYPE_CHECKING:
    import discord

    from fakediscord.fake import FakeDiscord

StartClient = Callable[["discord.Client"], Awaitable[None]]


@dataclass(frozen=True)
class Town:
    """One guild with a #general channel, a member (alice) and an administrator (ada)."""

    guild: Guild
    general: Channel
    alice: User
    ada: User


def build_town(fake: FakeDiscord, name: str = "Listening Room") -> Town:
    guild = fake.create_guild(name)
    alice, ada = fake.create_user("alice"), fake.create_user("ada")
    fake.add_member(guild, alice)
    fake.add_member(guild, ada, admin=True)
    return Town(guild=guild, general=guild.channel("general"), alice=alice, ada=ada)


async def wait_for_guilds(client: discord.Client, guild_ids: Iterable[int], *, within: float = 10.0) -> None:
    """Wait until each guild is in the client's cache and available.

    `on_ready` fires `guild_ready_timeout` after the last GUILD_CREATE, so on a busy machine a short timeout can
    let it fire before a GUILD_CREATE that was already on the wire has been read.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within

    def missing() -> set[int]:
        return {g for g in guild_ids if (guild := client.get_guild(g)) is None or guild.unavailable}

    while waiting := missing():
        await client.wait_for("guild_available", check=lambda g: g.id in waiting, timeout=deadline - loop.time())


@contextlib.asynccontextmanager
async def run_client(
    client: discord.Client, token: str, *, guild_ids: Iterable[int] = (), ready_within: float = 10.0
) -> AsyncIterator[None]:
    """Log in, connect in the background and wait for `on_ready` (and `guild_ids`); close the client on the way out.

    If the client stops before it is ready, its own exception is raised here rather than a bare timeout.
    """
    await client.login(token)
    connection = asyncio.create_task(client.connect())
    ready = asyncio.create_task(client.wait_until_ready())
    try:
        done, _ = await asyncio.wait({connection, ready}, timeout=ready_within, return_when=asyncio.FIRST_COMPLETED)
        if connection in done:
            connection.result()
            raise RuntimeError("the client stopped before it was ready")
        if ready not in done:
            raise TimeoutError(f"the client was not ready within {ready_within:g}s")
        await wait_for_guilds(client, guild_ids, within=ready_within)
        yield
    finally:
        ready.cancel()
        await client.close()
        with contextlib.suppress(asyncio.CancelledError):
            await connection
