"""Request ids reach the engine's threads: the pool `segue run` scores on runs work in the submitter's context;
the bot's own messages never reach discord.py's parser."""

from __future__ import annotations

import asyncio

import discord

from segue.bot.tracing import ContextThreadPool, skip_own_messages, trace_requests
from segue.logs import request_id


async def test_the_engine_pool_carries_the_request_id_into_its_threads() -> None:
    pool = ContextThreadPool(max_workers=2)
    try:
        token = request_id.set("i42")
        try:
            seen = await asyncio.get_running_loop().run_in_executor(pool, request_id.get)
        finally:
            request_id.reset(token)
        assert seen == "i42"
        assert await asyncio.get_running_loop().run_in_executor(pool, request_id.get) is None  # no leak between jobs
    finally:
        pool.shutdown()


def test_the_bots_own_messages_are_dropped_before_discord_py_parses_them() -> None:
    """Every answer comes back as a MESSAGE_CREATE; only others' messages reach discord.py's parser (and the
    request ids), once, however often the skip is installed."""
    client = discord.Client(intents=discord.Intents.none())
    state = client._connection
    parsed: list[str] = []
    state.parsers["MESSAGE_CREATE"] = lambda data: parsed.append(data["id"])
    skip_own_messages(client)
    skip_own_messages(client)
    trace_requests(client)
    state.parsers["MESSAGE_CREATE"]({"id": "1", "author": {"id": "7"}})  # before READY: no self to compare with
    state.user = discord.ClientUser(
        state=state, data={"id": "7", "username": "segue", "discriminator": "0", "avatar": None}
    )
    state.parsers["MESSAGE_CREATE"]({"id": "2", "author": {"id": "7"}})
    state.parsers["MESSAGE_CREATE"]({"id": "3", "author": {"id": "8"}})
    state.parsers["MESSAGE_CREATE"]({"id": "4"})
    assert parsed == ["1", "3", "4"]
