"""Local stand-ins for the live music services: real HTTP, their documented JSON, misbehaviour on demand.

Each fake is an aiohttp app on a random local port. It answers from small in-memory data in the service's own
format (Last.fm's XML-flavoured JSON with string numbers and bare single objects, ListenBrainz's MBID-keyed radio,
Deezer's `data` lists and in-band errors, MusicBrainz's search scores, Spotify's token + search, an OpenAI-style
chat completion), counts every hit by path, and can be told to misbehave for every request or for one path:
`SLOW` (answers after `delay` seconds), `STALL` (never answers until the test ends), `RATE_LIMITED` (429 with
Retry-After), `DOWN` (503), `MALFORMED` (200 with a body that is not JSON), `RESET` (connection dropped).
Empty answers, unknown names and placeholder data are part of each fake's data.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_plus

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from segue.infra.clock import ManualClock

SLOW = "slow"
STALL = "stall"
RATE_LIMITED = "429"
DOWN = "503"
MALFORMED = "malformed"
RESET = "reset"

PLACEHOLDER_IMAGE = "https://lastfm.freetls.fastly.net/i/u/34s/2a96cbd8b46e442fc41c2b86b821562f.png"
UNKNOWN_MBID = "125ec42a-7229-4250-afc5-e057484327fe"

Handler = Callable[[web.Request], Awaitable[Any]]


@dataclass
class FakeService:
    """One fake upstream: routes, faults, hit counts."""

    name: str
    routes: dict[str, Handler] = field(default_factory=dict)
    fault: str | None = None
    faults: dict[str, str] = field(default_factory=dict)
    fault_times: int | None = None
    """Apply the fault to this many requests only, then answer normally (None: every request)."""
    delay: float = 5.0
    retry_after: str = "1"
    headers: dict[str, str] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    queries: list[dict[str, str]] = field(default_factory=list)
    auth: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    release: asyncio.Event = field(default_factory=asyncio.Event)
    server: TestServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return str(self.server.make_url("")).rstrip("/")

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def total(self) -> int:
        return sum(self.hits.values())

    async def start(self) -> FakeService:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.server = TestServer(app)
        await self.server.start_server()
        return self

    async def close(self) -> None:
        self.release.set()
        if self.server is not None:
            await self.server.close()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.queries.append(dict(request.query))
        self.auth.append(request.headers.get("Authorization", ""))
        self.agents.append(request.headers.get("User-Agent", ""))
        fault = self.faults.get(path, self.fault)
        if fault is not None and self.fault_times is not None:
            if self.fault_times <= 0:
                fault = None
            else:
                self.fault_times -= 1
        if fault == RESET:
            assert request.transport is not None
            request.transport.close()
            raise ConnectionResetError("scripted reset")
        if fault == STALL:
            await self.release.wait()
        if fault == SLOW:
            with contextlib.suppress(TimeoutError):  # answers late, or at once when the test ends
                await asyncio.wait_for(self.release.wait(), self.delay)
        if fault == RATE_LIMITED:
            return web.json_response({"error": "rate limited"}, status=429, headers={"Retry-After": self.retry_after})
        if fault == DOWN:
            return web.json_response({"error": "service unavailable"}, status=503)
        if fault == MALFORMED:
            return web.Response(body=b'{"truncated": [1, 2', content_type="application/json", headers=self.headers)
        handler = self._route(path)
        if handler is None:
            return web.json_response({"error": "Not Found"}, status=404)
        result = await handler(request)
        if isinstance(result, web.StreamResponse):
            return result
        return web.json_response(result, headers=self.headers)

    def _route(self, path: str) -> Handler | None:
        if path in self.routes:
            return self.routes[path]
        for prefix, handler in self.routes.items():
            if prefix.endswith("*") and path.startswith(prefix[:-1]):
                return handler
        return None


def _plus(text: str) -> str:
    return quote_plus(text)


def _image() -> list[dict[str, str]]:
    return [{"#text": PLACEHOLDER_IMAGE, "size": s} for s in ("small", "medium", "large")]


# -- Last.fm ---------------------------------------------------------------------------------------------------------


@dataclass
class LastfmData:
    """artist -> [(name, match)]; (artist, title) -> [(artist, title, match)]; tag -> [(artist, title)]; ..."""

    similar_artists: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    similar_tracks: dict[tuple[str, str], list[tuple[str, str, float]]] = field(default_factory=dict)
    tag_tracks: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    artist_tags: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    user_artists: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    api_key: str = "test-key"


def lastfm(data: LastfmData) -> FakeService:
    """ws.audioscrobbler.com/2.0/: one path, `method` picks the call; errors as {"error": code, "message"}."""
    service = FakeService("lastfm")

    def error(code: int, message: str, status: int = 400) -> web.Response:
        return web.json_response({"error": code, "message": message, "links": []}, status=status)

    async def handle(request: web.Request) -> Any:
        q = request.query
        if q.get("api_key") != data.api_key:
            return error(10, "Invalid API key - You must be granted a valid key by last.fm", 403)
        if q.get("format") != "json":
            return web.Response(text="<lfm status='ok'/>", content_type="text/xml")
        method = q.get("method", "").lower()
        if method == "artist.getsimilar":
            artist = q.get("artist", "")
            if artist.lower() not in data.similar_artists:
                return error(6, "The artist you supplied could not be found")
            items = [
                {
                    "name": name,
                    "mbid": "",
                    "match": match,
                    "url": f"https://www.last.fm/music/{_plus(name)}",
                    "image": _image(),
                    "streamable": "0",
                }
                for name, match in data.similar_artists[artist.lower()][: int(q.get("limit", "100"))]
            ]
            body: Any = items[0] if len(items) == 1 else items  # XML-to-JSON: a list of one is a bare object
            return {"similarartists": {"artist": body, "@attr": {"artist": artist}}}
        if method == "track.getsimilar":
            key = (q.get("artist", "").lower(), q.get("track", "").lower())
            if key not in data.similar_tracks:
                return error(6, "Track not found")
            items = [
                {
                    "name": title,
                    "playcount": 1000,
                    "mbid": "",
                    "match": match,
                    "url": f"https://www.last.fm/music/{_plus(artist)}/_/{_plus(title)}",
                    "streamable": {"#text": "0", "fulltrack": "0"},
                    "duration": 215,
                    "artist": {"name": artist, "mbid": "", "url": f"https://www.last.fm/music/{_plus(artist)}"},
                    "image": _image(),
                }
                for artist, title, match in data.similar_tracks[key]
            ]
            return {"similartracks": {"track": items, "@attr": {"artist": key[0]}}}
        if method == "tag.gettoptracks":
            tag = q.get("tag", "").lower()
            rows = data.tag_tracks.get(tag, [])
            items = [
                {
                    "name": title,
                    "duration": "0",
                    "mbid": "",
                    "url": f"https://www.last.fm/music/{_plus(artist)}/_/{_plus(title)}",
                    "streamable": {"#text": "0", "fulltrack": "0"},
                    "artist": {"name": artist, "mbid": "", "url": f"https://www.last.fm/music/{_plus(artist)}"},
                    "image": _image(),
                    "@attr": {"rank": str(i + 1)},
                }
                for i, (artist, title) in enumerate(rows)
            ]
            attr = {"tag": tag, "page": "1", "perPage": "50", "totalPages": "1", "total": str(len(items))}
            return {"tracks": {"track": items, "@attr": attr}}
        if method == "artist.gettoptags":
            artist = q.get("artist", "").lower()
            if artist not in data.artist_tags:
                return error(6, "The artist you supplied could not be found")
            tags = [{"count": c, "name": n, "url": f"https://www.last.fm/tag/{n}"} for n, c in data.artist_tags[artist]]
            return {"toptags": {"tag": tags, "@attr": {"artist": artist}}}
        if method == "user.gettopartists":
            user = q.get("user", "").lower()
            if user not in data.user_artists:
                return error(6, "User not found")
            items = [
                {
                    "streamable": "0",
                    "image": _image(),
                    "mbid": "",
                    "url": f"https://www.last.fm/music/{_plus(name)}",
                    "playcount": str(plays),
                    "@attr": {"rank": str(i + 1)},
                    "name": name,
                }
                for i, (name, plays) in enumerate(data.user_artists[user])
            ]
            attr = {"user": user, "totalPages": "1", "page": "1", "total": str(len(items)), "perPage": "50"}
            return {"topartists": {"artist": items, "@attr": attr}}
        return error(3, "Invalid Method - No method with that name in this package")

    service.routes["/2.0/"] = handle
    return service


# -- ListenBrainz ----------------------------------------------------------------------------------------------------


@dataclass
class Recording:
    mbid: str
    title: str
    artist: str
    artist_mbid: str
    year: int | None = 2001
    length: int | None = 215000


@dataclass
class ListenBrainzData:
    """seed artist mbid -> [(similar artist mbid, name, [recordings])]; tag -> [recording mbids]."""

    radio: dict[str, list[tuple[str, str, list[Recording]]]] = field(default_factory=dict)
    tags: dict[str, list[str]] = field(default_factory=dict)
    recordings: dict[str, Recording] = field(default_factory=dict)
    remaining: int = 100


def listenbrainz(data: ListenBrainzData) -> FakeService:
    """api.listenbrainz.org: LB Radio (artist, tags) and recording metadata; X-RateLimit-* on every answer."""
    service = FakeService("listenbrainz")
    service.headers = {"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": str(data.remaining)}
    service.headers["X-RateLimit-Reset-In"] = "10"

    async def radio(request: web.Request) -> Any:
        mbid = request.path.rsplit("/", 1)[-1]
        if request.query.get("mode") not in ("easy", "medium", "hard"):
            return web.json_response({"code": 400, "error": "mode must be easy, medium or hard"}, status=400)
        if mbid not in data.radio:
            return web.json_response({"code": 400, "error": f"Artist {mbid} not found"}, status=400)
        out: dict[str, Any] = {
            mbid: [
                {
                    "recording_mbid": "00000000-0000-0000-0000-00000000000a",
                    "similar_artist_mbid": mbid,
                    "similar_artist_name": "Seed",
                    "total_listen_count": 99,
                }
            ]
        }
        for artist_mbid, name, recordings in data.radio[mbid]:
            out[artist_mbid] = [
                {
                    "recording_mbid": r.mbid,
                    "similar_artist_mbid": artist_mbid,
                    "similar_artist_name": name,
                    "total_listen_count": 500 - i,
                }
                for i, r in enumerate(recordings)
            ]
        return out

    async def tags(request: web.Request) -> Any:
        tag = request.query.get("tag", "")
        if "pop_begin" not in request.query or "pop_end" not in request.query:
            return web.json_response({"code": 400, "error": "pop_begin and pop_end are required"}, status=400)
        return [
            {"recording_mbid": m, "percent": 90 - i, "source": "recording", "tag_count": 5}
            for i, m in enumerate(data.tags.get(tag, []))
        ]

    async def metadata(request: web.Request) -> Any:
        wanted = [m.strip() for m in request.query.get("recording_mbids", "").split(",") if m.strip()]
        out = {}
        for mbid in wanted:
            rec = data.recordings.get(mbid)
            if rec is None:
                continue
            out[mbid] = {
                "recording": {"name": rec.title, "length": rec.length, "rels": []},
                "artist": {
                    "name": rec.artist,
                    "artist_credit_id": 1,
                    "artists": [{"artist_mbid": rec.artist_mbid, "name": rec.artist, "join_phrase": ""}],
                },
                "release": {"name": "An Album", "year": rec.year, "mbid": "0" * 8 + "-0000-0000-0000-" + "0" * 12},
            }
        return out

    service.routes["/1/lb-radio/artist/*"] = radio
    service.routes["/1/lb-radio/tags"] = tags
    service.routes["/1/metadata/recording/"] = metadata
    return service


# -- Deezer ----------------------------------------------------------------------------------------------------------


@dataclass
class DeezerData:
    """artists: name -> (id, fans); related: id -> [names]; tracks: (artist, title) -> [(title, link id, preview)]."""

    artists: dict[str, tuple[int, int]] = field(default_factory=dict)
    related: dict[int, list[str]] = field(default_factory=dict)
    tracks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    quota: bool = False


def deezer_track(
    track_id: int, title: str, artist: str, *, preview: str | None = None, rank: int = 500000
) -> dict[str, Any]:
    """One track object as /search returns it."""
    return {
        "id": track_id,
        "readable": True,
        "title": title,
        "title_short": title,
        "title_version": "",
        "link": f"https://www.deezer.com/track/{track_id}",
        "duration": 215,
        "rank": rank,
        "explicit_lyrics": False,
        "preview": preview if preview is not None else f"https://cdnt-preview.dzcdn.net/api/1/1/a/b/c/{track_id}.mp3",
        "md5_image": "abc",
        "artist": {"id": 27, "name": artist, "link": "https://www.deezer.com/artist/27", "type": "artist"},
        "album": {"id": 302127, "title": "Discovery", "type": "album"},
        "type": "track",
    }


def deezer(data: DeezerData) -> FakeService:
    """api.deezer.com: search, artist search, related artists; errors in-band with HTTP 200."""
    service = FakeService("deezer")

    def artist_obj(name: str) -> dict[str, Any]:
        artist_id, fans = data.artists.get(name.lower(), (9999, 1))
        return {
            "id": artist_id,
            "name": name,
            "link": f"https://www.deezer.com/artist/{artist_id}",
            "nb_album": 3,
            "nb_fan": fans,
            "radio": True,
            "type": "artist",
        }

    async def search(request: web.Request) -> Any:
        if data.quota:
            return {"error": {"type": "Exception", "message": "Quota limit exceeded", "code": 4}}
        hits = data.tracks.get(request.query.get("q", ""), [])
        return {"data": hits, "total": len(hits)}

    async def search_artist(request: web.Request) -> Any:
        q = request.query.get("q", "").lower()
        hits = [artist_obj(name) for name in data.artists if q and (q in name or name in q)]
        return {"data": hits, "total": len(hits)}

    async def related(request: web.Request) -> Any:
        artist_id = int(request.path.split("/")[2])
        if artist_id not in data.related:
            return {"error": {"type": "DataException", "message": "no data", "code": 800}}
        names = data.related[artist_id]
        return {"data": [artist_obj(n) for n in names], "total": len(names)}

    service.routes["/search"] = search
    service.routes["/search/artist"] = search_artist
    service.routes["/artist/*"] = related
    return service


# -- MusicBrainz -----------------------------------------------------------------------------------------------------


@dataclass
class MusicBrainzData:
    """artists: name -> (mbid, score, tags, [url rels]); recordings: (artist, title) -> [(mbid, score)]."""

    artists: dict[str, tuple[str, int, list[tuple[str, int]], list[str]]] = field(default_factory=dict)
    recordings: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=dict)


def musicbrainz(data: MusicBrainzData) -> FakeService:
    """musicbrainz.org/ws/2: Lucene search with scores, lookups with inc=url-rels; 404 for unknown ids."""
    service = FakeService("musicbrainz")

    def unquote(query: str, field_name: str) -> str:
        start = query.index(f'{field_name}:"') + len(field_name) + 2
        end = start
        while end < len(query) and not (query[end] == '"' and query[end - 1] != "\\"):
            end += 1
        return query[start:end].replace("\\", "")

    async def artist_search(request: web.Request) -> Any:
        if request.query.get("fmt") != "json":
            return web.Response(text="<metadata/>", content_type="application/xml")
        name = unquote(request.query.get("query", ""), "artist").lower()
        hits = []
        for known, (mbid, score, tags, _rels) in data.artists.items():
            if name in known:
                hits.append(
                    {
                        "id": mbid,
                        "type": "Group",
                        "score": score,
                        "name": known.title(),
                        "sort-name": known,
                        "tags": [{"count": c, "name": t} for t, c in tags],
                    }
                )
        return {"created": "2024-01-01T00:00:00.000Z", "count": len(hits), "offset": 0, "artists": hits}

    async def artist_lookup(request: web.Request) -> Any:
        mbid = request.path.rsplit("/", 1)[-1]
        for known, (known_mbid, _score, _tags, rels) in data.artists.items():
            if known_mbid == mbid:
                relations = [
                    {
                        "type": "free streaming",
                        "target-type": "url",
                        "direction": "forward",
                        "ended": False,
                        "url": {"id": "u", "resource": r},
                    }
                    for r in rels
                ]
                return {"id": mbid, "name": known.title(), "relations": relations, "tags": []}
        return web.json_response({"error": "Not Found", "help": "For usage, please see ..."}, status=404)

    async def recording_search(request: web.Request) -> Any:
        query = request.query.get("query", "")
        key = (unquote(query, "artist").lower(), unquote(query, "recording").lower())
        hits = [
            {
                "id": mbid,
                "score": score,
                "title": key[1].title(),
                "length": 215000,
                "artist-credit": [
                    {
                        "name": key[0].title(),
                        "artist": {"id": "0" * 8 + "-1111-1111-1111-" + "1" * 12, "name": key[0].title()},
                    }
                ],
                "first-release-date": "2001-03-07",
                "releases": [{"id": "r", "title": "Discovery"}],
            }
            for mbid, score in data.recordings.get(key, [])
        ]
        return {"created": "2024-01-01T00:00:00.000Z", "count": len(hits), "offset": 0, "recordings": hits}

    service.routes["/ws/2/artist"] = artist_search
    service.routes["/ws/2/artist/*"] = artist_lookup
    service.routes["/ws/2/recording"] = recording_search
    return service


# -- Spotify ---------------------------------------------------------------------------------------------------------


@dataclass
class SpotifyData:
    tracks: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    client_id: str = "cid"
    client_secret: str = "secret"
    expires_in: int = 3600
    tokens_issued: int = 0
    revoked: set[str] = field(default_factory=set)


def spotify_track(track_id: str, title: str, artist: str, popularity: int = 70) -> dict[str, Any]:
    return {
        "id": track_id,
        "name": title,
        "artists": [{"id": "a1", "name": artist, "external_urls": {"spotify": "https://open.spotify.com/artist/a1"}}],
        "album": {"name": "Discovery", "release_date": "2001-03-12", "release_date_precision": "day"},
        "duration_ms": 224000,
        "popularity": popularity,
        "preview_url": None,
        "external_urls": {"spotify": f"https://open.spotify.com/track/{track_id}"},
        "external_ids": {"isrc": "GBDUW0000053"},
    }


def spotify(data: SpotifyData) -> FakeService:
    """accounts.spotify.com/api/token and api.spotify.com/v1/search on one server (paths differ)."""
    import base64

    service = FakeService("spotify")

    async def token(request: web.Request) -> Any:
        form = await request.post()
        expected = base64.b64encode(f"{data.client_id}:{data.client_secret}".encode()).decode()
        if (
            request.headers.get("Authorization") != f"Basic {expected}"
            or form.get("grant_type") != "client_credentials"
        ):
            return web.json_response({"error": "invalid_client"}, status=400)
        data.tokens_issued += 1
        return {"access_token": f"tok{data.tokens_issued}", "token_type": "Bearer", "expires_in": data.expires_in}

    async def search(request: web.Request) -> Any:
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer tok") or auth.removeprefix("Bearer ") in data.revoked:
            return web.json_response({"error": {"status": 401, "message": "The access token expired"}}, status=401)
        items = data.tracks.get(request.query.get("q", ""), [])
        return {
            "tracks": {
                "href": "h",
                "items": items,
                "limit": 5,
                "next": None,
                "offset": 0,
                "previous": None,
                "total": len(items),
            }
        }

    service.routes["/api/token"] = token
    service.routes["/v1/search"] = search
    return service


# -- an OpenAI-compatible LLM ----------------------------------------------------------------------------------------


@dataclass
class LlmData:
    """user text -> the assistant's message content (a JSON string, or anything to test validation)."""

    answers: dict[str, str] = field(default_factory=dict)


def llm(data: LlmData) -> FakeService:
    """POST /v1/chat/completions in the OpenAI shape."""
    service = FakeService("llm")

    async def complete(request: web.Request) -> Any:
        body = await request.json()
        if not isinstance(body.get("messages"), list) or not body.get("model"):
            return web.json_response({"error": {"message": "model and messages are required"}}, status=400)
        text = body["messages"][-1]["content"]
        content = data.answers.get(text, json.dumps({}))
        return {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1700000000,
            "model": body["model"],
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }

    service.routes["/v1/chat/completions"] = complete
    return service


# -- wiring a provider to a fake -------------------------------------------------------------------------------------


def source_io(
    session: Any, *, clock: Any = None, retries: int = 2, metrics: Any = None, agent: str | None = None
) -> Any:
    """A SourceIO for tests: an HttpClient over `session` (ManualClock by default: back-off and Retry-After take no
    real time) and an in-memory cache on the same clock."""
    from segue.infra.cache import MemoryCache, Namespace, NamespaceConfig
    from segue.infra.http import HostPolicy, HttpClient
    from segue.providers.base import SourceIO

    clock = clock if clock is not None else ManualClock()
    sleep = clock.sleep if isinstance(clock, ManualClock) else asyncio.sleep
    http = HttpClient(
        session,
        default_policy=HostPolicy(source="test", max_retries=retries, backoff_base=0.05, total_timeout=2.0),
        clock=clock,
        sleep=sleep,
        metrics=metrics,
        agent=agent,
    )
    cache = MemoryCache({ns: NamespaceConfig(1000, 3600.0) for ns in Namespace}, clock=clock, negative_ttl=60.0)
    return SourceIO(http, cache)


@dataclass
class Wiring:
    """What a provider test connects a source with: the stand-ins it started, one aiohttp session, and a manual clock.

    `start(service)` starts a stand-in for this test; `io()` is a `source_io` over the session, on `clock` unless
    another clock is given. The `wiring` fixture closes the session, then every stand-in, when the test ends.
    """

    session: aiohttp.ClientSession
    clock: ManualClock = field(default_factory=ManualClock)
    services: list[FakeService] = field(default_factory=list)

    async def start(self, service: FakeService) -> FakeService:
        self.services.append(service)
        return await service.start()

    def io(self, *, clock: Any = None, retries: int = 2, metrics: Any = None, agent: str | None = None) -> Any:
        return source_io(
            self.session, clock=self.clock if clock is None else clock, retries=retries, metrics=metrics, agent=agent
        )


@pytest.fixture
async def wiring() -> AsyncIterator[Wiring]:
    """The one setup every provider test shares, fresh for each test (registered for all tests in tests/conftest.py)."""
    wired = Wiring(aiohttp.ClientSession())
    try:
        yield wired
    finally:
        await wired.session.close()
        for service in wired.services:
            await service.close()
