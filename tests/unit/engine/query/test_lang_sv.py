"""Swedish requests, with and without å, ä and ö and in slang ('ledsna låtar', 'asså nåt superlugnt att somna
till', 'latar fran 80-talet', 'rock men ingen metal'), read as their English; compounds are split."""

from __future__ import annotations

import pytest

from segue.engine.query.lang.sv import segment
from segue.engine.query.parser import QueryParser
from support.languages import read_as_english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("ledsna låtar", "sad songs"),
        ("lugn musik att plugga till", "calm music for studying"),
        ("festlåtar till förfesten", "party songs for the pregame"),
        ("akustiska latar att chilla till, lugnt o mysigt", "acoustic songs to chill to, calm and cozy"),
        ("snabba låtar att springa till", "fast songs for running"),
    ],
)
def test_moods_and_activities_read_as_in_english(parser: QueryParser, text: str, english: str) -> None:
    query = read_as_english(parser, text, english, "sv")
    assert not query.unresolved


def test_eras_negations_counts_and_seeds(parser: QueryParser) -> None:
    assert (parser.parse("latar fran 80-talet").year_min, parser.parse("de största hitsen från 00-talet").year_max) == (
        1980,
        2009,
    )
    assert parser.parse("hiphop innan 2000").year_max == 1999
    assert parser.parse("sad songs efter 2010 typ").year_min == 2011
    assert list(parser.parse("rock men ingen metal").exclude_genres) == ["metal"]
    assert list(parser.parse("vad som helst utom pop").exclude_genres) == ["pop"]
    assert parser.parse("ge mig tio låtar att dansa till").count == 10
    assert [a.name for a in parser.parse("låtar liknande abba").seed_artists] == ["ABBA"]


def test_segment_writes_decades() -> None:
    assert segment("låtar från 80-talet") == "låtar från 80s"
    assert segment("00-talet") == "00s"
    assert segment("the talent show") == "the talent show"
