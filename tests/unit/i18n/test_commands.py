"""Command names inside text follow the reader's Discord client, whatever language the text is in."""

from __future__ import annotations

import itertools
import re
from string import Formatter

import pytest

from segue.i18n import LOCALES, catalog_dir, mentioned, retell
from support.bot import catalogs

ENTRY = re.compile(r'msgctxt "((?:command|group)_name)"\nmsgid "([^"]+)"')
MSGID = re.compile(r'^msgid "(.*)"$', re.MULTILINE)


def client_names(locale: str) -> set[str]:
    """The commands and groups as a client in `locale` lists them."""
    say = catalogs().speaker(locale)
    entries = ENTRY.findall((catalog_dir() / "commands.pot").read_text(encoding="utf-8"))
    return {say.pgettext(where, name) for where, name in entries}


def naming_messages() -> list[str]:
    """The one-line messages that name a command (the help text is checked end to end)."""
    english = client_names("en")
    found = MSGID.findall((catalog_dir() / "messages.pot").read_text(encoding="utf-8"))
    return [m for m in found if set(mentioned(m)) & english]


@pytest.mark.parametrize(("source", "client"), list(itertools.permutations(LOCALES, 2)))
def test_every_command_a_message_names_is_one_the_client_lists(source: str, client: str) -> None:
    say = catalogs().speaker(source, commands_for=client)
    messages = naming_messages()
    assert len(messages) >= len(LOCALES)
    for message in messages:
        said = say.gettext(message, **{name: "x" for _, name, _, _ in Formatter().parse(message) if name})
        shown = set(mentioned(said))
        assert shown <= client_names(client), (source, client, said)


@pytest.mark.parametrize(
    ("source", "client", "text", "expected"),
    [
        ("de", "en-US", "/profil anzeigen zeigt deine Likes", "/profile show zeigt deine Likes"),
        ("es", "fr", "Segue · /recomendar artista:<nombre> para canciones", "/recommander artiste:<nombre> para"),
        ("es", "de", "(/recommend)", "(/empfehlen)"),  # an English name kept by a translator is understood too
        ("pt_BR", "es-ES", "Nenhum (mude com /admin ouvir).", "(mude com /admin escuchar)."),
    ],
)
def test_names_a_group_its_subcommand_and_options(source: str, client: str, text: str, expected: str) -> None:
    said = catalogs().speaker(source, commands_for=client).commands
    assert said is not None
    assert expected in said(text)


@pytest.mark.parametrize(
    "text", ["{n}/min", "n/a", "https://open.spotify.com/track/x", "AC/DC", "/nothing-like-a-command", "a /b"]
)
def test_leaves_what_is_not_a_command_alone(text: str) -> None:
    said = catalogs().speaker("en", commands_for="de").commands
    assert said is not None
    assert said(text) == text


def test_the_same_client_and_language_need_no_renaming() -> None:
    assert catalogs().speaker("fr", commands_for="fr-FR").commands is None
    assert catalogs().speaker("en", commands_for="ja").commands is None  # Discord lists English names there


@pytest.mark.parametrize(("source", "client"), [("es", "en-US"), ("en", "de"), ("fr", "pt-BR")])
def test_a_retold_sentence_names_commands_for_the_client_too(source: str, client: str) -> None:
    """Errors and notes reach members through `retell` ('That's you! /profile show lists your likes...')."""
    said = retell(
        catalogs().speaker(source, commands_for=client),
        "That's you! /profile show lists your likes; pick someone else.",
    )
    assert set(mentioned(said)) <= client_names(client)
    assert mentioned(said)
