"""Text normalization: accent folding, name keys and base titles."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from segue.text import _normalized, artist_key, base_title, display_title, fold, normalize_name, song_key


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
    # A spaced plus joins a name as 'and' does: one act with 'Florence and the Machine' (a songless twin before).
    assert artist_key("Florence + The Machine") == artist_key("Florence and the Machine")
    assert artist_key("Dan + Shay") == artist_key("Dan & Shay")
    assert artist_key("Prozac+") == "prozac"  # an unspaced plus is the name's own
    assert base_title("Bohemian Rhapsody - Remastered 2011") == "bohemian rhapsody"
    assert base_title("Creep (Live)") == "creep"
    assert base_title("Live Forever") == "live forever"
    # A re-recording is the song too ('songs like take me home country roads' missed John Denver's 'Rerecorded').
    assert base_title("Take Me Home, Country Roads - Rerecorded") == "take me home country roads"
    assert base_title("I Ran (So Far Away) - Re-Recorded") == "i ran so far away"
    assert base_title("Summer Love - Recorded at Spotify Studios NYC") == "summer love"
    assert base_title("Unrecorded Love") == "unrecorded love"


@given(st.text(alphabet="aZ09 _-&\t\u00e9.'\u200b", max_size=12) | st.text(max_size=12))
def test_plain_words_take_the_short_way_to_the_same_key(text: str) -> None:
    assert normalize_name.__wrapped__(text) == _normalized(text)


def test_durations_and_latencies_read_the_same_in_every_status_view() -> None:
    from segue.text import duration, milliseconds

    assert duration(2 * 86400 + 3 * 3600 + 4 * 60 + 5) == "2d 3h 4m"
    assert duration(2 * 86400 + 3 * 3600 + 4 * 60, minutes_after_days=False) == "2d 3h"
    assert duration(3 * 3600 + 240) == "3h 4m"
    assert duration(245.9) == "4m 5s"
    assert (milliseconds(None), milliseconds(4.25), milliseconds(1234.4)) == ("-", "4.2 ms", "1,234 ms")


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Somebody That I Used To Know - 4FRNT Remix", "somebody that i used to know"),
        ("Titanium (Alesso Remix)", "titanium"),
        ("Get Lucky - Daft Punk Remix", "get lucky"),
        ("Back to Black - Edit", "back to black"),
        ("Song - 2011 Remaster", "song"),
        # 'Paint It, Black' came twice in one answer: the second version's label opens with a bracket and a word.
        ("Paint It, Black - (Original Single Mono Version)", "paint it black"),
        ("Just Can't Get Enough - 2006 Digital Remaster", "just can t get enough"),
        ("Roses Are Red - Original Version", "roses are red"),
        ("Original Sin", "original sin"),
        ("Single Ladies (Put a Ring on It)", "single ladies put a ring on it"),
        ("In The Mix", "in the mix"),  # a title that merely contains the word
        ("Remix", "remix"),
    ],
)
def test_a_song_and_its_remixes_share_one_key(title: str, key: str) -> None:
    assert song_key(title) == key


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Hey Jude - Remastered 2009", "Hey Jude"),
        ("Paint It, Black - Mono", "Paint It, Black"),
        ("The Kids Are Alright - Mono/Stereo Version", "The Kids Are Alright"),
        ("Song - 2011 Remaster", "Song"),
        ("Bohemian Rhapsody - 2011 Mix", "Bohemian Rhapsody"),  # 'sounds like Bohemian Rhapsody - 2011 Mix'
        ("Come Together - 2019 Stereo Mix", "Come Together"),
        ("Strobe - Club Mix", "Strobe - Club Mix"),
        ("Creep - Live", "Creep - Live"),  # a different recording keeps its name
        ("Strobe - Radio Edit", "Strobe - Radio Edit"),
        ("Remastered", "Remastered"),
    ],
)
def test_a_title_in_a_sentence_drops_only_reissue_labels(title: str, shown: str) -> None:
    assert display_title(title) == shown
