"""Live music sources behind one `MusicSource` interface (Last.fm, ListenBrainz, Deezer, MusicBrainz, Spotify
links, an optional LLM reading), the hub that asks them under one deadline, and the links shown under a track.

The names load on first use: a track's links and the sources' outcomes (what `segue ask` needs when no source is
configured) do not import the sources and their HTTP client.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from segue.lazy import lazy_names

if TYPE_CHECKING:
    from segue.providers.base import MusicSource, SourceTrack
    from segue.providers.hub import SourceHub
    from segue.providers.links import artist_links, track_links

__all__ = ["MusicSource", "SourceHub", "SourceTrack", "artist_links", "track_links"]

__getattr__ = lazy_names(
    __name__,
    {
        "MusicSource": "segue.providers.base",
        "SourceHub": "segue.providers.hub",
        "SourceTrack": "segue.providers.base",
        "artist_links": "segue.providers.links",
        "track_links": "segue.providers.links",
    },
)
