"""`segue ctl` end to end: start, status, logs, stop, as an operator types them, against the Discord stand-in
(the bot with a token) and the playground (no token), each in a temporary data directory with a free port.

Every command runs as its own process, as from a shell or systemd; the test's event loop keeps serving the
stand-in meanwhile.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

import pytest

from fakediscord import FakeDiscord, FakeDiscordConfig
from fakediscord.harness import Town
from segue.catalog.store import Catalog
from support.standin import clock, fake, town

__all__ = ["clock", "fake", "town"]
pytestmark = [pytest.mark.slow, pytest.mark.timeout(400)]  # each ctl command is a process of its own (~3 s)


def environment(data_dir: Path, catalog: Catalog, **extra: str) -> dict[str, str]:
    """A clean environment: no SEGUE_* from the caller, a data directory holding (a link to) the built catalog."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "catalog").symlink_to(catalog.path, target_is_directory=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEGUE_") and k != "DISCORD_TOKEN"}
    return env | {"SEGUE_DATA_DIR": str(data_dir), "SEGUE_PLAYGROUND_PORT": "0", **extra}


async def ctl(env: dict[str, str], *args: str, limit: float = 200) -> tuple[int, str]:
    """Run `segue ctl ARGS` as a process; (exit code, output)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "segue",
        "ctl",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(proc.communicate(), limit)
    assert proc.returncode is not None
    return proc.returncode, out.decode()


async def status_until(env: dict[str, str], ready: str, tries: int = 60) -> dict[str, object]:
    """`status --json` until `ready(doc)` holds (analytics events are written in batches)."""
    doc: dict[str, object] = {}
    for _ in range(tries):
        code, out = await ctl(env, "status", "--json")
        assert code == 0, out
        doc = json.loads(out)
        perf = doc.get("performance")
        if isinstance(perf, dict) and any(c["command"] == ready for c in perf["commands"]):
            return doc
        await asyncio.sleep(0.5)
    pytest.fail(f"/{ready} never showed in the status figures: {doc}")


async def test_ctl_runs_the_bot_against_the_stand_in(
    fake: FakeDiscord, town: Town, built_catalog: Catalog, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = environment(
        data,
        built_catalog,
        SEGUE_DISCORD_TOKEN=fake.token,
        SEGUE_DISCORD_API_BASE=fake.api_base,
        SEGUE_DISCORD_GATEWAY_URL=fake.gateway_url,
        SEGUE_LOG_FORMAT="json",
        SEGUE_LOG_LEVEL="DEBUG",  # discord.py logs each REST reply at DEBUG: lines an interaction's id must tag
    )
    code, out = await ctl(env, "start")
    try:
        assert code == 0, out
        assert "started: pid" in out
        pid = int((data / "segue.pid").read_text())
        code, out = await ctl(env, "start")
        assert code == 1
        assert "already running" in out  # a second copy is refused
        handle = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk", "count": 3})
        assert (await handle.wait_answer(timeout=30)).original is not None

        doc = await status_until(env, "recommend")
        assert doc["ok"] is True
        assert doc["pid"] == pid
        assert doc["mode"] == "bot"
        system = doc["system"]
        assert isinstance(system, dict)
        assert {"cpu_percent", "rss_mb", "open_fds", "threads", "disk_free_mb", "load_1m"} <= set(system)
        code, out = await ctl(env, "status")
        assert code == 0, out
        for shown in ("healthy", f"pid {pid}", "p50", "p95", "Cache hit rate", "Rate-limit refusals", "RSS", "Disk"):
            assert shown in out, shown

        code, out = await ctl(env, "logs", "-n", "20")
        assert code == 0, out
        lines = out.splitlines()
        assert 0 < len(lines) <= 20
        assert all(json.loads(line)["level"] for line in lines)  # SEGUE_LOG_FORMAT=json: one object per line
        log_text = (data / "segue.log").read_text()
        assert fake.token not in log_text  # the token never reaches the log
        traced = [json.loads(line) for line in log_text.splitlines() if '"request_id": "i' in line]
        assert any("interactions" in line["msg"] for line in traced), "the reply's REST call carries no request id"
    finally:
        code, out = await ctl(env, "stop")
    assert code == 0, out
    assert "stopped" in out
    assert "SIGKILL" not in out  # graceful: it drained within the timeout
    assert "shut down cleanly" in (data / "segue.log").read_text()
    assert not (data / "segue.pid").exists()
    code, out = await ctl(env, "status")
    assert code == 3
    assert "not running" in out
    code, out = await ctl(env, "stop")
    assert code == 0
    assert "not running" in out


async def test_ctl_runs_the_playground_without_a_token(built_catalog: Catalog, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = environment(data, built_catalog)
    (data / "segue.pid").write_text("999999\n")  # a stale pid file from a crash
    code, out = await ctl(env, "start")
    try:
        assert code == 0, out
        assert "stale pid file" in out
        assert "Segue playground: http://" in out
        code, out = await ctl(env, "status")
        assert code == 0, out
        assert "playground" in out
        assert "healthy" in out
    finally:
        code, out = await ctl(env, "stop")
    assert code == 0, out
    assert "stopped" in out


async def test_ctl_start_says_why_it_is_not_ready_and_status_fails(built_catalog: Catalog, tmp_path: Path) -> None:
    # Every disk has less than 100% free: the watchdog's disk check fails as on a full disk, so never ready.
    env = environment(
        tmp_path / "data", built_catalog, SEGUE_WATCHDOG_DISK_FREE_PERCENT="100", SEGUE_CTL_START_TIMEOUT="20"
    )
    code, out = await ctl(env, "start")
    try:
        assert code == 1
        assert "not ready after 20 s: free disk" in out
        code, out = await ctl(env, "status")
        assert code == 1  # running but unhealthy: scripts and systemd see a failure
        assert "unhealthy: free disk" in out
    finally:
        code, out = await ctl(env, "stop")
    assert code == 0, out


@pytest.mark.parametrize("fake", [FakeDiscordConfig(recommended_shards=2)], indirect=True)
async def test_restart_all_rolls_each_shard_process_in_turn(
    fake: FakeDiscord, town: Town, built_catalog: Catalog, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    env = environment(
        data,
        built_catalog,
        SEGUE_DISCORD_TOKEN=fake.token,
        SEGUE_DISCORD_API_BASE=fake.api_base,
        SEGUE_DISCORD_GATEWAY_URL=fake.gateway_url,
    )
    shards = [("0", "segue-shards-0"), ("1", "segue-shards-1")]
    try:
        for ids, _ in shards:
            code, out = await ctl(env, "start", "--shard-ids", ids, "--shard-count", "2")
            assert code == 0, out
        before = {name: (data / f"{name}.pid").read_text() for _, name in shards}
        ports = {name: json.loads((data / f"{name}.run.json").read_text())["port"] for _, name in shards}
        assert len(set(ports.values())) == 2  # each shard process has its own ops endpoint
        code, out = await ctl(env, "restart", "--all")
        assert code == 0, out
        assert out.index("segue-shards-0) stopped") < out.index("segue-shards-0) started")
        assert out.index("segue-shards-0) started") < out.index("segue-shards-1) stopped")  # one at a time
        after = {name: (data / f"{name}.pid").read_text() for _, name in shards}
        assert all(after[name] != before[name] for name in after)
        assert ports == {name: json.loads((data / f"{name}.run.json").read_text())["port"] for _, name in shards}
        for ids, _ in shards:
            code, out = await ctl(env, "status", "--shard-ids", ids)
            assert code == 0, out
    finally:
        for ids, _ in shards:
            await ctl(env, "stop", "--shard-ids", ids, "--shard-count", "2")
