"""Which user tags say how music sounds, and which say what a listener thinks of it."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from segue.catalog.tags import decade_start, first_years, is_opinion, tag_key


@pytest.mark.parametrize(
    "label",
    [
        "fucking awesome",
        "Love at first listen",
        "<3",
        "best song ever",
        "my fav songs",
        "guilty pleasures",
        "2008",
        "1981 songs",
        "want to see live",
        "lol",
        "top 40",
        "Favorite Songs",
        "best of 2008",
        "top",
    ],
)
def test_opinions_and_bookkeeping_are_not_style(label: str) -> None:
    assert is_opinion(tag_key(label))


@pytest.mark.parametrize(
    "label",
    [
        "80s",
        "feel good",
        "makes me cry",
        "sexy",
        "love songs",
        "new wave",
        "female vocalists",
        "post-rock",
        "catchy",
        "dirty south",
        "albums",
    ],
)
def test_styles_moods_and_eras_stay(label: str) -> None:
    assert not is_opinion(tag_key(label))


@pytest.mark.parametrize(
    ("tag", "start"),
    [("80s", 1980), ("1980s", 1980), ("50s", 1950), ("00s", 2000), ("2000s", 2000), ("2010s", 2010), ("90s pop", None),
     ("808s", None), ("1981", None), ("oldies", None)],
)  # fmt: skip
def test_decade_tags_are_read_as_their_first_year(tag: str, start: int | None) -> None:
    assert decade_start(tag) == start


def test_an_act_listeners_file_under_a_decade_began_in_it_whatever_its_reissues_say() -> None:
    """Belinda Carlisle's songs here are a 2013 compilation; 'take on me but newer' took her for a new act."""
    names = ["pop", "80s", "90s"]
    tags = sp.csr_matrix(
        np.array(
            [
                [0.5, 0.45, 0.15],  # reissued 80s act: '80s' strong, '90s' a stray mention
                [0.5, 0.0, 0.1],  # a stray '90s' says nothing
                [0.5, 0.3, 0.0],  # an 80s act whose first song here is older than the decade's middle
                [0.5, 0.0, 0.0],  # no songs, no decade: unknown
            ],
            dtype=np.float32,
        )
    )
    track_artist = np.array([0, 0, 1, 2], dtype=np.int32)
    track_year = np.array([2013, 0, 2004, 1982], dtype=np.int16)
    assert first_years(track_artist, track_year, tags, names).tolist() == [1985, 2004, 1982, 0]
