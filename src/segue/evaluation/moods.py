"""Mood-query quality: the share of returned tracks that satisfy checkable constraints, and empty answers.

The checks live in the query files (tests/data/mood_queries.json in English, tests/data/language_queries.json in
the other request languages), written by a person from the text alone; they are judged against the catalog's own
data, never against the parser's interpretation, so a parser that misunderstands a request is caught here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from segue.domain import FEATURE_NAMES, Track
from segue.engine.protocols import CatalogView
from segue.engine.query import MOODS_BY_LABEL
from segue.engine.service import RecommendationService


@dataclass(frozen=True, slots=True)
class QueryCheck:
    """One request and what every returned track must satisfy."""

    text: str
    features: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    year: tuple[int | None, int | None] | None = None
    genres_any: tuple[str, ...] = ()
    not_genres: tuple[str, ...] = ()
    not_artists: tuple[str, ...] = ()
    popularity_max: float | None = None
    count: int | None = None
    """The number of tracks the text asks for; the answer is then asked without an explicit count."""
    language: str = "en"
    split: str = "dev"
    """'dev' (tuned on) or 'heldout' (looked at only to report)."""

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> QueryCheck:
        check = raw.get("check", {})
        year = check.get("year")
        return cls(
            text=str(raw["text"]),
            features={k: (v[0], v[1]) for k, v in check.get("features", {}).items()},
            year=(year[0], year[1]) if year else None,
            genres_any=tuple(g.casefold() for g in check.get("genres_any", [])),
            not_genres=tuple(g.casefold() for g in check.get("not_genres", [])),
            not_artists=tuple(a.casefold() for a in check.get("not_artists", [])),
            popularity_max=check.get("popularity_max"),
            count=check.get("count"),
            language=str(raw.get("language", "en")),
            split=str(raw.get("split", "dev")),
        )

    def failures(self, track: Track, artist_genres: Sequence[str], *, returned: int | None = None) -> list[str]:
        """Which checks this track fails (empty when it satisfies the query); `returned` is the answer's length."""
        failed = []
        if self.count is not None and returned is not None and returned != self.count:
            failed.append(f"count={returned}")
        values = track.features.to_dict()
        for name, (low, high) in self.features.items():
            value = values.get(name)
            if value is None or (low is not None and value < low) or (high is not None and value > high):
                failed.append(f"{name}={value}")
        if self.year is not None:
            low_y, high_y = self.year
            if (
                track.year is None
                or (low_y is not None and track.year < low_y)
                or (high_y is not None and track.year > high_y)
            ):
                failed.append(f"year={track.year}")
        own = [g.casefold() for g in track.genres]
        every = own + [g.casefold() for g in artist_genres]
        if self.genres_any and not any(want in g for want in self.genres_any for g in every):
            failed.append(f"genres={own[:4]}")
        if any(bad in g for bad in self.not_genres for g in own):
            failed.append(f"excluded genre in {own[:4]}")
        if any(a.casefold() in self.not_artists for a in track.artists):
            failed.append("excluded artist")
        if self.popularity_max is not None and track.popularity is not None and track.popularity > self.popularity_max:
            failed.append(f"popularity={track.popularity}")
        return failed


@dataclass(frozen=True, slots=True)
class QueryOutcome:
    text: str
    returned: int
    satisfied: int
    failures: tuple[str, ...]
    language: str = "en"
    split: str = "dev"
    detected: str | None = None
    """The language the parser said the request was in."""


@dataclass(frozen=True, slots=True)
class MoodReport:
    """Aggregate over all queries."""

    outcomes: tuple[QueryOutcome, ...]
    shares: tuple[tuple[str, float], ...] = ()
    """Each mood's share of the tracks with audio features that fall inside all of its ranges."""

    @property
    def returned(self) -> int:
        return sum(o.returned for o in self.outcomes)

    @property
    def satisfied(self) -> int:
        return sum(o.satisfied for o in self.outcomes)

    @property
    def share(self) -> float:
        return self.satisfied / self.returned if self.returned else 0.0

    @property
    def empty(self) -> int:
        return sum(1 for o in self.outcomes if o.returned == 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "queries": len(self.outcomes),
            "tracks": self.returned,
            "satisfied": self.satisfied,
            "share": round(self.share, 4),
            "empty": self.empty,
            "failing": [
                {"text": o.text, "returned": o.returned, "satisfied": o.satisfied, "failures": list(o.failures[:3])}
                for o in self.outcomes
                if o.satisfied < o.returned or o.returned == 0
            ],
        }

    def markdown(self, command: str) -> str:
        lines = [
            "## Mood and constraint queries",
            "",
            f"`{command}` over {len(self.outcomes)} natural-language queries with checkable constraints "
            "(tests/data/mood_queries.json), 10 tracks each.",
            "",
            "| queries | tracks returned | satisfy their query | share | empty answers |",
            "|---|---|---|---|---|",
            f"| {len(self.outcomes)} | {self.returned} | {self.satisfied} | {self.share:.1%} | {self.empty} |",
            "",
        ]
        failing = [o for o in self.outcomes if o.satisfied < o.returned or o.returned == 0]
        if failing:
            lines += [
                "Queries with misses:",
                "",
                "| query | returned | satisfied | first failures |",
                "|---|---|---|---|",
            ]
            for o in failing:
                lines.append(f"| {o.text} | {o.returned} | {o.satisfied} | {'; '.join(o.failures[:2])} |")
            lines.append("")
        if self.shares:
            lines += [
                "Each mood's share of the catalog's tracks with audio features inside all of its ranges (a bound",
                "that admits almost nothing or almost everything is a bad filter):",
                "",
                "| mood | share |",
                "|---|---|",
                *(f"| {label} | {share:.1%} |" for label, share in self.shares),
                "",
            ]
        return "\n".join(lines)


def load_checks(path: Path, *, split: str | None = None) -> list[QueryCheck]:
    """Read the query file; with `split`, only that split's queries ('dev' or 'heldout')."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    checks = [QueryCheck.from_dict(q) for q in raw["queries"]]
    return [c for c in checks if split is None or c.split == split]


def language_rows(english: MoodReport, other: MoodReport) -> list[dict[str, Any]]:
    """One row per language and split: English first (all of its queries), then each other language's splits."""
    groups: dict[tuple[str, str], list[QueryOutcome]] = {("en", "all"): list(english.outcomes)}
    for o in other.outcomes:
        groups.setdefault((o.language, o.split), []).append(o)
    rows = []
    for (language, split), outcomes in groups.items():
        returned = sum(o.returned for o in outcomes)
        satisfied = sum(o.satisfied for o in outcomes)
        rows.append(
            {
                "language": language,
                "split": split,
                "queries": len(outcomes),
                "tracks": returned,
                "satisfied": satisfied,
                "share": round(satisfied / returned, 4) if returned else 0.0,
                "empty": sum(1 for o in outcomes if o.returned == 0),
                "detected": sum(1 for o in outcomes if o.detected == language),
            }
        )
    return rows


def language_markdown(english: MoodReport, other: MoodReport, command: str) -> str:
    """The per-language section: each language's share beside English's, and the requests with misses."""
    lines = [
        "## Requests in other languages",
        "",
        f"`{command}` over tests/data/language_queries.json: requests in Spanish, French, German, Brazilian",
        "Portuguese and Japanese with checkable constraints (moods, activities, local decades, local genre names,",
        "counts, exclusions, 'like X' cues, with and without accents, some mixed with English), written before the",
        "parser learned the languages; `heldout` rows were not looked at while tuning. English is the mood set above.",
        "Before the parser read them (commit 6cd5997, English-only reading), dev shares were es 64.2%, fr 46.3%,",
        "de 65.8%, pt-BR 65.0% with 4, 5, 9 and 4 empty answers; held-out 24.0%, 23.5%, 15.5%, 23.4%. The Japanese",
        "rows came with the word splitter's first table (thirty-fifth session): dev 78.8% with 4 empty answers,",
        "held-out 65.5%, before the table was widened on the dev rows' misreadings.",
        "",
        "`language read` counts the requests the parser said were written in that language; it says no language",
        "when nothing tells (a bare genre: 'salsa') or two languages share the words ('música instrumental').",
        "",
        "| language | split | queries | tracks returned | satisfy their query | share | empty answers "
        "| language read |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in language_rows(english, other):
        lines.append(
            f"| {r['language']} | {r['split']} | {r['queries']} | {r['tracks']} | {r['satisfied']} | "
            f"{r['share']:.1%} | {r['empty']} | {r['detected']} |"
        )
    lines.append("")
    failing = [o for o in other.outcomes if o.satisfied < o.returned or o.returned == 0]
    if failing:
        lines += ["Requests with misses:", "", "| language | request | returned | satisfied | first failures |"]
        lines.append("|---|---|---|---|---|")
        for o in failing:
            first = "; ".join(o.failures[:2])
            lines.append(f"| {o.language} | {o.text} | {o.returned} | {o.satisfied} | {first} |")
        lines.append("")
    return "\n".join(lines)


async def evaluate_queries(
    service: RecommendationService, catalog: CatalogView, checks: Sequence[QueryCheck], *, count: int = 10
) -> MoodReport:
    """Ask every query and judge every returned track against its checks."""
    outcomes = []
    for check in checks:
        # A request that names its own count is asked without one, so the count it asked for is what is judged.
        answer = await service.ask(check.text, count=None if check.count is not None else count)
        satisfied = 0
        failures: list[str] = []
        returned = len(answer.results)
        for rec in answer.results:
            artist_idx = catalog.artist_index(rec.track.artist_ids[0]) if rec.track.artist_ids else None
            artist_genres = catalog.artist(artist_idx).genres if artist_idx is not None else ()
            failed = check.failures(rec.track, artist_genres, returned=returned)
            if failed:
                failures.append(f"{rec.track.display}: {', '.join(failed)}")
            else:
                satisfied += 1
        outcome = QueryOutcome(
            check.text, returned, satisfied, tuple(failures), check.language, check.split, answer.query.language
        )
        outcomes.append(outcome)
    return MoodReport(tuple(outcomes), mood_shares(catalog))


def mood_shares(catalog: CatalogView) -> tuple[tuple[str, float], ...]:
    """Per mood label, the fraction of tracks with audio features that satisfy every one of its ranges."""
    features = np.asarray(catalog.features, dtype=np.float64)
    measured = np.isfinite(features).all(axis=1)
    total = int(measured.sum())
    shares = []
    for label, mood in sorted(MOODS_BY_LABEL.items()):
        inside = measured.copy()
        for rng in mood.ranges:
            column = features[:, FEATURE_NAMES.index(rng.feature)]
            if rng.low is not None:
                inside &= column >= rng.low
            if rng.high is not None:
                inside &= column <= rng.high
        shares.append((label, float(inside.sum()) / total if total else 0.0))
    return tuple(shares)
