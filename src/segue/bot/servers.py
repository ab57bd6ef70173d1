"""Each server's /settings as the bot reads them on every request: a small per-process cache over the state store.

Every slash command, button and free-text request asks for its server's settings (disabled commands, default
count, rate-limit overrides), so reads must cost next to nothing: `ServerSettings` keeps each server's
`GuildSettings` for `ttl` seconds (30 by default). A change made through this process replaces the cached entry
at once; a change made through another shard is seen here within `ttl`. When the store cannot be read, requests
go on with the bot's defaults (a recommendation never fails because settings are unavailable).
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from segue.state import StateStore
from segue.state.records import GuildSettings

log = logging.getLogger(__name__)

TTL = 30.0
"""Seconds a server's settings are served from memory; another shard's change shows up within this."""
CACHED_MAX = 10_000
"""Servers kept in the cache (least recently used dropped first); an entry is a few hundred bytes."""
DEFAULTS = GuildSettings(guild_id="")
"""What a DM (no server) or an unreadable store gets: every setting at the bot's default."""


class ServerSettings:
    """`get(guild_id)` for request paths (cached) and `change(...)` for /settings (writes, audits, refreshes)."""

    def __init__(
        self,
        state: StateStore,
        *,
        ttl: float = TTL,
        clock: Callable[[], float] = time.monotonic,
        cached_max: int = CACHED_MAX,
    ) -> None:
        self.state = state
        self.ttl = ttl
        self._clock = clock
        self._cached_max = cached_max
        self._cache: OrderedDict[str, tuple[float, GuildSettings]] = OrderedDict()

    async def get(self, guild_id: int | str | None) -> GuildSettings:
        """The server's settings (defaults for DMs and while the store cannot be read)."""
        if guild_id is None:
            return DEFAULTS
        key = str(guild_id)
        now = self._clock()
        hit = self._cache.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]
        try:
            found = await self.state.guild_settings(key)
        except Exception:  # a request must not fail because its server's settings could not be read
            log.warning("could not read settings of server %s; using defaults", key, exc_info=True)
            found = hit[1] if hit is not None else GuildSettings(guild_id=key)
        self._remember(key, found)
        return found

    async def change(self, guild_id: int | str, key: str, value: Any, by: int | str) -> GuildSettings:
        """Set (or with None reset) one setting, audited under `by`; this process sees it at once."""
        changed = await self.state.change_setting(str(guild_id), key, value, str(by))
        self._remember(str(guild_id), changed)
        return changed

    def _remember(self, key: str, settings: GuildSettings) -> None:
        self._cache[key] = (self._clock() + self.ttl, settings)
        self._cache.move_to_end(key)
        while len(self._cache) > self._cached_max:
            self._cache.popitem(last=False)

    async def disabled(self, guild_id: int | str | None, command: str) -> bool:
        """Whether an admin switched `command` ("recommend", "chat"...) off in this server."""
        return guild_id is not None and command in (await self.get(guild_id)).disabled_commands

    async def count(self, guild_id: int | str | None, asked: int | None) -> int | None:
        """The count a member asked for, else the server's default count, else None (the bot's default)."""
        if asked is not None:
            return asked
        return (await self.get(guild_id)).default_count
