"""Links pasted into a request: a Spotify track link names a catalog song by its Spotify id; any other link is
only a link. Nothing is fetched (no network on the answer path), so the text around a link is read as usual and the
answer says what the link could not tell ('songs like https://youtu.be/...' was read as the band Youtu).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

__all__ = ["PastedLinks", "pasted_links"]

_MARKDOWN = re.compile(r"\[([^\]]{0,200})\]\(\s*(<?https?://[^\s)>]+>?)\s*\)")
"""'[Creep](https://open.spotify.com/track/...)': Discord's masked link; its words are read, its address apart."""
_URL = re.compile(r"<?\bhttps?://[^\s<>]+>?|\bspotify:track:[0-9A-Za-z]{22}\b", re.IGNORECASE)
_SPOTIFY_TRACK = re.compile(r"(?:open\.spotify\.com/(?:intl-[a-z-]+/)?track/|spotify:track:)([0-9A-Za-z]{22})")


@dataclass(frozen=True, slots=True)
class PastedLinks:
    """The request without its links, the Spotify track ids pasted, and the sites of the other links."""

    text: str
    spotify_ids: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()


def pasted_links(text: str) -> PastedLinks:
    """Takes the links out of `text`: a masked link keeps its words, a bare link leaves a space."""
    addresses: list[str] = []

    def masked(m: re.Match[str]) -> str:
        addresses.append(m.group(2))
        return f" {m.group(1)} "

    def bare(m: re.Match[str]) -> str:
        addresses.append(m.group())
        return " "

    rest = _URL.sub(bare, _MARKDOWN.sub(masked, text))
    if not addresses:
        return PastedLinks(text)
    ids: list[str] = []
    sites: list[str] = []
    for address in addresses:
        spotify = _SPOTIFY_TRACK.search(address)
        if spotify is not None:
            ids.append(spotify.group(1))
        else:
            sites.append(_site(address.strip("<>")))
    return PastedLinks(" ".join(rest.split()), tuple(dict.fromkeys(ids)), tuple(dict.fromkeys(sites)))


def _site(address: str) -> str:
    """'https://www.youtube.com/watch?v=...' -> 'youtube.com'; what cannot be read stays 'a link'."""
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:
        host = ""
    host = host.removeprefix("www.").removeprefix("m.")
    return host[:60] or "a link"
