"""Genre and scene names in the member's language: 'spanish indie' -> 'indie español', 'french rap' -> 'rap
français', 'brazilian funk' -> 'funk brasileiro', 'classical' -> 'Klassik'.

The catalog's names are English. Most are said the same everywhere ('techno', 'k-pop') and need no entry; those
that differ are in the `genres` catalog domain (context 'genre'), where an empty translation means 'as in
English'. A name led by a place ('spanish indie pop') is composed: the place's 'scene' entry in the language's
word order ('{genre} español', '{genre} aus Spanien') around the rest of the name, itself said the same way, with
the feminine form where the language's 'feminine genres' lists the genre ('música brasileña'). A whole name's own
entry wins over the composition ('german rap' -> 'Deutschrap'). Artist and track names never come here.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from functools import lru_cache

from ._genre_names import FEMININE_GENRES
from ._locales import DEFAULT
from ._speaker import N_, Speaker

GENRE = "genre"
SCENE = "scene"
FEMININE_SCENE = "scene feminine"
MUSIC = "music"
"""What a place alone stands for as a genre ('brazilian': 'música brasileña', 'Musik aus Brasilien')."""
QUOTED = N_("'{word}'")
"""A word quoted in a sentence, with the language's own quotation marks ('«tranquilo»', '„ruhig“')."""


def genre_name(say: Speaker, name: str) -> str:
    """A catalog genre or tag as the member's language says it; a name with no entry is shown as it is."""
    if say.locale == DEFAULT or not name:
        return name
    return _said(say.translations, name)


def genre_names(say: Speaker, names: str | Iterable[str], sep: str = ", ") -> str:
    """Several names, each said as `genre_name` says it: a list, or the engine's comma-joined text of one."""
    items = names.split(sep) if isinstance(names, str) else list(names)
    return sep.join(genre_name(say, n) for n in items)


def _lookup(translations: gettext.NullTranslations, context: str, message: str) -> str:
    return translations.pgettext(context, message)


@lru_cache(maxsize=4096)
def _said(translations: gettext.NullTranslations, name: str) -> str:
    """Remembered per catalog: answers name the same few hundred genres, each a few catalog look-ups."""
    own = _lookup(translations, GENRE, name)
    if own != name:
        return own
    place, _, rest = name.partition(" ")
    scene = f"{place} {{genre}}"
    pattern = _lookup(translations, SCENE, scene)
    if pattern == scene:  # not a place, or a language that says the place as English does
        return name
    genre = _said(translations, rest or MUSIC)
    if _feminine(translations, genre):
        feminine = _lookup(translations, FEMININE_SCENE, scene)
        pattern = pattern if feminine == scene else feminine
    return pattern.replace("{genre}", genre)  # not format(): a name may hold braces


def _feminine(translations: gettext.NullTranslations, genre: str) -> bool:
    """The genre, as said, takes a feminine adjective: listed whole, or its first or last word is ('pop indé')."""
    listed = _feminine_genres(translations)
    words = genre.split()
    return bool(listed) and (genre in listed or words[0] in listed or words[-1] in listed)


@lru_cache(maxsize=16)
def _feminine_genres(translations: gettext.NullTranslations) -> frozenset[str]:
    said = _lookup(translations, "grammar", FEMININE_GENRES)
    if said == FEMININE_GENRES:
        return frozenset()
    return frozenset(part.strip() for part in said.split(",") if part.strip())


def quoted(say: Speaker, word: str) -> str:
    """'calm' -> «calm» in Spanish, „calm“ in German: a word quoted as the language quotes."""
    return say.gettext(QUOTED, word=word)
