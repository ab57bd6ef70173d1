"""A song's own year, for eras: stated in its title; none for a remaster released long after its artist began."""

from __future__ import annotations

import numpy as np

from segue.catalog.years import REISSUE_GAP, song_years


def _years(titles: list[str], years: list[int], began: list[int]) -> list[int]:
    out = song_years(
        titles, np.asarray(years, dtype=np.int16), np.arange(len(titles), dtype=np.int32), np.asarray(began, np.int16)
    )
    return [int(y) for y in out]


def test_a_year_the_title_states_is_the_songs() -> None:
    """A netlabel's 2010 ragtime release: 'jazz, nothing older than 2010' was Scott Joplin."""
    assert _years(["Maple Leaf Rag (1899, Z. Brewster-Geisz version)"], [2010], [0]) == [1899]
    assert _years(["Song (2009 Mix)"], [2010], [0]) == [2010]  # a year away is the same release


def test_a_late_remaster_answers_no_era() -> None:
    """'Love Will Tear Us Apart - 2010 Remaster' was a 2010s song, 'Jump - 2004 Remaster' a 2000s one; the
    artist's start would date 'Panama - 2004 Remaster' (1984) in 1978, so none is dated."""
    titles = ["Love Will Tear Us Apart - 2010 Remaster", "Jump - 2004 Remaster", "A Little Respect (Remastered 2009)"]
    assert _years(titles, [2010, 2004, 2009], [1979, 1978, 1985]) == [0, 0, 0]


def test_a_remaster_soon_after_the_start_and_plain_songs_keep_their_year() -> None:
    start = 2000
    titles = ["Early Hit - Remastered", "Plain Song", "Undated - Remaster"]
    years = [start + REISSUE_GAP - 1, 2015, 0]
    assert _years(titles, years, [start, 1970, 1970]) == [start + REISSUE_GAP - 1, 2015, 0]
