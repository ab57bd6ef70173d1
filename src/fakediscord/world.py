"""The stand-in's state: users, guilds, DMs, messages and the bot itself, with the rules for creating them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fakediscord.constants import ChannelKind, MessageType, Snowflakes
from fakediscord.models import Channel, Guild, Member, Overwrite, Role, User
from fakediscord.records import Message, Pings

JSON = dict[str, Any]


@dataclass(eq=False, slots=True)
class StoredMessage:
    """A message as the stand-in keeps it; `history` holds a snapshot of every version, oldest first."""

    id: int
    channel: Channel
    author: User
    content: str = ""
    embeds: list[JSON] = field(default_factory=list)
    components: list[JSON] = field(default_factory=list)
    flags: int = 0
    allowed_mentions: JSON | None = None
    pings: Pings = field(default_factory=Pings)
    reference_id: int | None = None
    interaction_id: int | None = None
    interaction_type: int | None = None
    interaction_user: User | None = None
    interaction_name: str | None = None
    webhook_id: int | None = None
    type: int = MessageType.DEFAULT
    attachments: list[JSON] = field(default_factory=list)
    reactions: list[str] = field(default_factory=list)
    tts: bool = False
    nonce: str | int | None = None
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    edited_at: dt.datetime | None = None
    deleted: bool = False
    version: int = 0
    history: list[Message] = field(default_factory=list)

    @property
    def guild_id(self) -> int | None:
        return self.channel.guild_id

    @property
    def current(self) -> Message:
        """The snapshot taken at the last change (every change records one)."""
        return self.history[-1]


class World:
    """Everything that exists in this simulated Discord, and the one place ids come from."""

    def __init__(self, *, bot_name: str, snowflakes: Snowflakes) -> None:
        self.snowflakes = snowflakes
        self.application_id = snowflakes.next()
        # Discord gives a bot user the same id as its application; discord.py relies on neither, tests may on both.
        self.bot = User(id=self.application_id, name=bot_name, bot=True)
        self.owner = User(id=snowflakes.next(), name=f"{bot_name}-owner")
        self.users: dict[int, User] = {self.bot.id: self.bot, self.owner.id: self.owner}
        self.guilds: dict[int, Guild] = {}
        self.channels: dict[int, Channel] = {}
        self.dms: dict[int, Channel] = {}
        self.messages: dict[int, StoredMessage] = {}
        self.channel_messages: dict[int, list[StoredMessage]] = {}

    def create_user(self, name: str, *, bot: bool = False, locale: str = "en-US") -> User:
        user = User(id=self.snowflakes.next(), name=name, bot=bot, locale=locale)
        self.users[user.id] = user
        return user

    def create_guild(
        self,
        name: str,
        *,
        owner: User | None,
        shard: tuple[int, int] | None,
        bot_permissions: int,
        everyone_permissions: int,
    ) -> Guild:
        guild_id = self.snowflakes.next_for_shard(*shard) if shard else self.snowflakes.next()
        owner = owner or self.owner
        self.users.setdefault(owner.id, owner)
        guild = Guild(id=guild_id, name=name, owner_id=owner.id)
        guild.roles[guild.id] = Role(id=guild.id, guild_id=guild.id, name="@everyone", permissions=everyone_permissions)
        bot_role = Role(
            id=self.snowflakes.next(),
            guild_id=guild.id,
            name=self.bot.name,
            permissions=bot_permissions,
            position=1,
            managed=True,
            bot_id=self.bot.id,
        )
        guild.roles[bot_role.id] = bot_role
        self.guilds[guild.id] = guild
        self.add_member(guild, owner)
        self.add_member(guild, self.bot, roles=[bot_role])
        return guild

    def create_role(self, guild: Guild, name: str, *, permissions: int, mentionable: bool) -> Role:
        role = Role(
            id=self.snowflakes.next(),
            guild_id=guild.id,
            name=name,
            permissions=permissions,
            position=len(guild.roles),
            mentionable=mentionable,
        )
        guild.roles[role.id] = role
        return role

    def create_channel(
        self,
        guild: Guild,
        name: str,
        *,
        kind: ChannelKind,
        parent: Channel | None,
        topic: str | None,
        overwrites: list[Overwrite],
    ) -> Channel:
        channel = Channel(
            id=self.snowflakes.next(),
            name=name,
            kind=kind,
            guild_id=guild.id,
            position=len(guild.channels),
            parent_id=None if parent is None else parent.id,
            topic=topic,
            overwrites=overwrites,
        )
        guild.channels[channel.id] = channel
        self.channels[channel.id] = channel
        return channel

    def add_member(
        self, guild: Guild, user: User, *, roles: list[Role] | None = None, nick: str | None = None
    ) -> Member:
        self.users.setdefault(user.id, user)
        member = Member(guild_id=guild.id, user=user, role_ids=[r.id for r in roles or ()], nick=nick)
        guild.members[user.id] = member
        return member

    def dm_channel(self, user: User) -> Channel:
        channel = self.dms.get(user.id)
        if channel is None:
            channel = Channel(id=self.snowflakes.next(), name="", kind=ChannelKind.DM, recipient_id=user.id)
            self.dms[user.id] = channel
            self.channels[channel.id] = channel
        return channel

    def guild_of(self, channel: Channel) -> Guild | None:
        return None if channel.guild_id is None else self.guilds.get(channel.guild_id)

    def bot_can(self, channel: Channel, permission: int) -> bool:
        guild = self.guild_of(channel)
        if guild is None:
            return True
        return (guild.permissions_in(channel, self.bot.id) & permission) == permission

    def member_permissions(self, channel: Channel, user: User) -> int:
        guild = self.guild_of(channel)
        return 0 if guild is None else guild.permissions_in(channel, user.id)

    def add_message(self, message: StoredMessage) -> None:
        self.messages[message.id] = message
        self.channel_messages.setdefault(message.channel.id, []).append(message)
        message.channel.last_message_id = message.id
