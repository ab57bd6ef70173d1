"""Acts credited in a title ('feat. Drake') are found by every word of their name after a credit word."""

from __future__ import annotations

from segue.engine.credits import TitleCredits


class _Titles:
    """The one catalog read `TitleCredits` makes: whole titles as search keys, in track order."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    def full_title_keys(self) -> list[str]:
        return self.keys


def _credits(keys: list[str]) -> TitleCredits:
    return TitleCredits(_Titles(keys))  # type: ignore[arg-type]


def test_a_featured_act_is_found_after_the_credit_word() -> None:
    credits = _credits(["no guidance feat drake", "drake", "one dance", "god s plan ft drake", "hotline bling"])
    assert sorted(credits.featuring(["Drake"]).tolist()) == [0, 3]  # not the song called 'Drake'


def test_every_word_of_the_name_must_be_credited() -> None:
    credits = _credits(["one kiss with dua lipa", "lipa dance", "songs featuring the weeknd", "with lana"])
    assert credits.featuring(["Dua Lipa"]).tolist() == [0]
    assert credits.featuring(["The Weeknd"]).tolist() == [2]
    assert credits.featuring(["Lana Del Rey"]).tolist() == []  # 'del' and 'rey' are credited nowhere


def test_a_title_opening_on_with_credits_nobody() -> None:
    """'With or Without You' names no act."""
    assert _credits(["with or without you"]).featuring(["You"]).tolist() == []


def test_no_names_no_tracks() -> None:
    assert _credits(["a feat b"]).featuring([]).size == 0
