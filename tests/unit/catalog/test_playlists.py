"""Co-playlist neighbours and the style label-only artists borrow from them (segue.catalog.neighbors / tags)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np
import scipy.sparse as sp

from segue.catalog.merge import TrackRow
from segue.catalog.neighbors import playlist_neighbors
from segue.catalog.tags import propagate_style


def _track(artist: int, *playlists: str) -> TrackRow:
    return TrackRow(
        id=f"t{artist}-{'-'.join(playlists)}",
        title="x",
        key="x",
        base="x",
        artist=artist,
        album=None,
        year=None,
        duration_ms=None,
        popularity=None,
        features=(),
        source=0,
        labels=Counter(),
        playlists=set(playlists),
    )


def test_artists_sharing_focused_playlists_are_closer_than_chart_neighbours() -> None:
    # 0 and 1 share two focused playlists; 0 and 2 share only the chart playlist everybody is on.
    tracks = [
        _track(0, "westcoast", "primer", "chart"),
        _track(1, "westcoast", "primer", "chart"),
        _track(2, "chart", "pop"),
        _track(3, "chart", "pop"),
        _track(4, "nothing-shared"),
    ]
    ids, scores = playlist_neighbors(tracks, 6, np.zeros(6, np.float32), k=3)
    assert ids[0, 0] == 1
    row = dict(zip(ids[0].tolist(), scores[0].tolist(), strict=True))
    assert row[1] > row.get(2, 0.0)
    assert ids[4, 0] == -1  # alone on its playlist: no neighbours
    assert ids[5, 0] == -1  # on no playlist at all
    assert 0 not in ids[0].tolist()  # never its own neighbour


def test_a_playlist_holding_many_of_an_artists_songs_says_more_than_a_chart_playlist() -> None:
    # 0 has twelve songs on the focused 'urban' playlist, beside 1 (four songs there); on each of three chart
    # playlists, 0 sits beside 2 with one song. Counted once per playlist, the three charts outvoted the focused one.
    tracks = [replace(_track(0, "urban"), id=f"a{i}") for i in range(12)]
    tracks += [replace(_track(1, "urban"), id=f"b{i}") for i in range(4)]
    for chart in ("chart-a", "chart-b", "chart-c"):
        tracks += [_track(0, chart), _track(2, chart), replace(_track(3, chart), id=f"{chart}-3")]
    ids, scores = playlist_neighbors(tracks, 4, np.zeros(4, np.float32), k=3)
    row = dict(zip(ids[0].tolist(), scores[0].tolist(), strict=True))
    assert ids[0, 0] == 1
    assert row[1] > row[2]


def _csr(rows: list[dict[int, float]], n_cols: int) -> sp.csr_matrix:
    data = [(r, c, v) for r, row in enumerate(rows) for c, v in row.items()]
    r, c, v = zip(*data, strict=True)
    return sp.csr_matrix((v, (r, c)), shape=(len(rows), n_cols), dtype=np.float32)


def test_a_label_only_artist_borrows_the_tags_its_neighbours_agree_on() -> None:
    names = ["rap", "west coast", "conscious hip hop", "<3 quirk"]
    genre_like = np.array([True, True, True, False])
    tags = _csr(
        [
            {0: 1.0},  # 0: known only by the playlist label 'rap'
            {0: 0.5, 1: 0.8, 2: 0.3},
            {1: 0.9, 2: 0.4, 3: 0.9},
            {1: 0.7, 3: 0.2},
            {2: 1.0},  # 4: own listener tags, never changed
        ],
        4,
    )
    neighbors = np.array([[1, 2, 3, 4], [0, 2, 3, -1], [1, 3, -1, -1], [1, 2, -1, -1], [1, -1, -1, -1]], np.int32)
    scores = np.array([[0.9, 0.8, 0.7, 0.6], [0.9, 0.5, 0.4, 0], [0.8, 0.5, 0, 0], [0.7, 0.6, 0, 0], [0.5, 0, 0, 0]])
    style = propagate_style(tags, names, neighbors, scores.astype(np.float32), genre_like)
    borrowed = style[0].toarray().ravel()
    assert borrowed[1] > 0  # 'west coast': three neighbours carry it
    assert borrowed[2] > 0  # 'conscious hip hop': three neighbours carry it
    assert borrowed[3] == 0  # a quirk tag is not a style, whoever carries it
    assert borrowed[0] > 0  # its own label stays part of it
    for artist in range(1, 5):  # artists with listener tags of their own keep their vector
        assert np.allclose(style[artist].toarray(), tags[artist].toarray())


def test_a_tag_only_one_neighbour_carries_is_not_borrowed() -> None:
    names = ["rap", "west coast", "drill"]
    tags = _csr([{0: 1.0}, {1: 1.0, 2: 0.2}, {1: 1.0}, {1: 1.0}], 3)
    neighbors = np.array([[1, 2, 3], [-1, -1, -1], [-1, -1, -1], [-1, -1, -1]], np.int32)
    scores = np.array([[0.9, 0.8, 0.7], [0, 0, 0], [0, 0, 0], [0, 0, 0]], np.float32)
    style = propagate_style(tags, names, neighbors, scores, np.ones(3, bool))
    assert style[0, 1] > 0
    assert style[0, 2] == 0


def test_a_line_up_belongs_to_its_leader_when_the_leader_is_an_artist_of_its_own() -> None:
    from segue.catalog.merge import artist_families, name_key

    names = [
        "Bob Marley",
        "Bob Marley & The Wailers",
        "Tom Petty and the Heartbreakers",  # no 'Tom Petty' of his own: its own family
        "Christine",
        "Christine and the Queens",  # a one-word 'leader' is another act
        "Simon & Garfunkel",  # a duo, not a line-up
        "Simon",
    ]
    family = artist_families([name_key(n) for n in names]).tolist()
    assert family == [0, 0, 2, 3, 4, 5, 6]
