"""Text normalization: accent folding, name keys and base titles."""

from __future__ import annotations

import pytest

from segue.text import artist_key, base_title, fold, normalize_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("Beyoncé", "beyonce"), ("Sigur Rós", "sigur ros"), ("Mötley Crüe", "motley crue"), ("Røyksopp", "royksopp")],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_names_and_titles() -> None:
    assert normalize_name("  AC/DC ") == "ac dc"
    assert artist_key("The Beatles") == artist_key("Beatles")
    assert artist_key("Drake feat. Rihanna") == "drake"
    assert base_title("Bohemian Rhapsody - Remastered 2011") == "bohemian rhapsody"
    assert base_title("Creep (Live)") == "creep"
    assert base_title("Live Forever") == "live forever"
