"""Famous songs by part of their title: runs of the title, the best-known song per part, only songs everyone knows."""

from __future__ import annotations

import numpy as np

from segue.catalog.title_parts import FAMOUS_ARTIST, FAMOUS_SONG, title_parts


def _parts(titles: list[str], popularity: list[float], renown: list[float]) -> dict[str, int]:
    return title_parts(titles, np.asarray(popularity, dtype=np.float32), np.asarray(renown, dtype=np.float32))


def test_runs_of_a_famous_title_name_it_and_the_whole_title_is_left_to_the_search() -> None:
    parts = _parts(["Smells Like Teen Spirit - 2009 Remaster", "Stairway to Heaven"], [0.8, 0.7], [0.9, 0.9])
    assert parts["teen spirit"] == 0
    assert parts["smells like teen"] == 0
    assert parts["stairway"] == 1  # a distinctive first word alone
    assert "smells like teen spirit" not in parts
    assert "heaven" not in parts  # a last word alone names nothing


def test_parts_of_everyday_words_alone_are_not_kept() -> None:
    parts = _parts(["Love The Way You Lie"], [0.9], [0.95])
    assert "the way" not in parts
    assert "way you lie" in parts


def test_the_best_known_song_keeps_a_shared_part() -> None:
    parts = _parts(["Sweet Child O' Mine", "Sweet Child Of Mine (Cover)"], [0.9, 0.65], [0.9, 0.9])
    assert parts["sweet child"] == 0


def test_songs_few_know_are_not_indexed() -> None:
    quiet = _parts(["Smells Like Teen Spirit"], [FAMOUS_SONG - 0.1], [0.95])
    unknown_act = _parts(["Smells Like Teen Spirit"], [0.9], [FAMOUS_ARTIST - 0.1])
    unmeasured = _parts(["Smells Like Teen Spirit"], [float("nan")], [0.95])
    assert quiet == unknown_act == unmeasured == {}
