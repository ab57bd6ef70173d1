"""An embedded Discord stand-in (REST API v10 + gateway) that the real, unmodified discord.py client runs against.

Pointing a client at it (discord.py 2.7.1)::

    async with FakeDiscord() as fake:
        guild = fake.create_guild("Test Server")
        alice = fake.create_user("alice")
        fake.add_member(guild, alice)
        with point_discord_at(fake.api_base, fake.gateway_url):   # Route.BASE + DiscordWebSocket.DEFAULT_GATEWAY
            client = MyBot(intents=discord.Intents.default())
            await client.login(fake.token)                          # GET /users/@me, GET /oauth2/applications/@me
            task = asyncio.create_task(client.connect())            # gateway: HELLO, IDENTIFY, READY, GUILD_CREATE
            await client.wait_until_ready()
            handle = await fake.invoke_command(alice, guild.channel("general"), "recommend", {"query": "jazz"})
            answer = await handle.wait_answer()

`fake.api_base` is `http://127.0.0.1:PORT/api/v10` (Segue's `discord_api_base`), `fake.gateway_url` is
`ws://127.0.0.1:PORT/gateway` (Segue's `discord_gateway_url`; also what `GET /gateway/bot` answers). Both URLs
must be set: a plain `discord.Client` never asks `GET /gateway/bot`, it dials `DEFAULT_GATEWAY`.

The gateway answers `compress=zstd-stream` (discord.py's default when `zstandard` is installed, as with
`discord.py[speed]`), `compress=zlib-stream` (its default otherwise) and no compression. Pass
`guild_ready_timeout=0.1` to the client in tests: discord.py waits that long after the last GUILD_CREATE before
`on_ready` (2 s by default).
"""

from fakediscord.constants import (
    DEFAULT_BOT_PERMISSIONS,
    EVERYONE_PERMISSIONS,
    CallbackType,
    ChannelKind,
    ErrorCode,
    Intent,
    InteractionKind,
    MessageFlag,
    Permission,
)
from fakediscord.errors import (
    ApiError,
    ComponentError,
    FakeDiscordError,
    InvalidInvocationError,
    UnknownCommandError,
)
from fakediscord.fake import FakeDiscord, FakeDiscordConfig
from fakediscord.handles import InteractionHandle
from fakediscord.harness import StartClient, Town, build_town, run_client, wait_for_guilds
from fakediscord.messages import Activity
from fakediscord.models import Channel, Guild, Member, Overwrite, Role, User
from fakediscord.pointing import DiscordPointer, point_discord_at
from fakediscord.ratelimits import RateLimitRule
from fakediscord.records import (
    Choice,
    CommandOption,
    Component,
    Embed,
    EmbedField,
    GatewayStats,
    InteractionResponse,
    Message,
    Modal,
    Pings,
    Rejection,
    SelectOption,
    Stats,
    SyncedCommand,
)
from fakediscord.waiting import ManualClock

__all__ = [
    "DEFAULT_BOT_PERMISSIONS",
    "EVERYONE_PERMISSIONS",
    "Activity",
    "ApiError",
    "CallbackType",
    "Channel",
    "ChannelKind",
    "Choice",
    "CommandOption",
    "Component",
    "ComponentError",
    "DiscordPointer",
    "Embed",
    "EmbedField",
    "ErrorCode",
    "FakeDiscord",
    "FakeDiscordConfig",
    "FakeDiscordError",
    "GatewayStats",
    "Guild",
    "Intent",
    "InteractionHandle",
    "InteractionKind",
    "InteractionResponse",
    "InvalidInvocationError",
    "ManualClock",
    "Member",
    "Message",
    "MessageFlag",
    "Modal",
    "Overwrite",
    "Permission",
    "Pings",
    "RateLimitRule",
    "Rejection",
    "Role",
    "SelectOption",
    "StartClient",
    "Stats",
    "SyncedCommand",
    "Town",
    "UnknownCommandError",
    "User",
    "build_town",
    "point_discord_at",
    "run_client",
    "wait_for_guilds",
]
