"""The OAuth2 URL that adds Segue to a server: its two scopes and exactly the permissions the bot uses.

Slash commands, buttons and their answers go through interactions, which need no channel permission; the
permissions below are for what the bot does as a member: replying to free-text requests in channels and threads.
Nothing else is asked for, so an admin reading the consent screen sees no surprise.
"""

from __future__ import annotations

import base64
import binascii

import discord

SCOPES = ("bot", "applications.commands")
"""`bot` adds the bot user (free text, replies); `applications.commands` lets it register its slash commands."""


def needed_permissions() -> discord.Permissions:
    """What Segue does in a channel, and nothing more.

    - view_channel, read_message_history: see a request and reply to it (a reply references the message)
    - send_messages, send_messages_in_threads: answer free-text requests in channels and in threads
    - embed_links: every answer is an embed
    - attach_files: the exports (/privacy export, /profile's liked tracks, /admin analytics) are files

    Not asked: reactions and external emoji (Segue uses neither), mentions of everyone (every message it sends
    allows no pings), and any manage_* permission (it changes nothing in a server).
    """
    return discord.Permissions(
        view_channel=True,
        read_message_history=True,
        send_messages=True,
        send_messages_in_threads=True,
        embed_links=True,
        attach_files=True,
    )


SHOWN_NAMES = {"read_messages": "View Channels"}
"""discord.py's old name for a permission, as the developer portal and the consent screen call it."""


def permission_names(permissions: discord.Permissions) -> list[str]:
    """'View Channels'-style names of the permissions set, for printing beside the integer."""
    return [SHOWN_NAMES.get(name, name.replace("_", " ").title()) for name, granted in permissions if granted]


def application_id_from_token(token: str) -> int | None:
    """The bot's user id, which a token's first part encodes; for applications made since 2019 it is also the
    application (client) id. None when the token does not have that shape."""
    head = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(head + "=" * (-len(head) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() and 15 <= len(decoded) <= 21 else None


def invite_url(application_id: int, *, guild_id: int | None = None) -> str:
    """The URL a server admin opens to add Segue (pre-selecting `guild_id` when given)."""
    if guild_id is None:
        return discord.utils.oauth_url(application_id, permissions=needed_permissions(), scopes=SCOPES)
    return discord.utils.oauth_url(
        application_id, permissions=needed_permissions(), scopes=SCOPES, guild=discord.Object(guild_id)
    )
