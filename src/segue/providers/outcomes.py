"""What each live source did for one answer (`ok`, `cached`, a failure, `disabled`), and how outcomes combine.

Apart from the hub that records them: an answer from the catalog alone lists the sources as `disabled` too, and it
must not import the sources' HTTP stack to say so (BENCHMARKS.md, issue 14, `segue ask`).
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """What one source did for one answer."""

    OK = "ok"
    CACHED = "cached"
    TIMEOUT = "timeout"
    ERROR = "error"
    OPEN = "open-circuit"
    DISABLED = "disabled"


FAILURES = frozenset({Outcome.TIMEOUT, Outcome.ERROR, Outcome.OPEN})
PRECEDENCE = {Outcome.CACHED: 0, Outcome.OK: 1, Outcome.ERROR: 2, Outcome.TIMEOUT: 3, Outcome.OPEN: 4}
"""Combining calls of one source: any live answer beats cached, any failure beats success."""


def degraded(outcomes: dict[str, str]) -> bool:
    """True when a source that was asked failed (so the answer leans on what did answer, or on the catalog)."""
    return any(o in FAILURES for o in outcomes.values())


def merge_outcomes(*maps: dict[str, str]) -> dict[str, str]:
    """Outcomes of several rounds of one answer: per source the one that takes precedence (a failure wins)."""
    out: dict[str, str] = {}
    for outcomes in maps:
        for name, value in outcomes.items():
            old = out.get(name)
            if old is None or _rank(value) > _rank(old):
                out[name] = value
    return out


def _rank(value: str) -> int:
    try:
        return PRECEDENCE[Outcome(value)]
    except (KeyError, ValueError):
        return -1  # disabled (or unknown): anything actually observed says more
