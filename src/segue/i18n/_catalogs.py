"""Loading the message catalogs: gettext `.po` files shipped in the package, compiled in memory at start.

Reading the `.po` text at start (Babel's reader and writer, a few milliseconds per locale) means a fresh clone
and an editable install need no compile step, and no compiled `.mo` file can fall out of step with its source.
Two domains: `messages` (everything the bot says) and `commands` (slash command names, descriptions and choices,
keyed by Discord's translation context).
"""

from __future__ import annotations

import gettext
import io
from importlib import resources
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from ._locales import DEFAULT, LOCALES, locale_of
from ._speaker import Speaker

DOMAINS = ("messages", "commands")


def catalog_dir() -> Path:
    """Where the shipped catalogs live (`<locale>/LC_MESSAGES/<domain>.po`, templates `<domain>.pot`)."""
    return Path(str(resources.files("segue.i18n") / "locales"))


def _compiled(path: Path, locale: str) -> gettext.GNUTranslations:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


class Catalogs:
    """Every locale's translations, loaded once by the composition root and shared by everything that speaks."""

    def __init__(self, directory: Path | None = None, locales: tuple[str, ...] = LOCALES) -> None:
        root = directory or catalog_dir()
        self.locales = locales
        self._speakers: dict[str, Speaker] = {}
        for locale in locales:
            chain: gettext.NullTranslations | None = None
            for domain in DOMAINS:
                path = root / locale / "LC_MESSAGES" / f"{domain}.po"
                if not path.exists():
                    continue
                loaded = _compiled(path, locale)
                if chain is None:
                    chain = loaded
                else:
                    chain.add_fallback(loaded)
            self._speakers[locale] = Speaker(locale, chain or gettext.NullTranslations())

    def speaker(self, code: str | None = None) -> Speaker:
        """The speaker for a locale code in any common spelling; English for anything not supported."""
        found = locale_of(code) or DEFAULT
        return self._speakers.get(found) or self._speakers.get(DEFAULT) or Speaker(DEFAULT, gettext.NullTranslations())
