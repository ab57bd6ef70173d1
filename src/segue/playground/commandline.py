"""Reading the playground's composer the way Discord's client reads its command bar: `/name sub option:value ...`.

Discord users never type JSON: they pick a command, then fill `option:` slots whose values may hold spaces. The
page offers the same syntax, checked against the command tree the bot synced to the stand-in, so what reaches the
bot is exactly what a Discord client would have sent. Plain functions over `SyncedCommand`: testable without a bot.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from fakediscord.constants import OptionType
from fakediscord.invocations import OptionValue
from fakediscord.records import CommandOption, SyncedCommand

# An option slot starts a word: "query:" at the start or after whitespace (a value may contain "a:b" mid-word).
_SLOT = re.compile(r"(?:^|(?<=\s))([\w'-]{1,32}):")
_TRUE = frozenset({"true", "yes", "on", "1", "y"})
_FALSE = frozenset({"false", "no", "off", "0", "n"})
_NESTING = (OptionType.SUB_COMMAND, OptionType.SUB_COMMAND_GROUP)
SUGGESTIONS_MAX = 25


class CommandLineError(ValueError):
    """Text a Discord client would not let through: no such command, no such option, a value of the wrong type."""


class Resolver(Protocol):
    """Turns what a user typed for a user, channel or role option into the stand-in's object for it."""

    def user(self, text: str) -> OptionValue | None: ...

    def channel(self, text: str) -> OptionValue | None: ...

    def role(self, text: str) -> OptionValue | None: ...


@dataclass(frozen=True, slots=True)
class Slot:
    """One `name:value` in the text, with where its value starts and ends (to replace it when completing)."""

    name: str
    start: int
    value_start: int
    value_end: int
    value: str


@dataclass(frozen=True, slots=True)
class CommandLine:
    """A command line split against the synced tree: the command, the subcommand path and the option slots."""

    text: str
    command: SyncedCommand
    path: tuple[str, ...]
    schema: tuple[CommandOption, ...]
    """The options of the leaf (the command itself, or its subcommand)."""
    slots: tuple[Slot, ...]
    loose: str
    """Text before the first `option:` (given to the command's main text option, as a shorthand)."""
    path_end: int
    """Where the text after the command path starts."""
    needs_subcommand: tuple[CommandOption, ...] = field(default=())
    """The subcommands to choose from when the path stops at a group."""

    @property
    def name(self) -> str:
        return " ".join(self.path)

    def option(self, name: str) -> CommandOption:
        for option in self.schema:
            if option.name == name:
                return option
        raise CommandLineError(f"/{self.name} has no option {name!r}")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One entry of the completion list: what to show, and the whole composer text once it is accepted."""

    label: str
    description: str
    text: str


@dataclass(frozen=True, slots=True)
class ValueSlot:
    """The user is typing the value of `option` (`prefix` so far); only the bot can complete it (autocomplete)."""

    line: CommandLine
    option: CommandOption
    prefix: str
    value_start: int

    def fill(self, value: str) -> str:
        return self.line.text[: self.value_start] + value + " "


@dataclass(frozen=True, slots=True)
class Completion:
    """What to offer for the text typed so far: ready suggestions, or a slot the bot's autocomplete must fill."""

    suggestions: tuple[Suggestion, ...] = ()
    ask_bot: ValueSlot | None = None
    usage: str = ""


def find_command(commands: Iterable[SyncedCommand], name: str) -> SyncedCommand | None:
    wanted = name.lower()
    return next((c for c in commands if c.type == 1 and c.name == wanted), None)


def _localized(item: Mapping[str, Any], locale: str) -> str | None:
    found = (item.get("name_localizations") or {}).get(locale)
    return str(found) if found else None


def canonical(text: str, commands: Sequence[SyncedCommand], locale: str) -> str:
    """The line with a client's localized names put back to the registered ones: Discord shows '/recomendar
    consulta:' to a Spanish member and sends 'recommend' with 'query' (interactions carry the default names)."""
    words = list(re.finditer(r"\S+", text[1:])) if text.startswith("/") else []
    if not words:
        return text
    typed = words[0].group().lower()
    found = next((c.raw for c in commands if c.type == 1 and typed in (c.name, _localized(c.raw, locale))), None)
    if found is None:
        return text
    out, pos = "/" + str(found["name"]), 1 + words[0].end()
    schema: list[Mapping[str, Any]] = list(found.get("options") or [])
    for word in words[1:]:
        typed = word.group().lower()
        sub = next(
            (o for o in schema if o.get("type") in _NESTING and typed in (o["name"], _localized(o, locale))), None
        )
        if sub is None:
            break
        out += text[pos : 1 + word.start()] + str(sub["name"])
        pos, schema = 1 + word.end(), list(sub.get("options") or [])
    names = {_localized(o, locale) or o["name"]: str(o["name"]) for o in schema}
    return out + _SLOT.sub(lambda m: f"{names.get(m.group(1).lower(), m.group(1))}:", text[pos:])


def split(text: str, commands: Sequence[SyncedCommand]) -> CommandLine:
    """Split `/name [sub...] [loose text] [option:value ...]`; raises `CommandLineError` for unknown names."""
    if not text.startswith("/"):
        raise CommandLineError("A command starts with /")
    words = list(re.finditer(r"\S+", text[1:]))
    if not words:
        raise CommandLineError("Type a command name after /")
    command = find_command(commands, words[0].group())
    if command is None:
        raise CommandLineError(f"There is no command /{words[0].group()}")
    path = [command.name]
    schema = command.options
    end = 1 + words[0].end()
    for word in words[1:]:
        if not any(o.type in _NESTING for o in schema):
            break
        sub = next((o for o in schema if o.type in _NESTING and o.name == word.group().lower()), None)
        if sub is None:
            break
        path.append(sub.name)
        schema = sub.options
        end = 1 + word.end()
    nesting = tuple(o for o in schema if o.type in _NESTING)
    known = {o.name for o in schema}
    slots: list[Slot] = []
    marks = [m for m in _SLOT.finditer(text, end) if m.group(1).lower() in known]
    for index, mark in enumerate(marks):
        value_end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        raw = text[mark.end() : value_end]
        slots.append(Slot(mark.group(1).lower(), mark.start(), mark.end(), value_end, raw.strip()))
    loose_end = marks[0].start() if marks else len(text)
    return CommandLine(
        text=text,
        command=command,
        path=tuple(path),
        schema=schema,
        slots=tuple(slots),
        loose=text[end:loose_end].strip(),
        path_end=end,
        needs_subcommand=nesting,
    )


def default_option(schema: Sequence[CommandOption]) -> CommandOption | None:
    """Where loose text goes: the first required string option, else the first string option."""
    strings = [o for o in schema if o.type == OptionType.STRING]
    return next((o for o in strings if o.required), strings[0] if strings else None)


def convert(line: CommandLine, resolver: Resolver) -> dict[str, OptionValue]:
    """The options as the stand-in's `invoke_command` takes them, typed by the schema."""
    if line.needs_subcommand:
        names = ", ".join(o.name for o in line.needs_subcommand)
        raise CommandLineError(f"/{line.name} needs a subcommand: {names}")
    raw: dict[str, str] = {}
    for slot in line.slots:
        if slot.name in raw:
            raise CommandLineError(f"Option {slot.name!r} is given twice")
        raw[slot.name] = slot.value
    if line.loose:
        target = default_option(line.schema)
        if target is None or target.name in raw:
            raise CommandLineError(f"What is {line.loose!r}? Name the option, e.g. {_example(line.schema)}")
        raw[target.name] = line.loose
    values: dict[str, OptionValue] = {}
    for name, text in raw.items():
        option = line.option(name)
        if not text:
            raise CommandLineError(f"Option {name!r} is empty")
        values[name] = convert_value(option, text, resolver)
    missing = [o.name for o in line.schema if o.required and o.name not in values]
    if missing:
        raise CommandLineError(f"/{line.name} needs {', '.join(missing)}")
    return values


def convert_value(option: CommandOption, text: str, resolver: Resolver) -> OptionValue:
    """One value from its text: numbers, booleans, choices (by value or name), users, channels and roles by name."""
    kind = option.type
    if option.choices:
        for choice in option.choices:
            if text == str(choice.value) or text.lower() in (str(choice.value).lower(), choice.name.lower()):
                return choice.value
        listed = ", ".join(c.name for c in option.choices)
        raise CommandLineError(f"{option.name} is one of: {listed}")
    if kind == OptionType.STRING:
        return text
    if kind == OptionType.INTEGER:
        try:
            return int(text)
        except ValueError:
            raise CommandLineError(f"{option.name} is a whole number, not {text!r}") from None
    if kind == OptionType.NUMBER:
        try:
            return float(text)
        except ValueError:
            raise CommandLineError(f"{option.name} is a number, not {text!r}") from None
    if kind == OptionType.BOOLEAN:
        lowered = text.lower()
        if lowered in _TRUE or lowered in _FALSE:
            return lowered in _TRUE
        raise CommandLineError(f"{option.name} is true or false, not {text!r}")
    found: OptionValue | None = None
    if kind in (OptionType.USER, OptionType.MENTIONABLE):
        found = resolver.user(text)
    if found is None and kind in (OptionType.ROLE, OptionType.MENTIONABLE):
        found = resolver.role(text)
    if kind == OptionType.CHANNEL:
        found = resolver.channel(text)
    if found is None:
        what = OptionType(kind).name.lower()
        raise CommandLineError(f"{option.name}: no {what} called {text!r} here")
    return found


def partial_options(line: CommandLine, resolver: Resolver, focused: str) -> dict[str, OptionValue]:
    """The options typed so far for an autocomplete request: the focused one raw, others only if they convert."""
    values: dict[str, OptionValue] = {}
    for slot in line.slots:
        if slot.name == focused:
            values[slot.name] = line.text[slot.value_start : slot.value_end].lstrip()
            continue
        if not slot.value:
            continue
        try:
            values[slot.name] = convert_value(line.option(slot.name), slot.value, resolver)
        except CommandLineError:
            continue
    return values


def _example(schema: Sequence[CommandOption]) -> str:
    option = next(iter(schema), None)
    return f"{option.name}:…" if option else "option:value"


def usage(line: CommandLine) -> str:
    """`/recommend [query] [artist] ...`-style summary, required options bare, optional ones in brackets."""
    parts = [f"/{line.name}"]
    if line.needs_subcommand:
        parts.append("<" + "|".join(o.name for o in line.needs_subcommand) + ">")
    for option in line.schema:
        if option.type in _NESTING:
            continue
        parts.append(f"{option.name}:" if option.required else f"[{option.name}:]")
    return " ".join(parts)


def complete(
    text: str,
    commands: Sequence[SyncedCommand],
    *,
    users: Sequence[str] = (),
    channels: Sequence[str] = (),
    roles: Sequence[str] = (),
) -> Completion:
    """What to offer while `text` is being typed: command names, subcommands, option names, or option values."""
    if not text.startswith("/"):
        return Completion()
    head = text[1:]
    if not re.search(r"\s", head):
        return Completion(suggestions=_commands(head, commands))
    try:
        line = split(text, commands)
    except CommandLineError:
        return Completion()
    shown = usage(line)
    if line.needs_subcommand:
        typed = text[line.path_end :].strip().lower()
        subs = tuple(
            Suggestion(f"/{line.name} {o.name}", o.description, f"/{line.name} {o.name} ")
            for o in line.needs_subcommand
            if o.name.startswith(typed)
        )
        return Completion(suggestions=subs, usage=shown)
    last = line.slots[-1] if line.slots else None
    word = "" if text[-1].isspace() else text.split()[-1]
    if last is not None and not (text[-1].isspace() and last.value):
        option = line.option(last.name)
        prefix = text[last.value_start :].lstrip()
        value_start = len(text) - len(prefix)
        if option.autocomplete:
            return Completion(ask_bot=ValueSlot(line, option, prefix, value_start), usage=_describe(option, shown))
        values = _static_values(option, prefix, users=users, channels=channels, roles=roles)
        if values or word == prefix:
            fills = tuple(Suggestion(label, desc, text[:value_start] + value + " ") for label, desc, value in values)
            return Completion(suggestions=fills, usage=_describe(option, shown))
    return Completion(suggestions=_option_names(line, word), usage=shown)


def _describe(option: CommandOption, shown: str) -> str:
    return f"{option.name}: {option.description}" if option.description else shown


def _commands(prefix: str, commands: Sequence[SyncedCommand]) -> tuple[Suggestion, ...]:
    wanted = prefix.lower()
    found = sorted((c for c in commands if c.type == 1 and c.name.startswith(wanted)), key=lambda c: c.name)
    return tuple(Suggestion(f"/{c.name}", c.description, f"/{c.name} ") for c in found[:SUGGESTIONS_MAX])


def _option_names(line: CommandLine, word: str) -> tuple[Suggestion, ...]:
    """Options not given yet whose names start with `word` (the word being typed, replaced by "name:")."""
    used = {s.name for s in line.slots}
    base = line.text[: len(line.text) - len(word)]
    if not base[-1:].isspace():
        base += " "
    out = []
    for option in line.schema:
        if option.name in used or not option.name.startswith(word.lower()):
            continue
        need = "required · " if option.required else ""
        out.append(Suggestion(f"{option.name}:", need + option.description, f"{base}{option.name}:"))
    return tuple(out)


def _static_values(
    option: CommandOption,
    prefix: str,
    *,
    users: Sequence[str],
    channels: Sequence[str],
    roles: Sequence[str],
) -> list[tuple[str, str, str]]:
    """(label, description, value) for options whose values the page knows without asking the bot."""
    wanted = prefix.lower()
    if option.choices:
        return [
            (c.name, "" if str(c.value) == c.name else str(c.value), str(c.value))
            for c in option.choices
            if c.name.lower().startswith(wanted) or str(c.value).lower().startswith(wanted)
        ]
    names: Mapping[int, Sequence[str]] = {
        OptionType.BOOLEAN: ("true", "false"),
        OptionType.USER: users,
        OptionType.MENTIONABLE: [*users, *roles],
        OptionType.ROLE: roles,
        OptionType.CHANNEL: channels,
    }
    listed = names.get(option.type, ())
    return [(n, "", n) for n in listed if n.lower().lstrip("@#").startswith(wanted.lstrip("@#"))][:SUGGESTIONS_MAX]
