"""A `Speaker` says things in one locale: catalog look-ups with named placeholders, plural forms, and numbers,
lists and durations written the local way (Babel's CLDR data). Dates reach members as Discord timestamps
(`<t:...:R>`), which each client shows in its own language."""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale
from babel.numbers import format_decimal
from babel.units import format_unit

NUMBERS_CACHED = 8192
"""Formatted numbers kept per process: answers repeat the same few hundred (feature values, tempos, counts)."""


@lru_cache(maxsize=NUMBERS_CACHED)
def _number(locale: str, value: float, digits: int) -> str:
    """Babel's CLDR formatting (grouping rules differ: '1234' in Spanish, '1.234' in German), remembered because
    it costs tens of microseconds a call and a reason shows several numbers (BENCHMARKS.md, interface languages)."""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=locale)


@lru_cache(maxsize=32)
def _list_patterns(locale: str, style: str) -> dict[str, str]:
    """CLDR's list patterns ('{0}, {1}', '{0} y {1}') for a locale, read once."""
    found = Locale.parse(locale).list_patterns[style]
    return {key: str(found[key]) for key in ("start", "middle", "end", "2")}


@lru_cache(maxsize=64)
def _language_name(locale: str, code: str) -> str:
    """CLDR's name of a language in a locale ('en' -> 'anglais' in French, 'Englisch' in German), read once."""
    return str(Locale.parse(locale).languages.get(code.replace("-", "_").split("_")[0], code))


@lru_cache(maxsize=64)
def _locale_name(locale: str, code: str) -> str:
    """CLDR's name of a locale in a locale, region and all ('pt-BR' -> 'Portugiesisch (Brasilien)' in German)."""
    try:
        named = Locale.parse(code.replace("-", "_")).get_display_name(locale)
    except (ValueError, TypeError):  # not a locale Babel knows: shown as written
        return code
    return str(named) if named else code


def NP_(context: str, message: str) -> str:
    """`N_` with a context (msgctxt): for a word that means something else elsewhere ('live' as a mood)."""
    return message


def N_(message: str) -> str:
    """Marks a string for extraction where it is defined; it is translated where it is shown."""
    return message


@dataclass(frozen=True, slots=True)
class Speaker:
    """One locale's catalog and formats. Placeholders are `{name}`; an int parameter is written as a number."""

    locale: str
    translations: gettext.NullTranslations
    commands: Callable[[str], str] | None = None
    """Names the slash commands a text mentions the way the reader's client lists them (`Catalogs.speaker`'s
    `commands_for`); None leaves them as the catalog wrote them."""

    def _fill(self, text: str, params: dict[str, object]) -> str:
        if self.commands is not None:  # before the placeholders: what they bring in is never rewritten
            text = self.commands(text)
        if not params:
            return text
        shown = {k: self.number(v) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in params.items()}
        return text.format_map(shown)

    def gettext(self, message: str, /, **params: object) -> str:
        """The translation of `message`, its placeholders filled."""
        return self._fill(self.translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        """The plural form for `n` in this locale (`{n}` is filled with `n` written locally)."""
        return self._fill(self.translations.ngettext(singular, plural, n), {"n": n, **params})

    def pgettext(self, context: str, message: str, /, **params: object) -> str:
        """A translation that depends on where the text stands (a command name, a choice)."""
        return self._fill(self.translations.pgettext(context, message), params)

    def number(self, value: float, digits: int = 0) -> str:
        """12345.5 -> '12,345.5' (en), '12.345,5' (de), with exactly `digits` decimals."""
        return _number(self.locale, value, digits)

    def language(self, code: str) -> str:
        """The name of the language `code` ('en') in this locale, as a sentence says it ('English', 'anglais')."""
        return _language_name(self.locale, code)

    def locale_name(self, code: str) -> str:
        """The name of the locale `code` in this locale, as a menu lists it ('fr' -> 'français', 'pt-BR' ->
        'Portuguese (Brazil)'): where a setting names an interface language, not where a sentence does."""
        return _locale_name(self.locale, code)

    def join(self, items: Iterable[str], *, either: bool = False) -> str:
        """['a', 'b', 'c'] -> 'a, b and c' / 'a, b y c' / 'a, b et c' (`either`: 'a, b or c'), as Babel's
        `format_list` does, with the locale's patterns read once."""
        shown = list(items)
        if len(shown) < 2:
            return shown[0] if shown else ""
        patterns = _list_patterns(self.locale, "or" if either else "standard")
        if len(shown) == 2:
            return patterns["2"].format(*shown)
        said = patterns["start"].format(shown[0], shown[1])
        for item in shown[2:-1]:
            said = patterns["middle"].format(said, item)
        return patterns["end"].format(said, shown[-1])

    def duration(self, seconds: float) -> str:
        """An uptime in CLDR's narrow units: '2d 3h' (en), '2j 3h' (fr), '2 T 3h' (de); minutes below a day."""
        whole = int(seconds)
        days, rest = divmod(whole, 86400)
        hours, rest = divmod(rest, 3600)
        minutes, secs = divmod(rest, 60)
        if days:
            parts = ((days, "duration-day"), (hours, "duration-hour"))
        elif hours:
            parts = ((hours, "duration-hour"), (minutes, "duration-minute"))
        else:
            parts = ((minutes, "duration-minute"), (secs, "duration-second"))
        return " ".join(format_unit(value, unit, length="narrow", locale=self.locale) for value, unit in parts)
