"""Merge the imported datasets into one list of artists and one list of tracks.

One artist is one `artist_key` across Spotify, freemusicc and HetRec. One track is one (artist, normalized title):
the same recording filed in several playlists, or released as a single and on an album, is one track whose genre
counts add up; a remix, live or edit version has a different normalized title and stays its own track (the engine
groups versions with `base_title` when it de-duplicates answers).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TypedDict

import numpy as np
from numpy.typing import NDArray

from segue.catalog.importers import NO_FEATURES, FmcTrack, HetrecData, SpotifyTrack
from segue.catalog.layout import ARTIST_SOURCES, SOURCES
from segue.catalog.lookup import search_key
from segue.text import artist_key, base_title, fold, stable_id

SPOTIFY, FREEMUSICC = SOURCES.index("spotify-songs"), SOURCES.index("freemusicc")
_BIT = {name: 1 << i for i, name in enumerate(ARTIST_SOURCES)}


def name_key(name: str) -> str:
    """`artist_key`, falling back to the folded text for names made only of punctuation ('!!!', ':(')."""
    return artist_key(name) or "~" + " ".join(fold(name).split())


def title_key(title: str) -> str:
    """Normalized title without apostrophes (also the lookup key), with a fallback for all-punctuation titles."""
    return search_key(title)


@dataclass(slots=True)
class TrackRow:
    """One merged track while the catalog is being built."""

    id: str
    title: str
    key: str
    base: str
    artist: int
    album: str | None
    year: int | None
    duration_ms: int | None
    popularity: int | None
    features: tuple[float, ...]
    source: int
    external_id: str | None = None
    license: str | None = None
    mp3_url: str | None = None
    compilation: bool = False
    labels: Counter[str] = field(default_factory=Counter)
    """Raw genre/tag label -> weight (playlist count for Spotify, 1 per release label for freemusicc)."""
    playlists: set[str] = field(default_factory=set)
    """Spotify playlist ids the song sat in (any of its releases)."""
    named: Counter[str] = field(default_factory=Counter)
    """Genres its playlists' names state: the song's tags, never its artist's (see `playlist_names`)."""


@dataclass(slots=True)
class ArtistTable:
    """Artists keyed by `name_key`; the display name is the best-attested spelling."""

    keys: list[str] = field(default_factory=list)
    sources: list[int] = field(default_factory=list)
    _index: dict[str, int] = field(default_factory=dict)
    _votes: list[Counter[str]] = field(default_factory=list)

    def add(self, name: str, source: str, vote: int) -> int:
        key = name_key(name)
        idx = self._index.get(key)
        if idx is None:
            idx = self._index[key] = len(self.keys)
            self.keys.append(key)
            self.sources.append(0)
            self._votes.append(Counter())
        self.sources[idx] |= _BIT[source]
        self._votes[idx][name] += vote
        return idx

    def names(self) -> list[str]:
        # Counter.most_common keeps first-inserted order on ties, so the choice is deterministic.
        return [votes.most_common(1)[0][0] for votes in self._votes]

    def __len__(self) -> int:
        return len(self.keys)


_LINE_UP = re.compile(r"^(.+?) and (?:the|his|her|their) \S.*$")
"""'bob marley and the wailers', 'tom petty and the heartbreakers', 'duke ellington and his orchestra' (keys)."""


def artist_families(keys: list[str]) -> NDArray[np.int32]:
    """Per artist, the artist whose line-up it is ('Bob Marley & The Wailers' -> 'Bob Marley'), else itself.

    Only the '& The ...' / '& His ...' forms, and only when the leader is a catalog artist of its own with a name
    of two words or more: 'Simon & Garfunkel' is a duo, 'The Head and the Heart' not Head's band. A family is one
    artist to the engine: never similar to itself.
    """
    index = {key: i for i, key in enumerate(keys)}
    family = np.arange(len(keys), dtype=np.int32)
    for i, key in enumerate(keys):
        line_up = _LINE_UP.match(key)
        # A one-word leader is usually another act ('Christine and the Queens' is not Christine's line-up).
        leader = index.get(line_up.group(1)) if line_up and " " in line_up.group(1) else None
        if leader is not None:
            family[i] = leader
    return family


@dataclass(slots=True)
class Listening:
    """HetRec listening merged onto catalog artists: one entry per (user, artist) with summed play counts."""

    user: NDArray[np.int32]
    artist: NDArray[np.int32]
    plays: NDArray[np.float64]
    n_users: int


@dataclass(slots=True)
class Merged:
    """Everything the later build steps need, in catalog index order."""

    artists: ArtistTable
    artist_names: list[str]
    tracks: list[TrackRow]
    listening: Listening
    artist_user_tags: dict[tuple[int, str], int]
    """(artist index, raw HetRec tag) -> number of distinct users who assigned it."""
    tag_users: Counter[str]
    """Raw HetRec tag -> number of distinct users who used it anywhere (for the vocabulary cut)."""
    hetrec_artist: dict[int, int]
    """HetRec artist id -> catalog artist index (several HetRec spellings can share one artist)."""
    dropped: Counter[str] = field(default_factory=Counter)


class _Identity(TypedDict):
    """The fields that identify a track row; the same for every dataset."""

    id: str
    title: str
    key: str
    base: str
    artist: int


def _slot(
    tracks: list[TrackRow], index: dict[tuple[int, str], int], artists: ArtistTable, artist: int, title: str
) -> tuple[int | None, _Identity]:
    """The existing row for (artist, normalized title), or None plus the identity fields of a new row."""
    key = title_key(title)
    existing = index.get((artist, key))
    if existing is None:
        index[(artist, key)] = len(tracks)
    identity = _Identity(
        id=stable_id("t", artists.keys[artist], key), title=title, key=key, base=base_title(title) or key, artist=artist
    )
    return existing, identity


def _add_spotify(
    tracks: list[TrackRow], index: dict[tuple[int, str], int], artists: ArtistTable, src: SpotifyTrack
) -> None:
    existing, identity = _slot(tracks, index, artists, artists.add(src.artist, "spotify-songs", 1000), src.title)
    if existing is None:
        tracks.append(
            TrackRow(
                **identity,
                album=src.album,
                year=src.year,
                duration_ms=src.duration_ms,
                popularity=src.popularity,
                features=src.features,
                source=SPOTIFY,
                external_id=src.track_id,
                labels=Counter(src.genres),
                playlists=set(src.playlists),
                named=Counter(src.named),
            )
        )
        return
    row = tracks[existing]
    row.labels.update(src.genres)
    row.playlists |= src.playlists
    row.named.update(src.named)
    if src.year is not None and (row.year is None or src.year < row.year):
        row.year = src.year  # the earliest release is the song's year
    if (src.popularity or 0) > (row.popularity or 0):
        # The most popular release is the one people know: its id, album and measured features represent the song.
        row.popularity, row.external_id, row.album = src.popularity, src.track_id, src.album
        row.features, row.duration_ms, row.title = src.features, src.duration_ms, src.title


def _add_fmc(tracks: list[TrackRow], index: dict[tuple[int, str], int], artists: ArtistTable, src: FmcTrack) -> None:
    existing, identity = _slot(tracks, index, artists, artists.add(src.artist, "freemusicc", 1), src.title)
    if existing is None:
        tracks.append(
            TrackRow(
                **identity,
                album=src.album,
                year=src.year,
                duration_ms=src.duration_ms,
                popularity=None,
                features=NO_FEATURES,
                source=FREEMUSICC,
                license=src.license,
                mp3_url=src.mp3_url,
                compilation=src.compilation,
                labels=Counter(src.genres),
            )
        )
        return
    row = tracks[existing]
    row.labels |= src.genres
    if row.source != FREEMUSICC:
        if row.mp3_url is None:
            # The artist also released this song under a CC license: keep Spotify's metadata, add the free file.
            row.license, row.mp3_url = src.license, src.mp3_url
    elif row.compilation and not src.compilation:
        # Prefer the artist's own release over a label compilation for album, year, license and file.
        row.album, row.year, row.license, row.mp3_url = src.album, src.year, src.license, src.mp3_url
        row.compilation, row.duration_ms = False, src.duration_ms


def _add_hetrec(artists: ArtistTable, hetrec: HetrecData, dropped: Counter[str]) -> tuple[dict[int, int], Listening]:
    listeners = Counter(hetrec.listen_artist.tolist())
    hetrec_artist = {
        hid: artists.add(name, "hetrec2011-lastfm-2k", 1 + listeners.get(hid, 0))
        for hid, name in hetrec.artist_names.items()
    }
    lookup = np.full(max(hetrec_artist, default=0) + 1, -1, dtype=np.int64)
    for hid, idx in hetrec_artist.items():
        lookup[hid] = idx
    known = hetrec.listen_artist < len(lookup)
    known[known] = lookup[hetrec.listen_artist[known]] >= 0
    dropped["hetrec listens of unknown artists"] += int((~known).sum())
    users, user_idx = np.unique(hetrec.listen_user[known], return_inverse=True)
    artist_idx = lookup[hetrec.listen_artist[known]]
    # Several HetRec spellings ('Lady Gaga', 'Lady Gaga feat. Beyoncé') are one artist: sum their plays per user.
    pair = user_idx.astype(np.int64) * (len(artists) + 1) + artist_idx
    pairs, inverse = np.unique(pair, return_inverse=True)
    plays = np.bincount(inverse, weights=hetrec.listen_plays[known].astype(np.float64)).astype(np.float64)
    listening = Listening(
        user=(pairs // (len(artists) + 1)).astype(np.int32),
        artist=(pairs % (len(artists) + 1)).astype(np.int32),
        plays=plays,
        n_users=len(users),
    )
    return hetrec_artist, listening


MOCKERY = re.compile(r"\b(?:cocksucker|mierda|puta|mamada|crap|worst|overrated|awful)\b")
"""A tag that insults the artist. The same listener's other tags on that artist are mockery too: one Last.fm user
filed Calle 13, Reik and Juan Gabriel under 'brutal death metal', 'emo' and 'gay' beside 'cocksucker', which made
Calle 13 an emo act and latin pop an answer to "brutal death metal". Only insults of the artist count ('fucking
awesome' is praise), and only that listener's tags on that artist are left out."""


def _user_tags(
    hetrec: HetrecData, hetrec_artist: dict[int, int], dropped: Counter[str]
) -> tuple[dict[tuple[int, str], int], Counter[str]]:
    given: defaultdict[tuple[int, int], list[str]] = defaultdict(list)
    for user, hid, tid in zip(
        hetrec.tag_user.tolist(), hetrec.tag_artist.tolist(), hetrec.tag_tag.tolist(), strict=True
    ):
        artist = hetrec_artist.get(hid)
        tag = hetrec.tag_names.get(tid)
        if artist is None or tag is None:
            dropped["hetrec tag assignments of unknown artists or tags"] += 1
            continue
        given[(user, artist)].append(tag)
    users_per_pair: defaultdict[tuple[int, str], set[int]] = defaultdict(set)
    users_per_tag: defaultdict[str, set[int]] = defaultdict(set)
    for (user, artist), tags in given.items():
        if any(MOCKERY.search(tag) for tag in tags):
            dropped["hetrec tags of a listener who insulted the artist"] += len(tags)
            continue
        for tag in tags:
            users_per_pair[(artist, tag)].add(user)
            users_per_tag[tag].add(user)
    return (
        {pair: len(users) for pair, users in users_per_pair.items()},
        Counter({tag: len(users) for tag, users in users_per_tag.items()}),
    )


def merge(spotify: list[SpotifyTrack], fmc: list[FmcTrack], hetrec: HetrecData) -> Merged:
    """Artists and tracks of all datasets, merged; indices are deterministic for the same input files."""
    artists = ArtistTable()
    tracks: list[TrackRow] = []
    index: dict[tuple[int, str], int] = {}
    dropped: Counter[str] = Counter()
    for s in spotify:
        _add_spotify(tracks, index, artists, s)
    hetrec_artist, listening = _add_hetrec(artists, hetrec, dropped)
    for f in fmc:
        _add_fmc(tracks, index, artists, f)
    artist_user_tags, tag_users = _user_tags(hetrec, hetrec_artist, dropped)
    return Merged(
        artists=artists,
        artist_names=artists.names(),
        tracks=tracks,
        listening=listening,
        artist_user_tags=artist_user_tags,
        tag_users=tag_users,
        hetrec_artist=hetrec_artist,
        dropped=dropped,
    )
