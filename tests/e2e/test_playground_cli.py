"""`segue run` without a token, as a real process: the playground on the real catalog, then a graceful SIGTERM.

Also that a missing catalog is built first, and said so, before anything is served.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import sys
from pathlib import Path

import aiohttp
import pytest

from segue.catalog.store import Catalog

pytestmark = pytest.mark.slow
STARTUP = 90.0
"""Bound for the process to open the real catalog and print its URL (it fails the test rather than hang it)."""
URL_LINE = re.compile(rb"Segue playground: (http://\S+)")


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SEGUE_DISCORD_TOKEN", "DISCORD_TOKEN"}}
    env.update(SEGUE_DATA_DIR=str(data_dir), SEGUE_PLAYGROUND_PORT="0", SEGUE_LOG_LEVEL="INFO", **extra)
    return env


async def test_run_without_a_token_serves_the_playground_and_stops_cleanly_on_sigterm(
    built_catalog: Catalog, tmp_path: Path
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "segue",
        "run",
        cwd=tmp_path,  # no stray .env
        env=environment(built_catalog.path.parent),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    try:
        async with asyncio.timeout(STARTUP):
            line = await process.stdout.readline()
        found = URL_LINE.search(line)
        if found is None:
            process.send_signal(signal.SIGTERM)
            _, err = await process.communicate()
            pytest.fail(f"no playground URL on stdout ({line!r}); stderr:\n{err.decode()[-3000:]}")
        url = found.group(1).decode()
        async with aiohttp.ClientSession() as http:
            state = await (await http.get(f"{url}api/state")).json()
            alice, general = state["people"][0]["id"], state["channels"][0]["id"]
            body = {"user": alice, "channel": general, "text": "/recommend query:chill jazz count:3"}
            acted = await (await http.post(f"{url}api/command", json=body)).json()
            assert acted["answered"], acted
            answer = await (await http.get(f"{url}api/interactions/{acted['interaction']}?wait=answer")).json()
        (embed,) = answer["messages"][0]["embeds"]
        assert "jazz" in embed["description"]
        assert len(embed["fields"]) == 3
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, err = await process.communicate()
    assert process.returncode == 0, err.decode()[-3000:]
    log = err.decode()
    steps = [log.find(step) for step in ("bot closed", "stand-in stopped", "web server stopped")]
    assert -1 not in steps, log[-3000:]
    assert steps == sorted(steps)


async def test_a_missing_catalog_is_built_first_and_the_person_is_told(tmp_path: Path) -> None:
    nowhere = tmp_path / "no-datasets"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "segue",
        "playground",
        cwd=tmp_path,
        env=environment(tmp_path / "data", SEGUE_DATASETS_DIR=str(nowhere)),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate()
    assert process.returncode == 1
    assert f"No catalog yet: building it from {nowhere}" in err.decode()
    assert "Dataset files are missing" in err.decode()
    assert b"Segue playground:" not in out


async def test_a_busy_port_is_refused_in_words(built_catalog: Catalog, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "segue",
            "playground",
            cwd=tmp_path,
            env={**environment(built_catalog.path.parent), "SEGUE_PLAYGROUND_PORT": str(port)},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
    assert process.returncode == 2  # a setting to change (SEGUE_PLAYGROUND_PORT): the code every bad setting exits with
    assert f"Cannot serve the playground on 127.0.0.1:{port}" in err.decode()
    assert "SEGUE_PLAYGROUND_PORT" in err.decode()
    assert b"Segue playground:" not in out
