"""Films, series and games read by the acts on their soundtracks (`segue.engine.query.screen`)."""

from __future__ import annotations

from segue.engine.query.screen import SCORE_TITLES, SCREEN_MUSIC, screen_title


def test_a_title_is_read_with_or_without_soundtrack_words() -> None:
    for typed in ("stranger things", "the stranger things soundtrack", "soundtrack of stranger things"):
        assert screen_title(typed) == "stranger things", typed
        assert "Kate Bush" in SCREEN_MUSIC[typed]
    assert screen_title("movies by tarantino") == "tarantino"


def test_a_title_that_is_also_a_word_needs_a_word_saying_it_is_a_film() -> None:
    """'songs for a long drive' and 'like the matrix' (an artist) are not the films."""
    for word in ("drive", "twilight", "the matrix"):
        assert screen_title(word) is None, word
    assert screen_title("drive soundtrack") == "drive"
    assert screen_title("the matrix soundtrack") == "the matrix"
    assert screen_title("synthwave") is None


def test_a_scored_title_is_read_as_film_scores() -> None:
    """'the interstellar soundtrack' is Zimmer's score, not the songs filed under 'soundtrack'."""
    for typed in (
        "the interstellar soundtrack",
        "lotr music",
        "skyrim ost",
        "game of thrones",
        "the witcher 3 soundtrack",
    ):
        assert typed in SCORE_TITLES, typed
        assert screen_title(typed) is None, typed  # no film's songs: its acts are the score composers'
    for word in ("dune", "halo", "avatar", "inception"):  # words, songs and bands too
        assert word not in SCORE_TITLES, word
    assert "halo soundtrack" in SCORE_TITLES
