"""Western acts typed in Cyrillic letters are looked up in Latin letters, and only a close match to a well-known act
is taken ('квин' is nearer Kevin than Queen)."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from segue.domain import NameMatch
from segue.engine.query.cyrillic import latin_names

_ACTS = {"Metallica": 0.97, "Billie Eilish": 0.97, "Linkin Park": 0.98, "Kevin": 0.49, "Eminem": 0.97}


def _search(text: str, limit: int) -> Sequence[NameMatch]:
    scored = sorted(
        (
            NameMatch(i, f"a{i}", name, fuzz.WRatio(text, name.lower()), renown)
            for i, (name, renown) in enumerate(_ACTS.items())
        ),
        key=lambda m: -m.score,
    )
    return scored[:limit]


_WORDS = frozenset({"песни", "типа", "для", "качалки", "как", "лучшие", "парк", "но", "потяжелее"})


def test_a_well_known_act_spelled_in_cyrillic_is_its_latin_name() -> None:
    assert latin_names("Эминем для качалки", _search, _WORDS) == "Eminem для качалки"
    assert latin_names("что-то типа Билли Айлиш", _search, _WORDS) == "что-то типа Billie Eilish"
    # a request word inside the name ('парк') does not cut it, and a case ending comes off ('Металлики')
    assert latin_names("типа Линкин Парк", _search, _WORDS) == "типа Linkin Park"
    assert latin_names("как у Металлики но потяжелее", _search, _WORDS) == "как у Metallica но потяжелее"


def test_a_near_name_of_a_little_known_act_is_left_as_typed() -> None:
    assert latin_names("квин лучшие песни", _search, _WORDS) == "квин лучшие песни"


def test_text_without_cyrillic_is_untouched() -> None:
    calls: list[str] = []

    def search(text: str, limit: int) -> Sequence[NameMatch]:
        calls.append(text)
        return []

    assert latin_names("songs like Metallica", search, _WORDS) == "songs like Metallica"
    assert latin_names("песни для качалки", search, _WORDS) == "песни для качалки"
    assert calls == []
