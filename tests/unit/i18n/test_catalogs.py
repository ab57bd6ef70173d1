"""The shipped catalogs are complete and consistent: every message of the code is in every locale, translated,
with the same placeholders, and the templates are what the code says today (issue 15)."""

from __future__ import annotations

import io
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from segue.i18n import DOMAINS, LOCALES, catalog_dir

SOURCES = Path(__file__).resolve().parents[3] / "src" / "segue"


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def key(message: Message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def entries(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {key(m): m for m in catalog if m.id}


def fields(text: str) -> set[str]:
    """The named placeholders of a brace-format string ('{n} tracks' -> {'n'})."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_in_every_locale(domain: str, locale: str) -> None:
    template = entries(read(catalog_dir() / f"{domain}.pot"))
    assert template, f"{domain}.pot is empty"
    catalog = read(catalog_dir() / locale / "LC_MESSAGES" / f"{domain}.po", locale)
    found = entries(catalog)
    assert sorted(template.keys() - found.keys()) == [], f"missing in {locale}/{domain}.po"
    assert sorted(found.keys() - template.keys()) == [], f"obsolete in {locale}/{domain}.po"
    for where, message in found.items():
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(form.strip() for form in forms), f"untranslated in {locale}: {where}"
        assert len(forms) == (catalog.num_plurals if message.pluralizable else 1), f"plural forms in {locale}: {where}"
        assert not message.fuzzy, f"fuzzy in {locale}: {where}"


@pytest.mark.parametrize("locale", LOCALES)
def test_translations_keep_their_placeholders(locale: str) -> None:
    catalog = read(catalog_dir() / locale / "LC_MESSAGES" / "messages.po", locale)
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(fields(i) for i in ids))
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in forms:
            # A plural form may leave out {n} ("un morceau"); it must never invent a placeholder or drop another.
            have = fields(form)
            assert have <= wanted, f"{locale}: {message.id!r} adds {have - wanted}"
            assert wanted - {"n"} <= have, f"{locale}: {message.id!r} drops {wanted - {'n'} - have}"
            form.format(**dict.fromkeys(have, "x"))  # well-formed


def test_the_placeholder_check_catches_a_dropped_or_added_field() -> None:
    """The rule above, on a broken translation, so the check itself can fail."""
    assert fields("Try again in {seconds} s.") == {"seconds"}
    assert fields("Inténtalo de nuevo.") == set()
    assert fields("en {second} s") != fields("in {seconds} s")


def test_the_messages_template_matches_the_code() -> None:
    """`pybabel extract` over the bot and i18n packages gives exactly messages.pot (run it after editing text)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    extracted: set[str] = set()
    for package in ("bot", "i18n"):
        for _, _, message, _, _ in extract_from_dir(SOURCES / package, keywords=keywords):
            text = message if isinstance(message, str) else message[0]
            if text:
                extracted.add(text)
    template = {message for _, message in entries(read(catalog_dir() / "messages.pot"))}
    assert sorted(extracted - template) == [], "new text not in messages.pot: re-run the extract (docs/TRANSLATING.md)"
    assert sorted(template - extracted) == [], "messages.pot lists text the code no longer has"


async def test_the_commands_template_matches_the_command_tree() -> None:
    from segue.bot.command_strings import command_strings, offline_bot

    bot = offline_bot()
    for name in bot.extension_names:
        await bot.load_extension(name)
    tree = set(await command_strings(bot))
    template = {(c or "", m) for c, m in entries(read(catalog_dir() / "commands.pot"))}
    assert sorted(tree - template) == [], "new command text: run python -m segue.bot.command_strings"
    assert sorted(template - tree) == [], "commands.pot lists command text the tree no longer has"


def test_a_broken_catalog_is_caught() -> None:
    """An empty translation and a fuzzy one are what the completeness test refuses."""
    text = (
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n#, fuzzy\nmsgid "Hello"\nmsgstr "Hola"\n\nmsgid "Bye"\nmsgstr ""\n'
    )
    catalog = read_po(io.BytesIO(text.encode()), locale="es")
    found = entries(catalog)
    assert found[(None, "Hello")].fuzzy
    assert not found[(None, "Bye")].string
