"""The request gate: asks the limiter, and remembers whom we already told to wait so we tell them only once.

A user hammering a command should hear "try again in N s" once per window; after that, slash commands get a
one-word ephemeral and message triggers get silence, so the bot never turns a rate limit into channel spam.
Once `servers` is set (the /settings extension does it when it loads), a server's own per-minute limits replace
the defaults for every request made there: slash commands, buttons and free text alike.
"""

from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from segue.bot.deps import LimitDecision, RequestLimiter
from segue.bot.servers import ServerSettings
from segue.infra.ratelimit import RequestRateLimit

log = logging.getLogger(__name__)

TOLD_MAX = 50_000


@dataclass(frozen=True, slots=True)
class Admission:
    """Allowed, or refused with the wait and whether this is the first refusal of the window."""

    allowed: bool
    retry_after: float = 0.0
    scope: str = ""
    first_notice: bool = False

    @property
    def retry_seconds(self) -> int:
        """Whole seconds to tell a person (never zero, never early)."""
        return max(1, math.ceil(self.retry_after))


ALLOWED = Admission(True)


class RequestGate:
    """`admit(user, guild)` consumes one request or says how long to wait."""

    def __init__(
        self,
        limiter: RequestLimiter,
        *,
        clock: Callable[[], float] = time.monotonic,
        told_max: int = TOLD_MAX,
    ) -> None:
        self.limiter = limiter
        self._clock = clock
        self._told: OrderedDict[str, float] = OrderedDict()  # user key -> end of the window we told them about
        self._told_max = told_max
        self.servers: ServerSettings | None = None
        """Per-server limits (/settings); None applies the configured limits everywhere."""

    async def _check(self, user_id: int | str, guild_id: int | str | None, cost: int) -> LimitDecision:
        """The limiter's verdict, under the server's own per-minute limits when it set any.

        Only the request policy (`RequestRateLimit`) takes overrides; another limiter (a test's) keeps its rules.
        """
        limiter = self.limiter
        if self.servers is not None and guild_id is not None and isinstance(limiter, RequestRateLimit):
            settings = await self.servers.get(guild_id)
            if settings.user_per_minute is not None or settings.guild_per_minute is not None:
                return await limiter.check(
                    user_id,
                    guild_id,
                    cost,
                    user_per_minute=settings.user_per_minute,
                    guild_per_minute=settings.guild_per_minute,
                )
        return await limiter.check(user_id, guild_id, cost)

    async def admit(self, user_id: int | str, guild_id: int | str | None = None, cost: int = 1) -> Admission:
        decision = await self._check(user_id, guild_id, cost)
        if decision.allowed:
            return ALLOWED
        now = self._clock()
        key = str(user_id)
        until = self._told.get(key, 0.0)
        first = now >= until
        if first:
            self._told[key] = now + decision.retry_after
            self._told.move_to_end(key)
            while len(self._told) > self._told_max:
                self._told.popitem(last=False)
        return Admission(False, decision.retry_after, decision.scope or "user", first)

    async def headroom(self, user_id: int | str, guild_id: int | str | None = None) -> int | None:
        """Requests left right now, without consuming any; None when the limiter cannot say (status only)."""
        try:
            decision = await self._check(user_id, guild_id, 0)
        except Exception:  # a status line must not fail the command that shows it
            log.warning("rate limiter could not report headroom for user %s", user_id, exc_info=True)
            return None
        return decision.remaining
