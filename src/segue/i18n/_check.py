"""What `make lint` checks in the shipped catalogs: every template message is in every locale, translated, not
fuzzy, with the same placeholders, and every catalog compiles. `python -m segue.i18n` prints what is wrong.
In the `genres` domain an empty translation is allowed: it means the name is said as in English."""

from __future__ import annotations

import io
import string
from pathlib import Path
from typing import TYPE_CHECKING

from ._catalogs import DOMAINS, catalog_dir
from ._commands import mentioned
from ._locales import LOCALES

SAME_AS_ENGLISH = frozenset({"genres"})
"""Domains whose empty entries are not missing translations: most genre names are the same everywhere."""

if TYPE_CHECKING:  # Babel's catalog tools load with the check: the bot's start never runs it
    from babel.messages.catalog import Catalog, Message

Key = tuple[str | None, str]


def _read(path: Path, locale: str | None = None) -> Catalog:
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _key(message: Message) -> Key:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def _forms(value: object) -> tuple[str, ...]:
    """A message's id or string as its forms (one, or one per plural form); missing forms read as ''."""
    if isinstance(value, list | tuple):
        return tuple(str(v or "") for v in value)
    return (str(value or ""),)


def fields(text: str) -> set[str]:
    """The named placeholders of a brace-format string ('{n} tracks' -> {'n'})."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _placeholders(message: Message, where: str) -> list[str]:
    """A form may leave out {n} ("un morceau"); it must never drop another placeholder or invent one."""
    wanted = set().union(*(fields(i) for i in _forms(message.id)))
    found: list[str] = []
    for form in _forms(message.string):
        try:
            have = fields(form)
        except ValueError as exc:
            found.append(f"{where}: malformed translation ({exc})")
            continue
        if have - wanted:
            found.append(f"{where}: adds {sorted(have - wanted)}")
        if wanted - {"n"} - have:
            found.append(f"{where}: drops {sorted(wanted - {'n'} - have)}")
    return found


def _locale_problems(template: dict[Key, Message], path: Path, locale: str, *, empty_ok: bool = False) -> list[str]:
    if not path.exists():
        return [f"{path}: missing"]
    catalog = _read(path, locale)
    found = {_key(m): m for m in catalog if m.id}
    out = [f"{path}: missing {key!r}" for key in sorted(template.keys() - found.keys(), key=str)]
    out += [f"{path}: obsolete {key!r}" for key in sorted(found.keys() - template.keys(), key=str)]
    for key, message in found.items():
        where = f"{path}: {key[1]!r}"
        if empty_ok and not any(form.strip() for form in _forms(message.string)) and not message.fuzzy:
            continue
        if not all(form.strip() for form in _forms(message.string)):
            out.append(f"{where}: untranslated")
        elif message.fuzzy:
            out.append(f"{where}: fuzzy")
        else:
            out += _placeholders(message, where)
    from babel.messages.mofile import write_mo

    try:
        write_mo(io.BytesIO(), catalog, use_fuzzy=False)
    except Exception as exc:  # any failure to compile is reported, not raised
        out.append(f"{path}: does not compile ({exc})")
    return out


def _command_names(path: Path, locale: str) -> tuple[set[str], set[str]]:
    """The English names of the commands and groups, and those with the locale's own (a text may keep either)."""
    if not path.exists():
        return set(), set()
    named = [m for m in _read(path, locale) if m.id and m.context in ("command_name", "group_name")]
    english = {str(m.id) for m in named}
    return english, english | {str(m.string) for m in named if m.string}


def _mention_problems(root: Path, locale: str) -> list[str]:
    """A message that names a command must name it as the locale's command catalog does: the bot swaps those
    names for the reader's client's (`CommandNames`), and a name it does not know would reach them as written."""
    path = root / locale / "LC_MESSAGES" / "messages.po"
    english, names = _command_names(root / locale / "LC_MESSAGES" / "commands.po", locale)
    if not names or not path.exists():
        return []
    out = []
    for message in _read(path, locale):
        for source, said in zip(_forms(message.id), _forms(message.string), strict=False):
            asked = [m for m in mentioned(source) if m in english]
            if message.id and len([m for m in mentioned(said) if m in names]) != len(asked):
                unknown = sorted(set(mentioned(said)) - names)
                out.append(f"{path}: {source[:60]!r}: names {unknown or 'fewer commands'} where a command stands")
    return out


def problems(directory: Path | None = None, locales: tuple[str, ...] = LOCALES) -> list[str]:
    """Everything wrong with the catalogs under `directory` (the shipped ones by default); empty when all is well."""
    root = directory or catalog_dir()
    out: list[str] = []
    for domain in DOMAINS:
        pot = root / f"{domain}.pot"
        if not pot.exists():
            out.append(f"{pot}: missing")
            continue
        template = {_key(m): m for m in _read(pot) if m.id}
        for locale in locales:
            path = root / locale / "LC_MESSAGES" / f"{domain}.po"
            out += _locale_problems(template, path, locale, empty_ok=domain in SAME_AS_ENGLISH)
    for locale in locales:
        out += _mention_problems(root, locale)
    return out
