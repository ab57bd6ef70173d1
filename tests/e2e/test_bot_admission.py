"""Admission control through the Discord stand-in: under a backlog, new requests are acknowledged at once and
answered in turn, or told "busy" at once; none is left without a response."""

from __future__ import annotations

import asyncio

from fakediscord import CallbackType, FakeDiscord
from fakediscord.harness import StartClient, Town
from segue.bot.deps import BotOptions
from segue.bot.door import Door
from support.bot import HeldService, make_deps
from support.e2e import segue_for, text_of, track_titles


def slow_door() -> Door:
    """One slot, and a measured second per request: the second request waiting means 2 s expected."""
    door = Door(slots=1, answer_within=1.5, max_wait=3.5, per_user=10)
    door.seconds_per_request = 1.0
    return door


async def test_a_backlog_is_acknowledged_at_once_then_answered_in_turn_or_told_busy(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    service = HeldService()
    options = BotOptions(defer_after=1.5, presence_every=3600, cleanup_every=3600, metrics_every=3600)
    bot = segue_for(fake, make_deps(service=service, options=options))  # type: ignore[arg-type]
    await start_client(bot)
    bot.door = slow_door()
    first = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})
    await service.started.wait()  # holds the only slot
    second = await fake.invoke_command(town.ada, town.general, "recommend", {"genre": "metal"})
    third = await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk", "count": 2})
    acked = await third.wait_response()
    assert acked.type is CallbackType.DEFERRED_CHANNEL_MESSAGE  # 2 waiting x 1 s > 1.5 s: acknowledged at once
    fourth = await fake.invoke_command(town.ada, town.general, "recommend", {"genre": "metal"})
    await fourth.wait_response()
    refused = await (await fake.invoke_command(town.alice, town.general, "recommend", {"genre": "folk"})).wait_answer()
    assert refused.ephemeral
    assert "try again in 5 s" in text_of(refused.original)
    service.release.set()
    for handle in (first, second, third, fourth):
        answer = await handle.wait_answer()
        assert track_titles(answer.messages[-1]), "every admitted request gets its tracks"
    assert bot.door.verdicts["busy"] == 1
    assert bot.door.admitted == 0
    assert fake.stats().interactions_unanswered == 0


async def test_a_mention_during_a_backlog_gets_a_sign_of_life_then_its_answer_or_busy(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    service = HeldService()
    bot = segue_for(fake, make_deps(service=service))  # type: ignore[arg-type]
    await start_client(bot)
    bot.door = slow_door()
    first = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} some folk please")
    await service.started.wait()
    second = await fake.post_message(town.ada, town.general, f"{fake.bot.mention} some metal please")
    third = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} more folk please")
    fourth = await fake.post_message(town.ada, town.general, f"{fake.bot.mention} heavy metal")
    overflow = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} folk again")
    busy = await fake.wait_reply(overflow)
    assert "try again in" in text_of(busy)
    service.release.set()
    for asked in (first, second, third, fourth):
        assert track_titles(await fake.wait_reply(asked))


async def test_a_mention_the_door_let_in_at_once_still_shows_a_sign_of_life_when_its_answer_runs_late(
    fake: FakeDiscord, town: Town, start_client: StartClient
) -> None:
    """The door judged by its estimate ('now': nothing waiting); the work then ran past the defer budget. A slash
    command is deferred then; a mention got no typing indicator and its member waited in silence."""
    service = HeldService()
    options = BotOptions(defer_after=0.2, presence_every=3600, cleanup_every=3600, metrics_every=3600)
    bot = segue_for(fake, make_deps(service=service, options=options))  # type: ignore[arg-type]
    await start_client(bot)
    typing = "POST /channels/{channel_id}/typing"
    asked = await fake.post_message(town.alice, town.general, f"{fake.bot.mention} some folk please")
    await service.started.wait()
    assert bot.door.verdicts == {"now": 1}
    for _ in range(100):  # the budget is 0.2 s; the indicator follows it
        if fake.stats().requests_by_route.get(typing, 0):
            break
        await asyncio.sleep(0.02)
    assert fake.stats().requests_by_route.get(typing, 0) == 1
    service.release.set()
    assert track_titles(await fake.wait_reply(asked))
