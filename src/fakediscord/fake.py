"""`FakeDiscord`: run the stand-in, build a world, act as its users, and read what the bot did."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Self

from aiohttp import web

from fakediscord.commands import CommandStore
from fakediscord.constants import (
    DEFAULT_BOT_PERMISSIONS,
    EVERYONE_PERMISSIONS,
    PRIVILEGED_INTENTS,
    ChannelKind,
    CommandType,
    ComponentType,
    Intent,
    InteractionKind,
    Permission,
    Snowflakes,
)
from fakediscord.errors import FakeDiscordError, InvalidInvocationError
from fakediscord.gateway import Gateway, GatewayConfig, Session
from fakediscord.handles import DEFAULT_TIMEOUT, InteractionHandle
from fakediscord.interactions import InteractionService
from fakediscord.invocations import (
    OptionValue,
    SelectValue,
    check_can_use,
    click_data,
    command_data,
    find_component,
    modal_submit_data,
    select_data,
)
from fakediscord.messages import Activity, Hub, MessageService
from fakediscord.models import Channel, Guild, Member, Overwrite, Role, User
from fakediscord.payloads import (
    channel_payload,
    guild_create_payload,
    member_payload,
    role_payload,
)
from fakediscord.ratelimits import RateLimiter, RateLimitRule
from fakediscord.records import JSON, GatewayStats, Message, Rejection, Stats, SyncedCommand
from fakediscord.rest import API_PREFIXES, CoreRoutes, RestContext, make_middleware
from fakediscord.rest_interactions import CommandRoutes, InteractionRoutes
from fakediscord.waiting import Clock, monotonic_clock
from fakediscord.world import StoredMessage, World


@dataclass(frozen=True, kw_only=True)
class FakeDiscordConfig:
    """How the stand-in behaves; the defaults are Discord's own numbers."""

    host: str = "127.0.0.1"
    port: int = 0
    token: str = "fake.discord.token"  # noqa: S105 - a stand-in credential, accepted only by the stand-in
    bot_name: str = "Segue"
    interaction_timeout: float = 3.0
    """Seconds to make the initial response; later ones get 404 10062 Unknown interaction."""
    token_lifetime: float = 15 * 60.0
    """Seconds the interaction token works for follow-ups and edits."""
    heartbeat_interval: float = 41.25
    recommended_shards: int = 1
    replay_buffer: int = 10_000
    """Events kept per session for RESUME; an older sequence gets INVALID_SESSION."""
    allowed_privileged_intents: int = int(PRIVILEGED_INTENTS)
    max_guilds_per_shard: int = 2500


class FakeDiscord:
    """An embedded Discord (REST + gateway) on 127.0.0.1 for a real discord.py client, with a test API.

    Use `async with FakeDiscord() as fake:`; then point discord.py at `fake.api_base` / `fake.gateway_url`
    (see `point_discord_at`), create a guild and users, start the client, and act as users.
    """

    def __init__(self, config: FakeDiscordConfig | None = None, *, clock: Clock | None = None) -> None:
        self.config = config or FakeDiscordConfig()
        self.clock: Clock = clock or monotonic_clock
        self._world = World(bot_name=self.config.bot_name, snowflakes=Snowflakes())
        self._gateway = Gateway(
            self._world,
            GatewayConfig(
                token=self.config.token,
                heartbeat_interval=self.config.heartbeat_interval,
                replay_buffer=self.config.replay_buffer,
                allowed_privileged_intents=self.config.allowed_privileged_intents,
                max_guilds_per_shard=self.config.max_guilds_per_shard,
            ),
        )
        self._hub = Hub()
        self._messages = MessageService(self._world, self._gateway, self._hub)
        self._interactions = InteractionService(
            self._world,
            self._messages,
            self._gateway,
            self.clock,
            response_window=self.config.interaction_timeout,
            token_lifetime=self.config.token_lifetime,
        )
        self._commands = CommandStore(self._world.application_id, self._world.snowflakes)
        self._limiter = RateLimiter()
        self._rest = RestContext(
            world=self._world,
            gateway=self._gateway,
            messages=self._messages,
            interactions=self._interactions,
            commands=self._commands,
            limiter=self._limiter,
            hub=self._hub,
            token=self.config.token,
            recommended_shards=self.config.recommended_shards,
        )
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # -- lifetime ----------------------------------------------------------------------------------------------------

    def _app(self) -> web.Application:
        app = web.Application(middlewares=[make_middleware(self._rest)], client_max_size=32 * 1024 * 1024)
        for prefix in API_PREFIXES:
            for group in (CoreRoutes(self._rest), CommandRoutes(self._rest), InteractionRoutes(self._rest)):
                for method, path, handler in group.routes():
                    app.router.add_route(method, prefix + path, handler)
        app.router.add_get("/gateway", self._gateway.handle)
        app.router.add_get("/gateway/resume", self._gateway.handle)
        return app

    async def start(self) -> None:
        if self._runner is not None:
            raise FakeDiscordError("already started")
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.config.host, self.config.port))
        self._port = int(sock.getsockname()[1])
        runner = web.AppRunner(self._app(), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._runner = runner
        self._rest.base_url = self.base_url
        self._gateway.url = f"ws://{self.config.host}:{self._port}/gateway"
        self._gateway.resume_url = f"ws://{self.config.host}:{self._port}/gateway/resume"

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is None:
            return
        await self._gateway.close()
        await runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    # -- where it is -------------------------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._port is None:
            raise FakeDiscordError("not started")
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://{self.config.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """What discord.py's `Route.BASE` must be (Segue's `discord_api_base`)."""
        return f"{self.base_url}/api/v10"

    @property
    def gateway_url(self) -> str:
        """What `GET /gateway/bot` answers and discord.py's `DiscordWebSocket.DEFAULT_GATEWAY` must be."""
        return f"ws://{self.config.host}:{self.port}/gateway"

    @property
    def token(self) -> str:
        return self.config.token

    @property
    def bot(self) -> User:
        return self._world.bot

    @property
    def application_id(self) -> int:
        return self._world.application_id

    @property
    def guilds(self) -> list[Guild]:
        return list(self._world.guilds.values())

    @property
    def owner(self) -> User:
        """The application's owner (GET /oauth2/applications/@me names them); owns guilds made without an owner."""
        return self._world.owner

    @property
    def users(self) -> list[User]:
        """Everyone, the bot and the application's owner included."""
        return list(self._world.users.values())

    # -- building the world ----------------------------------------------------------------------------------------

    def create_user(self, name: str, *, bot: bool = False, locale: str = "en-US") -> User:
        """A person (or bot) whose client speaks `locale` (a Discord locale code: 'es-ES', 'pt-BR', 'fr')."""
        return self._world.create_user(name, bot=bot, locale=locale)

    def create_guild(
        self,
        name: str,
        *,
        owner: User | None = None,
        channels: Sequence[str] = ("general",),
        shard: tuple[int, int] | None = None,
        bot_permissions: int = DEFAULT_BOT_PERMISSIONS,
        everyone_permissions: int = EVERYONE_PERMISSIONS,
    ) -> Guild:
        """A guild with @everyone, the bot (with a managed role holding `bot_permissions`) and text channels.

        `shard=(id, count)` picks an id that Discord's `(guild_id >> 22) % count` routes to that shard.
        """
        guild = self._world.create_guild(
            name,
            owner=owner,
            shard=shard,
            bot_permissions=int(bot_permissions),
            everyone_permissions=int(everyone_permissions),
        )
        for channel_name in channels:
            self._world.create_channel(
                guild, channel_name, kind=ChannelKind.TEXT, parent=None, topic=None, overwrites=[]
            )

        def payload(session: Session) -> JSON:
            return guild_create_payload(guild, self._world, members=session.wants(Intent.GUILD_MEMBERS))

        self._gateway.dispatch("GUILD_CREATE", payload, guild_id=guild.id, intent=Intent.GUILDS)
        return guild

    def create_role(self, guild: Guild, name: str, *, permissions: int = 0, mentionable: bool = False) -> Role:
        role = self._world.create_role(guild, name, permissions=int(permissions), mentionable=mentionable)
        data = {"guild_id": str(guild.id), "role": role_payload(role)}
        self._gateway.dispatch("GUILD_ROLE_CREATE", data, guild_id=guild.id, intent=Intent.GUILDS)
        return role

    def create_channel(
        self,
        guild: Guild,
        name: str,
        *,
        kind: ChannelKind = ChannelKind.TEXT,
        parent: Channel | None = None,
        topic: str | None = None,
        overwrites: Iterable[Overwrite] = (),
    ) -> Channel:
        channel = self._world.create_channel(
            guild, name, kind=kind, parent=parent, topic=topic, overwrites=list(overwrites)
        )
        self._gateway.dispatch(
            "CHANNEL_CREATE", channel_payload(channel, self._world), guild_id=guild.id, intent=Intent.GUILDS
        )
        return channel

    def add_member(
        self,
        guild: Guild,
        user: User,
        *,
        roles: Iterable[Role] = (),
        admin: bool = False,
        nick: str | None = None,
    ) -> Member:
        """Make `user` a member; `admin=True` adds a role with ADMINISTRATOR (made on first use)."""
        chosen = list(roles)
        if admin:
            try:
                chosen.append(guild.role("Admin"))
            except KeyError:
                chosen.append(self.create_role(guild, "Admin", permissions=Permission.ADMINISTRATOR))
        member = self._world.add_member(guild, user, roles=chosen, nick=nick)
        data = {**member_payload(member), "guild_id": str(guild.id)}
        self._gateway.dispatch("GUILD_MEMBER_ADD", data, guild_id=guild.id, intent=Intent.GUILD_MEMBERS)
        return member

    def dm_channel(self, user: User) -> Channel:
        """The DM channel between `user` and the bot."""
        return self._world.dm_channel(user)

    # -- acting as users -----------------------------------------------------------------------------------------------

    def _require_member(self, user: User, channel: Channel) -> None:
        guild = self._world.guild_of(channel)
        if guild is not None and user.id not in guild.members:
            raise FakeDiscordError(f"{user.name} is not a member of {guild.name}")
        if guild is None and channel.recipient_id != user.id:
            raise FakeDiscordError(f"{user.name} is not in DM channel {channel.id}")

    async def invoke_command(
        self, user: User, channel: Channel, name: str, options: Mapping[str, OptionValue] | None = None
    ) -> InteractionHandle:
        """Run `/name` (subcommands as `"group sub"`) as `user` in `channel`, as a Discord client would send it."""
        self._require_member(user, channel)
        data, _ = command_data(self._commands, self._world, user, channel, name, options or {})
        record = self._interactions.create(InteractionKind.APPLICATION_COMMAND, user, channel, data, name=name)
        return InteractionHandle(record, self._interactions)

    async def autocomplete(
        self,
        user: User,
        channel: Channel,
        name: str,
        options: Mapping[str, OptionValue],
        *,
        focused: str,
    ) -> InteractionHandle:
        """Type into option `focused` of `/name`; the answer's `choices` are what the bot suggested."""
        self._require_member(user, channel)
        data, _ = command_data(self._commands, self._world, user, channel, name, options, focused=focused)
        record = self._interactions.create(InteractionKind.AUTOCOMPLETE, user, channel, data, name=name)
        return InteractionHandle(record, self._interactions)

    async def invoke_message_command(self, user: User, target: Message | int, name: str) -> InteractionHandle:
        """Run the message context-menu command `name` ("Apps > name" on a message) on `target`."""
        stored = self._stored(target)
        channel = stored.channel
        self._require_member(user, channel)
        guild = self._world.guild_of(channel)
        command = self._commands.find(name, None if guild is None else guild.id, CommandType.MESSAGE)
        if command is None:
            raise InvalidInvocationError(f"message command {name!r} is not registered")
        data: JSON = {
            "id": command["id"],
            "name": name,
            "type": int(CommandType.MESSAGE),
            "target_id": str(stored.id),
            "resolved": {"messages": {str(stored.id): self._messages.payload(stored)}},
        }
        record = self._interactions.create(InteractionKind.APPLICATION_COMMAND, user, channel, data, name=name)
        return InteractionHandle(record, self._interactions)

    def _stored(self, message: Message | int) -> StoredMessage:
        message_id = message if isinstance(message, int) else message.id
        stored = self._world.messages.get(message_id)
        if stored is None:
            raise FakeDiscordError(f"no message {message_id}")
        return stored

    async def click(
        self, user: User, message: Message | int, *, custom_id: str | None = None, label: str | None = None
    ) -> InteractionHandle:
        """Press a button (by custom_id or label) on a message, as `user`."""
        stored = self._stored(message)
        self._require_member(user, stored.channel)
        check_can_use(stored, user)
        data = click_data(find_component(stored, custom_id, label))
        record = self._interactions.create(InteractionKind.MESSAGE_COMPONENT, user, stored.channel, data, source=stored)
        return InteractionHandle(record, self._interactions)

    async def press_stale(
        self, user: User, message: Message | int, custom_id: str, *, component_type: int = ComponentType.BUTTON
    ) -> InteractionHandle:
        """Send a component interaction for `custom_id` whether or not the message still shows it.

        A client that rendered the message before an edit replaced its buttons sends the old id with the current
        message, and a modified client can send any id; Discord forwards both.
        """
        stored = self._stored(message)
        self._require_member(user, stored.channel)
        check_can_use(stored, user)
        data: JSON = {"custom_id": custom_id, "component_type": int(component_type)}
        if component_type == ComponentType.STRING_SELECT:
            data["values"] = []
        record = self._interactions.create(InteractionKind.MESSAGE_COMPONENT, user, stored.channel, data, source=stored)
        return InteractionHandle(record, self._interactions)

    async def select(
        self,
        user: User,
        message: Message | int,
        values: Sequence[SelectValue],
        *,
        custom_id: str | None = None,
        label: str | None = None,
    ) -> InteractionHandle:
        """Choose `values` in a select menu (string values, or users/roles/channels for the typed selects)."""
        stored = self._stored(message)
        self._require_member(user, stored.channel)
        check_can_use(stored, user)
        component = find_component(stored, custom_id, label)
        data = select_data(component, values, self._world, self._world.guild_of(stored.channel))
        record = self._interactions.create(InteractionKind.MESSAGE_COMPONENT, user, stored.channel, data, source=stored)
        return InteractionHandle(record, self._interactions)

    async def submit_modal(
        self, user: User, opened_by: InteractionHandle, values: Mapping[str, str]
    ) -> InteractionHandle:
        """Fill in and submit the modal the bot opened in answer to `opened_by`."""
        modal = opened_by.response().modal
        if modal is None:
            raise FakeDiscordError(f"interaction {opened_by.id} opened no modal")
        source = self._interactions.records[opened_by.id]
        data = modal_submit_data(modal, values)
        record = self._interactions.create(
            InteractionKind.MODAL_SUBMIT, user, source.channel, data, source=source.source
        )
        return InteractionHandle(record, self._interactions)

    async def post_message(
        self, user: User, channel: Channel, content: str, *, reply_to: Message | int | None = None
    ) -> Message:
        """Post as `user` (mention the bot with `fake.bot.mention`); the bot gets MESSAGE_CREATE."""
        self._require_member(user, channel)
        body: JSON = {"content": content}
        if reply_to is not None:
            body["message_reference"] = {"message_id": str(self._stored(reply_to).id)}
        return self._messages.create(channel, user, body).current

    def seed_message(
        self,
        channel: Channel,
        *,
        content: str = "",
        embeds: Sequence[JSON] = (),
        components: Sequence[JSON] = (),
        author: User | None = None,
    ) -> Message:
        """A message that already exists, e.g. one the bot posted before a restart (for persistent views)."""
        body: JSON = {"content": content, "embeds": list(embeds), "components": list(components)}
        return self._messages.create(channel, author or self.bot, body).current

    # -- reading what happened ----------------------------------------------------------------------------------------

    def message(self, message_id: int) -> Message:
        return self._stored(message_id).current

    def messages(self, channel: Channel, *, include_deleted: bool = False) -> list[Message]:
        """Every message in `channel`, oldest first (ephemeral ones included: they are the user's view)."""
        stored = self._world.channel_messages.get(channel.id, [])
        return [m.current for m in stored if include_deleted or not m.deleted]

    async def wait_for_message(
        self,
        channel: Channel | None = None,
        predicate: Callable[[Message], bool] | None = None,
        *,
        author: User | None = None,
        after: Message | int | None = None,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109 - the test API reads like asyncio.wait_for
    ) -> Message:
        """The first message (by the bot unless `author` says otherwise) newer than `after` that passes `predicate`."""
        who = (author or self.bot).id
        floor = 0 if after is None else (after if isinstance(after, int) else after.id)

        def probe() -> Message | None:
            pool = (
                self._world.channel_messages.get(channel.id, [])
                if channel is not None
                else self._world.messages.values()
            )
            for stored in pool:
                if stored.author.id == who and stored.id > floor and not stored.deleted:
                    snap = stored.current
                    if predicate is None or predicate(snap):
                        return snap
            return None

        return await self._hub.messages_changed.wait_for(probe, timeout, "a message from the bot")

    async def wait_reply(self, message: Message | int, *, timeout: float = DEFAULT_TIMEOUT) -> Message:  # noqa: ASYNC109
        """The bot's reply (message_reference) to `message`."""
        target = self._stored(message)
        return await self.wait_for_message(
            target.channel, lambda m: m.reply_to == target.id, after=target.id, timeout=timeout
        )

    def commands(self, guild: Guild | None = None) -> list[SyncedCommand]:
        """The synced command tree: global, or one guild's."""
        return [SyncedCommand.from_dict(c) for c in self._commands.commands(None if guild is None else guild.id)]

    def command(self, name: str, guild: Guild | None = None) -> SyncedCommand:
        for command in self.commands(guild):
            if command.name == name:
                return command
        raise KeyError(f"no synced command {name!r}")

    def interaction(self, interaction_id: int) -> InteractionHandle:
        return InteractionHandle(self._interactions.records[interaction_id], self._interactions)

    @property
    def rejections(self) -> list[Rejection]:
        return list(self._rest.rejections)

    def stats(self) -> Stats:
        return Stats(
            interactions_created=len(self._interactions.records),
            interactions_answered=self._interactions.answered,
            interactions_unanswered=self._interactions.unanswered(),
            responses_by_type=dict(self._interactions.responses_by_type),
            followups=self._interactions.followup_count,
            messages_created=self._messages.created,
            rate_limited=self._limiter.served,
            requests=self._rest.requests,
            requests_by_route=dict(self._rest.by_route),
            unknown_routes=tuple(self._rest.unknown_routes),
            rejections=tuple(self._rest.rejections),
            gateway=self._gateway.counters.snapshot(),
        )

    def gateway_stats(self) -> GatewayStats:
        """The gateway's counters alone: cheap enough to read per event (`stats()` also scans every interaction)."""
        return self._gateway.counters.snapshot()

    def listen(self, callback: Callable[[Activity], None]) -> Callable[[], None]:
        """Call `callback` on every message change and rejection; returns a function that stops it."""
        return self._hub.listen(callback)

    # -- misbehaving on purpose ---------------------------------------------------------------------------------------

    def rate_limit(
        self,
        path: str,
        *,
        method: str | None = None,
        times: int = 1,
        retry_after: float = 0.05,
        is_global: bool = False,
    ) -> RateLimitRule:
        """Answer the next `times` requests to `path` (a template like `/channels/{channel_id}/messages`) with 429."""
        return self._limiter.add(
            RateLimitRule(path=path, method=method, times=times, retry_after=retry_after, is_global=is_global)
        )

    async def wait_for_bot(
        self,
        *,
        shards: Iterable[int] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> None:
        """Wait until the bot has identified (or resumed) on every shard (or the ones named)."""
        await self._gateway.wait_connected(shards, timeout)

    async def wait_for_gateway(
        self,
        predicate: Callable[[GatewayStats], bool],
        *,
        timeout: float = 10.0,  # noqa: ASYNC109
    ) -> GatewayStats:
        """Wait until the gateway counters pass `predicate`, e.g. `lambda g: g.resumes >= 1`."""

        def probe() -> GatewayStats | None:
            stats = self._gateway.counters.snapshot()
            return stats if predicate(stats) else None

        return await self._gateway.changed.wait_for(probe, timeout, "the gateway to reach a state")

    async def drop_connections(self, *, shard_id: int | None = None, code: int | None = None) -> int:
        """Cut gateway connections: abruptly (no close frame) or with `code`; sessions stay resumable."""
        return await self._gateway.drop(shard_id=shard_id, code=code)

    def hold_connections(self) -> None:
        """Leave new gateway connections hanging until `release_connections()`."""
        self._gateway.hold()

    def release_connections(self) -> None:
        self._gateway.release()

    @contextlib.asynccontextmanager
    async def outage(self, *, shard_id: int | None = None) -> AsyncIterator[None]:
        """A gateway outage: connections drop and cannot come back until the block ends (then the bot resumes)."""
        self.hold_connections()
        try:
            await self.drop_connections(shard_id=shard_id)
            yield
        finally:
            self.release_connections()

    def request_reconnect(self, *, shard_id: int | None = None) -> int:
        """Send op 7 RECONNECT; the client should reconnect and RESUME."""
        return self._gateway.request_reconnect(shard_id)

    def at_client_close(self, hook: Callable[[], Awaitable[None]] | None) -> None:
        """Await `hook` when a bot's close frame is read, before the close is answered: what it dispatches is in
        flight to the bot at its close, as an interaction Discord sent in the same moment would be."""
        self._gateway.on_client_close = hook

    def invalidate_sessions(self, *, shard_id: int | None = None, resumable: bool = False) -> int:
        """Send op 9 INVALID_SESSION; with `resumable=False` the client must IDENTIFY again."""
        return self._gateway.invalidate(shard_id, resumable=resumable)

    def request_heartbeat(self) -> None:
        self._gateway.request_heartbeat()
