"""Requests in other languages: each language is one module here holding its phrase table into English.

`Languages.load()` finds every language module of this package (a module named for its language, e.g. `es.py`
with a `LANGUAGE`), so adding a language is one file. `Languages.read` rewrites a request's words into the English
the scan knows, leaves names alone, and says which language the request was written in.
"""

from __future__ import annotations

import importlib
import pkgutil

from segue.engine.query.lang._core import Language, Languages, Reading, table, words
from segue.engine.query.lexicon import FUNCTION_WORDS
from segue.engine.query.moods import MOODS

__all__ = ["Language", "Languages", "Reading", "load_languages", "table", "words"]


def load_languages() -> Languages:
    """Every language module of this package (those not starting with '_')."""
    found = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        found.append(module.LANGUAGE)
    return Languages(found, english=FUNCTION_WORDS, english_vocabulary=frozenset(MOODS))
