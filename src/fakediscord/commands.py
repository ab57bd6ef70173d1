"""The application commands a bot registers, validated and stored the way Discord does it.

Discord rejects a bad command tree at sync time (400, 50035); the stand-in applies the same rules so a test sees a
too-long description or a missing `max_length` check long before a real sync would fail.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping, Sequence
from typing import Any

from fakediscord.constants import CommandType, OptionType, Snowflakes
from fakediscord.limits import CHOICE_NAME_MAX, CHOICE_VALUE_MAX, CHOICES_MAX, FormErrors

JSON = dict[str, Any]

COMMANDS_PER_TYPE_MAX = 100
OPTIONS_MAX = 25
NAME_MAX = 32
DESCRIPTION_MAX = 100
STRING_LENGTH_MAX = 6000
COMMAND_SIZE_MAX = 8000
# Discord allows lowercase letters and digits of any script, '-', '_' and "'" in chat-input names.
CHAT_INPUT_NAME = re.compile(r"^[-_'\w]{1,32}$")
VALUE_TYPES = frozenset(OptionType) - {OptionType.SUB_COMMAND, OptionType.SUB_COMMAND_GROUP}
LOCALES = frozenset(
    [
        "id",
        "da",
        "de",
        "en-GB",
        "en-US",
        "es-ES",
        "es-419",
        "fr",
        "hr",
        "it",
        "lt",
        "hu",
        "nl",
        "no",
        "pl",
        "pt-BR",
        "ro",
        "fi",
        "sv-SE",
        "vi",
        "tr",
        "cs",
        "el",
        "bg",
        "ru",
        "uk",
        "hi",
        "th",
        "zh-CN",
        "ja",
        "zh-TW",
        "ko",
    ]
)
"""The locales Discord accepts as keys of `name_localizations` and `description_localizations`."""


def validate_command(payload: Mapping[str, Any], errors: FormErrors, path: Sequence[str | int] = ()) -> None:
    """Discord's rules for one command: names, descriptions, option order and nesting, choices, lengths."""
    kind = int(payload.get("type") or CommandType.CHAT_INPUT)
    name = payload.get("name")
    description = payload.get("description") or ""
    if kind not in tuple(CommandType):
        errors.add([*path, "type"], "ENUM_TYPE_COERCE", f'Value "{kind}" is not a valid enum value.')
    if kind == CommandType.CHAT_INPUT:
        _check_name(name, errors, [*path, "name"])
        _check_description(description, errors, [*path, "description"])
        _check_localizations(payload, errors, path)
        _check_options(payload.get("options") or [], errors, [*path, "options"], depth=0)
    else:
        if not isinstance(name, str) or not 1 <= len(name) <= NAME_MAX:
            errors.add([*path, "name"], "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {NAME_MAX} in length.")
        if description:
            errors.add(
                [*path, "description"],
                "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                "Context menu commands cannot have description",
            )
        if payload.get("options"):
            errors.add(
                [*path, "options"],
                "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS",
                "Context menu commands cannot have options",
            )
    if _size(payload) > COMMAND_SIZE_MAX:
        errors.add(path, "APPLICATION_COMMAND_TOO_LARGE", f"Command exceeds maximum size ({COMMAND_SIZE_MAX})")


def _check_name(name: Any, errors: FormErrors, path: list[str | int]) -> None:
    if not isinstance(name, str) or not CHAT_INPUT_NAME.match(name):
        errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
    elif name != name.lower():
        errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid (must be lowercase)")


def _check_localizations(item: Mapping[str, Any], errors: FormErrors, path: Sequence[str | int]) -> None:
    """Localized names follow the name rules and descriptions the description rules, under known locale keys."""
    for key, check in (("name_localizations", _check_name), ("description_localizations", _check_description)):
        for locale, text in (item.get(key) or {}).items():
            if locale not in LOCALES:
                errors.add([*path, key, locale], "LOCALE_INVALID", f'Value "{locale}" is not a valid locale.')
            check(text, errors, [*path, key, locale])


def _check_description(description: Any, errors: FormErrors, path: list[str | int]) -> None:
    if not isinstance(description, str) or not 1 <= len(description) <= DESCRIPTION_MAX:
        errors.add(path, "BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {DESCRIPTION_MAX} in length.")


def _check_options(options: Any, errors: FormErrors, path: list[str | int], *, depth: int) -> None:
    if not isinstance(options, list):
        errors.add(path, "BASE_TYPE_ARRAY", "Must be an array.")
        return
    errors.max_length(path, options, OPTIONS_MAX)
    names: set[str] = set()
    seen_optional = False
    kinds = {int(o.get("type", 0)) for o in options}
    nested = kinds & {OptionType.SUB_COMMAND, OptionType.SUB_COMMAND_GROUP}
    if nested and kinds - nested:
        errors.add(
            path,
            "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
            "Sub-command and sub-command group option types are mutually exclusive to all other types",
        )
    for index, option in enumerate(options):
        here: list[str | int] = [*path, index]
        kind = int(option.get("type", 0))
        name = option.get("name")
        _check_name(name, errors, [*here, "name"])
        _check_description(option.get("description"), errors, [*here, "description"])
        _check_localizations(option, errors, here)
        if isinstance(name, str):
            if name in names:
                errors.add(
                    [*here, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option name already exists"
                )
            names.add(name)
        if kind == OptionType.SUB_COMMAND_GROUP:
            if depth > 0:
                errors.add([*here, "type"], "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Groups cannot be nested")
            sub = option.get("options") or []
            if any(int(s.get("type", 0)) != OptionType.SUB_COMMAND for s in sub):
                errors.add(
                    [*here, "options"],
                    "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                    "A sub-command group may only contain sub-commands",
                )
            _check_options(sub, errors, [*here, "options"], depth=depth + 1)
        elif kind == OptionType.SUB_COMMAND:
            _check_options(option.get("options") or [], errors, [*here, "options"], depth=depth + 1)
        elif kind in VALUE_TYPES:
            required = bool(option.get("required", False))
            if required and seen_optional:
                errors.add(
                    [*here, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
            seen_optional = seen_optional or not required
            _check_value_option(option, kind, errors, here)
        else:
            errors.add([*here, "type"], "ENUM_TYPE_COERCE", f'Value "{kind}" is not a valid enum value.')


def _check_value_option(option: Mapping[str, Any], kind: int, errors: FormErrors, here: list[str | int]) -> None:
    choices = option.get("choices") or []
    errors.max_length([*here, "choices"], choices, CHOICES_MAX)
    if choices and option.get("autocomplete"):
        errors.add(
            [*here, "autocomplete"],
            "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
            "Autocomplete cannot be set with choices",
        )
    for index, choice in enumerate(choices):
        cname = choice.get("name")
        if not isinstance(cname, str) or not 1 <= len(cname) <= CHOICE_NAME_MAX:
            errors.add(
                [*here, "choices", index, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
            )
        for locale, shown in (choice.get("name_localizations") or {}).items():
            if locale not in LOCALES or not isinstance(shown, str) or not 1 <= len(shown) <= CHOICE_NAME_MAX:
                errors.add(
                    [*here, "choices", index, "name_localizations", locale],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
        errors.max_length([*here, "choices", index, "value"], choice.get("value"), CHOICE_VALUE_MAX)
    for key in ("min_length", "max_length"):
        value = option.get(key)
        if value is None:
            continue
        if kind != OptionType.STRING:
            errors.add([*here, key], "APPLICATION_COMMAND_OPTION_INVALID", f"{key} is only valid for string options")
        low = 0 if key == "min_length" else 1
        if not isinstance(value, int) or not low <= value <= STRING_LENGTH_MAX:
            errors.add([*here, key], "NUMBER_TYPE_MAX", f"Must be between {low} and {STRING_LENGTH_MAX}.")
    shortest, longest = option.get("min_length"), option.get("max_length")
    if isinstance(shortest, int) and isinstance(longest, int) and shortest > longest:
        errors.add([*here, "min_length"], "APPLICATION_COMMAND_OPTION_INVALID", "min_length exceeds max_length")


def _size(payload: Mapping[str, Any]) -> int:
    """Characters Discord counts towards a command's 8000 limit: names, descriptions, choice names and values."""
    total = len(str(payload.get("name", ""))) + len(str(payload.get("description", "")))
    for option in payload.get("options") or []:
        total += _size(option)
    for choice in payload.get("choices") or []:
        total += len(str(choice.get("name", ""))) + len(str(choice.get("value", "")))
    return total


def _normalize_option(option: Mapping[str, Any]) -> JSON:
    out = {k: copy.deepcopy(v) for k, v in option.items() if v is not None}
    if out.get("required") is False:
        del out["required"]
    if "options" in out:
        out["options"] = [_normalize_option(o) for o in out["options"]]
        if not out["options"]:
            del out["options"]
    return out


class CommandStore:
    """Global and per-guild command trees, keyed by (type, name) like Discord; ids survive a re-sync."""

    def __init__(self, application_id: int, snowflakes: Snowflakes) -> None:
        self._application_id = application_id
        self._snowflakes = snowflakes
        self._trees: dict[int | None, dict[tuple[int, str], JSON]] = {None: {}}

    def commands(self, guild_id: int | None) -> list[JSON]:
        return [copy.deepcopy(c) for c in self._trees.get(guild_id, {}).values()]

    def find(self, name: str, guild_id: int | None, kind: int = CommandType.CHAT_INPUT) -> JSON | None:
        """The command a user in this guild (or DM, `guild_id=None`) would see under this name."""
        if guild_id is not None:
            found = self._trees.get(guild_id, {}).get((kind, name))
            if found is not None:
                return found
        return self._trees[None].get((kind, name))

    def get(self, guild_id: int | None, command_id: int) -> JSON | None:
        for command in self._trees.get(guild_id, {}).values():
            if int(command["id"]) == command_id:
                return command
        return None

    def bulk_overwrite(self, guild_id: int | None, payloads: Any, errors: FormErrors) -> list[JSON]:
        if not isinstance(payloads, list):
            errors.add([], "BASE_TYPE_ARRAY", "Must be an array.")
            return []
        seen: set[tuple[int, str]] = set()
        counts: dict[int, int] = {}
        for index, payload in enumerate(payloads):
            validate_command(payload, errors, [index])
            key = (int(payload.get("type") or 1), str(payload.get("name")))
            if key in seen:
                errors.add(
                    [index, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique"
                )
            seen.add(key)
            counts[key[0]] = counts.get(key[0], 0) + 1
        if any(n > COMMANDS_PER_TYPE_MAX for n in counts.values()):
            errors.add([], "BASE_TYPE_MAX_LENGTH", f"Must be {COMMANDS_PER_TYPE_MAX} or fewer in length.")
        if errors:
            return []
        old = self._trees.get(guild_id, {})
        tree: dict[tuple[int, str], JSON] = {}
        for payload in payloads:
            key = (int(payload.get("type") or 1), str(payload["name"]))
            previous = old.get(key)
            tree[key] = self._stored(guild_id, payload, None if previous is None else int(previous["id"]))
        self._trees[guild_id] = tree
        return self.commands(guild_id)

    def upsert(self, guild_id: int | None, payload: Mapping[str, Any], errors: FormErrors) -> JSON | None:
        validate_command(payload, errors)
        if errors:
            return None
        tree = self._trees.setdefault(guild_id, {})
        key = (int(payload.get("type") or 1), str(payload["name"]))
        previous = tree.get(key)
        tree[key] = self._stored(guild_id, payload, None if previous is None else int(previous["id"]))
        return copy.deepcopy(tree[key])

    def edit(self, guild_id: int | None, command_id: int, patch: Mapping[str, Any], errors: FormErrors) -> JSON | None:
        current = self.get(guild_id, command_id)
        if current is None:
            return None
        merged = {**current, **patch}
        validate_command(merged, errors)
        if errors:
            return None
        tree = self._trees[guild_id]
        for key, value in list(tree.items()):
            if value is current:
                del tree[key]
        key = (int(merged.get("type") or 1), str(merged["name"]))
        tree[key] = self._stored(guild_id, merged, command_id)
        return copy.deepcopy(tree[key])

    def delete(self, guild_id: int | None, command_id: int) -> bool:
        tree = self._trees.get(guild_id, {})
        for key, value in list(tree.items()):
            if int(value["id"]) == command_id:
                del tree[key]
                return True
        return False

    def _stored(self, guild_id: int | None, payload: Mapping[str, Any], command_id: int | None) -> JSON:
        kind = int(payload.get("type") or CommandType.CHAT_INPUT)
        perms = payload.get("default_member_permissions")
        stored: JSON = {
            "id": str(command_id or self._snowflakes.next()),
            "application_id": str(self._application_id),
            "version": str(self._snowflakes.next()),
            "type": kind,
            "name": payload["name"],
            "name_localizations": payload.get("name_localizations"),
            "description": payload.get("description") or "",
            "description_localizations": payload.get("description_localizations"),
            "default_member_permissions": None if perms is None else str(perms),
            "dm_permission": bool(payload.get("dm_permission", True)),
            "contexts": payload.get("contexts"),
            "integration_types": payload.get("integration_types") or [0],
            "nsfw": bool(payload.get("nsfw", False)),
        }
        options = [_normalize_option(o) for o in payload.get("options") or []]
        if options:
            stored["options"] = options
        if guild_id is not None:
            stored["guild_id"] = str(guild_id)
        return stored
