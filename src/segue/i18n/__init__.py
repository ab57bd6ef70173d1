"""Segue in five languages: message catalogs (gettext via Babel), plural forms, local number and date formats,
which language to speak to whom, reasons said from their facts, genre names in each language and the engine's
sentences retold. English is the source language; see docs/TRANSLATING.md."""

from ._catalogs import DOMAINS, Catalogs, catalog_dir
from ._check import problems
from ._commands import mentioned
from ._genres import genre_name, genre_names
from ._locales import DEFAULT, LOCALES, choose, locale_of
from ._reasons import MOOD_LABELS, mood_name, reason_text
from ._retell import ENGINE_TEMPLATES, retell
from ._speaker import N_, NP_, Speaker
from ._understood import NOTHING_UNDERSTOOD, NOVELTY_LABEL, understood_parts

__all__ = [
    "DEFAULT",
    "DOMAINS",
    "ENGINE_TEMPLATES",
    "LOCALES",
    "MOOD_LABELS",
    "NOTHING_UNDERSTOOD",
    "NOVELTY_LABEL",
    "NP_",
    "N_",
    "Catalogs",
    "Speaker",
    "catalog_dir",
    "choose",
    "genre_name",
    "genre_names",
    "locale_of",
    "mentioned",
    "mood_name",
    "problems",
    "reason_text",
    "retell",
    "understood_parts",
]
