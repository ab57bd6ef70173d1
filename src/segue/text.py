"""Text normalization shared by the catalog, name lookup, the parser and de-duplication.

One definition of "the same name" everywhere: accents folded, case folded, punctuation to spaces, whitespace
collapsed. `base_title` also strips version decorations so "Song - 2011 Remaster" and "Song (Live)" are one song.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_DECORATION = re.compile(
    r"\s*(?:[-\u2013\u2014]\s*[(\[]?\s*|[(\[]\s*)"
    r"(?:(?:\d{4}|original|single|digital)\s+)*"
    r"(?:remaster(?:ed)?|live|radio edit|single version|album version|mono|stereo|remix|edit|re-?recorded|"
    r"recorded (?:at|live)|acoustic|demo|version|mix|feat\.?|ft\.?|featuring|with|bonus track|deluxe|explicit|clean|"
    r"original mix)"
    r"\b.*$",
    re.IGNORECASE,
)
_FEAT = re.compile(r"\s+(?:feat\.?|ft\.?|featuring)\s+.*$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+")
_PLUS = re.compile(r"\s\+\s")
"""'Florence + The Machine': a spaced plus joins a name as 'and' does, so it is one act with 'Florence and the
Machine' (which had no songs, and was what 'like florence and the machine' found)."""


def strip_control(text: str) -> str:
    """Remove control and invisible formatting characters (keeps newlines and tabs as spaces)."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r", " "))


def fold(text: str) -> str:
    """Accent- and case-insensitive form: 'Beyoncé' -> 'beyonce', 'Sigur Rós' -> 'sigur ros'."""
    if text.isascii():  # nothing to decompose or fold beyond case: most names, and ~10x cheaper
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().replace("ø", "o").replace("æ", "ae").replace("ß", "ss").replace("ð", "d")


NORMALIZED_MEMO = 16_384
"""Names `normalize_name` keeps: the parser and the engine's start ask for the same tag and word keys again and
again (each of the catalog's tags four times at start; BENCHMARKS.md, engine)."""


@functools.lru_cache(maxsize=NORMALIZED_MEMO)
def normalize_name(text: str) -> str:
    """Key for matching names: folded, '&' as 'and', punctuation removed, spaces collapsed."""
    if text.isascii() and text.replace(" ", "").isalnum() and "  " not in text and text[:1] != " " != text[-1:]:
        # ASCII letters and digits between single spaces (most tags and table words): nothing to remove, fold or
        # collapse but case, and a third of the time (the engine's start asks ~6,000: BENCHMARKS.md, issue 14).
        return text.lower()
    return _normalized(text)


def _normalized(text: str) -> str:
    folded = fold(strip_control(text)).replace("&", " and ")
    return _SPACES.sub(" ", _PUNCT.sub(" ", folded)).strip()


def artist_key(name: str) -> str:
    """Key for merging one artist across datasets ('The Beatles' == 'Beatles')."""
    return _LEADING_THE.sub("", normalize_name(_PLUS.sub(" & ", _FEAT.sub("", name))))


_REMIX = re.compile(
    r"\s*(?:[-\u2013\u2014]\s*|[(\[]\s*)[^-\u2013\u2014()\[\]]*\b(?:remix|rmx|rework|bootleg|flip|edit|mix|dub)\b.*$",
    re.IGNORECASE,
)
"""'Song - 4FRNT Remix', 'Song (Alesso Remix)': someone's remix, named after the remixer before the word."""


def song_key(title: str) -> str:
    """One key per song across its versions and remixes: an answer never holds the song twice."""
    return base_title(_REMIX.sub("", title) or title)


def base_title(title: str) -> str:
    """Title without version decorations, for fuzzy de-duplication of versions."""
    return normalize_name(_DECORATION.sub("", title)) or normalize_name(title)


_REISSUE = re.compile(
    r"\s*[-\u2013\u2014]\s*(?:(?:\d{4}\s+)?(?:digital(?:ly)?\s+)?remaster(?:ed)?(?:\s+(?:version|\d{4}))?|"
    r"\d{4}\s+(?:stereo\s+)?mix|"  # a reissue's new mix ('Bohemian Rhapsody - 2011 Mix'), not a remix
    r"mono(?:\s*/\s*stereo)?(?:\s+version)?|stereo(?:\s+version)?|single version|album version)\s*$",
    re.IGNORECASE,
)


def display_title(title: str) -> str:
    """A title as people say it in a sentence: 'Hey Jude - Remastered 2009' -> 'Hey Jude'. Only reissue labels go;
    a live take, a remix or an acoustic version is a different recording and keeps its name."""
    return _REISSUE.sub("", title) or title


def stable_id(prefix: str, *parts: str) -> str:
    """Deterministic short id from normalized parts, identical across rebuilds and machines."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()
    return f"{prefix}{digest}"


def milliseconds(value: float | None) -> str:
    """A latency for people: '-' when unknown, whole ms from 10 ms up, one decimal below."""
    return "-" if value is None else f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def duration(seconds: float, *, minutes_after_days: bool = True) -> str:
    """An uptime for people: '2d 3h 4m', '3h 4m' or '4m 5s' (`minutes_after_days=False`: '2d 3h')."""
    whole = int(seconds)
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes}m" if minutes_after_days else f"{days}d {hours}h"
    if hours:
        return f"{hours}h {minutes}m"
    return f"{minutes}m {secs}s"


def clock(seconds: int) -> str:
    """A song's length as people read it: 180 -> '3:00'."""
    return f"{seconds // 60}:{seconds % 60:02d}"
