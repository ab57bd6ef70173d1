"""The one interface every live music source implements, and the plain, source-neutral results they return.

A source declares what it can do (`capabilities`) and whether it is configured (`enabled`); the hub only calls a
method a source declares. Results are frozen dataclasses that know nothing of the API they came from, cleaned on
the way in: placeholder names ("[unknown]"), zero-match items, unusable URLs and control characters never get this
far. `SourceIO` is what the HTTP sources share: the one `HttpClient`, the cache, and cache keys scoped by source
and base URL, so a test server never shares entries with the real service.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, ClassVar, Generic, Literal, TypeVar

from segue.domain import Novelty
from segue.errors import ProviderError
from segue.infra.cache import NOT_FOUND, Cache, Loaded, Namespace, Sentinel, cache_key
from segue.infra.http import HttpClient
from segue.text import artist_key, base_title, normalize_name, strip_control

T = TypeVar("T")
Json = Any
Loader = Callable[[], Awaitable[Json | Literal[Sentinel.NOT_FOUND]]]


class Capability(StrEnum):
    """What a source can be asked."""

    SIMILAR_ARTISTS = "similar_artists"
    SIMILAR_TRACKS = "similar_tracks"
    ARTIST_RADIO = "artist_radio"
    """Tracks by artists similar to a seed (ListenBrainz radio)."""
    TAG_TRACKS = "tag_tracks"
    ARTIST_TAGS = "artist_tags"
    USER_TOP_ARTISTS = "user_top_artists"
    SEARCH = "search"
    """Find one track by title and artist (for its direct link and preview)."""
    FIND_SONG = "find_song"
    """Whose song a title alone is ('master of puppets': Metallica), for a song the catalog lacks."""
    PREVIEW = "preview"
    IDS = "ids"
    """MusicBrainz ids for names."""
    LINKS = "links"
    """Streaming URLs for an artist or recording."""
    INTERPRET = "interpret"
    """Free text to a structured request (an LLM)."""


@dataclass(frozen=True, slots=True)
class SourceUrls:
    """Where a track lives on each service; None where unknown."""

    spotify: str | None = None
    deezer: str | None = None
    preview: str | None = None
    """A 30 s clip, never a full track."""
    lastfm: str | None = None
    youtube: str | None = None
    mbid: str | None = None
    """MusicBrainz recording id."""

    def merged(self, other: SourceUrls) -> SourceUrls:
        """Ours where known, else the other's."""
        return SourceUrls(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def to_json(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceUrls:
        return cls(**{f.name: data.get(f.name) for f in fields(cls) if isinstance(data.get(f.name), str)})


@dataclass(frozen=True, slots=True)
class SourceTrack:
    """One recording as a source reported it."""

    title: str
    artists: tuple[str, ...]
    album: str | None = None
    year: int | None = None
    duration_ms: int | None = None
    urls: SourceUrls = field(default_factory=SourceUrls)
    popularity: float | None = None
    """0..1 within the source (Deezer rank, Spotify popularity, ListenBrainz listens); a hint, not a scale."""
    match: float | None = None
    """The source's similarity to the seed, 0..1, where it gives one."""
    source: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """(artist key, base title): one identity across sources and the catalog."""
        return track_key(self.artists[0] if self.artists else "", self.title)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "artists": list(self.artists),
            "album": self.album,
            "year": self.year,
            "duration_ms": self.duration_ms,
            "urls": self.urls.to_json(),
            "popularity": self.popularity,
            "match": self.match,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceTrack:
        return cls(
            title=str(data["title"]),
            artists=tuple(str(a) for a in data.get("artists") or ()),
            album=data.get("album"),
            year=data.get("year"),
            duration_ms=data.get("duration_ms"),
            urls=SourceUrls.from_json(data.get("urls") or {}),
            popularity=data.get("popularity"),
            match=data.get("match"),
            source=str(data.get("source") or ""),
        )


@dataclass(frozen=True, slots=True)
class SourceArtist:
    """One artist as a source reported it."""

    name: str
    mbid: str | None = None
    match: float | None = None
    url: str | None = None
    source_id: str | None = None
    """The source's own id (a Deezer artist id), for follow-up calls."""
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "mbid": self.mbid,
            "match": self.match,
            "url": self.url,
            "source_id": self.source_id,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceArtist:
        return cls(
            name=str(data["name"]),
            mbid=data.get("mbid"),
            match=data.get("match"),
            url=data.get("url"),
            source_id=data.get("source_id"),
            source=str(data.get("source") or ""),
        )


@dataclass(frozen=True, slots=True)
class SourceTag:
    """A tag with the source's weight for it (0..100 on Last.fm, a vote count on MusicBrainz)."""

    name: str
    weight: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "weight": self.weight}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SourceTag:
        return cls(name=str(data["name"]), weight=float(data.get("weight") or 0.0))


@dataclass(frozen=True, slots=True)
class Fetched(Generic[T]):
    """What one source call gave: the items, and whether the cache served them (so answers can say so)."""

    items: tuple[T, ...] = ()
    cached: bool = False
    found: bool = True
    """False when the source has no such thing (unknown artist, nothing tagged so): an answer, not an outage."""


class MusicSource(ABC):
    """A live music source. Methods a source does not declare in `capabilities` are never called."""

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[Capability]]

    @property
    @abstractmethod
    def enabled(self) -> bool:
        """True when configured (a key where the service needs one, or switched on where it needs none)."""

    def supports(self, capability: Capability) -> bool:
        """Enabled and able to do this."""
        return self.enabled and capability in self.capabilities

    async def similar_artists(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceArtist]:
        """Artists like `artist`, most similar first."""
        raise NotImplementedError(f"{self.name} has no similar_artists")

    async def similar_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        """Tracks like one track, most similar first."""
        raise NotImplementedError(f"{self.name} has no similar_tracks")

    async def artist_radio(
        self, artist: str, *, limit: int, deadline: float, mbid: str | None = None, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceTrack]:
        """Tracks by artists like `artist`."""
        raise NotImplementedError(f"{self.name} has no artist_radio")

    async def tag_tracks(
        self, tag: str, *, limit: int, deadline: float, novelty: Novelty = Novelty.BALANCED
    ) -> Fetched[SourceTrack]:
        """Top tracks carrying a tag (a genre or mood word)."""
        raise NotImplementedError(f"{self.name} has no tag_tracks")

    async def artist_tags(self, artist: str, *, deadline: float) -> Fetched[SourceTag]:
        """An artist's tags, strongest first."""
        raise NotImplementedError(f"{self.name} has no artist_tags")

    async def user_top_artists(
        self, user: str, *, limit: int, deadline: float, period: str = "6month"
    ) -> Fetched[SourceArtist]:
        """A listener's most played artists on this service."""
        raise NotImplementedError(f"{self.name} has no user_top_artists")

    async def search_tracks(self, title: str, artist: str, *, limit: int, deadline: float) -> Fetched[SourceTrack]:
        """This very track on this service (best match first), with its direct link and preview where offered."""
        raise NotImplementedError(f"{self.name} has no search_tracks")

    async def find_song(self, title: str, *, deadline: float) -> Fetched[SourceTrack]:
        """The best known recording titled exactly `title`, by whoever sang it; not found when `title` is also the
        exact name of an artist this source knows (a name typed alone is an artist first)."""
        raise NotImplementedError(f"{self.name} has no find_song")

    async def artist_ids(self, artist: str, *, deadline: float) -> Fetched[SourceArtist]:
        """The artist's MusicBrainz id (best match first)."""
        raise NotImplementedError(f"{self.name} has no artist_ids")


class SourceIO:
    """What every HTTP source shares: the one client, the cache, TTLs, and cache keys scoped by source + base URL."""

    def __init__(
        self,
        http: HttpClient,
        cache: Cache,
        *,
        ttl: float | None = None,
        negative_ttl: float | None = None,
    ) -> None:
        self.http = http
        self.cache = cache
        self.ttl = ttl
        self.negative_ttl = negative_ttl

    async def cached(
        self,
        source: str,
        base_url: str,
        operation: str,
        loader: Loader,
        *parts: str,
        namespace: str = Namespace.SOURCES,
        ttl: float | None = None,
        **params: str | int | float | bool | None,
    ) -> Loaded[Json]:
        """The loader's JSON-shaped value through the cache: single-flight, and NOT_FOUND remembered briefly."""
        key = cache_key(source, base_url, operation, *parts, **params)
        return await self.cache.get_or_load(
            namespace, key, loader, ttl=self.ttl if ttl is None else ttl, negative_ttl=self.negative_ttl
        )


def fetched(loaded: Loaded[Json], parse: Callable[[Mapping[str, Any]], T]) -> Fetched[T]:
    """Cached JSON rows back to typed items."""
    rows = loaded.value if isinstance(loaded.value, list) else []
    return Fetched(tuple(parse(r) for r in rows), cached=loaded.cached, found=loaded.found)


def rows_or_not_found(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | Literal[Sentinel.NOT_FOUND]:
    """An empty answer is cached as "nothing there" (the shorter negative TTL), so it is asked again sooner."""
    return rows if rows else NOT_FOUND


# -- cleaning what sources send ------------------------------------------------------------------------------------

PLACEHOLDER_NAMES = frozenset(
    {"unknown", "unknown artist", "no artist", "anonymous", "various artists", "various", "va", "none", "null", "n a"}
)
"""Normalized names that stand for "nobody in particular" ('[unknown]', 'Various Artists', '[no artist]')."""

PLACEHOLDER_MBIDS = frozenset(
    {
        "125ec42a-7229-4250-afc5-e057484327fe",  # [unknown]
        "89ad4ac3-39f7-470e-963a-56509c546377",  # Various Artists
        "f731ccc4-e22a-43af-a747-64213329e088",  # [anonymous]
        "33cf029c-63b0-41a0-9855-be2a3665fb3b",  # [data]
        "314e1c25-dde7-4e4d-b2f4-0a7b9f7c56dc",  # [dialogue]
        "eec63d3c-3b81-4ad4-b1e4-7c147d4d2b61",  # [no artist]
        "9be7f096-97ec-4615-8957-8d40b5dcbc41",  # [traditional]
    }
)
"""MusicBrainz's special-purpose artists: real ids for placeholder credits."""

_MBID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"^(\d{4})")
MAX_NAME = 200


def clean_text(value: object, *, max_len: int = MAX_NAME) -> str | None:
    """A display string from untrusted data: control characters out, whitespace collapsed, empty or overlong None."""
    if not isinstance(value, str):
        return None
    text = _SPACES.sub(" ", strip_control(value)).strip()
    if not text or len(text) > max_len:
        return None
    return text


def clean_artist(value: object) -> str | None:
    """An artist name, or None for placeholders ('[unknown]', 'Various Artists') and junk."""
    text = clean_text(value)
    if text is None or normalize_name(text) in PLACEHOLDER_NAMES or not normalize_name(text):
        return None
    return text


def clean_title(value: object) -> str | None:
    """A track title, or None for placeholders and junk."""
    text = clean_text(value)
    if text is None or normalize_name(text) in {"unknown", "untitled", "unknown track", ""}:
        return None
    return text


def clean_mbid(value: object) -> str | None:
    """A lowercase MusicBrainz id, or None (also for the special-purpose placeholder artists)."""
    if not isinstance(value, str):
        return None
    text = value.strip().lower()
    return text if _MBID.match(text) and text not in PLACEHOLDER_MBIDS else None


def is_placeholder_mbid(value: object) -> bool:
    """True for the ids of '[unknown]', 'Various Artists' and the other special-purpose artists."""
    return isinstance(value, str) and value.strip().lower() in PLACEHOLDER_MBIDS


def clean_url(value: object, *, hosts: tuple[str, ...] = ()) -> str | None:
    """An http(s) URL without whitespace, optionally only on the given hosts (and their subdomains)."""
    text = clean_text(value, max_len=500)
    if text is None or " " in text or not text.startswith(("https://", "http://")):
        return None
    if hosts:
        host = text.split("/", 3)[2].split(":")[0].lower()
        if not any(host == h or host.endswith("." + h) for h in hosts):
            return None
    return text


def to_float(value: object) -> float | None:
    """A finite float from a number or numeric string ('0.93'), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if number == number and abs(number) != float("inf") else None


def to_int(value: object) -> int | None:
    """An int from a number or numeric string, else None."""
    number = to_float(value)
    return int(number) if number is not None else None


def year_of(value: object) -> int | None:
    """The year of '2001-03-12', '2001' or 2001, when plausible."""
    if isinstance(value, int) and not isinstance(value, bool):
        year = value
    elif isinstance(value, str) and (m := _YEAR.match(value.strip())):
        year = int(m.group(1))
    else:
        return None
    return year if 1900 <= year <= 2100 else None


def as_list(value: object) -> list[Any]:
    """A JSON list, where a single item may come bare (Last.fm's XML-to-JSON turns one-element lists into objects)."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and value and "#text" not in value:
        return [value]
    return []


def obj(value: object) -> dict[str, Any]:
    """A JSON object, or an empty one for anything else (a missing or mistyped nested field)."""
    return value if isinstance(value, dict) else {}


def unit(value: float | None) -> float | None:
    """Clamp into 0..1."""
    return None if value is None else max(0.0, min(1.0, value))


def track_key(artist: str, title: str) -> tuple[str, str]:
    """(artist key, base title): the identity used to match items across sources and the catalog."""
    return artist_key(artist), base_title(title)


def malformed(source: str, what: str) -> ProviderError:
    """The error for a 2xx answer whose JSON is not the documented shape."""
    return ProviderError(f"{source} sent an unexpected answer: {what}", source=source)
