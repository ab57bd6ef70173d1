"""ListenBrainz: LB Radio's similar artists and their recordings, and tag radio, with the novelty dial as popularity.

No key (SEGUE_LISTENBRAINZ_TOKEN, when set, is sent as `Authorization: Token ...` and buys a larger budget). The
radio endpoints answer recording MBIDs only, so every radio call is followed by one batched
`/1/metadata/recording/` look-up for titles and artists; recordings it cannot name are dropped, never shown raw.
The budget is the server's own X-RateLimit-* headers, which the HttpClient follows for this host (its policy has
`header_budget=True`). Artist radio needs the seed's MusicBrainz id, which the hub gets from MusicBrainz.

  GET /1/lb-radio/artist/{mbid}?mode=easy|medium|hard&max_similar_artists=&max_recordings_per_artist=
      &pop_begin=&pop_end=   -> {artist_mbid: [{recording_mbid, similar_artist_mbid, similar_artist_name,
                                 total_listen_count}, ...], ...}   (the seed among them)
  GET /1/lb-radio/tags?tag=&pop_begin=&pop_end=&count=   -> [{recording_mbid, percent, source, tag_count}, ...]
  GET /1/metadata/recording/?recording_mbids=a,b&inc=artist release
      -> {mbid: {recording: {name, length, ...}, artist: {name, artists: [...]}, release: {name, year, ...}}}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
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
    SourceTrack,
    SourceUrls,
    clean_artist,
    clean_mbid,
    clean_text,
    clean_title,
    fetched,
    is_placeholder_mbid,
    malformed,
    obj,
    rows_or_not_found,
    to_float,
    to_int,
    year_of,
)

POPULARITY: Mapping[Novelty, tuple[str, int, int]] = {
    Novelty.FAMILIAR: ("easy", 50, 100),
    Novelty.BALANCED: ("medium", 20, 90),
    Novelty.DEEP: ("hard", 0, 50),
}
"""Novelty dial -> (radio mode, pop_begin, pop_end): LB's popularity percent runs 0 (least) to 100 (most played)."""

MAX_METADATA = 50
"""Recording MBIDs per metadata look-up (one GET; well inside its URL limit)."""

Rows = list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]


class ListenBrainzSource(MusicSource):
    """ListenBrainz's LB Radio and metadata endpoints."""

    name: ClassVar[str] = "listenbrainz"
    capabilities: ClassVar[frozenset[Capability]] = frozenset(
        {Capability.SIMILAR_ARTISTS, Capability.ARTIST_RADIO, Capability.TAG_TRACKS}
    )

    def __init__(self, io: SourceIO, *, base_url: str, token: str | None = None, enabled: bool = True) -> None:
        self.io = io
        self.base_url = base_url.rstrip("/")
        self._headers = {"Authorization": f"Token {token}"} if token else {}
        self._enabled = enabled

    @property
    def enabled(self) -> bool:
        return self._enabled

    async def _get(self, path: str, params: Mapping[str, str | int], deadline: float) -> Any:
        """GET JSON; None when LB says the entity is unknown (400 for a bad or unknown MBID, 404)."""
        response = await self.io.http.request(
            "GET", f"{self.base_url}{path}", params=params, headers=self._headers, deadline=deadline
        )
        if response.status in (400, 404):
            return None
        if not response.ok:
            raise ProviderError(
                f"listenbrainz answered HTTP {response.status} for {path}", source=self.name, status=response.status
            )
        try:
            return json.loads(response.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise malformed(self.name, f"{path} is not JSON") from exc

    # -- artist radio --------------------------------------------------------------------------------------------

    async def _radio(self, mbid: str, novelty: Novelty, deadline: float) -> Fetched[dict[str, Any]]:
        """Similar artists with their recording MBIDs, most similar first (the seed left out)."""
        mode, begin, end = POPULARITY[novelty]

        async def load() -> Rows:
            params: dict[str, str | int] = {
                "mode": mode,
                "max_similar_artists": 20,
                "max_recordings_per_artist": 3,
                "pop_begin": begin,
                "pop_end": end,
            }
            payload = await self._get(f"/1/lb-radio/artist/{mbid}", params, deadline)
            if payload is None:
                return NOT_FOUND
            if not isinstance(payload, dict):
                raise malformed(self.name, "artist radio is not an object")
            rows = []
            for artist_mbid, recordings in payload.items():
                if clean_mbid(artist_mbid) in (None, mbid) or not isinstance(recordings, list):
                    continue
                good = [r for r in recordings if isinstance(r, dict) and clean_mbid(r.get("recording_mbid"))]
                if not good:
                    continue
                name = clean_artist(good[0].get("similar_artist_name"))
                if name is None:
                    continue
                rows.append(
                    {
                        "mbid": clean_mbid(artist_mbid),
                        "name": name,
                        "recordings": [clean_mbid(r.get("recording_mbid")) for r in good],
                        "listens": max(to_int(r.get("total_listen_count")) or 0 for r in good),
                    }
                )
            return rows_or_not_found(rows)

        loaded = await self.io.cached(
            self.name, self.base_url, "radio.artist", load, mbid, mode=mode, begin=begin, end=end
        )
        rows = loaded.value if isinstance(loaded.value, list) else []
        return Fetched(tuple(rows), cached=loaded.cached, found=loaded.found)

    async def similar_artists(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceArtist]:
        mbid = clean_mbid(mbid)
        if mbid is None:
            return Fetched(found=False)
        radio = await self._radio(mbid, novelty, deadline)
        count = len(radio.items)
        items = tuple(
            SourceArtist(name=r["name"], mbid=r["mbid"], match=1.0 - i / max(count, 1), source=self.name)
            for i, r in enumerate(radio.items[:limit])
        )
        return Fetched(items, cached=radio.cached, found=radio.found)

    async def artist_radio(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceTrack]:
        mbid = clean_mbid(mbid)
        if mbid is None:
            return Fetched(found=False)
        radio = await self._radio(mbid, novelty, deadline)
        if not radio.items:
            return Fetched(cached=radio.cached, found=radio.found)
        # Round-robin over the artists (most similar first), so one prolific neighbour cannot fill the list.
        order: list[str] = []
        depth = max(len(r["recordings"]) for r in radio.items)
        for level in range(depth):
            order += [r["recordings"][level] for r in radio.items if level < len(r["recordings"])]
        count = len(radio.items)
        rank = {r["mbid"]: i for i, r in enumerate(radio.items)}
        match = {rec: 1.0 - rank[r["mbid"]] / count for r in radio.items for rec in r["recordings"]}
        top = max((r["listens"] for r in radio.items), default=0) or 1
        listens = {rec: r["listens"] / top for r in radio.items for rec in r["recordings"]}
        named = await self._metadata(order[: min(limit, MAX_METADATA)], deadline)
        tracks = tuple(
            SourceTrack(
                title=t.title,
                artists=t.artists,
                album=t.album,
                year=t.year,
                duration_ms=t.duration_ms,
                urls=t.urls,
                popularity=listens.get(t.urls.mbid or ""),
                match=match.get(t.urls.mbid or ""),
                source=self.name,
            )
            for t in named.items
        )
        return Fetched(tracks, cached=radio.cached and named.cached, found=bool(tracks) or radio.found)

    # -- tag radio -----------------------------------------------------------------------------------------------

    async def tag_tracks(
        self, tag: str, *, limit: int, deadline: float, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceTrack]:
        _, begin, end = POPULARITY[novelty]

        async def load() -> Rows:
            params: dict[str, str | int] = {"tag": tag.lower(), "pop_begin": begin, "pop_end": end, "count": limit}
            payload = await self._get("/1/lb-radio/tags", params, deadline)
            if payload is None:
                return NOT_FOUND
            if isinstance(payload, dict) and isinstance(payload.get("payload"), list):
                payload = payload["payload"]
            if not isinstance(payload, list):
                raise malformed(self.name, "tag radio is not a list")
            rows = []
            for item in payload:
                if isinstance(item, dict) and (rec := clean_mbid(item.get("recording_mbid"))):
                    rows.append({"mbid": rec, "percent": to_float(item.get("percent"))})
            return rows_or_not_found(rows)

        loaded = await self.io.cached(
            self.name, self.base_url, "radio.tags", load, tag, begin=begin, end=end, limit=limit
        )
        rows = loaded.value if isinstance(loaded.value, list) else []
        if not rows:
            return Fetched(cached=loaded.cached, found=loaded.found)
        percent = {r["mbid"]: r["percent"] for r in rows}
        named = await self._metadata([r["mbid"] for r in rows][:MAX_METADATA], deadline)
        tracks = tuple(
            SourceTrack(
                title=t.title,
                artists=t.artists,
                album=t.album,
                year=t.year,
                duration_ms=t.duration_ms,
                urls=t.urls,
                popularity=_percent(percent.get(t.urls.mbid or "")),
                source=self.name,
            )
            for t in named.items
        )
        return Fetched(tracks, cached=loaded.cached and named.cached, found=bool(tracks))

    # -- names for MBIDs -----------------------------------------------------------------------------------------

    async def _metadata(self, mbids: list[str], deadline: float) -> Fetched[SourceTrack]:
        """Titles, artists, album and year for recording MBIDs, in the order asked; unnamed ones dropped."""
        if not mbids:
            return Fetched(found=False)
        joined = ",".join(mbids)

        async def load() -> Rows:
            params = {"recording_mbids": joined, "inc": "artist release"}
            payload = await self._get("/1/metadata/recording/", params, deadline)
            if payload is None:
                return NOT_FOUND
            if not isinstance(payload, dict):
                raise malformed(self.name, "recording metadata is not an object")
            rows = []
            for mbid in mbids:
                entry = payload.get(mbid)
                track = _named(mbid, entry) if isinstance(entry, dict) else None
                if track is not None:
                    rows.append(track.to_json())
            return rows_or_not_found(rows)

        loaded = await self.io.cached(self.name, self.base_url, "metadata.recording", load, joined)
        return fetched(loaded, SourceTrack.from_json)


def _named(mbid: str, entry: dict[str, Any]) -> SourceTrack | None:
    """A track from one metadata entry, or None when it has no usable title or artist."""
    recording = obj(entry.get("recording"))
    artist_box = obj(entry.get("artist"))
    release = obj(entry.get("release"))
    title = clean_title(recording.get("name"))
    credits = [a for a in artist_box.get("artists") or [] if isinstance(a, dict)]
    if credits and all(is_placeholder_mbid(a.get("artist_mbid")) for a in credits):
        return None
    names = [n for n in (clean_artist(a.get("name")) for a in credits) if n]
    credit = clean_artist(artist_box.get("name"))
    artists = tuple(names) or ((credit,) if credit else ())
    if title is None or not artists:
        return None
    length = to_int(recording.get("length"))
    return SourceTrack(
        title=title,
        artists=artists,
        album=clean_text(release.get("name")),
        year=year_of(release.get("year")) or year_of(recording.get("first_release_date")),
        duration_ms=length if length and 0 < length < 24 * 3600 * 1000 else None,
        urls=SourceUrls(mbid=mbid),
        source="listenbrainz",
    )


def _percent(value: float | None) -> float | None:
    return None if value is None else max(0.0, min(1.0, value / 100.0))
