"""`segue eval-words` counts: understood, misread and unread, from the moods a parse reads."""

from __future__ import annotations

from segue.domain import Query
from segue.evaluation.words import WordRequest, read_all


def test_readings_are_counted_by_their_moods() -> None:
    requests = [
        WordRequest("w1", "music for a thunderstorm", ("rainy", "dark"), "dev"),
        WordRequest("w2", "lazy sunday afternoon", ("chill",), "dev"),
        WordRequest("w3", "heist music", ("dark",), "dev"),
    ]
    moods = {"music for a thunderstorm": ("rainy",), "lazy sunday afternoon": ("morning",), "heist music": ()}
    readings = read_all(lambda text: Query(text=text, moods=moods[text]), requests)
    assert (readings.understood, readings.misread, readings.unread) == (1, 1, 1)
    assert readings.misreads == ("lazy sunday afternoon -> morning",)
