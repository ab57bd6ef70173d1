"""A `Speaker` says things in one locale: catalog look-ups with named placeholders, plural forms, and numbers,
lists and dates written the local way (Babel's CLDR data)."""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from babel.dates import format_date, format_datetime
from babel.lists import format_list
from babel.numbers import format_decimal


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

    def _fill(self, text: str, params: dict[str, object]) -> str:
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
        """1234.5 -> '1,234.5' (en), '1.234,5' (de), with exactly `digits` decimals."""
        pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def join(self, items: Iterable[str], *, either: bool = False) -> str:
        """['a', 'b', 'c'] -> 'a, b and c' / 'a, b y c' / 'a, b et c' (`either`: 'a, b or c')."""
        shown = list(items)
        return format_list(shown, style="or" if either else "standard", locale=self.locale) if shown else ""

    def date(self, when: float) -> str:
        """A Unix time as a medium date: 'Dec 3, 2026', '3 dic 2026', '03.12.2026'."""
        return format_date(datetime.fromtimestamp(when, UTC).date(), format="medium", locale=self.locale)

    def datetime(self, when: float) -> str:
        """A Unix time as a short date and time in UTC."""
        moment = datetime.fromtimestamp(when, UTC)
        return format_datetime(moment, format="short", tzinfo=UTC, locale=self.locale) + " UTC"
