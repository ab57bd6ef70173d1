"""Interactions: creating them for the gateway, and Discord's rules for answering them over REST.

The rules that bite real bots: the initial response must arrive within 3 s (else 404, 10062 Unknown interaction),
only once (else 400, 40060), with a response type that fits the interaction; follow-ups and edits of the original
work for 15 minutes on the interaction token; the first follow-up after a "thinking" defer replaces the placeholder.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from fakediscord.constants import (
    EVERYONE_PERMISSIONS,
    CallbackType,
    ErrorCode,
    InteractionKind,
    MessageFlag,
    MessageType,
)
from fakediscord.errors import ApiError
from fakediscord.gateway import Gateway
from fakediscord.limits import FormErrors, check_choices, check_message, check_modal
from fakediscord.messages import SETTABLE_FLAGS, InteractionLink, MessageService
from fakediscord.models import Channel, User
from fakediscord.payloads import channel_payload, member_payload, user_payload
from fakediscord.records import (
    Choice,
    Component,
    InteractionResponse,
    Message,
    Modal,
    Rejection,
)
from fakediscord.waiting import Clock, Signal
from fakediscord.world import StoredMessage, World

JSON = dict[str, Any]

ALLOWED_CALLBACKS: dict[InteractionKind, frozenset[CallbackType]] = {
    InteractionKind.APPLICATION_COMMAND: frozenset(
        {CallbackType.CHANNEL_MESSAGE, CallbackType.DEFERRED_CHANNEL_MESSAGE, CallbackType.MODAL}
    ),
    InteractionKind.MESSAGE_COMPONENT: frozenset(
        {
            CallbackType.CHANNEL_MESSAGE,
            CallbackType.DEFERRED_CHANNEL_MESSAGE,
            CallbackType.DEFERRED_UPDATE_MESSAGE,
            CallbackType.UPDATE_MESSAGE,
            CallbackType.MODAL,
        }
    ),
    InteractionKind.AUTOCOMPLETE: frozenset({CallbackType.AUTOCOMPLETE_RESULT}),
    InteractionKind.MODAL_SUBMIT: frozenset(
        {
            CallbackType.CHANNEL_MESSAGE,
            CallbackType.DEFERRED_CHANNEL_MESSAGE,
            CallbackType.DEFERRED_UPDATE_MESSAGE,
            CallbackType.UPDATE_MESSAGE,
        }
    ),
}
INTERACTION_FLAGS = SETTABLE_FLAGS | MessageFlag.EPHEMERAL
ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024


@dataclass(eq=False)
class InteractionRecord:
    """One interaction and everything the bot did with it."""

    id: int
    token: str
    kind: InteractionKind
    user: User
    channel: Channel
    created_at: float
    name: str | None = None
    source: StoredMessage | None = None
    callback: CallbackType | None = None
    responded_at: float | None = None
    ephemeral: bool = False
    original: StoredMessage | None = None
    followups: list[StoredMessage] = field(default_factory=list)
    edits: list[Message] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    modal: Modal | None = None
    rejections: list[Rejection] = field(default_factory=list)
    delivered: int = 0
    signal: Signal = field(default_factory=Signal)

    def link(self) -> InteractionLink:
        return InteractionLink(id=self.id, type=int(self.kind), user=self.user, name=self.name)


class InteractionService:
    def __init__(
        self,
        world: World,
        messages: MessageService,
        gateway: Gateway,
        clock: Clock,
        *,
        response_window: float,
        token_lifetime: float,
    ) -> None:
        self.world = world
        self.messages = messages
        self.gateway = gateway
        self.clock = clock
        self.response_window = response_window
        self.token_lifetime = token_lifetime
        self.records: dict[int, InteractionRecord] = {}
        self._by_token: dict[str, InteractionRecord] = {}
        self.answered = 0
        self.followup_count = 0
        self.responses_by_type: Counter[int] = Counter()

    # -- creation --------------------------------------------------------------------------------------------------

    def create(
        self,
        kind: InteractionKind,
        user: User,
        channel: Channel,
        data: JSON,
        *,
        name: str | None = None,
        source: StoredMessage | None = None,
    ) -> InteractionRecord:
        """Record the interaction and send INTERACTION_CREATE to the shard that owns its guild."""
        record = InteractionRecord(
            id=self.world.snowflakes.now(),
            token=f"aW50ZXJhY3Rpb24{secrets.token_urlsafe(48)}",
            kind=kind,
            user=user,
            channel=channel,
            created_at=self.clock(),
            name=name,
            source=source,
        )
        self.records[record.id] = record
        self._by_token[record.token] = record
        record.delivered = self.gateway.dispatch(
            "INTERACTION_CREATE", self._payload(record, data), guild_id=channel.guild_id, track=True
        )
        return record

    def _payload(self, record: InteractionRecord, data: JSON) -> JSON:
        channel = record.channel
        guild = self.world.guild_of(channel)
        payload: JSON = {
            "id": str(record.id),
            "application_id": str(self.world.application_id),
            "type": int(record.kind),
            "token": record.token,
            "version": 1,
            "data": data,
            "channel_id": str(channel.id),
            "locale": record.user.locale,
            "entitlements": [],
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
            # In a DM the app has Discord's DM defaults (send, embed, attach...), not nothing.
            "app_permissions": str(
                self.world.member_permissions(channel, self.world.bot) if guild else EVERYONE_PERMISSIONS
            ),
        }
        if guild is not None:
            member = guild.members[record.user.id]
            permissions = guild.permissions_in(channel, record.user.id)
            payload.update(
                guild_id=str(guild.id),
                guild={"id": str(guild.id), "locale": guild.preferred_locale, "features": []},
                guild_locale=guild.preferred_locale,
                member=member_payload(member, permissions=permissions),
                channel=channel_payload(channel, self.world, permissions=permissions),
                context=0,
                authorizing_integration_owners={"0": str(guild.id)},
            )
        else:
            payload.update(
                user=user_payload(record.user),
                channel=channel_payload(channel, self.world),
                context=1,
                authorizing_integration_owners={"0": "0"},
            )
        if record.source is not None:
            payload["message"] = self.messages.payload(record.source)
        return payload

    # -- the initial response ----------------------------------------------------------------------------------------

    def callback(self, interaction_id: int, token: str, body: Any, files: list[JSON] | None = None) -> JSON:
        record = self.records.get(interaction_id)
        if record is None or record.token != token:
            raise ApiError.not_found(ErrorCode.UNKNOWN_INTERACTION, "interaction")
        if record.callback is not None:
            raise ApiError(
                400, ErrorCode.INTERACTION_ALREADY_ACKNOWLEDGED, "Interaction has already been acknowledged."
            )
        if self.clock() - record.created_at > self.response_window:
            raise ApiError.not_found(ErrorCode.UNKNOWN_INTERACTION, "interaction")
        if not isinstance(body, Mapping):
            raise ApiError(400, ErrorCode.INVALID_FORM_BODY, "Invalid Form Body", {})
        try:
            kind = CallbackType(int(body.get("type", 0)))
        except ValueError:
            kind = None
        if kind is None or kind not in ALLOWED_CALLBACKS[record.kind]:
            errors = FormErrors()
            errors.add(
                ["type"],
                "INTERACTION_RESPONSE_TYPE_INVALID",
                "Interaction response type is invalid for this interaction",
            )
            raise ApiError.form(errors)
        data = body.get("data") or {}
        message = self._apply_callback(record, kind, data, files or [])
        record.callback = kind
        record.responded_at = self.clock()
        self.answered += 1
        self.responses_by_type[int(kind)] += 1
        record.signal.notify()
        info: JSON = {"id": str(record.id), "type": int(record.kind)}
        result: JSON = {"interaction": info, "resource": {"type": int(kind)}}
        if message is not None:
            info.update(
                response_message_id=str(message.id),
                response_message_loading=bool(message.flags & MessageFlag.LOADING),
                response_message_ephemeral=bool(message.flags & MessageFlag.EPHEMERAL),
            )
            result["resource"]["message"] = self.messages.payload(message)
        return result

    def _apply_callback(
        self, record: InteractionRecord, kind: CallbackType, data: Mapping[str, Any], files: list[JSON]
    ) -> StoredMessage | None:
        errors = FormErrors(["data"])
        if kind is CallbackType.CHANNEL_MESSAGE:
            empty = check_message(data, errors, creating=True) and not files
            self._raise(errors, empty)
            flags = int(data.get("flags") or 0) & INTERACTION_FLAGS
            record.ephemeral = bool(flags & MessageFlag.EPHEMERAL)
            record.original = self.messages.create(
                record.channel,
                self.world.bot,
                data,
                webhook_id=self.world.application_id,
                interaction=record.link(),
                message_type=self._message_type(record),
                flags=flags,
                attachments=files,
            )
            return record.original
        if kind is CallbackType.DEFERRED_CHANNEL_MESSAGE:
            record.ephemeral = bool(int(data.get("flags") or 0) & MessageFlag.EPHEMERAL)
            flags = MessageFlag.LOADING | (MessageFlag.EPHEMERAL if record.ephemeral else 0)
            record.original = self.messages.create(
                record.channel,
                self.world.bot,
                {},
                webhook_id=self.world.application_id,
                interaction=record.link(),
                message_type=self._message_type(record),
                flags=int(flags),
            )
            return record.original
        if kind in (CallbackType.DEFERRED_UPDATE_MESSAGE, CallbackType.UPDATE_MESSAGE):
            source = record.source
            if source is None:
                errors.add([], "INTERACTION_RESPONSE_TYPE_INVALID", "This interaction has no message to update")
                raise ApiError.form(errors)
            record.original = source
            record.ephemeral = bool(source.flags & MessageFlag.EPHEMERAL)
            if kind is CallbackType.UPDATE_MESSAGE:
                check_message(data, errors, creating=False)
                self._raise(errors, False)
                self.messages.edit(source, data, files=files)
                record.edits.append(source.history[-1])
            return source
        if kind is CallbackType.AUTOCOMPLETE_RESULT:
            choices = data.get("choices") or []
            check_choices(choices, errors)
            self._raise(errors, False)
            record.choices = [Choice(str(c["name"]), c["value"]) for c in choices]
            return None
        check_modal(data, errors)
        self._raise(errors, False)
        record.modal = Modal(
            custom_id=str(data["custom_id"]),
            title=str(data["title"]),
            components=tuple(Component.from_dict(c) for c in data.get("components") or ()),
        )
        return None

    @staticmethod
    def _raise(errors: FormErrors, empty: bool) -> None:
        if errors:
            raise ApiError.form(errors)
        if empty:
            raise ApiError(400, ErrorCode.EMPTY_MESSAGE, "Cannot send an empty message")

    @staticmethod
    def _message_type(record: InteractionRecord) -> int:
        if record.kind is InteractionKind.APPLICATION_COMMAND:
            return MessageType.CHAT_INPUT_COMMAND
        return MessageType.DEFAULT

    # -- the interaction webhook: follow-ups and the original ------------------------------------------------------

    def find_by_token(self, token: str) -> InteractionRecord | None:
        return self._by_token.get(token)

    def by_webhook(self, application_id: int, token: str) -> InteractionRecord:
        record = self._by_token.get(token)
        if record is None or application_id != self.world.application_id:
            raise ApiError.not_found(ErrorCode.UNKNOWN_WEBHOOK, "Webhook")
        if self.clock() - record.created_at > self.token_lifetime:
            raise ApiError(401, ErrorCode.INVALID_WEBHOOK_TOKEN, "Invalid Webhook Token")
        return record

    def followup(self, record: InteractionRecord, body: Mapping[str, Any], attachments: list[JSON]) -> StoredMessage:
        if record.callback is None or record.kind is InteractionKind.AUTOCOMPLETE:
            raise ApiError.not_found(ErrorCode.UNKNOWN_WEBHOOK, "Webhook")
        errors = FormErrors()
        empty = check_message(body, errors, creating=True) and not attachments
        self._raise(errors, empty)
        original = record.original
        if (
            record.callback is CallbackType.DEFERRED_CHANNEL_MESSAGE
            and original is not None
            and original.flags & MessageFlag.LOADING
            and not original.deleted
        ):
            # Discord turns the first follow-up after a "thinking" defer into the deferred message itself.
            self.messages.edit(original, {**body, "attachments": []}, files=attachments)
            record.edits.append(original.history[-1])
            self.followup_count += 1
            record.signal.notify()
            return original
        message = self.messages.create(
            record.channel,
            self.world.bot,
            body,
            webhook_id=self.world.application_id,
            interaction=record.link(),
            flags=int(body.get("flags") or 0) & INTERACTION_FLAGS,
            attachments=attachments,
        )
        record.followups.append(message)
        self.followup_count += 1
        record.signal.notify()
        return message

    def message(self, record: InteractionRecord, ref: str) -> StoredMessage:
        """`@original` or the id of one of this interaction's messages."""
        if ref == "@original":
            found = record.original
        else:
            wanted = int(ref) if ref.isdecimal() else -1
            candidates = [m for m in (record.original, *record.followups) if m is not None]
            found = next((m for m in candidates if m.id == wanted), None)
        if found is None or found.deleted:
            raise ApiError.not_found(ErrorCode.UNKNOWN_MESSAGE, "Message")
        return found

    def edit(
        self, record: InteractionRecord, ref: str, body: Mapping[str, Any], files: list[JSON] | None = None
    ) -> StoredMessage:
        message = self.message(record, ref)
        errors = FormErrors()
        check_message(body, errors, creating=False)
        self._raise(errors, False)
        self.messages.edit(message, body, files=files)
        if message is record.original:
            record.edits.append(message.history[-1])
        record.signal.notify()
        return message

    def delete(self, record: InteractionRecord, ref: str) -> None:
        message = self.message(record, ref)
        self.messages.delete(message)
        record.signal.notify()

    def reject(self, record: InteractionRecord, rejection: Rejection) -> None:
        record.rejections.append(rejection)
        record.signal.notify()

    # -- views for tests ----------------------------------------------------------------------------------------------

    def response(self, record: InteractionRecord) -> InteractionResponse:
        original = None if record.original is None else record.original.current
        return InteractionResponse(
            interaction_id=record.id,
            type=record.callback,
            deferred=record.callback in (CallbackType.DEFERRED_CHANNEL_MESSAGE, CallbackType.DEFERRED_UPDATE_MESSAGE),
            ephemeral=record.ephemeral,
            original=original,
            followups=tuple(m.current for m in record.followups),
            edits=tuple(record.edits),
            choices=tuple(record.choices),
            modal=record.modal,
            rejections=tuple(record.rejections),
            delay=None if record.responded_at is None else record.responded_at - record.created_at,
        )

    def unanswered(self) -> int:
        now = self.clock()
        return sum(1 for r in self.records.values() if r.callback is None and now - r.created_at > self.response_window)
