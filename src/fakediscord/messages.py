"""Creating, editing and deleting messages, with the gateway events and pings that go with them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from fakediscord.constants import Intent, MessageFlag, MessageType
from fakediscord.gateway import Gateway, Session
from fakediscord.mentions import compute_pings, mentioned_user_ids
from fakediscord.models import Channel, User
from fakediscord.payloads import message_payload, snapshot
from fakediscord.records import Message, Rejection
from fakediscord.waiting import Signal
from fakediscord.world import StoredMessage, World

JSON = dict[str, Any]
# Flags a sender may set; EPHEMERAL and LOADING are Discord's to set, through interaction responses.
SETTABLE_FLAGS = MessageFlag.SUPPRESS_EMBEDS | MessageFlag.SUPPRESS_NOTIFICATIONS | MessageFlag.IS_COMPONENTS_V2


@dataclass(frozen=True, slots=True)
class Activity:
    """Something happened that a watcher (the playground page, a benchmark) may want to show."""

    kind: Literal["message_created", "message_edited", "message_deleted", "rejected"]
    message: Message | None = None
    rejection: Rejection | None = None


class Hub:
    """Wakes waiters when messages change and tells listeners what happened."""

    def __init__(self) -> None:
        self.messages_changed = Signal()
        self._listeners: list[Callable[[Activity], None]] = []

    def listen(self, callback: Callable[[Activity], None]) -> Callable[[], None]:
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def emit(self, activity: Activity) -> None:
        for callback in list(self._listeners):
            callback(activity)
        if activity.message is not None:
            self.messages_changed.notify()


@dataclass(frozen=True, slots=True)
class InteractionLink:
    """Ties a message to the interaction that made it (for `interaction_metadata`)."""

    id: int
    type: int
    user: User
    name: str | None


class MessageService:
    def __init__(self, world: World, gateway: Gateway, hub: Hub) -> None:
        self.world = world
        self.gateway = gateway
        self.hub = hub
        self.created = 0

    def create(
        self,
        channel: Channel,
        author: User,
        body: Mapping[str, Any],
        *,
        webhook_id: int | None = None,
        interaction: InteractionLink | None = None,
        message_type: int | None = None,
        flags: int | None = None,
        attachments: list[JSON] | None = None,
    ) -> StoredMessage:
        """Store a message (already validated) and tell the gateway, unless it is ephemeral."""
        reference = body.get("message_reference") or {}
        reference_id = int(reference["message_id"]) if reference.get("message_id") else None
        if reference_id is not None and reference_id not in self.world.messages:
            reference_id = None  # fail_if_not_exists=false: Discord sends it as a plain message
        if message_type is None:
            message_type = MessageType.REPLY if reference_id is not None else MessageType.DEFAULT
        message = StoredMessage(
            id=self.world.snowflakes.now(),
            channel=channel,
            author=author,
            content=str(body.get("content") or ""),
            embeds=list(body.get("embeds") or []),
            components=list(body.get("components") or []),
            flags=int(flags if flags is not None else int(body.get("flags") or 0) & SETTABLE_FLAGS),
            allowed_mentions=body.get("allowed_mentions"),
            reference_id=reference_id,
            webhook_id=webhook_id,
            type=int(message_type),
            attachments=attachments or [],
            tts=bool(body.get("tts", False)),
            nonce=body.get("nonce"),
        )
        if interaction is not None:
            message.interaction_id = interaction.id
            message.interaction_type = interaction.type
            message.interaction_user = interaction.user
            message.interaction_name = interaction.name
        self._compute_pings(message)
        self.world.add_message(message)
        self.created += 1
        self._record(message, "message_created")
        if not message.flags & MessageFlag.EPHEMERAL:
            self._dispatch("MESSAGE_CREATE", message)
        return message

    def edit(
        self,
        message: StoredMessage,
        body: Mapping[str, Any],
        *,
        files: list[JSON] | None = None,
        clear_loading: bool = True,
    ) -> None:
        """Apply a PATCH: keys present replace, keys absent stay, `files` (new uploads) are added; a deferred
        placeholder stops loading."""
        if "content" in body:
            message.content = str(body["content"] or "")
        if "embeds" in body:
            message.embeds = list(body["embeds"] or [])
        if "components" in body:
            message.components = list(body["components"] or [])
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        if "attachments" in body:
            keep = {str(a.get("id")) for a in body["attachments"] or []}
            message.attachments = [a for a in message.attachments if str(a.get("id")) in keep]
        message.attachments.extend(files or [])
        if body.get("flags") is not None:
            fixed = message.flags & (MessageFlag.EPHEMERAL | MessageFlag.LOADING)
            message.flags = int(fixed | (int(body["flags"]) & SETTABLE_FLAGS))
        if clear_loading:
            message.flags = int(message.flags & ~MessageFlag.LOADING)
        message.edited_at = dt.datetime.now(dt.UTC)
        message.version += 1
        self._compute_pings(message)
        self._record(message, "message_edited")
        if not message.flags & MessageFlag.EPHEMERAL:
            self._dispatch("MESSAGE_UPDATE", message)

    def delete(self, message: StoredMessage) -> None:
        message.deleted = True
        self._record(message, "message_deleted")
        if not message.flags & MessageFlag.EPHEMERAL:
            data: JSON = {"id": str(message.id), "channel_id": str(message.channel.id)}
            if message.guild_id is not None:
                data["guild_id"] = str(message.guild_id)
            intent = Intent.DIRECT_MESSAGES if message.guild_id is None else Intent.GUILD_MESSAGES
            self.gateway.dispatch("MESSAGE_DELETE", data, guild_id=message.guild_id, intent=intent)

    def react(self, message: StoredMessage, emoji: str, *, add: bool) -> None:
        """The bot's own reaction; recorded in the current snapshot without counting as an edit."""
        if add and emoji not in message.reactions:
            message.reactions.append(emoji)
        elif not add and emoji in message.reactions:
            message.reactions.remove(emoji)
        message.history[-1] = snapshot(message, self.world)
        self.hub.messages_changed.notify()

    def payload(self, message: StoredMessage) -> JSON:
        return message_payload(message, self.world)

    def _compute_pings(self, message: StoredMessage) -> None:
        referenced = None if message.reference_id is None else self.world.messages.get(message.reference_id)
        message.pings = compute_pings(
            message.content,
            message.allowed_mentions,
            guild=self.world.guild_of(message.channel),
            channel=message.channel,
            author_id=message.author.id,
            replied_user_id=None if referenced is None else referenced.author.id,
            ephemeral=bool(message.flags & MessageFlag.EPHEMERAL),
        )

    def _record(
        self, message: StoredMessage, kind: Literal["message_created", "message_edited", "message_deleted"]
    ) -> None:
        snap = snapshot(message, self.world)
        message.history.append(snap)
        self.hub.emit(Activity(kind=kind, message=snap))

    def _dispatch(self, event: str, message: StoredMessage) -> None:
        bot_id = self.world.bot.id
        guarded = (
            message.guild_id is not None
            and message.author.id != bot_id
            and bot_id not in mentioned_user_ids(message.content)
        )
        full = message_payload(message, self.world)
        hidden = message_payload(message, self.world, hide_content=True) if guarded else full

        def for_session(session: Session) -> JSON:
            # Without MESSAGE_CONTENT a bot sees content only in DMs, its own messages and messages that mention it.
            return full if session.wants(Intent.MESSAGE_CONTENT) else hidden

        intent = Intent.DIRECT_MESSAGES if message.guild_id is None else Intent.GUILD_MESSAGES
        self.gateway.dispatch(event, for_session, guild_id=message.guild_id, intent=intent, track=True)
