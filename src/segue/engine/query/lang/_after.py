"""Languages that say 'like' and 'not' after what they are about ('drake jaisa', 'radiohead gibi'; 'rap nahi', 'rap
olmasın'): their `segment` says those words first, as English does, before the table reads the request."""

from __future__ import annotations

import re
from collections.abc import Callable, Container

__all__ = ["like_first", "said_first"]


def said_first(kept: Container[str]) -> Callable[[re.Match[str]], str]:
    """A replacement for a match of (what, word that leaves it out): the word first ('rap nahi' -> 'nahi rap'),
    unless what it follows is one of `kept` (a pronoun or a filler: 'mujhe nahi pata' is no exclusion)."""

    def replace(found: re.Match[str]) -> str:
        if found.group(1).lower() in kept:
            return found.group(0)
        return f"{found.group(2)} {found.group(1)}"

    return replace


def like_first(text: str, likes: Container[str], name_ends: Container[str], most: int) -> str:
    """Each word of `likes` moved before the name it follows: the words back to the clause's start (a comma or a
    word of `name_ends`), `most` at most ('drake jaisa kuch' -> 'jaisa drake kuch')."""
    toks = text.split(" ")
    for i, tok in enumerate(toks):
        if tok.lower().strip(",.!?") not in likes or i == 0:
            continue
        j = i
        while j > 0 and i - j < most and toks[j - 1].lower() not in name_ends and not toks[j - 1].endswith(","):
            j -= 1
        if j < i:
            toks[j : i + 1] = [tok, *toks[j:i]]
    return " ".join(toks)
