"""Which user tags say how music sounds, and which say what a listener thinks of it."""

from __future__ import annotations

import pytest

from segue.catalog.tags import is_opinion, tag_key


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
