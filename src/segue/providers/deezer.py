"""Deezer (api.deezer.com, no key): related artists, and each track's direct link and 30 s preview.

Deezer reports its own errors inside HTTP 200 as `{"error": {"type", "message", "code"}}`: code 800 ("no data")
means not found; 4 (quota) and 700 (service busy) are outages to retry later; anything else is an error. Its
budget (50 requests per 5 s) is the HttpClient's policy for this host. Search uses Deezer's advanced syntax
(`artist:"..." track:"..."`) and keeps only hits whose artist and base title are the ones asked for, so a cover or
a karaoke version never lends its link to the original. Unreadable tracks (`readable: false`) are skipped.

  GET /search?q=artist:"a" track:"t"&limit=   -> {data: [{id, title, link, duration, rank, preview, readable,
                                                   artist: {id, name}, album: {title}}], total}
  GET /search?q=track:"t"&limit=              -> the same, for whose song a title alone is (`find_song`)
  GET /search/artist?q=&limit=                -> {data: [{id, name, link, nb_fan}], total}
  GET /artist/{id}/related?limit=             -> {data: [{id, name, link, nb_fan}], total}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal

from segue.domain import Novelty
from segue.errors import ProviderError
from segue.infra.cache import Sentinel
from segue.providers.base import (
    Capability,
    Fetched,
    MusicSource,
    SourceArtist,
    SourceIO,
    SourceTrack,
    SourceUrls,
    clean_artist,
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
)
from segue.text import artist_key, base_title

NOT_FOUND_CODE = 800
BUSY_CODES = frozenset({4, 700})
"""Quota exceeded and service busy: worth trying again later; reported as errors, never as "not found"."""
DEEZER_HOSTS = ("deezer.com",)
PREVIEW_HOSTS = ("dzcdn.net", "deezer.com")
RANK_SCALE = 1_000_000.0
"""Deezer's track `rank` tops out near a million; divided by this it is a 0..1 popularity hint."""

Rows = list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]


class DeezerSource(MusicSource):
    """Deezer's public API."""

    name: ClassVar[str] = "deezer"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.SIMILAR_ARTISTS, Capability.SEARCH, Capability.FIND_SONG, Capability.PREVIEW, Capability.LINKS}
    )

    def __init__(self, io: SourceIO, *, base_url: str, enabled: bool = True) -> None:
        self.io = io
        self.base_url = base_url.rstrip("/")
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    async def _get(self, path: str, params: Mapping[str, str | int], deadline: float) -> list[Any] | None:
        """The `data` list of one call; None for Deezer's "no data"."""
        payload = await self.io.http.get_json(f"{self.base_url}{path}", params=params, deadline=deadline)
        if not isinstance(payload, dict):
            raise malformed(self.name, f"{path} is not a JSON object")
        error = payload.get("error")
        if isinstance(error, dict):
            code = to_int(error.get("code"))
            if code == NOT_FOUND_CODE:
                return None
            what = "is over quota" if code in BUSY_CODES else "failed"
            message = clean_text(error.get("message")) or clean_text(error.get("type")) or "no message"
            raise ProviderError(f"deezer {what} for {path}: code {code} ({message})", source=self.name)
        data = payload.get("data")
        if data is None:
            return []
        if not isinstance(data, list):
            raise malformed(self.name, f"{path} 'data' is not a list")
        return data

    # -- artists -------------------------------------------------------------------------------------------------

    async def _artist_id(self, artist: str, deadline: float) -> Fetched[SourceArtist]:
        """The Deezer artist whose name is exactly this one (after normalization), most fans first."""
        wanted = artist_key(artist)

        async def load() -> Rows:
            data = await self._get("/search/artist", {"q": artist, "limit": 10}, deadline)
            hits = [a for a in data or [] if isinstance(a, dict) and to_int(a.get("id"))]
            same = [a for a in hits if artist_key(str(a.get("name") or "")) == wanted]
            same.sort(key=lambda a: -(to_int(a.get("nb_fan")) or 0))
            rows = [_artist(a, 1.0) for a in same[:1]]
            return rows_or_not_found([r for r in rows if r])

        loaded = await self.io.cached(self.name, self.base_url, "search.artist", load, artist)
        return fetched(loaded, SourceArtist.from_json)

    async def similar_artists(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceArtist]:
        found = await self._artist_id(artist, deadline)
        if not found.items or found.items[0].source_id is None:
            return Fetched(cached=found.cached, found=False)
        artist_id = found.items[0].source_id

        async def load() -> Rows:
            data = await self._get(f"/artist/{artist_id}/related", {"limit": limit}, deadline)
            items = [a for a in data or [] if isinstance(a, dict)]
            rows = [_artist(a, 1.0 - i / max(len(items), 1)) for i, a in enumerate(items)]
            return rows_or_not_found([r for r in rows if r and artist_key(r["name"]) != artist_key(artist)])

        loaded = await self.io.cached(self.name, self.base_url, "artist.related", load, artist_id, limit=limit)
        result = fetched(loaded, SourceArtist.from_json)
        return Fetched(result.items, cached=found.cached and result.cached, found=result.found)

    # -- tracks --------------------------------------------------------------------------------------------------

    async def search_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        wanted = track_key(artist, title)

        async def load() -> Rows:
            query = f'artist:"{_quote(artist)}" track:"{_quote(title)}"'
            data = await self._get("/search", {"q": query, "limit": max(limit, 5)}, deadline)
            rows = []
            for item in data or []:
                track = _track(item) if isinstance(item, dict) else None
                if track is not None and track.key == wanted:
                    rows.append(track.to_json())
            return rows_or_not_found(rows[:limit])

        loaded = await self.io.cached(self.name, self.base_url, "search.track", load, artist, title, limit=limit)
        return fetched(loaded, SourceTrack.from_json)

    async def find_song(self, title: str, *, deadline: float) -> Fetched[SourceTrack]:
        """Deezer's best ranked readable track titled exactly `title` (base titles compared, so a remaster counts),
        unless an artist is named exactly that: 'fred again' typed alone is the act, not someone's song."""
        named = await self._artist_id(title, deadline)
        if named.items:
            return Fetched(cached=named.cached, found=False)
        wanted = base_title(title)

        async def load() -> Rows:
            data = await self._get("/search", {"q": f'track:"{_quote(title)}"', "limit": 25}, deadline)
            hits = [t for t in (_track(i) for i in data or [] if isinstance(i, dict)) if t is not None]
            same = [t for t in hits if base_title(t.title) == wanted]
            same.sort(key=lambda t: -(t.popularity or 0.0))
            return rows_or_not_found([t.to_json() for t in same[:1]])

        loaded = await self.io.cached(self.name, self.base_url, "search.title", load, title)
        result = fetched(loaded, SourceTrack.from_json)
        return Fetched(result.items, cached=named.cached and result.cached, found=result.found)


def _quote(text: str) -> str:
    """Text inside Deezer's quoted advanced-search value (quotes would end it early)."""
    return text.replace('"', " ").replace("\\", " ").strip()


def _artist(item: dict[str, Any], match: float) -> dict[str, Any] | None:
    name = clean_artist(item.get("name"))
    artist_id = to_int(item.get("id"))
    if name is None or artist_id is None or artist_id <= 0:
        return None
    return SourceArtist(
        name=name,
        match=match,
        url=clean_url(item.get("link"), hosts=DEEZER_HOSTS),
        source_id=str(artist_id),
        source="deezer",
    ).to_json()


def _track(item: dict[str, Any]) -> SourceTrack | None:
    if item.get("readable") is False:
        return None
    title = clean_title(item.get("title"))
    artist_box = obj(item.get("artist"))
    album_box = obj(item.get("album"))
    artist = clean_artist(artist_box.get("name"))
    if title is None or artist is None:
        return None
    seconds = to_int(item.get("duration")) or 0
    rank = to_float(item.get("rank"))
    return SourceTrack(
        title=title,
        artists=(artist,),
        album=clean_text(album_box.get("title")),
        duration_ms=seconds * 1000 if 0 < seconds < 24 * 3600 else None,
        urls=SourceUrls(
            deezer=clean_url(item.get("link"), hosts=DEEZER_HOSTS),
            preview=clean_url(item.get("preview"), hosts=PREVIEW_HOSTS),
        ),
        popularity=None if rank is None else max(0.0, min(1.0, rank / RANK_SCALE)),
        source="deezer",
    )
