"""Spotify Web API search, only when SEGUE_SPOTIFY_CLIENT_ID and SEGUE_SPOTIFY_CLIENT_SECRET are set.

Spotify closed its recommendation endpoints to new apps in 2024, so this source only finds a track's direct
`open.spotify.com` link (and a preview where Spotify still offers one); without credentials `links.py` builds
search links instead. The client-credentials token is cached in the `tokens` namespace until shortly before it
expires; a 401 (revoked or expired early) drops it and tries once more with a fresh one.

  POST {accounts}/api/token  grant_type=client_credentials, Basic auth -> {access_token, token_type, expires_in}
  GET  {api}/search?q=track:"t" artist:"a"&type=track&limit=  -> {tracks: {items: [{id, name, artists: [{name}],
        album: {name, release_date}, duration_ms, popularity, preview_url, external_urls: {spotify}}]}}
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any, ClassVar, Literal

from segue.errors import ProviderError
from segue.infra.cache import Namespace, Sentinel, cache_key
from segue.providers.base import (
    Capability,
    Fetched,
    MusicSource,
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
    year_of,
)

TOKEN_MARGIN = 60.0
"""Seconds before its announced expiry a token stops being used."""
SPOTIFY_HOSTS = ("open.spotify.com",)
PREVIEW_HOSTS = ("scdn.co", "spotifycdn.com")

Rows = list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]


class SpotifySource(MusicSource):
    """Spotify search with an app (client-credentials) token."""

    name: ClassVar[str] = "spotify"
    capabilities: ClassVar[frozenset[Capability]] = frozenset({Capability.SEARCH, Capability.LINKS, Capability.PREVIEW})

    def __init__(
        self,
        io: SourceIO,
        *,
        client_id: str | None,
        client_secret: str | None,
        api_base: str,
        accounts_base: str,
    ) -> None:
        self.io = io
        self._client_id = client_id
        self._client_secret = client_secret
        self.base_url = api_base.rstrip("/")
        self.accounts_base = accounts_base.rstrip("/")
        # The key names the client by a digest: secrets (and ids) never land in Redis keys.
        digest = hashlib.blake2b((client_id or "").encode(), digest_size=8).hexdigest()
        self._token_key = cache_key(self.name, self.accounts_base, "token", client=digest)

    @property
    def enabled(self) -> bool:
        return bool(self._client_id and self._client_secret)

    async def _token(self, deadline: float) -> str:
        async def load() -> dict[str, Any]:
            basic = base64.b64encode(f"{self._client_id}:{self._client_secret}".encode()).decode()
            response = await self.io.http.request(
                "POST",
                f"{self.accounts_base}/api/token",
                data={"grant_type": "client_credentials"},
                headers={"Authorization": f"Basic {basic}"},
                deadline=deadline,
                idempotent=True,  # asking for a token twice is harmless
            )
            if not response.ok:
                raise ProviderError(
                    f"spotify refused a token: HTTP {response.status}", source=self.name, status=response.status
                )
            try:
                payload = json.loads(response.body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise malformed(self.name, "token answer is not JSON") from exc
            token = payload.get("access_token") if isinstance(payload, dict) else None
            if not isinstance(token, str) or not token:
                raise malformed(self.name, "token answer has no access_token")
            return {"token": token, "expires_in": to_float(payload.get("expires_in")) or 3600.0}

        first = await self.io.cache.get_or_load(Namespace.TOKENS, self._token_key, load)
        value = first.value if isinstance(first.value, dict) else {}
        if not first.cached:
            # Re-store with the token's own lifetime (the first store used the namespace TTL).
            ttl = max(1.0, float(value.get("expires_in", 3600.0)) - TOKEN_MARGIN)
            await self.io.cache.set(Namespace.TOKENS, self._token_key, value, ttl)
        return str(value.get("token", ""))

    async def search_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        wanted = track_key(artist, title)

        async def load() -> Rows:
            params: dict[str, str | int] = {
                "q": f'track:"{_quote(title)}" artist:"{_quote(artist)}"',
                "type": "track",
                "limit": max(limit, 5),
            }
            payload = await self._search(params, deadline)
            box = payload.get("tracks")
            if not isinstance(box, dict) or not isinstance(box.get("items"), list):
                raise malformed(self.name, "search has no 'tracks.items'")
            rows = []
            for item in box["items"]:
                track = _track(item) if isinstance(item, dict) else None
                if track is not None and track.key == wanted:
                    rows.append(track.to_json())
            return rows_or_not_found(rows[:limit])

        loaded = await self.io.cached(self.name, self.base_url, "search.track", load, artist, title, limit=limit)
        return fetched(loaded, SourceTrack.from_json)

    async def _search(self, params: dict[str, str | int], deadline: float) -> dict[str, Any]:
        for attempt in (1, 2):
            token = await self._token(deadline)
            response = await self.io.http.request(
                "GET",
                f"{self.base_url}/search",
                params=params,
                headers={"Authorization": f"Bearer {token}"},
                deadline=deadline,
            )
            if response.status == 401 and attempt == 1:
                await self.io.cache.delete(Namespace.TOKENS, self._token_key)
                continue
            if not response.ok:
                raise ProviderError(
                    f"spotify answered HTTP {response.status} for search", source=self.name, status=response.status
                )
            try:
                payload = json.loads(response.body)
            except (ValueError, UnicodeDecodeError) as exc:
                raise malformed(self.name, "search answer is not JSON") from exc
            if not isinstance(payload, dict):
                raise malformed(self.name, "search answer is not an object")
            return payload
        raise ProviderError("spotify rejected a fresh token", source=self.name, status=401)


def _quote(text: str) -> str:
    return text.replace('"', " ").strip()


def _track(item: dict[str, Any]) -> SourceTrack | None:
    title = clean_title(item.get("name"))
    artists = tuple(
        n for n in (clean_artist(a.get("name")) for a in item.get("artists") or [] if isinstance(a, dict)) if n
    )
    urls_box = obj(item.get("external_urls"))
    album = obj(item.get("album"))
    link = clean_url(urls_box.get("spotify"), hosts=SPOTIFY_HOSTS)
    if title is None or not artists or link is None:
        return None
    duration = to_int(item.get("duration_ms"))
    popularity = to_float(item.get("popularity"))
    return SourceTrack(
        title=title,
        artists=artists,
        album=clean_text(album.get("name")),
        year=year_of(album.get("release_date")),
        duration_ms=duration if duration and 0 < duration < 24 * 3600 * 1000 else None,
        urls=SourceUrls(spotify=link, preview=clean_url(item.get("preview_url"), hosts=PREVIEW_HOSTS)),
        popularity=None if popularity is None else max(0.0, min(1.0, popularity / 100.0)),
        source="spotify",
    )
