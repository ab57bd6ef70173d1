"""Discord's limits on what a bot may send, checked like Discord checks them (400, code 50035 Invalid Form Body).

A bot that trips one of these in production gets an exception at the worst moment; here the test sees the same
error, with the same nested `errors` shape, before it ships.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fakediscord.constants import (
    LINK_BUTTON_STYLE,
    PREMIUM_BUTTON_STYLE,
    SELECT_TYPES,
    ComponentType,
    ErrorCode,
    MessageFlag,
)

JSON = dict[str, Any]

CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
ACTION_ROWS_MAX = 5
ROW_BUTTONS_MAX = 5
CUSTOM_ID_MAX = 100
BUTTON_LABEL_MAX = 80
SELECT_OPTIONS_MAX = 25
V2_COMPONENTS_MAX = 40
CHOICES_MAX = 25
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
MODAL_TITLE_MAX = 45
ALLOWED_MENTION_IDS_MAX = 100


class FormErrors:
    """Collects field errors into Discord's nested `{"errors": {"embeds": {"0": {"title": {"_errors": [...]}}}}}`."""

    def __init__(self, prefix: Sequence[str | int] = ()) -> None:
        self._prefix = tuple(prefix)
        self.tree: JSON = {}
        self.flat: list[tuple[str, str, str]] = []

    def __bool__(self) -> bool:
        return bool(self.flat)

    def add(self, path: Sequence[str | int], code: str, message: str) -> None:
        node = self.tree
        for part in (*self._prefix, *path):
            node = node.setdefault(str(part), {})
        node.setdefault("_errors", []).append({"code": code, "message": message})
        self.flat.append((".".join(str(p) for p in (*self._prefix, *path)), code, message))

    def max_length(self, path: Sequence[str | int], value: Any, limit: int) -> None:
        if isinstance(value, str | list | tuple) and len(value) > limit:
            self.add(path, "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")

    def body(self) -> JSON:
        return {"code": int(ErrorCode.INVALID_FORM_BODY), "errors": self.tree, "message": "Invalid Form Body"}

    def summary(self) -> str:
        return "; ".join(f"{path}: {message}" for path, _, message in self.flat)


def check_message(body: Mapping[str, Any], errors: FormErrors, *, creating: bool) -> bool:
    """Check content, embeds, components, flags and allowed_mentions; return whether the message would be empty."""
    content = body.get("content")
    if content is not None and not isinstance(content, str):
        errors.add(["content"], "BASE_TYPE_STRING", "Must be a string.")
    errors.max_length(["content"], content, CONTENT_MAX)
    embeds = body.get("embeds")
    if embeds is not None:
        check_embeds(embeds, errors)
    flags = int(body.get("flags") or 0)
    components = body.get("components")
    if components is not None:
        check_components(components, errors, v2=bool(flags & MessageFlag.IS_COMPONENTS_V2))
    if flags & MessageFlag.IS_COMPONENTS_V2 and (content or embeds):
        errors.add(
            ["content" if content else "embeds"],
            "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
            "The 'content' and 'embeds' fields cannot be used when using the IS_COMPONENTS_V2 flag",
        )
    mentions = body.get("allowed_mentions")
    if mentions is not None:
        check_allowed_mentions(mentions, errors)
    has_payload = bool(
        content or embeds or components or body.get("attachments") or body.get("sticker_ids") or body.get("poll")
    )
    return creating and not has_payload


def check_embeds(embeds: Any, errors: FormErrors) -> None:
    if not isinstance(embeds, list):
        errors.add(["embeds"], "BASE_TYPE_ARRAY", "Must be an array.")
        return
    errors.max_length(["embeds"], embeds, EMBEDS_MAX)
    total = 0
    for index, embed in enumerate(embeds):
        if not isinstance(embed, Mapping):
            errors.add(["embeds", index], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
            continue
        total += _check_embed(embed, errors, ["embeds", index])
    if total > EMBED_TOTAL_MAX:
        errors.add(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", f"Embed size exceeds maximum size of {EMBED_TOTAL_MAX}")


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _check_embed(embed: Mapping[str, Any], errors: FormErrors, path: list[str | int]) -> int:
    """Check one embed and return the characters it counts towards the 6000 total."""
    title, description = _text(embed.get("title")), _text(embed.get("description"))
    footer = _text((embed.get("footer") or {}).get("text"))
    author = _text((embed.get("author") or {}).get("name"))
    errors.max_length([*path, "title"], title, EMBED_TITLE_MAX)
    errors.max_length([*path, "description"], description, EMBED_DESCRIPTION_MAX)
    errors.max_length([*path, "footer", "text"], footer, EMBED_FOOTER_MAX)
    errors.max_length([*path, "author", "name"], author, EMBED_AUTHOR_MAX)
    color = embed.get("color")
    if color is not None and (not isinstance(color, int) or not 0 <= color <= 0xFFFFFF):
        errors.add([*path, "color"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.")
    size = len(title) + len(description) + len(footer) + len(author)
    fields = embed.get("fields") or []
    errors.max_length([*path, "fields"], fields, EMBED_FIELDS_MAX)
    for index, item in enumerate(fields):
        name, value = item.get("name"), item.get("value")
        for key, text, limit in (("name", name, EMBED_FIELD_NAME_MAX), ("value", value, EMBED_FIELD_VALUE_MAX)):
            if not isinstance(text, str) or not text:
                errors.add([*path, "fields", index, key], "BASE_TYPE_REQUIRED", "This field is required")
            else:
                errors.max_length([*path, "fields", index, key], text, limit)
        size += len(_text(name)) + len(_text(value))
    return size


def check_components(components: Any, errors: FormErrors, *, v2: bool, path: Sequence[str | int] = ()) -> None:
    """Classic messages: up to 5 action rows of up to 5 buttons or one select; v2: up to 40 components in all."""
    base = [*path, "components"]
    if not isinstance(components, list):
        errors.add(base, "BASE_TYPE_ARRAY", "Must be an array.")
        return
    seen: set[str] = set()
    if v2:
        count = sum(1 for _ in _walk(components))
        if count > V2_COMPONENTS_MAX:
            errors.add(base, "BASE_TYPE_MAX_LENGTH", f"Must be {V2_COMPONENTS_MAX} or fewer in length.")
    else:
        errors.max_length(base, components, ACTION_ROWS_MAX)
    for index, top in enumerate(components):
        if not v2 and top.get("type") != ComponentType.ACTION_ROW:
            errors.add([*base, index, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).')
            continue
        if top.get("type") == ComponentType.ACTION_ROW:
            children = top.get("components") or []
            if not children:
                errors.add([*base, index, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
            errors.max_length([*base, index, "components"], children, ROW_BUTTONS_MAX)
            has_select = any(c.get("type") in SELECT_TYPES for c in children)
            if has_select and len(children) > 1:
                errors.add(
                    [*base, index, "components"],
                    "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                    "The specified component exceeds the maximum width",
                )
    for item_path, item in _walk_with_paths(components, base):
        _check_interactive(item, errors, item_path, seen)


def _check_interactive(item: Mapping[str, Any], errors: FormErrors, path: list[str | int], seen: set[str]) -> None:
    kind = item.get("type")
    custom_id = item.get("custom_id")
    if kind == ComponentType.BUTTON:
        style = item.get("style")
        if style == LINK_BUTTON_STYLE:
            if not item.get("url"):
                errors.add([*path, "url"], "BASE_TYPE_REQUIRED", "This field is required")
        elif style != PREMIUM_BUTTON_STYLE and not custom_id:
            errors.add([*path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
        errors.max_length([*path, "label"], item.get("label"), BUTTON_LABEL_MAX)
    if kind in SELECT_TYPES:
        if kind == ComponentType.STRING_SELECT:
            errors.max_length([*path, "options"], item.get("options") or [], SELECT_OPTIONS_MAX)
        if not custom_id:
            errors.add([*path, "custom_id"], "BASE_TYPE_REQUIRED", "This field is required")
    if isinstance(custom_id, str):
        errors.max_length([*path, "custom_id"], custom_id, CUSTOM_ID_MAX)
        if custom_id in seen:
            errors.add(
                [*path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated"
            )
        seen.add(custom_id)


def _walk(components: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [item for _, item in _walk_with_paths(components, [])]


def _walk_with_paths(
    components: Sequence[Mapping[str, Any]], base: list[str | int]
) -> list[tuple[list[str | int], Mapping[str, Any]]]:
    found: list[tuple[list[str | int], Mapping[str, Any]]] = []
    for index, item in enumerate(components):
        if not isinstance(item, Mapping):
            continue
        path: list[str | int] = [*base, index]
        found.append((path, item))
        found.extend(_walk_with_paths(item.get("components") or [], [*path, "components"]))
        for key in ("accessory", "component"):
            child = item.get(key)
            if isinstance(child, Mapping):
                found.append(([*path, key], child))
                found.extend(_walk_with_paths(child.get("components") or [], [*path, key, "components"]))
    return found


def check_allowed_mentions(mentions: Any, errors: FormErrors) -> None:
    if not isinstance(mentions, Mapping):
        errors.add(["allowed_mentions"], "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType")
        return
    parse = mentions.get("parse") or []
    for index, kind in enumerate(parse):
        if kind not in ("users", "roles", "everyone"):
            errors.add(
                ["allowed_mentions", "parse", index], "ENUM_TYPE_COERCE", f'Value "{kind}" is not a valid enum value.'
            )
    for kind in ("users", "roles"):
        ids = mentions.get(kind) or []
        errors.max_length(["allowed_mentions", kind], ids, ALLOWED_MENTION_IDS_MAX)
        if ids and kind in parse:
            errors.add(
                ["allowed_mentions"],
                "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
            )


def check_choices(choices: Any, errors: FormErrors) -> None:
    """Autocomplete results: up to 25 choices, names 1-100 characters, string values up to 100."""
    if not isinstance(choices, list):
        errors.add(["choices"], "BASE_TYPE_ARRAY", "Must be an array.")
        return
    errors.max_length(["choices"], choices, CHOICES_MAX)
    for index, choice in enumerate(choices):
        name, value = choice.get("name"), choice.get("value")
        if not isinstance(name, str) or not name:
            errors.add(["choices", index, "name"], "BASE_TYPE_REQUIRED", "This field is required")
        else:
            errors.max_length(["choices", index, "name"], name, CHOICE_NAME_MAX)
        if value is None:
            errors.add(["choices", index, "value"], "BASE_TYPE_REQUIRED", "This field is required")
        errors.max_length(["choices", index, "value"], value, CHOICE_VALUE_MAX)


def check_modal(data: Mapping[str, Any], errors: FormErrors) -> None:
    for key in ("custom_id", "title"):
        if not data.get(key):
            errors.add([key], "BASE_TYPE_REQUIRED", "This field is required")
    errors.max_length(["title"], data.get("title"), MODAL_TITLE_MAX)
    errors.max_length(["custom_id"], data.get("custom_id"), CUSTOM_ID_MAX)
    components = data.get("components") or []
    if not components:
        errors.add(["components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.")
    errors.max_length(["components"], components, ACTION_ROWS_MAX)
