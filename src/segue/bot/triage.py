"""Triage at the gateway: under a flood, a cheap "busy" before discord.py parses the request, not a late answer.

Discord refuses a response to an interaction 3 s after it was created. Under a burst faster than the bot can serve
(a raid; the stand-in's maximum rate), discord.py parses every event into an `Interaction` and starts a task for
the command tree; thousands of tasks then share the loop step by step, each one's acknowledgement waits for all the
others, and nearly every one arrives after the 3 s and is refused: the member sees "did not respond". The door
(`door.py`) cannot prevent that: it counts engine work, and judges each request only once its task runs.

Triage counts the interactions let through and not yet acknowledged (`Unanswered`, fed by discord.py's own
response call). Past `MAX_UNANSWERED` of them the loop already holds more than it can acknowledge in time (and so
for one read `BEHIND` after it was made), so a new request is told "busy, try again in N s" through one REST call,
without discord.py building it (counted `shed`); a mention of the bot gets the same notice as a reply. An
interaction older than `EXPIRED` when it is read (after a stall, or replayed after a reconnect) is dropped unparsed
(counted `expired`): Discord would refuse any response.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import discord
from discord.webhook.async_ import AsyncWebhookAdapter, async_context, interaction_response_params

from segue.bot.door import Door, Verdict
from segue.bot.failures import BUSY
from segue.bot.speech import Speech

log = logging.getLogger(__name__)

EXPIRED = 2.75
"""Seconds of age past which a response would reach Discord after its 3 s (a quarter second left to send it)."""
MAX_UNANSWERED = 2000
"""Interactions let through and not yet acknowledged past which new ones are told 'busy' at once: at ~0.5 ms of the
loop's time to acknowledge each, a second of acknowledgements already queued (a steady 500/s holds a few hundred:
the usual path defers an old request at once, `respond.within_budget`)."""
FORGET = 3.0
"""Seconds after which an interaction no longer counts as waiting for its acknowledgement (Discord's window)."""
BEHIND = 2.25
"""Seconds of age from which a request is told 'busy' at the gateway: the usual path would defer it at once, but its
acknowledgement, queued behind the flood that made it late, would not reach Discord within the 3 s (at 1.5 s, a
loaded machine at 500/s told members 'busy' whom the usual path deferred and answered)."""
FOLLOW = 0.05
"""Seconds per second the youngest-age baseline may rise: it follows a drifting clock, not a flood's growing lag."""
REFUSERS = 16
"""Busy notices on their way at once. More would share the loop step by step and all arrive late, as the requests
they refuse would have; the others wait, newest first (the oldest are nearest Discord's window)."""
MAX_REFUSALS = 10_000
"""Busy notices waiting past which the oldest is given up (memory stays bounded through any flood)."""
DISCORD_EPOCH = 1_420_070_400_000
RESPONDABLE = frozenset({2, 3, 5})
"""Interaction types answered with a message: application command, component, modal submit (autocomplete is not)."""


class EventAge:
    """How long ago each event was created, beyond the youngest age seen lately (network and clock skew), so a
    host clock seconds off Discord's changes nothing."""

    def __init__(self, *, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._base: float | None = None
        self._at = 0.0

    def lag(self, snowflake: int) -> float:
        now = self._clock()
        age = self._age(snowflake, now)
        base = age if self._base is None else min(self._base + FOLLOW * (now - self._at), age)
        self._base, self._at = base, now
        return age - base

    def peek(self, snowflake: int) -> float:
        """`lag` without moving the baseline (an event seen before, judged again)."""
        return self._age(snowflake, self._clock()) - (self._base or 0.0)

    @staticmethod
    def _age(snowflake: int, now: float) -> float:
        return now - ((snowflake >> 22) + DISCORD_EPOCH) / 1000


class Unanswered:
    """Interactions let through, by id, with when; each leaves at its first response or after `FORGET` s."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._since: dict[int, float] = {}

    def __len__(self) -> int:
        return len(self._since)

    def add(self, interaction_id: int) -> None:
        now = self._clock()
        self._since[interaction_id] = now
        if len(self._since) % 256 == 0:  # errors and autocomplete never answer with a message: forget them
            old = now - FORGET
            for key in [k for k, at in self._since.items() if at < old]:
                del self._since[key]

    def answered(self, interaction_id: int) -> None:
        self._since.pop(interaction_id, None)


class CountingAdapter(AsyncWebhookAdapter):
    """discord.py's webhook adapter, telling `Unanswered` of each interaction's first response (every initial
    response, a defer included, goes through `create_interaction_response`)."""

    def __init__(self, unanswered: Unanswered) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.unanswered = unanswered

    def create_interaction_response(self, interaction_id: int, *args: Any, **kwargs: Any) -> Any:
        self.unanswered.answered(interaction_id)
        return super().create_interaction_response(interaction_id, *args, **kwargs)


class Triage:
    """Wraps the client's INTERACTION_CREATE and MESSAGE_CREATE parsers (see the module docstring)."""

    def __init__(self, client: discord.Client, door: Door, speech: Speech, *, ages: EventAge | None = None) -> None:
        self.client = client
        self.door = door
        self.speech = speech
        self.ages = ages or EventAge()
        self.unanswered = Unanswered()
        self._adapter = CountingAdapter(self.unanswered)
        self._tasks: set[asyncio.Task[None]] = set()
        self._refusals: deque[tuple[bool, dict[str, Any]]] = deque()
        self._refusers = 0

    def install(self) -> None:
        """Once per client; the wrapped parsers run before tracing and the own-message filter see an event."""
        parsers = self.client._connection.parsers
        interaction, message = parsers["INTERACTION_CREATE"], parsers["MESSAGE_CREATE"]
        if getattr(interaction, "segue_triaged", False):
            return
        parsers["INTERACTION_CREATE"] = self._wrap(interaction, self._interaction)
        parsers["MESSAGE_CREATE"] = self._wrap(message, self._message)

    def _wrap(self, parse: Callable[[Any], None], judge: Callable[[Any], bool]) -> Callable[[Any], None]:
        def triaged(data: Any) -> None:
            if not judge(data):
                parse(data)

        triaged.segue_triaged = True  # type: ignore[attr-defined]
        return triaged

    def _interaction(self, data: Any) -> bool:
        """True when the interaction was handled here (dropped, or refused at once)."""
        interaction_id = _snowflake(data)
        if interaction_id is None:
            return False
        lag = self.ages.lag(interaction_id)
        if lag >= EXPIRED:
            self.door.verdicts["expired"] += 1
            return True
        if data.get("type") not in RESPONDABLE:
            return False
        if self._flooded(lag):
            self.door.verdicts["shed"] += 1
            self._refuse(True, data)
            return True
        if async_context.get() is not self._adapter:  # the gateway's task; the command tree's tasks copy it
            async_context.set(self._adapter)
        self.unanswered.add(interaction_id)
        return False

    def _message(self, data: Any) -> bool:
        message_id = _snowflake(data)
        if message_id is None or not self._asks_me(data) or not self._flooded(self.ages.lag(message_id)):
            return False
        self.door.verdicts["shed"] += 1
        self._refuse(False, data)
        return True

    def _flooded(self, lag: float) -> bool:
        """Read `BEHIND` after it was made, or behind `MAX_UNANSWERED` others: the request hears 'busy' now."""
        return lag >= BEHIND or len(self.unanswered) >= MAX_UNANSWERED

    def _asks_me(self, data: Any) -> bool:
        me = self.client._connection.self_id
        if not isinstance(data, dict):
            return False
        author = data.get("author") or {}
        if me is None or author.get("bot") or author.get("id") == str(me):
            return False
        return any(isinstance(m, dict) and m.get("id") == str(me) for m in data.get("mentions") or ())

    def _notice(self) -> Verdict:
        """The door's expected wait, at most its bound: a flood passes in seconds ('try again in 1,360 s' was the
        backlog times the engine's time per request, as if each waiting acknowledgement were a recommendation)."""
        return Verdict("busy", min(self.door.max_wait, self.door.expected_wait()))

    def _refuse(self, interaction: bool, data: dict[str, Any]) -> None:
        self._refusals.append((interaction, data))
        if len(self._refusals) > MAX_REFUSALS:
            self._refusals.popleft()
            self.door.verdicts["given up"] += 1
        if self._refusers < REFUSERS:
            self._refusers += 1
            task = asyncio.get_running_loop().create_task(self._refuse_loop())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _refuse_loop(self) -> None:
        try:
            while self._refusals:
                interaction, data = self._refusals.pop()  # newest first
                if not interaction:
                    await self._refuse_message(data)
                elif self.ages.peek(int(data["id"])) >= EXPIRED:
                    self.door.verdicts["expired"] += 1
                else:
                    await self._refuse_interaction(data)
        finally:
            self._refusers -= 1

    async def _refuse_interaction(self, data: dict[str, Any]) -> None:
        user = (data.get("member") or {}).get("user") or data.get("user") or {}
        say = await self.speech.choose(
            str(user.get("id", "")),
            data.get("guild_id"),
            data.get("locale"),
            data.get("guild_locale"),
            cached_only=True,
        )
        text = say.gettext(BUSY, seconds=self._notice().retry_seconds)
        payload = {"content": text, "flags": discord.MessageFlags.ephemeral.flag, "allowed_mentions": {"parse": []}}
        params = interaction_response_params(discord.InteractionResponseType.channel_message.value, payload)
        session = self.client.http._HTTPClient__session  # type: ignore[attr-defined]  # as discord.py's Interaction
        try:
            await self._adapter.create_interaction_response(
                int(data["id"]), str(data["token"]), session=session, params=params
            )
        except (TimeoutError, discord.HTTPException, OSError) as error:  # too late after all, or gone
            log.info("busy notice for interaction %s not delivered: %s", data.get("id"), error)

    async def _refuse_message(self, data: dict[str, Any]) -> None:
        author = data.get("author") or {}
        say = await self.speech.choose(str(author.get("id", "")), data.get("guild_id"), None, None, cached_only=True)
        text = say.gettext(BUSY, seconds=self._notice().retry_seconds)
        reference = {"message_id": data["id"], "channel_id": data["channel_id"], "fail_if_not_exists": False}
        params = discord.http.handle_message_parameters(
            content=text,
            allowed_mentions=discord.AllowedMentions.none(),
            message_reference=reference,  # type: ignore[arg-type]
        )
        try:
            await self.client.http.send_message(int(data["channel_id"]), params=params)
        except (TimeoutError, discord.HTTPException, OSError) as error:
            log.info("busy notice for message %s not delivered: %s", data.get("id"), error)


def _snowflake(data: Any) -> int | None:
    """The event's id, None for a payload without a readable one (it goes to discord.py's parser untouched)."""
    try:
        return int(data["id"])
    except (KeyError, TypeError, ValueError):
        return None
