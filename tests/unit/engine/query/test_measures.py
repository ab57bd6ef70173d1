"""Measured bounds in requests: a song's length ('under 3 minutes') and a tempo ('around 120 bpm')."""

from __future__ import annotations

import pytest

from segue.engine.query.parser import QueryParser


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("punk songs under 3 minutes", None, 180),
        ("songs under 3 min", None, 180),
        ("songs between 2 and 4 minutes", 120, 240),
        ("5 minutes or less please", None, 300),
        ("songs over 6 minutes", 360, None),
        ("nothing over 5 min", None, 300),  # a floor turned around by the negation
        ("short songs", None, 180),
        ("long songs for a road trip", 360, None),
        ("songs around 4 minutes", 210, 270),
        ("songs under 90 seconds", None, 90),
        ("long songs, 10+ minutes, prog rock", 600, None),  # was 9:30-10:30
        ("songs 5+ min", 300, None),
        ("canciones cortas de rock", None, 180),  # the other languages' short and long songs
        ("músicas curtas", None, 180),
        ("chansons courtes", None, 180),
        ("kurze Lieder zum Laufen", None, 180),
        ("canciones largas", 360, None),
        ("lange Songs", 360, None),
    ],
)
def test_a_songs_length_is_read_as_bounds_in_seconds(
    parser: QueryParser, text: str, low: int | None, high: int | None
) -> None:
    query = parser.parse(text)
    assert (query.seconds_min, query.seconds_max) == (low, high)
    assert not query.seed_artists  # 'under 3 minutes' seeded the band 3
    assert not any("min" in w or "second" in w for w in query.ignored)


def test_a_tempo_still_reads_as_a_feature_bound(parser: QueryParser) -> None:
    query = parser.parse("songs under 80 bpm")
    assert [(f.feature, f.low, f.high) for f in query.features] == [("tempo", None, 80.0)]
    assert query.seconds_max is None


def test_counts_and_lengths_side_by_side(parser: QueryParser) -> None:
    query = parser.parse("give me 5 songs under 3 min")
    assert query.count == 5
    assert query.seconds_max == 180
