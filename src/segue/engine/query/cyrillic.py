"""Western acts typed in Cyrillic letters ('Билли Айлиш', 'Металлика', 'Линкин Парк'), as Russian speakers often
type them: spelled in Latin letters and looked up, kept only where a well-known act is a close match.

The catalog spells these acts in Latin letters, so a Cyrillic spelling was an unknown name. A transliterated name is
near, not equal ('metallika', 'billi aylish'), and a short one is near everyday names too ('kvin' is Kevin before
Queen, 'bitlz' Blitz): only a close match to an act most listeners know is taken, else the words stay as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from segue.domain import NameMatch
from segue.text import normalize_name

__all__ = ["latin_names"]

_LETTERS = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        (
            *("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t"),
            *("u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya"),
        ),
        strict=True,
    ),
    і="i",
    ї="yi",
    є="ye",
    ґ="g",
)
"""Russian's letters and Ukrainian's own ('Емінема', 'Нірвани')."""
_WORD = re.compile(r"[а-яёіїєґ]+", re.IGNORECASE)
_JOINED = re.compile(r"[ -]")
_CASE_ENDINGS = ("ой", "ом", "ам", "ов", "ым", "и", "ы", "а", "у", "е", "ю")
"""What Russian adds to a foreign name in other cases ('как у Металлики', 'песни Эминема'): tried off it too."""
CLOSE = 80.0
"""Least match score (0-100) of the transliterated spelling: 'billi aylish' is 80 from Billie Eilish."""
MAX_WORDS = 3
"""Words of one name at most ('Red Hot Chili Peppers' is typed in Latin letters more often than not)."""
KNOWN = 0.85
"""Least renown (0-1) of the act: Metallica and Depeche Mode are 0.97-0.98, Kevin and Blitz 0.3-0.5."""


def latin_names(text: str, search: Callable[[str, int], Sequence[NameMatch]], words: Container[str]) -> str:
    """`text` with each run of one to three Cyrillic words that starts with no request word (`words`, normalized)
    and spells a well-known act in Latin letters replaced by that act's name ('Линкин Парк', whose 'парк' is a
    request word too); a text without Cyrillic as it is."""
    if not _WORD.search(text):
        return text
    found = list(_WORD.finditer(text))
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(found):
        if normalize_name(found[i].group()) in words:
            i += 1
            continue
        joined = 1
        while joined < MAX_WORDS and i + joined < len(found):
            if not _JOINED.fullmatch(text[found[i + joined - 1].end() : found[i + joined].start()]):
                break
            joined += 1
        name, length = next(
            ((n, k) for k in range(joined, 0, -1) if (n := _named([m.group() for m in found[i : i + k]], search))),
            (None, 1),
        )
        if name is not None:
            spans.append((found[i].start(), found[i + length - 1].end(), name))
        i += length
    for start, end, name in reversed(spans):  # from the end, so earlier spans keep their places
        text = text[:start] + name + text[end:]
    return text


def _named(typed: list[str], search: Callable[[str, int], Sequence[NameMatch]]) -> str | None:
    tokens = [t.lower().replace("ё", "е") for t in typed]
    forms = [" ".join(map(_latin, tokens))]
    last = tokens[-1]
    ending = next((e for e in _CASE_ENDINGS if last.endswith(e) and len(last) > len(e) + 3), None)
    if ending is not None:
        forms.append(" ".join([*map(_latin, tokens[:-1]), _latin(last[: -len(ending)])]))
    for form in forms:
        found = search(form, 1)
        # As many words as typed ('The' aside): 'Эминем для качалки' is Eminem, then two request words
        if found and found[0].score >= CLOSE and found[0].renown >= KNOWN and _words(found[0].name) == len(tokens):
            return found[0].name
    return None


def _words(name: str) -> int:
    parts = name.split()
    return len(parts) - (len(parts) > 1 and parts[0].lower() == "the")


def _latin(word: str) -> str:
    return "".join(_LETTERS.get(c, c) for c in word)
