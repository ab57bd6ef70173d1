"""`segue run` itself, as a process, against the stand-in: the real composition root, catalog and parser.

Slower than the other E2E tests (a child process opens the built catalog), so it is one test that walks a slash
command, a free-text request and a graceful SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

import pytest

from segue.catalog.store import Catalog
from segue.playground.fakediscord import FakeDiscord
from segue.playground.fakediscord.harness import Town

pytestmark = pytest.mark.slow


async def test_segue_run_answers_and_stops_cleanly(fake: FakeDiscord, town: Town, built_catalog: Catalog) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") and k != "DISCORD_TOKEN"}
    env |= {
        "SEGUE_DISCORD_TOKEN": fake.token,
        "SEGUE_DISCORD_API_BASE": fake.api_base,
        "SEGUE_DISCORD_GATEWAY_URL": fake.gateway_url,
        "SEGUE_DATA_DIR": str(built_catalog.path.parent),
    }
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "segue", "run", env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT
    )
    try:
        await fake.wait_for_bot(timeout=120)
        handle = await fake.invoke_command(
            town.alice, town.general, "recommend", {"query": "something like Daft Punk but chill", "count": 3}
        )
        answer = await handle.wait_answer(timeout=30)
        assert answer.original is not None
        (embed,) = answer.original.embeds
        assert "like Daft Punk" in (embed.description or "")
        assert len(embed.fields) == 3
        asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} 80s synth-pop")
        reply = await fake.wait_reply(asked, timeout=30)
        assert "era: 1980-1989" in (reply.embeds[0].description or "")
        proc.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 0, output.decode()[-3000:]
        assert b"shut down cleanly" in output
        assert fake.token.encode() not in output  # the token never reaches the logs
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
