"""Which language to speak: the supported locales, Discord's locale codes mapped onto them, and the order of
preference (the member's choice, the server's setting, the client's language, the server's language, English).
"""

from __future__ import annotations

LOCALES = ("en", "es", "fr", "de", "pt_BR")
"""Locales with a complete catalog, in Babel's spelling; adding one is a catalog directory plus this entry."""
DEFAULT = "en"
"""The language of the source strings, and the answer when nothing else is known."""

_BY_LANGUAGE = {"en": "en", "es": "es", "fr": "fr", "de": "de", "pt": "pt_BR"}
"""A bare language (or any of its regions, 'es-419', 'pt-PT') to the catalog that serves it."""


def locale_of(code: str | None) -> str | None:
    """'es-ES', 'es-419', 'es' -> 'es'; 'pt-BR', 'pt_BR' -> 'pt_BR'; 'en-GB' -> 'en'; unknown or empty -> None."""
    if not code:
        return None
    text = str(code).strip().replace("-", "_")
    exact = next((loc for loc in LOCALES if loc.lower() == text.lower()), None)
    if exact is not None:
        return exact
    return _BY_LANGUAGE.get(text.split("_", 1)[0].lower())


def choose(*candidates: str | None) -> str:
    """The first candidate Segue speaks, else English.

    Callers pass them in order of precedence: the member's stored language, the server's setting, the
    interaction's `locale`, then its `guild_locale`.
    """
    for code in candidates:
        found = locale_of(code)
        if found is not None:
            return found
    return DEFAULT
