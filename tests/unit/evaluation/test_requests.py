"""The realistic-request scoring on the known-answer catalog, and the shape of the request file itself."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from segue.domain import Answer
from segue.engine.service import RecommendationService
from segue.evaluation.requests import (
    CATEGORIES,
    SPLITS,
    Request,
    evaluate_requests,
    load_requests,
    mean_jaccard,
)
from support.bot import make_service
from support.catalog import FakeCatalog

REQUESTS = Path(__file__).resolve().parents[2] / "data" / "realistic_requests.json"
REQUIRED = ("id", "text", "category", "count", "accept_artists", "split")


def request(text: str, *, category: str = "scene", count: int = 3, **lists: list[str]) -> Request:
    return Request.from_dict(
        {"id": f"{category}-x", "text": text, "category": category, "count": count, "split": "dev"}
        | {"accept_artists": lists.get("accept", []), "accept_tags": lists.get("tags", [])}
        | {"reject_artists": lists.get("reject", [])}
    )


async def test_accepts_by_name_or_catalog_tag_and_never_a_rejected_artist() -> None:
    cat = FakeCatalog.build()
    asked = [
        request("folk", tags=["acoustic"]),  # every folk artist carries the 'acoustic' tag
        request("metal", accept=["Volt"]),  # a right genre, but none of the accepted names
        request("metal", accept=["Anvil", "Forge", "Hammer"], reject=["Anvil"]),
    ]
    report = await evaluate_requests(make_service(cat), cat, asked)
    folk, wrong, mixed = report.outcomes
    assert (folk.returned, folk.acceptable, folk.passed) == (3, 3, True)
    assert (wrong.acceptable, wrong.passed) == (0, False)
    anvil = sum(1 for a in mixed.artists if a == "Anvil")
    assert anvil > 0, "the fake answers 'metal' with Anvil first; the rejection needs it"
    assert (mixed.rejected, mixed.acceptable) == (anvil, mixed.returned - anvil)


class SilentService:
    """An engine that stops short and says nothing (what the scorer must catch); the real one now always says."""

    def __init__(self, inner: RecommendationService) -> None:
        self.inner = inner

    async def ask(self, text: str, *, count: int | None = None) -> Answer:
        answer = await self.inner.ask(text, count=count)
        if answer.results:
            return replace(answer, results=answer.results[:3], notes=())
        return answer


async def test_short_answers_count_only_without_a_note_and_empty_answers_are_counted() -> None:
    cat = FakeCatalog.build()
    asked = [
        request("electronic", count=20, accept=["Volt"]),  # stops at 3 and says nothing
        request("like Zorblax", category="typo", accept=["Volt"]),  # nothing, but the answer says why
    ]
    report = await evaluate_requests(SilentService(make_service(cat)), cat, asked)  # type: ignore[arg-type]
    silent, explained = report.outcomes
    assert 0 < silent.returned < 20
    assert silent.short_without_note
    assert (explained.empty, explained.noted, explained.short_without_note) == (True, True, False)
    rows = {r.category: r for r in report.rows()}
    assert (rows["scene"].short_without_note, rows["scene"].empty) == (1, 0)
    assert (rows["typo"].empty, rows["typo"].passed) == (1, 0)
    assert rows["all"].requests == 2


async def test_report_renders_every_category_row_and_the_mood_overlap() -> None:
    cat = FakeCatalog.build()
    asked = [request("calm", category="mood", tags=["folk"]), request("energetic", category="mood", tags=["metal"])]
    report = await evaluate_requests(make_service(cat), cat, asked)
    text = report.markdown("segue eval-requests --split dev")
    assert "| mood | 2 |" in text
    assert "| all | 2 |" in text
    assert report.mood_overlap is not None
    assert 0.0 <= report.mood_overlap <= 1.0
    assert json.loads(json.dumps(report.to_dict()))["categories"][0]["category"] == "mood"


def test_distinct_artists_are_scaled_to_ten_results() -> None:
    from segue.evaluation.requests import Outcome

    outcome = Outcome(request("x", accept=["A"]), ("A", "A", "B", "The C"), ("1", "2", "3", "4"), 0, 0)
    assert outcome.distinct_per_10 == pytest.approx(7.5)


def test_mean_jaccard_is_the_mean_over_pairs() -> None:
    assert mean_jaccard([{"a", "b"}, {"b", "c"}, {"d"}]) == pytest.approx((1 / 3 + 0 + 0) / 3)
    assert mean_jaccard([{"a"}]) is None


def test_load_requests_keeps_dev_unless_told_and_refuses_bad_entries(tmp_path: Path) -> None:
    entry: dict[str, Any] = {"text": "t", "category": "vague", "count": 10, "accept_artists": ["A"]}
    path = tmp_path / "r.json"
    path.write_text(
        json.dumps({"requests": [entry | {"id": "a", "split": "dev"}, entry | {"id": "b", "split": "heldout"}]})
    )
    assert [r.id for r in load_requests(path)] == ["a"]
    assert [r.id for r in load_requests(path, "heldout")] == ["b"]
    assert [r.id for r in load_requests(path, "all")] == ["a", "b"]
    with pytest.raises(ValueError, match="split"):
        load_requests(path, "test")
    path.write_text(json.dumps({"requests": [entry | {"id": "c", "split": "dev", "category": "weird"}]}))
    with pytest.raises(ValueError, match="c: unknown category"):
        load_requests(path, "all")


def test_the_request_file_is_complete_and_every_category_has_both_splits() -> None:
    raw = json.loads(REQUESTS.read_text(encoding="utf-8"))["requests"]
    assert len(raw) >= 150
    assert len({r["id"] for r in raw}) == len(raw)
    for entry in raw:
        assert all(key in entry for key in REQUIRED), entry.get("id")
        assert entry["category"] in CATEGORIES, entry["id"]
        assert entry["split"] in SPLITS, entry["id"]
        assert isinstance(entry["count"], int), entry["id"]
        assert entry["count"] >= 1, entry["id"]
        assert len(entry["accept_artists"]) >= 5 or entry.get("accept_tags"), entry["id"]
        assert not set(entry["accept_artists"]) & set(entry.get("reject_artists", [])), entry["id"]
    per_category = Counter(r["category"] for r in raw)
    heldout = Counter(r["category"] for r in raw if r["split"] == "heldout")
    for category in CATEGORIES:
        assert per_category[category] >= 8, category
        assert 0 < heldout[category] < per_category[category], category
        assert 0.2 <= heldout[category] / per_category[category] <= 0.4, category
    assert len(load_requests(REQUESTS, "all")) == len(raw)


def test_the_command_refuses_an_unknown_split_before_opening_anything() -> None:
    import typer
    from typer.testing import CliRunner

    from segue.cli import requests as command

    app = typer.Typer()
    command.register(app)
    app.command("other")(lambda: None)  # two commands, so typer keeps the command name
    result = CliRunner().invoke(app, ["eval-requests", "--split", "test"])
    assert result.exit_code == 2
    assert "Unknown split" in result.output


async def test_a_report_names_the_request_file_it_was_asked_from() -> None:
    """Set K's file got a section headed 'Realistic requests' over realistic_requests.json, replacing that one."""
    cat = FakeCatalog.build()
    report = await evaluate_requests(make_service(cat), cat, [request("calm", category="mood", tags=["folk"])])
    assert "## Realistic requests" in report.markdown("x")
    other = report.markdown("x", "tests/data/thin_seed_requests.json")
    assert other.startswith("## Requests of thin_seed_requests.json")
    assert "split of tests/data/thin_seed_requests.json" in other
