"""Live music sources behind one `MusicSource` interface (Last.fm, ListenBrainz, Deezer, MusicBrainz, Spotify
links, an optional LLM reading), the hub that asks them under one deadline, and the links shown under a track."""

from segue.providers.base import MusicSource, SourceTrack
from segue.providers.hub import SourceHub
from segue.providers.links import artist_links, track_links

__all__ = ["MusicSource", "SourceHub", "SourceTrack", "artist_links", "track_links"]
