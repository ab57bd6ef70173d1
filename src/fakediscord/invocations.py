"""What a Discord client sends when a user acts: slash-command options, autocomplete, clicks, selects, modals.

A real client only offers registered commands the user may see, and refuses options outside their schema
(type, `max_length`, choices, range); so does the stand-in, raising at the test instead of sending.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from fakediscord.commands import CommandStore
from fakediscord.constants import (
    LINK_BUTTON_STYLE,
    PREMIUM_BUTTON_STYLE,
    SELECT_TYPES,
    ComponentType,
    MessageFlag,
    OptionType,
    Permission,
)
from fakediscord.errors import ComponentError, InvalidInvocationError, UnknownCommandError
from fakediscord.models import Channel, Guild, Member, Role, User
from fakediscord.payloads import member_payload, role_payload, user_payload
from fakediscord.records import Modal
from fakediscord.world import StoredMessage, World

JSON = dict[str, Any]
OptionValue = str | int | float | bool | User | Member | Role | Channel
SelectValue = str | User | Member | Role | Channel

GUILD_CONTEXT, BOT_DM_CONTEXT = 0, 1


def command_data(
    store: CommandStore,
    world: World,
    user: User,
    channel: Channel,
    name: str,
    options: Mapping[str, OptionValue],
    *,
    focused: str | None = None,
) -> tuple[JSON, JSON]:
    """The interaction `data` for `/name options` (or autocomplete with `focused`), and the command it targets."""
    parts = name.split()
    if not parts:
        raise InvalidInvocationError("empty command name")
    guild = world.guild_of(channel)
    command = store.find(parts[0], None if guild is None else guild.id)
    if command is None:
        raise UnknownCommandError(f"/{parts[0]} is not registered here (did the bot sync its command tree?)")
    _check_visible(command, guild, user)
    top: list[JSON] = []
    current, schema = top, list(command.get("options") or [])
    for sub in parts[1:]:
        option = next((o for o in schema if o["name"] == sub and o["type"] in (1, 2)), None)
        if option is None:
            raise UnknownCommandError(f"/{' '.join(parts)}: {sub!r} is not a subcommand")
        node: JSON = {"type": option["type"], "name": sub, "options": []}
        current.append(node)
        current, schema = node["options"], list(option.get("options") or [])
    if any(o["type"] in (1, 2) for o in schema):
        raise InvalidInvocationError(f"/{name} needs a subcommand: {', '.join(o['name'] for o in schema)}")
    known = {o["name"]: o for o in schema}
    unknown = set(options) - set(known)
    if unknown:
        raise InvalidInvocationError(f"/{name} has no option(s) {sorted(unknown)}; it has {sorted(known)}")
    if focused is not None and focused not in known:
        raise InvalidInvocationError(f"/{name} has no option {focused!r} to autocomplete")
    resolved: dict[str, dict[str, JSON]] = {}
    for spec in schema:
        option_name = spec["name"]
        if option_name not in options:
            if spec.get("required") and focused is None:
                raise InvalidInvocationError(f"/{name}: option {option_name!r} is required")
            continue
        if option_name == focused:
            if not spec.get("autocomplete"):
                raise InvalidInvocationError(f"/{name}: option {focused!r} has no autocomplete")
            current.append({"type": spec["type"], "name": option_name, "value": options[option_name], "focused": True})
            continue
        value = _convert(spec, options[option_name], world, guild, channel, resolved, f"/{name} {option_name}")
        current.append({"type": spec["type"], "name": option_name, "value": value})
    data: JSON = {"id": command["id"], "name": parts[0], "type": command.get("type", 1), "options": top}
    if command.get("guild_id"):
        data["guild_id"] = command["guild_id"]
    if resolved:
        data["resolved"] = resolved
    return data, command


def _check_visible(command: Mapping[str, Any], guild: Guild | None, user: User) -> None:
    contexts = command.get("contexts")
    name = command["name"]
    if guild is None:
        if not command.get("dm_permission", True) or (contexts is not None and BOT_DM_CONTEXT not in contexts):
            raise UnknownCommandError(f"/{name} is not available in DMs")
        return
    if contexts is not None and GUILD_CONTEXT not in contexts:
        raise UnknownCommandError(f"/{name} is not available in servers")
    required = command.get("default_member_permissions")
    if required is not None:
        perms = guild.base_permissions(user.id)
        needed = int(required)
        if not perms & Permission.ADMINISTRATOR and (needed == 0 or perms & needed != needed):
            raise UnknownCommandError(f"/{name} is hidden from {user.name} (default_member_permissions={needed})")


def _convert(
    spec: Mapping[str, Any],
    value: OptionValue,
    world: World,
    guild: Guild | None,
    channel: Channel,
    resolved: dict[str, dict[str, JSON]],
    where: str,
) -> str | int | float | bool:
    kind = spec["type"]
    if kind == OptionType.STRING:
        if not isinstance(value, str):
            raise InvalidInvocationError(f"{where}: expected a string, got {value!r}")
        low, high = spec.get("min_length"), spec.get("max_length")
        if (low is not None and len(value) < low) or (high is not None and len(value) > high):
            raise InvalidInvocationError(f"{where}: length {len(value)} is outside {low}..{high}")
        _check_choice(spec, value, where)
        return value
    if kind in (OptionType.INTEGER, OptionType.NUMBER):
        ok = isinstance(value, int) if kind == OptionType.INTEGER else isinstance(value, int | float)
        if not ok or isinstance(value, bool):
            raise InvalidInvocationError(f"{where}: expected a number, got {value!r}")
        assert isinstance(value, int | float)
        low, high = spec.get("min_value"), spec.get("max_value")
        if (low is not None and value < low) or (high is not None and value > high):
            raise InvalidInvocationError(f"{where}: {value} is outside {low}..{high}")
        _check_choice(spec, value, where)
        return value
    if kind == OptionType.BOOLEAN:
        if not isinstance(value, bool):
            raise InvalidInvocationError(f"{where}: expected a bool, got {value!r}")
        return value
    if kind in (OptionType.USER, OptionType.ROLE, OptionType.MENTIONABLE, OptionType.CHANNEL):
        return _resolve(kind, value, world, guild, resolved, where, spec.get("channel_types"))
    raise InvalidInvocationError(f"{where}: option type {kind} is not supported by the stand-in")


def _check_choice(spec: Mapping[str, Any], value: str | int | float, where: str) -> None:
    choices = spec.get("choices")
    if choices and value not in [c["value"] for c in choices]:
        raise InvalidInvocationError(f"{where}: {value!r} is not one of {[c['value'] for c in choices]}")


def _resolve(
    kind: int,
    value: OptionValue,
    world: World,
    guild: Guild | None,
    resolved: dict[str, dict[str, JSON]],
    where: str,
    channel_types: Sequence[int] | None = None,
) -> str:
    if isinstance(value, Member):
        value = value.user
    if isinstance(value, User) and kind in (OptionType.USER, OptionType.MENTIONABLE):
        resolved.setdefault("users", {})[str(value.id)] = user_payload(value)
        member = None if guild is None else guild.members.get(value.id)
        if member is not None:
            resolved.setdefault("members", {})[str(value.id)] = member_payload(
                member, with_user=False, permissions=guild.base_permissions(value.id) if guild else 0
            )
        return str(value.id)
    if isinstance(value, Role) and kind in (OptionType.ROLE, OptionType.MENTIONABLE):
        resolved.setdefault("roles", {})[str(value.id)] = role_payload(value)
        return str(value.id)
    if isinstance(value, Channel) and kind == OptionType.CHANNEL:
        if channel_types and int(value.kind) not in channel_types:
            raise InvalidInvocationError(f"{where}: channel type {int(value.kind)} not in {list(channel_types)}")
        perms = 0 if guild is None else guild.permissions_in(value, world.bot.id)
        resolved.setdefault("channels", {})[str(value.id)] = {
            "id": str(value.id),
            "name": value.name,
            "type": int(value.kind),
            "permissions": str(perms),
            "parent_id": None if value.parent_id is None else str(value.parent_id),
            "flags": 0,
        }
        return str(value.id)
    raise InvalidInvocationError(f"{where}: {value!r} is not a valid {OptionType(kind).name.lower()}")


def _walk(components: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for item in components:
        yield item
        yield from _walk(item.get("components") or [])
        for key in ("accessory", "component"):
            child = item.get(key)
            if isinstance(child, Mapping):
                yield from _walk([child])


def find_component(message: StoredMessage, custom_id: str | None, label: str | None) -> Mapping[str, Any]:
    for item in _walk(message.components):
        if custom_id is not None and item.get("custom_id") == custom_id:
            return item
        if custom_id is None and label is not None and (item.get("label") == label or item.get("placeholder") == label):
            return item
    raise ComponentError(f"message {message.id} has no component custom_id={custom_id!r} label={label!r}")


def check_can_use(message: StoredMessage, user: User) -> None:
    if message.deleted:
        raise ComponentError(f"message {message.id} was deleted")
    owner = message.interaction_user
    if message.flags & MessageFlag.EPHEMERAL and owner is not None and owner.id != user.id:
        raise ComponentError(f"message {message.id} is ephemeral: only {owner.name} sees it")


def click_data(component: Mapping[str, Any]) -> JSON:
    if component.get("type") != ComponentType.BUTTON:
        raise ComponentError(f"component {component.get('custom_id')!r} is not a button")
    if component.get("style") in (LINK_BUTTON_STYLE, PREMIUM_BUTTON_STYLE):
        raise ComponentError("link and premium buttons open in the client; they send no interaction")
    if component.get("disabled"):
        raise ComponentError(f"button {component.get('custom_id')!r} is disabled")
    return {"custom_id": component["custom_id"], "component_type": int(ComponentType.BUTTON)}


def select_data(component: Mapping[str, Any], values: Sequence[SelectValue], world: World, guild: Guild | None) -> JSON:
    kind = component.get("type")
    if kind not in SELECT_TYPES:
        raise ComponentError(f"component {component.get('custom_id')!r} is not a select menu")
    if component.get("disabled"):
        raise ComponentError(f"select {component.get('custom_id')!r} is disabled")
    low, high = int(component.get("min_values", 1)), int(component.get("max_values", 1))
    if not low <= len(values) <= high:
        raise ComponentError(f"select {component.get('custom_id')!r} takes {low}..{high} values, got {len(values)}")
    data: JSON = {"custom_id": component["custom_id"], "component_type": int(kind)}
    if kind == ComponentType.STRING_SELECT:
        offered = [o.get("value") for o in component.get("options") or ()]
        for value in values:
            if value not in offered:
                raise ComponentError(f"{value!r} is not an option of {component.get('custom_id')!r}: {offered}")
        data["values"] = [str(v) for v in values]
        return data
    resolved: dict[str, dict[str, JSON]] = {}
    option_kind = {
        ComponentType.USER_SELECT: OptionType.USER,
        ComponentType.ROLE_SELECT: OptionType.ROLE,
        ComponentType.MENTIONABLE_SELECT: OptionType.MENTIONABLE,
        ComponentType.CHANNEL_SELECT: OptionType.CHANNEL,
    }[ComponentType(kind)]
    data["values"] = [
        _resolve(option_kind, v, world, guild, resolved, f"select {component.get('custom_id')!r}") for v in values
    ]
    data["resolved"] = resolved
    return data


def modal_submit_data(modal: Modal, values: Mapping[str, str]) -> JSON:
    """Mirror the modal's layout (action rows or labels) with each text input's value, as a client does."""
    inputs = {c.custom_id: c for c in modal.text_inputs() if c.custom_id is not None}
    unknown = set(values) - set(inputs)
    if unknown:
        raise InvalidInvocationError(f"modal {modal.custom_id!r} has no inputs {sorted(unknown)}")
    rows: list[JSON] = []
    for top in modal.components:
        for item in top.walk():
            if item.type != ComponentType.TEXT_INPUT or item.custom_id is None:
                continue
            value = values.get(item.custom_id, "")
            if item.raw.get("required", True) and not value:
                raise InvalidInvocationError(f"modal {modal.custom_id!r}: input {item.custom_id!r} is required")
            high = item.raw.get("max_length")
            if high is not None and len(value) > int(high):
                raise InvalidInvocationError(f"modal input {item.custom_id!r} is longer than {high}")
            field: JSON = {"type": int(ComponentType.TEXT_INPUT), "custom_id": item.custom_id, "value": value}
            if top.type == ComponentType.LABEL:
                rows.append({"type": int(ComponentType.LABEL), "component": field})
            else:
                rows.append({"type": int(ComponentType.ACTION_ROW), "components": [field]})
    return {"custom_id": modal.custom_id, "components": rows}
