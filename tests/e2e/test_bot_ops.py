"""Operations through the stand-in: /admin performance, logs and cleanup (operators only), the machine in
/admin status and /health, and the ops endpoint's /status and /healthz with the watchdog's hard alarms."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from fakediscord import FakeDiscord, Permission, UnknownCommandError
from fakediscord.harness import StartClient, Town
from segue.bot.client import SegueBot
from segue.bot.ops import operations
from segue.bot.tracing import trace_requests
from segue.config import Settings
from segue.infra.metrics import MetricsRegistry
from segue.logs import RingHandler
from support.bot import make_deps
from support.e2e import segue_for, text_of

SECRET = "token=supersecretvalue42"


@contextlib.asynccontextmanager
async def operated(bot: SegueBot, **settings: Any) -> AsyncIterator[int | None]:
    """The bot with the monitor, watchdog, log ring and (with metrics_port=0) the ops endpoint, as `segue run`."""
    config = Settings(_env_file=None, **settings)  # type: ignore[call-arg]
    async with operations(config, bot, metrics=MetricsRegistry(), shared={}, mode="bot") as port:
        yield port


async def answer_text(fake: FakeDiscord, town: Town, name: str, options: dict[str, Any], user: Any) -> str:
    answer = await (await fake.invoke_command(user, town.general, name, options)).wait_answer()
    assert answer.ephemeral, name
    assert answer.original is not None
    return text_of(answer.original)


async def test_performance_logs_and_cleanup_for_operators(
    fake: FakeDiscord, town: Town, start_client: StartClient, tmp_path: Any
) -> None:
    bot = segue_for(fake, make_deps())
    async with operated(bot, data_dir=tmp_path):
        await start_client(bot)
        await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})).wait_answer()
        logging.getLogger("segue.test.ops").warning("a warning that quotes %s", SECRET)

        performance = await answer_text(fake, town, "admin performance", {}, fake.owner)
        for shown in ("Performance (last hour)", "/recommend: 1, p50", "Cache hit rate", "RSS", "Event loop"):
            assert shown in performance, shown

        logs = await (
            await fake.invoke_command(fake.owner, town.general, "admin logs", {"lines": 50, "level": logging.WARNING})
        ).wait_answer()
        assert logs.original is not None
        assert "at warning or above" in logs.original.content
        assert "segue-recent.log" in logs.original.attachments
        ring = bot.deps.log_ring
        assert ring is not None
        sent = "\n".join(ring.recent(50, logging.WARNING))  # what the attachment holds
        assert "a warning that quotes token=***" in sent
        assert "supersecretvalue42" not in sent

        cleanup = await answer_text(fake, town, "admin cleanup", {}, fake.owner)
        for shown in ("Cleanup done", "expired entries removed", "Garbage collector", "Resident memory"):
            assert shown in cleanup, shown

        status = await answer_text(fake, town, "admin status", {}, fake.owner)
        assert "Watchdog" in status
        assert "all checks fine" in status
        health = await answer_text(fake, town, "health", {}, town.alice)
        assert "Machine" in health
        assert "✅ Healthy" in health


async def test_every_log_line_of_an_interaction_carries_its_id(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    ring = RingHandler(capacity=5000)
    ring.setFormatter(logging.Formatter("%(request_id)s %(name)s %(message)s"))
    http_log = logging.getLogger("discord")
    before = http_log.level
    http_log.setLevel(logging.DEBUG)  # discord.py logs each REST call of the reply (its webhook adapter) at DEBUG
    http_log.addHandler(ring)
    try:
        bot = segue_for(fake, make_deps())
        trace_requests(bot)  # as `build_bot` does for `segue run` and the playground
        await start_client(bot)
        handle = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})
        await handle.wait_answer()
    finally:
        http_log.removeHandler(ring)
        http_log.setLevel(before)
    replies = [line for line in ring.recent(5000) if "/interactions/" in line]
    assert replies
    assert all(line.startswith(f"i{handle.id} ") for line in replies), replies


async def test_new_admin_commands_are_refused_to_members_and_to_managers(
    fake: FakeDiscord, town: Town, start_client: StartClient, tmp_path: Any
) -> None:
    bot = segue_for(fake, make_deps())
    async with operated(bot, data_dir=tmp_path):
        await start_client(bot)
        manager_role = fake.create_role(town.guild, "Mods", permissions=Permission.MANAGE_GUILD)
        mod = fake.create_user("mod")
        fake.add_member(town.guild, mod, roles=[manager_role])
        for name in ("performance", "logs", "cleanup"):
            with pytest.raises(UnknownCommandError):  # hidden from members without Manage Server
                await fake.invoke_command(town.alice, town.general, f"admin {name}")
            refused = await answer_text(fake, town, f"admin {name}", {}, mod)
            assert "operator" in refused.lower(), name


async def test_a_nearly_full_disk_makes_healthz_unhealthy_and_status_says_why(
    fake: FakeDiscord, town: Town, start_client: StartClient, tmp_path: Any
) -> None:
    bot = segue_for(fake, make_deps())
    # Every disk has less than 100% free: the disk check fails at once, as on a full disk.
    async with operated(bot, data_dir=tmp_path, metrics_port=0, watchdog_disk_free_percent=100.0) as port:
        await start_client(bot)
        assert bot.deps.monitor is not None
        bot.deps.monitor.tick()
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as healthz:
                assert healthz.status == 503
                body = await healthz.json()
            assert body["discord"] == "connected"
            assert "free disk" in body["unhealthy"][0]
            async with http.get(f"http://127.0.0.1:{port}/status") as status:
                assert status.status == 503
                doc = await status.json()
            assert doc["mode"] == "bot"
            assert doc["alarms"] == [{"check": "disk", "hard": True, "detail": body["unhealthy"][0]}]
            assert doc["system"]["rss_mb"] > 0
            async with http.get(f"http://127.0.0.1:{port}/metrics") as scrape:
                exposition = await scrape.text()
        assert 'segue_watchdog_failing{check="disk"} 1' in exposition
        assert "segue_process_resident_memory_bytes" in exposition
        assert "segue_event_loop_lag_seconds" in exposition
        health = await answer_text(fake, town, "health", {}, town.alice)
        assert "⚠️ Degraded" in health
        assert "failing: free disk" in health
