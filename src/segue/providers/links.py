"""Listening links that need no API: Spotify, YouTube and Deezer search URLs, plus a licensed MP3.

Spotify closed its recommendation API to new apps in 2024, so Spotify is link-only: a direct track link when the
catalog knows the Spotify id, otherwise a search.
"""

from __future__ import annotations

from urllib.parse import quote, quote_plus

from segue.domain import Artist, Links, Track

_SPOTIFY_ID_CHARS = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _search_text(track: Track) -> str:
    artists = " ".join(track.artists[:2])
    return f"{track.title} {artists}".strip()


def track_links(track: Track) -> Links:
    """Links for one track; `mp3` only for Creative Commons releases with a direct file."""
    text = _search_text(track)
    ext = track.external_id or ""
    if track.source == "spotify-songs" and len(ext) == 22 and set(ext) <= _SPOTIFY_ID_CHARS:
        spotify = f"https://open.spotify.com/track/{ext}"
    else:
        spotify = f"https://open.spotify.com/search/{quote(text, safe='')}"
    mp3 = track.mp3_url if track.mp3_url and track.license and "creativecommons.org" in track.license else None
    return Links(
        spotify=spotify,
        youtube=f"https://www.youtube.com/results?search_query={quote_plus(text)}",
        deezer=f"https://www.deezer.com/search/{quote(text, safe='')}",
        mp3=mp3,
    )


def artist_links(artist: Artist) -> Links:
    """Search links for an artist."""
    return Links(
        spotify=f"https://open.spotify.com/search/{quote(artist.name, safe='')}",
        youtube=f"https://www.youtube.com/results?search_query={quote_plus(artist.name)}",
        deezer=f"https://www.deezer.com/search/{quote(artist.name, safe='')}",
    )
