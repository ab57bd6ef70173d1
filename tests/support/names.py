"""An in-memory `NameResolver` built from real dataset names, for the query-parser tests.

It mirrors the real catalog's contract (exact O(1) probes on `normalize_name` keys, also without a leading "the";
fuzzy search by normalized Levenshtein; "title by artist" track look-up) without depending on the catalog build.
Names come from the Spotify Songs artists and titles, the HetRec Last.fm artists, the Spotify genres and the HetRec
tags used by at least 20 users, so everyday-word artists ("Air", "Low", "Yes", "Train") are really there.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from segue.catalog.playlist_names import name_genres
from segue.domain import NameMatch
from segue.text import artist_key, base_title, normalize_name

_SEPARATOR = re.compile(r"\s+(?:-|by)\s+", re.IGNORECASE)


class FakeNames:
    """Artists, tracks and tags held in lists, with the look-ups the parser needs."""

    def __init__(self, artists: list[str], tracks: list[tuple[str, str]], tags: list[str]) -> None:
        self.artists = list(dict.fromkeys(artists))
        self._artist_keys = [normalize_name(a) for a in self.artists]
        self._exact: dict[str, int] = {}
        for i, name in enumerate(self.artists):
            self._exact.setdefault(normalize_name(name), i)
        for i, name in enumerate(self.artists):
            self._exact.setdefault(artist_key(name), i)
        self.tracks = list(dict.fromkeys(tracks))
        self._track_keys = [base_title(t) for t, _ in self.tracks]
        self._tracks_of: dict[int, list[int]] = {}
        for t, (_, artist) in enumerate(self.tracks):
            if (a := self._exact.get(normalize_name(artist))) is not None:
                self._tracks_of.setdefault(a, []).append(t)
        self._tag_names = list(dict.fromkeys(t.lower() for t in tags))
        self._tag_keys = [normalize_name(t) for t in self._tag_names]
        self._tag_exact = {k: i for i, k in reversed(list(enumerate(self._tag_keys)))}

    @property
    def tag_names(self) -> list[str]:
        return self._tag_names

    def _artist(self, i: int, score: float) -> NameMatch:
        return NameMatch(i, f"a{i}", self.artists[i], score)

    def _track(self, i: int, score: float) -> NameMatch:
        title, artist = self.tracks[i]
        return NameMatch(i, f"t{i}", f"{title} - {artist}", score)

    def exact_artist(self, normalized_name: str) -> NameMatch | None:
        i = self._exact.get(normalized_name)
        if i is None:
            i = self._exact.get(artist_key(normalized_name))
        return None if i is None else self._artist(i, 100.0)

    def short_artist(self, normalized_name: str) -> NameMatch | None:
        return None  # no popularity here to tell the famous bearer of a name part

    def famous_title_part(self, normalized_text: str) -> NameMatch | None:
        return None  # no popularity here to tell the songs everyone knows

    def exact_tag(self, normalized_name: str) -> NameMatch | None:
        i = self._tag_exact.get(normalized_name)
        return None if i is None else NameMatch(i, f"g{i}", self._tag_names[i], 100.0)

    def artist_song(self, artist_index: int, title: str) -> NameMatch | None:
        key = base_title(title)
        found = next((t for t in self._tracks_of.get(artist_index, []) if self._track_keys[t] == key), None)
        return None if found is None else self._track(found, 100.0)

    def spotify_track(self, spotify_id: str) -> NameMatch | None:
        return None  # the datasets' names only: no Spotify ids here

    def search_artists(self, text: str, limit: int = 5) -> list[NameMatch]:
        key = normalize_name(text)
        if (exact := self.exact_artist(key)) is not None:
            return [exact]
        found = process.extract(key, self._artist_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        return [self._artist(i, float(s)) for _, s, i in found]

    def search_tags(self, text: str, limit: int = 5) -> list[NameMatch]:
        found = process.extract(normalize_name(text), self._tag_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
        return [NameMatch(i, f"g{i}", self._tag_names[i], float(s)) for _, s, i in found]

    def search_tracks(self, text: str, limit: int = 5, *, least: float = 0.0) -> list[NameMatch]:
        best: dict[int, float] = {}
        for match in _SEPARATOR.finditer(text):
            title, artist = text[: match.start()], text[match.end() :]
            a = self.exact_artist(normalize_name(artist))
            if a is None:
                continue
            for t in self._tracks_of.get(a.index, []):
                score = 0.7 * fuzz.ratio(base_title(title), self._track_keys[t]) + 30.0
                best[t] = max(best.get(t, 0.0), score)
        if not best:
            found = process.extract(base_title(text), self._track_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=60)
            best = {i: float(s) for _, s, i in found}
        ranked = sorted(((i, s) for i, s in best.items() if s >= least), key=lambda item: -item[1])[:limit]
        return [self._track(i, round(s, 2)) for i, s in ranked]


@cache
def load_fake(data_dir: Path) -> FakeNames:
    """The fake built from the shared datasets (read once per test session)."""
    artists: list[str] = []
    tracks: list[tuple[str, str]] = []
    tags: list[str] = []
    with (data_dir / "spotify-songs" / "spotify_songs.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            artists.append(row["track_artist"])
            tracks.append((row["track_name"], row["track_artist"]))
            tags.extend((row["playlist_genre"], row["playlist_subgenre"], *name_genres(row["playlist_name"])))
    hetrec = data_dir / "hetrec2011-lastfm-2k"
    for line in (hetrec / "artists.dat").read_text(encoding="utf-8").splitlines()[1:]:
        artists.append(line.split("\t")[1])
    tag_names: dict[str, str] = {}
    for line in (hetrec / "tags.dat").read_text(encoding="latin-1").splitlines()[1:]:
        tag_id, _, value = line.partition("\t")
        tag_names[tag_id] = value
    users: Counter[str] = Counter()
    for line in (hetrec / "user_taggedartists.dat").read_text(encoding="utf-8").splitlines()[1:]:
        users[tag_names[line.split("\t")[2]]] += 1
    tags.extend(tag for tag, n in users.most_common() if n >= 20)
    return FakeNames([a for a in artists if a.strip()], [t for t in tracks if all(t)], [t for t in tags if t])
