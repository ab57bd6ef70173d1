"""The JSON the playground page reads: messages, embeds, components, commands and interactions, as plain data.

Only fields the page renders are passed on, each coerced to the type the page expects, and every id is a string
(snowflakes exceed JavaScript's 2^53). Text stays raw here: the page escapes it when it renders.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fakediscord import (
    CommandOption,
    FakeDiscordError,
    InteractionResponse,
    Message,
    SyncedCommand,
)
from fakediscord.constants import ComponentType, InteractionKind, OptionType
from segue.playground.session import CLIENT_LOCALES, Playground, ephemeral_owner

JSON = dict[str, Any]

BUTTON_STYLES = {1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link", 6: "premium"}
SELECT_KINDS = {
    ComponentType.STRING_SELECT: "string",
    ComponentType.USER_SELECT: "user",
    ComponentType.ROLE_SELECT: "role",
    ComponentType.MENTIONABLE_SELECT: "mentionable",
    ComponentType.CHANNEL_SELECT: "channel",
}
SNIPPET = 120
TOPICS = {
    "general": "Mention @Segue, or type / for commands.",
    "music-requests": "Segue reads every message here as a request (opted in with /admin listen).",
    "random": "Segue only answers mentions and commands here.",
}


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _url_of(value: Any) -> str | None:
    return _text(value.get("url")) if isinstance(value, Mapping) else None


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def embed_view(raw: Mapping[str, Any]) -> JSON:
    footer, author = _map(raw.get("footer")), _map(raw.get("author"))
    fields = [f for f in raw.get("fields") or () if isinstance(f, Mapping)]
    return {
        "title": _text(raw.get("title")),
        "description": _text(raw.get("description")),
        "url": _text(raw.get("url")),
        "color": _int(raw.get("color")),
        "fields": [
            {"name": str(f.get("name", "")), "value": str(f.get("value", "")), "inline": bool(f.get("inline"))}
            for f in fields
        ],
        "footer": _text(footer.get("text")),
        "author": _text(author.get("name")),
        "author_url": _text(author.get("url")),
        "thumbnail": _url_of(raw.get("thumbnail")),
        "image": _url_of(raw.get("image")),
    }


def _emoji(raw: Any) -> str | None:
    if not isinstance(raw, Mapping):
        return None
    name = _text(raw.get("name"))
    if name and raw.get("id"):
        return f":{name}:"  # a custom emoji: the page has no image for it
    return name


def component_view(raw: Mapping[str, Any]) -> JSON:
    kind = _int(raw.get("type")) or 0
    children = [component_view(c) for c in raw.get("components") or () if isinstance(c, Mapping)]
    for key in ("accessory", "component"):
        if isinstance(raw.get(key), Mapping):
            children.append(component_view(raw[key]))
    if kind == ComponentType.ACTION_ROW:
        return {"type": "row", "children": children}
    if kind == ComponentType.BUTTON:
        return {
            "type": "button",
            "custom_id": _text(raw.get("custom_id")),
            "label": _text(raw.get("label")),
            "emoji": _emoji(raw.get("emoji")),
            "style": BUTTON_STYLES.get(_int(raw.get("style")) or 2, "secondary"),
            "url": _text(raw.get("url")),
            "disabled": bool(raw.get("disabled")),
        }
    if kind in SELECT_KINDS:
        options = [o for o in raw.get("options") or () if isinstance(o, Mapping)]
        return {
            "type": "select",
            "kind": SELECT_KINDS[ComponentType(kind)],
            "custom_id": _text(raw.get("custom_id")),
            "placeholder": _text(raw.get("placeholder")),
            "min_values": _int(raw.get("min_values")) or 1,
            "max_values": _int(raw.get("max_values")) or 1,
            "disabled": bool(raw.get("disabled")),
            "options": [
                {
                    "label": str(o.get("label", "")),
                    "value": str(o.get("value", "")),
                    "description": _text(o.get("description")),
                    "emoji": _emoji(o.get("emoji")),
                    "default": bool(o.get("default")),
                }
                for o in options
            ],
        }
    if kind == ComponentType.TEXT_DISPLAY:
        return {"type": "text", "content": str(raw.get("content", ""))}
    return {"type": "group", "children": children}


def _reply_view(playground: Playground, message_id: int) -> JSON:
    try:
        target = playground.fake.message(message_id)
    except FakeDiscordError:
        return {"id": str(message_id), "author": None, "text": "Original message was deleted"}
    if target.deleted:
        return {"id": str(message_id), "author": None, "text": "Original message was deleted"}
    text = " ".join(target.content.split())
    if not text and target.embeds:
        text = target.embeds[0].title or "[embed]"
    if len(text) > SNIPPET:
        text = text[: SNIPPET - 1] + "…"
    return {"id": str(message_id), "author": playground.name_of(target.author_id), "text": text or "[attachment]"}


def message_view(message: Message, playground: Playground) -> JSON:
    raw = message.raw
    author, used = _map(raw.get("author")), _map(raw.get("interaction"))
    owner = ephemeral_owner(message) if message.ephemeral else None
    command = None
    if used and used.get("type") == InteractionKind.APPLICATION_COMMAND and used.get("name"):
        user = _map(used.get("user"))
        command = {"name": str(used["name"]), "user": _text(user.get("username")), "user_id": _text(user.get("id"))}
    return {
        "id": str(message.id),
        "channel_id": str(message.channel_id),
        "author": {
            "id": str(message.author_id),
            "name": str(author.get("username") or playground.name_of(message.author_id)),
            "bot": bool(author.get("bot")),
        },
        "content": message.content,
        "embeds": [embed_view(e.raw) for e in message.embeds],
        "components": [component_view(c.raw) for c in message.components],
        "ephemeral": message.ephemeral,
        "loading": message.loading,
        "edited": raw.get("edited_timestamp") is not None,
        "deleted": message.deleted,
        "visible_to": None if owner is None else str(owner),
        "reply_to": None if message.reply_to is None else _reply_view(playground, message.reply_to),
        "command": command,
        "reactions": list(message.reactions),
        "attachments": list(message.attachments),
        "version": message.version,
        "timestamp": _text(raw.get("timestamp")),
    }


def _option_view(option: CommandOption) -> JSON:
    return {
        "name": option.name,
        "description": option.description,
        "type": OptionType(option.type).name.lower() if option.type in tuple(OptionType) else str(option.type),
        "required": option.required,
        "autocomplete": option.autocomplete,
        "choices": [{"name": c.name, "value": c.value} for c in option.choices],
        "options": [_option_view(o) for o in option.options],
    }


def command_view(command: SyncedCommand) -> JSON:
    return {
        "name": command.name,
        "description": command.description,
        "options": [_option_view(o) for o in command.options],
    }


def interaction_view(response: InteractionResponse, playground: Playground) -> JSON:
    return {
        "id": str(response.interaction_id),
        "answered": response.answered,
        "type": None if response.type is None else response.type.name.lower(),
        "deferred": response.deferred,
        "ephemeral": response.ephemeral,
        "messages": [message_view(m, playground) for m in response.messages],
        "choices": [{"name": c.name, "value": c.value} for c in response.choices],
        "modal": None if response.modal is None else response.modal.title,
        "rejections": [{"status": r.status, "code": r.code, "message": r.message} for r in response.rejections],
    }


def state_view(playground: Playground) -> JSON:
    """Who and where: the server, its channels, the people (and their DMs), and names for rendering mentions."""
    world = playground.world
    fake = playground.fake
    guild = world.guild
    return {
        "bot": {"id": str(fake.bot.id), "name": fake.bot.name},
        "server": {"id": str(guild.id), "name": guild.name},
        "channels": [
            {"id": str(c.id), "name": c.name, "topic": TOPICS.get(c.name, ""), "listening": c is world.listening}
            for c in world.channels
        ],
        "people": [
            {"id": str(p.user.id), "name": p.user.name, "admin": p.admin, "dm": str(dm.id), "locale": p.user.locale}
            for p, dm in zip(world.people, world.dms, strict=True)
        ],
        "locales": [{"code": code, "name": name} for code, name in CLIENT_LOCALES],
        "names": {
            "users": {str(u.id): u.name for u in fake.users},
            "channels": {str(c.id): c.name for c in world.channels},
            "roles": {str(r.id): r.name for r in guild.roles.values()},
        },
    }
