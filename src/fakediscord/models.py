"""The world the stand-in simulates: users, guilds, roles, channels and members.

These are the handles the test API hands out and takes back (`fake.invoke_command(user, channel, ...)`). They are
plain mutable dataclasses owned by one `FakeDiscord`; tests read them, the stand-in changes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from fakediscord.constants import ALL_PERMISSIONS, ChannelKind, Permission


@dataclass(eq=False, slots=True)
class User:
    """A Discord account: a person or a bot."""

    id: int
    name: str
    bot: bool = False
    global_name: str | None = None
    locale: str = "en-US"
    """The language of this person's Discord client: every interaction they start carries it as `locale`."""

    @property
    def mention(self) -> str:
        return f"<@{self.id}>"


@dataclass(eq=False, slots=True)
class Role:
    """A guild role; the role whose id equals the guild's id is @everyone."""

    id: int
    guild_id: int
    name: str
    permissions: int
    position: int = 0
    mentionable: bool = False
    managed: bool = False
    bot_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<@&{self.id}>"


@dataclass(frozen=True, slots=True)
class Overwrite:
    """A channel permission overwrite for a role (`is_member=False`) or a member."""

    target_id: int
    allow: int = 0
    deny: int = 0
    is_member: bool = False


@dataclass(eq=False, slots=True)
class Channel:
    """A guild channel, or a DM between one user and the bot (`guild_id is None`)."""

    id: int
    name: str
    kind: ChannelKind = ChannelKind.TEXT
    guild_id: int | None = None
    position: int = 0
    parent_id: int | None = None
    topic: str | None = None
    overwrites: list[Overwrite] = field(default_factory=list)
    recipient_id: int | None = None
    last_message_id: int | None = None

    @property
    def mention(self) -> str:
        return f"<#{self.id}>"

    @property
    def is_dm(self) -> bool:
        return self.kind is ChannelKind.DM


@dataclass(eq=False, slots=True)
class Member:
    """A user's membership of a guild."""

    guild_id: int
    user: User
    role_ids: list[int] = field(default_factory=list)
    nick: str | None = None
    joined_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))

    @property
    def id(self) -> int:
        return self.user.id

    @property
    def mention(self) -> str:
        return self.user.mention


@dataclass(eq=False, slots=True)
class Guild:
    """A server with its roles, channels and members."""

    id: int
    name: str
    owner_id: int
    roles: dict[int, Role] = field(default_factory=dict)
    channels: dict[int, Channel] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    preferred_locale: str = "en-US"
    """The server's language (Community settings): `guild_locale` in interactions, `preferred_locale` in payloads."""

    @property
    def everyone(self) -> Role:
        return self.roles[self.id]

    def channel(self, name: str) -> Channel:
        """The channel with this name (the test API's way to say `#general`)."""
        for channel in self.channels.values():
            if channel.name == name:
                return channel
        raise KeyError(f"guild {self.name!r} has no channel {name!r}")

    def role(self, name: str) -> Role:
        for role in self.roles.values():
            if role.name == name:
                return role
        raise KeyError(f"guild {self.name!r} has no role {name!r}")

    def base_permissions(self, user_id: int) -> int:
        """Guild-level permissions: owner and administrators get everything."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        member = self.members.get(user_id)
        if member is None:
            return 0
        perms = self.everyone.permissions
        for role_id in member.role_ids:
            role = self.roles.get(role_id)
            if role is not None:
                perms |= role.permissions
        if perms & Permission.ADMINISTRATOR:
            return ALL_PERMISSIONS
        return perms

    def permissions_in(self, channel: Channel, user_id: int) -> int:
        """Discord's algorithm: base, then @everyone, role and member overwrites of the channel."""
        perms = self.base_permissions(user_id)
        if perms == ALL_PERMISSIONS:
            return perms
        member = self.members.get(user_id)
        if member is None:
            return 0
        by_target = {(ow.target_id, ow.is_member): ow for ow in channel.overwrites}
        everyone = by_target.get((self.id, False))
        if everyone is not None:
            perms = (perms & ~everyone.deny) | everyone.allow
        allow = deny = 0
        for role_id in member.role_ids:
            ow = by_target.get((role_id, False))
            if ow is not None:
                allow |= ow.allow
                deny |= ow.deny
        perms = (perms & ~deny) | allow
        own = by_target.get((user_id, True))
        if own is not None:
            perms = (perms & ~own.deny) | own.allow
        if not perms & Permission.VIEW_CHANNEL:
            return 0
        return perms
