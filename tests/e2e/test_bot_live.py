"""`segue run` itself, as a process, against the stand-in: the real composition root, catalog and parser.

Slower than the other E2E tests (a child process opens the built catalog), so it is one test that walks a slash
command, a free-text request and a graceful SIGTERM.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys

import aiohttp
import pytest

from fakediscord import FakeDiscord
from fakediscord.harness import Town
from segue.catalog.store import Catalog

pytestmark = pytest.mark.slow


async def test_segue_run_answers_and_stops_cleanly(fake: FakeDiscord, town: Town, built_catalog: Catalog) -> None:
    with socket.socket() as probe:  # a free port for the ops endpoint
        probe.bind(("127.0.0.1", 0))
        metrics_port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") and k != "DISCORD_TOKEN"}
    env |= {
        "SEGUE_DISCORD_TOKEN": fake.token,
        "SEGUE_DISCORD_API_BASE": fake.api_base,
        "SEGUE_DISCORD_GATEWAY_URL": fake.gateway_url,
        "SEGUE_DATA_DIR": str(built_catalog.path.parent),
        "SEGUE_METRICS_PORT": str(metrics_port),
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
        async with aiohttp.ClientSession() as http:
            # Ready once discord.py has fired on_ready (after its guild wait); until then /healthz says 503.
            for _ in range(100):
                async with http.get(f"http://127.0.0.1:{metrics_port}/healthz") as health:
                    if health.status == 200:
                        assert (await health.json())["discord"] == "connected"
                        break
                    assert health.status == 503
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the bot never reported ready on /healthz")
            async with http.get(f"http://127.0.0.1:{metrics_port}/metrics") as scrape:
                assert scrape.headers["Content-Type"].startswith("text/plain; version=0.0.4")
                exposition = await scrape.text()
        assert 'segue_bot_commands{command="recommend",shard="all"} 1' in exposition  # every series names its shards
        assert "segue_bot_inflight" in exposition
        proc.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=60)
        assert proc.returncode == 0, output.decode()[-3000:]
        assert b"shut down cleanly" in output
        assert fake.token.encode() not in output  # the token never reaches the logs
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
