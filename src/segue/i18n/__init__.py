"""Segue in five languages: message catalogs (gettext via Babel), plural forms, local number and date formats,
and which language to speak to whom. English is the source language; see docs/TRANSLATING.md."""

from ._catalogs import DOMAINS, Catalogs, catalog_dir
from ._check import problems
from ._locales import DEFAULT, LOCALES, choose, locale_of
from ._speaker import N_, NP_, Speaker

__all__ = [
    "DEFAULT",
    "DOMAINS",
    "LOCALES",
    "NP_",
    "N_",
    "Catalogs",
    "Speaker",
    "catalog_dir",
    "choose",
    "locale_of",
    "problems",
]
