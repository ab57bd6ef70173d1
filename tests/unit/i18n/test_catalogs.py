"""The shipped catalogs are complete and consistent: every message of the code is in every locale, translated,
with the same placeholders, and the templates are what the code says today (issue 15)."""

from __future__ import annotations

import io
import shutil
import string
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from segue.i18n import catalog_dir, problems

SOURCES = Path(__file__).resolve().parents[3] / "src" / "segue"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def key(message: Message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


def entries(catalog: Catalog) -> dict[tuple[str | None, str], Message]:
    return {key(m): m for m in catalog if m.id}


def test_the_shipped_catalogs_are_complete() -> None:
    """What `make lint` runs (`python -m segue.i18n`): every message in every locale, translated, same placeholders."""
    assert problems() == []


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_check_finds_every_kind_of_broken_translation(tmp_path: Path) -> None:
    copy = tmp_path / "locales"
    shutil.copytree(catalog_dir(), copy)
    messages = "LC_MESSAGES/messages.po"
    _break(copy / "es" / messages, 'msgstr "Página siguiente"', 'msgstr ""')
    _break(copy / "fr" / messages, 'msgid "Next page"', '#, fuzzy\nmsgid "Next page"')
    _break(
        copy / "de" / messages,
        'msgstr "Du bist etwas schnell. Versuch es in {seconds} s noch einmal."',
        'msgstr "Langsam."',
    )
    _break(copy / "pt_BR" / messages, 'msgstr "Mistura para {names}"', 'msgstr "Mistura para {nomes}"')
    _break(copy / "en" / messages, 'msgid "Next page"\nmsgstr "Next page"', "")
    found = "\n".join(problems(copy))
    assert "es/LC_MESSAGES/messages.po: 'Next page': untranslated" in found
    assert "fr/LC_MESSAGES/messages.po: 'Next page': fuzzy" in found
    assert "drops ['seconds']" in found
    assert "adds ['nomes']" in found
    assert "en/LC_MESSAGES/messages.po: missing (None, 'Next page')" in found
    assert len(problems(copy)) == 6  # the renamed placeholder is both added and dropped


def test_plural_forms_may_leave_out_the_count_but_nothing_else() -> None:
    assert fields("{n} tracks by {artist}") == {"n", "artist"}
    assert fields("un morceau de {artist}") <= fields("{n} tracks by {artist}")


def test_the_messages_template_matches_the_code() -> None:
    """`pybabel extract` over the bot, cli and i18n packages gives exactly messages.pot (run it after editing text)."""
    keywords = {**DEFAULT_KEYWORDS, "N_": None, "NP_": ((1, "c"), 2)}
    extracted: set[tuple[str | None, str]] = set()
    for package in ("bot", "cli", "i18n"):
        for _, _, message, _, context in extract_from_dir(SOURCES / package, keywords=keywords):
            text = message if isinstance(message, str) else message[0]
            if text:
                extracted.add((context, text))
    template = set(entries(read(catalog_dir() / "messages.pot")))
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


def test_catalogs_kept_between_starts_say_what_freshly_compiled_ones_say(tmp_path: Path) -> None:
    """The bot keeps compiled catalogs in its data directory (`Catalogs(keep=...)`): read back, a damaged copy,
    and a changed `.po` must all say exactly what compiling the shipped text says."""
    from segue.i18n import DOMAINS, LOCALES, Catalogs

    keep = tmp_path / "kept"
    fresh, first, again = Catalogs(), Catalogs(keep=keep), Catalogs(keep=keep)
    assert len(list(keep.glob("*.mo"))) == len(DOMAINS) * len(LOCALES)
    for locale in LOCALES:
        for domain in DOMAINS:
            for message in read(catalog_dir() / locale / "LC_MESSAGES" / f"{domain}.po", locale):
                if not message.id or isinstance(message.id, tuple | list):
                    continue
                said = fresh.speaker(locale).pgettext(message.context, message.id)
                assert first.speaker(locale).pgettext(message.context, message.id) == said
                assert again.speaker(locale).pgettext(message.context, message.id) == said
        for n in (0, 1, 2, 5, 21):
            assert again.speaker(locale).ngettext("{n} track", "{n} tracks", n) == fresh.speaker(locale).ngettext(
                "{n} track", "{n} tracks", n
            )
    for kept in keep.glob("es.messages.*.mo"):
        kept.write_bytes(b"not a catalog")
    assert Catalogs(keep=keep).speaker("es").gettext("Next page") == "Página siguiente"  # compiled again
    shipped = tmp_path / "locales"
    shutil.copytree(catalog_dir(), shipped)
    po = shipped / "es" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Página siguiente", "Siguiente"), encoding="utf-8")
    assert Catalogs(shipped, keep=keep).speaker("es").gettext("Next page") == "Siguiente"  # a new name, not the old
    assert len(list(keep.glob("es.messages.*.mo"))) == 1  # the old one is gone
