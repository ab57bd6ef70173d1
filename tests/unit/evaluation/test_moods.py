"""The constraint checks behind `segue eval-moods`: a request's own count, splits, per-language rows, and the shape
of the language query file (issue 15)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from segue.domain import Track
from segue.evaluation.moods import MoodReport, QueryCheck, QueryOutcome, language_markdown, language_rows, load_checks
from support.languages import ROWED_LANGUAGES

LANGUAGES = Path(__file__).resolve().parents[2] / "data" / "language_queries.json"


def _track(year: int = 1985) -> Track:
    return Track(id="t1", title="Song", artists=("Band",), artist_ids=("a1",), year=year, genres=("rock",))


def test_a_request_with_a_count_fails_every_track_of_an_answer_of_another_length() -> None:
    check = QueryCheck.from_dict({"text": "5 canciones de rock", "check": {"count": 5, "genres_any": ["rock"]}})
    assert check.failures(_track(), (), returned=5) == []
    assert check.failures(_track(), (), returned=10) == ["count=10"]
    no_count = QueryCheck.from_dict({"text": "rock", "check": {"genres_any": ["rock"]}})
    assert no_count.failures(_track(), (), returned=10) == []


def test_language_and_split_are_read_and_filtered(tmp_path: Path) -> None:
    path = tmp_path / "q.json"
    queries = [
        {"text": "rock de los 80", "language": "es", "split": "dev", "check": {"year": [1980, 1989]}},
        {"text": "rock des années 80", "language": "fr", "split": "heldout", "check": {"year": [1980, 1989]}},
    ]
    path.write_text(json.dumps({"queries": queries}), encoding="utf-8")
    assert [c.language for c in load_checks(path)] == ["es", "fr"]
    assert [c.text for c in load_checks(path, split="heldout")] == ["rock des années 80"]
    assert load_checks(path, split="dev")[0].failures(_track(1979), (), returned=10) == ["year=1979"]


def test_each_language_and_split_gets_its_own_row_beside_english() -> None:
    english = MoodReport((QueryOutcome("sad songs", 10, 9, ()),))
    other = MoodReport(
        (
            QueryOutcome("canciones tristes", 10, 10, (), "es", "dev", "es"),
            QueryOutcome("rock de los 80", 10, 5, ("x",), "es", "dev", None),
            QueryOutcome("traurige Lieder", 0, 0, (), "de", "heldout"),
        )
    )
    rows = {(r["language"], r["split"]): r for r in language_rows(english, other)}
    assert rows["en", "all"]["share"] == 0.9
    assert rows["es", "dev"]["share"] == 0.75
    assert rows["de", "heldout"]["empty"] == 1
    text = language_markdown(english, other, "segue eval-moods")
    assert "| es | dev | 2 | 20 | 15 | 75.0% | 0 | 1 |" in text
    assert "rock de los 80" in text


def test_the_language_file_has_forty_checked_requests_per_language_and_a_held_out_quarter() -> None:
    raw = json.loads(LANGUAGES.read_text(encoding="utf-8"))["queries"]
    per = Counter(q["language"] for q in raw)
    assert set(per) == ROWED_LANGUAGES
    assert min(per.values()) >= 40
    for language, total in per.items():
        held = sum(1 for q in raw if q["language"] == language and q["split"] == "heldout")
        assert 0.2 <= held / total <= 0.3, language
    assert all(q["check"] for q in raw)
    # A text may recur across languages ('jazz suave' is Spanish and Portuguese), never within one.
    assert len({(q["language"], q["text"]) for q in raw}) == len(raw)
