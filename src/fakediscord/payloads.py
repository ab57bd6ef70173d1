"""JSON shapes of API v10 objects, built from the stand-in's state: users, members, roles, channels, guilds, messages.

Only what discord.py reads (and a bot is likely to) is filled in; each builder names the discord.py parser it feeds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fakediscord.constants import ChannelKind, InteractionKind
from fakediscord.models import Channel, Guild, Member, Role, User
from fakediscord.records import Component, Embed, Message
from fakediscord.world import StoredMessage, World

JSON = dict[str, Any]


def timestamp(moment: dt.datetime) -> str:
    return moment.isoformat()


def user_payload(user: User) -> JSON:
    """discord.User / ClientUser."""
    payload: JSON = {
        "id": str(user.id),
        "username": user.name,
        "global_name": user.global_name,
        "discriminator": "0",
        "avatar": None,
        "bot": user.bot,
        "public_flags": 0,
    }
    if user.bot:
        payload.update(verified=True, mfa_enabled=False, flags=0)
    return payload


def role_payload(role: Role) -> JSON:
    """discord.Role."""
    payload: JSON = {
        "id": str(role.id),
        "name": role.name,
        "permissions": str(role.permissions),
        "position": role.position,
        "color": 0,
        "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
        "hoist": False,
        "managed": role.managed,
        "mentionable": role.mentionable,
        "flags": 0,
        "icon": None,
        "unicode_emoji": None,
    }
    if role.bot_id is not None:
        payload["tags"] = {"bot_id": str(role.bot_id)}
    return payload


def member_payload(member: Member, *, with_user: bool = True, permissions: int | None = None) -> JSON:
    """discord.Member; `permissions` is set in interactions (the member's permissions in the channel)."""
    payload: JSON = {
        "roles": [str(r) for r in member.role_ids],
        "nick": member.nick,
        "avatar": None,
        "joined_at": timestamp(member.joined_at),
        "premium_since": None,
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "communication_disabled_until": None,
    }
    if with_user:
        payload["user"] = user_payload(member.user)
    if permissions is not None:
        payload["permissions"] = str(permissions)
    return payload


def overwrites_payload(channel: Channel) -> list[JSON]:
    return [
        {"id": str(o.target_id), "type": 1 if o.is_member else 0, "allow": str(o.allow), "deny": str(o.deny)}
        for o in channel.overwrites
    ]


def channel_payload(channel: Channel, world: World, *, permissions: int | None = None) -> JSON:
    """discord.TextChannel / VoiceChannel / CategoryChannel / DMChannel."""
    if channel.kind is ChannelKind.DM:
        recipient = world.users[channel.recipient_id] if channel.recipient_id else None
        return {
            "id": str(channel.id),
            "type": int(ChannelKind.DM),
            "last_message_id": None if channel.last_message_id is None else str(channel.last_message_id),
            "recipients": [] if recipient is None else [user_payload(recipient)],
            "flags": 0,
        }
    payload: JSON = {
        "id": str(channel.id),
        "type": int(channel.kind),
        "guild_id": str(channel.guild_id),
        "name": channel.name,
        "position": channel.position,
        "permission_overwrites": overwrites_payload(channel),
        "parent_id": None if channel.parent_id is None else str(channel.parent_id),
        "nsfw": False,
        "flags": 0,
    }
    if channel.kind in (ChannelKind.TEXT, ChannelKind.NEWS):
        payload.update(
            topic=channel.topic,
            rate_limit_per_user=0,
            last_message_id=None if channel.last_message_id is None else str(channel.last_message_id),
        )
    elif channel.kind is ChannelKind.VOICE:
        payload.update(bitrate=64000, user_limit=0, rtc_region=None)
    if permissions is not None:
        payload["permissions"] = str(permissions)
    return payload


def guild_create_payload(guild: Guild, world: World, *, members: bool) -> JSON:
    """The full GUILD_CREATE guild: discord.Guild._from_data plus its channels, roles and (some) members."""
    listed = list(guild.members.values()) if members else [guild.members[world.bot.id]]
    return {
        "id": str(guild.id),
        "name": guild.name,
        "icon": None,
        "splash": None,
        "discovery_splash": None,
        "banner": None,
        "description": None,
        "owner_id": str(guild.owner_id),
        "afk_channel_id": None,
        "afk_timeout": 300,
        "verification_level": 0,
        "default_message_notifications": 1,
        "explicit_content_filter": 0,
        "mfa_level": 0,
        "nsfw_level": 0,
        "premium_tier": 0,
        "premium_subscription_count": 0,
        "preferred_locale": guild.preferred_locale,
        "features": [],
        "system_channel_id": None,
        "system_channel_flags": 0,
        "rules_channel_id": None,
        "public_updates_channel_id": None,
        "max_members": 500000,
        "vanity_url_code": None,
        "premium_progress_bar_enabled": False,
        "roles": [role_payload(r) for r in guild.roles.values()],
        "emojis": [],
        "stickers": [],
        "joined_at": timestamp(guild.members[world.bot.id].joined_at),
        "large": len(guild.members) > 250,
        "unavailable": False,
        "member_count": len(guild.members),
        "voice_states": [],
        "members": [member_payload(m) for m in listed],
        "channels": [channel_payload(c, world) for c in guild.channels.values()],
        "threads": [],
        "presences": [],
        "stage_instances": [],
        "guild_scheduled_events": [],
        "soundboard_sounds": [],
    }


def message_payload(message: StoredMessage, world: World, *, hide_content: bool = False) -> JSON:
    """discord.Message; `hide_content` blanks what the MESSAGE_CONTENT intent guards."""
    guild = world.guild_of(message.channel)
    payload: JSON = {
        "id": str(message.id),
        "channel_id": str(message.channel.id),
        "author": user_payload(message.author),
        "content": "" if hide_content else message.content,
        "timestamp": timestamp(message.created_at),
        "edited_timestamp": None if message.edited_at is None else timestamp(message.edited_at),
        "tts": message.tts,
        "mention_everyone": message.pings.everyone or message.pings.here,
        "mentions": [_mentioned_user(world, guild, uid) for uid in sorted(message.pings.users) if uid in world.users],
        "mention_roles": [str(r) for r in sorted(message.pings.roles)],
        "attachments": [] if hide_content else list(message.attachments),
        "embeds": [] if hide_content else list(message.embeds),
        "components": [] if hide_content else list(message.components),
        "reactions": [
            {
                "count": 1,
                "count_details": {"burst": 0, "normal": 1},
                "me": True,
                "me_burst": False,
                "emoji": {"id": None, "name": emoji},
                "burst_colors": [],
            }
            for emoji in message.reactions
        ],
        "pinned": False,
        "type": message.type,
        "flags": message.flags,
    }
    if message.nonce is not None:
        payload["nonce"] = message.nonce
    if guild is not None:
        payload["guild_id"] = str(guild.id)
        member = guild.members.get(message.author.id)
        if member is not None:
            payload["member"] = member_payload(member, with_user=False)
    if message.webhook_id is not None:
        payload["webhook_id"] = str(message.webhook_id)
        payload["application_id"] = str(world.application_id)
    if message.reference_id is not None:
        referenced = world.messages.get(message.reference_id)
        payload["message_reference"] = {
            "type": 0,
            "message_id": str(message.reference_id),
            "channel_id": str(message.channel.id),
            **({"guild_id": str(guild.id)} if guild is not None else {}),
        }
        if referenced is not None and not referenced.deleted:
            payload["referenced_message"] = message_payload(referenced, world, hide_content=hide_content)
    if message.interaction_id is not None and message.interaction_user is not None:
        payload["interaction_metadata"] = {
            "id": str(message.interaction_id),
            "type": message.interaction_type or int(InteractionKind.APPLICATION_COMMAND),
            "user": user_payload(message.interaction_user),
            "authorizing_integration_owners": {"0": str(guild.id)}
            if guild is not None
            else {"1": str(message.interaction_user.id)},
        }
        payload["interaction"] = {
            "id": str(message.interaction_id),
            "type": message.interaction_type or int(InteractionKind.APPLICATION_COMMAND),
            "name": message.interaction_name or "",
            "user": user_payload(message.interaction_user),
        }
    return payload


def _mentioned_user(world: World, guild: Guild | None, user_id: int) -> JSON:
    payload = user_payload(world.users[user_id])
    member = None if guild is None else guild.members.get(user_id)
    if member is not None:
        payload["member"] = member_payload(member, with_user=False)
    return payload


def snapshot(message: StoredMessage, world: World) -> Message:
    """The frozen public view of a message's current version."""
    raw = message_payload(message, world)
    return Message(
        id=message.id,
        channel_id=message.channel.id,
        guild_id=message.guild_id,
        author_id=message.author.id,
        content=message.content,
        embeds=tuple(Embed.from_dict(e) for e in message.embeds),
        components=tuple(Component.from_dict(c) for c in message.components),
        flags=message.flags,
        allowed_mentions=message.allowed_mentions,
        pings=message.pings,
        reply_to=message.reference_id,
        interaction_id=message.interaction_id,
        type=message.type,
        version=message.version,
        attachments=tuple(str(a.get("filename", "")) for a in message.attachments),
        reactions=tuple(message.reactions),
        deleted=message.deleted,
        raw=raw,
    )
