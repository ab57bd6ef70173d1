"""Loading the message catalogs: gettext `.po` files shipped in the package, compiled in memory at start.

Reading the `.po` text at start (Babel's reader and writer, a few milliseconds per locale) means a fresh clone
and an editable install need no compile step, and no compiled `.mo` file can fall out of step with its source.
Three domains: `messages` (everything the bot says), `commands` (slash command names, descriptions and choices,
keyed by Discord's translation context) and `genres` (genre and scene names, where an empty entry means 'as in
English': `_genres`).

The bot keeps what it compiled in its data directory (`keep`), named by a hash of the `.po` text and Babel's
version, so its next start reads the compiled bytes instead of importing Babel's reader and compiling every
catalog (~40-60 ms of the start; BENCHMARKS.md, issue 14, cold start of `segue run`): a changed `.po` is a new
name, compiled again.
"""

from __future__ import annotations

import contextlib
import gettext
import hashlib
import io
import os
import struct
from importlib import resources
from pathlib import Path

import babel

from ._commands import CommandNames, command_names, english_names
from ._locales import DEFAULT, LOCALES, locale_of
from ._speaker import Speaker

DOMAINS = ("messages", "commands", "genres")


def catalog_dir() -> Path:
    """Where the shipped catalogs live (`<locale>/LC_MESSAGES/<domain>.po`, templates `<domain>.pot`)."""
    return Path(str(resources.files("segue.i18n") / "locales"))


def _compile(source: bytes, locale: str) -> bytes:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(source), locale=locale), use_fuzzy=False)
    return buffer.getvalue()


def _compiled(path: Path, locale: str, keep: Path | None = None) -> gettext.GNUTranslations:
    """The catalog at `path`, compiled; from `keep` when an earlier process compiled this very text there."""
    source = path.read_bytes()
    if keep is None:
        return gettext.GNUTranslations(io.BytesIO(_compile(source, locale)))
    digest = hashlib.sha256(source + babel.__version__.encode()).hexdigest()[:20]
    kept = keep / f"{locale}.{path.stem}.{digest}.mo"
    with contextlib.suppress(FileNotFoundError):
        try:
            return gettext.GNUTranslations(io.BytesIO(kept.read_bytes()))
        except (OSError, ValueError, UnicodeError, struct.error, IndexError):  # damaged: compiled again below
            pass
    compiled = _compile(source, locale)
    with contextlib.suppress(OSError):  # a read-only data directory: compiled again at the next start
        keep.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_bytes(compiled)
        os.replace(partial, kept)
        for stale in keep.glob(f"{locale}.{path.stem}.*.mo"):
            if stale != kept:
                stale.unlink(missing_ok=True)
    return gettext.GNUTranslations(io.BytesIO(compiled))


class Catalogs:
    """Every locale's translations, loaded once by the composition root and shared by everything that speaks."""

    def __init__(
        self, directory: Path | None = None, locales: tuple[str, ...] = LOCALES, *, keep: Path | None = None
    ) -> None:
        """`keep`: where compiled catalogs are kept between starts (None: compiled in memory only)."""
        root = directory or catalog_dir()
        self.locales = locales
        self._root = root
        self._speakers: dict[str, Speaker] = {}
        self._naming: dict[tuple[str, str], Speaker] = {}
        self._english: dict[str, tuple[str, ...]] | None = None
        for locale in locales:
            chain: gettext.NullTranslations | None = None
            for domain in DOMAINS:
                path = root / locale / "LC_MESSAGES" / f"{domain}.po"
                if not path.exists():
                    continue
                loaded = _compiled(path, locale, keep)
                if chain is None:
                    chain = loaded
                else:
                    chain.add_fallback(loaded)
            self._speakers[locale] = Speaker(locale, chain or gettext.NullTranslations())

    def speaker(self, code: str | None = None, *, commands_for: str | None = None) -> Speaker:
        """The speaker for a locale code in any common spelling; English for anything not supported.

        `commands_for`: the reader's Discord client locale; the commands a text names are then named as that
        client lists them (English for a locale Segue has no command names in, as Discord does).
        """
        found = locale_of(code) or DEFAULT
        plain = self._speakers.get(found) or self._speakers.get(DEFAULT) or Speaker(DEFAULT, gettext.NullTranslations())
        if commands_for is None:
            return plain
        client = locale_of(commands_for) or DEFAULT
        if client == plain.locale:
            return plain
        named = self._naming.get((plain.locale, client))
        if named is None:
            names = self._command_names(plain, self.speaker(client))
            named = Speaker(plain.locale, plain.translations, names.rewrite)
            self._naming[(plain.locale, client)] = named
        return named

    def _command_names(self, source: Speaker, target: Speaker) -> CommandNames:
        if self._english is None:
            template = self._root / "commands.pot"
            self._english = english_names(template) if template.exists() else {}
        return command_names(source, target, self._english)
