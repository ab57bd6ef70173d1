"""Last.fm (ws.audioscrobbler.com 2.0): similar artists and tracks, tag charts, artist tags, a listener's top artists.

Needs SEGUE_LASTFM_API_KEY. Last.fm answers errors as JSON `{"error": <code>, "message": ...}`, sometimes with
HTTP 400 and sometimes with 200, so the body decides: code 6 ("artist/track/user not found", also "invalid
parameters") means the thing does not exist, which is an answer (cached briefly), not an outage; 8, 11, 16 and 29
are outages or rate limits; 10 and 26 are a bad key. Its JSON comes from XML: a list of one is a bare object, an
empty list may be a string, numbers are strings, and images are a placeholder star more often than not (we never
show images). Items with a zero match, no name or a placeholder artist are dropped.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Literal

from segue.domain import Novelty
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
    as_list,
    clean_artist,
    clean_mbid,
    clean_text,
    clean_title,
    clean_url,
    fetched,
    malformed,
    rows_or_not_found,
    to_float,
    to_int,
    unit,
)
from segue.text import normalize_name

NOT_FOUND_CODES = frozenset({6, 7})
"""6: artist/track/user not found (Last.fm also uses it for a missing parameter); 7: invalid resource."""
KEY_CODES = frozenset({4, 10, 26})
"""Authentication failed, invalid API key, suspended key: a configuration problem, reported as an error."""
LASTFM_HOSTS = ("last.fm", "lastfm.com", "audioscrobbler.com")
PERIODS = frozenset({"overall", "7day", "1month", "3month", "6month", "12month"})

Rows = list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]


class LastfmSource(MusicSource):
    """Last.fm's public, key-only read methods."""

    name: ClassVar[str] = "lastfm"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {
            Capability.SIMILAR_ARTISTS,
            Capability.SIMILAR_TRACKS,
            Capability.TAG_TRACKS,
            Capability.ARTIST_TAGS,
            Capability.USER_TOP_ARTISTS,
        }
    )

    def __init__(self, io: SourceIO, *, api_key: str | None, base_url: str) -> None:
        self.io = io
        self._api_key = api_key
        self.base_url = base_url

    @property
    def enabled(self) -> bool:
        return bool(self._api_key)

    async def _call(self, method: str, params: dict[str, str | int], deadline: float) -> dict[str, Any] | None:
        """One method call; None when Last.fm says the thing does not exist."""
        query: dict[str, str | int] = {"method": method, "api_key": self._api_key or "", "format": "json", **params}
        response = await self.io.http.request("GET", self.base_url, params=query, deadline=deadline)
        try:
            payload = json.loads(response.body) if response.body else None
        except (ValueError, UnicodeDecodeError):
            payload = None
        if isinstance(payload, dict) and "error" in payload:
            code = to_int(payload.get("error"))
            message = clean_text(payload.get("message")) or "no message"
            if code in NOT_FOUND_CODES:
                return None
            kind = "rejected the API key" if code in KEY_CODES else "failed"
            raise ProviderError(
                f"lastfm {kind} for {method}: error {code} ({message})", source=self.name, status=response.status
            )
        if not response.ok:
            raise ProviderError(
                f"lastfm answered HTTP {response.status} for {method}", source=self.name, status=response.status
            )
        if not isinstance(payload, dict):
            raise malformed(self.name, f"{method} did not return a JSON object")
        return payload

    def _container(self, payload: dict[str, Any], outer: str, inner: str, method: str) -> list[Any]:
        box = payload.get(outer)
        if not isinstance(box, dict):
            raise malformed(self.name, f"{method} has no '{outer}'")
        return as_list(box.get(inner))

    # -- artists -------------------------------------------------------------------------------------------------

    async def similar_artists(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceArtist]:
        seed = normalize_name(artist)

        async def load() -> Rows:
            payload = await self._call(
                "artist.getSimilar", {"artist": artist, "limit": limit, "autocorrect": 1}, deadline
            )
            if payload is None:
                return NOT_FOUND
            rows = []
            for item in self._container(payload, "similarartists", "artist", "artist.getSimilar"):
                if not isinstance(item, dict):
                    continue
                name = clean_artist(item.get("name"))
                match = unit(to_float(item.get("match")))
                if name is None or not match or normalize_name(name) == seed:
                    continue
                rows.append(
                    SourceArtist(
                        name=name,
                        mbid=clean_mbid(item.get("mbid")),
                        match=match,
                        url=clean_url(item.get("url"), hosts=LASTFM_HOSTS),
                        source=self.name,
                    ).to_json()
                )
            return rows_or_not_found(rows)

        loaded = await self.io.cached(self.name, self.base_url, "artist.getsimilar", load, artist, limit=limit)
        return fetched(loaded, SourceArtist.from_json)

    async def artist_tags(self, artist: str, *, deadline: float) -> Fetched[SourceTag]:
        async def load() -> Rows:
            payload = await self._call("artist.getTopTags", {"artist": artist, "autocorrect": 1}, deadline)
            if payload is None:
                return NOT_FOUND
            rows = []
            for item in self._container(payload, "toptags", "tag", "artist.getTopTags"):
                if not isinstance(item, dict):
                    continue
                name = clean_text(item.get("name"), max_len=60)
                weight = to_float(item.get("count")) or 0.0
                if name and weight > 0:
                    rows.append(SourceTag(name=name.lower(), weight=weight).to_json())
            return rows_or_not_found(rows)

        loaded = await self.io.cached(self.name, self.base_url, "artist.gettoptags", load, artist)
        return fetched(loaded, SourceTag.from_json)

    async def user_top_artists(
        self, user: str, *, limit: int, deadline: float, period: str = "6month"
    ) -> Fetched[SourceArtist]:
        period = period if period in PERIODS else "6month"

        async def load() -> Rows:
            params: dict[str, str | int] = {"user": user, "period": period, "limit": limit}
            payload = await self._call("user.getTopArtists", params, deadline)
            if payload is None:
                return NOT_FOUND
            items = [
                i for i in self._container(payload, "topartists", "artist", "user.getTopArtists") if isinstance(i, dict)
            ]
            plays = [max(0, to_int(i.get("playcount")) or 0) for i in items]
            top = max(plays, default=0) or 1
            rows = []
            for item, count in zip(items, plays, strict=True):
                name = clean_artist(item.get("name"))
                if name is None or count <= 0:
                    continue
                rows.append(
                    SourceArtist(
                        name=name,
                        mbid=clean_mbid(item.get("mbid")),
                        match=count / top,
                        url=clean_url(item.get("url"), hosts=LASTFM_HOSTS),
                        source=self.name,
                    ).to_json()
                )
            return rows_or_not_found(rows)

        # Case matters nowhere in Last.fm user names, and the key normalizes it away too.
        loaded = await self.io.cached(
            self.name, self.base_url, "user.gettopartists", load, user, period=period, limit=limit
        )
        return fetched(loaded, SourceArtist.from_json)

    # -- tracks --------------------------------------------------------------------------------------------------

    async def similar_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        async def load() -> Rows:
            params: dict[str, str | int] = {"track": title, "artist": artist, "limit": limit, "autocorrect": 1}
            payload = await self._call("track.getSimilar", params, deadline)
            if payload is None:
                return NOT_FOUND
            items = self._container(payload, "similartracks", "track", "track.getSimilar")
            return rows_or_not_found(self._tracks(items, need_match=True))

        loaded = await self.io.cached(self.name, self.base_url, "track.getsimilar", load, artist, title, limit=limit)
        return fetched(loaded, SourceTrack.from_json)

    async def tag_tracks(
        self, tag: str, *, limit: int, deadline: float, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceTrack]:
        async def load() -> Rows:
            payload = await self._call("tag.getTopTracks", {"tag": tag, "limit": limit}, deadline)
            if payload is None:
                return NOT_FOUND
            items = self._container(payload, "tracks", "track", "tag.getTopTracks")
            return rows_or_not_found(self._tracks(items, need_match=False))

        loaded = await self.io.cached(self.name, self.base_url, "tag.gettoptracks", load, tag, limit=limit)
        return fetched(loaded, SourceTrack.from_json)

    def _tracks(self, items: list[Any], *, need_match: bool) -> list[dict[str, Any]]:
        rows = []
        for item in items:
            if not isinstance(item, dict):
                continue
            title = clean_title(item.get("name"))
            artist_box = item.get("artist")
            artist = clean_artist(artist_box.get("name") if isinstance(artist_box, dict) else artist_box)
            match = unit(to_float(item.get("match")))
            if title is None or artist is None or (need_match and not match):
                continue
            seconds = to_int(item.get("duration")) or 0
            rows.append(
                SourceTrack(
                    title=title,
                    artists=(artist,),
                    duration_ms=seconds * 1000 if 0 < seconds < 24 * 3600 else None,
                    urls=SourceUrls(
                        lastfm=clean_url(item.get("url"), hosts=LASTFM_HOSTS), mbid=clean_mbid(item.get("mbid"))
                    ),
                    match=match,
                    source=self.name,
                ).to_json()
            )
        return rows
