"""Speakers: plural forms, local numbers and lists, and which language wins (issue 15)."""

from __future__ import annotations

import pytest

from segue.i18n import DEFAULT, LOCALES, Catalogs, choose, locale_of
from support.bot import catalogs


@pytest.mark.parametrize(
    ("code", "found"),
    [("es-ES", "es"), ("es-419", "es"), ("pt-BR", "pt_BR"), ("pt_BR", "pt_BR"), ("fr", "fr"), ("de", "de"),
     ("en-GB", "en"), ("en-US", "en"), ("ja", None), ("", None), (None, None)],
)  # fmt: skip
def test_discord_locales_map_to_catalogs(code: str | None, found: str | None) -> None:
    assert locale_of(code) == found


def test_the_member_beats_the_server_beats_the_client_beats_the_server_locale() -> None:
    assert choose("de", "fr", "es-ES", "pt-BR") == "de"
    assert choose(None, "fr", "es-ES", "pt-BR") == "fr"
    assert choose(None, None, "es-ES", "pt-BR") == "es"
    assert choose(None, None, "ja", "pt-BR") == "pt_BR"  # a client language we don't speak falls through
    assert choose(None, None, None, None) == DEFAULT


@pytest.mark.parametrize(
    ("locale", "one", "many"),
    [("en", "1 track", "12,345 tracks"), ("es", "1 canción", "12.345 canciones"),
     ("fr", "1 morceau", "12\u202f345 morceaux"), ("de", "1 Song", "12.345 Songs"),
     ("pt_BR", "1 música", "12.345 músicas")],
)  # fmt: skip
def test_plurals_and_numbers_are_local(locale: str, one: str, many: str) -> None:
    say = catalogs().speaker(locale)
    assert say.ngettext("{n} track", "{n} tracks", 1) == one
    assert say.ngettext("{n} track", "{n} tracks", 12345) == many


def test_french_and_portuguese_say_zero_in_the_singular() -> None:
    """CLDR: 0 takes the 'one' form in French and Brazilian Portuguese, the 'other' form in Spanish."""
    assert catalogs().speaker("fr").ngettext("{n} track", "{n} tracks", 0) == "0 morceau"
    assert catalogs().speaker("pt_BR").ngettext("{n} track", "{n} tracks", 0) == "0 música"
    assert catalogs().speaker("es").ngettext("{n} track", "{n} tracks", 0) == "0 canciones"


def test_decimals_and_lists_follow_the_locale() -> None:
    assert catalogs().speaker("en").number(0.41, 2) == "0.41"
    assert catalogs().speaker("de").number(0.41, 2) == "0,41"
    assert catalogs().speaker("es").join(["a", "b", "c"]) == "a, b y c"
    assert catalogs().speaker("fr").join(["a", "b"], either=True) == "a ou b"
    assert catalogs().speaker("fr").duration(2 * 86400 + 3 * 3600 + 60) == "2j 3h"
    assert catalogs().speaker("en").duration(3 * 3600 + 4 * 60) == "3h 4m"
    assert catalogs().speaker("es").duration(65) == "1min 5s"


def test_unknown_locales_and_missing_messages_fall_back_to_english() -> None:
    assert catalogs().speaker("ja").locale == "en"
    assert catalogs().speaker("es").gettext("a sentence no catalog has") == "a sentence no catalog has"


def test_every_locale_loads_from_the_package() -> None:
    loaded = Catalogs()
    assert [loaded.speaker(code).locale for code in LOCALES] == list(LOCALES)
    assert loaded.speaker("es").gettext("Next page") == "Página siguiente"
