"""Plain, frozen snapshots the test API returns: messages, embeds, components, responses, commands, statistics.

Each keeps the JSON it came from in `raw` so a test can reach a field the typed view does not name.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from fakediscord.constants import CallbackType, ComponentType, MessageFlag

JSON = dict[str, Any]


@dataclass(frozen=True, slots=True)
class EmbedField:
    name: str
    value: str
    inline: bool = False


@dataclass(frozen=True, slots=True)
class Embed:
    """The parts of an embed a test asserts on."""

    title: str | None
    description: str | None
    url: str | None
    color: int | None
    fields: tuple[EmbedField, ...]
    footer: str | None
    author: str | None
    image: str | None
    thumbnail: str | None
    raw: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Embed:
        return cls(
            title=data.get("title"),
            description=data.get("description"),
            url=data.get("url"),
            color=data.get("color"),
            fields=tuple(
                EmbedField(str(f.get("name", "")), str(f.get("value", "")), bool(f.get("inline", False)))
                for f in data.get("fields") or ()
            ),
            footer=(data.get("footer") or {}).get("text"),
            author=(data.get("author") or {}).get("name"),
            image=(data.get("image") or {}).get("url"),
            thumbnail=(data.get("thumbnail") or {}).get("url"),
            raw=data,
        )


@dataclass(frozen=True, slots=True)
class SelectOption:
    label: str
    value: str
    description: str | None = None
    default: bool = False


@dataclass(frozen=True, slots=True)
class Component:
    """A component of any type; layout components (rows, containers, sections) keep theirs in `children`."""

    type: int
    custom_id: str | None
    label: str | None
    style: int | None
    url: str | None
    disabled: bool
    options: tuple[SelectOption, ...]
    children: tuple[Component, ...]
    raw: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Component:
        nested: list[Mapping[str, Any]] = list(data.get("components") or ())
        for key in ("accessory", "component"):
            if isinstance(data.get(key), Mapping):
                nested.append(data[key])
        return cls(
            type=int(data.get("type", 0)),
            custom_id=data.get("custom_id"),
            label=data.get("label") or data.get("placeholder"),
            style=data.get("style"),
            url=data.get("url"),
            disabled=bool(data.get("disabled", False)),
            options=tuple(
                SelectOption(
                    str(o.get("label", "")), str(o.get("value", "")), o.get("description"), o.get("default", False)
                )
                for o in data.get("options") or ()
            ),
            children=tuple(cls.from_dict(c) for c in nested),
            raw=data,
        )

    def walk(self) -> Iterator[Component]:
        yield self
        for child in self.children:
            yield from child.walk()

    @property
    def is_button(self) -> bool:
        return self.type == ComponentType.BUTTON


@dataclass(frozen=True, slots=True)
class Pings:
    """Who a message would notify, computed from its content and `allowed_mentions` as Discord does."""

    users: frozenset[int] = frozenset()
    roles: frozenset[int] = frozenset()
    everyone: bool = False
    here: bool = False

    @property
    def anyone(self) -> bool:
        return bool(self.users or self.roles or self.everyone or self.here)

    @property
    def mass(self) -> bool:
        """@everyone, @here or any role: the pings a recommendation bot must never send."""
        return bool(self.roles or self.everyone or self.here)


@dataclass(frozen=True, slots=True)
class Message:
    """One version of a message: the latest, or an edit as it was at the time."""

    id: int
    channel_id: int
    guild_id: int | None
    author_id: int
    content: str
    embeds: tuple[Embed, ...]
    components: tuple[Component, ...]
    flags: int
    allowed_mentions: Mapping[str, Any] | None
    pings: Pings
    reply_to: int | None
    interaction_id: int | None
    type: int
    version: int
    attachments: tuple[str, ...] = ()
    reactions: tuple[str, ...] = ()
    deleted: bool = False
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & MessageFlag.EPHEMERAL)

    @property
    def loading(self) -> bool:
        """A deferred response's "thinking..." placeholder that nothing has replaced yet."""
        return bool(self.flags & MessageFlag.LOADING)

    def walk_components(self) -> Iterator[Component]:
        for component in self.components:
            yield from component.walk()

    def find_component(self, *, custom_id: str | None = None, label: str | None = None) -> Component:
        """The first component with this custom_id (exact) or label (exact); KeyError if none."""
        for component in self.walk_components():
            if custom_id is not None and component.custom_id == custom_id:
                return component
            if custom_id is None and label is not None and component.label == label:
                return component
        raise KeyError(f"message {self.id} has no component custom_id={custom_id!r} label={label!r}")

    @property
    def buttons(self) -> tuple[Component, ...]:
        return tuple(c for c in self.walk_components() if c.is_button)


@dataclass(frozen=True, slots=True)
class Choice:
    """An autocomplete or option choice."""

    name: str
    value: str | int | float


@dataclass(frozen=True, slots=True)
class Modal:
    """A modal the bot opened (callback type 9)."""

    custom_id: str
    title: str
    components: tuple[Component, ...]

    def text_inputs(self) -> tuple[Component, ...]:
        return tuple(c for top in self.components for c in top.walk() if c.type == ComponentType.TEXT_INPUT)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A request the stand-in refused, with Discord's status and JSON error code."""

    method: str
    path: str
    status: int
    code: int
    message: str
    interaction_id: int | None = None
    errors: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class InteractionResponse:
    """Everything the bot has done with one interaction so far."""

    interaction_id: int
    type: CallbackType | None
    deferred: bool
    ephemeral: bool
    original: Message | None
    followups: tuple[Message, ...]
    edits: tuple[Message, ...]
    choices: tuple[Choice, ...]
    modal: Modal | None
    rejections: tuple[Rejection, ...]
    delay: float | None

    @property
    def answered(self) -> bool:
        return self.type is not None

    @property
    def messages(self) -> tuple[Message, ...]:
        """The visible messages: the original (when it has one) then the follow-ups."""
        head = (self.original,) if self.original is not None and not self.original.deleted else ()
        return head + self.followups

    @property
    def content(self) -> str:
        """The text a user would read first: the original's, else the first follow-up's."""
        for message in self.messages:
            if message.content or message.embeds:
                return message.content
        return ""

    @property
    def embeds(self) -> tuple[Embed, ...]:
        return tuple(e for m in self.messages for e in m.embeds)


@dataclass(frozen=True, slots=True)
class CommandOption:
    """An option of a synced command, as Discord stored it."""

    type: int
    name: str
    description: str
    required: bool
    choices: tuple[Choice, ...]
    options: tuple[CommandOption, ...]
    min_length: int | None
    max_length: int | None
    min_value: float | None
    max_value: float | None
    autocomplete: bool
    channel_types: tuple[int, ...]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CommandOption:
        return cls(
            type=int(data["type"]),
            name=str(data["name"]),
            description=str(data.get("description", "")),
            required=bool(data.get("required", False)),
            choices=tuple(Choice(str(c["name"]), c["value"]) for c in data.get("choices") or ()),
            options=tuple(cls.from_dict(o) for o in data.get("options") or ()),
            min_length=data.get("min_length"),
            max_length=data.get("max_length"),
            min_value=data.get("min_value"),
            max_value=data.get("max_value"),
            autocomplete=bool(data.get("autocomplete", False)),
            channel_types=tuple(data.get("channel_types") or ()),
        )

    def option(self, name: str) -> CommandOption:
        return _find_option(self.options, name, self.name)


@dataclass(frozen=True, slots=True)
class SyncedCommand:
    """An application command the bot registered (global, or for one guild)."""

    id: int
    application_id: int
    guild_id: int | None
    type: int
    name: str
    description: str
    options: tuple[CommandOption, ...]
    default_member_permissions: int | None
    dm_permission: bool
    contexts: tuple[int, ...] | None
    nsfw: bool
    version: int
    raw: Mapping[str, Any]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SyncedCommand:
        perms = data.get("default_member_permissions")
        contexts = data.get("contexts")
        return cls(
            id=int(data["id"]),
            application_id=int(data["application_id"]),
            guild_id=int(data["guild_id"]) if data.get("guild_id") else None,
            type=int(data.get("type", 1)),
            name=str(data["name"]),
            description=str(data.get("description", "")),
            options=tuple(CommandOption.from_dict(o) for o in data.get("options") or ()),
            default_member_permissions=None if perms is None else int(perms),
            dm_permission=bool(data.get("dm_permission", True)),
            contexts=None if contexts is None else tuple(contexts),
            nsfw=bool(data.get("nsfw", False)),
            version=int(data.get("version", 0)),
            raw=data,
        )

    def option(self, name: str) -> CommandOption:
        """An option, or a subcommand, by name."""
        return _find_option(self.options, name, self.name)


def _find_option(options: tuple[CommandOption, ...], name: str, owner: str) -> CommandOption:
    for option in options:
        if option.name == name:
            return option
    raise KeyError(f"{owner!r} has no option {name!r}")


@dataclass(frozen=True, slots=True)
class GatewayStats:
    connections: int = 0
    identifies: int = 0
    resumes: int = 0
    invalid_sessions: int = 0
    reconnect_requests: int = 0
    heartbeats: int = 0
    events_sent: int = 0
    events_replayed: int = 0
    events_undelivered: int = 0
    close_codes: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Stats:
    """Counters since the stand-in started."""

    interactions_created: int
    interactions_answered: int
    interactions_unanswered: int
    responses_by_type: Mapping[int, int]
    followups: int
    messages_created: int
    rate_limited: int
    requests: int
    requests_by_route: Mapping[str, int]
    unknown_routes: tuple[str, ...]
    rejections: tuple[Rejection, ...]
    gateway: GatewayStats

    @property
    def rejection_codes(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for rejection in self.rejections:
            counts[rejection.code] = counts.get(rejection.code, 0) + 1
        return counts
