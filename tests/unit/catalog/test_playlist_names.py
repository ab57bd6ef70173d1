"""Genres a playlist's name states become its songs' tags (never its artists')."""

from __future__ import annotations

import pytest

from segue.catalog.playlist_names import name_genres, name_uses


@pytest.mark.parametrize(
    ("name", "genres"),
    [
        ("Saxophone in Hip Hop - R&B Lounge - Jazz Rap", ["lounge", "jazz rap"]),
        ("City Pop 1985 シティーポップ", ["city pop", "japanese"]),
        ("K-Party Dance Mix", ["k-pop"]),
        ("K-Crazy Michioso Tunes", ["k-pop"]),
        ("Lofi Hip-Hop", ["lo-fi hip hop"]),
        ("Lo-Fi Beats", ["lo-fi"]),
        ("Lush Lofi", ["lo-fi"]),
        ("Sad Trap", ["sad trap"]),
        ("Gangster Rap Deutsch", []),
        ("Trapperz Brasil", []),
        ("Best of 2019 Dance Pop: Japan", ["japanese"]),
        ("Gothic / Industrial / Mittelalter / EBM / Futurepop", []),  # a list of genres files no song under each
        ("House/Electro/Progressive/Disco/Lofi/Synthwave", []),
        ("Japanese Funk/Soul/NEO/Jazz/Acid", ["japanese"]),
        ("Hot Latino Mix (Latin, Hip Hop, Rap, RnB, Dancehall, Reggeaton, Afro)", []),
        ("Southern Rock/Classic Rock", []),
    ],
)
def test_a_name_states_the_genres_it_spells_out(name: str, genres: list[str]) -> None:
    assert name_genres(name) == genres


@pytest.mark.parametrize(
    "name",
    [
        "Todo Éxitos",
        "Big Room Beast",
        "2020 Hits & 2019  Hits – Top Global Tracks 🔥🔥🔥",
        "BALLARE - رقص",
        "",
        "Kpopular",
    ],
)
def test_branding_years_and_moods_state_nothing(name: str) -> None:
    assert name_genres(name) == []


def test_what_the_subgenre_field_gives_is_not_counted_twice() -> None:
    assert name_genres("Trap Nation") == []
    assert name_genres("Reggaeton Classics") == []
    assert name_genres("Neo-Soul Essentials") == ["soul"]  # the subgenre says neo soul; the name adds soul


def test_words_inside_other_words_do_not_match() -> None:
    assert name_genres("Soulful Nights") == []
    assert name_genres("Funky Town") == []
    assert name_genres("Afrobeats") == []


@pytest.mark.parametrize(
    ("name", "uses"),
    [
        ("Hard Rock Workout", ["workout"]),
        ("Gym (Melbourne Bounce/Progressive House)", ["workout"]),
        ("Fitness Workout Electro | House | Dance | Progressive House", ["workout"]),  # a genre list, still a workout
        ("Classic Rock Drive", ["road trip"]),
        ("Southern Soul BBQ Mix", []),  # one curator's cookout is no season: it was 4-5 of every 10 summer songs
        ("keg party jukebox", ["party"]),
        ("Rock Ballads 80s 90s | Best Rock Love Songs 80's 90's Music Hits", ["love songs"]),
        ("Soulful Nights", []),
        ("Sad Trap", []),  # the genre 'sad trap', not every song to cry to
    ],
)
def test_a_name_states_what_its_songs_are_for(name: str, uses: list[str]) -> None:
    assert name_uses(name) == uses


def test_a_keyword_list_states_no_use() -> None:
    """Search bait: 'Summer 2020' and 'Sing Alongs' among eleven other words say nothing about the songs."""
    name = "Charts 2020 🔥Top 2020🔥Hits 2020🔥Summer 2020🔥Pop 2020🔥Popular Music🔥Clean Pop 2020🔥Sing Alongs"
    assert name_uses(name) == []
