"""Triage at the gateway: a flood's requests are told 'busy' before discord.py parses them, events already past
Discord's window are dropped unread, and nothing changes while the bot keeps up."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import discord
import pytest

from segue.bot import triage as triage_module
from segue.bot.door import Door
from segue.bot.triage import DISCORD_EPOCH, EXPIRED, MAX_UNANSWERED, CountingAdapter, EventAge, Triage, Unanswered
from support.bot import speech

ME = 7


def snowflake(at: float, increment: int = 0) -> int:
    return (int(at * 1000) - DISCORD_EPOCH) << 22 | increment


class Clock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_an_events_lag_is_its_age_beyond_the_youngest_age_seen() -> None:
    """A host clock 5 s ahead of Discord's reads every event 5 s old: that is the baseline, not a lag."""
    clock = Clock()
    ages = EventAge(clock=clock)
    assert ages.lag(snowflake(clock.now - 5.0)) == pytest.approx(0.0, abs=1e-3)
    clock.now += 1.0
    assert ages.lag(snowflake(clock.now - 5.0)) == pytest.approx(0.0, abs=1e-3)
    assert ages.lag(snowflake(clock.now - 7.0)) == pytest.approx(2.0, abs=0.06)  # read 2 s behind
    assert ages.peek(snowflake(clock.now - 7.0)) == pytest.approx(2.0, abs=0.06)
    clock.now += 100.0  # quiet for a while: the baseline may drift up, never past a fresh event's age
    assert ages.lag(snowflake(clock.now - 4.0)) == pytest.approx(0.0, abs=1e-3)


def test_unanswered_interactions_leave_at_their_first_response_or_after_the_window() -> None:
    clock = Clock(0.0)
    waiting = Unanswered(clock=clock)
    waiting.add(1)
    waiting.add(2)
    waiting.answered(1)
    waiting.answered(99)  # answered twice, or never counted: nothing happens
    assert len(waiting) == 1
    clock.now = 10.0
    for i in range(3, 3 + 255):  # the 256th addition sweeps out what the window forgot
        waiting.add(i)
    assert len(waiting) == 255


class Sent:
    def __init__(self) -> None:
        self.callbacks: list[tuple[int, dict[str, Any]]] = []
        self.messages: list[tuple[int, dict[str, Any]]] = []


def bot_with_triage(door: Door, clock: Clock) -> tuple[discord.Client, Triage, list[str], Sent]:
    client = discord.Client(intents=discord.Intents.none())
    state = client._connection
    state.user = discord.ClientUser(
        state=state, data={"id": str(ME), "username": "segue", "discriminator": "0", "avatar": None}
    )
    parsed: list[str] = []
    state.parsers["INTERACTION_CREATE"] = lambda data: parsed.append(data["id"])
    state.parsers["MESSAGE_CREATE"] = lambda data: parsed.append(data["id"])
    found = Triage(client, door, speech(), ages=EventAge(clock=clock))
    found.install()
    found.install()  # once, however often
    sent = Sent()

    async def callback(interaction_id: int, token: str, **kwargs: Any) -> None:
        sent.callbacks.append((interaction_id, kwargs["params"].payload))

    async def send_message(channel_id: int, *, params: Any) -> None:
        sent.messages.append((channel_id, params.payload))

    found._adapter.create_interaction_response = callback  # type: ignore[method-assign]
    client.http.send_message = send_message  # type: ignore[method-assign,assignment]
    return client, found, parsed, sent


def command(at: float, n: int, kind: int = 2) -> dict[str, Any]:
    return {
        "id": str(snowflake(at, n)),
        "token": f"t{n}",
        "type": kind,
        "locale": "es-ES",
        "member": {"user": {"id": str(1000 + n)}},
        "guild_id": "5",
    }


def mention(at: float, n: int) -> dict[str, Any]:
    return {"id": str(snowflake(at, n)), "channel_id": "9", "author": {"id": "8"}, "mentions": [{"id": str(ME)}]}


async def settle() -> None:
    for _ in range(20):
        await asyncio.sleep(0)


async def test_while_the_bot_keeps_up_every_event_reaches_discord_py() -> None:
    clock = Clock()
    client, triage, parsed, sent = bot_with_triage(Door(), clock)
    parsers = client._connection.parsers
    for n in range(50):
        parsers["INTERACTION_CREATE"](command(clock.now, n))
        parsers["MESSAGE_CREATE"](mention(clock.now, 100 + n))
    await settle()
    assert len(parsed) == 100
    assert not sent.callbacks
    assert not sent.messages
    assert len(triage.unanswered) == 50
    assert triage.door.verdicts["shed"] == 0


async def test_past_the_unanswered_bound_a_request_hears_busy_in_its_language_without_being_parsed() -> None:
    clock = Clock()
    client, triage, parsed, sent = bot_with_triage(Door(), clock)
    parsers = client._connection.parsers
    for n in range(MAX_UNANSWERED):
        parsers["INTERACTION_CREATE"](command(clock.now, n % 4096))
    parsers["INTERACTION_CREATE"](command(clock.now + 0.001, 1))
    parsers["MESSAGE_CREATE"](mention(clock.now + 0.001, 2))
    await settle()
    assert len(parsed) == MAX_UNANSWERED
    assert triage.door.verdicts["shed"] == 2
    [(_, payload)] = sent.callbacks
    assert payload["type"] == discord.InteractionResponseType.channel_message.value
    data = payload["data"]
    assert data["flags"] == discord.MessageFlags.ephemeral.flag
    assert data["allowed_mentions"] == {"parse": []}
    assert re.search(r" 5 s\.$", data["content"])
    assert "Try again" not in data["content"]
    [(channel, message)] = sent.messages
    assert channel == 9
    assert message["message_reference"]["message_id"] == mention(clock.now + 0.001, 2)["id"]
    assert message["allowed_mentions"]["parse"] == []  # nothing the notice says can ping anyone


async def test_a_request_read_well_behind_its_creation_is_refused_and_one_past_the_window_dropped() -> None:
    clock = Clock()
    client, triage, parsed, sent = bot_with_triage(Door(), clock)
    parsers = client._connection.parsers
    parsers["INTERACTION_CREATE"](command(clock.now, 1))  # the baseline: read at once
    parsers["INTERACTION_CREATE"](command(clock.now - triage_module.BEHIND - 0.1, 2))
    parsers["INTERACTION_CREATE"](command(clock.now - EXPIRED - 0.1, 3))
    parsers["INTERACTION_CREATE"](command(clock.now - EXPIRED - 0.1, 4, kind=4))  # autocomplete, expired too
    parsers["INTERACTION_CREATE"](command(clock.now - triage_module.BEHIND - 0.1, 5, kind=4))  # late autocomplete
    await settle()
    behind = clock.now - triage_module.BEHIND - 0.1
    assert parsed == [command(clock.now, 1)["id"], command(behind, 5)["id"]]  # autocomplete cannot hear 'busy'
    assert [c[0] for c in sent.callbacks] == [int(command(behind, 2)["id"])]
    assert triage.door.verdicts["expired"] == 2
    assert triage.door.verdicts["shed"] == 1


async def test_busy_notices_go_newest_first_and_those_that_expired_while_waiting_are_dropped() -> None:
    """Only `REFUSERS` notices are on their way at once; the rest wait, newest first, and one that waited past
    Discord's window is dropped instead of sent."""
    clock = Clock()
    client, triage, _parsed, _sent = bot_with_triage(Door(), clock)
    gate = asyncio.Event()
    started: list[int] = []

    async def slow_callback(interaction_id: int, token: str, **kwargs: Any) -> None:
        started.append(interaction_id)
        await gate.wait()

    triage._adapter.create_interaction_response = slow_callback  # type: ignore[method-assign]
    triage.unanswered._since = dict.fromkeys(range(MAX_UNANSWERED), clock.now)  # a flood in progress
    triage.unanswered._clock = clock
    parsers = client._connection.parsers
    waiting = triage_module.REFUSERS + 3
    for n in range(waiting):
        parsers["INTERACTION_CREATE"](command(clock.now, n))
    await settle()
    newest = [int(command(clock.now, n)["id"]) for n in reversed(range(waiting))]
    assert started == newest[: triage_module.REFUSERS]
    clock.now += EXPIRED + 0.1
    gate.set()
    await settle()
    assert len(started) == triage_module.REFUSERS
    assert triage.door.verdicts["expired"] == 3
    assert triage.door.verdicts["shed"] == waiting
    assert not triage._tasks  # the senders end once nothing waits


async def test_the_notice_asks_for_at_most_the_doors_bound() -> None:
    door = Door(max_wait=60.0)
    _client, triage, _parsed, _sent = bot_with_triage(door, Clock())
    door.admitted, door.seconds_per_request = 100_000, 1.0
    assert triage._notice().retry_seconds == 60


async def test_the_counting_adapter_sees_every_first_response() -> None:
    waiting = Unanswered()
    waiting.add(42)
    adapter = CountingAdapter(waiting)
    seen: list[int] = []

    def original(self: Any, interaction_id: int, *args: Any, **kwargs: Any) -> str:
        seen.append(interaction_id)
        return "sent"

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triage_module.AsyncWebhookAdapter, "create_interaction_response", original)
        assert adapter.create_interaction_response(42, "token", session=None, params=None) == "sent"
    assert seen == [42]
    assert len(waiting) == 0
