"""One tag vocabulary for tracks and artists, and the weighted tag matrices built on it.

Spotify genres and subgenres, freemusicc genres and styles and HetRec user tags all land in one vocabulary keyed
by `normalize_name` (plus a few spelling aliases), so 'hip-hop', 'Hip Hop' and 'hiphop' are one tag and a track
from one dataset can share a tag with an artist from another.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from segue.catalog.csr import CsrArrays, SparseRows
from segue.catalog.lookup import strip_apostrophes
from segue.text import normalize_name

if TYPE_CHECKING:  # the build's types only: `segue ask` opens a catalog without the importers (ftfy) it needs, and
    # without scipy (`segue.catalog.csr`); the build's functions below import scipy where they run
    import scipy.sparse as sp

    from segue.catalog.merge import Merged

MIN_TAG_USERS = 2
"""A HetRec tag must be used by this many distinct users (anywhere) to enter the vocabulary: 2,109 of 11,946."""

_ALIASES = {
    "rnb": "r and b",
    "r n b": "r and b",
    "hiphop": "hip hop",
    "synthpop": "synth pop",
    "triphop": "trip hop",
    "chillout": "chill out",
    "dnb": "drum and bass",
    "drum n bass": "drum and bass",
    "drumnbass": "drum and bass",
}

STOP_TAGS = frozenset(
    {
        "seen live",
        "favorite",
        "favorites",
        "favourite",
        "favourites",
        "my favorite",
        "my favorites",
        "albums i own",
        "love",
        "awesome",
        "amazing",
        "good",
        "cool",
        "best",
        "loved",
        "check out",
        "to listen",
        "spotify",
        "under 2000 listeners",
    }
)
"""User tags that say how someone feels about an artist, not what it sounds like ('shares tags: seen live')."""

OPINION_WORDS = frozenset(
    """
    favorite favorites favourite favourites fav favs fave faves awesome amazing great best brilliant genius
    perfect perfection masterpiece superb fantastic nice cool sick dope lol yay crap shit fuck fucking kickass
    wow omg <3 addictive legend legends legendary underrated overrated gorgeous breathtaking guilty mine my seen
    want check preferidas perfeita phoda foda merda tags mistagged
    """.replace("\n", " ").split(" ")
) - {""}
"""Words that make a tag an opinion or a listener's bookkeeping ('fucking awesome', 'best song ever', 'my fav songs',
'guilty pleasures', 'want to see live'): with them in the vocabulary, a reason read "shares tags with OutKast: lol,
smooth" and two artists matched on 'love at first listen'. Mood words ('sexy', 'catchy', 'feel good', 'makes me
cry') stay: they say how a song is heard."""

_OPINION_PHRASES = ("i love", "love it", "love at first", "i fucking love", "good stuff", "good music", "top ")
_YEAR = re.compile(r"^(?:19|20)\d\d(?: songs)?$")


def is_opinion(key: str) -> bool:
    """True for a tag key that says what a listener thinks or did, or a lone year ('2008'), not how music sounds."""
    words = key.replace("<3", " <3 ").split()
    return (
        any(w in OPINION_WORDS for w in words)
        or key.startswith(_OPINION_PHRASES)
        or key in {"3", "top"}  # '<3' normalizes to '3'
        or bool(_YEAR.match(key))
    )


PLAYLIST_LABELS: frozenset[str] = frozenset(
    label.strip()
    for label in """
    album rock|big room|classic rock|dance pop|edm|electro house|electropop|gangster rap|hard rock|hip hop|hip pop|
    indie poptimism|latin|latin hip hop|latin pop|neo soul|new jack swing|permanent wave|pop|pop edm|post-teen pop|
    progressive electro house|r&b|rap|reggaeton|rock|southern hip hop|trap|tropical|urban contemporary
    """.replace("\n", "").split("|")
) - {""}
"""The Spotify Songs playlist genres: they describe the playlist a song sat in, so an artist known only by them
has no listener tags, and its silence about a mood is no evidence against it."""

PROPAGATED_SHARE = 0.6
"""Share of a label-only artist's tag vector that comes from its co-playlist neighbours' listener tags."""

PROPAGATE_FROM = 20
"""Neighbours whose tags a label-only artist borrows (its best co-playlist neighbours that have listener tags)."""


PROPAGATE_SUPPORT = 3
"""Neighbours that must carry a tag before a label-only artist borrows it."""


def listener_columns(names: list[str]) -> NDArray[np.bool_]:
    """Per tag column: True unless it is a Spotify playlist label."""
    return np.asarray([n.strip() not in PLAYLIST_LABELS for n in names], dtype=bool)


DECADE_MIN = 0.2
"""Least listener weight on a decade tag for the artist to count as active then: a-ha '80s' 0.32, Belinda Carlisle
0.45, against stray mentions (Muse '90s' 0.10)."""
DECADE_BEGAN_BY = 5
"""An act listeners file under a decade began by its middle, as far as a 'newer' request can tell: Modern English
('80s' 0.33, songs here from a 1990 re-recording) is not newer than The Cure."""
_DECADE = re.compile(r"^(?:19)?([5-9]0)s$|^(?:20)?(00|10)s$")


def decade_start(tag: str) -> int | None:
    """The first year of a decade tag ('80s', '1980s', '00s', '2010s'), else None."""
    found = _DECADE.match(tag.strip())
    if found is None:
        return None
    if found.group(1) is not None:
        return 1900 + int(found.group(1))
    return 2000 + int(found.group(2))


def first_years(
    track_artist: NDArray[np.int32], track_year: NDArray[np.int16], artist_tags: SparseRows, names: list[str]
) -> NDArray[np.int16]:
    """Per artist, the year it began as far as the catalog can tell (0 when it cannot): its earliest song here, or
    the middle of the earliest decade listeners file it under, whichever is earlier. Songs alone date many acts
    by a reissue: Belinda Carlisle's songs here are a 2013 compilation, so 'take on me but newer' led with her."""
    n_artists = artist_tags.shape[0]
    top = np.iinfo(np.int16).max
    first = np.full(n_artists, top, dtype=np.int16)
    dated = track_year > 0
    np.minimum.at(first, track_artist[dated], track_year[dated])
    decades = [(column, start) for column, name in enumerate(names) if (start := decade_start(name)) is not None]
    began_by = np.full(artist_tags.shape[1], top, dtype=np.int16)  # per tag column: the year its decade says
    for column, start in decades:
        began_by[column] = start + DECADE_BEGAN_BY
    m = CsrArrays.of(artist_tags)
    filed = (began_by[m.indices] < top) & (m.data >= DECADE_MIN)
    np.minimum.at(first, m.row_ids()[filed], began_by[m.indices[filed]])
    first[first == top] = 0
    return first


def propagate_style(
    artist_tags: sp.csr_matrix,
    names: list[str],
    neighbors: NDArray[np.int32],
    scores: NDArray[np.float32],
    genre_like: NDArray[np.bool_],
) -> sp.csr_matrix:
    """Artist tag vectors where an artist known only by playlist labels borrows its co-playlist neighbours' style.

    Billie Eilish's songs sat in 'urban contemporary' playlists, so her labels call her r&b; the listener tags of
    the artists beside her on playlists (Lorde-like electropop, indie pop, sad) say what she sounds like. The
    borrowed vector is the neighbours' listener-tag vectors weighted by similarity, mixed `PROPAGATED_SHARE` to the
    artist's own labels; artists with any listener tag of their own keep their vector unchanged. Used for
    similarity only: a borrowed tag is a guess, not evidence that a track belongs to a genre. Only `genre_like`
    columns (styles some release or playlist files tracks under) are borrowed: 'love at first listen' and
    'female vocalists' say nothing about the borrower.
    """
    import scipy.sparse as sp

    listener = listener_columns(names)
    own_listener = np.asarray(artist_tags @ listener.astype(np.float32)).ravel() > 0
    only_listener = sp.csr_matrix(artist_tags @ sp.diags((listener & genre_like).astype(np.float32)))
    take = neighbors[:, :PROPAGATE_FROM]
    weight = np.where((take >= 0) & own_listener[np.maximum(take, 0)], scores[:, :PROPAGATE_FROM], 0.0)
    weight = weight.astype(np.float32)
    borrowers = np.flatnonzero(~own_listener & (weight.sum(axis=1) > 0))
    if borrowers.size == 0:
        return artist_tags
    rows = np.repeat(np.arange(borrowers.size), take.shape[1])
    mix = sp.csr_matrix(
        (weight[borrowers].ravel(), (rows, np.maximum(take[borrowers], 0).ravel())),
        shape=(borrowers.size, artist_tags.shape[0]),
    )
    borrowed = sp.csr_matrix(mix @ only_listener)
    # A tag only one neighbour carries is that neighbour's quirk ('<3', 'addictive'), not the borrower's style.
    carriers = mix.copy()
    carriers.data = (carriers.data > 0).astype(np.float32)
    present = only_listener.copy()
    present.data = (present.data > 0).astype(np.float32)
    support = sp.csr_matrix(carriers @ present)
    agreed = sp.csr_matrix(borrowed.multiply(support >= PROPAGATE_SUPPORT))
    borrowed = _l2_rows(agreed)
    mixed = _l2_rows(sp.csr_matrix(PROPAGATED_SHARE * borrowed + (1 - PROPAGATED_SHARE) * artist_tags[borrowers]))
    n = artist_tags.shape[0]
    keep = np.ones(n, dtype=np.float32)
    keep[borrowers] = 0.0
    place = sp.csr_matrix(
        (np.ones(borrowers.size, np.float32), (borrowers, np.arange(borrowers.size))), (n, borrowers.size)
    )
    out = sp.csr_matrix(sp.diags(keep) @ artist_tags + place @ mixed, dtype=np.float32)
    out.sort_indices()
    return out


def tag_key(label: str) -> str:
    """Vocabulary key of a raw label."""
    key = normalize_name(strip_apostrophes(label))
    return _ALIASES.get(key, key)


@dataclass(slots=True)
class TagData:
    """The vocabulary and both tag matrices."""

    names: list[str]
    keys: list[str]
    track_tags: sp.csr_matrix
    """(n_tracks, n_tags) raw weights, rows L2-normalized."""
    artist_tags: sp.csr_matrix
    """(n_artists, n_tags) TF-IDF of log(1 + weight), rows L2-normalized."""
    artist_votes: sp.csr_matrix
    """(n_artists, n_tags) how many Last.fm listeners gave the artist the tag (0 where the tag came from its songs):
    one listener's 'sad' on an artist with few tags is a large weight and little evidence."""
    counts: NDArray[np.int32]
    track_genres: list[list[str]]
    """Per track, its tag names by descending weight."""
    artist_genres: list[list[str]]
    """Per artist, up to `ARTIST_GENRES` tag names by descending raw weight (HetRec users + own tracks)."""


ARTIST_GENRES = 8


class _Vocabulary:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.spellings: list[Counter[str]] = []

    def add(self, label: str, weight: int) -> int | None:
        key = tag_key(label)
        if not key or key in STOP_TAGS or is_opinion(key):
            return None
        idx = self.index.get(key)
        if idx is None:
            idx = self.index[key] = len(self.spellings)
            self.spellings.append(Counter())
        self.spellings[idx][" ".join(label.casefold().split())] += weight
        return idx


def _l2_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    import scipy.sparse as sp

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    out: sp.csr_matrix = sp.csr_matrix(sp.diags(1.0 / norms) @ matrix, dtype=np.float32)
    out.sort_indices()
    return out


def _ranked(matrix: sp.csr_matrix, names: list[str], limit: int | None = None) -> list[list[str]]:
    """Per row, the column names by descending weight (ties in column order)."""
    out: list[list[str]] = []
    indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
    for start, end in zip(indptr[:-1].tolist(), indptr[1:].tolist(), strict=True):
        order = np.argsort(-data[start:end], kind="stable")[:limit]
        out.append([names[i] for i in indices[start:end][order].tolist()])
    return out


def build_tags(merged: Merged) -> TagData:
    """Vocabulary, track tag weights, artist TF-IDF tag vectors and per-entity genre lists."""
    import scipy.sparse as sp

    vocab = _Vocabulary()
    n_tracks, n_artists = len(merged.tracks), len(merged.artists)
    t_rows: list[int] = []
    t_cols: list[int] = []
    t_vals: list[float] = []
    for i, row in enumerate(merged.tracks):
        for label, weight in row.labels.items():
            col = vocab.add(label, weight)
            if col is not None:
                t_rows.append(i)
                t_cols.append(col)
                t_vals.append(float(weight))
    a_weight: defaultdict[tuple[int, int], float] = defaultdict(float)
    votes: defaultdict[tuple[int, int], float] = defaultdict(float)
    for (artist, label), users in merged.artist_user_tags.items():
        if merged.tag_users[label] >= MIN_TAG_USERS and (col := vocab.add(label, users)) is not None:
            a_weight[(artist, col)] += users
            votes[(artist, col)] += users
    for track, col, value in zip(t_rows, t_cols, t_vals, strict=True):
        a_weight[(merged.tracks[track].artist, col)] += value  # artists carry the genres of their tracks
    # A playlist's name ('Jazz Rap', 'Gangster Rap Deutsch') files the song, not its artist: Capital Bra on one
    # German playlist is no more a canonical German rapper than the listener-tagged Bushido.
    for i, row in enumerate(merged.tracks):
        for label, weight in row.named.items():
            if (col := vocab.add(label, weight)) is not None:
                t_rows.append(i)
                t_cols.append(col)
                t_vals.append(float(weight))

    n_tags = len(vocab.spellings)
    names = [spellings.most_common(1)[0][0] for spellings in vocab.spellings]
    keys = list(vocab.index)
    raw_tracks = sp.csr_matrix((t_vals, (t_rows, t_cols)), shape=(n_tracks, n_tags), dtype=np.float64)
    raw_tracks.sum_duplicates()
    pairs = np.array(list(a_weight), dtype=np.int64).reshape(-1, 2)
    raw_artists = sp.csr_matrix(
        (np.fromiter(a_weight.values(), dtype=np.float64, count=len(a_weight)), (pairs[:, 0], pairs[:, 1])),
        shape=(n_artists, n_tags),
    )
    raw_artists.sort_indices()

    # TF-IDF with log-damped weights: an artist's 150 'pop' playlist rows should not drown its 12 'dance pop' ones,
    # and 'rock' (thousands of artists) should count for less than 'french house' in "shares tags".
    df = np.bincount(raw_artists.indices, minlength=n_tags)
    tagged = max(1, int(np.count_nonzero(np.diff(raw_artists.indptr))))
    idf = np.log((1.0 + tagged) / (1.0 + df)) + 1.0
    tfidf = raw_artists.copy()
    tfidf.data = np.log1p(tfidf.data) * idf[tfidf.indices]

    counts = (np.bincount(raw_tracks.indices, minlength=n_tags) + df).astype(np.int32)
    voted = np.array(list(votes), dtype=np.int64).reshape(-1, 2)
    artist_votes = sp.csr_matrix(
        (np.fromiter(votes.values(), dtype=np.float32, count=len(votes)), (voted[:, 0], voted[:, 1])),
        shape=(n_artists, n_tags),
    )
    artist_votes.sort_indices()
    return TagData(
        names=names,
        keys=keys,
        track_tags=_l2_rows(raw_tracks),
        artist_tags=_l2_rows(tfidf),
        artist_votes=artist_votes,
        counts=counts,
        track_genres=_ranked(raw_tracks, names),
        artist_genres=_ranked(raw_artists, names, ARTIST_GENRES),
    )
