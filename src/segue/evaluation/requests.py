"""Realistic request quality: does each answer hold what a music curator would accept, in the number asked for?

The requests and their accept lists live in tests/data/realistic_requests.json, written by a person before the
engine was tuned and judged by artist names and catalog tags only, never by the parser's reading of the text, so
a misread request shows up here. Only the `dev` split is asked by default: `heldout` stays unseen until the end of
tuning, or the numbers would measure how well the engine was fitted to this file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from segue.domain import Answer, Recommendation
from segue.engine.protocols import CatalogView
from segue.engine.service import RecommendationService
from segue.errors import SegueError
from segue.text import artist_key

CATEGORIES = ("artist", "track", "mood", "scene", "negation", "count", "typo", "vague", "multi", "language")
SPLITS = ("dev", "heldout")
SPLIT_CHOICES = (*SPLITS, "all")
PASS_SHARE = 0.5
"""A request passes when at least this share of its results is acceptable."""
TARGET_PASSING = 0.85
WORST_SHOWN = 15


@dataclass(frozen=True, slots=True)
class Request:
    """One request as a user types it, and what a curator would accept in its answer."""

    id: str
    text: str
    category: str
    count: int
    accept_artists: tuple[str, ...]
    accept_tags: tuple[str, ...]
    reject_artists: tuple[str, ...]
    split: str

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Request:
        """Validate one entry; a malformed file should fail loudly, not score a silent zero."""
        ident = str(raw.get("id", "?"))
        missing = [k for k in ("id", "text", "category", "count", "accept_artists", "split") if k not in raw]
        if missing:
            raise ValueError(f"request {ident}: missing {', '.join(missing)}")
        if raw["category"] not in CATEGORIES or raw["split"] not in SPLITS:
            raise ValueError(f"request {ident}: unknown category or split")
        accept = tuple(str(a) for a in raw["accept_artists"])
        tags = tuple(str(t) for t in raw.get("accept_tags", ()))
        if not accept and not tags:
            raise ValueError(f"request {ident}: nothing would be acceptable")
        return cls(
            id=ident,
            text=str(raw["text"]),
            category=str(raw["category"]),
            count=int(raw["count"]),
            accept_artists=accept,
            accept_tags=tags,
            reject_artists=tuple(str(a) for a in raw.get("reject_artists", ())),
            split=str(raw["split"]),
        )


def load_requests(path: Path, split: str = "dev") -> list[Request]:
    """The requests of one split ('dev', 'heldout' or 'all'), in file order."""
    if split not in SPLIT_CHOICES:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(SPLIT_CHOICES)}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    requests = [Request.from_dict(r) for r in raw["requests"]]
    return [r for r in requests if split == "all" or r.split == split]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one request got back, and how much of it a curator would accept."""

    request: Request
    artists: tuple[str, ...]
    """The first artist of every result, in answer order."""
    track_ids: tuple[str, ...]
    acceptable: int
    rejected: int
    notes: tuple[str, ...] = ()
    """What the answer told the user beside (or instead of) its results."""
    error: str | None = None

    @property
    def noted(self) -> bool:
        return bool(self.notes or self.error)

    @property
    def returned(self) -> int:
        return len(self.artists)

    @property
    def share(self) -> float:
        return self.acceptable / self.returned if self.returned else 0.0

    @property
    def passed(self) -> bool:
        return self.returned > 0 and self.share >= PASS_SHARE

    @property
    def empty(self) -> bool:
        return self.returned == 0

    @property
    def short_without_note(self) -> bool:
        """Fewer results than asked with nothing telling the user why: the answer looks broken."""
        return self.returned < self.request.count and not self.noted

    @property
    def distinct_per_10(self) -> float:
        """Distinct artists among the first ten results, scaled to ten (10 = no artist repeats)."""
        first = self.artists[:10]
        return len({artist_key(a) for a in first}) * 10 / len(first) if first else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.request.id,
            "text": self.request.text,
            "category": self.request.category,
            "asked": self.request.count,
            "returned": self.returned,
            "acceptable": self.acceptable,
            "rejected": self.rejected,
            "share": round(self.share, 4),
            "passed": self.passed,
            "short_without_note": self.short_without_note,
            "distinct_per_10": round(self.distinct_per_10, 2),
            "artists": list(self.artists),
            "notes": list(self.notes),
            "error": self.error,
        }


class Judge:
    """Decides whether a result's first artist is acceptable for a request, from names and catalog tags."""

    def __init__(self, catalog: CatalogView) -> None:
        self.catalog = catalog

    def _tag_ids(self, names: Sequence[str]) -> set[int | str]:
        """Catalog tag indices (or folded names for tags the catalog lacks), so spellings compare equal."""
        ids: set[int | str] = set()
        for name in names:
            index = self.catalog.tag_index(name)
            ids.add(index if index is not None else name.casefold())
        return ids

    def _artist_tags(self, rec: Recommendation) -> set[int | str]:
        if not rec.track.artist_ids:
            return set()
        index = self.catalog.artist_index(rec.track.artist_ids[0])
        return set() if index is None else self._tag_ids(self.catalog.artist(index).genres)

    def verdicts(self, request: Request, results: Sequence[Recommendation]) -> tuple[int, int]:
        """(acceptable, rejected) counts; a rejected artist is never acceptable, whatever its tags."""
        accept = {artist_key(a) for a in request.accept_artists}
        reject = {artist_key(a) for a in request.reject_artists}
        tags = self._tag_ids(request.accept_tags)
        acceptable = rejected = 0
        for rec in results:
            key = artist_key(rec.track.artists[0]) if rec.track.artists else ""
            if key in reject:
                rejected += 1
            elif key in accept or (tags and tags & self._artist_tags(rec)):
                acceptable += 1
        return acceptable, rejected


def outcome_of(request: Request, answer: Answer, judge: Judge) -> Outcome:
    """Score one answer."""
    acceptable, rejected = judge.verdicts(request, answer.results)
    return Outcome(
        request=request,
        artists=tuple(r.track.artists[0] if r.track.artists else "" for r in answer.results),
        track_ids=tuple(r.track.id for r in answer.results),
        acceptable=acceptable,
        rejected=rejected,
        notes=tuple(answer.notes),
    )


async def evaluate_requests(
    service: RecommendationService, catalog: CatalogView, requests: Sequence[Request], *, split: str = "dev"
) -> RequestsReport:
    """Ask every request with its own count, as the bot would, and score what comes back."""
    judge = Judge(catalog)
    outcomes = []
    for request in requests:
        try:
            answer = await service.ask(request.text, count=request.count)
        except SegueError as exc:  # the user sees an error message instead of music: an empty, explained answer
            outcomes.append(Outcome(request, (), (), 0, 0, error=exc.user_message))
            continue
        outcomes.append(outcome_of(request, answer, judge))
    return RequestsReport(split, tuple(outcomes))


def mean_jaccard(track_sets: Sequence[set[str]]) -> float | None:
    """Mean pairwise Jaccard overlap; moods answered with the same tracks read as one canned playlist."""
    pairs = [(a, b) for a, b in combinations(track_sets, 2) if a or b]
    if not pairs:
        return None
    return sum(len(a & b) / len(a | b) for a, b in pairs) / len(pairs)


@dataclass(frozen=True, slots=True)
class CategoryRow:
    """The per-category figures the targets are stated on."""

    category: str
    requests: int
    passed: int
    empty: int
    short_without_note: int
    distinct_per_10: float

    @property
    def passing(self) -> float:
        return self.passed / self.requests if self.requests else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "requests": self.requests,
            "passed": self.passed,
            "passing": round(self.passing, 4),
            "empty": self.empty,
            "short_without_note": self.short_without_note,
            "distinct_per_10": round(self.distinct_per_10, 2),
        }


def category_row(category: str, outcomes: Sequence[Outcome]) -> CategoryRow:
    """Aggregate one category (or all of them, under the name 'all')."""
    answered = [o for o in outcomes if not o.empty]
    return CategoryRow(
        category=category,
        requests=len(outcomes),
        passed=sum(1 for o in outcomes if o.passed),
        empty=sum(1 for o in outcomes if o.empty),
        short_without_note=sum(1 for o in outcomes if o.short_without_note),
        distinct_per_10=sum(o.distinct_per_10 for o in answered) / len(answered) if answered else 0.0,
    )


@dataclass(frozen=True, slots=True)
class RequestsReport:
    """Every outcome of one split, with the per-category rows and the mood overlap derived from them."""

    split: str
    outcomes: tuple[Outcome, ...]

    def rows(self) -> list[CategoryRow]:
        present = [c for c in CATEGORIES if any(o.request.category == c for o in self.outcomes)]
        rows = [category_row(c, [o for o in self.outcomes if o.request.category == c]) for c in present]
        return [*rows, category_row("all", self.outcomes)]

    @property
    def mood_overlap(self) -> float | None:
        return mean_jaccard([set(o.track_ids) for o in self.outcomes if o.request.category == "mood"])

    def worst(self, n: int = WORST_SHOWN) -> list[Outcome]:
        """Least acceptable first; among equals, emptier and unexplained-short answers first."""
        ranked = sorted(self.outcomes, key=lambda o: (o.share, o.returned, not o.short_without_note, o.request.id))
        return [o for o in ranked if not o.passed or o.short_without_note or o.rejected][:n]

    def to_dict(self) -> dict[str, Any]:
        overlap = self.mood_overlap
        return {
            "split": self.split,
            "requests": len(self.outcomes),
            "target_passing": TARGET_PASSING,
            "categories": [r.to_dict() for r in self.rows()],
            "mood_overlap": None if overlap is None else round(overlap, 4),
            "outcomes": [o.to_dict() for o in self.outcomes],
        }

    def markdown(self, command: str, source: str = "tests/data/realistic_requests.json") -> str:
        overlap = self.mood_overlap
        lines = [
            f"## {request_section(source)[0]}",
            "",
            f"`{command}` over the `{self.split}` split of {source} ({len(self.outcomes)} "
            "requests typed as Discord users type them). A result is acceptable when its first artist is one a "
            "curator listed for the request (or carries one of its accepted catalog tags) and is not a rejected one.",
            f"Targets: passing (at least {PASS_SHARE:.0%} of the results acceptable) >= {TARGET_PASSING:.0%} of "
            "requests, no empty answers, no answer shorter than asked without a note.",
            "",
            "| category | requests | passing | empty | short without note | distinct artists per 10 |",
            "|---|---|---|---|---|---|",
            *(
                f"| {r.category} | {r.requests} | {r.passing:.0%} | {r.empty} | {r.short_without_note} | "
                f"{r.distinct_per_10:.1f} |"
                for r in self.rows()
            ),
            "",
            "Mean pairwise Jaccard overlap of the mood requests' tracks (lower is better): "
            + ("n/a" if overlap is None else f"{overlap:.3f}"),
            "",
        ]
        return "\n".join(lines + self._worst_lines())

    def _worst_lines(self) -> list[str]:
        worst = self.worst()
        if not worst:
            return []
        lines = ["Worst requests:", "", "| id | request | asked | returned | acceptable | first artists |"]
        lines.append("|---|---|---|---|---|---|")
        for o in worst:
            shown = _cell(", ".join(o.artists[:5]) or f"(nothing) {o.error or ' '.join(o.notes)}"[:120])
            lines.append(
                f"| {o.request.id} | {_cell(o.request.text)} | {o.request.count} | {o.returned} | {o.acceptable} "
                f"| {shown} |"
            )
        return [*lines, ""]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def request_section(source: str) -> tuple[str, str]:
    """(title, marker) of the EVALUATION.md section a request file's report keeps: the realistic set's own, or one
    named after the file, so another file's report never replaces it."""
    name = source.rsplit("/", 1)[-1]
    if name == "realistic_requests.json":
        return "Realistic requests", "realistic-requests"
    return f"Requests of {name}", f"requests-{name.removesuffix('.json')}"
