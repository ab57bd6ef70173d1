"""Point discord.py at another Discord (the stand-in, or a REST proxy) and back.

discord.py 2.7.1 has no per-client setting for either URL, only two class attributes:
- `discord.http.Route.BASE`: every REST URL (including interaction callbacks and webhooks) is built from it when
  the `Route` is created;
- `discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY`: a plain `Client` connects there without asking
  `GET /gateway/bot` (only `AutoShardedClient` without a `shard_count` asks), and every client goes back there
  after an INVALID_SESSION or a fresh IDENTIFY. Setting only `Route.BASE` would send those to the real gateway.
Both are process-wide, so this returns a handle that restores them.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType
from typing import Self


@dataclass
class DiscordPointer:
    """The previous URLs; `restore()` (or leaving the `with` block) puts them back."""

    previous_api_base: str
    previous_gateway: str

    def restore(self) -> None:
        import discord.gateway
        import discord.http
        import yarl

        discord.http.Route.BASE = self.previous_api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.previous_gateway)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.restore()


def point_discord_at(api_base: str, gateway_url: str | None = None) -> DiscordPointer:
    """Make discord.py use `api_base` (e.g. `http://127.0.0.1:PORT/api/v10`) and, if given, `gateway_url`
    (e.g. `ws://127.0.0.1:PORT/gateway`; discord.py adds `?v=10&encoding=json&compress=...` itself).

    Call before creating the client. Returns a `DiscordPointer` to undo it.
    """
    import discord.gateway
    import discord.http
    import yarl

    pointer = DiscordPointer(
        previous_api_base=discord.http.Route.BASE,
        previous_gateway=str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY),
    )
    discord.http.Route.BASE = api_base.rstrip("/")
    if gateway_url is not None:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)
    return pointer
