"""Request ids reach the engine's threads: the pool `segue run` scores on runs work in the submitter's context."""

from __future__ import annotations

import asyncio

from segue.bot.tracing import ContextThreadPool
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
