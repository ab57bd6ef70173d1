"""Every handled request becomes one analytics event, and operators read the report with /admin analytics."""

from __future__ import annotations

import time

from fakediscord import FakeDiscord
from fakediscord.harness import StartClient, Town
from segue.state import MemoryStateStore
from support.bot import ScriptedLimiter, make_deps
from support.e2e import segue_for, text_of


async def test_commands_mentions_limits_and_errors_are_recorded(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    state = MemoryStateStore()
    deps = make_deps(state=state, limiter=ScriptedLimiter(budget=3, retry_after=600))
    await start_client(segue_for(fake, deps))
    await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})).wait_answer()
    await (await fake.invoke_command(town.alice, town.general, "recommend", {"artist": "Nobody"})).wait_answer()
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} some folk please")
    await fake.wait_reply(asked)
    await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})).wait_answer()
    report = await state.analytics(0.0, time.time() + 1)
    by_command = {c.command: c for c in report.commands}
    assert by_command["recommend"].count == 3
    assert by_command["recommend"].p50_ms is not None
    assert by_command["mention"].count == 1
    assert report.rate_limited == 1  # the fourth request went over the budget of three
    assert {r.name: r.count for r in report.errors} == {"UnknownSeedError": 1, "RateLimited": 1}
    assert {r.name for r in report.popular["genre"]} == {"metal", "folk"}
    assert report.weekly_active == 1


async def test_admin_analytics_is_for_operators_and_attaches_the_report(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    await start_client(segue_for(fake, make_deps()))
    await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "metal"})).wait_answer()
    shown = await (await fake.invoke_command(fake.owner, town.general, "admin analytics", {})).wait_answer()
    assert shown.ephemeral
    text = text_of(shown.original)
    assert "genres: metal (1)" in text
    assert "/recommend: 1" in text
    assert any("segue-analytics.json" in a for a in shown.original.attachments)
    refused = await (await fake.invoke_command(town.ada, town.general, "admin analytics", {})).wait_answer()
    assert "operators" in text_of(refused.original)
    bad = await (
        await fake.invoke_command(fake.owner, town.general, "admin analytics", {"since": "last tuesday"})
    ).wait_answer()
    assert "7d, 12h or 2w" in text_of(bad.original)
