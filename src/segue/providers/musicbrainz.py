"""MusicBrainz (ws/2, JSON, no key): ids, tags and streaming URLs for artists and recordings.

MusicBrainz allows one request per second per client and asks for a User-Agent naming the application and a
contact: both are the HttpClient's (its policy for this host, and SEGUE_HTTP_CONTACT). At that rate it is used
sparingly: the hub asks it only for a seed artist's id, which ListenBrainz's radio needs; ids rarely change, so
answers are cached for the whole sources TTL. A 503 is its rate-limit answer (retried after Retry-After by the
client), 404 means no such entity, 400 a query it could not parse (treated as not found: the name was odd, the
service is fine). Search answers carry a 0..100 `score`; below 90 a hit is not taken as the same artist.

  GET /artist?query=artist:"name"&fmt=json&limit=   -> {artists: [{id, name, score, tags: [{count, name}], ...}]}
  GET /artist/{mbid}?inc=url-rels+tags&fmt=json      -> {id, name, tags: [...], relations: [{type, url: {resource}}]}
  GET /recording?query=recording:"t" AND artist:"a"&fmt=json&limit=
                                   -> {recordings: [{id, title, score, length, artist-credit: [{name, artist}],
                                                     first-release-date, releases: [{title}]}]}
  GET /recording/{mbid}?inc=url-rels+artist-credits&fmt=json -> {id, title, relations: [...], artist-credit: [...]}
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from segue.errors import ProviderError
from segue.infra.cache import NOT_FOUND, Sentinel
from segue.providers.base import (
    Capability,
    Fetched,
    MusicSource,
    SourceArtist,
    SourceIO,
    SourceTag,
    SourceTrack,
    SourceUrls,
    clean_artist,
    clean_mbid,
    clean_text,
    clean_title,
    clean_url,
    fetched,
    malformed,
    obj,
    rows_or_not_found,
    to_float,
    to_int,
    track_key,
    year_of,
)
from segue.text import artist_key

MIN_SCORE = 90
"""A search hit scoring below this (0..100) is a different artist or recording, not a spelling of this one."""
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
STREAMING = {
    "spotify": ("open.spotify.com",),
    "deezer": ("deezer.com",),
    "youtube": ("youtube.com", "youtu.be", "music.youtube.com"),
}
"""Which url-rel hosts fill which link."""

Rows = list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]


class MusicBrainzSource(MusicSource):
    """MusicBrainz web service version 2."""

    name: ClassVar[str] = "musicbrainz"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.IDS, Capability.ARTIST_TAGS, Capability.LINKS}
    )

    def __init__(self, io: SourceIO, *, base_url: str, enabled: bool = True) -> None:
        self.io = io
        self.base_url = base_url.rstrip("/")
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    async def _get(self, path: str, params: Mapping[str, str | int], deadline: float) -> dict[str, Any] | None:
        response = await self.io.http.request(
            "GET", f"{self.base_url}{path}", params={**params, "fmt": "json"}, deadline=deadline
        )
        if response.status in (400, 404):
            return None
        if not response.ok:
            raise ProviderError(
                f"musicbrainz answered HTTP {response.status} for {path}", source=self.name, status=response.status
            )
        try:
            payload = json.loads(response.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise malformed(self.name, f"{path} is not JSON") from exc
        if not isinstance(payload, dict):
            raise malformed(self.name, f"{path} is not a JSON object")
        return payload

    # -- artists -------------------------------------------------------------------------------------------------

    async def _artist_search(self, artist: str, deadline: float) -> Fetched[dict[str, Any]]:
        """The best-scoring artist whose name is this one: {mbid, name, score, tags}."""
        wanted = artist_key(artist)

        async def load() -> Rows:
            payload = await self._get("/artist", {"query": f'artist:"{lucene(artist)}"', "limit": 5}, deadline)
            if payload is None:
                return NOT_FOUND
            hits = payload.get("artists")
            if not isinstance(hits, list):
                raise malformed(self.name, "artist search has no 'artists' list")
            for hit in hits:
                if not isinstance(hit, dict):
                    continue
                mbid = clean_mbid(hit.get("id"))
                name = clean_artist(hit.get("name"))
                score = to_int(hit.get("score")) or 0
                aliases = [a.get("name") for a in hit.get("aliases") or [] if isinstance(a, dict)]
                same = name is not None and (
                    artist_key(name) == wanted or any(artist_key(str(a or "")) == wanted for a in aliases)
                )
                if mbid and name and score >= MIN_SCORE and same:
                    return [{"mbid": mbid, "name": name, "score": score, "tags": _tags(hit.get("tags"))}]
            return NOT_FOUND

        loaded = await self.io.cached(self.name, self.base_url, "search.artist", load, artist)
        rows = loaded.value if isinstance(loaded.value, list) else []
        return Fetched(tuple(rows), cached=loaded.cached, found=loaded.found)

    async def artist_ids(self, artist: str, *, deadline: float) -> Fetched[SourceArtist]:
        found = await self._artist_search(artist, deadline)
        items = tuple(
            SourceArtist(name=r["name"], mbid=r["mbid"], match=r["score"] / 100.0, source=self.name)
            for r in found.items
        )
        return Fetched(items, cached=found.cached, found=found.found)

    async def artist_tags(self, artist: str, *, deadline: float) -> Fetched[SourceTag]:
        found = await self._artist_search(artist, deadline)
        tags = tuple(SourceTag.from_json(t) for r in found.items for t in r["tags"])
        return Fetched(tags, cached=found.cached, found=bool(tags))

    async def artist_links(self, mbid: str, *, deadline: float) -> Fetched[SourceUrls]:
        """The artist's streaming pages (Spotify, Deezer, YouTube) from its url relationships."""
        mbid = clean_mbid(mbid) or ""

        async def load() -> Rows:
            payload = await self._get(f"/artist/{mbid}", {"inc": "url-rels"}, deadline) if mbid else None
            if payload is None:
                return NOT_FOUND
            urls = _streaming(payload.get("relations"))
            return [urls.to_json()] if urls.to_json() else NOT_FOUND

        loaded = await self.io.cached(self.name, self.base_url, "artist.links", load, mbid)
        return fetched(loaded, SourceUrls.from_json)

    # -- recordings ----------------------------------------------------------------------------------------------

    async def search_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        """Recordings with this title by this artist: MBID, length, first release year."""
        wanted = track_key(artist, title)

        async def load() -> Rows:
            query = f'recording:"{lucene(title)}" AND artist:"{lucene(artist)}"'
            payload = await self._get("/recording", {"query": query, "limit": max(limit, 5)}, deadline)
            if payload is None:
                return NOT_FOUND
            hits = payload.get("recordings")
            if not isinstance(hits, list):
                raise malformed(self.name, "recording search has no 'recordings' list")
            rows = []
            for hit in hits:
                track = _recording(hit) if isinstance(hit, dict) else None
                if track is not None and (to_int(hit.get("score")) or 0) >= MIN_SCORE and track.key == wanted:
                    rows.append(track.to_json())
            return rows_or_not_found(rows[:limit])

        loaded = await self.io.cached(self.name, self.base_url, "search.recording", load, artist, title, limit=limit)
        return fetched(loaded, SourceTrack.from_json)


def lucene(text: str) -> str:
    """Text safe inside a quoted Lucene term (MusicBrainz search syntax)."""
    return _LUCENE_SPECIAL.sub(r"\\\1", text.strip())


def _tags(value: object) -> list[dict[str, Any]]:
    tags = []
    for tag in value if isinstance(value, list) else []:
        if not isinstance(tag, dict):
            continue
        name = clean_text(tag.get("name"), max_len=60)
        count = to_float(tag.get("count")) or 0.0
        if name and count > 0:
            tags.append(SourceTag(name=name.lower(), weight=count).to_json())
    tags.sort(key=lambda t: -t["weight"])
    return tags


def _streaming(relations: object) -> SourceUrls:
    found: dict[str, str] = {}
    for rel in relations if isinstance(relations, list) else []:
        if not isinstance(rel, dict) or rel.get("ended") is True or not isinstance(rel.get("url"), dict):
            continue
        resource = rel["url"].get("resource")
        for field_name, hosts in STREAMING.items():
            url = clean_url(resource, hosts=hosts)
            if url and field_name not in found:
                found[field_name] = url
    return SourceUrls(**found)


def _recording(hit: dict[str, Any]) -> SourceTrack | None:
    title = clean_title(hit.get("title"))
    credits = [c for c in hit.get("artist-credit") or [] if isinstance(c, dict)]
    artists = []
    for credit in credits:
        artist = obj(credit.get("artist"))
        if clean_mbid(artist.get("id")) is None and artist.get("id"):
            continue  # a special-purpose artist ([unknown], Various Artists)
        name = clean_artist(credit.get("name")) or clean_artist(artist.get("name"))
        if name:
            artists.append(name)
    mbid = clean_mbid(hit.get("id"))
    if title is None or not artists or mbid is None:
        return None
    length = to_int(hit.get("length"))
    releases = [r for r in hit.get("releases") or [] if isinstance(r, dict)]
    return SourceTrack(
        title=title,
        artists=tuple(artists),
        album=clean_text(releases[0].get("title")) if releases else None,
        year=year_of(hit.get("first-release-date")),
        duration_ms=length if length and 0 < length < 24 * 3600 * 1000 else None,
        urls=SourceUrls(mbid=mbid),
        source="musicbrainz",
    )
